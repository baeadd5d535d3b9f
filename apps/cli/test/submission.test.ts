/** Three synthetic partners: synth --partners, submission export at each, import + link at the Secretariat. */
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const bin = fileURLToPath(new URL("../bin/lao-protect.mjs", import.meta.url))
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" })

describe("lao-protect submission", () => {
  it("merges three partners' submissions into one warehouse without any name leaving a partner", () => {
    const dir = mkdtempSync(join(tmpdir(), "lp-submission-"))
    const key = join(dir, "key.hex")
    expect(run("submission", "keygen", "--out", key).status).toBe(0)
    expect(run("submission", "keygen", "--out", key).status).toBe(2)
    const synth = run(
      "synth",
      "--partners",
      "--persons",
      "300",
      "--out-dir",
      join(dir, "partners"),
      "--seed",
      "3",
    )
    expect(synth.status, synth.stderr).toBe(0)
    const partners = readdirSync(join(dir, "partners"))
      .filter((f) => f !== "truth.csv")
      .slice(0, 3)
    const submissions = partners.map((file) => {
      const out = join(dir, `sub-${file}`)
      const r = run(
        "submission",
        "export",
        "--in",
        join(dir, "partners", file),
        "--out",
        out,
        "--secret-file",
        key,
      )
      expect(r.status, r.stderr).toBe(0)
      const text = readFileSync(out, "utf8")
      expect(text).not.toMatch(/SYNTHETIC record|\+856/)
      return out
    })
    const db = join(dir, "wh.duckdb")
    const imported = run("submission", "import", "--db", db, "--secret-file", key, ...submissions)
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/linked \d+ cases into \d+ persons/)
    const [, cases, persons] = /linked (\d+) cases into (\d+) persons/.exec(imported.stdout)!
    expect(Number(persons)).toBeLessThan(Number(cases))
    expect(existsSync(db)).toBe(true)
    // the review list shows each pair's record ids, probability and the level of all seven comparisons
    const listed = run("submission", "review", "--db", db, "--list")
    expect(listed.status, listed.stderr).toBe(0)
    const lines = listed.stdout.trim().split("\n")
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line.split("\t")).toHaveLength(10)
    const other = join(dir, "other.hex")
    run("submission", "keygen", "--out", other)
    const wrongKey = run(
      "submission",
      "import",
      "--db",
      db,
      "--secret-file",
      other,
      "--no-link",
      submissions[0]!,
    )
    expect(wrongKey.status).toBe(1)
    expect(wrongKey.stderr).toMatch(/row 1, link_key_id: made with another secret/)
  }, 180_000)
})
