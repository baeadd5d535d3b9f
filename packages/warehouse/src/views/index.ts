/**
 * The dashboard's named queries. Each function runs the `.sql` file of the same name through any
 * `Connector` (node-api in tests and benchmarks, DuckDB-WASM in the browser) with the filters bound as
 * `$1`..`$11`. `source: "preaggregated"` reads `facts_k` (the cube with ENUM keys, built by
 * `prepareViews`); `"indexed"` reads the active-dimension indexes of an `ActiveIndex`
 * (`crossfilter.ts`); `"naive"` groups the published `facts` cube directly (the reference).
 * `CrossFilter` runs every view of one dashboard interaction the fastest way that is available.
 * Counts come back raw: suppression below the publication threshold is the caller's job, done once.
 */
import type { Connector } from "../Connector.ts"
import { FACT_AREA_COLUMNS, FACT_FILTERS } from "../Publication.ts"
import areaBreakdownSql from "./area_breakdown.sql?raw"
import borderPointCountsSql from "./border_point_counts.sql?raw"
import checkpointProfileSql from "./checkpoint_profile.sql?raw"
import checkpointYearsSql from "./checkpoint_years.sql?raw"
import { ActiveIndex, type Area, changedDims, type FilterDim, type IndexedView } from "./crossfilter.ts"
import districtCountsSql from "./district_counts.sql?raw"
import ethnicityProvinceSql from "./ethnicity_province.sql?raw"
import { type Filters, filterParams } from "./filters.ts"
import flowCountsSql from "./flow_counts.sql?raw"
import identifiedOriginSql from "./identified_origin.sql?raw"
import languageNeedsSql from "./language_needs.sql?raw"
import prepareViewsTemplate from "./prepare_views.sql?raw"
import provinceCountsSql from "./province_counts.sql?raw"
import provinceMeasuresSql from "./province_measures.sql?raw"
import { type Source, withTable } from "./source.ts"
import yearCountsSql from "./year_counts.sql?raw"

export {
  ActiveIndex,
  type Area,
  changedDims,
  DIM_OF_KEY,
  FILTER_DIMS,
  type FilterDim,
  INDEX_OF_VIEW,
  type IndexedView,
  type IndexTable,
  indexReadSql,
  indexStatements,
} from "./crossfilter.ts"
export {
  CODE_FILTER_KEYS,
  type CodeFilterKey,
  type CodeFilters,
  FILTER_KEYS,
  FILTER_WHERE,
  type Filters,
  filterParams,
  filterWhere,
  RETURN_GROUPS,
} from "./filters.ts"
export type { Source } from "./source.ts"
export * from "./trends/index.ts"

export const viewSql = {
  province_counts: provinceCountsSql,
  district_counts: districtCountsSql,
  border_point_counts: borderPointCountsSql,
  flow_counts: flowCountsSql,
  year_counts: yearCountsSql,
  area_breakdown: areaBreakdownSql,
  checkpoint_profile: checkpointProfileSql,
  ethnicity_province: ethnicityProvinceSql,
  language_needs: languageNeedsSql,
  province_measures: provinceMeasuresSql,
  identified_origin: identifiedOriginSql,
  checkpoint_years: checkpointYearsSql,
} as const

export interface ViewOptions {
  /** Default "preaggregated". */
  readonly source?: Source
  /** The indexes `source: "indexed"` reads; they must be `ready` for the filters. */
  readonly index?: ActiveIndex
}

/** The query of one view: its .sql on `facts` or `facts_k`, or the read of its index. */
const run = <T>(
  conn: Connector,
  sql: string,
  view: IndexedView,
  filters: Filters,
  options: ViewOptions,
  extra: ReadonlyArray<string | null> = [],
): Promise<ReadonlyArray<T>> => {
  if (options.source === "indexed") {
    if (!options.index) throw new Error('source "indexed" needs the ActiveIndex to read')
    return options.index.read<T>(view, filters)
  }
  const text = options.source === "naive" ? sql : withTable(sql, "facts_k")
  return conn.query(text, [...filterParams(filters), ...extra]) as Promise<ReadonlyArray<T>>
}

/** Build `facts_k` (ENUM keys, sorted by area) from a loaded `facts` table. */
/**
 * `prepare_views.sql` with its key columns filled from the publication contract: each statement
 * line holding `{key}` once per ENUM key (the area columns, then the filter columns), `{keys}` their
 * casts. `keys` is there for tests (a contract with a column more or less).
 */
