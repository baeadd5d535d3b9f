/**
 * Import one partner file into the warehouse: all rows land in a VARCHAR staging table (DuckDB's
 * read_csv for CSV, the appender for xlsx/JSON/NDJSON); generated SQL finds duplicate keys and the
 * distinct place and date texts in one aggregate scan, inserts the rows that pass every check into
 * `cases` in one INSERT ... SELECT, and builds reasons only for the rows that were not inserted,
 * which go to `quarantine` and `<input>.rejected.csv`. A corrected file replaces the cases it names
 * (by source and case_id). One transaction per file: an error or a kill leaves the warehouse as it
 * was. Rows are never validated one by one in JavaScript; only distinct place names and the
 * rejected rows cross into JS.
 */
import { createHash, randomUUID } from "node:crypto"
import {
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs"
import { readFile } from "node:fs/promises"
import { userInfo } from "node:os"
import { basename, extname } from "node:path"
import type { DuckDBValue } from "@duckdb/node-api"
import type { NodeConnector } from "../NodeConnector.ts"
import { cleanInterruptedImport, lfCopyIfMixed, literalPath, scratchDirOf } from "../private-files.ts"
import { migrate } from "../schema/migrate.ts"
import type { CaseModel, PlaceMatch } from "../schema/model.ts"
import { ident } from "../schema/sql-text.ts"
import { type CsvScan, CsvScanner } from "./csv-scan.ts"
import { clip, csvLine, MAX_HEADER_BYTES, sniffCsvFile, splitCsvRecords } from "./csv-text.ts"
import explainedCountsSql from "./explained_counts.sql?raw"
import { fileProblem, headerLineBreaks } from "./file-checks.ts"
import { matchHeaders } from "./headers.ts"
import logAlreadySql from "./import_log_already.sql?raw"
import logCommittedSql from "./import_log_committed.sql?raw"
import logFailedSql from "./import_log_failed.sql?raw"
import logRunningSql from "./import_log_running.sql?raw"
import { checkKeysUnique } from "./integrity.ts"
import macros from "./macros.sql?raw"
import placeLookupDdl from "./place_lookup.sql?raw"
import previousImportSql from "./previous_import.sql?raw"
import { type Progress, silentProgress } from "./progress.ts"
import { readJson, readNdjson, type Tabular } from "./records.ts"
import rejectedByReasonSql from "./rejected_by_reason.sql?raw"
import rejectedReasonsSql from "./rejected_reasons.sql?raw"
import rejectedRowsSql from "./rejected_rows.sql?raw"
import replacedSql from "./replaced_cases.sql?raw"
import {
  districtPairs,
  type ImportInput,
  type ImportSql,
  importSql,
  placeColumns,
  storedText,
  warningsSql,
} from "./validation-sql.ts"
import { checkMapping, type ValueMapping, valueWords } from "./value-mapping.ts"
import { readXlsx } from "./xlsx.ts"

export type FileFormat = "csv" | "xlsx" | "json" | "ndjson"

export interface ImportOptions {
  readonly file: string
  readonly model: CaseModel
  readonly sheet?: string
  /** Partner header -> CaseRow column. */
  readonly mapping?: Readonly<Record<string, string>>
  /** Mapping file value words: CaseRow column -> (partner word -> code), see `value-mapping.ts`. */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>>
  /** CaseRow column -> value for rows whose cell is missing or empty (`--set column=value`). */
  readonly set?: Readonly<Record<string, string>>
  /** Partner code used where the file has no `source` value. */
  readonly source?: string
  readonly format?: FileFormat
  readonly user?: string
  readonly progress?: Progress
  /** Check and count everything, then roll back: nothing in the warehouse, no file written. */
  readonly dryRun?: boolean
  /**
   * The file the user gave, when `file` is a conversion of it (HTCDS, Kobo): the import log names
   * it and `<reportAs>.rejected.csv` / `.warnings.csv` are written next to it.
   */
  readonly reportAs?: string
  /** Write `<file>.rejected.csv` (default true). */
  readonly writeRejected?: boolean
  /** Called with the wall time of each phase (for the bench). */
  readonly profile?: (phase: string, ms: number) => void
}

export interface ImportWarning {
  readonly row: number
  readonly column: string
  readonly value: string | null
  readonly message: string
}

export interface ImportResult {
  readonly importId: string
  /** `dry_run`: everything was checked and counted, then rolled back; no file was written. */
  readonly status: "committed" | "already_imported" | "dry_run"
  readonly file: string
  readonly sha256: string
  readonly rowsRead: number
  readonly accepted: number
  readonly rejected: number
  readonly inserted: number
  readonly updated: number
  readonly warnings: number
  readonly ignoredHeaders: ReadonlyArray<string>
  /** Blank rows (every cell empty, except under an empty header): skipped, not counted as read. */
  readonly skippedBlank?: number
  /** Their row numbers (the first 50). */
  readonly skippedRows?: ReadonlyArray<number>
  /** Warnings by row (the first 1,000): Buddhist Era conversions, disputed ages, guessed places. */
  readonly warningRows?: ReadonlyArray<ImportWarning>
  /** Rejected rows by column and reason, most frequent first (the first 20). */
  readonly rejectedByReason?: ReadonlyArray<{ column: string; reason: string; rows: number }>
  readonly rejectedFile?: string
  /** `<input>.warnings.csv`: every warning, by row. */
  readonly warningsFile?: string
  /** For `already_imported`: the import that loaded these bytes. */
  readonly previousImportId?: string
  /** Files an interrupted import of this file had left (with personal data), removed before this one. */
  readonly cleanedUp?: ReadonlyArray<string>
}

/** An import that stopped: nothing was written to `cases` or `quarantine`; the message is for users. */
export class ImportError extends Error {
  override readonly name = "ImportError"
}

export const detectFormat = (file: string): FileFormat => {
  const ext = extname(file).toLowerCase()
  if (ext === ".xlsx") return "xlsx"
  if (ext === ".json") return "json"
  if (ext === ".ndjson" || ext === ".jsonl") return "ndjson"
  return "csv"
}

/** SHA-256 of the file; the same chunks feed the CSV record scanner when there is one. */
async function sha256(file: string, scanner?: CsvScanner): Promise<string> {
  const hash = createHash("sha256")
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer)
    scanner?.push(chunk as Buffer)
  }
  return hash.digest("hex")
}

function readAt(file: string): (offset: number, n: number) => Uint8Array {
  return (offset, n) => {
    const fd = openSync(file, "r")
    try {
      const buf = new Uint8Array(n)
      const read = readSync(fd, buf, 0, n, offset)
      return buf.subarray(0, read)
    } finally {
      closeSync(fd)
    }
  }
}

