/**
 * The planning tables (pipeline_funnel, stage_durations, bed_nights, red_flag_counts) for the fixture
 * publication, computed by the real `Publication.planningTablesForPublication` over a deterministic
 * synthetic `cases` table (no personal data: ids are row numbers, no names). Additive: it writes the
 * tables as .arrow files into the current release and lists them in manifest.tables, the way the
 * publish step will once it carries them.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Publication } from "@lao-protect/planning"
import { type NodeConnector, openWarehouse } from "@lao-protect/warehouse/node"
import { tableToIPC } from "apache-arrow"
import { THRESHOLD } from "./fixture.ts"

/**
 * 3,000 cases identified in 2023-2024. LA01 and LA13 are large (every flag unsuppressed there), LA18
 * is tiny (its flags are suppressed). Arrivals peak in March-May (push-backs after the Thai New Year),
 * so the bed-night heatmap shows a season. Children are 30%; a fifth of returned children have no BID.
 */
export const PLANNING_CASES_SQL = `
CREATE OR REPLACE TABLE cases AS
WITH base AS (
  SELECT
    i,
    ['LA01','LA01','LA01','LA01','LA13','LA13','LA13','LA06','LA06','LA05','LA16','LA16','LA08','LA10','LA18']
      [CAST(1 + hash(i, 'p') % 15 AS INTEGER)] AS origin_province,
    ['local_lao','repatriated_lao','deported_lao','deported_lao','deported_lao','self_returned','intercepted']
      [CAST(1 + hash(i, 'v') % 7 AS INTEGER)] AS victim_group,
    DATE '2023-01-01' + CAST(hash(i, 'y') % 2 AS INTEGER) * 365
      + CAST([15, 40, 70, 80, 95, 100, 110, 120, 130, 140, 160, 200, 240, 300, 340][CAST(1 + hash(i, 'd') % 15 AS INTEGER)]
        + hash(i, 'j') % 20 AS INTEGER) AS identification_date,
    CASE WHEN hash(i, 'a') % 10 < 3 THEN 10 + CAST(hash(i, 'b') % 8 AS INTEGER) ELSE 18 + CAST(hash(i, 'b') % 30 AS INTEGER) END AS age_years,
    hash(i, 'r') % 100 AS r,
    CAST(1 + hash(i, 'c') % 20 AS INTEGER) AS care_days
  FROM range(3000) t(i)
)
SELECT
  'F' || lpad(CAST(i AS VARCHAR), 5, '0') AS case_id,
  'afesip' AS source,
  identification_date,
  victim_group,
  'female' AS sex,
  age_years,
  CAST(NULL AS DATE) AS date_of_birth,
  NULL AS origin_district,
  origin_province,
  NULL AS border_checkpoint,
  NULL AS destination_country,
  NULL AS exploitation_district,
  'forced_labour' AS exploitation_form,
  NULL AS ethnicity,
  CASE WHEN r < 90 THEN identification_date END AS interim_care_date,
  CASE WHEN r < 80 THEN identification_date + care_days END AS assessment_date,
  CASE WHEN r < 80 AND NOT (age_years < 18 AND r % 5 = 0) THEN identification_date + care_days + 2 END AS bid_date,
  CASE WHEN r < 80 AND NOT (age_years < 18 AND r % 5 = 0) THEN 'return_home' END AS bid_outcome,
  CASE WHEN r < 80 AND NOT (age_years < 18 AND r % 5 = 0) THEN 'mlsw' END AS bid_decided_by,
  CASE WHEN r < 70 THEN identification_date + care_days + 5 END AS return_date,
  CASE WHEN r < 60 THEN identification_date + care_days + 15 END AS reintegration_date,
  CASE WHEN r < 40 THEN identification_date + care_days + 60 END AS follow_up_date,
  CAST(NULL AS DATE) AS closed_date,
  CASE WHEN r >= 94 THEN 're_trafficked' WHEN r >= 90 THEN 'lost_contact' END AS exit_reason,
  CASE WHEN r >= 90 THEN identification_date + 30 END AS exit_date
FROM base;
`

type Suppressed = { readonly suppressed: boolean }

/** Column types of each table, so the Arrow files keep their types when a column is all null. */
const TABLE_COLUMNS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  pipeline_funnel: [
    ["province", "VARCHAR"],
    ["kind", "VARCHAR"],
    ["step", "VARCHAR"],
    ["n", "INTEGER"],
    ["suppressed", "BOOLEAN"],
  ],
  stage_durations: [
    ["scope", "VARCHAR"],
    ["province", "VARCHAR"],
    ["stage", "VARCHAR"],
    ["n", "INTEGER"],
    ["median_days", "DOUBLE"],
    ["p90_days", "DOUBLE"],
    ["suppressed", "BOOLEAN"],
  ],
  bed_nights: [
    ["province", "VARCHAR"],
    ["month", "VARCHAR"],
    ["nights", "INTEGER"],
    ["cases", "INTEGER"],
    ["suppressed", "BOOLEAN"],
  ],
  red_flag_counts: [
    ["province", "VARCHAR"],
    ["flag", "VARCHAR"],
    ["n", "INTEGER"],
    ["legal_basis", "VARCHAR"],
    ["suppressed", "BOOLEAN"],
  ],
}

export async function computePlanningTables(conn: NodeConnector): Promise<Publication.PlanningTables> {
  await conn.exec(PLANNING_CASES_SQL)
  return Publication.planningTablesForPublication(conn, { threshold: THRESHOLD, asOf: "2025-06-30" })
}

async function writeTable(
  conn: NodeConnector,
  dir: string,
  name: string,
  rows: ReadonlyArray<Record<string, unknown> & Suppressed>,
): Promise<number> {
  const columns = TABLE_COLUMNS[name] ?? []
  await conn.exec(
    `CREATE OR REPLACE TABLE ${name} (${columns.map(([c, type]) => `${c} ${type}`).join(", ")})`,
  )
  const placeholders = columns.map((_, i) => `$${i + 1}`).join(", ")
  for (const row of rows) {
    await conn.query(
      `INSERT INTO ${name} VALUES (${placeholders})`,
      columns.map(([c]) => (row[c] ?? null) as string | number | boolean | null),
    )
  }
  const table = await conn.arrow(`SELECT * FROM ${name}`)
  writeFileSync(join(dir, `${name}.arrow`), tableToIPC(table, "stream"))
  return rows.length
}

/** Adds the planning tables to the current release of `dataRoot` (written by writeFixturePublication). */
export async function addPlanningTables(dataRoot: string): Promise<Publication.PlanningTables> {
  const pointer = JSON.parse(readFileSync(join(dataRoot, "published", "current.json"), "utf8")) as {
    release: string
  }
  const dir = join(dataRoot, "published", "releases", pointer.release)
  const conn = await openWarehouse(":memory:", { config: { threads: "1" } })
  try {
    const tables = await computePlanningTables(conn)
    const manifestFile = join(dir, "manifest.json")
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
      tables: Record<string, { file: string; rows: number }>
    }
    for (const name of ["pipeline_funnel", "stage_durations", "bed_nights", "red_flag_counts"] as const) {
      const rows = await writeTable(conn, dir, name, tables[name])
      manifest.tables[name] = { file: `${name}.arrow`, rows }
    }
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2))
    return tables
  } finally {
    await conn.close()
  }
}