export const prepareViewsSql = (
  keys: ReadonlyArray<string> = [...FACT_AREA_COLUMNS, ...FACT_FILTERS.map((f) => f.column)],
): string => {
  for (const k of keys) if (!/^[a-z_][a-z0-9_]*$/.test(k)) throw new Error(`not a facts column: ${k}`)
  return prepareViewsTemplate
    .split("\n")
    .flatMap((line) =>
      line.startsWith("--") || !line.includes("{key}")
        ? [line]
        : keys.map((k) => line.replaceAll("{key}", k)),
    )
    .join("\n")
    .replace("{keys}", keys.map((k) => `CAST(${k} AS k_${k}) AS ${k}`).join(",\n  "))
}

export const prepareViews = (conn: Connector): Promise<void> => conn.exec(prepareViewsSql())

export interface ProvinceCount {
  readonly province: string | null
  readonly n: number
}
export const provinceCounts = (conn: Connector, filters: Filters, options: ViewOptions = {}) =>
  run<ProvinceCount>(conn, provinceCountsSql, "province_counts", filters, options)

export interface DistrictCount {
  readonly province: string | null
  readonly district: string | null
  readonly n: number
}
export const districtCounts = (conn: Connector, filters: Filters, options: ViewOptions = {}) =>
  run<DistrictCount>(conn, districtCountsSql, "district_counts", filters, options)

export interface BorderPointCount {
  readonly border_point: string
  readonly n: number
}
export const borderPointCounts = (conn: Connector, filters: Filters, options: ViewOptions = {}) =>
  run<BorderPointCount>(conn, borderPointCountsSql, "border_point_counts", filters, options)

export interface FlowCount {
  readonly province: string
  readonly border_point: string | null
  readonly destination: string
  readonly is_return: boolean
  readonly n: number
}
export const flowCounts = (conn: Connector, filters: Filters, options: ViewOptions = {}) =>
  run<FlowCount>(conn, flowCountsSql, "flow_counts", filters, options)

export interface YearCount {
  readonly year: number
  readonly n: number
}
export const yearCounts = (conn: Connector, filters: Filters, options: ViewOptions = {}) =>
  run<YearCount>(conn, yearCountsSql, "year_counts", filters, options)

export type BreakdownDimension =
  | "ethnicity_family"
  | "ethnic_group"
  | "victim_group"
  | "exploitation_form"
  | "border_point"
  | "destination"
  /** The area's cases per year (code: the year as text), so the side panel's series is the area's. */
  | "year"
  | "total"
export interface BreakdownRow {
  readonly dimension: BreakdownDimension
  /** The category; null means "unknown / none" within that dimension. */
  readonly code: string | null
  readonly n: number
}
export const areaBreakdown = (conn: Connector, filters: Filters, area: Area, options: ViewOptions = {}) =>
  run<BreakdownRow>(conn, areaBreakdownSql, "area_breakdown", filters, options, [
    area.province,
    area.district ?? null,
  ])

/** What one dashboard interaction shows: the filters, the map level and the selected area. */
export interface Interaction {
  readonly filters: Filters
  readonly level: "province" | "district"
  readonly selected: Area | null
}

export interface InteractionViews {
  /** Province counts at the province level, district counts at the district level. */
  readonly areas: ReadonlyArray<ProvinceCount> | ReadonlyArray<DistrictCount>
  readonly borderPoints: ReadonlyArray<BorderPointCount>
  readonly flows: ReadonlyArray<FlowCount>
  readonly years: ReadonlyArray<YearCount>
  readonly breakdown: ReadonlyArray<BreakdownRow> | null
  /** "indexed" when the active-dimension indexes held the filters, else "preaggregated" (`facts_k`), or "naive" before a lazy `facts_k` is built. */
  readonly source: Source
}

const filtersKey = (filters: Filters): string =>
  JSON.stringify(
    Object.entries(filters)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  )

/**
 * The ENUM-keyed cube of a connector that builds it on demand (the dashboard builds `facts_k` after
 * the engine is ready): until it is built, the session answers from `facts` and then asks for it.
 */
export interface LazyCube {
  readonly built: () => boolean
  readonly build: () => Promise<void>
}

/**
 * The cross-filter session behind the dashboard's views (and the benchmark page). `activate` builds
 * the indexes for the filter the user is about to change (hover or focus, like Mosaic); `run`
 * answers every view of one interaction: from the indexes when they hold the current filters, else
 * from `facts_k`. A view whose inputs did not change (the map level or the selected area moved, or
 * a state seen a moment ago) is answered from a small per-view cache: the data never changes while
 * the session lives. Results equal the naive queries on `facts` (the tests compare them).
 */