/** A data row of a CSV file may be at most this long (the header may set a larger bound). */
export const MAX_ROW_BYTES = 1024 * 1024
const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`

const currentUser = (): string => {
  try {
    return userInfo().username
  } catch {
    // userInfo throws when the uid has no passwd entry (containers): the log names $USER instead.
    return process.env.USER ?? "unknown"
  }
}

const num = (v: unknown): number => (typeof v === "bigint" ? Number(v) : Number(v ?? 0))

async function loadTabular(db: NodeConnector, t: Tabular): Promise<void> {
  const cols = t.header.map((_, i) => `${ident(`c${i}`)} VARCHAR`)
  await db.exec(`CREATE OR REPLACE TEMP TABLE stg (row_number INTEGER, ${cols.join(", ")})`)
  const appender = await db.raw.createAppender("stg", "main", "temp")
  try {
    for (const row of t.rows) {
      appender.appendInteger(row.rowNumber)
      for (let i = 0; i < t.header.length; i++) {
        const v = row.cells[i]
        if (v === undefined || v === null) appender.appendNull()
        else appender.appendVarchar(v)
      }
      appender.endRow()
    }
    appender.flushSync()
  } finally {
    appender.closeSync()
  }
}

function placeMatchToRow(
  m: PlaceMatch,
  what: string,
  text: string,
): { code: string | null; reason: string | null } {
  if ("code" in m) return { code: m.code, reason: null }
  if ("ambiguous" in m && m.loose === true)
    return {
      code: null,
      reason: `"${text}" is not a known ${what} name; did you mean ${m.ambiguous.join(" or ")}? Write the code or the exact name`,
    }
  if ("ambiguous" in m)
    return {
      code: null,
      reason: `"${text}" could be several ${what}s (${m.ambiguous.join(", ")}): give the province to choose`,
    }
  return { code: null, reason: `unknown ${what} "${text}"` }
}

async function resolvePlaces(db: NodeConnector, model: CaseModel, sql: ImportSql): Promise<void> {
  await db.exec(placeLookupDdl)
  const appender = await db.raw.createAppender("lp_place", "main", "temp")
  try {
    for (const { column, hint } of placeColumns(model)) {
      const kind = sql.preKinds.places.find((p) => p.column === column.name)!
      const r = ident(`r_${column.name}`)
      const distinct = `SELECT ${r} AS raw, ${hint ? ident(`r_${hint}`) : "NULL::VARCHAR"} AS hint FROM lp_pre
         WHERE gid = ${kind.gid} AND ${r} IS NOT NULL`
      for (const row of await db.query<{ raw: string; hint: string | null }>(distinct)) {
        let m: PlaceMatch
        let elsewhere: PlaceMatch | undefined
        switch (column.place) {
          case "province":
            m = model.places.province(row.raw)
            break
          case "checkpoint":
            m = model.places.checkpoint(row.raw)
            break
          case "country":
            m = model.places.country(row.raw)
            break
          default: {
            const p = row.hint === null ? undefined : model.places.province(row.hint)
            const provinceCode = p && "code" in p ? p.code : undefined
            m = model.places.district(row.raw, provinceCode)
            if ("unknown" in m && provinceCode !== undefined) elsewhere = model.places.district(row.raw)
          }
        }
        let { code, reason } = placeMatchToRow(m, column.place ?? "place", row.raw)
        if (elsewhere && "code" in elsewhere)
          reason = `"${row.raw}" is a district of ${model.places.provinceOfDistrict(elsewhere.code) ?? "another province"}, not of the ${hint} given ("${row.hint}"): correct one of the two`
        else if (elsewhere && "ambiguous" in elsewhere)
          reason = `no district "${row.raw}" in the ${hint} given ("${row.hint}"); districts of that name: ${elsewhere.ambiguous.join(", ")}`
        const province =
          code && column.place === "district" ? (model.places.provinceOfDistrict(code) ?? null) : null
        // Hints are '' rather than NULL so the validation joins stay hash joins.
        const values: DuckDBValue[] = [column.name, row.raw, row.hint ?? "", code, province, reason]
        for (const v of values) {
          if (v === null) appender.appendNull()
          else appender.appendVarchar(String(v))
        }
        appender.appendBoolean("code" in m && m.guessed === true)
        appender.endRow()
      }
    }
    appender.flushSync()
  } finally {
    appender.closeSync()
  }
}

export async function importFile(db: NodeConnector, options: ImportOptions): Promise<ImportResult> {
  const { file } = options
  const progress = options.progress ?? silentProgress
  if (!existsSync(file)) throw new ImportError(`file not found: ${file}`)
  const cleanedUp = cleanInterruptedImport(file)
  const format = options.format ?? detectFormat(file)
  const fileName = basename(options.reportAs ?? file)
  const user = options.user ?? currentUser()
  let mark = performance.now()
  const lap = (phase: string) => {
    const now = performance.now()
    options.profile?.(phase, now - mark)
    mark = now
  }
  // CSV: the header first (read until its record is complete, bounded), so that the hash pass can
  // also count the file's records.
  let sniffed: { header: ReadonlyArray<string>; delimiter: string } | undefined
  let sniffError: string | undefined
  let scanner: CsvScanner | undefined
  let maxRow = MAX_ROW_BYTES
  const problem = format === "csv" ? fileProblem(readAt(file)(0, 64 * 1024), fileName) : undefined
  if (problem) sniffError = problem
  else if (format === "csv") {
    const s = sniffCsvFile(readAt(file))
    if (!s.complete)
      sniffError = `the first line (the header) does not end within ${MAX_HEADER_BYTES / (1024 * 1024)} MiB: this is not a case file, or it is damaged; nothing was imported`
    else {
      sniffed = s
      const headerBytes = Buffer.byteLength(s.header.join(s.delimiter))
      maxRow = Math.max(MAX_ROW_BYTES, 2 * headerBytes)
      scanner = new CsvScanner(s.delimiter, maxRow)
    }
  }
  // The hash/record-scan pass (JS) and DuckDB's read_csv into the TEMP staging table are
  // independent: run them at the same time, then compare. Nothing in the warehouse changes; the
  // staging table is dropped on every exit before the transaction (and the scan's errors, the
  // header checks and "already imported" still win over anything read_csv found).
  const literal =
    format === "csv" && sniffed && !sniffed.header.every((h) => h === "")
      ? literalPath(file, scratchDirOf(db.path))
      : undefined
  const stage = (path: string) =>
    sniffed
      ? stageCsv(db, path, sniffed.header, sniffed.delimiter, maxRow, progress).then(
          () => ({ ok: true as const }),
          (error: unknown) => ({ ok: false as const, error }),
        )
      : undefined
  let staging = literal ? stage(literal.path) : undefined
  let digest: string
  try {
    digest = await sha256(file, scanner)
  } finally {
    // Never leave read_csv running on the connection behind a failed read.
    await staging
    literal?.release()
  }
  // DuckDB's reader stops on a file mixing CRLF and LF line ends (common after hand edits): stage
  // a copy with LF ends instead; the records, their line numbers and the checksum are the file's.
  const first = await staging
  if (first && !first.ok && /state machine reached an invalid state/i.test(String(first.error))) {
    const copy = await lfCopyIfMixed(file, scratchDirOf(db.path))
    if (copy) {
      staging = stage(copy.path)
      await staging
      copy.release()
    }
  }
  const scan = scanner?.finish()
  lap("sha256+load")
  try {
    const result = await importStaged(db, options, {
      format,
      fileName,
      user,
      digest,
      sniffed,
      sniffError,
      scan,
      maxRow,
      staging,
      lap,
    })
    return cleanedUp.length > 0 ? { ...result, cleanedUp } : result
  } catch (e) {
    const dropped = staging ? await settle(dropStaging(db)) : undefined
    if (dropped && !dropped.ok)
      throw await cleanUpAfter(e, e instanceof Error ? e.message : String(e), [
        ["dropping the staging tables", () => Promise.reject(dropped.error)],
      ])
    throw e
  }
}

interface Prepared {
  readonly format: FileFormat
  readonly fileName: string
  readonly user: string
  readonly digest: string
  readonly sniffed: { header: ReadonlyArray<string>; delimiter: string } | undefined
  readonly sniffError: string | undefined
  readonly scan: CsvScan | undefined
  readonly maxRow: number
  /** The CSV staging load started beside the hash pass (settled). */
  readonly staging: Promise<{ ok: true } | { ok: false; error: unknown }> | undefined
  readonly lap: (phase: string) => void
}

/** What every phase of one import needs. */
interface Run {
  readonly db: NodeConnector
  readonly options: ImportOptions
  readonly model: CaseModel
  readonly importId: string
  readonly source: string | null
  readonly sheet: string | null
  readonly fileName: string
  readonly user: string
  readonly digest: string
  readonly progress: Progress
  readonly lap: (phase: string) => void
}

/**
 * The import, phase by phase: check the mapping; stop early when the same bytes were imported
 * before; read the header (and the rows of non-CSV formats); match the columns; stage the rows;
 * then, in one transaction, convert (pre-scan, places), merge the accepted rows into `cases`,
 * explain the rejected ones, write them to `quarantine`, record warnings, log, check integrity
 * and write the rejected file, and commit (or roll back for a dry run). Any error rolls back.
 */
async function importStaged(db: NodeConnector, options: ImportOptions, p: Prepared): Promise<ImportResult> {
  const { model } = options
  await migrate(db, model)
  p.lap("migrate")
  const mapping = checkedMapping(options)
  const run: Run = {
    db,
    options,
    model,
    importId: randomUUID(),
    source: options.source ?? null,
    sheet: options.sheet ?? null,
    fileName: p.fileName,
    user: p.user,
    digest: p.digest,
    progress: options.progress ?? silentProgress,
    lap: p.lap,
  }
  const previous = await alreadyImported(run, p.staging !== undefined)
  if (previous) return previous
  const { header, tabular, delimiter } = await failing(run, () => readHeader(options, p))
  const setColumns = Object.keys(mapping.set)
  const { match, fileColumns } = await failing(run, async () => matchColumns(header, options, setColumns))
  const { lap } = run
  let inTransaction = false
  let restoreThreads: (() => Promise<void>) | undefined
  try {
    const { oddRows, skippedRows } = await stageRows(run, {
      header,
      delimiter,
      tabular,
      staging: p.staging,
      scan: p.scan,
      matched: [...match.columns.keys()],
    })
    restoreThreads = await singleThreadedWhenSmall(db, p.scan?.records ?? tabular?.rows.length ?? 0)
    lap("load")
    await db.exec("BEGIN TRANSACTION")
    inTransaction = true
    await db.query(logRunningSql, [run.importId, run.fileName, run.digest, run.source, run.user, run.sheet])
    const converted = await convert(run, { header, fileColumns, setColumns, mapping, scan: p.scan, oddRows })
    const merged = await mergeAccepted(run, converted.sql)
    const writeRejected = options.writeRejected !== false
    const rejects = await explainRejects(run, { ...converted, ...merged, header, writeRejected })
    await writeQuarantine(run, header, rejects.rejected)
    lap("quarantine")
    const { warnings, warningRows } = await recordWarnings(run, fileColumns, rejects.beWarnings)
    const rejectedByReason = rejects.rejected > 0 ? await reasonSummary(db) : []
    lap("warnings")
    const { rowsRead } = converted
    const { accepted, updated } = merged
    await db.query(logCommittedSql, [
      run.importId,
      rowsRead,
      accepted,
      rejects.rejected,
      accepted - updated,
      updated,
      warnings,
    ])
    lap("log")
    const files = reportFiles(options, run.importId)
    const wroteRejected = rejects.rejected > 0 && writeRejected
    await checkAndWriteRejected(run, {
      replacing: merged.existing > 0,
      rejectedCsv: wroteRejected ? { tmp: files.tmp, header, originals: rejects.originals } : undefined,
    })
    const dryRun = options.dryRun === true
    await db.exec(dryRun ? "ROLLBACK" : "COMMIT")
    lap("commit")
    inTransaction = false
    const restore = restoreThreads
    restoreThreads = undefined
    await restore?.()
    placeReportFiles(files, { dryRun, writeRejected, wroteRejected, warningRows })
    // Committed: a failure to drop the scratch tables must not be reported as a failed import;
    // the next import replaces them (CREATE OR REPLACE) and they vanish with the connection.
    await dropScratch(db).catch(() => undefined)
    return {
      importId: run.importId,
      status: dryRun ? "dry_run" : "committed",
      file: options.file,
      sha256: run.digest,
      rowsRead,
      accepted,
      rejected: rejects.rejected,
      inserted: accepted - updated,
      updated,
      warnings,
      ignoredHeaders: match.ignored,
      skippedBlank: skippedRows.length,
      skippedRows: skippedRows.slice(0, 50),
      warningRows: warningRows.slice(0, 1000),
      rejectedByReason,
      ...(wroteRejected && !dryRun ? { rejectedFile: files.rejected } : {}),
      ...(warnings > 0 && !dryRun && writeRejected ? { warningsFile: files.warnings } : {}),
    }
  } catch (e) {
    const failure = await abandon(run, e, inTransaction)
    if (restoreThreads)
      throw await cleanUpAfter(failure.cause ?? failure, failure.message, [
        ["restoring the thread count", restoreThreads],
      ])
    throw failure
  }
}

/** DuckDB's row group: a table of at most this many rows is scanned by one task. */
export const ROW_GROUP_ROWS = 122_880

/**
 * The statements of an import whose staging table is one row group run on one thread: every scan
 * is then one task, and a second thread only spins beside it (a 10k-row import: 0.62-0.71 s against
 * 0.68-0.79 s, and 0.2 s less CPU). Returns what sets the connection's thread count back.
 */
async function singleThreadedWhenSmall(
  db: NodeConnector,
  rows: number,
): Promise<(() => Promise<void>) | undefined> {
  if (rows > ROW_GROUP_ROWS) return undefined
  const threads = Number(
    (await db.query<{ t: string }>("SELECT current_setting('threads')::VARCHAR AS t"))[0]?.t,
  )
  if (!Number.isInteger(threads) || threads <= 1) return undefined
  await db.exec("SET threads = 1")
  return () => db.exec(`SET threads = ${threads}`)
}

/** Phase: the mapping file's columns, value words and `--set` values, checked against the model. */
export function checkedMapping(
  options: Pick<ImportOptions, "model" | "mapping" | "values" | "set">,
): ValueMapping {
  try {
    return checkMapping(
      { columns: options.mapping ?? {}, values: options.values ?? {}, set: options.set ?? {} },
      options.model,
    )
  } catch (e) {
    throw new ImportError(e instanceof Error ? e.message : String(e))
  }
}

/** Log a failed import (not for a dry run, which leaves no trace). */
const logFailure = async (run: Run, message: string): Promise<void> => {
  if (run.options.dryRun) return
  await run.db.query(logFailedSql, [
    run.importId,
    run.fileName,
    run.digest,
    run.source,
    run.user,
    message,
    run.sheet,
  ])
}

/** Run a phase that comes before the warehouse is touched: a failure is logged and becomes an ImportError. */
async function failing<T>(run: Run, phase: () => Promise<T>): Promise<T> {
  try {
    return await phase()
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    await logFailure(run, message)
    throw e instanceof ImportError ? e : new ImportError(message)
  }
}

/** Phase: the same bytes (file, source, sheet) were imported before: log it and return that import's counts. */
async function alreadyImported(run: Run, staged: boolean): Promise<ImportResult | undefined> {
  const { db, importId } = run
  const previous = await db.query<Record<string, unknown>>(previousImportSql, [
    run.digest,
    run.source,
    run.sheet,
  ])
  const p = previous[0]
  if (!p) return undefined
  if (staged) await dropStaging(db)
  if (!run.options.dryRun)
    await db.query(logAlreadySql, [
      importId,
      run.fileName,
      run.digest,
      run.source,
      num(p.rows_read),
      num(p.rows_accepted),
      num(p.rows_rejected),
      num(p.warnings),
      run.user,
      `same bytes as import ${String(p.import_id)}`,
      run.sheet,
    ])
  return {
    importId,
    status: "already_imported",
    file: run.options.file,
    sha256: run.digest,
    rowsRead: num(p.rows_read),
    accepted: num(p.rows_accepted),
    rejected: num(p.rows_rejected),
    inserted: 0,
    updated: 0,
    warnings: num(p.warnings),
    ignoredHeaders: [],
    previousImportId: String(p.import_id),
  }
}

export interface FileHeader {
  readonly header: ReadonlyArray<string>
  /** The rows of an xlsx, JSON or NDJSON file (a CSV is staged by DuckDB instead). */
  readonly tabular: Tabular | undefined
  readonly delimiter: string
}

/**
 * Phase: read the header (and, for non-CSV formats, all rows) before touching the warehouse.
 * Throws an ImportError, or an XlsxError / RecordsError whose message is for users.
 */
export async function readHeader(
  options: Pick<ImportOptions, "file" | "sheet" | "reportAs">,
  p: Pick<Prepared, "format" | "sniffed" | "sniffError" | "scan" | "maxRow">,
): Promise<FileHeader> {
  const { format, sniffed, scan } = p
  if (format === "csv") {
    if (!sniffed) throw new ImportError(p.sniffError ?? "the file could not be read")
    const { header, delimiter } = sniffed
    if (header.length === 0 || header.every((h) => h === "")) throw new ImportError("the file is empty")
    if (scan?.tooLong) {
      const { row, line, bytes } = scan.tooLong
      throw new ImportError(
        `row ${row}${line !== row ? ` (line ${line} of the file)` : ""} is ${mib(bytes)} long, more than the ${mib(p.maxRow)} a row may have: the file is damaged or not a case file; nothing was imported`,
      )
    }
    if (scan?.openQuote) {
      const { row, line } = scan.openQuote
      throw new ImportError(
        `row ${row}${line !== row ? ` (line ${line} of the file)` : ""} opens a quoted cell (") that is never closed: the file may be truncated; nothing was imported`,
      )
    }
    return { header, tabular: undefined, delimiter }
  }
  const bytes = await readFile(options.file)
  if (format === "xlsx") {
    const sheet = readXlsx(bytes, options.sheet)
    const [first, ...rest] = sheet.rows
    if (!first) throw new ImportError(`sheet "${sheet.sheet}" is empty`)
    const tabular = { header: first.cells.map((c) => c.trim()), rows: rest }
    return { header: tabular.header, tabular, delimiter: "," }
  }
  const fileName = basename(options.reportAs ?? options.file)
  const problem = fileProblem(bytes.subarray(0, 64 * 1024), fileName)
  if (problem) throw new ImportError(problem)
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    // The decoder's only error (fatal: true) is a TypeError for bytes that are not UTF-8.
    throw new ImportError("the file is not UTF-8 text: save it as UTF-8 and import again")
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const tabular = format === "json" ? readJson(text, fileName) : readNdjson(text, fileName)
  return { header: tabular.header, tabular, delimiter: "," }
}

