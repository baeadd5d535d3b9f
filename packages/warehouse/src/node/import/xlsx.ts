/**
 * A minimal .xlsx reader (a zip directory reader, node:zlib and a small XML scanner): workbook sheet names, shared strings,
 * inline strings, numbers as written, and cells with a date format as the date Excel shows
 * (`YYYY-MM-DD`; a date typed with a Buddhist Era year is stored as a year-2567 date and comes out
 * as `2567-...`, which the import's date rules read as Buddhist Era, like text).
 * Zip-bomb limits: declared uncompressed sizes are checked before inflating, every part inflates no
 * further than it declares (a part holding more or fewer bytes is refused), the total is capped, and
 * so are the text of one cell (Excel's own 32,767 characters) and of all cells together: a small
 * shared string referenced a million times cannot grow into gigabytes of rows.
 * Not a general spreadsheet library: no formulas are evaluated (their cached value is read), no styles.
 */
import { inflateRawSync } from "node:zlib"

export interface SheetRows {
  readonly sheet: string
  /** Cells of each non-empty row, with the row number Excel shows. */
  readonly rows: ReadonlyArray<{ readonly rowNumber: number; readonly cells: ReadonlyArray<string> }>
}

export interface XlsxLimits {
  /** Largest declared uncompressed size of one needed part (default 256 MiB). */
  readonly maxEntryBytes?: number
  /** Largest total of the parts inflated (default 512 MiB). */
  readonly maxTotalBytes?: number
  /** Longest text of one cell or shared string, in characters (default 32,767, Excel's own limit). */
  readonly maxCellChars?: number
  /** Largest total text of the cells read, in characters, shared strings counted at each use (default 256 Mi). */
  readonly maxSheetChars?: number
}

/** Excel's limit on the characters of one cell. */
export const EXCEL_MAX_CELL_CHARS = 32_767

export class XlsxError extends Error {
  override readonly name = "XlsxError"
}

const decodeXml = (s: string): string =>
  s
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
      switch (e) {
        case "lt":
          return "<"
        case "gt":
          return ">"
        case "amp":
          return "&"
        case "quot":
          return '"'
        case "apos":
          return "'"
        default:
          return String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      }
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag)
  return m ? decodeXml(m[1]!) : undefined
}

/** Concatenated text of `<t>` runs, ignoring phonetic (`<rPh>`) runs. */
const textOf = (xml: string): string => {
  const noPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "")
  let out = ""
  for (const m of noPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g))
    out += decodeXml(m[1] ?? "")
  return out
}

/** Excel's built-in date (not time-only) number formats. */
const builtinDateFormats = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
])

/** A custom format shows a date when, outside quotes and brackets, it has a day or year part. */
const isDateFormat = (code: string): boolean => /[dy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ""))

/** Which cell style indexes (`s` attribute) show a date. */
function dateStyles(styles: string): ReadonlySet<number> {
  const custom = new Map<number, string>()
  for (const m of styles.matchAll(/<numFmt\b[^>]*>/g))
    custom.set(Number(attr(m[0], "numFmtId")), attr(m[0], "formatCode") ?? "")
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? ""
  const out = new Set<number>()
  ;[...xfs.matchAll(/<xf\b[^>]*>/g)].forEach((m, i) => {
    const id = Number(attr(m[0], "numFmtId") ?? 0)
    if (builtinDateFormats.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) out.add(i)
  })
  return out
}

/** The calendar date of an Excel serial, as `YYYY-MM-DD` (years above 9999 are not dates). */
const serialDate = (serial: number, date1904: boolean): string | undefined => {
  if (!Number.isFinite(serial) || serial < 1) return undefined
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)
  const d = new Date(epoch + Math.floor(serial) * 86_400_000)
  const y = d.getUTCFullYear()
  if (y > 9999) return undefined
  return `${String(y).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`
}

const columnIndex = (ref: string): number => {
  let n = 0
  for (const ch of ref) {
    const c = ch.charCodeAt(0)
    if (c < 65 || c > 90) break
    n = n * 26 + (c - 64)
  }
  return n - 1
}

