/**
 * CSV for exports and for the files the format importers hand to `importFile`.
 * Exports: UTF-8 with a BOM (so Excel reads Lao script), CRLF, formula-looking cells neutralised
 * (the import engineer's `csvLine`), and an optional HXL hashtag row under the header (`withHxl`).
 * The intermediate CaseRow file given to the importer is written WITHOUT neutralisation, so that a
 * phone number "+856 ..." reaches validation unchanged.
 */
import { readFile, writeFile } from "node:fs/promises"
import { Hxl } from "@lao-protect/domain"
import { csvLine, sniffCsv } from "../import/csv-text.ts"
import { readXlsx } from "../import/xlsx.ts"

export interface CsvTable {
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

/** The export text: BOM, header, HXL row when `hxl` is given, rows; every cell neutralised. */
export const exportCsvText = (
  table: CsvTable,
  options: { readonly hxl?: (column: string) => string | undefined } = {},
): string => {
  const lines = [csvLine(table.header)]
  if (options.hxl !== undefined) lines.push(csvLine(Hxl.withHxl(table.header, options.hxl)))
  for (const row of table.rows) lines.push(csvLine(row))
  return `\ufeff${lines.join("")}`
}

export const writeExportCsv = async (
  path: string,
  table: CsvTable,
  options: { readonly hxl?: (column: string) => string | undefined } = {},
): Promise<void> => writeFile(path, exportCsvText(table, options))

const rawField = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value

/** A plain RFC 4180 CSV (UTF-8 with BOM) with cells exactly as given: for files the importer reads. */
export const rawCsvText = (table: CsvTable): string =>
  `\ufeff${[table.header, ...table.rows].map((r) => `${r.map(rawField).join(",")}\r\n`).join("")}`

/** Parses RFC 4180 text (quoted fields, doubled quotes, CRLF or LF). A leading BOM is dropped. */
export const parseCsv = (input: string, delimiter = ","): Array<Array<string>> => {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += ch
    } else if (ch === '"' && field === "") quoted = true
    else if (ch === delimiter) {
      row.push(field)
      field = ""
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++
      row.push(field)
      rows.push(row)
      row = []
      field = ""
    } else field += ch
  }
  if (field !== "" || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.some((c) => c !== ""))
}

/** Rows of a partner file (CSV with any of the usual delimiters, or .xlsx), header first. */
export const readTableFile = async (
  file: string,
  options: { readonly sheet?: string } = {},
): Promise<Array<ReadonlyArray<string>>> => {
  const bytes = await readFile(file)
  if (/\.xlsx$/i.test(file)) return readXlsx(bytes, options.sheet).rows.map((r) => r.cells)
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  return parseCsv(text, sniffCsv(bytes.subarray(0, 64 * 1024)).delimiter)
}