/**
 * Phase: match the file's headers to CaseRow columns. Throws an ImportError for a column given
 * twice or a required column missing (`--source` and `--set` stand in for their columns).
 */
export function matchColumns(
  header: ReadonlyArray<string>,
  options: Pick<ImportOptions, "model" | "mapping" | "source">,
  setColumns: ReadonlyArray<string>,
): { match: ReturnType<typeof matchHeaders>; fileColumns: Map<string, number> } {
  const match = matchHeaders(header, options.model, options.mapping, [
    ...(options.source ? ["source"] : []),
    ...setColumns,
  ])
  if (match.duplicates.length > 0)
    throw new ImportError(
      `duplicate columns: ${match.duplicates
        .map((d) => `${d.column} (${d.headers.map((h) => `"${clip(h, 60)}"`).join(" and ")})`)
        .join(", ")}; each column may appear once: remove or rename the extra headers; nothing was imported`,
    )
  if (match.missingRequired.length > 0)
    throw new ImportError(
      `missing required columns: ${match.missingRequired.join(", ")} (headers found: ${clip(header.map((h) => clip(h, 60)).join(", "))})${headerLineBreaks(header)}`,
    )
  return { match, fileColumns: new Map<string, number>([...match.columns].map(([i, c]) => [c, i])) }
}