export function readXlsx(bytes: Uint8Array, sheetName?: string, limits: XlsxLimits = {}): SheetRows {
  const maxEntry = limits.maxEntryBytes ?? 256 * 1024 * 1024
  const maxTotal = limits.maxTotalBytes ?? 512 * 1024 * 1024
  const utf8 = new TextDecoder("utf-8", { fatal: true })
  const entries = zipEntries(bytes)
  const unzip = (wanted: (name: string) => boolean): Record<string, string> => {
    let total = 0
    const out: Record<string, string> = {}
    for (const entry of entries) {
      if (!wanted(entry.name)) continue
      if (entry.declared > maxEntry)
        throw new XlsxError(`${entry.name} declares ${entry.declared} bytes: too large`)
      total += entry.declared
      if (total > maxTotal) throw new XlsxError("the workbook's parts exceed the size limit")
      out[entry.name] = utf8Text(entry.name, inflateEntry(bytes, entry))
    }
    return out
  }
  const utf8Text = (name: string, data: Uint8Array): string => {
    try {
      return utf8.decode(data)
    } catch {
      throw new XlsxError(`${name} is not UTF-8 XML: the file is damaged`)
    }
  }

  const meta = unzip((n) => n === "xl/workbook.xml" || n === "xl/_rels/workbook.xml.rels")
  const workbook = meta["xl/workbook.xml"]
  if (!workbook) throw new XlsxError("not an .xlsx workbook (xl/workbook.xml is missing)")
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: attr(m[0], "name") ?? "",
    rid: attr(m[0], "r:id") ?? "",
  }))
  if (sheets.length === 0) throw new XlsxError("the workbook has no sheets")
  const chosen = sheetName === undefined ? sheets[0]! : sheets.find((s) => s.name === sheetName)
  if (!chosen)
    throw new XlsxError(`no sheet named "${sheetName}" (sheets: ${sheets.map((s) => s.name).join(", ")})`)
  const rels = meta["xl/_rels/workbook.xml.rels"] ?? ""
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find((m) => attr(m[0], "Id") === chosen.rid)
  const target = rel ? (attr(rel[0], "Target") ?? "") : ""
  const sheetPath = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`

  const parts = unzip((n) => n === sheetPath || n === "xl/sharedStrings.xml" || n === "xl/styles.xml")
  const dates = dateStyles(parts["xl/styles.xml"] ?? "")
  const date1904 = /<workbookPr\b[^>]*date1904="(?:1|true)"/.test(workbook)
  const sheetXml = parts[sheetPath]
  if (sheetXml === undefined) throw new XlsxError(`sheet "${chosen.name}" is missing from the file`)
  const maxCell = limits.maxCellChars ?? EXCEL_MAX_CELL_CHARS
  const maxSheet = limits.maxSheetChars ?? 256 * 1024 * 1024
  const shared = [...(parts["xl/sharedStrings.xml"] ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m, i) => {
    const text = textOf(m[1]!)
    if (text.length > maxCell)
      throw new XlsxError(
        `shared string ${i + 1} holds ${text.length} characters, more than a cell may (${maxCell}): the file is damaged or made to exhaust memory; nothing was imported`,
      )
    return text
  })
  let sheetChars = 0

  const rows: { rowNumber: number; cells: string[] }[] = []
  let fallbackRow = 0
  for (const rm of sheetXml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(attr(rm[1]!, "r") ?? fallbackRow + 1)
    fallbackRow = rowNumber
    const cells: string[] = []
    let nextCol = 0
    for (const cm of (rm[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(cm[1]!, "r")
      const col = ref ? columnIndex(ref) : nextCol
      nextCol = col + 1
      const type = attr(cm[1]!, "t")
      const body = cm[2] ?? ""
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1]
      let value: string
      if (type === "s") value = shared[Number(v)] ?? ""
      else if (type === "inlineStr") value = textOf(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "")
      else if (type === "b") value = v === "1" ? "TRUE" : "FALSE"
      else if (
        v !== undefined &&
        type !== "str" &&
        type !== "e" &&
        dates.has(Number(attr(cm[1]!, "s") ?? -1))
      )
        value = serialDate(Number(v), date1904) ?? decodeXml(v)
      else value = v === undefined ? "" : decodeXml(v)
      if (value.length > maxCell)
        throw new XlsxError(
          `cell ${ref ?? `${rowNumber}:${col + 1}`} holds ${value.length} characters, more than a cell may (${maxCell}); nothing was imported`,
        )
      sheetChars += value.length
      if (sheetChars > maxSheet)
        throw new XlsxError(
          `the sheet's cells expand to more than ${maxSheet} characters (row ${rowNumber}): the file is damaged or made to exhaust memory (a zip bomb); nothing was imported`,
        )
      while (cells.length < col) cells.push("")
      cells[col] = value
    }
    if (cells.some((c) => c !== "")) rows.push({ rowNumber, cells })
  }
  return { sheet: chosen.name, rows }
}

