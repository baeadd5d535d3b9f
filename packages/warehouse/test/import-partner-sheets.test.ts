/**
 * Partner sheets as they arrive: blank spreadsheet rows, Buddhist Era dates typed into Excel date
 * cells, disputed ages and loosely spelled places (warnings by row, written next to the input),
 * and `dryRun` (everything counted, nothing written).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { strToU8, zipSync } from "fflate"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { importFile } from "../src/node/import/import-file.ts"
import { readXlsx } from "../src/node/import/xlsx.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"

const model = domainModel()
let dir: string
let db: NodeConnector
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-sheets-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
})
afterEach(async () => {
  await db.close()
})
const write = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}
const count = async (sql: string) => Number((await db.query<{ n: number }>(sql))[0]!.n)
const HEADER = "case_id,source,identification_date,victim_group,sex,citizenship,exploitation_form"
const ok = (id: string) => `${id},lwu,2024-01-15,local_lao,female,LAO,forced_labour`

describe("blank rows", () => {
  it("are skipped and reported, never rejected, and rows read counts records", async () => {
    const file = write(
      "blank.csv",
      [HEADER, ok("B1"), ",,,,,,", ok("B2"), "", " , ,,,,,", ok("B3")].join("\n"),
    )
    const r = await importFile(db, { file, model })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([3, 3, 0])
    expect(r.skippedBlank).toBe(3)
    expect(r.skippedRows).toEqual([3, 5, 6])
    expect(await count("SELECT count(*) AS n FROM quarantine")).toBe(0)
  })

  it("a template's pre-numbered rows (a number under an empty header and nothing else) are blank", async () => {
    const lines = [`,${HEADER}`, `1,${ok("N1")}`, `2,${ok("N2")}`]
    for (let i = 3; i <= 1000; i++) lines.push(`${i},,,,,,,`)
    const r = await importFile(db, { file: write("numbered.csv", lines.join("\n")), model })
    expect([r.rowsRead, r.accepted, r.rejected, r.skippedBlank]).toEqual([2, 2, 0, 998])
  })
})

/** A workbook whose B column cells carry a date format (style 1 = built-in format 14). */
function xlsxWithDateCells(rows: ReadonlyArray<ReadonlyArray<string | { date: number }>>): Uint8Array {
  const col = (i: number) => String.fromCharCode(65 + i)
  const body = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row
          .map((v, c) =>
            typeof v === "string"
              ? `<c r="${col(c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`
              : `<c r="${col(c)}${r + 1}" s="1"><v>${v.date}</v></c>`,
          )
          .join("")}</row>`,
    )
    .join("")
  return zipSync({
    "xl/workbook.xml": strToU8(
      `<workbook xmlns:r="r"><sheets><sheet name="Cases" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      `<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${body}</sheetData></worksheet>`),
  })
}
const serial = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000

describe("xlsx date cells", () => {
  it("a date typed with a Buddhist Era year converts like text and is never shown as a serial", async () => {
    const head = HEADER.split(",")
    const cells = (id: string, date: { date: number }) => [
      id,
      "lwu",
      date,
      "local_lao",
      "female",
      "LAO",
      "forced_labour",
    ]
    const bytes = xlsxWithDateCells([
      head,
      cells("X1", { date: serial(2567, 6, 15) }),
      cells("X2", { date: serial(2024, 6, 16) }),
      cells("X3", { date: serial(2599, 1, 1) }),
    ])
    expect(readXlsx(bytes).rows[1]!.cells[2]).toBe("2567-06-15")
    const r = await importFile(db, { file: write("be.xlsx", bytes), model })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([3, 2, 1])
    const dates = await db.query<{ case_id: string; d: string }>(
      "SELECT case_id, strftime(identification_date, '%Y-%m-%d') AS d FROM cases ORDER BY case_id",
    )
    expect(dates).toEqual([
      { case_id: "X1", d: "2024-06-15" },
      { case_id: "X2", d: "2024-06-16" },
    ])
    expect(r.warningRows).toEqual([
      {
        row: 2,
        column: "identification_date",
        value: "2567-06-15",
        message: expect.stringMatching(/Buddhist Era/),
      },
    ])
    const rejected = readFileSync(r.rejectedFile!, "utf8")
    expect(rejected).toContain("2599-01-01")
    expect(rejected).not.toContain(String(serial(2599, 1, 1)))
  })
})

describe("warnings by row", () => {
  it("Buddhist Era dates and disputed ages are listed by row and written next to the input; a loosely spelled place is rejected with its candidate", async () => {
    const file = write(
      "warn.csv",
      [
        `${HEADER},date_of_birth,age_years,origin_district`,
        `${ok("W1").replace("2024-01-15", "15/01/2567")},,,`,
        `${ok("W2")},2000-01-01,16,`,
        `${ok("W3")},,,Saithany`,
        `${ok("W4")},2000-01-01,24,Xaythany`,
      ].join("\n"),
    )
    const r = await importFile(db, { file, model })
    // A loose spelling is never picked (the domain's rule, issue 13): the row is rejected with the
    // candidate named, so the partner writes the code or the exact name.
    expect([r.accepted, r.rejected, r.warnings]).toEqual([3, 1, 2])
    expect(readFileSync(r.rejectedFile!, "utf8")).toContain("did you mean LA0106?")
    expect(r.warningRows!.map((w) => [w.row, w.column])).toEqual([
      [2, "identification_date"],
      [3, "age_years"],
    ])
    expect(r.warningRows![1]!.message).toContain(
      "age_disputed: age_years 16 and date_of_birth 2000-01-01 disagree on whether the person was under 18",
    )
    expect(r.warningsFile).toBe(`${file}.warnings.csv`)
    const lines = readFileSync(r.warningsFile!, "utf8").trim().split(/\r?\n/)
    expect(lines[0]!.replace(/^\uFEFF/, "")).toBe("row,column,value,warning")
    expect(lines).toHaveLength(3)
  })
})

describe("dry run", () => {
  it("reports what an import would do and writes nothing", async () => {
    const file = write("dry.csv", [HEADER, ok("D1"), ok("D2").replace("female", "zz"), ok("D1")].join("\n"))
    const r = await importFile(db, { file, model, dryRun: true })
    expect(r.status).toBe("dry_run")
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([3, 1, 2])
    expect(r.rejectedByReason).toEqual([
      { column: "case_id", reason: "duplicate case id in this file (first seen in row 2)", rows: 1 },
      {
        column: "sex",
        reason:
          "not a known code: expected one of female, male, transgender_woman, transgender_man, non_binary, unknown",
        rows: 1,
      },
    ])
    expect(r.rejectedFile).toBeUndefined()
    expect(existsSync(`${file}.rejected.csv`)).toBe(false)
    expect(await count("SELECT count(*) AS n FROM cases")).toBe(0)
    expect(await count("SELECT count(*) AS n FROM import_log")).toBe(0)
    expect(await count("SELECT count(*) AS n FROM quarantine")).toBe(0)
    // The real import afterwards is not "already imported".
    const real = await importFile(db, { file, model })
    expect([real.status, real.accepted]).toEqual(["committed", 1])
  })
})
