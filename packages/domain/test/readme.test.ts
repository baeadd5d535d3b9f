/**
 * Every ```ts example in README.md is type-checked (tsc, the package's strict settings) and run:
 * each example asserts its own results with node:assert, so a wrong example fails here.
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"

const packageDir = fileURLToPath(new URL("..", import.meta.url))
const readme = readFileSync(join(packageDir, "README.md"), "utf8")
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!)
// Inside the package so that "@lao-protect/domain" resolves to this package (self-reference).
const dir = join(packageDir, "test", ".readme-examples")
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("README examples", () => {
  it("has examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(2)
  })

  it("type-check", () => {
    mkdirSync(dir, { recursive: true })
    const files = examples.map((code, i) => {
      const file = join(dir, `example-${i + 1}.ts`)
      writeFileSync(file, `${code}\nexport {}\n`)
      return file
    })
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: "../../../../tsconfig.base.json",
        compilerOptions: { types: ["node"], noEmit: true },
        files: files.map((f) => f.slice(dir.length + 1)),
      }),
    )
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
    const out = (() => {
      try {
        return execFileSync("node", [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8" })
      } catch (e) {
        return String((e as { stdout?: string }).stdout ?? e)
      }
    })()
    expect(out).toBe("")
  }, 120_000)

  for (const [i] of examples.entries()) {
    it(`example ${i + 1} runs and its assertions hold`, async () => {
      mkdirSync(dir, { recursive: true })
      const file = join(dir, `run-${i + 1}.ts`)
      writeFileSync(file, `${examples[i]}\nexport {}\n`)
      await import(/* @vite-ignore */ file)
    })
  }
})
