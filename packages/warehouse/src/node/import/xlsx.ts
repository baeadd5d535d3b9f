/**
 * A minimal .xlsx reader (fflate + a small XML scanner): workbook sheet names, shared strings,
 * inline strings, numbers as written, and cells with a date format as the date Excel shows
 * (`YYYY-MM-DD`; a date typed with a Buddhist Era year is stored as a year-2567 date and comes out
 * as `2567-...`, which the import's date rules read as Buddhist Era, like text).
 * Zip-bomb limits: declared uncompressed sizes are checked before inflating, and the total is capped.
 * Not a general spreadsheet library: no formulas are evaluated (their cached value is read), no styles.
 */
import { unzipSync } from "fflate"

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
}

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
  const unzip = (wanted: (name: string) => boolean): Record<string, string> => {
    let total = 0
    let files: Record<string, Uint8Array>
    try {
      files = unzipSync(bytes, {
        filter: (f) => {
          if (!wanted(f.name)) return false
          if (f.originalSize > maxEntry)
            throw new XlsxError(`${f.name} declares ${f.originalSize} bytes: too large`)
          total += f.originalSize
          if (total > maxTotal) throw new XlsxError("the workbook's parts exceed the size limit")
          return true
        },
      })
    } catch (e) {
      if (e instanceof XlsxError) throw e
      throw new XlsxError(`not a readable .xlsx file (${e instanceof Error ? e.message : String(e)})`)
    }
    const out: Record<string, string> = {}
    for (const [name, data] of Object.entries(files)) {
      if (data.length > maxEntry) throw new XlsxError(`${name} is larger than it declares`)
      out[name] = utf8.decode(data)
    }
    return out
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
  const shared = [...(parts["xl/sharedStrings.xml"] ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    textOf(m[1]!),
  )

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
      while (cells.length < col) cells.push("")
      cells[col] = value
    }
    if (cells.some((c) => c !== "")) rows.push({ rowNumber, cells })
  }
  return { sheet: chosen.name, rows }
}
