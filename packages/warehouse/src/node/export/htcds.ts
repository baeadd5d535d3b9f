/**
 * `export htcds`: the warehouse's cases as an HTCDS v2.0 case sheet (.xlsx in the template layout:
 * row 1 field names, row 2 labels, data below; or .csv with the same two rows, optionally HXL-tagged
 * instead of labelled). Personal data only with `includePii`.
 */
import { writeFile } from "node:fs/promises"
import { Htcds } from "@lao-protect/domain"
import type { Connector } from "../../Connector.ts"
import { writeXlsx } from "../xlsx-write/index.ts"
import { readCaseRows } from "./cases.ts"
import { writeExportCsv } from "./csv.ts"

export interface HtcdsExportOptions {
  readonly db: Connector
  readonly out: string
  readonly includePii?: boolean
  /** CSV only: an HXL row under the header (instead of the label row). */
  readonly hxl?: boolean
}

export interface HtcdsExportResult {
  readonly file: string
  readonly records: number
  readonly skipped: number
}

export const exportHtcds = async (options: HtcdsExportOptions): Promise<HtcdsExportResult> => {
  const { rows, skipped } = await readCaseRows(options.db)
  const records = rows.map((r) => Htcds.fromCaseRow(r, { includePii: options.includePii === true }))
  const sheet = Htcds.sheetRows(records)
  if (/\.xlsx$/i.test(options.out)) {
    await writeFile(options.out, writeXlsx([{ name: "HTCDS", rows: sheet }]))
  } else {
    const tags = new Map(Htcds.fields.map((f) => [f.field, f.hxl]))
    const [header, labels, ...data] = sheet
    await writeExportCsv(
      options.out,
      { header: header!, rows: options.hxl === true ? data : [labels!, ...data] },
      options.hxl === true ? { hxl: (c) => tags.get(c) } : {},
    )
  }
  return { file: options.out, records: records.length, skipped: skipped.length }
}
