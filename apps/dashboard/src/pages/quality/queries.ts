/**
 * What the data-quality page asks DuckDB-WASM: the planners tier's `quality_*` tables as published
 * (contracts.md section 3), optionally for one partner (a bound parameter).
 */
import type { Connector, Publication } from "@lao-protect/warehouse"
import completenessSql from "./completeness.sql?raw"
import importsSql from "./imports.sql?raw"
import missingSql from "./missing.sql?raw"
import reasonsSql from "./reasons.sql?raw"

export type ImportRow = Publication.QualityImportRow
export type ReasonRow = Publication.QualityReasonRow & { readonly source: string; readonly imported: string }
export type CompletenessRow = Publication.QualityCompletenessRow
export interface MissingRow {
  readonly source: string
  readonly column: string
  readonly missing: number
  readonly cases: number
}

export interface Quality {
  readonly partners: ReadonlyArray<string>
  readonly imports: ReadonlyArray<ImportRow>
  readonly reasons: ReadonlyArray<ReasonRow>
  readonly completeness: ReadonlyArray<CompletenessRow>
  readonly missing: ReadonlyArray<MissingRow>
}

/** True when the release carries the data-quality tables (planners tier). */
export const hasQuality = (tables: Readonly<Record<string, unknown>> | undefined): boolean =>
  tables !== undefined &&
  "quality_imports" in tables &&
  "quality_reasons" in tables &&
  "quality_completeness" in tables

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

export async function readQuality(conn: Connector, partner: string | null): Promise<Quality> {
  const p = [partner]
  const [partners, imports, reasons, completeness, missing] = await Promise.all([
    conn.query<{ source: string }>("SELECT DISTINCT source FROM quality_imports ORDER BY source"),
    conn.query(importsSql, p),
    conn.query(reasonsSql, p),
    conn.query(completenessSql, p),
    conn.query(missingSql, p),
  ])
  return {
    partners: partners.map((r) => String(r.source)),
    imports: imports.map((r) => ({
      import_id: String(r.import_id),
      source: String(r.source),
      imported: String(r.imported),
      rows_read: num(r.rows_read),
      accepted: num(r.accepted),
      rejected: num(r.rejected),
      updated: num(r.updated),
      duplicates: num(r.duplicates),
      warnings: num(r.warnings),
      lag_days: num(r.lag_days),
      suppressed: Boolean(r.suppressed),
    })),
    reasons: reasons.map((r) => ({
      import_id: String(r.import_id),
      source: String(r.source),
      imported: String(r.imported),
      kind: r.kind === "warning" ? "warning" : "rejected",
      column: String(r.column),
      reason: String(r.reason),
      rows: num(r.rows),
      suppressed: Boolean(r.suppressed),
    })),
    completeness: completeness.map((r) => ({
      source: String(r.source),
      year: num(r.year),
      column: String(r.column),
      cases: num(r.cases),
      filled: num(r.filled),
      suppressed: Boolean(r.suppressed),
    })),
    missing: missing.map((r) => ({
      source: String(r.source),
      column: String(r.column),
      missing: Number(r.missing),
      cases: Number(r.cases),
    })),
  }
}
