/**
 * Imports an HTCDS case sheet or a Kobo/ODK data export through the normal validated import: the
 * file is converted to CaseRow cells by the domain's crosswalk (`Htcds.toCaseRowCells`,
 * `XlsForm.toCaseRowCells`), written to a private temporary folder (mode 0700) as a CaseRow CSV
 * (cells unchanged, plus a `partner_row` column the importer ignores but keeps in the rejected
 * file), and that file goes through `importFile`, so quarantine, counts, deduplication and the
 * one-transaction rule apply exactly as for any partner CSV. The converted file holds personal data:
 * it is deleted when the import ends, whatever the outcome; the rejected rows and warnings are
 * written next to the partner's own file. Nothing is validated here.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { basename, join } from "node:path"
import { CaseRow, Htcds, XlsForm } from "@lao-protect/domain"
import { type ImportResult, importFile } from "../import/import-file.ts"
import type { Progress } from "../import/progress.ts"
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
  readonly dryRun?: boolean
  readonly progress?: Progress
}

export interface PartnerImportResult {
  /** The partner file the rows came from (the converted file is gone). */
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

/**
 * The converted rows, each at its partner row number (the header is row 1; empty records, which
 * the importer skips as blank, fill the gaps), so that the rejected file's row numbers are the
 * partner's own.
 */
const atPartnerRows = (
  converted: ReturnType<typeof convertPartnerRows>,
  width: number,
): Array<ReadonlyArray<string>> => {
  const out: Array<ReadonlyArray<string>> = []
  const blank = Array.from({ length: width }, () => "")
  for (const { partnerRow, cells } of converted) {
    while (out.length < partnerRow - 2) out.push(blank)
    out.push([...CaseRow.columnNames.map((c) => cells[c]), String(partnerRow)])
  }
  return out
}

export const importPartnerFile = async (
  db: NodeConnector,
  options: PartnerImportOptions,
): Promise<PartnerImportResult> => {
  const rows = await readTableFile(options.file, options.sheet === undefined ? {} : { sheet: options.sheet })
  const converted = convertPartnerRows(rows, options.format, options.defaults)
  const folder = await mkdtemp(join(tmpdir(), "lao-protect-convert-"))
  const out = join(folder, `${basename(options.file)}.caserow.csv`)
  const header = [...CaseRow.columnNames, "partner_row"]
  try {
    await writeFile(
      out,
      rawCsvText({
        header,
        rows: atPartnerRows(converted, header.length),
      }),
      { mode: 0o600 },
    )
    const result = await importFile(db, {
      file: out,
      reportAs: options.file,
      model: options.model,
      format: "csv",
      ...(options.source === undefined ? {} : { source: options.source }),
      ...(options.user === undefined ? {} : { user: options.user }),
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
    })
    return { converted: options.file, rows: converted.length, result }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
