/**
 * The importer's CSV sniffing: the delimiter and header from the first bytes of a file (so DuckDB
 * gets explicit options and never guesses types). Records are split and cells written by the one CSV
 * module, @lao-protect/csv (re-exported here for the importer).
 */
import { DELIMITERS, type Delimiter, splitCsvRecords } from "@lao-protect/csv"

export { type CsvRecord, csvLine, type Delimiter, neutraliseCsvCell, splitCsvRecords } from "@lao-protect/csv"

export interface CsvSniff {
  readonly delimiter: Delimiter
  readonly header: ReadonlyArray<string>
  readonly bom: boolean
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
  for (const delimiter of DELIMITERS) {
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

/** A value shortened for a message: at most `max` characters, then "…". */
export const clip = (value: string, max = 200): string =>
  value.length > max ? `${value.slice(0, max)}…` : value
