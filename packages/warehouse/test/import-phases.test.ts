/**
 * The import's phases on their own (the whole import, its transaction and invariants are covered by
 * import.test.ts and the other import suites): mapping check, header reading, column matching,
 * placing the report files, and the clean-up after a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import {
  checkedMapping,
  cleanUpAfter,
  ImportError,
  matchColumns,
  placeReportFiles,
  readHeader,
  reportFiles,
} from "../src/node/import/import-file.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"

const model = domainModel()
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "lp-phases-"))
})
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name)
  writeFileSync(p, data)
  return p
}

describe("checkedMapping", () => {
  it("turns a mapping naming an unknown column into an ImportError naming it", () => {
    expect(() => checkedMapping({ model, mapping: { Gender: "gender_of_person" } })).toThrow(ImportError)
    expect(() => checkedMapping({ model, mapping: { Gender: "gender_of_person" } })).toThrow(
      /gender_of_person/,
    )
  })
  it("returns the value words and set values of a valid mapping", () => {
    const m = checkedMapping({
      model,
      mapping: { Gender: "sex" },
      values: { sex: { F: "female" } },
      set: { citizenship: "LAO" },
    })
    expect(m.columns).toEqual({ Gender: "sex" })
    expect(m.set).toEqual({ citizenship: "LAO" })
  })
})

describe("readHeader", () => {
  const csv = { format: "csv" as const, sniffError: undefined, scan: undefined, maxRow: 1024 }
  it("reads a CSV header from the sniffed file without reading rows", async () => {
    const h = await readHeader(
      { file: "unused.csv" },
      { ...csv, sniffed: { header: ["case_id", "sex"], delimiter: ";" } },
    )
    expect(h).toEqual({ header: ["case_id", "sex"], tabular: undefined, delimiter: ";" })
  })
  it("refuses an empty CSV header and reports the sniffer's error", async () => {
    await expect(
      readHeader({ file: "x.csv" }, { ...csv, sniffed: { header: ["", ""], delimiter: "," } }),
    ).rejects.toThrow("the file is empty")
    await expect(
      readHeader({ file: "x.csv" }, { ...csv, sniffed: undefined, sniffError: "header too long" }),
    ).rejects.toThrow("header too long")
  })
  it("reads the header and rows of a JSON file, and refuses bytes that are not UTF-8", async () => {
    const file = write("cases.json", JSON.stringify([{ case_id: "A-1", sex: "female" }]))
    const h = await readHeader({ file }, { ...csv, format: "json", sniffed: undefined })
    expect(h.header).toEqual(["case_id", "sex"])
    expect(h.tabular?.rows).toHaveLength(1)
    const bad = write("bad.json", new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]))
    await expect(readHeader({ file: bad }, { ...csv, format: "json", sniffed: undefined })).rejects.toThrow(
      /not UTF-8/,
    )
  })
})

describe("matchColumns", () => {
  it("names both headers of a column given twice", () => {
    expect(() => matchColumns(["case_id", "sex", "Sex"], { model }, [])).toThrow(
      /duplicate columns: sex \("sex" and "Sex"\)/,
    )
  })
  it("lists the missing required columns, and --source / --set stand in for theirs", () => {
    expect(() => matchColumns(["sex"], { model }, [])).toThrow(/missing required columns: .*case_id/)
    const header = model.columns.filter((c) => c.required && c.name !== "source").map((c) => c.name)
    const { fileColumns } = matchColumns(header, { model, source: "afesip" }, [])
    expect(fileColumns.get(header[0]!)).toBe(0)
  })
})

describe("placeReportFiles", () => {
  const warning = { row: 2, column: "sex", value: "F", message: "check it" }
  it("a committed import renames its rejected file into place and writes the warnings", () => {
    const files = reportFiles({ file: join(dir, "in.csv") }, "id-1")
    expect(files.tmp).toBe(join(dir, "in.csv.rejected.csv.id-1.tmp"))
    writeFileSync(files.tmp, "rejected rows")
    placeReportFiles(files, {
      dryRun: false,
      writeRejected: true,
      wroteRejected: true,
      warningRows: [warning],
    })
    expect(existsSync(files.tmp)).toBe(false)
    expect(readFileSync(files.rejected, "utf8")).toBe("rejected rows")
    expect(readFileSync(files.warnings, "utf8")).toContain("2,sex,F,check it")
  })
  it("a clean import removes the reports an earlier import of the same file left", () => {
    const files = reportFiles({ file: join(dir, "in.csv") }, "id-2")
    writeFileSync(files.rejected, "old")
    writeFileSync(files.warnings, "old")
    placeReportFiles(files, { dryRun: false, writeRejected: true, wroteRejected: false, warningRows: [] })
    expect(existsSync(files.rejected)).toBe(false)
    expect(existsSync(files.warnings)).toBe(false)
  })
  it("a dry run removes only its temporary file; reports are written next to the file the user gave", () => {
    const files = reportFiles({ file: join(dir, "in.caserow.csv"), reportAs: join(dir, "in.xlsx") }, "id-3")
    expect(files.rejected).toBe(join(dir, "in.xlsx.rejected.csv"))
    writeFileSync(files.tmp, "new")
    writeFileSync(files.rejected, "old")
    placeReportFiles(files, {
      dryRun: true,
      writeRejected: true,
      wroteRejected: true,
      warningRows: [warning],
    })
    expect(existsSync(files.tmp)).toBe(false)
    expect(readFileSync(files.rejected, "utf8")).toBe("old")
    expect(existsSync(files.warnings)).toBe(false)
  })
})

describe("cleanUpAfter", () => {
  it("reports a clean-up step that fails (not a missing file) after the error that caused it, and runs every step", async () => {
    const busy = join(dir, "busy.tmp")
    mkdirSync(busy)
    writeFileSync(join(busy, "x"), "x")
    let ran = false
    const error = await cleanUpAfter(new Error("boom"), "row 3 is bad; nothing was imported", [
      ["removing the temporary rejected file", () => rmSync(busy, { force: true })],
      ["dropping the scratch tables", () => Promise.reject(new Error("connection closed"))],
      [
        "logging the failure",
        () => {
          ran = true
        },
      ],
    ])
    expect(error).toBeInstanceOf(ImportError)
    expect(error.message).toMatch(
      /^row 3 is bad; nothing was imported \(removing the temporary rejected file also failed: .*busy\.tmp.*; dropping the scratch tables also failed: connection closed\)$/,
    )
    expect(ran).toBe(true)
    expect((error.cause as Error).message).toBe("boom")
  })
  it("a missing temporary file is not a failure: the message is the error's alone", async () => {
    const error = await cleanUpAfter(new Error("boom"), "boom", [
      ["removing", () => rmSync(join(dir, "never"), { force: true })],
    ])
    expect(error.message).toBe("boom")
  })
})
