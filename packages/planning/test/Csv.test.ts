import { describe, expect, it } from "vitest"
import { csvCell, parseCsv, toCsv } from "../src/internal/csv.ts"

describe("CSV export", () => {
  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell("+1")).toBe("'+1")
    expect(csvCell("-2+3")).toBe("'-2+3")
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)")
    expect(csvCell("\tx")).toBe("'\tx")
    expect(csvCell("Phonsavan")).toBe("Phonsavan")
  })

  it("writes numbers as numbers (a negative number is not a formula), empty for null", () => {
    expect(csvCell(-3.5)).toBe("-3.5")
    expect(csvCell(null)).toBe("")
    expect(csvCell(undefined)).toBe("")
    expect(csvCell(Number.NaN)).toBe("")
    expect(csvCell(true)).toBe("true")
  })

  it("quotes commas, quotes and line breaks; starts with a BOM; CRLF lines; header first", () => {
    const text = toCsv(
      ["a", "b"],
      [
        ["x,y", 'say "hi"'],
        ["line\nbreak", "ຫຼວງພະບາງ"],
      ],
    )
    expect(text).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",ຫຼວງພະບາງ\r\n')
  })

  it("round-trips through the reader", () => {
    const rows = [
      ["x,y", 'q"q', "ລາວ"],
      ["", "2", "multi\r\nline"],
    ]
    const parsed = parseCsv(toCsv(["a", "b", "c"], rows))
    expect(parsed.header).toEqual(["a", "b", "c"])
    expect(parsed.records.map((r) => r.cells)).toEqual(rows)
  })
})

describe("CSV reading", () => {
  it("skips comment and blank lines and reports the file line of each record", () => {
    const parsed = parseCsv('# ILLUSTRATIVE\na,b\n\n1,2\n# note\n"3\n4",5\n6,7')
    expect(parsed.header).toEqual(["a", "b"])
    expect(parsed.records).toEqual([
      { line: 4, cells: ["1", "2"] },
      { line: 6, cells: ["3\n4", "5"] },
      { line: 8, cells: ["6", "7"] },
    ])
  })
})
