/** The whole-process import figure: its timing runs and the figure built from them. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cliBin, cliProcessFigure, cliProcessRuns, timeProcess } from "../src/cli-process.ts"

// A stand-in CLI: `--help` returns at once, `import <file> --db <db>` checks it got a fresh copy of
// the file in an empty folder, writes the db and a rejected file beside the input, and takes 150 ms.
const fakeCli = (dir: string) => {
  const bin = join(dir, "fake-cli.mjs")
  writeFileSync(
    bin,
    `import { existsSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from "node:fs"
import { dirname } from "node:path"
const [cmd, file, , db] = process.argv.slice(2)
appendFileSync(${JSON.stringify(join(dir, "calls.log"))}, cmd + "\\n")
if (cmd === "--help") process.exit(0)
if (cmd !== "import" || readdirSync(dirname(file)).length !== 1 || existsSync(db)) process.exit(3)
if (readFileSync(file, "utf8") !== "a,b\\n1,2\\n") process.exit(4)
writeFileSync(db, "x"); writeFileSync(file + ".rejected.csv", "x")
await new Promise((r) => setTimeout(r, 150))
`,
  )
  return bin
}

describe("cliProcessRuns", () => {
  it("times import and --help as whole processes, alternating, each import on a fresh copy and warehouse", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-process-"))
    const csv = join(dir, "partner.csv")
    writeFileSync(csv, "a,b\n1,2\n")
    const r = await cliProcessRuns(csv, join(dir, "work"), 3, fakeCli(dir))
    expect(r.importSeconds).toHaveLength(3)
    expect(r.helpSeconds).toHaveLength(3)
    expect(readFileSync(join(dir, "calls.log"), "utf8").trim().split("\n")).toEqual([
      "--help",
      "import",
      "import",
      "--help",
      "--help",
      "import",
    ])
    for (const s of r.importSeconds) expect(s).toBeGreaterThan(0.15)
    expect(Math.min(...r.importSeconds)).toBeGreaterThan(Math.min(...r.helpSeconds))
    expect(existsSync(join(dir, "work", "import"))).toBe(false)
  }, 60_000)

  it("fails when the command exits non-zero, naming its last stderr line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cli-process-"))
    const bin = join(dir, "fail.mjs")
    writeFileSync(bin, `process.stderr.write("lao-protect: boom\\n"); process.exit(2)`)
    await expect(timeProcess(bin, ["import", "x.csv"], dir)).rejects.toThrow(/exited 2: lao-protect: boom/)
  })

  it("runs the real CLI's --help (the baseline exists and exits 0)", async () => {
    expect(await timeProcess(cliBin, ["--help"], tmpdir())).toBeGreaterThan(0)
  }, 60_000)
})

describe("cliProcessFigure", () => {
  it("pairs the runs into an import / --help ratio and judges it against < 2x", () => {
    const f = cliProcessFigure({ importSeconds: [1.5, 3, 2], helpSeconds: [1, 1, 1] }, 1000)
    expect(f.id).toBe("import.partner_file_process")
    expect(f.group).toBe("import")
    expect(f.size).toBe(0)
    expect(f.ratio).toMatchObject({ median: 2, min: 1.5, max: 3, runs: 3 })
    expect(f.goal).toEqual({ text: "< 2x `lao-protect --help`", pass: false })
    expect(f.better).toBe("lower")
    expect(cliProcessFigure({ importSeconds: [1.2, 1.9], helpSeconds: [1, 1] }, 1000).goal!.pass).toBe(true)
    expect(f.title).toContain("1,000-row")
  })
})
