/**
 * The map's issue-21 measures per province, from counts the views already hold:
 * - `rate_eb`: cases per 100,000 population a year, the small-area (empirical-Bayes) estimate of
 *   @lao-protect/planning's SmallArea over the 18 provinces, with its interval. Denominator: the 2015
 *   census population by province (@lao-protect/domain Place.populationOf); the sources have no
 *   district population, so the measure exists at province level only. The census gives no
 *   population by ethnic group per province, so a group's rate is per 100,000 of everyone.
 * - `minority_share`: share of cases from ethnic minorities (every group but Lao) among cases whose
 *   group is recorded, with a Wilson interval.
 * - `identified`: cases identified in one setting (border checkpoint, hotline, ...), by origin province.
 * - `identified_here`: cases identified in the province (the place of identification), against the
 *   cases originating there: where many come from but few are identified, vigilance is missing.
 * Every area first goes through the one suppression rule: an area whose count is hidden or absent
 * gets no estimate, and a share is shown only when both its part and the rest reach the threshold.
 */
import { Place } from "@lao-protect/domain"
import { SmallArea } from "@lao-protect/planning"
import type { ProvinceMeasureRow } from "@lao-protect/warehouse"
import type { AreaValue } from "./choropleth.ts"
import { type Cell, suppress } from "./suppress.ts"

export const INTERVAL_LEVEL = SmallArea.defaultLevel

export interface Interval {
  readonly lower: number
  readonly upper: number
}

/**
 * Province rates per 100,000 a year over `years` years, shrunk toward the national rate. Every
 * province enters the model (its count, even hidden on screen, only moves the national prior); only
 * provinces whose count cell is shown get a value.
 */
export const ebRateValues = (
  codes: ReadonlyArray<string>,
  cellOf: (code: string) => Cell,
  counts: (code: string) => number,
  years: number,
  level = INTERVAL_LEVEL,
): Map<string, AreaValue & { readonly interval: Interval | null }> => {
  const areas = codes.flatMap((code) => {
    const p = Place.provinces.find((x) => x.code === code)
    return p
      ? [{ area: code, parent: null, cases: counts(code), population: Place.populationOf(p.code) * years }]
      : []
  })
  const est = new Map(SmallArea.globalEstimates(areas, level).map((e) => [e.area, e]))
  const out = new Map<string, AreaValue & { readonly interval: Interval | null }>()
  for (const code of codes) {
    const cell = cellOf(code)
    const e = est.get(code)
    out.set(
      code,
      cell.kind !== "value" || !e
        ? { cell, value: null, interval: null }
        : { cell, value: e.rate * 100_000, interval: { lower: e.lower * 100_000, upper: e.upper * 100_000 } },
    )
  }
  return out
}

const Z_OF_LEVEL: Readonly<Record<number, number>> = { 0.9: 1.6448536269514722, 0.95: 1.959963984540054 }

/** Wilson score interval of a proportion (z for the two-sided `level`). */
export const wilson = (part: number, whole: number, level = INTERVAL_LEVEL): Interval => {
  const z = Z_OF_LEVEL[level]
  if (z === undefined) throw new RangeError(`no normal quantile for interval level ${level}`)
  const p = part / whole
  const d = 1 + (z * z) / whole
  const centre = (p + (z * z) / (2 * whole)) / d
  const half = (z * Math.sqrt((p * (1 - p)) / whole + (z * z) / (4 * whole * whole))) / d
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) }
}

/** A share (0-100) as an area value: shown only when the part and the rest both reach k. */
export const shareValue = (
  part: number,
  whole: number,
  k: number,
): AreaValue & { readonly interval: Interval | null } => {
  if (whole <= 0) return { cell: { kind: "no_data" }, value: null, interval: null }
  if (part < k || whole - part < k) return { cell: { kind: "suppressed", k }, value: null, interval: null }
  const w = wilson(part, whole)
  return {
    cell: { kind: "value", n: part },
    value: (100 * part) / whole,
    interval: { lower: 100 * w.lower, upper: 100 * w.upper },
  }
}

export interface ProvinceTotals {
  readonly n: number
  readonly recorded: number
  readonly minority: number
  /** Cases whose identification setting is recorded. */
  readonly settingRecorded: number
  /** Cases per identification setting. */
  readonly bySetting: ReadonlyMap<string, number>
}

/** Sum the per-setting rows of `provinceMeasures` into one record per province. */
export const provinceTotals = (rows: ReadonlyArray<ProvinceMeasureRow>): Map<string, ProvinceTotals> => {
  const out = new Map<string, ProvinceTotals>()
  for (const r of rows) {
    const t = out.get(r.province) ?? {
      n: 0,
      recorded: 0,
      minority: 0,
      settingRecorded: 0,
      bySetting: new Map<string, number>(),
    }
    const bySetting = new Map(t.bySetting)
    if (r.identification_setting !== null)
      bySetting.set(r.identification_setting, (bySetting.get(r.identification_setting) ?? 0) + r.n)
    out.set(r.province, {
      n: t.n + r.n,
      recorded: t.recorded + r.ethnicity_recorded,
      minority: t.minority + r.minority,
      settingRecorded: t.settingRecorded + (r.identification_setting === null ? 0 : r.n),
      bySetting,
    })
  }
  return out
}