/**
 * Phase: every format lands in one VARCHAR staging table `stg` (c0..cN), read through the view
 * `lp_rows` (row_number, c0..cN). CSV goes through DuckDB's read_csv with every column declared
 * VARCHAR and an explicit dialect (no sniffing, so one bad cell cannot change a column's type), in
 * parallel; row numbers are the record index + 1 (the header is row 1), i.e. rowid + 2, since
 * read_csv into a table keeps the file's order. `stg` is a TEMP table of this connection, filled
 * before the transaction so that its rowids are final (rows of an open transaction get provisional
 * ones); nothing in the warehouse changes until the transaction commits. Blank rows are skipped.
 */
async function stageRows(
  run: Run,
  s: {
    readonly header: ReadonlyArray<string>
    readonly delimiter: string
    readonly tabular: Tabular | undefined
    readonly staging: Prepared["staging"]
    readonly scan: CsvScan | undefined
    readonly matched: ReadonlyArray<number>
  },
): Promise<{ oddRows: number; skippedRows: number[] }> {
  const { db } = run
  await db.exec(macros)
  await db.exec("CREATE OR REPLACE TEMP TABLE lp_args (default_source VARCHAR)")
  await db.query("INSERT INTO lp_args VALUES ($1)", [run.source])
  let oddRows = 0
  if (s.tabular) {
    await loadTabular(db, s.tabular)
    await db.exec("CREATE OR REPLACE TEMP VIEW lp_all AS SELECT * FROM stg")
  } else {
    const staged = await s.staging
    if (!staged || !s.scan) throw new Error("internal error: the CSV was not staged")
    if (!staged.ok) throw staged.error
    oddRows = await checkStaged(db, s.header, s.delimiter, s.scan)
  }
  const blank = await skipBlankRows(
    db,
    s.matched,
    oddRows > 0,
    s.scan ? new Set(s.scan.paddedColumns) : undefined,
  )
  const blankLines = (s.scan?.odd ?? []).filter((o) => o.cells === 0).map((o) => o.row)
  return { oddRows, skippedRows: [...blank, ...blankLines].sort((a, b) => a - b) }
}

interface Converted {
  readonly sql: ImportSql
  readonly rowsRead: number
  /** Distinct date texts read as Buddhist Era years. */
  readonly beTexts: number
}

/**
 * Phase (in the transaction): the conversions every row goes through before its checks: the
 * stored values of columns the file lacks (`lp_old`), value words and `--set`, the pre-scan (rows
 * read, duplicate keys, Buddhist Era dates) and the place lookup (`lp_place`).
 */
