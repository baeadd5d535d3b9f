/**
 * @lao-protect/csv: the one CSV module of the repository, for the browser and Node alike.
 * Reading: RFC 4180 records with the line each starts on, a leading BOM dropped, any of the usual
 * delimiters, optional `#` comment lines. Writing: for spreadsheets opened by people, so UTF-8 with
 * a BOM (Excel then reads Lao script), CRLF, and text that a spreadsheet would run as a formula
 * neutralised with a leading `'`.
 */

export const BOM = "\uFEFF"

export type Delimiter = "," | ";" | "\t"

/** The delimiters files from partners use, in the order a tie is broken. */
export const DELIMITERS: ReadonlyArray<Delimiter> = [",", ";", "\t"]

/** One record of a CSV text and the line it starts on (1-based). */
export interface CsvRecord {
  readonly rowNumber: number
  readonly cells: ReadonlyArray<string>
}

/** `text` without a leading byte-order mark. */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

/**
 * RFC 4180 records of `text`, at most `max`: a quote opens a quoted cell only at the start of a cell,
 * `""` inside quotes is a quote, quoted cells may hold delimiters and line breaks; CR, LF and CRLF
 * end a record. `open`: the text ends inside a quoted cell (its last record is then partial).
 * `lineBreak`: the last record returned ended with a line break (not at the end of the text).
 * With `comment` ("#"), a line starting with it is skipped whole (its line still counts).
 */
export function splitCsvRecords(
  text: string,
  delimiter: string,
  max = Number.POSITIVE_INFINITY,
  comment?: string,
): { records: CsvRecord[]; open: boolean; lineBreak: boolean } {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ""
  let inQuotes = false
  let line = 1
  let start = 1
  const endRecord = () => {
    cells.push(cell)
    records.push({ rowNumber: start, cells })
    cells = []
    cell = ""
  }
  for (let i = 0; i < text.length; i++) {
    if (
      comment !== undefined &&
      cells.length === 0 &&
      cell === "" &&
      !inQuotes &&
      text.startsWith(comment, i)
    ) {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++
      if (text[i] === "\r" && text[i + 1] === "\n") i++
      line++
      start = line
      continue
    }
    const ch = text[i]!
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else inQuotes = false
      } else {
        if (ch === "\n") line++
        cell += ch
      }
    } else if (ch === '"' && cell === "") inQuotes = true
    else if (ch === delimiter) {
      cells.push(cell)
      cell = ""
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++
      endRecord()
      if (records.length >= max) return { records, open: false, lineBreak: true }
      line++
      start = line
    } else cell += ch
  }
  if (inQuotes || cell !== "" || cells.length > 0) endRecord()
  return { records, open: inQuotes, lineBreak: false }
}

export class CsvFormatError extends Error {
  override readonly name = "CsvFormatError"
}

export interface ReadCsvOptions {
  /** Default ",". */
  readonly delimiter?: string
  /** Skip lines starting with "#" (the planning example files carry their "illustrative" banner so). */
  readonly comments?: boolean
  /** "error" (default) throws on a quoted cell never closed; "keep" keeps that last record as read. */
  readonly unclosedQuote?: "error" | "keep"
}

/**
 * The records of a CSV text with their line numbers: BOM dropped, blank records (every cell empty or
 * spaces) skipped. A quoted cell never closed is an error naming its line (unless `unclosedQuote: "keep"`).
 */
export function readCsv(text: string, options: ReadCsvOptions = {}): CsvRecord[] {
  const { records, open } = splitCsvRecords(
    stripBom(text),
    options.delimiter ?? ",",
    Number.POSITIVE_INFINITY,
    options.comments ? "#" : undefined,
  )
  if (open && options.unclosedQuote !== "keep")
    throw new CsvFormatError(`a quoted cell opened on line ${records.at(-1)?.rowNumber ?? 1} is never closed`)
  return records.filter((r) => r.cells.some((c) => c.trim() !== ""))
}

/** The delimiter that splits the first record of `text` into the most cells (comma on a tie). */
export function sniffDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; cells: number } = { delimiter: ",", cells: 0 }
  for (const delimiter of DELIMITERS) {
    const cells = splitCsvRecords(stripBom(text), delimiter, 1).records[0]?.cells.length ?? 0
    if (cells > best.cells) best = { delimiter, cells }
  }
  return best.delimiter
}

/**
 * Make a cell safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@` (or a tab or
 * carriage return) would be run as a formula, so it gets a leading `'` (OWASP "CSV injection").
 */
export const neutraliseCsvCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

export type CsvCell = string | number | boolean | null | undefined

export interface WriteCsvOptions {
  /** Default true. False only for files a program reads back (the importer), never for people. */
  readonly neutralise?: boolean
}

/**
 * One field: numbers and booleans as written (a negative number is not a formula), null/undefined
 * empty, text neutralised, then quoted when it holds a quote, comma, semicolon or line break, or
 * starts or ends with spaces (RFC 4180).
 */
export function csvField(value: CsvCell, options: WriteCsvOptions = {}): string {
  if (value === null || value === undefined) return ""
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : ""
  if (typeof value === "boolean") return value ? "true" : "false"
  const text = options.neutralise === false ? value : neutraliseCsvCell(value)
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record, comma-separated, ending in CRLF. */
export const csvLine = (cells: ReadonlyArray<CsvCell>, options: WriteCsvOptions = {}): string =>
  `${cells.map((c) => csvField(c, options)).join(",")}\r\n`

/** A whole file: BOM, then each row (header first) as a CRLF line (what Excel expects). */
export const toCsv = (rows: ReadonlyArray<ReadonlyArray<CsvCell>>, options: WriteCsvOptions = {}): string =>
  `${BOM}${rows.map((r) => csvLine(r, options)).join("")}`
