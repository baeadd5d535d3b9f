/**
 * The Trends view's named queries: identified victims per period (year, quarter, month) and
 * breakdown, our yearly counts for each official-statistics measure, and the published official
 * statistics. Same rules as the other views: one `.sql` per query, written against `facts` and runnable
 * as is, filters bound as `$1..$11` (then `$12`, `$13`), raw counts (the caller suppresses).
 * `prepareTrends` builds `agg_trend` (the cube without district and ethnic group); queries read it
 * with `source: "preaggregated"`, and `facts` with `"naive"`.
 */
import type { Connector } from "../../Connector.ts"
import { type Filters, filterParams } from "../filters.ts"
import officialReferenceSql from "./official_reference.sql?raw"
import trendCountsSql from "./trend_counts.sql?raw"
import trendReferenceCountsSql from "./trend_reference_counts.sql?raw"
import trendsPrepareSql from "./trends_prepare.sql?raw"

export {
  type GlotipMeasureMapping,
  glotipMappingSource,
  glotipMeasureMapping,
  type MappingMatch,
  selectorMatches,
} from "../../official-stats/measure-mapping.ts"

export const trendSql = {
  trend_counts: trendCountsSql,
  trend_reference_counts: trendReferenceCountsSql,
} as const
export { officialReferenceSql }

export type Grain = "year" | "quarter" | "month"
export const GRAINS: ReadonlyArray<Grain> = ["year", "quarter", "month"]
export type TrendBreakdown =
  | "total"
  | "victim_group"
  | "exploitation_form"
  | "destination"
  | "sex_age"
  | "ethnicity_family"
  | "outcome"
  | "province"
export const TREND_BREAKDOWNS: ReadonlyArray<TrendBreakdown> = [
  "total",
  "victim_group",
  "exploitation_form",
  "destination",
  "sex_age",
  "ethnicity_family",
  "outcome",
  "province",
]

export interface TrendOptions {
  readonly source?: "naive" | "preaggregated"
}

const onTable = (sql: string, options: TrendOptions): string => {
  if (options.source !== "preaggregated") return sql
  const hits = sql.match(/\bFROM facts\b/g)?.length ?? 0
  if (hits !== 1) throw new Error(`a trend query must read "FROM facts" exactly once (found ${hits})`)
  return sql.replace(/\bFROM facts\b/, "FROM agg_trend")
}

/** Build `agg_trend` from a loaded `facts` table (idempotent). */
export const prepareTrends = (conn: Connector): Promise<void> => conn.exec(trendsPrepareSql)

export interface TrendCount {
  readonly year: number
  /** 0 for yearly rows, else the quarter (1-4) or month (1-12). */
  readonly sub: number
  /** The category of the breakdown; null = unknown. "total" for the total. */
  readonly category: string | null
  readonly n: number
}
export const trendCounts = (
  conn: Connector,
  filters: Filters,
  grain: Grain,
  breakdown: TrendBreakdown,
  options: TrendOptions = {},
) =>
  conn.query<{ year: number; sub: number; category: string | null; n: number }>(
    onTable(trendCountsSql, options),
    [...filterParams(filters), grain, breakdown],
  ) as Promise<ReadonlyArray<TrendCount>>

/** Measure ids of the mapping that `trendReferenceCounts` returns, one column each. */
export const REFERENCE_MEASURES = [
  "victims_total",
  "victims_female",
  "victims_male",
  "victims_minor",
  "victims_adult",
  "victims_girls",
  "victims_boys",
  "victims_women",
  "victims_men",
  "form_sexual_exploitation",
  "form_forced_labour",
  "form_forced_marriage",
  "form_begging",
] as const
export type ReferenceMeasure = (typeof REFERENCE_MEASURES)[number]
export type ReferenceCounts = { readonly year: number } & { readonly [M in ReferenceMeasure]: number }

export const trendReferenceCounts = (conn: Connector, filters: Filters, options: TrendOptions = {}) =>
  conn.query<ReferenceCounts>(onTable(trendReferenceCountsSql, options), filterParams(filters)) as Promise<
    ReadonlyArray<ReferenceCounts>
  >

export type OfficialStat = {
  readonly year: number
  readonly indicator: string
  readonly dimension: string
  readonly category: string
  readonly sex: string
  readonly age: string
  readonly unit: string
  readonly value: number | null
  readonly suppressed: boolean
  readonly suppressed_below: number | null
  readonly missing: boolean
  readonly source: string | null
}
/** The published official statistics of one country (needs the `official_stats` table loaded). */
export const officialReference = (conn: Connector, iso3 = "LAO") =>
  conn.query<OfficialStat>(officialReferenceSql, [iso3]) as Promise<ReadonlyArray<OfficialStat>>
