/**
 * `import-ctdc`: a CTDC file (the 2024 Global Synthetic Dataset or the legacy Global Dataset,
 * CSV or XLSX, variable names in any case) into `ctdc_record`, read by the domain's `Ctdc.read`.
 * A row without a year of registration (or with one that is not a year) is rejected with that
 * reason; means-of-control labels the legacy codebook does not have are warnings. The same file
 * imported again replaces its rows (one transaction).
 */
import { createHash, randomUUID } from "node:crypto"
import { readFileSync } from "node:fs"
import { basename } from "node:path"
import { LIST, VARCHAR } from "@duckdb/node-api"
import { Ctdc } from "@lao-protect/domain"
import { readTableFile } from "../export/csv.ts"
import type { NodeConnector } from "../NodeConnector.ts"
import { fixedTables } from "../schema/ddl.ts"

export interface CtdcImportResult {
  readonly importId: string
  readonly layout: Ctdc.Layout
  readonly rowsRead: number
  readonly accepted: number
  readonly rejected: ReadonlyArray<{ readonly row: number; readonly reason: string }>
  readonly warnings: ReadonlyArray<{ readonly row: number; readonly message: string }>
}

export class CtdcImportError extends Error {
  override readonly name = "CtdcImportError"
}

export async function importCtdc(
  db: NodeConnector,
  options: { readonly file: string; readonly sheet?: string },
): Promise<CtdcImportResult> {
  await db.exec(fixedTables)
  const rows = await readTableFile(options.file, options.sheet === undefined ? {} : { sheet: options.sheet })
  const [header, ...data] = rows
  if (!header) throw new CtdcImportError("the file is empty")
  const layout = Ctdc.detectLayout(header)
  if (!layout)
    throw new CtdcImportError(
      `not a CTDC file: no 2024 synthetic (meansDebtBondageEarnings, traffickMonths, ...) or legacy (meansOfControlConcatenated, majorityStatus, ...) variables among ${header.slice(0, 8).join(", ")}`,
    )
  const sha = createHash("sha256").update(readFileSync(options.file)).digest("hex")
  const importId = randomUUID()
  const accepted: Array<{ row: number; r: Ctdc.CtdcRecord }> = []
  const rejected: Array<{ row: number; reason: string }> = []
  const warnings: Array<{ row: number; message: string }> = []
  const concatenated = header.findIndex((h) => h.trim().toLowerCase() === "meansofcontrolconcatenated")
  data.forEach((cells, i) => {
    const row = i + 2
    if (cells.every((c) => c.trim() === "")) return
    const record = Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ""]))
    const r = Ctdc.read(record, layout)
    const year = r.yearOfRegistration
    if (year === null || !Number.isInteger(year) || year < 1990 || year > 2100)
      rejected.push({
        row,
        reason: `yearOfRegistration is missing or not a year (${JSON.stringify(record[header.find((h) => h.trim().toLowerCase() === "yearofregistration") ?? ""] ?? "")})`,
      })
    else accepted.push({ row, r })
    if (concatenated >= 0)
      for (const label of Ctdc.legacyMeansLabels(cells[concatenated] ?? "").unknown)
        warnings.push({ row, message: `means of control "${label}" is not in the legacy codebook: ignored` })
  })
  await db.exec("BEGIN TRANSACTION")
  try {
    await db.query(
      "DELETE FROM ctdc_record WHERE import_id IN (SELECT import_id FROM import_log WHERE sha256 = $1 AND source = 'ctdc')",
      [sha],
    )
    await db.query(
      `INSERT INTO import_log (import_id, file_name, sha256, source, started_at, finished_at, rows_read, rows_accepted,
         rows_rejected, warnings, "user", status)
       VALUES ($1, $2, $3, 'ctdc', current_timestamp, current_timestamp, $4, $5, $6, $7, $8, 'committed')`,
      [
        importId,
        basename(options.file),
        sha,
        accepted.length + rejected.length,
        accepted.length,
        rejected.length,
        warnings.length,
        process.env.USER ?? "unknown",
      ],
    )
    const appender = await db.raw.createAppender("ctdc_record")
    try {
      for (const { row, r } of accepted) {
        appender.appendVarchar(importId)
        appender.appendInteger(row)
        appender.appendVarchar(layout)
        appender.appendInteger(r.yearOfRegistration!)
        appender.appendVarchar(r.sex)
        appender.appendVarchar(r.ageBand)
        for (const v of [r.citizenship, r.countryOfExploitation, r.traffickMonths])
          if (v === null) appender.appendNull()
          else appender.appendVarchar(v)
        const flags = [...r.means, ...r.exploit, ...r.labour, ...r.sexTypes, ...r.recruiter]
        appender.appendList(flags, LIST(VARCHAR))
        appender.endRow()
      }
      appender.flushSync()
    } finally {
      appender.closeSync()
    }
    await db.exec("COMMIT")
  } catch (e) {
    await db.exec("ROLLBACK")
    throw e
  }
  return {
    importId,
    layout,
    rowsRead: accepted.length + rejected.length,
    accepted: accepted.length,
    rejected,
    warnings,
  }
}
