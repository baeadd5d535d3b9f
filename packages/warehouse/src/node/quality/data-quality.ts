/**
 * What a partner's data manager (and the Secretariat, planners tier) needs to see of data quality:
 * per import, rows read / accepted / rejected by reason / warnings; per partner and year of
 * identification, how complete each CaseRow column is; and the columns most often missing. Read
 * from `import_log`, `quarantine` and `cases` only; counts, never rows.
 */
import type { NodeConnector } from "../NodeConnector.ts"
import type { CaseModel } from "../schema/model.ts"
import importsSql from "./imports_quality.sql?raw"
import { completenessCountsSql } from "./publication.ts"
import reasonsSql from "./rejected_by_reason_quality.sql?raw"

export interface ImportQuality {
  readonly importId: string
  readonly source: string
  readonly fileName: string
  readonly started: string
  readonly rowsRead: number
  readonly accepted: number
  readonly rejected: number
  readonly warnings: number
  readonly rejectedByReason: ReadonlyArray<{
    readonly column: string
    readonly reason: string
    readonly rows: number
  }>
}

export interface Completeness {
  readonly source: string
  readonly year: number
  readonly column: string
  readonly cases: number
  /** Share of the cases with a value in the column (0 to 1). */
  readonly filled: number
}

const n = (v: unknown) => (typeof v === "bigint" ? Number(v) : Number(v ?? 0))

export async function importQuality(db: NodeConnector): Promise<ImportQuality[]> {
  const reasons = new Map<string, Array<{ column: string; reason: string; rows: number }>>()
  for (const r of await db.query<Record<string, unknown>>(reasonsSql)) {
    const id = String(r.import_id)
    reasons.set(id, [
      ...(reasons.get(id) ?? []),
      { column: String(r.column), reason: String(r.reason), rows: n(r.rows) },
    ])
  }
  return (await db.query<Record<string, unknown>>(importsSql)).map((r) => ({
    importId: String(r.import_id),
    source: String(r.source),
    fileName: String(r.file_name),
    started: String(r.started),
    rowsRead: n(r.rows_read),
    accepted: n(r.rows_accepted),
    rejected: n(r.rows_rejected),
    warnings: n(r.warnings),
    rejectedByReason: reasons.get(String(r.import_id)) ?? [],
  }))
}

/** Completeness of every CaseRow column, per partner and year of identification (generated SQL: one column list). */
export async function completeness(db: NodeConnector, model: CaseModel): Promise<Completeness[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM (${completenessCountsSql(model)}) ORDER BY source, year, col`,
  )
  return rows.map((r) => ({
    source: String(r.source),
    year: n(r.year),
    column: String(r.col),
    cases: n(r.cases),
    filled: n(r.cases) === 0 ? 0 : n(r.filled) / n(r.cases),
  }))
}

/** The columns most often empty over all cases of a partner (or all partners), emptiest first. */
export function mostMissing(rows: ReadonlyArray<Completeness>, source?: string, top = 5) {
  const byColumn = new Map<string, { cases: number; filled: number }>()
  for (const r of rows) {
    if (source !== undefined && r.source !== source) continue
    const t = byColumn.get(r.column) ?? { cases: 0, filled: 0 }
    byColumn.set(r.column, { cases: t.cases + r.cases, filled: t.filled + r.filled * r.cases })
  }
  return [...byColumn]
    .map(([column, t]) => ({ column, missing: t.cases === 0 ? 0 : 1 - t.filled / t.cases }))
    .sort((a, b) => b.missing - a.missing || a.column.localeCompare(b.column))
    .slice(0, top)
}
