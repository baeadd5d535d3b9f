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

/** Split the first record of `text` (quotes respected, CRLF or LF) into cells. */
export function parseFirstRecord(text: string, delimiter: string): { cells: string[]; complete: boolean } {
  const cells: string[] = []
  let cell = ""
  let inQuotes = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i++
        } else inQuotes = false
      } else cell += ch
    } else if (ch === '"' && cell === "") inQuotes = true
    else if (ch === delimiter) {
      cells.push(cell)
      cell = ""
    } else if (ch === "\n" || ch === "\r") {
      cells.push(cell)
      return { cells, complete: true }
    } else cell += ch
  }
  cells.push(cell)
  return { cells, complete: !inQuotes }
}

/** Choose among comma, semicolon and tab by which splits the header line into the most cells. */
export function sniffCsv(firstBytes: Uint8Array): CsvSniff {
  const bom = firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bom ? firstBytes.subarray(3) : firstBytes)
  let best: { delimiter: Delimiter; cells: string[] } = { delimiter: ",", cells: [] }
  for (const delimiter of [",", ";", "\t"] as const) {
    const { cells } = parseFirstRecord(text, delimiter)
    if (cells.length > best.cells.length) best = { delimiter, cells }
  }
  return { delimiter: best.delimiter, header: best.cells.map((c) => c.trim()), bom }
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

export const csvLine = (cells: ReadonlyArray<string | null | undefined>): string =>
  `${cells.map(csvField).join(",")}\r\n`