async function convert(
  run: Run,
  c: {
    readonly header: ReadonlyArray<string>
    readonly fileColumns: ReadonlyMap<string, number>
    readonly setColumns: ReadonlyArray<string>
    readonly mapping: ValueMapping
    readonly scan: CsvScan | undefined
    readonly oddRows: number
  },
): Promise<Converted> {
  const { db, model, lap } = run
  // Columns absent from the file keep their stored values when a case is updated: the stored
  // values of the file's keys are read as text (`lp_old`) and validated with the file's cells.
  const stored = await storedColumns(db, model, c.fileColumns, c.setColumns)
  const input: ImportInput = {
    relation: "lp_rows",
    params: 0,
    cells: c.header.length,
    ...(c.oddRows > 0 ? { oddRows: true } : {}),
    ...(stored.length > 0 ? { stored } : {}),
    // CSV: only the columns where the record scan saw a cell that may start or end with a space
    // are trimmed (trimming every cell cost about a quarter of a 1M-row import).
    ...(c.scan ? { padded: new Set(c.scan.paddedColumns), empty: new Set(c.scan.emptyColumns) } : {}),
    ...(Object.keys(c.mapping.values).length > 0 ? { values: valueWords(c.mapping) } : {}),
    ...(c.setColumns.length > 0 ? { set: new Map(Object.entries(c.mapping.set)) } : {}),
  }
  lap("setup")
  const sql = importSql(model, c.fileColumns, input)
  await db.exec(sql.pre)
  await db.exec(sql.dup)
  await db.exec(sql.beValues)
  lap("pre-scan")
  const rowsRead = num((await db.query(`SELECT n FROM lp_pre WHERE gid = ${sql.preKinds.total}`))[0]?.n)
  const beTexts = num((await db.query("SELECT count(*) AS n FROM lp_be"))[0]?.n)
  await resolvePlaces(db, model, sql)
  lap("places")
  return { sql, rowsRead, beTexts }
}

interface Merged {
  /** Cases the file's partners had before (0: nothing can be replaced). */
  readonly existing: number
  readonly facts: { readonly isoDates: ReadonlySet<string>; readonly noDuplicates: boolean }
  readonly accepted: number
  /** Accepted rows that replaced a stored case with the same (source, case_id). */
  readonly updated: number
}

/**
 * Phase (in the transaction): insert the rows that pass every check into `cases` and delete the
 * older rows they replace.
 *
 * `cases` has no ART primary key (maintaining one cost about a fifth of a 1M-row import, most of it
 * at commit): this importer, the only writer, keeps (source, case_id) unique. Within a file, the
 * duplicate rule keeps the first row of each key; across files, the accepted rows are appended and
 * the older rows with the same key are deleted in the same transaction, which is what makes a
 * corrected file update its cases. A file whose partners have no cases yet cannot replace any, so
 * the delete (a hash join against `cases`) is skipped.
 */
async function mergeAccepted(run: Run, sql: ImportSql): Promise<Merged> {
  const { db, lap } = run
  const existing =
    sql.preKinds.source < 0
      ? 0
      : num(
          (
            await db.query(
              `SELECT count(*) AS n FROM cases
               WHERE source::VARCHAR IN (SELECT k_source FROM lp_pre WHERE gid = ${sql.preKinds.source})`,
            )
          )[0]?.n,
        )
  lap("existing")
  const facts = {
    isoDates: new Set((await db.query<{ col: string }>(sql.isoDates)).map((r) => r.col)),
    noDuplicates: num((await db.query("SELECT count(*) AS n FROM lp_dup"))[0]?.n) === 0,
  }
  const insertedRows = await run.progress.track(
    "saving",
    db.query(sql.insertAccepted(facts), [run.fileName, run.importId]),
  )
  const accepted = num(Object.values(insertedRows[0] ?? {})[0])
  let updated = 0
  if (existing > 0) {
    const deleted = await db.query(replacedSql, [run.importId])
    updated = num(Object.values(deleted[0] ?? {})[0])
  }
  lap("insert-cases")
  return { existing, facts, accepted, updated }
}

/**
 * Phase (in the transaction): the rejected rows are the input's rows that were not inserted
 * (`lp_rej`, a hash anti join); accepted + rejected must equal the rows read. Their reasons
 * (`lp_bad`) come from the same checks as the insert's filter and must agree row by row. Also
 * counts the accepted rows whose dates were read as Buddhist Era.
 */
async function explainRejects(
  run: Run,
  r: Converted & Merged & { readonly header: ReadonlyArray<string>; readonly writeRejected: boolean },
): Promise<{
  rejected: number
  beWarnings: number
  originals: ReadonlyMap<number, ReadonlyArray<string | null>>
}> {
  const { db } = run
  await db.query(rejectedRowsSql, [run.importId])
  const rejected = num((await db.query("SELECT count(*) AS n FROM lp_rej"))[0]?.n)
  if (r.accepted + rejected !== r.rowsRead)
    throw new Error(
      `internal error: ${r.accepted} accepted + ${rejected} rejected <> ${r.rowsRead} rows read`,
    )
  let beWarnings = 0
  let originals: ReadonlyMap<number, ReadonlyArray<string | null>> = new Map()
  if (rejected > 0 || r.beTexts > 0) {
    await db.exec(r.sql.candidates(r.beTexts > 0))
    if (rejected > 0 && r.writeRejected) originals = await readOriginals(db, r.header)
    await run.progress.track("checking", db.exec(r.sql.rejects(r.facts)))
    const counts = (await db.query(explainedCountsSql))[0]!
    if (num(counts.bad) !== rejected || num(counts.mismatch) !== 0)
      throw new Error(`internal error: ${num(counts.bad)} rows explained, ${rejected} rejected`)
    beWarnings = num(counts.be)
  }
  run.lap("rejects")
  return { rejected, beWarnings, originals }
}

/** Phase (in the transaction): one `quarantine` row per rejected row and offending column, with the row's cells. */
async function writeQuarantine(run: Run, header: ReadonlyArray<string>, rejected: number): Promise<void> {
  if (rejected === 0) return
  const keyCols = header.map((h, i) => [h, i] as const)
  const jsonArgs = keyCols.map(([, i], k) => `$${k + 2}::VARCHAR, ${ident(`c${i}`)}`).join(", ")
  await run.db.query(
    `INSERT INTO quarantine
     SELECT $1, row_number, e['column'], e['value'], e['reason'], json_object(${jsonArgs})
     FROM (SELECT *, unnest(errs) AS e FROM lp_bad WHERE failed)`,
    [run.importId, ...keyCols.map(([h]) => h)],
  )
}

/**
 * Phase (in the transaction): `import_warning` rows for the accepted rows: Buddhist Era dates,
 * disputed ages and loosely matched place names; returns their count and the rows.
 */
