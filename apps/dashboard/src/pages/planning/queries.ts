/**
 * What the planning page asks DuckDB-WASM: the published planning tables (when the release lists
 * them in manifest.tables; absent tables read as null = "not in this release"), and two small
 * aggregates of the facts cube under the shared filters (victim-group mix by province for the
 * scenario split, and the case mix for the service budget). Values are always bound parameters.
 */
import type { Connector, Filters } from "@lao-protect/warehouse"
import { filterParams } from "@lao-protect/warehouse"
import type { Manifest } from "../../data/release.ts"
import type { BedNightCell, GroupMix, MixRow } from "./model.ts"

export type PlanningTableName = "pipeline_funnel" | "stage_durations" | "bed_nights" | "red_flag_counts"

export interface FunnelCell {
  readonly province: string | null
  readonly kind: "stage" | "exit"
  readonly step: string
  readonly n: number | null
  readonly suppressed: boolean
}
export interface DurationCell {
  readonly scope: "national" | "province"
  readonly province: string | null
  readonly stage: string
  readonly n: number | null
  readonly median_days: number | null
  readonly p90_days: number | null
  readonly suppressed: boolean
}
export interface FlagCell {
  readonly province: string | null
  readonly flag: string
  readonly n: number | null
  readonly legal_basis: string
  readonly suppressed: boolean
}

export interface PublishedPlanning {
  readonly pipeline_funnel: ReadonlyArray<FunnelCell> | null
  readonly stage_durations: ReadonlyArray<DurationCell> | null
  readonly bed_nights: ReadonlyArray<BedNightCell> | null
  readonly red_flag_counts: ReadonlyArray<FlagCell> | null
}

const COLUMNS: { readonly [N in PlanningTableName]: string } = {
  pipeline_funnel:
    "province::varchar AS province, kind::varchar AS kind, step::varchar AS step, n::integer AS n, suppressed",
  stage_durations:
    "scope::varchar AS scope, province::varchar AS province, stage::varchar AS stage, n::integer AS n, median_days::double AS median_days, p90_days::double AS p90_days, suppressed",
  bed_nights:
    "province::varchar AS province, month::varchar AS month, nights::double AS nights, cases::integer AS cases, suppressed",
  red_flag_counts:
    "province::varchar AS province, flag::varchar AS flag, n::integer AS n, legal_basis::varchar AS legal_basis, suppressed",
}

const listed = (manifest: Manifest | null, name: PlanningTableName) => manifest?.tables?.[name] !== undefined

async function readTable<T>(
  conn: Connector,
  manifest: Manifest | null,
  name: PlanningTableName,
): Promise<ReadonlyArray<T> | null> {
  if (!listed(manifest, name)) return null
  try {
    return (await conn.query(`SELECT ${COLUMNS[name]} FROM ${name}`)) as unknown as ReadonlyArray<T>
  } catch {
    // listed but not loaded (the engine skips tables it cannot read): treat as absent
    return null
  }
}

export async function readPublished(conn: Connector, manifest: Manifest | null): Promise<PublishedPlanning> {
  const [pipeline_funnel, stage_durations, bed_nights, red_flag_counts] = await Promise.all([
    readTable<FunnelCell>(conn, manifest, "pipeline_funnel"),
    readTable<DurationCell>(conn, manifest, "stage_durations"),
    readTable<BedNightCell>(conn, manifest, "bed_nights"),
    readTable<FlagCell>(conn, manifest, "red_flag_counts"),
  ])
  return { pipeline_funnel, stage_durations, bed_nights, red_flag_counts }
}

const FILTERED = `FROM facts
WHERE ($1 IS NULL OR year >= $1)
  AND ($2 IS NULL OR year <= $2)
  AND ($3 IS NULL OR victim_group::varchar = $3)
  AND ($4 IS NULL OR sex::varchar = $4)
  AND ($5 IS NULL OR age_band::varchar = $5)
  AND ($6 IS NULL OR ethnicity_family::varchar = $6)
  AND ($7 IS NULL OR exploitation_form::varchar = $7)
  AND ($8 IS NULL OR destination::varchar = $8)
  AND ($9 IS NULL OR border_point::varchar = $9)
  AND ($10 IS NULL OR stage::varchar = $10)
  AND ($11 IS NULL OR ethnic_group::varchar = $11)`

/** Cases by province of origin and victim group under the shared filters. */
export async function groupMix(conn: Connector, filters: Filters): Promise<GroupMix> {
  const rows = await conn.query<{ province: string; victim_group: string; n: number }>(
    `SELECT province::varchar AS province, victim_group::varchar AS victim_group, CAST(SUM(n) AS INTEGER) AS n
     ${FILTERED} AND province IS NOT NULL AND victim_group IS NOT NULL
     GROUP BY ALL ORDER BY ALL`,
    filterParams(filters),
  )
  const out = new Map<string, Map<string, number>>()
  for (const r of rows) {
    const m = out.get(r.province) ?? new Map<string, number>()
    m.set(r.victim_group, r.n)
    out.set(r.province, m)
  }
  return out as unknown as GroupMix
}

/** Cases by victim group and child/adult/unknown under the shared filters (the budget's case mix). */
export const caseMix = (conn: Connector, filters: Filters): Promise<ReadonlyArray<MixRow>> =>
  conn.query<MixRow & Record<string, unknown>>(
    `SELECT victim_group::varchar AS victim_group, is_child, CAST(SUM(n) AS INTEGER) AS n
     ${FILTERED} AND victim_group IS NOT NULL
     GROUP BY ALL ORDER BY ALL`,
    filterParams(filters),
  )
