/**
 * The dashboard's named queries. Each function runs the `.sql` file of the same name through any
 * `Connector` (node-api in tests and benchmarks, DuckDB-WASM in the browser) with the filters bound as
 * `$1`..`$10`. `source: "preaggregated"` reads the per-view aggregates built by `prepareViews`;
 * `"naive"` groups the published `facts` cube directly (kept for the benchmark and as a reference).
 * Counts come back raw: suppression below the publication threshold is the caller's job, done once.
 */
import type { Connector } from "../Connector.ts"
import areaBreakdownSql from "./area_breakdown.sql?raw"
import borderPointCountsSql from "./border_point_counts.sql?raw"
import { type IndexedView, indexTable } from "./crossfilter.ts"
import districtCountsSql from "./district_counts.sql?raw"
import { type Filters, filterParams } from "./filters.ts"
import flowCountsSql from "./flow_counts.sql?raw"
import prepareViewsSql from "./prepare_views.sql?raw"
import provinceCountsSql from "./province_counts.sql?raw"
import { type Source, withTable } from "./source.ts"
import yearCountsSql from "./year_counts.sql?raw"

export {
  ActiveIndex,
  changedDims,
  DIM_OF_KEY,
  FILTER_DIMS,
  type FilterDim,
  type IndexedView,
  indexSql,
  indexTable,
  VIEW_DIMS,
} from "./crossfilter.ts"
export { FILTER_KEYS, FILTER_WHERE, type Filters, filterParams, RETURN_GROUPS } from "./filters.ts"
export type { Source } from "./source.ts"
export * from "./trends/index.ts"

export const viewSql = {
  province_counts: provinceCountsSql,
  district_counts: districtCountsSql,
  border_point_counts: borderPointCountsSql,
  flow_counts: flowCountsSql,
  year_counts: yearCountsSql,
  area_breakdown: areaBreakdownSql,
} as const

export interface ViewOptions {
  readonly source?: Source
}

const sqlFor = (
  sql: string,
  table: "agg_area" | "agg_detail",
  view: IndexedView,
  options: ViewOptions,
): string =>
  options.source === "naive" ? sql : withTable(sql, options.source === "indexed" ? indexTable(view) : table)

/** Build the per-view aggregates (`agg_area`, `agg_detail`) from a loaded `facts` table. */
export const prepareViews = (conn: Connector): Promise<void> => conn.exec(prepareViewsSql)

export interface ProvinceCount {
  readonly province: string | null
  readonly n: number
}
export const provinceCounts = (conn: Connector, filters: Filters, options: ViewOptions = {}) =>
  conn.query<{ province: string | null; n: number }>(
    sqlFor(provinceCountsSql, "agg_area", "province_counts", options),
    filterParams(filters),
  ) as Promise<ReadonlyArray<ProvinceCount>>

export interface DistrictCount {
  readonly province: string | null
  readonly district: string | null
  readonly n: number
}
export const districtCounts = (conn: Connector, filters: Filters, options: ViewOptions = {}) =>
  conn.query<{ province: string | null; district: string | null; n: number }>(
    sqlFor(districtCountsSql, "agg_detail", "district_counts", options),
    filterParams(filters),
  ) as Promise<ReadonlyArray<DistrictCount>>

export interface BorderPointCount {
  readonly border_point: string
  readonly n: number
}
export const borderPointCounts = (conn: Connector, filters: Filters, options: ViewOptions = {}) =>
  conn.query<{ border_point: string; n: number }>(
    sqlFor(borderPointCountsSql, "agg_area", "border_point_counts", options),
    filterParams(filters),
  ) as Promise<ReadonlyArray<BorderPointCount>>

export interface FlowCount {
  readonly province: string
  readonly border_point: string | null
  readonly destination: string
  readonly is_return: boolean
  readonly n: number
}
export const flowCounts = (conn: Connector, filters: Filters, options: ViewOptions = {}) =>
  conn.query<{
    province: string
    border_point: string | null
    destination: string
    is_return: boolean
    n: number
  }>(sqlFor(flowCountsSql, "agg_area", "flow_counts", options), filterParams(filters)) as Promise<
    ReadonlyArray<FlowCount>
  >

export interface YearCount {
  readonly year: number
  readonly n: number
}
export const yearCounts = (conn: Connector, filters: Filters, options: ViewOptions = {}) =>
  conn.query<{ year: number; n: number }>(
    sqlFor(yearCountsSql, "agg_area", "year_counts", options),
    filterParams(filters),
  ) as Promise<ReadonlyArray<YearCount>>

export type BreakdownDimension =
  | "ethnicity_family"
  | "ethnic_group"
  | "victim_group"
  | "exploitation_form"
  | "border_point"
  | "destination"
  | "total"
export interface BreakdownRow {
  readonly dimension: BreakdownDimension
  /** The category; null means "unknown / none" within that dimension. */
  readonly code: string | null
  readonly n: number
}
export interface Area {
  readonly province: string
  readonly district?: string | null | undefined
}
export const areaBreakdown = (conn: Connector, filters: Filters, area: Area, options: ViewOptions = {}) =>
  conn.query<{ dimension: BreakdownDimension; code: string | null; n: number }>(
    sqlFor(areaBreakdownSql, "agg_detail", "area_breakdown", options),
    [...filterParams(filters), area.province, area.district ?? null],
  ) as Promise<ReadonlyArray<BreakdownRow>>
