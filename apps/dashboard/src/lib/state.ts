/**
 * The whole view state, and its query-string form: a link reproduces the view exactly. Parsing
 * accepts only known codes and values, so a hand-edited URL cannot inject anything into queries.
 */

import { IdentificationSetting } from "@lao-protect/domain"
import {
  type Filters,
  GRAINS,
  type Grain,
  TREND_BREAKDOWNS,
  type TrendBreakdown,
} from "@lao-protect/warehouse"
import type { Lang } from "../i18n/index.ts"
import type { Method } from "./classify.ts"

export type Page = "map" | "trends" | "planning" | "brief" | "review" | "quality"
/** The pages in the navigation; "brief" (the printable province brief) is reached by link or button. */
export const PAGES: ReadonlyArray<Page> = ["map", "trends", "planning"]
// "review" (record-linkage review, data managers) works on a file the user opens, reached by link
// "quality" (data quality, planners tier) is in the navigation only when the release carries it
const ALL_PAGES: ReadonlyArray<Page> = [...PAGES, "brief", "review", "quality"]
export type Level = "province" | "district"
/** What the map and trends count: cases (partner records) or persons (linked records, each once). */
export type Count = "cases" | "persons"
export type Metric = "count" | "rate" | "child_rate"
export const METRICS: ReadonlyArray<Metric> = ["count", "rate", "child_rate"]
/** The map's own measures (issue 21), on top of the metric the map and trends share (`measure=`). */
export type MapMeasure = "rate_eb" | "minority_share" | "identified" | "identified_here"
export const MAP_MEASURES: ReadonlyArray<MapMeasure> = [
  "rate_eb",
  "minority_share",
  "identified",
  "identified_here",
]
export type MapMetric = Metric | MapMeasure
/** Every choice of the map's measure list: the shared metrics, then the map's own measures. */
export const MAP_METRICS: ReadonlyArray<MapMetric> = [...METRICS, ...MAP_MEASURES]
export const isMapMeasure = (m: MapMetric): m is MapMeasure =>
  !(METRICS as ReadonlyArray<MapMetric>).includes(m)
/** What the map shows: its own measure when one is chosen, else the shared metric. */
export const mapMetricOf = (state: Pick<AppState, "metric" | "measure">): MapMetric =>
  state.measure ?? state.metric
/** Metrics with no district-level denominator or breakdown: shown at province level only. */
export const PROVINCE_ONLY_METRICS: ReadonlyArray<MapMetric> = MAP_METRICS.filter((m) => m !== "count")
export const IDENTIFICATION_SETTINGS: ReadonlyArray<string> = IdentificationSetting.codes
export type Layer = "flows" | "checkpoints" | "cpn" | "shelters"
export const LAYERS: ReadonlyArray<Layer> = ["flows", "checkpoints", "cpn", "shelters"]

export type FilterKey = Exclude<keyof Filters, "yearFrom" | "yearTo">
export type CodeFilters = { readonly [K in FilterKey]: string | null }

export interface AppState {
  readonly page: Page
  readonly lang: Lang
  readonly level: Level
  readonly metric: Metric
  readonly method: Method
  readonly yearFrom: number | null
  readonly yearTo: number | null
  readonly codes: CodeFilters
  readonly selected: string | null
  readonly layers: ReadonlyArray<Layer>
  /** Trends: period grain and breakdown. */
  readonly grain: Grain
  readonly breakdown: TrendBreakdown
  /** Presentation mode (`present=1`) and its current slide (1-based, `slide=N`). */
  readonly present: boolean
  readonly slide: number
  /** The province of the printable brief (`page=brief&province=LA01`). */
  readonly province: string | null
  /** The border checkpoint whose profile is open (`cp=T1`). */
  readonly checkpoint: string | null
  /** The map's own measure, when one is chosen instead of the shared metric (`measure=rate_eb`). */
  readonly measure: MapMeasure | null
  /** The identification setting the `identified` measure maps (`ident=hotline`); null = border checkpoint. */
  readonly ident: string | null
  /** Map and trends: cases or persons (`count=persons`). */
  readonly count: Count
}

/** URL parameter for each code filter. */
export const FILTER_PARAMS: { readonly [K in FilterKey]: string } = {
  victimGroup: "vg",
  sex: "sex",
  ageBand: "age",
  ethnicityFamily: "eth",
  ethnicGroup: "grp",
  exploitationForm: "form",
  destination: "dest",
  borderPoint: "bp",
  stage: "stage",
}
export const FILTER_KEYS = Object.keys(FILTER_PARAMS) as Array<FilterKey>

