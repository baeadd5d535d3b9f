/**
 * Small CSV helpers: sniffing the delimiter and header from the first bytes (so DuckDB gets explicit
 * options and never guesses types), parsing a header line, and writing cells safely.
 */

export type Delimiter = "," | ";" | "\t"

export interface CsvSniff {
  readonly delimiter: Delimiter
  readonly header: ReadonlyArray<string>
  readonly bom: boolean
}

/** One record of a CSV text and the line it starts on (1-based). */
export interface CsvRecord {
  readonly rowNumber: number
  readonly cells: ReadonlyArray<string>
}

/**
 * RFC 4180 records of `text`, at most `max`: a quote opens a quoted cell only at the start of a cell,
 * `""` inside quotes is a quote, quoted cells may hold delimiters and line breaks; CR, LF and CRLF
 * end a record. `open`: the text ends inside a quoted cell (its last record is then partial).
 * `lineBreak`: the last record returned ended with a line break (not at the end of the text).
 */
export function splitCsvRecords(
  text: string,
  delimiter: string,
  max = Number.POSITIVE_INFINITY,
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

/** Choose among comma, semicolon and tab by which splits the header line into the most cells. */
export function sniffCsv(firstBytes: Uint8Array): CsvSniff {
  return sniffText(firstBytes).sniff
}

function sniffText(firstBytes: Uint8Array): { sniff: CsvSniff; end: "newline" | "eof" | "open" } {
  const bom = firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bom ? firstBytes.subarray(3) : firstBytes)
  let best: { delimiter: Delimiter; cells: ReadonlyArray<string>; end: "newline" | "eof" | "open" } = {
    delimiter: ",",
    cells: [],
    end: "eof",
  }
  for (const delimiter of [",", ";", "\t"] as const) {
    const { records, open, lineBreak } = splitCsvRecords(text, delimiter, 1)
    const cells = records[0]?.cells ?? [""]
    if (cells.length > best.cells.length)
      best = { delimiter, cells, end: open ? "open" : lineBreak ? "newline" : "eof" }
  }
  return {
    sniff: { delimiter: best.delimiter, header: best.cells.map((c) => c.trim()), bom },
    end: best.end,
  }
}

/** The longest header record the importer reads (a header longer than this is refused). */
export const MAX_HEADER_BYTES = 16 * 1024 * 1024

/**
 * Sniff the header of a CSV file, reading until its first record is complete (not only the first
 * 64 KiB: 10,000 columns with long names make a header of megabytes), bounded by `MAX_HEADER_BYTES`.
 * `bytes` is the length of the header record; `null` when the first record does not end within the bound.
 */
export function sniffCsvFile(
  read: (offset: number, length: number) => Uint8Array,
  limit = MAX_HEADER_BYTES,
): (CsvSniff & { readonly complete: true }) | { readonly complete: false } {
  let size = 64 * 1024
  for (;;) {
    const bytes = read(0, size + 1)
    const { sniff, end } = sniffText(bytes.subarray(0, Math.min(bytes.length, size)))
    const eof = bytes.length <= size
    if (end === "newline" || (eof && end === "eof")) return { ...sniff, complete: true }
    if (eof || size >= limit) return { complete: false }
    size = Math.min(size * 4, limit)
  }
}

/**
 * Make a cell safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@` (or a tab or
 * carriage return) would be run as a formula, so it gets a leading `'`. The warehouse keeps the
 * original; only exports are neutralised.
 */
export function neutraliseCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** One CSV field: neutralised, then quoted when needed (RFC 4180). */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return ""
  const safe = neutraliseCsvCell(value)
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** A value shortened for a message: at most `max` characters, then "…". */
export const clip = (value: string, max = 200): string =>
  value.length > max ? `${value.slice(0, max)}…` : value

export const csvLine = (cells: ReadonlyArray<string | null | undefined>): string =>
  `${cells.map(csvField).join(",")}\r\n`