export class CrossFilter {
  readonly index: ActiveIndex
  private previous: Filters | null = null
  private lastActive: FilterDim | null = null
  private readonly cache = new Map<string, ReadonlyArray<unknown>>()

  constructor(
    private readonly conn: Connector,
    private readonly options: { readonly cacheSize?: number; readonly cube?: LazyCube | null } = {},
  ) {
    this.index = new ActiveIndex(conn)
  }

  /** Build the indexes for a filter the user is about to change, given the current state. */
  activate(dim: FilterDim, current: Interaction): Promise<void> {
    this.lastActive = dim
    return this.index.prepare(dim, current.filters, current.selected)
  }

  /**
   * Build the breakdown index of an area the user is about to select (pointer over it or keyboard
   * focus), for the current filters: the selection then reads it like a filter move. Without an
   * active dimension yet, `year` is taken (the indexes of all views are built with it).
   */
  activateArea(area: Area, current: Interaction): Promise<void> {
    const dim = this.lastActive ?? "year"
    this.lastActive = dim
    return this.index.prepare(dim, current.filters, area)
  }

  private async cached<T>(key: string, f: () => Promise<ReadonlyArray<T>>): Promise<ReadonlyArray<T>> {
    const hit = this.cache.get(key)
    if (hit) {
      this.cache.delete(key)
      this.cache.set(key, hit)
      return hit as ReadonlyArray<T>
    }
    const rows = await f()
    this.remember(key, rows)
    return rows
  }

  private remember(key: string, rows: ReadonlyArray<unknown>): void {
    const size = this.options.cacheSize ?? 64
    if (size <= 0) return
    this.cache.delete(key)
    this.cache.set(key, rows)
    while (this.cache.size > size) this.cache.delete(this.cache.keys().next().value as string)
  }

  /** Every view of one interaction, in the order the dashboard draws them. */
  async run({ filters, level, selected }: Interaction): Promise<InteractionViews> {
    const moved = this.previous === null ? null : changedDims(this.previous, filters)
    this.previous = filters
    if (moved && moved.size === 1) {
      // one filter moved without a hover first (keyboard, URL): index it now, the next move is fast
      const dim = [...moved][0] as FilterDim
      this.lastActive = dim
      if (!this.index.ready(dim, filters)) await this.index.prepare(dim, filters, selected)
    }
    const active = this.lastActive
    const indexed = active !== null && this.index.ready(active, filters)
    // before `facts_k` exists, one interaction on `facts` costs less than building it first
    const cube = this.options.cube
    const base: Source = cube && !cube.built() ? "naive" : "preaggregated"
    const o: ViewOptions = indexed ? { source: "indexed", index: this.index } : { source: base }
    const fk = filtersKey(filters)
    const conn = this.conn
    const keys: Array<readonly [IndexedView, string]> = [
      level === "province" ? ["province_counts", `p${fk}`] : ["district_counts", `d${fk}`],
      ["border_point_counts", `b${fk}`],
      ["flow_counts", `f${fk}`],
      ["year_counts", `y${fk}`],
    ]
    if (selected !== null)
      keys.push(["area_breakdown", `a${selected.province}/${selected.district ?? ""}${fk}`])
    if (indexed) {
      // every view the indexes hold and the cache does not, in one round-trip
      const missing = keys
        .filter(([, k]) => !this.cache.has(k))
        .map(([v]) => v)
        .filter((v) => v !== "area_breakdown" || (selected !== null && this.index.readyFor(selected)))
      const got = await this.index.readAll(missing, filters)
      for (const [view, key] of keys) {
        const rows = got.get(view)
        if (rows) this.remember(key, rows)
      }
    }
    const areas =
      level === "province"
        ? await this.cached(`p${fk}`, () => provinceCounts(conn, filters, o))
        : await this.cached(`d${fk}`, () => districtCounts(conn, filters, o))
    const borderPoints = await this.cached(`b${fk}`, () => borderPointCounts(conn, filters, o))
    const flows = await this.cached(`f${fk}`, () => flowCounts(conn, filters, o))
    const years = await this.cached(`y${fk}`, () => yearCounts(conn, filters, o))
    let breakdown: ReadonlyArray<BreakdownRow> | null = null
    if (selected !== null) {
      // a newly selected area without its breakdown index: the view's .sql on facts_k (sorted by area)
      breakdown = await this.cached(`a${selected.province}/${selected.district ?? ""}${fk}`, () =>
        areaBreakdown(conn, filters, selected, { source: base }),
      )
    }
    if (base === "naive") cube?.build().catch((err: unknown) => console.error("building facts_k failed", err))
    return { areas, borderPoints, flows, years, breakdown, source: indexed ? "indexed" : base }
  }
}

