/**
 * The data-quality tables of a planners-tier release (docs/contracts.md section 3, `Publication.ts`
 * `QUALITY_TABLES`): per import the counts, duplicates and timeliness (`quality_imports`), the
 * rejection reasons and warnings (`quality_reasons`), and the completeness of every CaseRow column
 * per partner and year (`quality_completeness`). Counts only, never a cell's text; counts from 1 to
 * the release's threshold - 1 are hidden (NULL, `suppressed`). Never in a public release.
 */
import type { Table } from "apache-arrow"
import type { Connector } from "../../Connector.ts"
import type { CaseModel } from "../schema/model.ts"
import { ident, literal } from "../schema/sql-text.ts"
import importsSql from "./quality_imports_pub.sql?raw"
import reasonsSql from "./quality_reasons_pub.sql?raw"

/**
 * Cases and cases with a value, per partner, year of identification and CaseRow column (generated
 * from the model): one scan of `cases`, its per-column counts unnested side by side into rows.
 */
export const completenessCountsSql = (model: CaseModel): string => {
  const filled = model.columns.map((c) =>
    c.kind === "codes" ? `count(*) FILTER (WHERE len(${ident(c.name)}) > 0)` : `count(${ident(c.name)})`,
  )
  return `SELECT source, year, unnest([${model.columns.map((c) => literal(c.name)).join(", ")}]) AS col, cases,
     unnest([${filled.map((_, i) => `f${i}`).join(", ")}]) AS filled
   FROM (SELECT source::VARCHAR AS source, year(identification_date) AS year, count(*) AS cases, ${filled.map((f, i) => `${f} AS f${i}`).join(", ")}
     FROM cases GROUP BY ALL)`
}

const completenessPubSql = (model: CaseModel): string =>
  `SELECT source, CAST(year AS SMALLINT) AS year, col AS "column",
     CAST(CASE WHEN cases < $1 THEN NULL ELSE cases END AS INTEGER) AS cases,
     CAST(CASE WHEN cases < $1 THEN NULL ELSE filled END AS INTEGER) AS filled,
     cases < $1 AS suppressed
   FROM (${completenessCountsSql(model)})
   ORDER BY source, year, "column"`

const hasTable = async (conn: Connector, name: string) =>
  (
    await conn.query<{ n: number }>(
      "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $1 AND NOT temporary",
      [name],
    )
  )[0]!.n > 0

/** The three tables, or none when the warehouse has no import log (cases written by other means). */
export async function qualityTables(
  wh: Connector,
  model: CaseModel,
  { threshold }: { readonly threshold: number },
): Promise<Record<string, Table>> {
  for (const t of ["import_log", "quarantine", "import_warning"]) if (!(await hasTable(wh, t))) return {}
  return {
    quality_imports: await wh.arrow(importsSql, [threshold]),
    quality_reasons: await wh.arrow(reasonsSql, [threshold]),
    quality_completeness: await wh.arrow(completenessPubSql(model), [threshold]),
  }
}
