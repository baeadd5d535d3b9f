/**
 * `export ctdc`: the warehouse's cases in the CTDC 2024 synthetic-data layout (27 variables), with
 * the publication threshold applied (k-anonymity over year, gender, ageBroad, citizenship and
 * country of exploitation; default k = 10). Writes the CSV and `<out>.summary.json`.
 */
import { writeFile } from "node:fs/promises"
import { Ctdc, TraffickingStatus } from "@lao-protect/domain"
import type { Connector } from "../../Connector.ts"
import { readCaseRows } from "./cases.ts"
import { writeExportCsv } from "./csv.ts"

export interface CtdcExportOptions {
  readonly db: Connector
  readonly out: string
  readonly k?: number
  readonly hxl?: boolean
}

export interface CtdcExportResult {
  readonly file: string
  readonly summaryFile: string
  readonly summary: Ctdc.ThresholdSummary & { readonly skipped: number }
}

export const exportCtdc = async (options: CtdcExportOptions): Promise<CtdcExportResult> => {
  const { rows, skipped } = await readCaseRows(options.db)
  // CTDC holds victims only: a case screened out as not a victim is not exported.
  const written = rows
    .filter((r) =>
      TraffickingStatus.countsAsVictim(r.trafficking_status as TraffickingStatus.TraffickingStatus),
    )
    .map((r) => Ctdc.toSyntheticRow(Ctdc.fromCaseRow(r)))
  const { rows: released, summary } = Ctdc.applyThreshold(written, options.k ?? 10)
  const header = [...Ctdc.syntheticVariables]
  await writeExportCsv(
    options.out,
    { header, rows: released.map((r) => header.map((v) => r[v])) },
    options.hxl === true ? { hxl: (c) => Ctdc.hxlTags[c] } : {},
  )
  const summaryFile = `${options.out}.summary.json`
  const full = { ...summary, skipped: skipped.length }
  await writeFile(
    summaryFile,
    `${JSON.stringify({ layout: "CTDC Global Synthetic Dataset 2024 (27 variables)", source: Ctdc.syntheticUrl, quasiIdentifiers: Ctdc.quasiIdentifiers, ...full }, null, 2)}\n`,
  )
  return { file: options.out, summaryFile, summary: full }
}
