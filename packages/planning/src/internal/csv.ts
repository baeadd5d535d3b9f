/**
 * The planning input and export files through the repository's one CSV module (@lao-protect/csv):
 * reading skips blank lines and lines starting with `#` (the example files carry an "illustrative"
 * banner that way); writing is for spreadsheets opened by people (BOM, CRLF, formulas neutralised).
 */
import { type CsvCell, readCsv, toCsv as writeCsv } from "@lao-protect/csv"

export type { CsvCell }

export interface CsvRecord {
  /** 1-based line number in the file where the record starts (what a planner sees in an editor). */
  readonly line: number
  readonly cells: ReadonlyArray<string>
}

export interface CsvTable {
  readonly header: ReadonlyArray<string>
  readonly records: ReadonlyArray<CsvRecord>
}

/** Header (trimmed) and records; a quoted cell never closed runs to the end (its row then fails its checks). */
export function parseCsv(text: string): CsvTable {
  const [head, ...records] = readCsv(text, { comments: true, unclosedQuote: "keep" })
  return {
    header: (head?.cells ?? []).map((h) => h.trim()),
    records: records.map((r) => ({ line: r.rowNumber, cells: r.cells })),
  }
}

/** Records as objects keyed by header name; missing trailing cells are "" and cells are trimmed. */
export function recordsAsObjects(
  table: CsvTable,
): ReadonlyArray<{ line: number; values: Record<string, string> }> {
  return table.records.map((r) => {
    const values: Record<string, string> = {}
    table.header.forEach((h, i) => {
      values[h] = (r.cells[i] ?? "").trim()
    })
    return { line: r.line, values }
  })
}

/** A whole file: BOM, header row, CRLF line ends (what Excel expects). */
export const toCsv = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string =>
  writeCsv([header, ...rows])
