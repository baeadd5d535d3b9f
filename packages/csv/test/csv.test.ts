import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  BOM,
  CsvFormatError,
  csvField,
  csvLine,
  neutraliseCsvCell,
  readCsv,
  sniffDelimiter,
  splitCsvRecords,
  toCsv,
} from "../src/index.ts"

describe("writing", () => {
  it("neutralises text that a spreadsheet would run as a formula, keeps numbers as numbers", () => {
    for (const evil of ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
      expect(neutraliseCsvCell(evil)).toBe(`'${evil}`)
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvField("Phonsavan")).toBe("Phonsavan")
    expect(csvField(-3.5)).toBe("-3.5")
    expect(csvField(Number.NaN)).toBe("")
    expect(csvField(null)).toBe("")
    expect(csvField(true)).toBe("true")
  })

  it("quotes quotes, commas, semicolons, line breaks and padded text; raw mode does not neutralise", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"')
    expect(csvField("x;y")).toBe('"x;y"')
    expect(csvField("two\nlines")).toBe('"two\nlines"')
    expect(csvField(" pad")).toBe('" pad"')
    expect(csvField("+856 20 5555 1234", { neutralise: false })).toBe("+856 20 5555 1234")
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n")
  })

  it("a file starts with a BOM and has CRLF lines, header first", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["x,y", "ຫຼວງພະບາງ"],
      ]),
    ).toBe(`${BOM}a,b\r\n"x,y",ຫຼວງພະບາງ\r\n`)
  })
})

describe("reading", () => {
  it("drops the BOM, skips blank and (when asked) comment lines, and gives each record's line", () => {
    const text = `${BOM}# ILLUSTRATIVE\na,b\n\n1,2\n# note\n"3\n4",5\r\n ,\n6,7`
    expect(readCsv(text, { comments: true })).toEqual([
      { rowNumber: 2, cells: ["a", "b"] },
      { rowNumber: 4, cells: ["1", "2"] },
      { rowNumber: 6, cells: ["3\n4", "5"] },
      { rowNumber: 9, cells: ["6", "7"] },
    ])
    expect(readCsv("# a,b\n1,2")).toEqual([
      { rowNumber: 1, cells: ["# a", "b"] },
      { rowNumber: 2, cells: ["1", "2"] },
    ])
  })

  it("a comment line holding a quote does not open a quoted cell", () => {
    expect(readCsv('# say "hi, there\na\n1', { comments: true }).map((r) => r.cells)).toEqual([["a"], ["1"]])
  })

  it("reads semicolon and tab files and finds their delimiter", () => {
    expect(sniffDelimiter("a;b;c\n1;2;3")).toBe(";")
    expect(sniffDelimiter("a\tb\n1\t2")).toBe("\t")
    expect(sniffDelimiter(`${BOM}a,b\n`)).toBe(",")
    expect(readCsv("a;b\n1;2", { delimiter: ";" }).map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ])
  })

  it("a quoted cell never closed is an error naming its line", () => {
    expect(() => readCsv('a,b\n1,"2\n3')).toThrow(CsvFormatError)
    expect(() => readCsv('a,b\n1,"2\n3')).toThrow(/line 2/)
    expect(splitCsvRecords('a,"b', ",").open).toBe(true)
    expect(readCsv('a,b\n1,"2\n3', { unclosedQuote: "keep" }).at(-1)).toEqual({
      rowNumber: 2,
      cells: ["1", "2\n3"],
    })
  })

  it("round-trips any table through the writer (raw mode keeps cells exactly)", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "ລ", ",", ";", '"', "\n", "\r\n", " ", "=", "-", "#", "1"),
    })
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const table = [["h1", "h2"], ...rows]
          const read = readCsv(toCsv(table, { neutralise: false })).map((r) => r.cells)
          expect(read).toEqual(table.filter((r) => r.some((c) => c.trim() !== "")))
        },
      ),
    )
  })
})