interface ZipEntry {
  readonly name: string
  readonly method: number
  readonly compressed: number
  readonly declared: number
  readonly localOffset: number
}

/** The entries of a zip's central directory (no ZIP64: a workbook part is never 4 GiB). */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 65_535); o--)
    if (dv.getUint32(o, true) === 0x06054b50) {
      end = o
      break
    }
  if (end < 0)
    throw new XlsxError("not a readable .xlsx file (no zip directory): save it from Excel as .xlsx")
  const count = dv.getUint16(end + 10, true)
  let o = dv.getUint32(end + 16, true)
  const names = new TextDecoder()
  const out: ZipEntry[] = []
  for (let k = 0; k < count; k++) {
    if (o + 46 > bytes.length || dv.getUint32(o, true) !== 0x02014b50)
      throw new XlsxError("not a readable .xlsx file (damaged zip directory)")
    const nameLength = dv.getUint16(o + 28, true)
    const entry = {
      name: names.decode(bytes.subarray(o + 46, o + 46 + nameLength)),
      method: dv.getUint16(o + 10, true),
      compressed: dv.getUint32(o + 20, true),
      declared: dv.getUint32(o + 24, true),
      localOffset: dv.getUint32(o + 42, true),
    }
    if (entry.compressed === 0xffffffff || entry.declared === 0xffffffff || entry.localOffset === 0xffffffff)
      throw new XlsxError(`${entry.name} is stored as ZIP64 (over 4 GiB): too large`)
    out.push(entry)
    o += 46 + nameLength + dv.getUint16(o + 30, true) + dv.getUint16(o + 32, true)
  }
  return out
}

/** One part's bytes, inflated no further than its declared size (plus one byte, to catch a lie). */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== 0x04034b50)
    throw new XlsxError(`not a readable .xlsx file (${entry.name} is damaged)`)
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true)
  const data = bytes.subarray(start, start + entry.compressed)
  const lie = `${entry.name} declares ${entry.declared} bytes but holds`
  let out: Uint8Array
  if (entry.method === 0) out = data
  else if (entry.method === 8)
    try {
      out = inflateRawSync(data, { maxOutputLength: entry.declared + 1 })
    } catch (e) {
      if (e instanceof RangeError || (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
        throw new XlsxError(
          `${lie} more: the file is damaged or made to exhaust memory (a zip bomb); nothing was imported`,
        )
      throw new XlsxError(
        `not a readable .xlsx file (${entry.name}: ${e instanceof Error ? e.message : String(e)})`,
      )
    }
  else
    throw new XlsxError(
      `${entry.name} uses zip compression method ${entry.method}: save the file again from Excel`,
    )
  if (out.length !== entry.declared)
    throw new XlsxError(
      `${lie} ${out.length > entry.declared ? "more" : out.length}: the file is damaged or made to mislead; nothing was imported`,
    )
  return out
}
