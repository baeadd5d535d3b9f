/**
 * Imports an HTCDS case sheet or a Kobo/ODK data export through the normal validated import: the
 * file is converted to CaseRow cells by the domain's crosswalk (`Htcds.toCaseRowCells`,
 * `XlsForm.toCaseRowCells`), written next to it as `<file>.caserow.csv` (UTF-8, cells unchanged,
 * plus a `partner_row` column the importer ignores but keeps in `<...>.rejected.csv`), and that file
 * goes through `importFile`, so quarantine, counts, deduplication and the one-transaction rule apply
 * exactly as for any partner CSV. Nothing is validated here.
 */
import { writeFile } from "node:fs/promises"
import { CaseRow, Htcds, XlsForm } from "@lao-protect/domain"
import { type ImportResult, importFile } from "../import/import-file.ts"
import type { NodeConnector } from "../NodeConnector.ts"
import type { CaseModel } from "../schema/model.ts"
import { rawCsvText, readTableFile } from "./csv.ts"

export type PartnerFormat = "htcds" | "kobo"

export interface PartnerImportOptions {
  readonly file: string
  readonly format: PartnerFormat
  readonly model: CaseModel
  readonly sheet?: string
  /** Values for empty cells (e.g. `victim_group` for HTCDS sheets, which have no such field). */
  readonly defaults?: Readonly<Partial<Record<CaseRow.ColumnName, string>>>
  /** Partner code for rows without a source (passed to the importer). */
  readonly source?: string
  readonly user?: string
}

export interface PartnerImportResult {
  readonly converted: string
  readonly rows: number
  readonly result: ImportResult
}

export class PartnerFormatError extends Error {
  override readonly name = "PartnerFormatError"
}

/** CaseRow cells and the partner's row number of every data row of the file. */
export const convertPartnerRows = (
  rows: ReadonlyArray<ReadonlyArray<string>>,
  format: PartnerFormat,
  defaults: PartnerImportOptions["defaults"] = {},
): Array<{ readonly partnerRow: number; readonly cells: Record<CaseRow.ColumnName, string> }> => {
  if (rows.length === 0) throw new PartnerFormatError("the file is empty")
  if (format === "htcds") {
    if (!Htcds.looksLikeHtcds(rows[0]!))
      throw new PartnerFormatError(
        `the first row does not hold HTCDS field names (prs_*, vic_*, cas_* or lao_*): ${rows[0]!.slice(0, 6).join(", ")}`,
      )
    return Htcds.recordsFromSheet(rows).map(({ rowNumber, record }) => ({
      partnerRow: rowNumber,
      cells: Htcds.toCaseRowCells(record, { defaults }),
    }))
  }
  const [header, ...data] = rows
  if (!XlsForm.looksLikeKobo(header!))
    throw new PartnerFormatError("the header does not look like a Kobo/ODK export of the Lao Protect form")
  return data.map((cells, i) => ({
    partnerRow: i + 2,
    cells: XlsForm.toCaseRowCells(Object.fromEntries(header!.map((h, j) => [h, cells[j] ?? ""])), {
      defaults,
    }),
  }))
}

export const importPartnerFile = async (
  db: NodeConnector,
  options: PartnerImportOptions,
): Promise<PartnerImportResult> => {
  const rows = await readTableFile(options.file, options.sheet === undefined ? {} : { sheet: options.sheet })
  const converted = convertPartnerRows(rows, options.format, options.defaults)
  const out = `${options.file}.caserow.csv`
  const header = [...CaseRow.columnNames, "partner_row"]
  await writeFile(
    out,
    rawCsvText({
      header,
      rows: converted.map(({ partnerRow, cells }) => [
        ...CaseRow.columnNames.map((c) => cells[c]),
        String(partnerRow),
      ]),
    }),
  )
  const result = await importFile(db, {
    file: out,
    model: options.model,
    format: "csv",
    ...(options.source === undefined ? {} : { source: options.source }),
    ...(options.user === undefined ? {} : { user: options.user }),
  })
  return { converted: out, rows: converted.length, result }
}
