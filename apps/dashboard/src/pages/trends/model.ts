/** From view rows to chart series for one breakdown, grain and measure (shared by Trends, slides and the brief). */
import {
  type GlotipMeasureMapping,
  type Grain,
  glotipMeasureMapping,
  type OfficialStat,
  selectorMatches,
  type TrendBreakdown,
  type TrendCount,
} from "@lao-protect/warehouse"
import { provinceByCode } from "../../data/reference.ts"
import { type Lang, REVIEW_MARK, type T } from "../../i18n/index.ts"
import type { Metric } from "../../lib/state.ts"
import { type Cell, suppress } from "../../lib/suppress.ts"
import {
  categoryLabel,
  isChildCategory,
  nationalChildPopulation,
  nationalPopulation,
  PALETTE,
  REFERENCE_COLOUR,
} from "./labels.ts"
import { buildSeries, type Period, periodsBetween, type TrendSeries } from "./series.ts"
import type { ChartSeries } from "./TrendChart.tsx"

export const yearsOf = (
  rows: ReadonlyArray<TrendCount>,
  from: number | null,
  to: number | null,
  published: readonly [number, number] | null,
): readonly [number, number] | null => {
  const ys = rows.map((r) => r.year)
  const lo = from ?? published?.[0] ?? (ys.length ? Math.min(...ys) : null)
  const hi = to ?? published?.[1] ?? (ys.length ? Math.max(...ys) : null)
  return lo === null || hi === null || lo > hi ? null : [lo, hi]
}

const populationFor = (breakdown: TrendBreakdown, code: string, metric: Metric): number | null => {
  if (metric === "count") return null
  if (breakdown === "province") {
    const p = provinceByCode.get(code)
    if (!p) return null
    return metric === "child_rate" ? p.childPopulation : p.population
  }
  return metric === "child_rate" || isChildCategory(breakdown, code)
    ? nationalChildPopulation
    : nationalPopulation
}

export interface TrendModel {
  readonly series: TrendSeries
  readonly chart: ReadonlyArray<ChartSeries>
}

export const trendModel = (
  rows: ReadonlyArray<TrendCount>,
  breakdown: TrendBreakdown,
  grain: Grain,
  years: readonly [number, number],
  metric: Metric,
  k: number,
  lang: Lang,
  t: T,
  top = 8,
  always: ReadonlyArray<string> = [],
): TrendModel => {
  const series = buildSeries(rows, grain, years, k, top, always)
  const chart = series.categories.map((code, i) => ({
    key: code,
    label: categoryLabel(breakdown, code, lang, t),
    colour: PALETTE[i % PALETTE.length] ?? "#000",
    cells: series.cells.get(code) ?? [],
    population: populationFor(breakdown, code, metric),
  }))
  return { series, chart }
}

const matches = (m: GlotipMeasureMapping, s: OfficialStat): boolean => {
  const g = m.glotip
  const eq = selectorMatches
  return (
    eq(g.indicator, s.indicator) &&
    eq(g.dimension, s.dimension) &&
    eq(g.category, s.category) &&
    eq(g.sex, s.sex) &&
    eq(g.age, s.age) &&
    eq(g.unit, s.unit)
  )
}

export const mappingOf = (measure: string): GlotipMeasureMapping | undefined =>
  glotipMeasureMapping.find((m) => m.measure === measure)

/** One official cell: a value as published (no threshold), "<5" as suppressed below 5, else no data. */
export const officialCell = (s: OfficialStat | undefined): Cell =>
  s === undefined || s.missing
    ? { kind: "no_data" }
    : s.suppressed
      ? { kind: "suppressed", k: s.suppressed_below ?? 5 }
      : s.value === null
        ? { kind: "no_data" }
        : { kind: "value", n: s.value }

export const officialStatFor = (
  stats: ReadonlyArray<OfficialStat>,
  measure: string,
  year: number,
): OfficialStat | undefined => {
  const m = mappingOf(measure)
  return m ? stats.find((s) => s.year === year && matches(m, s)) : undefined
}

/** The GLOTIP series of a measure over yearly periods, as a dashed reference line. */
export const officialSeries = (
  stats: ReadonlyArray<OfficialStat>,
  measure: string,
  periods: ReadonlyArray<Period>,
  label: string,
): ChartSeries | null => {
  const cells = periods.map((p) => officialCell(officialStatFor(stats, measure, p.year)))
  if (cells.every((c) => c.kind === "no_data")) return null
  return {
    key: `official-${measure}`,
    label,
    colour: REFERENCE_COLOUR,
    cells,
    population: null,
    dashed: true,
    gapsUnpublished: true,
  }
}

export { periodsBetween }

/** A mapping's note as the UI shows it: in Lao the sourced translation, else the English with the review mark. */
export const officialNote = (m: Pick<GlotipMeasureMapping, "note" | "noteLo">, lang: Lang): string =>
  lang === "lo" ? (m.noteLo?.text ?? `${m.note} ${REVIEW_MARK}`) : m.note

export interface OfficialRow {
  readonly measure: string
  readonly year: number
  /** Our count, under the current filters (no data in a year without our cases). */
  readonly ours: Cell
  readonly theirs: Cell
  /** False for a year the official figures cover and our case data does not. */
  readonly inOurYears: boolean
}

/**
 * The official figures of the shown measures over every year they cover (their own years, not only
 * our case data's), each beside our count for that year: two columns, never one series.
 */
export const officialRows = (
  stats: ReadonlyArray<OfficialStat>,
  ours: ReadonlyArray<{ readonly year: number } & Readonly<Record<string, number>>>,
  measures: ReadonlyArray<string>,
  ourYears: readonly [number, number],
  k: number,
): Array<OfficialRow> => {
  const years = [...new Set(stats.map((s) => s.year))].sort((a, b) => a - b)
  return measures.flatMap((measure) => {
    const m = mappingOf(measure)
    if (!m || m.match === "not_comparable") return []
    return years.flatMap((year) => {
      const stat = officialStatFor(stats, measure, year)
      if (!stat) return []
      const inOurYears = year >= ourYears[0] && year <= ourYears[1]
      const n = inOurYears ? ours.find((o) => o.year === year)?.[measure] : undefined
      return [{ measure, year, ours: suppress(n, k), theirs: officialCell(stat), inOurYears }]
    })
  })
}
