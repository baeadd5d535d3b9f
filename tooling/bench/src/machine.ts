/** The machine and the versions a result was measured with, for the report header. */

import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { cpus, loadavg, totalmem } from "node:os"
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
  loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
})

/** The commit measured and how many tracked files differed from it (the tree is shared and moves). */
export const gitState = (): Record<string, string> => {
  // Not trimmed: porcelain lines start with a status column that may be a space.
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).replace(/\n$/, "")
    } catch {
      return ""
    }
  }
  const dirty = git("status", "--porcelain", "--untracked-files=no")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => l.slice(3))
  return {
    commit: git("rev-parse", "--short", "HEAD") || "unknown",
    uncommitted: dirty.length === 0 ? "none" : dirty.join(", "),
  }
}

export const versions = (): Record<string, string> => ({
  node: process.version,
  "@duckdb/node-api": versionOf("packages/warehouse", "@duckdb/node-api"),
  "@duckdb/duckdb-wasm": versionOf("apps/dashboard", "@duckdb/duckdb-wasm"),
  effect: versionOf("packages/domain", "effect"),
  vite: versionOf("apps/dashboard", "vite"),
  "playwright-core": versionOf("tooling/bench", "playwright-core"),
})
