import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { describe, expect, it } from "vitest"
import { checkImports, importsOf } from "../src/imports.ts"

/** A tiny workspace: warehouse (with src/node), domain and dashboard, each with a package.json. */
const workspace = (files: Record<string, string>): string => {
  const root = mkdtempSync(join(tmpdir(), "lint-imports-"))
  const all: Record<string, string> = {
    "package.json": "{}",
    "packages/warehouse/package.json": "{}",
    "packages/domain/package.json": "{}",
    "apps/dashboard/package.json": "{}",
    ...files,
  }
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}
const check = (files: Record<string, string>) =>
  checkImports(
    workspace(files),
    Object.keys(files).filter((f) => /\.(ts|tsx|mjs)$/.test(f)),
  ).map((v) => `${v.file}:${v.line} ${v.specifier}`)

describe("importsOf", () => {
  it("finds static, type-only, re-export and dynamic imports with their lines", () => {
    const text = [
      'import { a } from "x"',
      'import type { B } from "./b.ts"',
      'export * from "../c.ts"',
      'const m = await import("node:fs")',
      'import "side-effect"',
      'import sql from "./q.sql?raw"',
      'const s = "import nothing from here"',
    ].join("\n")
    expect(importsOf(text)).toEqual([
      { specifier: "x", line: 1 },
      { specifier: "./b.ts", line: 2 },
      { specifier: "../c.ts", line: 3 },
      { specifier: "node:fs", line: 4 },
      { specifier: "side-effect", line: 5 },
      { specifier: "./q.sql?raw", line: 6 },
    ])
  })
})

describe("checkImports", () => {
  it("fails on a Node builtin or @duckdb/node-api outside the warehouse's src/node/", () => {
    expect(
      check({
        "packages/warehouse/src/views/a.ts": 'import { readFile } from "node:fs/promises"',
        "packages/warehouse/src/views/b.ts": 'import { join } from "path"',
        "packages/warehouse/src/c.ts": 'import type { DuckDBConnection } from "@duckdb/node-api"',
        "packages/domain/src/d.ts": 'const fs = await import("fs")',
        "apps/dashboard/src/e.tsx": 'import { createHash } from "node:crypto"',
      }),
    ).toEqual([
      "packages/warehouse/src/views/a.ts:1 node:fs/promises",
      "packages/warehouse/src/views/b.ts:1 path",
      "packages/warehouse/src/c.ts:1 @duckdb/node-api",
      "packages/domain/src/d.ts:1 fs",
      "apps/dashboard/src/e.tsx:1 node:crypto",
    ])
  })

  it("allows Node imports under src/node/, in tests and in the dashboard's server", () => {
    expect(
      check({
        "packages/warehouse/src/node/a.ts":
          'import { readFile } from "node:fs/promises"\nimport "@duckdb/node-api"',
        "packages/warehouse/test/a.test.ts": 'import { join } from "node:path"',
        "apps/dashboard/server/serve.ts": 'import { createServer } from "node:http"',
      }),
    ).toEqual([])
  })

  it("fails on a relative import into another package, allows one inside the package and into data/", () => {
    expect(
      check({
        "apps/dashboard/e2e/a.ts": 'import { x } from "../../../packages/warehouse/test/fixture.ts"',
        "packages/warehouse/src/node/b.ts": 'import { y } from "../../../domain/src/y.ts"',
        "packages/warehouse/src/node/c.ts": 'import { z } from "../views/z.ts"\nimport q from "./q.sql?raw"',
        "apps/dashboard/src/d.ts": 'import csv from "../../../data/x.csv?raw"',
        "packages/warehouse/test/e.ts": 'import { w } from "@lao-protect/domain/src/w.ts"',
      }),
    ).toEqual([
      "apps/dashboard/e2e/a.ts:1 ../../../packages/warehouse/test/fixture.ts",
      "packages/warehouse/src/node/b.ts:1 ../../../domain/src/y.ts",
      "packages/warehouse/test/e.ts:1 @lao-protect/domain/src/w.ts",
    ])
  })
})