/** Minority share per province. */
export const minorityValues = (
  codes: ReadonlyArray<string>,
  totals: ReadonlyMap<string, ProvinceTotals>,
  k: number,
) =>
  new Map(
    codes.map((code) => {
      const t = totals.get(code)
      return [code, shareValue(t?.minority ?? 0, t?.recorded ?? 0, k)] as const
    }),
  )

/**
 * Cases identified in `setting` per province (a count through the one rule), with the share of the
 * province's cases whose setting is recorded when both parts reach k.
 */
export const identifiedValues = (
  codes: ReadonlyArray<string>,
  totals: ReadonlyMap<string, ProvinceTotals>,
  setting: string,
  k: number,
) =>
  new Map(
    codes.map((code) => {
      const t = totals.get(code)
      const n = t?.bySetting.get(setting) ?? 0
      const cell = suppress(n, k)
      const share = shareValue(n, t?.settingRecorded ?? 0, k)
      return [
        code,
        {
          cell,
          value: cell.kind === "value" ? cell.n : null,
          interval: null,
          share: share.value,
          shareInterval: share.interval,
        },
      ] as const
    }),
  )

/** Decimals a metric's values are shown with: whole counts and percentages, rates to one decimal. */
export const metricDecimals = (metric: string): number =>
  metric === "count" || metric === "identified" || metric === "identified_here" || metric === "minority_share"
    ? 0
    : 1

/** Per province: cases identified there and cases from there, each through the one rule. */
export interface IdentifiedOriginCells {
  readonly identified: Cell
  readonly origin: Cell
}

/** Cells from the cube's raw counts (planners tier) under the screen rule `k`. */
export const identifiedOriginCells = (
  rows: ReadonlyArray<{ readonly province: string; readonly identified: number; readonly origin: number }>,
  k: number,
): Map<string, IdentifiedOriginCells> =>
  new Map(
    rows.map((r) => [r.province, { identified: suppress(r.identified, k), origin: suppress(r.origin, k) }]),
  )

/** A row of a published province x year table (`province_year`, `identified_province_year`). */
export interface PublishedProvinceYear {
  readonly province: string | null
  readonly year: number | null
  readonly level: string
  readonly n: number | null
  readonly suppressed: boolean
}

/**
 * A province's published count over `[from, to]` (null = every year): the province total for every
 * year, else the sum of the published cells of the years in the span; suppressed as soon as one of
 * them is (a sum of shown cells reveals nothing new, one over hidden ones would).
 */
export const publishedSpanCells = (
  rows: ReadonlyArray<PublishedProvinceYear>,
  span: readonly [number, number] | null,
  k: number,
): Map<string, Cell> => {
  const out = new Map<string, Cell>()
  const years = rows.filter((r) => r.level === "cell" && r.year !== null).map((r) => r.year!)
  const all = span === null || (years.every((y) => y >= span[0] && y <= span[1]) && years.length > 0)
  const inSpan = (r: PublishedProvinceYear) =>
    r.level === "cell" && r.year !== null && span !== null && r.year >= span[0] && r.year <= span[1]
  const chosen = rows.filter((r) => r.province !== null && (all ? r.level === "province_total" : inSpan(r)))
  for (const r of chosen) {
    const before = out.get(r.province!)
    if (before?.kind === "suppressed") continue
    if (r.suppressed || r.n === null) out.set(r.province!, { kind: "suppressed", k })
    else {
      const n = (before?.kind === "value" ? before.n : 0) + r.n
      out.set(r.province!, n > 0 ? { kind: "value", n } : { kind: "no_data" })
    }
  }
  return out
}

/**
 * The `identified_here` measure per province: cases identified there (the mapped count), beside
 * the cases originating there and the ratio identified / originating when both counts are shown.
 */
export const identifiedHereValues = (
  codes: ReadonlyArray<string>,
  cells: ReadonlyMap<string, IdentifiedOriginCells>,
) =>
  new Map(
    codes.map((code) => {
      const c = cells.get(code) ?? { identified: { kind: "no_data" }, origin: { kind: "no_data" } }
      const ratio =
        c.identified.kind === "value" && c.origin.kind === "value" ? c.identified.n / c.origin.n : null
      return [
        code,
        {
          cell: c.identified,
          value: c.identified.kind === "value" ? c.identified.n : null,
          interval: null,
          origin: c.origin,
          ratio,
        },
      ] as const
    }),
  )