async function recordWarnings(
  run: Run,
  fileColumns: ReadonlyMap<string, number>,
  beWarnings: number,
): Promise<{ warnings: number; warningRows: ImportWarning[] }> {
  const { db, model, importId } = run
  const dateCols = model.columns.filter((c) => c.kind === "date")
  if (dateCols.length > 0 && beWarnings > 0) {
    const value = `CASE col ${dateCols.map((c) => `WHEN '${c.name}' THEN ${ident(`r_${c.name}`)}`).join(" ")} END`
    await db.query(
      `INSERT INTO import_warning
       SELECT $1, row_number, col, ${value}, 'year read as Buddhist Era: 543 years subtracted'
       FROM (SELECT *, unnest(be) AS col FROM lp_bad WHERE NOT failed)`,
      [importId],
    )
  }
  await insertRowWarnings(db, model, importId, fileColumns)
  const warnings = num(
    (await db.query("SELECT count(*) AS n FROM import_warning WHERE import_id = $1", [importId]))[0]?.n,
  )
  return { warnings, warningRows: warnings > 0 ? await readWarnings(db, importId) : [] }
}

/**
 * Phase (in the transaction, before COMMIT): `cases` has no primary key, so check that no key
 * this import touched is now twice in the table (a hash aggregate over those keys only). DuckDB
 * runs it while JS writes the rejected file to its temporary name; both must succeed (a write
 * error is reported first).
 */
async function checkAndWriteRejected(
  run: Run,
  c: {
    readonly replacing: boolean
    readonly rejectedCsv:
      | {
          readonly tmp: string
          readonly header: ReadonlyArray<string>
          readonly originals: ReadonlyMap<number, ReadonlyArray<string | null>>
        }
      | undefined
  },
): Promise<void> {
  const { db, lap } = run
  const reasons = c.rejectedCsv ? await readReasons(db) : []
  lap("read-rejected")
  const integrity = settle(checkKeysUnique(db, run.importId, c.replacing))
  let written: Settled<void> = { ok: true, value: undefined }
  if (c.rejectedCsv)
    written = await settle(
      writeRejectedCsv(reasons, c.rejectedCsv.originals, c.rejectedCsv.header, c.rejectedCsv.tmp),
    )
  lap("rejected-csv")
  const checked = await integrity
  if (!written.ok) throw written.error
  if (!checked.ok) throw checked.error
  lap("integrity")
}

export interface ReportFiles {
  /** `<input>.rejected.csv` (next to the file the user gave). */
  readonly rejected: string
  /** Where it is written before COMMIT. */
  readonly tmp: string
  /** `<input>.warnings.csv`. */
  readonly warnings: string
}

export const reportFiles = (
  options: Pick<ImportOptions, "file" | "reportAs">,
  importId: string,
): ReportFiles => {
  const base = options.reportAs ?? options.file
  return {
    rejected: `${base}.rejected.csv`,
    tmp: `${base}.rejected.csv.${importId}.tmp`,
    warnings: `${base}.warnings.csv`,
  }
}

/**
 * Phase (after COMMIT or the dry run's ROLLBACK): the rejected file takes its name, the warnings
 * file is written, and the files of an earlier import of the same name that no longer apply are
 * removed. A dry run removes its temporary file and leaves every other file as it was.
 */
export function placeReportFiles(
  files: ReportFiles,
  p: {
    readonly dryRun: boolean
    readonly writeRejected: boolean
    readonly wroteRejected: boolean
    readonly warningRows: ReadonlyArray<ImportWarning>
  },
): void {
  if (p.dryRun) {
    rmSync(files.tmp, { force: true })
    return
  }
  if (p.wroteRejected) renameSync(files.tmp, files.rejected)
  else if (p.writeRejected) rmSync(files.rejected, { force: true })
  if (p.warningRows.length > 0 && p.writeRejected) writeWarningsCsv(p.warningRows, files.warnings)
  else if (p.writeRejected) rmSync(files.warnings, { force: true })
}

/** The failure path: roll back, drop the scratch tables, remove the temporary rejected file, log. */
async function abandon(run: Run, e: unknown, inTransaction: boolean): Promise<ImportError> {
  const { db } = run
  const message = e instanceof ImportError ? e.message : friendlyError(e)
  let failure = await cleanUpAfter(e, message, [
    ["rolling back", () => (inTransaction ? db.exec("ROLLBACK") : undefined)],
    ["dropping the scratch tables", () => dropScratch(db)],
    [
      "removing the temporary rejected file",
      () => rmSync(reportFiles(run.options, run.importId).tmp, { force: true }),
    ],
  ])
  failure = await cleanUpAfter(failure, failure.message, [
    ["logging the failure", () => logFailure(run, failure.message)],
  ])
  return failure
}

/**
 * Run the clean-up steps after `error` (each one even if an earlier one failed) and return the
 * ImportError to throw: `message`, followed by every step that failed and why, so that a failed
 * clean-up is reported without hiding the error that caused it.
 */
export async function cleanUpAfter(
  error: unknown,
  message: string,
  steps: ReadonlyArray<readonly [what: string, step: () => unknown]>,
): Promise<ImportError> {
  const failed: string[] = []
  for (const [what, step] of steps) {
    try {
      await step()
    } catch (c) {
      failed.push(`${what} also failed: ${c instanceof Error ? c.message : String(c)}`)
    }
  }
  return new ImportError(failed.length > 0 ? `${message} (${failed.join("; ")})` : message, { cause: error })
}

/** The connection's TEMP objects of one import. */
const dropScratch = (db: NodeConnector) =>
  db.exec(
    "DROP TABLE IF EXISTS lp_old; DROP TABLE IF EXISTS lp_odd; DROP TABLE IF EXISTS lp_shift; DROP TABLE IF EXISTS lp_csv_err; DROP TABLE IF EXISTS lp_csv_scan; DROP TABLE IF EXISTS lp_in; DROP TABLE IF EXISTS lp_bad; DROP TABLE IF EXISTS lp_cand; DROP TABLE IF EXISTS lp_rej; DROP TABLE IF EXISTS lp_pre; DROP TABLE IF EXISTS lp_dup; DROP TABLE IF EXISTS lp_be; DROP TABLE IF EXISTS lp_place; DROP VIEW IF EXISTS lp_rows; DROP VIEW IF EXISTS lp_all; DROP TABLE IF EXISTS stg",
  )

function friendlyError(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e)
  if (/not utf-8 encoded|Invalid unicode/i.test(m))
    return "the file is not UTF-8 text: save it as UTF-8 (CSV UTF-8 in Excel) and import again; nothing was imported"
  const line = /CSV Error on Line: (\d+)/.exec(m)?.[1]
  if (line) {
    const detail = /Expected Number of Columns: \d+ Found: \d+|unterminated quotes?|too many columns/i.exec(
      m,
    )?.[0]
    return `the file could not be read at line ${line}${detail ? ` (${detail})` : ""}: it may be truncated or not a CSV file; nothing was imported`
  }
  if (/Parallel CSV Reader|full read|max_line_size|maximum line size/i.test(m))
    return "the file could not be read: a row is too long or the file is damaged; nothing was imported"
  return `${clip(m.split("\n")[0] ?? m, 300)}; nothing was imported`
}

/**
 * Stage a CSV file in `stg` with DuckDB's read_csv (rejects in `lp_csv_err`). Runs beside the hash
 * and record-scan pass; `checkStaged` then compares the two.
 */
