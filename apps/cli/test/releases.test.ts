import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import type { CliContext } from "../src/command.ts"
import releases from "../src/releases.ts"

const repoRoot = resolve(fileURLToPath(new URL("../../../", import.meta.url)))

describe("lao-protect releases", () => {
  const work = mkdtempSync(join(tmpdir(), "lp-releases-cli-"))
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const published = join(work, "published")
  const release = (id: string, createdAt: string, tier: string, synthetic: boolean, cases: number) => {
    mkdirSync(join(published, id), { recursive: true })
    writeFileSync(
      join(published, id, "manifest.json"),
      JSON.stringify({
        release: id,
        createdAt,
        tier,
        synthetic,
        counts: { cases, facts: 0 },
        suppressedCells: 3,
      }),
    )
  }
  const run = async (argv: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const stream = (to: string[]) =>
      ({ write: (s: string) => to.push(s) > 0 }) as unknown as NodeJS.WriteStream
    const ctx: CliContext = {
      cwd: work,
      repoRoot,
      defaultDb: join(work, "w.duckdb"),
      resolve: (p) => resolve(work, p),
      stdout: stream(out),
      stderr: stream(err),
    }
    const code = await releases.run(argv, ctx)
    return { code, stdout: out.join(""), stderr: err.join("") }
  }

  it("lists releases newest first with the current one marked, and switches back to an earlier one", async () => {
    release("2024-01-01T00-00-00Z", "2024-01-01T00:00:00.000Z", "public", true, 5000)
    release("2024-06-01T00-00-00Z", "2024-06-01T00:00:00.000Z", "planners", false, 140)
    writeFileSync(join(published, "current.json"), JSON.stringify({ release: "2024-06-01T00-00-00Z" }))
    const list = await run(["--out", "published"])
    const lines = list.stdout.trim().split("\n")
    expect(lines[1]).toMatch(/^\* 2024-06-01T00-00-00Z\s+2024-06-01T00:00:00\s+planners\s+real\s+140\s+3$/)
    expect(lines[2]).toMatch(
      /^ {2}2024-01-01T00-00-00Z\s+2024-01-01T00:00:00\s+public\s+synthetic\s+5000\s+3$/,
    )
    const use = await run(["use", "2024-01-01T00-00-00Z", "--out", "published"])
    expect(use.code).toBe(0)
    expect(use.stdout).toContain(
      "the dashboard now shows release 2024-01-01T00-00-00Z (public, synthetic, 5000 cases)",
    )
    expect(JSON.parse(readFileSync(join(published, "current.json"), "utf8"))).toEqual({
      release: "2024-01-01T00-00-00Z",
    })
  })

  it("refuses a release that is not there, naming those that are", async () => {
    const r = await run(["use", "nope", "--out", "published"])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("no release nope")
    expect(r.stderr).toContain("2024-06-01T00-00-00Z")
    expect(JSON.parse(readFileSync(join(published, "current.json"), "utf8")).release).toBe(
      "2024-01-01T00-00-00Z",
    )
  })
})
