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
import { type Progress, silentProgress } from "../cli/progress.ts"
import type { NodeConnector } from "../node/NodeConnector.ts"
import { migrate } from "../schema/migrate.ts"
import type { CaseModel, PlaceMatch } from "../schema/model.ts"
import { ident } from "../schema/sql-text.ts"
import { csvLine, sniffCsv } from "./csv-text.ts"
import { matchHeaders } from "./headers.ts"
import macros from "./macros.sql?raw"
import placeLookupDdl from "./place_lookup.sql?raw"
import { RecordsError, readJson, readNdjson, type Tabular } from "./records.ts"
import replacedSql from "./replaced_cases.sql?raw"
import { type ImportInput, type ImportSql, importSql, placeColumns } from "./validation-sql.ts"
import { readXlsx, XlsxError } from "./xlsx.ts"

export type FileFormat = "csv" | "xlsx" | "json" | "ndjson"

export interface ImportOptions {
  readonly file: string
  readonly model: CaseModel
  readonly sheet?: string
  /** Partner header -> CaseRow column. */
  readonly mapping?: Readonly<Record<string, string>>
  /** Partner code used where the file has no `source` value. */
  readonly source?: string
  readonly format?: FileFormat
  readonly user?: string
  readonly progress?: Progress
  /** Write `<file>.rejected.csv` (default true). */
  readonly writeRejected?: boolean
  /** Called with the wall time of each phase (for the bench). */
  readonly profile?: (phase: string, ms: number) => void
}

export interface ImportResult {
  readonly importId: string
  readonly status: "committed" | "already_imported"
  readonly file: string
  readonly sha256: string
  readonly rowsRead: number
  readonly accepted: number
  readonly rejected: number
  readonly inserted: number
  readonly updated: number
  readonly warnings: number
  readonly ignoredHeaders: ReadonlyArray<string>
  readonly rejectedFile?: string
  /** For `already_imported`: the import that loaded these bytes. */
  readonly previousImportId?: string
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

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256")
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest("hex")
}

function firstBytes(file: string, n = 64 * 1024): Uint8Array {
  const fd = openSync(file, "r")
  try {
    const buf = new Uint8Array(n)
    const read = readSync(fd, buf, 0, n, 0)
    return buf.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

const currentUser = (): string => {
  try {
    return userInfo().username
  } catch {
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
          }
        }
        const { code, reason } = placeMatchToRow(m, column.place ?? "place", row.raw)
        const province =
          code && column.place === "district" ? (model.places.provinceOfDistrict(code) ?? null) : null
        // Hints are '' rather than NULL so the validation joins stay hash joins.
        const values: DuckDBValue[] = [column.name, row.raw, row.hint ?? "", code, province, reason]
        for (const v of values) {
          if (v === null) appender.appendNull()
          else appender.appendVarchar(String(v))
        }
        appender.endRow()
      }
    }
    appender.flushSync()
  } finally {
    appender.closeSync()
  }
}

