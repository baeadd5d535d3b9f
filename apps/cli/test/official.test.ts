import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import type { CliContext } from "../src/command.ts"
import official from "../src/official.ts"

const repoRoot = resolve(fileURLToPath(new URL("../../../", import.meta.url)))
const FIXTURE = join(repoRoot, "data/fixtures/unodc/glotip-fixture.csv")

describe("lao-protect official import-unodc", () => {
  const work = mkdtempSync(join(tmpdir(), "lp-official-cli-"))
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const capture = () => {
    const chunks: string[] = []
    const stream = { write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream
    return { stream, text: () => chunks.join("") }
  }
  const run = async (argv: string[]) => {
    const stdout = capture()
    const stderr = capture()
    const ctx: CliContext = {
      cwd: work,
      repoRoot,
      defaultDb: join(work, "w.duckdb"),
      resolve: (p) => resolve(work, p),
      stdout: stdout.stream,
      stderr: stderr.stream,
    }
    const code = await official.run(argv, ctx)
    return { code, stdout: stdout.text(), stderr: stderr.text() }
  }

  it("prints the three numbers and the rejected rows, and writes them neutralised to --rejected", async () => {
    copyFileSync(FIXTURE, join(work, "g.csv"))
    const r = await run(["import-unodc", "g.csv", "--rejected", "rej.csv"])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("rows read: 53\naccepted: 48\nrejected: 5\n")
    expect(r.stdout).toContain('row 53, Year "20x1": not a year')
    const rejected = readFileSync(join(work, "rej.csv"), "utf8")
    expect(rejected.split("\r\n")[0]).toBe("\ufeffrow,field,value,reason")
    expect(rejected).toContain('54,txtVALUE,"12,5",')
  })

  it("fails with exit code 1 and a message on a file that is not GLOTIP", async () => {
    writeFileSync(join(work, "x.csv"), "a,b\n1,2\n")
    const r = await run(["import-unodc", "x.csv"])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("official import failed: no header row")
  })
})