export const emptyCodes: CodeFilters = {
  victimGroup: null,
  sex: null,
  ageBand: null,
  ethnicityFamily: null,
  ethnicGroup: null,
  exploitationForm: null,
  destination: null,
  borderPoint: null,
  stage: null,
}

export const defaultState = (lang: Lang = "en"): AppState => ({
  page: "map",
  lang,
  level: "province",
  metric: "count",
  method: "quantile",
  yearFrom: null,
  yearTo: null,
  codes: emptyCodes,
  selected: null,
  layers: ["flows", "checkpoints"],
  grain: "year",
  breakdown: "total",
  present: false,
  slide: 1,
  province: null,
  checkpoint: null,
  measure: null,
  ident: null,
  count: "cases",
})

const oneOf = <A extends string>(value: string | null, allowed: ReadonlyArray<A>): A | undefined =>
  value !== null && (allowed as ReadonlyArray<string>).includes(value) ? (value as A) : undefined

const year = (value: string | null): number | null => {
  if (value === null || !/^\d{4}$/.test(value)) return null
  return Number(value)
}

export interface Allowed {
  readonly codes: { readonly [K in FilterKey]: ReadonlyArray<string> }
  readonly areas: ReadonlyArray<string>
}

export const parseState = (search: string, allowed: Allowed, fallbackLang: Lang): AppState => {
  const q = new URLSearchParams(search)
  const base = defaultState(fallbackLang)
  const codes = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, oneOf(q.get(FILTER_PARAMS[key]), allowed.codes[key]) ?? null]),
  ) as CodeFilters
  const layerParam = q.get("layers")
  return {
    page: oneOf(q.get("page"), ALL_PAGES) ?? base.page,
    lang: oneOf(q.get("lang"), ["en", "lo"] as const) ?? base.lang,
    level: oneOf(q.get("level"), ["province", "district"] as const) ?? base.level,
    metric: oneOf(q.get("metric"), METRICS) ?? base.metric,
    method: oneOf(q.get("classes"), ["quantile", "equal", "jenks"] as const) ?? base.method,
    yearFrom: year(q.get("from")),
    yearTo: year(q.get("to")),
    codes,
    selected: oneOf(q.get("sel"), allowed.areas) ?? null,
    layers:
      layerParam === null
        ? base.layers
        : layerParam
            .split(",")
            .map((l) => oneOf(l, LAYERS))
            .filter((l): l is Layer => l !== undefined),
    grain: oneOf(q.get("grain"), GRAINS) ?? base.grain,
    breakdown: oneOf(q.get("by"), TREND_BREAKDOWNS) ?? base.breakdown,
    present: q.get("present") === "1",
    slide: /^[1-9]\d{0,2}$/.test(q.get("slide") ?? "") ? Number(q.get("slide")) : base.slide,
    province:
      oneOf(
        q.get("province"),
        allowed.areas.filter((a) => a.length === 4),
      ) ?? null,
    checkpoint: oneOf(q.get("cp"), allowed.codes.borderPoint) ?? null,
    measure: oneOf(q.get("measure"), MAP_MEASURES) ?? null,
    ident: oneOf(q.get("ident"), IDENTIFICATION_SETTINGS) ?? null,
    count: oneOf(q.get("count"), ["cases", "persons"] as const) ?? base.count,
  }
}

export const serializeState = (state: AppState): string => {
  const q = new URLSearchParams()
  q.set("page", state.page)
  q.set("lang", state.lang)
  q.set("level", state.level)
  q.set("metric", state.metric)
  q.set("classes", state.method)
  if (state.yearFrom !== null) q.set("from", String(state.yearFrom))
  if (state.yearTo !== null) q.set("to", String(state.yearTo))
  for (const key of FILTER_KEYS) {
    const value = state.codes[key]
    if (value !== null) q.set(FILTER_PARAMS[key], value)
  }
  if (state.selected !== null) q.set("sel", state.selected)
  q.set("layers", state.layers.join(","))
  if (state.grain !== "year") q.set("grain", state.grain)
  if (state.breakdown !== "total") q.set("by", state.breakdown)
  if (state.present) q.set("present", "1")
  if (state.present || state.slide !== 1) q.set("slide", String(state.slide))
  if (state.province !== null) q.set("province", state.province)
  if (state.checkpoint !== null) q.set("cp", state.checkpoint)
  if (state.measure !== null) q.set("measure", state.measure)
  if (state.ident !== null) q.set("ident", state.ident)
  if (state.count !== "cases") q.set("count", state.count)
  return `?${q.toString()}`
}

export const filtersOf = (state: AppState): Filters => ({
  yearFrom: state.yearFrom,
  yearTo: state.yearTo,
  ...state.codes,
})
