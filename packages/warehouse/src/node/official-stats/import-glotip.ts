/**
 * Import a UNODC Global Report on Trafficking in Persons (GLOTIP) data file into `official_stats`.
 * Rows are read in JS (the file is a few thousand national aggregates, with title rows above the
 * header that read_csv cannot skip by content), appended as text to a staging table, and typed and
 * checked in one SQL pass (official_stats_typed.sql). Accepted + rejected = rows read, always;
 * rejected rows go to `official_stats_quarantine` with row, field and reason. One transaction per
 * file; re-importing the same bytes replaces the rows they brought in before, so it is idempotent.
 * It does not touch case data, and it does not recompute or re-suppress UNODC's figures.
 */
import { createHash, randomUUID } from "node:crypto"
import { readFile } from "node:fs/promises"
import { basename, extname } from "node:path"
import type { NodeConnector } from "../NodeConnector.ts"
import countsSql from "./official_stats_counts.sql?raw"
import insertSql from "./official_stats_insert.sql?raw"
import logSql from "./official_stats_log.sql?raw"
import quarantineInsertSql from "./official_stats_quarantine_insert.sql?raw"
import quarantineReplaceSql from "./official_stats_quarantine_replace.sql?raw"
import rejectedSql from "./official_stats_rejected.sql?raw"
import replaceSql from "./official_stats_replace.sql?raw"
import replacedCountSql from "./official_stats_replaced_count.sql?raw"
import stagingDdl from "./official_stats_staging.sql?raw"
import tablesDdl from "./official_stats_tables.sql?raw"
import typedSql from "./official_stats_typed.sql?raw"
import { type GlotipTable, glotipColumns, readGlotipCsv, readGlotipXlsx } from "./read-glotip.ts"

export interface GlotipImportOptions {
  /** XLSX sheet name (default: the first sheet). */
  readonly sheet?: string
  /** Default: from the extension (.xlsx, else CSV). */
  readonly format?: "csv" | "xlsx"
}

export interface QuarantinedField {
  readonly rowNumber: number
  readonly field: string
  readonly value: string | null
  readonly reason: string
}

export interface GlotipImportResult {
  readonly importId: string
  readonly sourceFile: string
  readonly sha256: string
  /** Row of the column names (the rows above it are titles and notes). */
  readonly headerRow: number
  readonly rowsRead: number
  readonly accepted: number
  readonly rejected: number
  /** Accepted rows whose value is suppressed ("<5") or missing (".."). */
  readonly suppressed: number
  readonly missing: number
  /** Rows of an earlier import of the same bytes that this import replaced. */
  readonly replaced: number
  readonly ignoredColumns: ReadonlyArray<string>
  /** One entry per offending field of each rejected row. */
  readonly quarantine: ReadonlyArray<QuarantinedField>
}

/** The import stopped before writing anything; the message is for users. */
export class OfficialImportError extends Error {
  override readonly name = "OfficialImportError"
}

const num = (v: unknown): number => (typeof v === "bigint" ? Number(v) : Number(v ?? 0))

/** Create the official statistics tables if needed (also done by every import). */
export async function ensureOfficialStatsTables(db: NodeConnector): Promise<void> {
  await db.exec(tablesDdl)
}

async function stage(db: NodeConnector, table: GlotipTable): Promise<void> {
  await db.exec(stagingDdl)
  const appender = await db.raw.createAppender("official_stg", "main", "temp")
  try {
    for (const row of table.rows) {
      appender.appendInteger(row.rowNumber)
      appender.appendInteger(row.extraCells)
      for (const c of glotipColumns) {
        const v = row.cells[c]
        if (v === null) appender.appendNull()
        else appender.appendVarchar(v)
      }
      appender.endRow()
    }
    appender.flushSync()
  } finally {
    appender.closeSync()
  }
}

export async function importUnodcGlotip(
  db: NodeConnector,
  file: string,
  options: GlotipImportOptions = {},
): Promise<GlotipImportResult> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (e) {
    throw new OfficialImportError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`)
  }
  const format = options.format ?? (extname(file).toLowerCase() === ".xlsx" ? "xlsx" : "csv")
  const sourceFile = basename(file)
  const sha256 = createHash("sha256").update(bytes).digest("hex")
  const sheet = format === "xlsx" ? (options.sheet ?? null) : null

  let table: GlotipTable
  try {
    table = format === "xlsx" ? readGlotipXlsx(bytes, options.sheet) : readGlotipCsv(bytes)
  } catch (e) {
    // GlotipFormatError and XlsxError both carry messages meant for users.
    throw new OfficialImportError(e instanceof Error ? e.message : String(e))
  }

  const importId = randomUUID()
  const fileParams = [sourceFile, sha256, sheet, importId]
  await db.exec("BEGIN TRANSACTION")
  try {
    await ensureOfficialStatsTables(db)
    await stage(db, table)
    await db.exec(typedSql)
    const c = (await db.query(countsSql))[0]!
    const rowsRead = num(c.rows_read)
    const accepted = num(c.accepted)
    const rejected = num(c.rejected)
    if (rowsRead !== table.rows.length || accepted + rejected !== rowsRead)
      throw new Error(
        `internal: ${table.rows.length} rows staged, ${rowsRead} typed, ${accepted} + ${rejected} classified`,
      )
    const replaced = num((await db.query(replacedCountSql, [sha256, sheet]))[0]?.n)
    await db.query(replaceSql, [sha256, sheet])
    await db.query(quarantineReplaceSql, [sha256, sheet])
    await db.query(insertSql, fileParams)
    await db.query(quarantineInsertSql, fileParams)
    await db.query(logSql, [
      importId,
      sourceFile,
      sha256,
      sheet,
      table.headerRow,
      rowsRead,
      accepted,
      rejected,
      replaced,
    ])
    const quarantine = (await db.query(rejectedSql, [importId])).map((r) => ({
      rowNumber: num(r.row_number),
      field: String(r.field),
      value: r.value === null ? null : String(r.value),
      reason: String(r.reason),
    }))
    await db.exec("COMMIT")
    await db.exec("DROP TABLE IF EXISTS official_typed; DROP TABLE IF EXISTS official_stg")
    return {
      importId,
      sourceFile,
      sha256,
      headerRow: table.headerRow,
      rowsRead,
      accepted,
      rejected,
      suppressed: num(c.suppressed),
      missing: num(c.missing),
      replaced,
      ignoredColumns: table.ignored,
      quarantine,
    }
  } catch (e) {
    const rollback = await db.exec("ROLLBACK").then(
      () => "nothing was imported",
      (r: unknown) => `and the rollback failed too (${r instanceof Error ? r.message : String(r)})`,
    )
    throw new OfficialImportError(
      `${e instanceof Error ? (e.message.split("\n")[0] ?? e.message) : String(e)}; ${rollback}`,
    )
  }
}
