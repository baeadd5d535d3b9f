/**
 * What the planning page asks DuckDB-WASM: the published planning tables (when the release lists
 * them in manifest.tables; absent tables read as null = "not in this release"), and two small
 * aggregates of the facts cube under the shared filters (victim-group mix by province for the
 * scenario split, and the case mix for the service budget). Values are always bound parameters.
 */
import type { Connector, Filters } from "@lao-protect/warehouse"
import { filterParams } from "@lao-protect/warehouse"
import type { Manifest } from "../../data/release.ts"
import type { BedNightCell, DemandCell, EstimateCell, GroupMix, MixRow } from "./model.ts"

export type PlanningTableName =
  | "pipeline_funnel"
  | "stage_durations"
  | "bed_nights"
  | "red_flag_counts"
  | "area_estimates"
  | "shelter_demand"
  | "shelter_forecast"
  | "length_of_stay"
  | "shelter_backtest"

export interface ForecastCell {
  readonly province: string | null
  readonly period: string
  readonly nights: number
  readonly nights_lower: number
  readonly nights_upper: number
  readonly last_year_nights: number
}
export interface StayLengthCell {
  readonly stage: string
  readonly victim_group: string
  readonly age_class: string
  readonly mean_nights: number
  readonly completed: number | null
  readonly source: "history" | "stage" | "default"
}
export interface BackTestCell {
  readonly year: number
  readonly actual: number | null
  readonly forecast: number
  readonly lower: number
  readonly upper: number
  /** Null when the year's actual stays are withheld (below the threshold). */
  readonly inside: boolean | null
  readonly abs_pct_error: number | null
}

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
  readonly area_estimates: ReadonlyArray<EstimateCell> | null
  readonly shelter_demand: ReadonlyArray<DemandCell> | null
  readonly shelter_forecast: ReadonlyArray<ForecastCell> | null
  readonly length_of_stay: ReadonlyArray<StayLengthCell> | null
  readonly shelter_backtest: ReadonlyArray<BackTestCell> | null
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
  area_estimates:
    "level::varchar AS level, area::varchar AS area, province::varchar AS province, measure::varchar AS measure, from_year::integer AS from_year, to_year::integer AS to_year, rate_per_100k::double AS rate_per_100k, lower_per_100k::double AS lower_per_100k, upper_per_100k::double AS upper_per_100k, expected::double AS expected, expected_lower::double AS expected_lower, expected_upper::double AS expected_upper, weight::double AS weight",
  shelter_demand:
    "province::varchar AS province, grain::varchar AS grain, period::varchar AS period, days::integer AS days, nights::double AS nights, nights_lower::double AS nights_lower, nights_upper::double AS nights_upper",
  shelter_forecast:
    "province::varchar AS province, period::varchar AS period, nights::double AS nights, nights_lower::double AS nights_lower, nights_upper::double AS nights_upper, last_year_nights::double AS last_year_nights",
  length_of_stay:
    "stage::varchar AS stage, victim_group::varchar AS victim_group, age_class::varchar AS age_class, mean_nights::double AS mean_nights, completed::integer AS completed, source::varchar AS source",
  shelter_backtest:
    "year::integer AS year, actual::integer AS actual, forecast::double AS forecast, lower::double AS lower, upper::double AS upper, inside, abs_pct_error::double AS abs_pct_error",
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
  const [
    pipeline_funnel,
    stage_durations,
    bed_nights,
    red_flag_counts,
    area_estimates,
    shelter_demand,
    shelter_forecast,
    length_of_stay,
    shelter_backtest,
  ] = await Promise.all([
    readTable<FunnelCell>(conn, manifest, "pipeline_funnel"),
    readTable<DurationCell>(conn, manifest, "stage_durations"),
    readTable<BedNightCell>(conn, manifest, "bed_nights"),
    readTable<FlagCell>(conn, manifest, "red_flag_counts"),
    readTable<EstimateCell>(conn, manifest, "area_estimates"),
    readTable<DemandCell>(conn, manifest, "shelter_demand"),
    readTable<ForecastCell>(conn, manifest, "shelter_forecast"),
    readTable<StayLengthCell>(conn, manifest, "length_of_stay"),
    readTable<BackTestCell>(conn, manifest, "shelter_backtest"),
  ])
  return {
    pipeline_funnel,
    stage_durations,
    bed_nights,
    red_flag_counts,
    area_estimates,
    shelter_demand,
    shelter_forecast,
    length_of_stay,
    shelter_backtest,
  }
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