async function stageCsv(
  db: NodeConnector,
  file: string,
  header: ReadonlyArray<string>,
  delimiter: string,
  maxRow: number,
  progress: Progress,
): Promise<void> {
  const columns = header.map((_, i) => `${ident(`c${i}`)}: 'VARCHAR'`).join(", ")
  // Strict: a row with too few or too many cells is not padded or cut but goes to the rejects
  // table (store_rejects), from where it is quarantined with a reason; any other error there
  // (bad UTF-8, a stray quote) fails the file.
  const lineSize = maxRow > MAX_ROW_BYTES ? `, max_line_size = ${2 * maxRow + 1024}` : ""
  await db.exec("DROP TABLE IF EXISTS lp_csv_err; DROP TABLE IF EXISTS lp_csv_scan")
  await progress.track(
    "reading",
    db.query(
      `CREATE OR REPLACE TEMP TABLE stg AS
       SELECT * FROM read_csv($1, delim = $2, quote = '"', escape = '"', header = true, columns = {${columns}},
                              auto_detect = false, null_padding = false, strict_mode = true,
                              store_rejects = true, rejects_table = 'lp_csv_err', rejects_scan = 'lp_csv_scan'${lineSize})`,
      [file, delimiter],
    ),
  )
}

const dropStaging = (db: NodeConnector) =>
  db.exec("DROP TABLE IF EXISTS stg; DROP TABLE IF EXISTS lp_csv_err; DROP TABLE IF EXISTS lp_csv_scan")

/**
 * Check the staged CSV against the record scan: every record of the file is a staged row, a row
 * with the wrong number of cells (kept in `lp_odd` and rejected with a reason), or a blank line.
 * Makes the view `lp_all` (row_number, c0..cN, and when there are odd rows `lp_ncells`,
 * `lp_line`, `lp_text`). Returns the number of odd rows.
 */
async function checkStaged(
  db: NodeConnector,
  header: ReadonlyArray<string>,
  delimiter: string,
  scan: CsvScan,
): Promise<number> {
  const other = await db.query<{ line: number; type: string; message: string }>(
    `SELECT line, error_type AS type, error_message AS message FROM lp_csv_err
     WHERE error_type NOT IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') ORDER BY line LIMIT 1`,
  )
  if (other[0]) {
    const { line, type, message } = other[0]
    if (type === "INVALID ENCODING" || /utf-8|unicode/i.test(message))
      throw new ImportError(
        `the file is not UTF-8 text (row ${line}): save it as UTF-8 (CSV UTF-8 in Excel) and import again; nothing was imported`,
      )
    if (type === "UNQUOTED VALUE")
      throw new ImportError(
        `the file could not be read at row ${line}: a quote (") is misplaced or never closed; nothing was imported`,
      )
    if (type === "LINE SIZE OVER MAXIMUM")
      throw new ImportError(
        `row ${line} is too long: the file is damaged or not a case file; nothing was imported`,
      )
    throw new ImportError(
      `the file could not be read at row ${line} (${clip(message)}); nothing was imported`,
    )
  }
  const odd = scan.odd.filter((o) => o.cells > 0)
  const staged = num((await db.query("SELECT count(*) AS n FROM stg"))[0]?.n)
  const bad = await db.query<{ text: string }>(
    // One entry per record (a row missing several cells is listed once per missing cell).
    "SELECT any_value(csv_line) AS text FROM lp_csv_err GROUP BY line_byte_position ORDER BY line_byte_position",
  )
  if (bad.length !== odd.length || staged + odd.length !== scan.records)
    throw new ImportError(
      `the file could not be read consistently: ${scan.records} rows found in the file, ${staged + bad.length} read; it may be damaged; nothing was imported`,
    )
  // Row numbers: the header is row 1 and every record (blank lines included) one row, so a staged
  // row's number is rowid + 2 plus the blank or odd records before it (`lp_shift`, an ASOF join,
  // only when there are some before the last staged row).
  const byFrom = new Map<number, number>() // first staged rowid after the odd record -> total shift
  scan.odd.forEach((o, j) => {
    const from = o.row - 2 - j
    if (from < staged) byFrom.set(from, j + 1)
  })
  const shifts = [...byFrom]
  const cells = header.map((_, i) => ident(`c${i}`))
  if (shifts.length === 0 && odd.length === 0) {
    await db.exec(
      "CREATE OR REPLACE TEMP VIEW lp_all AS SELECT CAST(rowid + 2 AS INTEGER) AS row_number, * FROM stg",
    )
    return 0
  }
  await db.exec("CREATE OR REPLACE TEMP TABLE lp_shift (from_rowid BIGINT, shift INTEGER)")
  if (shifts.length > 0) {
    const a = await db.raw.createAppender("lp_shift", "main", "temp")
    try {
      for (const [from, shift] of shifts) {
        a.appendBigInt(BigInt(from))
        a.appendInteger(shift)
        a.endRow()
      }
      a.flushSync()
    } finally {
      a.closeSync()
    }
  }
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE lp_odd (row_number INTEGER, ${cells.map((c) => `${c} VARCHAR`).join(", ")}, lp_ncells INTEGER, lp_line INTEGER, lp_text VARCHAR)`,
  )
  if (odd.length > 0) {
    const a = await db.raw.createAppender("lp_odd", "main", "temp")
    try {
      odd.forEach((o, k) => {
        // DuckDB's csv_line may carry the line breaks of blank lines before the record.
        const text = (bad[k]?.text ?? "").replace(/^[\r\n]+/, "").replace(/\r?\n$/, "")
        const parsed = splitCsvRecords(text, delimiter, 1).records[0]?.cells ?? []
        a.appendInteger(o.row)
        for (let i = 0; i < header.length; i++) {
          const v = parsed[i]
          if (v === undefined) a.appendNull()
          else a.appendVarchar(v)
        }
        a.appendInteger(o.cells)
        a.appendInteger(o.line)
        a.appendVarchar(text)
        a.endRow()
      })
      a.flushSync()
    } finally {
      a.closeSync()
    }
  }
  const shifted = shifts.length
    ? "CAST(s.rowid + 2 + coalesce(h.shift, 0) AS INTEGER) AS row_number, s.*, NULL::INTEGER AS lp_ncells, NULL::INTEGER AS lp_line, NULL::VARCHAR AS lp_text FROM stg s ASOF LEFT JOIN lp_shift h ON s.rowid >= h.from_rowid"
    : "CAST(rowid + 2 AS INTEGER) AS row_number, *, NULL::INTEGER AS lp_ncells, NULL::INTEGER AS lp_line, NULL::VARCHAR AS lp_text FROM stg"
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE lp_in AS SELECT ${shifted}; INSERT INTO lp_in SELECT * FROM lp_odd`,
  )
  await db.exec("CREATE OR REPLACE TEMP VIEW lp_all AS SELECT * FROM lp_in")
  return odd.length
}

/**
 * The CaseRow columns absent from the file whose stored values an update keeps (when the
 * warehouse has cases): not the key, and not a province (`origin_province`, ...) when the file gives its district
 * (the province is derived from it). Fills `lp_old` with their stored text for the file's case ids.
 */