export async function importFile(db: NodeConnector, options: ImportOptions): Promise<ImportResult> {
  const { file, model } = options
  const progress = options.progress ?? silentProgress
  if (!existsSync(file)) throw new ImportError(`file not found: ${file}`)
  const format = options.format ?? detectFormat(file)
  const fileName = basename(file)
  const user = options.user ?? currentUser()
  let mark = performance.now()
  const lap = (phase: string) => {
    const now = performance.now()
    options.profile?.(phase, now - mark)
    mark = now
  }
  const digest = await sha256(file)
  lap("sha256")
  await migrate(db, model)
  lap("migrate")

  for (const [header, target] of Object.entries(options.mapping ?? {}))
    if (!model.columns.some((c) => c.name === target))
      throw new ImportError(`mapping: "${header}" points to "${target}", which is not a CaseRow column`)

  const importId = randomUUID()
  const source = options.source ?? null
  const sheet = options.sheet ?? null
  const logFailure = async (message: string) => {
    await db.query(
      `INSERT INTO import_log (import_id, file_name, sha256, source, sheet, started_at, finished_at, "user", status, message)
       VALUES ($1, $2, $3, $4, $7, current_timestamp, current_timestamp, $5, 'failed', $6)`,
      [importId, fileName, digest, source, user, message, sheet],
    )
  }

  const previous = await db.query<Record<string, unknown>>(
    `SELECT import_id, rows_read, rows_accepted, rows_rejected, warnings FROM import_log
     WHERE sha256 = $1 AND source IS NOT DISTINCT FROM $2 AND sheet IS NOT DISTINCT FROM $3 AND status = 'committed'
     ORDER BY started_at DESC LIMIT 1`,
    [digest, source, sheet],
  )
  if (previous[0]) {
    const p = previous[0]
    await db.query(
      `INSERT INTO import_log (import_id, file_name, sha256, source, sheet, started_at, finished_at, rows_read, rows_accepted,
         rows_rejected, warnings, "user", status, message)
       VALUES ($1, $2, $3, $4, $11, current_timestamp, current_timestamp, $5, $6, $7, $8, $9, 'already_imported', $10)`,
      [
        importId,
        fileName,
        digest,
        source,
        num(p.rows_read),
        num(p.rows_accepted),
        num(p.rows_rejected),
        num(p.warnings),
        user,
        `same bytes as import ${String(p.import_id)}`,
        sheet,
      ],
    )
    return {
      importId,
      status: "already_imported",
      file,
      sha256: digest,
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

  // Read the header (and, for non-CSV formats, all rows) before touching the warehouse.
  let header: ReadonlyArray<string>
  let tabular: Tabular | undefined
  let delimiter = ","
  try {
    if (format === "csv") {
      const sniff = sniffCsv(firstBytes(file))
      header = sniff.header
      delimiter = sniff.delimiter
      if (header.length === 0 || header.every((h) => h === "")) throw new ImportError("the file is empty")
    } else {
      const bytes = await readFile(file)
      if (format === "xlsx") {
        const sheet = readXlsx(bytes, options.sheet)
        const [first, ...rest] = sheet.rows
        if (!first) throw new ImportError(`sheet "${sheet.sheet}" is empty`)
        tabular = { header: first.cells.map((c) => c.trim()), rows: rest }
      } else {
        let text: string
        try {
          text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
        } catch {
          throw new ImportError("the file is not UTF-8 text: save it as UTF-8 and import again")
        }
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
        tabular = format === "json" ? readJson(text) : readNdjson(text)
      }
      header = tabular.header
    }
  } catch (e) {
    const message =
      e instanceof XlsxError || e instanceof RecordsError
        ? e.message
        : e instanceof Error
          ? e.message
          : String(e)
    await logFailure(message)
    throw e instanceof ImportError ? e : new ImportError(message)
  }

  const match = matchHeaders(header, model, options.mapping, options.source ? ["source"] : [])
  if (match.missingRequired.length > 0) {
    const message = `missing required columns: ${match.missingRequired.join(", ")} (headers found: ${header.join(", ")})`
    await logFailure(message)
    throw new ImportError(message)
  }
  const fileColumns = new Map<string, number>([...match.columns].map(([i, c]) => [c, i]))

  let inTransaction = false
  try {
    await db.exec(macros)
    await db.exec("CREATE OR REPLACE TEMP TABLE lp_args (default_source VARCHAR)")
    await db.query("INSERT INTO lp_args VALUES ($1)", [source])
    // Every format lands in one VARCHAR staging table `stg` (c0..cN), read through the view
    // `lp_rows` (row_number, c0..cN). CSV goes through DuckDB's read_csv with every column declared
    // VARCHAR and an explicit dialect (no sniffing, so one bad cell cannot change a column's type),
    // in parallel; row numbers are the record index + 1 (the header is row 1), i.e. rowid + 2, since
    // read_csv into a table keeps the file's order. `stg` is a TEMP table of this connection, filled
    // before the transaction so that its rowids are final (rows of an open transaction get
    // provisional ones); nothing in the warehouse changes until the transaction below commits.
    if (tabular) {
      await loadTabular(db, tabular)
      await db.exec("CREATE OR REPLACE TEMP VIEW lp_rows AS SELECT * FROM stg")
    } else {
      const columns = header.map((_, i) => `${ident(`c${i}`)}: 'VARCHAR'`).join(", ")
      await progress.track(
        "reading",
        db.query(
          `CREATE OR REPLACE TEMP TABLE stg AS
           SELECT * FROM read_csv($1, delim = $2, quote = '"', escape = '"', header = true, columns = {${columns}},
                                  null_padding = true, auto_detect = false)`,
          [file, delimiter],
        ),
      )
      await db.exec(
        "CREATE OR REPLACE TEMP VIEW lp_rows AS SELECT CAST(rowid + 2 AS INTEGER) AS row_number, * FROM stg",
      )
    }
    lap("load")
    await db.exec("BEGIN TRANSACTION")
    inTransaction = true
    await db.query(
      `INSERT INTO import_log (import_id, file_name, sha256, source, sheet, started_at, "user", status)
       VALUES ($1, $2, $3, $4, $6, current_timestamp, $5, 'running')`,
      [importId, fileName, digest, source, user, sheet],
    )
    const input: ImportInput = { relation: "lp_rows", params: 0, cells: header.length }
    lap("setup")
    const sql = importSql(model, fileColumns, input)
    await db.exec(sql.pre)
    await db.exec(sql.dup)
    await db.exec(sql.beValues)
    lap("pre-scan")
    const rowsRead = num((await db.query(`SELECT n FROM lp_pre WHERE gid = ${sql.preKinds.total}`))[0]?.n)
    const beTexts = num((await db.query("SELECT count(*) AS n FROM lp_be"))[0]?.n)
    await resolvePlaces(db, model, sql)
    lap("places")

    // `cases` has no ART primary key (maintaining one cost about a fifth of a 1M-row import, most of
    // it at commit): this importer, the only writer, keeps (source, case_id) unique. Within a file,
    // the duplicate rule keeps the first row of each key; across files, the accepted rows are
    // appended and the older rows with the same key are deleted in the same transaction, which is
    // what makes a corrected file update its cases. A file whose partners have no cases yet cannot
    // replace any, so the delete (a hash join against `cases`) is skipped.
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
    const insertedRows = await progress.track("saving", db.query(sql.insertAccepted, [fileName, importId]))
    const accepted = num(Object.values(insertedRows[0] ?? {})[0])
    let updated = 0
    if (existing > 0) {
      const deleted = await db.query(replacedSql, [importId])
      updated = num(Object.values(deleted[0] ?? {})[0])
    }
    lap("insert-cases")
    // Rejected rows = the input's row numbers that were not inserted (a hash anti join, no sort).
    await db.query(
      `CREATE OR REPLACE TEMP TABLE lp_rej AS SELECT row_number FROM lp_rows
       ANTI JOIN (SELECT row_number FROM cases WHERE import_id = $1) c USING (row_number)`,
      [importId],
    )
    const rejected = num((await db.query("SELECT count(*) AS n FROM lp_rej"))[0]?.n)
    if (accepted + rejected !== rowsRead)
      throw new Error(`internal error: ${accepted} accepted + ${rejected} rejected <> ${rowsRead} rows read`)
    let warnings = 0
    if (rejected > 0 || beTexts > 0) {
      await progress.track("checking", db.exec(sql.rejects(beTexts > 0)))
      const counts = (
        await db.query(
          `SELECT count(*) FILTER (WHERE failed) AS bad,
             count(*) FILTER (WHERE failed <> (row_number IN (SELECT row_number FROM lp_rej))) AS mismatch,
             coalesce(sum(len(be)) FILTER (WHERE NOT failed), 0) AS be FROM lp_bad`,
        )
      )[0]!
      // The insert's filter and the reasons come from the same checks; they must agree row by row.
      if (num(counts.bad) !== rejected || num(counts.mismatch) !== 0)
        throw new Error(`internal error: ${num(counts.bad)} rows explained, ${rejected} rejected`)
      warnings = num(counts.be)
    }
    lap("rejects")

    if (rejected > 0) {
      const keyCols = header.map((h, i) => [h, i] as const)
      const jsonArgs = keyCols.map(([, i], k) => `$${k + 2}::VARCHAR, ${ident(`c${i}`)}`).join(", ")
      await db.query(
        `INSERT INTO quarantine
       SELECT $1, row_number, e['column'], e['value'], e['reason'], json_object(${jsonArgs})
       FROM (SELECT *, unnest(errs) AS e FROM lp_bad WHERE failed)`,
        [importId, ...keyCols.map(([h]) => h)],
      )
    }
    lap("quarantine")
    const dateCols = model.columns.filter((c) => c.kind === "date")
    if (dateCols.length > 0 && warnings > 0) {
      const value = `CASE col ${dateCols.map((c) => `WHEN '${c.name}' THEN ${ident(`r_${c.name}`)}`).join(" ")} END`
      await db.query(
        `INSERT INTO import_warning
         SELECT $1, row_number, col, ${value}, 'year read as Buddhist Era: 543 years subtracted'
         FROM (SELECT *, unnest(be) AS col FROM lp_bad WHERE NOT failed)`,
        [importId],
      )
    }
    lap("warnings")
    await db.query(
      `UPDATE import_log SET finished_at = current_timestamp, rows_read = $2, rows_accepted = $3, rows_rejected = $4,
         rows_inserted = $5, rows_updated = $6, warnings = $7, status = 'committed' WHERE import_id = $1`,
      [importId, rowsRead, accepted, rejected, accepted - updated, updated, warnings],
    )
    lap("log")

    const rejectedFile = `${file}.rejected.csv`
    const tmp = `${rejectedFile}.${importId}.tmp`
    let wroteRejected = false
    if (rejected > 0 && options.writeRejected !== false) {
      await writeRejectedCsv(db, model, importId, header, match.columns, tmp)
      wroteRejected = true
    }
    lap("rejected-csv")
    await db.exec("COMMIT")
    lap("commit")
    if (wroteRejected) renameSync(tmp, rejectedFile)
    else if (options.writeRejected !== false) rmSync(rejectedFile, { force: true })
    await dropScratch(db)
    const base = {
      importId,
      status: "committed" as const,
      file,
      sha256: digest,
      rowsRead,
      accepted,
      rejected,
      inserted: accepted - updated,
      updated,
      warnings,
      ignoredHeaders: match.ignored,
    }
    return wroteRejected ? { ...base, rejectedFile } : base
  } catch (e) {
    if (inTransaction) await db.exec("ROLLBACK").catch(() => undefined)
    await dropScratch(db).catch(() => undefined)
    rmSync(`${file}.rejected.csv.${importId}.tmp`, { force: true })
    const message = friendlyError(e)
    await logFailure(message).catch(() => undefined)
    throw new ImportError(message)
  }
}

/** The connection's TEMP objects of one import. */
const dropScratch = (db: NodeConnector) =>
  db.exec(
    "DROP TABLE IF EXISTS lp_bad; DROP TABLE IF EXISTS lp_rej; DROP TABLE IF EXISTS lp_pre; DROP TABLE IF EXISTS lp_dup; DROP TABLE IF EXISTS lp_be; DROP TABLE IF EXISTS lp_place; DROP VIEW IF EXISTS lp_rows; DROP TABLE IF EXISTS stg",
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
  return `${m.split("\n")[0]}; nothing was imported`
}

async function writeRejectedCsv(
  db: NodeConnector,
  model: CaseModel,
  importId: string,
  header: ReadonlyArray<string>,
  columnOf: ReadonlyMap<number, string>,
  path: string,
): Promise<void> {
  const cells = header.map((_, i) => `s.${ident(`c${i}`)}`).join(", ")
  const reader = await db.raw.runAndReadAll(
    `SELECT q.row_number, q."column", q.value, q.reason${cells ? `, ${cells}` : ""}
     FROM quarantine q JOIN lp_bad s USING (row_number) WHERE q.import_id = $1 ORDER BY q.row_number, q."column"`,
    [importId],
  )
  const rows = reader.getRowsJS()
  const lines = [
    csvLine(["row", "column", "value", "reason", ...(model.explain ? ["explanation"] : []), ...header]),
  ]
  const explained = new Map<number, string>()
  for (const r of rows) {
    const rowNumber = Number(r[0])
    const original = r.slice(4).map((v) => (v === null ? null : String(v)))
    let explanation: string[] = []
    if (model.explain) {
      if (!explained.has(rowNumber) && explained.size < 10_000) {
        const record: Record<string, string> = {}
        for (const [i, col] of columnOf) {
          const v = original[i]
          if (v !== null && v !== undefined) record[col] = v
        }
        explained.set(
          rowNumber,
          model
            .explain(record)
            .map((x) => x.message)
            .join("; "),
        )
      }
      explanation = [explained.get(rowNumber) ?? ""]
    }
    lines.push(
      csvLine([
        String(rowNumber),
        String(r[1]),
        r[2] === null ? null : String(r[2]),
        String(r[3]),
        ...explanation,
        ...original,
      ]),
    )
  }
  writeFileSync(path, `\ufeff${lines.join("")}`)
}
