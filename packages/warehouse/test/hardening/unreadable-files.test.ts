/**
 * Issue 20, items 6, 7 and 15: files no reader should try to parse (UTF-16, a PDF renamed .csv,
 * 100,000 nested arrays, an empty array, a zip that lies about its sizes, a shared string referenced
 * until it expands to gigabytes) fail with one message naming the file and what to do, within a
 * memory bound; a quote left open names the row where it opened. Each test failed before the fix.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, join } from "node:path"
import { strToU8, zipSync } from "fflate"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { CsvScanner } from "../../src/node/import/csv-scan.ts"
import { fileProblem, jsonTooDeep } from "../../src/node/import/file-checks.ts"
import { ImportError, importFile } from "../../src/node/import/import-file.ts"
import { readXlsx, XlsxError } from "../../src/node/import/xlsx.ts"
import { type NodeConnector, openWarehouse } from "../../src/node/index.ts"
import { domainModel } from "../../src/node/schema/domain-model.ts"
import { writeXlsx } from "../helpers/xlsx-writer.ts"

const model = domainModel()
const COLUMNS = [
  "case_id",
  "source",
  "identification_date",
  "victim_group",
  "sex",
  "citizenship",
  "exploitation_form",
]
const HEADER = COLUMNS.join(",")
const cells = (id: string) => [id, "lwu", "2024-01-15", "local_lao", "female", "LAO", "forced_labour"]
const line = (id: string) => cells(id).join(",")

let dir: string
let db: NodeConnector
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-unreadable-"))
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
/** The import fails with an ImportError matching `pattern`, nothing is in `cases`, and the log says why. */
const refused = async (file: string, pattern: RegExp) => {
  const e = await importFile(db, { file, model, writeRejected: false }).then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(ImportError)
  expect((e as Error).message).toMatch(pattern)
  expect((e as Error).message).toMatch(/nothing was imported|import again/)
  expect(Number((await db.query<{ n: number }>("SELECT count(*) AS n FROM cases"))[0]!.n)).toBe(0)
  const log = await db.query<{ status: string; message: string }>(
    "SELECT status, message FROM import_log WHERE file_name = $1",
    [basename(file)],
  )
  expect(log).toHaveLength(1)
  expect(log[0]?.status).toBe("failed")
  expect(log[0]?.message).toBe((e as Error).message)
  return (e as Error).message
}

const utf16 = (text: string, bom: boolean, bigEndian = false) => {
  const le = Buffer.from(text, "utf16le")
  const body = bigEndian ? Buffer.from(le).swap16() : le
  return bom ? Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]) : body
}

describe("text that is not UTF-8 (15)", () => {
  it.each([
    ["little-endian with a byte order mark", true, false],
    ["big-endian with a byte order mark", true, true],
    ["without a byte order mark", false, false],
  ])("a UTF-16 CSV (%s) is named and the user told to save it as UTF-8", async (_, bom, be) => {
    const file = write("partner-u16.csv", utf16(`${HEADER}\n${line("U1")}\n`, bom, be))
    await refused(file, /^partner-u16\.csv is UTF-16 text.*save it as UTF-8/)
  })

  it("a UTF-16 JSON file gets the same message", async () => {
    const file = write(
      "cases.json",
      utf16(JSON.stringify([Object.fromEntries(COLUMNS.map((c) => [c, "x"]))]), true),
    )
    await refused(file, /^cases\.json is UTF-16 text.*save it as UTF-8/)
  })

  it("plain UTF-8 and Lao text are not mistaken for UTF-16 or binary", () => {
    expect(fileProblem(Buffer.from(`${HEADER}\n${line("A")}\n`), "a.csv")).toBeUndefined()
    expect(fileProblem(Buffer.from("\ufeffຊື່,ແຂວງ\nນາງ ກ,ວຽງຈັນ\n"), "a.csv")).toBeUndefined()
  })
})

describe("binary files renamed .csv (15)", () => {
  it.each([
    [
      "report.csv",
      Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1"),
      /a PDF/,
    ],
    [
      "photo.csv",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
      /a PNG image/,
    ],
    ["scan.csv", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), /a JPEG image/],
    ["book.csv", writeXlsx([{ name: "S", rows: [COLUMNS, cells("X1")] }]), /zip archive.*name it \.xlsx/],
    ["blob.csv", Buffer.from([0x41, 0x42, 0x00, 0x43, 0x2c, 0x44, 0x0a, 0x01, 0x02]), /not text.*binary/],
  ])("%s is named as what it is, not parsed as a table", async (name, bytes, what) => {
    const message = await refused(write(name, bytes), what)
    expect(message.startsWith(`${name} is `)).toBe(true)
  })
})

describe("JSON shapes (15)", () => {
  it("100,000 nested arrays fail with a depth message, not a stack overflow", async () => {
    const file = write("deep.json", `${"[".repeat(100_000)}${"]".repeat(100_000)}`)
    await refused(file, /^deep\.json nests arrays or objects more than 64 deep \(line 1\)/)
  })

  it("deeply nested objects inside a record, and in NDJSON, fail the same way", async () => {
    const nested = `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`
    await refused(write("obj.json", `[\n${nested}\n]`), /^obj\.json nests .* \(line 2\)/)
    await refused(write("obj.ndjson", `{"case_id":"N1"}\n${nested}\n`), /^obj\.ndjson nests .* \(line 2\)/)
  })

  it("the depth scan skips brackets inside strings and counts real nesting", () => {
    expect(jsonTooDeep(JSON.stringify([{ note: "[[[[[[".repeat(100) }]))).toBeUndefined()
    expect(jsonTooDeep("[[[1]]]", 3)).toBeUndefined()
    expect(jsonTooDeep("[\n[[[1]]]]", 3)).toBe(2)
    expect(jsonTooDeep(JSON.stringify(['\\"[[[[']), 2)).toBeUndefined()
  })

  it("an empty JSON array and an NDJSON file without records say there is nothing to import", async () => {
    await refused(write("none.json", "[]"), /^none\.json is an empty JSON array: it holds no cases/)
    await refused(write("none.ndjson", "\n\n"), /^none\.ndjson holds no records/)
  })
})