export interface CheckpointProfileRow {
  readonly dimension:
    | "year"
    | "province"
    | "destination"
    | "victim_group"
    | "ethnic_group"
    | "sex"
    | "age_band"
    | "total"
  /** The category (`"2023|out"`, `"2023|return"` for years); null means unknown. */
  readonly code: string | null
  readonly n: number
}
/** One checkpoint's cases by year and direction, origin province, destination, victim group, ethnic group, sex and age band. */
export const checkpointProfile = (
  conn: Connector,
  filters: Filters,
  checkpoint: string,
  options: Pick<ViewOptions, "source"> = {},
): Promise<ReadonlyArray<CheckpointProfileRow>> =>
  conn.query(options.source === "naive" ? checkpointProfileSql : withTable(checkpointProfileSql, "facts_k"), [
    ...filterParams(filters),
    checkpoint,
  ]) as unknown as Promise<ReadonlyArray<CheckpointProfileRow>>

export interface EthnicityProvinceCount {
  readonly ethnic_group: string
  readonly province: string | null
  readonly n: number
}
/** Cases per ethnic group and origin province (the ethnicity x province heat table). */
export const ethnicityByProvince = (
  conn: Connector,
  filters: Filters,
  options: Pick<ViewOptions, "source"> = {},
): Promise<ReadonlyArray<EthnicityProvinceCount>> =>
  conn.query(
    options.source === "naive" ? ethnicityProvinceSql : withTable(ethnicityProvinceSql, "facts_k"),
    filterParams(filters),
  ) as unknown as Promise<ReadonlyArray<EthnicityProvinceCount>>

export interface LanguageNeed {
  readonly province: string
  /** Cases whose first language is recorded. */
  readonly recorded: number
  /** Of those, cases whose first language is not Lao. */
  readonly not_lao: number
}
/**
 * Language needs per province, from the published `facts` (never `facts_k`: releases before the
 * column existed have no `first_language_lao`, and the caller shows nothing then).
 */
export const languageNeeds = (conn: Connector, filters: Filters): Promise<ReadonlyArray<LanguageNeed>> =>
  conn.query(languageNeedsSql, filterParams(filters)) as unknown as Promise<ReadonlyArray<LanguageNeed>>

export interface ProvinceMeasureRow {
  readonly province: string
  /** Null = not recorded. */
  readonly identification_setting: string | null
  readonly n: number
  /** Cases whose ethnic group is one of the groups (neither unknown nor other). */
  readonly ethnicity_recorded: number
  /** Of those, every group but Lao. */
  readonly minority: number
}
/**
 * The map's ethnicity and identification measures per origin province and identification setting,
 * from the published `facts` (never `facts_k`, which has no identification setting; a release
 * published before the setting existed fails, and the caller shows nothing then).
 */
export const provinceMeasures = (
  conn: Connector,
  filters: Filters,
): Promise<ReadonlyArray<ProvinceMeasureRow>> =>
  conn.query(provinceMeasuresSql, filterParams(filters)) as unknown as Promise<
    ReadonlyArray<ProvinceMeasureRow>
  >

export interface IdentifiedOriginRow {
  readonly province: string
  /** Cases identified in the province (identification_province). */
  readonly identified: number
  /** Cases whose province of origin it is. */
  readonly origin: number
}
/**
 * Per province, cases identified there and cases originating there, under the filters, from the
 * published `facts` (a release published before the place of identification existed fails, and
 * the caller shows nothing then).
 */
export const identifiedVsOrigin = (
  conn: Connector,
  filters: Filters,
): Promise<ReadonlyArray<IdentifiedOriginRow>> =>
  conn.query(identifiedOriginSql, filterParams(filters)) as unknown as Promise<
    ReadonlyArray<IdentifiedOriginRow>
  >

export interface CheckpointYearCount {
  readonly border_point: string
  readonly year: number
  readonly is_return: boolean
  readonly n: number
}
/** Cases per border checkpoint, year and direction (the trend ranking's input). */
export const checkpointYears = (
  conn: Connector,
  filters: Filters,
  options: Pick<ViewOptions, "source"> = {},
): Promise<ReadonlyArray<CheckpointYearCount>> =>
  conn.query(
    options.source === "naive" ? checkpointYearsSql : withTable(checkpointYearsSql, "facts_k"),
    filterParams(filters),
  ) as unknown as Promise<ReadonlyArray<CheckpointYearCount>>
