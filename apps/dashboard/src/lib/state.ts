/**
 * The whole view state, and its query-string form: a link reproduces the view exactly. Parsing
 * accepts only known codes and values, so a hand-edited URL cannot inject anything into queries.
 */
import type { Filters } from "@lao-protect/warehouse"
import type { Lang } from "../i18n/index.ts"
import type { Method } from "./classify.ts"

export type Page = "map" | "trends" | "planning"
export const PAGES: ReadonlyArray<Page> = ["map", "trends", "planning"]
export type Level = "province" | "district"
export type Metric = "count" | "rate" | "child_rate"
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
}

/** URL parameter for each code filter. */
export const FILTER_PARAMS: { readonly [K in FilterKey]: string } = {
  victimGroup: "vg",
  sex: "sex",
  ageBand: "age",
  ethnicityFamily: "eth",
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
    page: oneOf(q.get("page"), PAGES) ?? base.page,
    lang: oneOf(q.get("lang"), ["en", "lo"] as const) ?? base.lang,
    level: oneOf(q.get("level"), ["province", "district"] as const) ?? base.level,
    metric: oneOf(q.get("metric"), ["count", "rate", "child_rate"] as const) ?? base.metric,
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
  return `?${q.toString()}`
}

export const filtersOf = (state: AppState): Filters => ({
  yearFrom: state.yearFrom,
  yearTo: state.yearTo,
  ...state.codes,
})