async function storedColumns(
  db: NodeConnector,
  model: CaseModel,
  fileColumns: ReadonlyMap<string, number>,
  setColumns: ReadonlyArray<string>,
): Promise<string[]> {
  const absent = model.columns.filter(
    (c) =>
      !fileColumns.has(c.name) &&
      !setColumns.includes(c.name) &&
      c.name !== "source" &&
      c.name !== "case_id" &&
      !districtPairs(model).some((p) => p.province === c.name && fileColumns.has(p.district)),
  )
  const caseId = fileColumns.get("case_id")
  if (absent.length === 0 || caseId === undefined) return []
  if (num((await db.query("SELECT count(*) AS n FROM cases"))[0]?.n) === 0) return []
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE lp_old AS
     SELECT source::VARCHAR AS o_source, case_id AS o_case_id, ${absent.map((c) => `${storedText(c)} AS ${ident(`s_${c.name}`)}`).join(", ")}
     FROM cases WHERE case_id IN (SELECT nullif(trim(${ident(`c${caseId}`)}), '') FROM lp_rows)`,
  )
  return absent.map((c) => c.name)
}

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )

/**
 * The cells of the rejected rows (from `lp_cand`), in row order, one JSON array per row (cheaper
 * than converting each value).
 */
async function readOriginals(
  db: NodeConnector,
  header: ReadonlyArray<string>,
): Promise<Map<number, ReadonlyArray<string | null>>> {
  const cells = header.map((_, i) => ident(`c${i}`)).join(", ")
  const reader = await db.raw.runAndReadAll(
    `SELECT row_number, ${cells ? `to_json([${cells}]::VARCHAR[])::VARCHAR` : "'[]'"} AS cells
     FROM lp_cand WHERE row_number IN (SELECT row_number FROM lp_rej) ORDER BY row_number`,
  )
  return new Map(
    reader.getRowsJS().map(([row, json]) => [Number(row), JSON.parse(String(json)) as Array<string | null>]),
  )
}

/**
 * The rejected rows as they went to `quarantine` (one per offending column: row, column, value,
 * reason), from `lp_bad` itself rather than a join with `quarantine`, in row order.
 */
async function readReasons(db: NodeConnector): Promise<unknown[][]> {
  const reader = await db.raw.runAndReadAll(rejectedReasonsSql)
  return reader.getRowsJS()
}

/**
 * The explanation of a rejected row: every problem the importer's checks found in it (after the
 * default source, date, place and code conversions), one sentence each, in column order. Built from
 * the same list as the reason lines, so the two cannot disagree.
 */
export const explanationOf = (problems: ReadonlyArray<{ column: string; reason: string }>): string =>
  problems.map((p) => (p.column === "row" ? p.reason : `${p.column}: ${p.reason}`)).join("; ")

/** Write `<input>.rejected.csv` (to `path`), yielding now and then so DuckDB work can run meanwhile. */
async function writeRejectedCsv(
  reasons: ReadonlyArray<ReadonlyArray<unknown>>,
  originals: ReadonlyMap<number, ReadonlyArray<string | null>>,
  header: ReadonlyArray<string>,
  path: string,
): Promise<void> {
  const lines = [csvLine(["row", "column", "value", "reason", "explanation", ...header])]
  const byRow = new Map<number, Array<{ column: string; reason: string }>>()
  for (const r of reasons) {
    const rowNumber = Number(r[0])
    const list = byRow.get(rowNumber) ?? []
    list.push({ column: String(r[1]), reason: String(r[3]) })
    byRow.set(rowNumber, list)
  }
  for (const [k, r] of reasons.entries()) {
    if (k % 256 === 0) await new Promise<void>((resolve) => setImmediate(resolve))
    const rowNumber = Number(r[0])
    const original = originals.get(rowNumber)
    if (!original) throw new Error(`internal error: rejected row ${rowNumber} has no cells`)
    lines.push(
      csvLine([
        String(rowNumber),
        String(r[1]),
        r[2] === null ? null : String(r[2]),
        String(r[3]),
        explanationOf(byRow.get(rowNumber) ?? []),
        ...original,
      ]),
    )
  }
  writeFileSync(path, `\ufeff${lines.join("")}`, { mode: 0o600 })
}

/**
 * `lp_rows`: the rows of `lp_all` that hold something. A blank spreadsheet row (every cell of a
 * CaseRow column empty; templates pre-number their rows under an empty header) is skipped, not
 * rejected; returns the skipped row numbers. Only the matched columns are looked at, so a file with
 * thousands of other columns costs nothing more.
 */
async function skipBlankRows(
  db: NodeConnector,
  cells: ReadonlyArray<number>,
  oddRows: boolean,
  padded?: ReadonlySet<number>,
): Promise<number[]> {
  // Only cells that may hold spaces (the record scan's padded columns) need the trim, which copies.
  const empty = cells.map((i) => {
    const c = ident(`c${i}`)
    return padded && !padded.has(i)
      ? `(${c} IS NULL OR ${c} = '')`
      : `(${c} IS NULL OR ${c} = '' OR trim(${c}) = '')`
  })
  const blank =
    empty.length > 0 ? `(${empty.join(" AND ")})${oddRows ? " AND lp_ncells IS NULL" : ""}` : "false"
  await db.exec(`CREATE OR REPLACE TEMP VIEW lp_rows AS SELECT * FROM lp_all WHERE NOT (${blank})`)
  const rows = await db.query<{ row_number: number }>(
    `SELECT row_number FROM lp_all WHERE ${blank} ORDER BY row_number`,
  )
  return rows.map((r) => Number(r.row_number))
}

/**
 * Warnings by row besides Buddhist Era dates: disputed ages (`disputed_ages.sql`) and place names
 * the lookup matched only loosely (spelling variants), for the accepted rows of this import.
 */
async function insertRowWarnings(
  db: NodeConnector,
  model: CaseModel,
  importId: string,
  fileColumns: ReadonlyMap<string, number>,
): Promise<void> {
  // Accepted rows the domain warns about (age_disputed: treated as a child, someone should check).
  for (const warning of warningsSql(model)) await db.query(warning, [importId])
  // Only the columns with a loosely matched name are scanned (each scan trims the whole column).
  const guessed = new Set(
    (await db.query<{ col: string }>("SELECT DISTINCT col FROM lp_place WHERE guessed")).map((r) => r.col),
  )
  for (const { column } of placeColumns(model)) {
    const idx = fileColumns.get(column.name)
    if (idx === undefined || !guessed.has(column.name)) continue
    await db.query(
      `INSERT INTO import_warning
       SELECT DISTINCT $1, r.row_number, $2, p.raw, 'place name read as ' || p.code || ' (a spelling variant): check it'
       FROM lp_rows r JOIN lp_place p ON p.col = $2 AND p.guessed AND p.raw = trim(r.${ident(`c${idx}`)})
       WHERE r.row_number IN (SELECT row_number FROM cases WHERE import_id = $1)`,
      [importId, column.name],
    )
  }
}

async function readWarnings(db: NodeConnector, importId: string): Promise<ImportWarning[]> {
  const rows = await db.query<{ row_number: number; column: string; value: string | null; message: string }>(
    `SELECT row_number, "column", value, message FROM import_warning WHERE import_id = $1 ORDER BY row_number, "column"`,
    [importId],
  )
  return rows.map((r) => ({
    row: Number(r.row_number),
    column: r.column,
    value: r.value,
    message: r.message,
  }))
}

async function reasonSummary(
  db: NodeConnector,
): Promise<Array<{ column: string; reason: string; rows: number }>> {
  const rows = await db.query<{ column: string; reason: string; rows: number }>(rejectedByReasonSql)
  return rows.map((r) => ({ column: r.column, reason: r.reason, rows: num(r.rows) }))
}

/** `<input>.warnings.csv`: row, column, value, warning. */
function writeWarningsCsv(rows: ReadonlyArray<ImportWarning>, path: string): void {
  const lines = [csvLine(["row", "column", "value", "warning"])]
  for (const w of rows) lines.push(csvLine([String(w.row), w.column, w.value, w.message]))
  writeFileSync(path, `\ufeff${lines.join("")}`)
}