describe("headers and quotes (7, 15)", () => {
  it("a header cell with a line break is named, with what to do", async () => {
    const file = write(
      "broken-header.csv",
      `case_id,"source\nx",${COLUMNS.slice(2).join(",")}\n${line("H1")}\n`,
    )
    await refused(
      file,
      /missing required columns: source .*header column 2 \("source\\nx"\) holds a line break: write each column name on one line/s,
    )
  })

  it("a quote never closed names the row and line where it opened, not the end of the file", async () => {
    const text = `${HEADER}\n${line("A")}\nB,"lwu,2024-01-15,local_lao,female,LAO,forced_labour\n${line("C")}\n${line("D")}\n`
    const scanner = new CsvScanner(",", 1 << 20)
    scanner.push(Buffer.from(text))
    expect(scanner.finish().openQuote).toEqual({ row: 3, line: 3 })
    const message = await refused(write("open.csv", text), /^row 3 opens a quoted cell/)
    expect(message).not.toMatch(/line 6/)
  })

  it("a quote opened in one record and closed lines later, before stray text, names the record where it opened", async () => {
    const text = `${HEADER}\n${line("A")}\nB,"lwu,2024-01-15,local_lao,female,LAO,forced_labour\n${line("C")}\nD,lwu"x,2024-01-15,local_lao,female,LAO,forced_labour\n${line("E")}\n`
    await refused(write("stray.csv", text), /at row 3: a quote \(".*never closed/)
  })

  it("after a record spanning two lines, the open quote's row and line both point at its record", () => {
    const text = `${HEADER}\n"A\na",lwu\nB,"open\n${line("C")}\n`
    const scanner = new CsvScanner(",", 1 << 20)
    scanner.push(Buffer.from(text))
    expect(scanner.finish().openQuote).toEqual({ row: 3, line: 4 })
  })
})

/** A workbook whose cells all use shared strings (`strings`), rows of `cells` indexes. */
function sharedStringsBook(
  strings: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<number>>,
): Uint8Array {
  // No cell or row references: positions are implied, and the sheet compresses like a real bomb.
  const sheet = rows.map((r) => `<row>${r.map((s) => `<c t="s"><v>${s}</v></c>`).join("")}</row>`).join("")
  return zipSync(
    {
      "xl/workbook.xml": strToU8(
        '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      "xl/sharedStrings.xml": strToU8(`<sst>${strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`),
    },
    { level: 9 },
  )
}

describe("xlsx sizes (6, 15)", () => {
  function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
    const out = new Uint8Array(zip)
    const view = new DataView(out.buffer)
    const target = Buffer.from(name)
    for (let i = 0; i + 4 < out.length; i++) {
      const sig = view.getUint32(i, true)
      const at = sig === 0x04034b50 ? [26, 30, 22] : sig === 0x02014b50 ? [28, 46, 24] : undefined
      if (!at) continue
      const nameLen = view.getUint16(i + at[0]!, true)
      if (Buffer.from(out.subarray(i + at[1]!, i + at[1]! + nameLen)).equals(target))
        view.setUint32(i + at[2]!, size, true)
    }
    return out
  }
  const book = () =>
    writeXlsx([{ name: "S", rows: [COLUMNS, ...Array.from({ length: 300 }, (_, i) => cells(`Z${i}`))] }])

  it("a part that declares fewer bytes than it holds is refused, not read cut short", async () => {
    const lying = patchDeclaredSize(book(), "xl/worksheets/sheet1.xml", 100)
    expect(() => readXlsx(lying)).toThrow(/sheet1\.xml declares 100 bytes but holds more/)
    await refused(write("short.xlsx", lying), /sheet1\.xml declares 100 bytes but holds more/)
  })

  it("a part that declares more bytes than it holds is refused", () => {
    expect(() => readXlsx(patchDeclaredSize(book(), "xl/worksheets/sheet1.xml", 5_000_000))).toThrow(
      /declares 5000000 bytes but holds \d+: the file is damaged/,
    )
  })

  it("a shared string longer than a cell may be is refused before any row is built", () => {
    const bytes = sharedStringsBook([...COLUMNS, "x".repeat(40_000)], [[0, 1, 2, 3, 4, 5, 6], [7]])
    expect(bytes.length).toBeLessThan(2_000)
    expect(() => readXlsx(bytes)).toThrow(
      /shared string 8 holds 40000 characters, more than a cell may \(32767\)/,
    )
  })

  it("a 30 KB workbook whose shared string would expand to gigabytes fails fast within a memory bound", async () => {
    // 32,000 characters referenced by 40,000 cells: 1.28 billion characters once expanded.
    const rows = [[0, 1, 2, 3, 4, 5, 6], ...Array.from({ length: 5_000 }, () => [7, 7, 7, 7, 7, 7, 7, 7])]
    const bytes = sharedStringsBook([...COLUMNS, "y".repeat(32_000)], rows)
    expect(bytes.length).toBeLessThan(30_000)
    const before = process.memoryUsage().rss
    const t = Date.now()
    expect(() => readXlsx(bytes, undefined, { maxSheetChars: 64 * 1024 * 1024 })).toThrow(XlsxError)
    await refused(write("bomb.xlsx", bytes), /expand to more than 268435456 characters.*zip bomb/)
    expect(Date.now() - t).toBeLessThan(30_000)
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024)
  })
})
