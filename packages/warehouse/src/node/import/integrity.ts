/**
 * Integrity of `cases`, which has no primary key: the importer keeps (source, case_id) unique and
 * checks it before every COMMIT (`checkKeysUnique`); `checkIntegrity` checks the whole warehouse.
 */
import type { NodeConnector } from "../NodeConnector.ts"

const num = (v: unknown): number => (typeof v === "bigint" ? Number(v) : Number(v ?? 0))

/**
 * Inside the import transaction: no (source, case_id) written by `importId` is in `cases` twice.
 * `replacing` = the file's partners had cases before; when false, only the import's own rows can
 * collide, so only they are aggregated. Throws an internal error (the import rolls back).
 */
export async function checkKeysUnique(
  db: NodeConnector,
  importId: string,
  replacing: boolean,
): Promise<void> {
  const sql = replacing
    ? `SELECT source::VARCHAR AS source, case_id, count(*) AS n FROM cases
       WHERE (source, case_id) IN (SELECT source, case_id FROM cases WHERE import_id = $1)
       GROUP BY source, case_id HAVING count(*) > 1 LIMIT 3`
    : `SELECT source::VARCHAR AS source, case_id, count(*) AS n FROM cases WHERE import_id = $1
       GROUP BY source, case_id HAVING count(*) > 1 LIMIT 3`
  const dup = await db.query<{ source: string; case_id: string; n: number }>(sql, [importId])
  if (dup.length > 0)
    throw new Error(
      `internal error: the import would leave case ${dup.map((d) => `${d.source}/${d.case_id} (${num(d.n)} times)`).join(", ")} duplicated in the warehouse`,
    )
}

export interface IntegrityReport {
  readonly ok: boolean
  /** (source, case_id) present more than once in `cases` (at most 20 listed). */
  readonly duplicateKeys: ReadonlyArray<{
    readonly source: string
    readonly caseId: string
    readonly n: number
  }>
  /** Committed imports whose counts do not reconcile: read <> accepted + rejected, or rejected rows missing from quarantine. */
  readonly unreconciledImports: ReadonlyArray<string>
}

/** Whole-warehouse check (tests, maintenance): unique keys and reconciled import counts. */
export async function checkIntegrity(db: NodeConnector): Promise<IntegrityReport> {
  const dup = await db.query<{ source: string; case_id: string; n: number }>(
    `SELECT source::VARCHAR AS source, case_id, count(*) AS n FROM cases
     GROUP BY source, case_id HAVING count(*) > 1 ORDER BY source, case_id LIMIT 20`,
  )
  const bad = await db.query<{ import_id: string }>(
    `SELECT l.import_id FROM import_log l
     LEFT JOIN (SELECT import_id, count(DISTINCT row_number) AS n FROM quarantine GROUP BY import_id) q USING (import_id)
     WHERE l.status = 'committed'
       AND (l.rows_read <> l.rows_accepted + l.rows_rejected OR coalesce(q.n, 0) <> l.rows_rejected)
     ORDER BY l.import_id`,
  )
  const duplicateKeys = dup.map((d) => ({ source: d.source, caseId: d.case_id, n: num(d.n) }))
  const unreconciledImports = bad.map((b) => b.import_id)
  return {
    ok: duplicateKeys.length === 0 && unreconciledImports.length === 0,
    duplicateKeys,
    unreconciledImports,
  }
}
