import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import type { CliContext } from "../src/command.ts"
import importCommand from "../src/import.ts"
import mappingCommand from "../src/mapping.ts"

const repoRoot = resolve(fileURLToPath(new URL("../../../", import.meta.url)))

describe("lao-protect import and mapping suggest, as a partner's data manager uses them", () => {
  const work = mkdtempSync(join(tmpdir(), "lp-import-cli-"))
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const capture = () => {
    const chunks: string[] = []
    const stream = { write: (s: string) => chunks.push(s) > 0, isTTY: false } as unknown as NodeJS.WriteStream
    return { stream, text: () => chunks.join("") }
  }
  const run = async (command: typeof importCommand, argv: string[]) => {
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
    const code = await command.run(argv, ctx)
    return { code, stdout: stdout.text(), stderr: stderr.text() }
  }
  const register = [
    "No.,Date found,Gender,Kind of victim,Exploitation type",
    "K-1,15/01/2567,F,repatriated from abroad,Forced Labour",
    "K-2,2024-01-16,ຍິງ,local,forced labour",
    ",,,,",
    "K-3,2024-01-17,X,local,forced labour",
  ].join("\n")

  it("suggests a mapping, which filled in imports every good row; dry run first changes nothing", async () => {
    writeFileSync(join(work, "register.csv"), register)
    const s = await run(mappingCommand, ["suggest", "register.csv"])
    expect(s.code).toBe(0)
    expect(s.stdout).toContain('sex: "X"')
    const mapping = JSON.parse(readFileSync(join(work, "register.csv.mapping.json"), "utf8"))
    expect(mapping.columns).toMatchObject({ Gender: "sex" })
    expect(mapping.values.sex).toMatchObject({ F: "female", ຍິງ: "female", X: "" })
    mapping.columns = {
      ...mapping.columns,
      "No.": "case_id",
      "Date found": "identification_date",
      "Kind of victim": "victim_group",
      "Exploitation type": "exploitation_form",
    }
    mapping.values.victim_group = { "repatriated from abroad": "repatriated_lao", local: "local_lao" }
    // Blanks left unfilled (sex "X", set.source, set.citizenship) are not mappings.
    writeFileSync(join(work, "map.json"), JSON.stringify(mapping))

    const dry = await run(importCommand, [
      "register.csv",
      "--mapping",
      "map.json",
      "--set",
      "citizenship=LAO",
      "--source",
      "lwu",
      "--dry-run",
    ])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain("dry run: nothing was written")
    expect(dry.stdout).toContain("rows read: 3\naccepted: 2\nrejected: 1\nwarnings: 1\n")
    expect(dry.stdout).toContain("blank rows skipped: 1 (rows 4)")
    expect(existsSync(join(work, "register.csv.rejected.csv"))).toBe(false)
    // Not a terminal: plain progress lines.
    expect(dry.stderr).toMatch(/saving: done in \d+\.\d s/)

    const real = await run(importCommand, [
      "register.csv",
      "--mapping",
      "map.json",
      "--set",
      "citizenship=LAO",
      "--source",
      "lwu",
    ])
    expect(real.stdout).toContain("cases inserted: 2")
    expect(real.stdout).toMatch(
      /warnings \(row, column, value, warning\):\n\s+2 {2}identification_date\s+15\/01\/2567/,
    )
    expect(real.stdout).toContain("sex: not a known code")
    expect(real.stdout).toContain(`warnings by row: ${join(work, "register.csv.warnings.csv")}`)
    expect(existsSync(join(work, "register.csv.rejected.csv"))).toBe(true)
  }, 60_000)

  it("a --set for a column that does not exist is a usage error", async () => {
    writeFileSync(join(work, "r2.csv"), register)
    await expect(run(importCommand, ["r2.csv", "--set", "nationality=LAO"])).rejects.toThrow(
      /not a CaseRow column/,
    )
  })
})
