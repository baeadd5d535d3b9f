/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows Lao), CRLF, RFC 4180 quoting,
 * formula-looking text neutralised with a leading `'` (all three from @lao-protect/csv, the
 * repository's one CSV module), and suppressed counts written as
 * "suppressed (<k)" text, never 0. Context (title, date, filters, source, threshold note, synthetic
 * flag) goes in `#` comment rows above the header so the file carries where it came from.
 */
import { BOM, neutraliseCsvCell, csvField as plainField } from "@lao-protect/csv"
import { atThreshold, type Cell } from "../lib/suppress.ts"
import type { ExportContext } from "./context.ts"

export { BOM, neutraliseCsvCell }

/** A cell value: text, a number, empty, or a count already passed through `suppress`. */
export type CsvValue = string | number | boolean | null | undefined | Cell

export interface CsvColumn<R> {
  readonly header: string
  readonly value: (row: R) => CsvValue
  /**
   * The counts a derived value (a rate, a change) was computed from: when the export's threshold
   * hides one of them, the value is written as suppressed too.
   */
  readonly countsOf?: (row: R) => ReadonlyArray<Cell>
}

export interface CsvLabels {
  readonly suppressed: (k: number) => string
  readonly noData: string
}
export const defaultCsvLabels: CsvLabels = {
  suppressed: (k) => `suppressed (<${k})`,
  noData: "no data",
}

const isCell = (v: CsvValue): v is Cell => typeof v === "object" && v !== null && "kind" in v

/** One field as written: numbers as numbers, cells through the suppression labels, text neutralised and quoted. */
export const csvField = (value: CsvValue, labels: CsvLabels = defaultCsvLabels): string => {
  if (!isCell(value)) return plainField(value)
  if (value.kind === "value") return String(value.n)
  return plainField(value.kind === "suppressed" ? labels.suppressed(value.k) : labels.noData)
}

export const csvLine = (cells: ReadonlyArray<CsvValue>, labels: CsvLabels = defaultCsvLabels): string =>
  `${cells.map((c) => csvField(c, labels)).join(",")}\r\n`

/** The `#` comment rows that say where the numbers come from. */
export const contextRows = (context: ExportContext): Array<string> => [
  `# ${context.title}`,
  ...(context.subtitle ? [`# ${context.subtitle}`] : []),
  `# ${context.date}`,
  `# ${context.filters}`,
  `# ${context.source}`,
  `# ${context.thresholdNote}`,
  ...(context.synthetic ? [`# ${context.syntheticLabel}`] : []),
  ...(context.notes ?? []).map((n) => `# ${n}`),
]

/** The whole file: BOM, context comment rows (each one quoted field), header, rows. */
export const toCsv = <R>(
  rows: ReadonlyArray<R>,
  columns: ReadonlyArray<CsvColumn<R>>,
  context: ExportContext | null,
  labels: CsvLabels = defaultCsvLabels,
): string => {
  let out = BOM
  if (context) for (const line of contextRows(context)) out += csvLine([line], labels)
  out += csvLine(
    columns.map((c) => c.header),
    labels,
  )
  const k = context?.k ?? 1
  const held = (c: CsvColumn<R>, row: R): CsvValue => {
    const value = c.value(row)
    if (isCell(value)) return atThreshold(value, k)
    const hidden = c
      .countsOf?.(row)
      .map((n) => atThreshold(n, k))
      .find((n) => n.kind === "suppressed")
    return hidden ?? value
  }
  for (const row of rows)
    out += csvLine(
      columns.map((c) => held(c, row)),
      labels,
    )
  return out
}
