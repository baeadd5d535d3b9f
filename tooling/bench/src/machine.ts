/** The machine and the versions a result was measured with, for the report header. */
import { readFileSync } from "node:fs"
import { cpus, totalmem } from "node:os"
import { join } from "node:path"
import { repoRoot } from "./child.ts"

const versionOf = (pkgDir: string, name: string): string => {
  try {
    return (
      JSON.parse(readFileSync(join(repoRoot, pkgDir, "node_modules", name, "package.json"), "utf8")) as {
        version: string
      }
    ).version
  } catch {
    return "unknown"
  }
}

export const machine = (): Record<string, string | number> => ({
  cpu: cpus()[0]?.model.trim() ?? "unknown",
  cores: cpus().length,
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  platform: `${process.platform} ${process.arch}`,
})

export const versions = (): Record<string, string> => ({
  node: process.version,
  "@duckdb/node-api": versionOf("packages/warehouse", "@duckdb/node-api"),
  "@duckdb/duckdb-wasm": versionOf("apps/dashboard", "@duckdb/duckdb-wasm"),
  effect: versionOf("packages/domain", "effect"),
  vite: versionOf("apps/dashboard", "vite"),
  "playwright-core": versionOf("tooling/bench", "playwright-core"),
})
