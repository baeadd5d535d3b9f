import { describe, expect, it } from "vitest"
import { parseCsv, recordsAsObjects, toCsv } from "../src/internal/csv.ts"

// The CSV rules themselves (quoting, neutralisation, BOM, delimiters) are tested in @lao-protect/csv.
describe("planning CSV files", () => {
  it("write a header first, numbers as numbers, formulas neutralised, and round-trip through the reader", () => {
    const rows = [
      ["x,y", 'q"q', "ລາວ", -3.5],
      ["=SUM(A1)", "2", "multi\r\nline", null],
    ]
    const text = toCsv(["a", "b", "c", "d"], rows)
    expect(text.startsWith('\uFEFFa,b,c,d\r\n"x,y","q""q",ລາວ,-3.5\r\n')).toBe(true)
    const parsed = parseCsv(text)
    expect(parsed.header).toEqual(["a", "b", "c", "d"])
    expect(parsed.records.map((r) => r.cells)).toEqual([
      ["x,y", 'q"q', "ລາວ", "-3.5"],
      ["'=SUM(A1)", "2", "multi\r\nline", ""],
    ])
  })

  it("skip comment and blank lines, report the file line of each record, trim header and cells", () => {
    const parsed = parseCsv('# ILLUSTRATIVE\na , b\n\n1,2\n# note\n"3\n4",5\n6, 7 ')
    expect(parsed.header).toEqual(["a", "b"])
    expect(parsed.records).toEqual([
      { line: 4, cells: ["1", "2"] },
      { line: 6, cells: ["3\n4", "5"] },
      { line: 8, cells: ["6", " 7 "] },
    ])
    expect(recordsAsObjects(parsed).map((r) => [r.line, r.values])).toEqual([
      [4, { a: "1", b: "2" }],
      [6, { a: "3\n4", b: "5" }],
      [8, { a: "6", b: "7" }],
    ])
  })
})
