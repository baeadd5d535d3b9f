/**
 * Reads a UNODC GLOTIP data file (CSV or XLSX) into records of text cells under the canonical
 * column names. The file has title and note rows above the column names, so the header row is
 * found by its content (a row naming Iso3_code and txtVALUE), not by position. Nothing here
 * judges values: types, suppression markers and duplicates are checked in SQL
 * (official_stats_typed.sql), so every row read reaches the accepted or the quarantined set.
 */
import { type CsvRecord, splitCsvRecords } from "../import/csv-text.ts"
import { headerKey } from "../import/headers.ts"
import { readXlsx } from "../import/xlsx.ts"

/** The GLOTIP columns, as stored in `official_stats` (value = the file's txtVALUE). */
export const glotipColumns = [
  "iso3",
  "country",
  "region",
  "subregion",
  "indicator",
  "dimension",
  "category",
  "sex",
  "age",
  "year",
  "unit",
  "value",
  "source",
] as const
export type GlotipColumn = (typeof glotipColumns)[number]

/** Header spellings per column (compared after `headerKey`: lower case, no spaces or punctuation). */
const aliases: Record<GlotipColumn, ReadonlyArray<string>> = {
  iso3: ["iso3code", "iso3", "iso", "countrycode"],
  country: ["country", "countryname"],
  region: ["region"],
  subregion: ["subregion"],
  indicator: ["indicator"],
  dimension: ["dimension"],
  category: ["category"],
  sex: ["sex", "gender"],
  age: ["age"],
  year: ["year"],
  unit: ["unitofmeasurement", "unit", "measure"],
  value: ["txtvalue", "value", "valuetxt", "obsvalue"],
  source: ["source"],
}
const required: ReadonlyArray<GlotipColumn> = [
  "iso3",
  "indicator",
  "dimension",
  "category",
  "sex",
  "age",
  "year",
  "unit",
  "value",
]

export interface GlotipRow {
  /** Line (CSV) or sheet row (XLSX) where the record starts, as an editor or spreadsheet shows it. */
  readonly rowNumber: number
  readonly cells: Readonly<Record<GlotipColumn, string | null>>
  /** Cells beyond the header's width that are not empty (a shifted row). */
  readonly extraCells: number
}

export interface GlotipTable {
  readonly headerRow: number
  /** The header as written in the file. */
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<GlotipRow>
  /** Columns of the file matched to nothing (kept out of the warehouse). */
  readonly ignored: ReadonlyArray<string>
}

export class GlotipFormatError extends Error {
  override readonly name = "GlotipFormatError"
}

/** The records of a GLOTIP CSV; a quoted cell that is never closed is a format error. */
export function parseCsvRecords(text: string, delimiter: string): CsvRecord[] {
  const { records, open } = splitCsvRecords(text, delimiter)
  if (open)
    throw new GlotipFormatError(
      `a quoted cell opened on line ${records.at(-1)?.rowNumber ?? 1} is never closed`,
    )
  return records
}

const isHeader = (cells: ReadonlyArray<string>): boolean => {
  const keys = new Set(cells.map(headerKey))
  return aliases.iso3.some((a) => keys.has(a)) && aliases.value.some((a) => keys.has(a))
}

const HEADER_SEARCH_ROWS = 50

function fromRecords(records: ReadonlyArray<CsvRecord>): GlotipTable {
  const headerAt = records.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => isHeader(r.cells))
  if (headerAt < 0)
    throw new GlotipFormatError(
      `no header row naming Iso3_code and txtVALUE in the first ${HEADER_SEARCH_ROWS} rows: is this a GLOTIP data file?`,
    )
  const headerRecord = records[headerAt]!
  const header = headerRecord.cells.map((c) => c.trim())
  const index = new Map<GlotipColumn, number>()
  const ignored: string[] = []
  header.forEach((h, i) => {
    const key = headerKey(h)
    const column = glotipColumns.find((c) => aliases[c].includes(key))
    if (column && !index.has(column)) index.set(column, i)
    else if (h !== "") ignored.push(h)
  })
  const missing = required.filter((c) => !index.has(c))
  if (missing.length > 0)
    throw new GlotipFormatError(
      `the header row (row ${headerRecord.rowNumber}) lacks ${missing.join(", ")} (found: ${header.join(", ")})`,
    )
  const rows: GlotipRow[] = []
  for (const r of records.slice(headerAt + 1)) {
    if (r.cells.every((c) => c.trim() === "")) continue
    const cells = {} as Record<GlotipColumn, string | null>
    for (const c of glotipColumns) {
      const at = index.get(c)
      const v = at === undefined ? undefined : r.cells[at]
      cells[c] = v === undefined ? null : v
    }
    const extraCells = r.cells.slice(header.length).filter((c) => c.trim() !== "").length
    rows.push({ rowNumber: r.rowNumber, cells, extraCells })
  }
  return { headerRow: headerRecord.rowNumber, header, rows, ignored }
}

export function readGlotipCsv(bytes: Uint8Array): GlotipTable {
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    throw new GlotipFormatError("the file is not UTF-8 text: save it as CSV UTF-8 and import again")
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  // The delimiter is the one that makes a header row appear; title rows above it say nothing.
  for (const delimiter of [",", ";", "\t"]) {
    const records = parseCsvRecords(text, delimiter)
    if (records.slice(0, HEADER_SEARCH_ROWS).some((r) => isHeader(r.cells))) return fromRecords(records)
  }
  return fromRecords(parseCsvRecords(text, ","))
}

export function readGlotipXlsx(bytes: Uint8Array, sheet?: string): GlotipTable {
  const { rows } = readXlsx(bytes, sheet)
  return fromRecords(rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells })))
}
