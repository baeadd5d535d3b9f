/**
 * CSV for exports and for the files the format importers hand to `importFile`.
 * Exports: UTF-8 with a BOM (so Excel reads Lao script), CRLF, formula-looking cells neutralised
 * (@lao-protect/csv), and an optional HXL hashtag row under the header (`withHxl`).
 * The intermediate CaseRow file given to the importer is written WITHOUT neutralisation, so that a
 * phone number "+856 ..." reaches validation unchanged.
 */
import { readFile, writeFile } from "node:fs/promises"
import { readCsv, sniffDelimiter, toCsv } from "@lao-protect/csv"
import { Hxl } from "@lao-protect/domain"
import { readXlsx } from "../import/xlsx.ts"

export interface CsvTable {
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

/** The export text: BOM, header, HXL row when `hxl` is given, rows; every cell neutralised. */
export const exportCsvText = (
  table: CsvTable,
  options: { readonly hxl?: (column: string) => string | undefined } = {},
): string =>
  toCsv([
    table.header,
    ...(options.hxl === undefined ? [] : [Hxl.withHxl(table.header, options.hxl)]),
    ...table.rows,
  ])

export const writeExportCsv = async (
  path: string,
  table: CsvTable,
  options: { readonly hxl?: (column: string) => string | undefined } = {},
): Promise<void> => writeFile(path, exportCsvText(table, options))

/** A plain RFC 4180 CSV (UTF-8 with BOM) with cells exactly as given: for files the importer reads. */
export const rawCsvText = (table: CsvTable): string =>
  toCsv([table.header, ...table.rows], { neutralise: false })

/** Rows of a partner file (CSV with any of the usual delimiters, or .xlsx), header first. */
export const readTableFile = async (
  file: string,
  options: { readonly sheet?: string } = {},
): Promise<Array<ReadonlyArray<string>>> => {
  const bytes = await readFile(file)
  if (/\.xlsx$/i.test(file)) {
    // Rows at their sheet row numbers (empty rows in the gaps), so partner rows keep their numbers.
    const out: Array<ReadonlyArray<string>> = []
    for (const r of readXlsx(bytes, options.sheet).rows) {
      while (out.length < r.rowNumber - 1) out.push([])
      out.push(r.cells)
    }
    return out
  }
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  return readCsv(text, { delimiter: sniffDelimiter(text.slice(0, 64 * 1024)) }).map((r) => r.cells)
}

/** Rows of a CSV text (delimiter sniffed), as `readTableFile` reads a file; kept for `submission`. */
export const parseCsv = (text: string): Array<Array<string>> =>
  readCsv(text, { delimiter: sniffDelimiter(text.slice(0, 64 * 1024)) }).map((r) => [...r.cells])
