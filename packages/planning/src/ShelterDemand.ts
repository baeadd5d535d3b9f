/**
 * Shelter demand that carries information at Lao volumes: stays per province and quarter (or year)
 * as small-area estimates with intervals, bed-nights = estimated stays x length of stay (by stage,
 * victim group and age class from the stage history, with a documented default where history is thin),
 * seasonality from the data, a next-year forecast with a predictive interval, and a back-test of it.
 * It deliberately does not read files or decide suppression: `shelterDemandFromWarehouse` is the
 * publish step's entry, and everything else is pure over the stay counts.
 */
import { Place } from "@lao-protect/domain"
import { bandCount } from "./Disclosure.ts"
import { defaultLevel, gammaQuantile, globalEstimates } from "./SmallArea.ts"
import type { Queryable } from "./Sql.ts"
import staysSql from "./shelter_stays.sql?raw"

export interface StayCount {
  readonly province: string | null
  readonly year: number
  readonly quarter: number
  readonly stage: "interim_care" | "return_reception"
  readonly victim_group: string | null
  readonly age_class: "child" | "adult" | "unknown"
  readonly stays: number
  readonly completed: number
  readonly nights: number
  /** Sum of the squared lengths (nights) of the completed stays: their spread, for the interval. */
  readonly nights_sq: number
}

/**
 * ASSUMPTION used where fewer than `minStays` completed stays exist for a stage, group and age class
 * (and for the stage nationally): interim care 30 nights (a month of emergency protection before
 * assessment and BID), return and reception 14 nights. Replace with the shelters' own registers.
 */
export const defaultStayNights = { interim_care: 30, return_reception: 14 } as const
export const minStays = 10
/**
 * ASSUMPTION: a documented default length of stay is uncertain by a standard error of 40% of itself
 * (log scale: its 90% interval is about half to twice the default).
 */
export const defaultStayRelativeSe = 0.4

export interface StayLength {
  readonly stage: StayCount["stage"]
  readonly victim_group: string
  readonly age_class: StayCount["age_class"]
  readonly meanNights: number
  /** Completed stays behind the mean (0 when the default was used). */
  readonly completed: number
  readonly source: "history" | "stage" | "default"
  /** Sample standard deviation of those completed stays (null for the default). */
  readonly sdNights: number | null
  /** Standard error of the mean: sd / sqrt(completed), or `defaultStayRelativeSe` x the default. */
  readonly seMean: number
}

const groupKey = (r: Pick<StayCount, "stage" | "victim_group" | "age_class">) =>
  `${r.stage}|${r.victim_group ?? "unknown"}|${r.age_class}`

/** Mean nights per stay by stage, group and age class; falls back to the stage, then to the default. */
export function stayLengths(rows: ReadonlyArray<StayCount>, min = minStays): ReadonlyArray<StayLength> {
  type Sums = { completed: number; nights: number; sq: number }
  const by = new Map<string, Sums & { r: StayCount }>()
  const stage = new Map<string, Sums>()
  for (const r of rows) {
    const k = groupKey(r)
    const v = by.get(k) ?? { completed: 0, nights: 0, sq: 0, r }
    by.set(k, {
      completed: v.completed + r.completed,
      nights: v.nights + r.nights,
      sq: v.sq + r.nights_sq,
      r,
    })
    const s = stage.get(r.stage) ?? { completed: 0, nights: 0, sq: 0 }
    stage.set(r.stage, {
      completed: s.completed + r.completed,
      nights: s.nights + r.nights,
      sq: s.sq + r.nights_sq,
    })
  }
  const fromHistory = (s: Sums) => {
    const mean = s.nights / s.completed
    const sd = Math.sqrt(Math.max(0, (s.sq - s.completed * mean * mean) / (s.completed - 1)))
    return { meanNights: mean, completed: s.completed, sdNights: sd, seMean: sd / Math.sqrt(s.completed) }
  }
  return [...by.values()]
    .map((v): StayLength => {
      const r = v.r
      const base = { stage: r.stage, victim_group: r.victim_group ?? "unknown", age_class: r.age_class }
      if (v.completed >= min) return { ...base, ...fromHistory(v), source: "history" }
      const s = stage.get(r.stage)!
      if (s.completed >= min) return { ...base, ...fromHistory(s), source: "stage" }
      const d = defaultStayNights[r.stage]
      return {
        ...base,
        meanNights: d,
        completed: 0,
        source: "default",
        sdNights: null,
        seMean: defaultStayRelativeSe * d,
      }
    })
    .sort((a, b) => groupKey(a).localeCompare(groupKey(b)))
}

/** Nights per stay of an area's mix and the standard error of that mean. */
export interface StayNights {
  readonly mean: number
  readonly se: number
}

const defaultNights = (stage: StayCount["stage"]): StayNights => ({
  mean: defaultStayNights[stage],
  se: defaultStayRelativeSe * defaultStayNights[stage],
})

/**
 * Nights per stay of a mix of stays (null when there are none), with its standard error:
 * L = sum w_g m_g over the groups' shares w_g of the stays, and Var(L) = sum over the sources of the
 * means (a group's own history, a stage's history shared by the groups that fall back to it, a
 * stage's default) of (sum of their w_g)^2 x se^2.
 */
export function stayNightsOf(
  rows: ReadonlyArray<StayCount>,
  lengths: ReadonlyArray<StayLength>,
): StayNights | null {
  return stayNightsBy(rows, new Map(lengths.map((l) => [groupKey(l), l])))
}

const stayNightsBy = (
  rows: ReadonlyArray<StayCount>,
  los: ReadonlyMap<string, StayLength>,
): StayNights | null => {
  let stays = 0
  let nights = 0
  const sources = new Map<string, { stays: number; se: number }>()
  for (const r of rows) {
    const l = los.get(groupKey(r))
    const key = !l
      ? `default|${r.stage}`
      : l.source === "history"
        ? `history|${groupKey(l)}`
        : `${l.source}|${l.stage}`
    const { mean, se } = l ? { mean: l.meanNights, se: l.seMean } : defaultNights(r.stage)
    stays += r.stays
    nights += r.stays * mean
    sources.set(key, { stays: (sources.get(key)?.stays ?? 0) + r.stays, se })
  }
  if (stays === 0) return null
  return {
    mean: nights / stays,
    se: Math.sqrt([...sources.values()].reduce((s, v) => s + (v.stays / stays) ** 2 * v.se ** 2, 0)),
  }
}

/** `stayNightsOf` for each province's own stays (all periods); a province with none gets the national mix. */
export function provinceStayNightsWithError(
  rows: ReadonlyArray<StayCount>,
  lengths: ReadonlyArray<StayLength>,
): ReadonlyMap<string, StayNights> {
  const los = new Map(lengths.map((l) => [groupKey(l), l]))
  const national = stayNightsBy(rows, los) ?? defaultNights("interim_care")
  // each province's rows in their order (the sums are the same to the last bit as a filter's)
  const byProvince = new Map<string | null, StayCount[]>()
  for (const r of rows) {
    const list = byProvince.get(r.province)
    if (list) list.push(r)
    else byProvince.set(r.province, [r])
  }
  return new Map(
    Place.provinces.map((p) => [p.code, stayNightsBy(byProvince.get(p.code) ?? [], los) ?? national]),
  )
}

/** The interval of a mean stay on the log scale (as `nightsInterval` uses it): mean x exp(-+ z se / mean). */
export const meanStayInterval = (l: StayLength, level = defaultLevel): readonly [number, number] => {
  const s = (twoSidedZ(level) * l.seMean) / l.meanNights
  return l.meanNights > 0 ? [l.meanNights * Math.exp(-s), l.meanNights * Math.exp(s)] : [0, 0]
}

/** The standard normal quantile z with P(|Z| <= z) = level (Z^2 / 2 is Gamma(1/2, 1)). */
export const twoSidedZ = (level: number): number => Math.sqrt(2 * gammaQuantile(level, 0.5))

/**
 * Interval of nights = stays x nights per stay, from the stays' interval and the mean stay's standard
 * error: on the log scale the two relative errors add in quadrature (delta method, log-normal mean
 * stay), so with se = 0 it is exactly the stays' interval times the mean stay.
 */
export function nightsInterval(
  stays: { readonly value: number; readonly lower: number; readonly upper: number },
  perStay: StayNights,
  level = defaultLevel,
): { readonly nights: number; readonly lower: number; readonly upper: number } {
  const nights = stays.value * perStay.mean
  if (!(nights > 0)) return { nights, lower: stays.lower * perStay.mean, upper: stays.upper * perStay.mean }
  const s = (twoSidedZ(level) * perStay.se) / perStay.mean
  const down = stays.lower > 0 ? Math.log(stays.value / stays.lower) : Number.POSITIVE_INFINITY
  const up = Math.log(stays.upper / stays.value)
  return {
    nights,
    lower: Number.isFinite(down) ? nights * Math.exp(-Math.hypot(down, s)) : 0,
    upper: nights * Math.exp(Math.hypot(up, s)),
  }
}

/** Nights per stay of each province's own mix of stages, groups and ages (all periods). */
export function provinceStayNights(
  rows: ReadonlyArray<StayCount>,
  lengths: ReadonlyArray<StayLength>,
): ReadonlyMap<string, number> {
  return new Map([...provinceStayNightsWithError(rows, lengths)].map(([province, l]) => [province, l.mean]))
}

export type Grain = "quarter" | "year"

export interface DemandCell {
  readonly province: string
  readonly grain: Grain
  /** "2024-Q3" or "2024". */
  readonly period: string
  readonly days: number
  readonly stays: number
  readonly staysLower: number
  readonly staysUpper: number
  readonly nights: number
  readonly nightsLower: number
  readonly nightsUpper: number
  readonly nightsPerStay: number
}

const daysIn = (year: number, quarter: number | null): number => {
  const start = Date.UTC(year, quarter === null ? 0 : (quarter - 1) * 3, 1)
  const end = Date.UTC(year, quarter === null ? 12 : quarter * 3, 1)
  return Math.round((end - start) / 86_400_000)
}

/**
 * Estimated stays per province and period: in each period the 18 provinces' stays per person are
 * shrunk toward the national rate (SmallArea.globalEstimates, population = 2015 census); nights =
 * stays x the province's nights per stay. The interval combines the stays' interval with the standard
 * error of the province's mean stay (`nightsInterval`).
 */
export function demand(
  rows: ReadonlyArray<StayCount>,
  grain: Grain,
  level = defaultLevel,
  /** The publication threshold: each province-period's stays are banded first (Disclosure). */
  band?: number,
): ReadonlyArray<DemandCell> {
  return demandBy(rows, grain, level, band, provinceStayNightsWithError(rows, stayLengths(rows)))
}

const demandBy = (
  rows: ReadonlyArray<StayCount>,
  grain: Grain,
  level: number,
  band: number | undefined,
  perStay: ReadonlyMap<string, StayNights>,
): ReadonlyArray<DemandCell> => {
  if (rows.length === 0) return []
  const years = rows.map((r) => r.year)
  const first = Math.min(...years)
  const last = Math.max(...years)
  // stays by period and province (whole numbers: the same sums in any order)
  const byPeriod = new Map<string, Map<string, number>>()
  for (const r of rows) {
    if (r.province === null) continue
    const k = grain === "quarter" ? `${r.year}-${r.quarter}` : `${r.year}`
    const counts = byPeriod.get(k) ?? new Map<string, number>()
    counts.set(r.province, (counts.get(r.province) ?? 0) + r.stays)
    byPeriod.set(k, counts)
  }
  const out: DemandCell[] = []
  for (let y = first; y <= last; y++)
    for (const q of grain === "quarter" ? [1, 2, 3, 4] : [null]) {
      const counts = byPeriod.get(q === null ? `${y}` : `${y}-${q}`) ?? new Map<string, number>()
      const days = daysIn(y, q)
      const est = globalEstimates(
        Place.provinces.map((p) => ({
          area: p.code,
          parent: null,
          cases: band === undefined ? (counts.get(p.code) ?? 0) : bandCount(counts.get(p.code) ?? 0, band),
          population: (Place.populationOf(p.code) * days) / 365,
        })),
        level,
      )
      for (const e of est) {
        const los = perStay.get(e.area)!
        const stays = e.rate * e.population
        const lo = e.lower * e.population
        const hi = e.upper * e.population
        const n = nightsInterval({ value: stays, lower: lo, upper: hi }, los, level)
        out.push({
          province: e.area,
          grain,
          period: q === null ? String(y) : `${y}-Q${q}`,
          days,
          stays,
          staysLower: lo,
          staysUpper: hi,
          nights: n.nights,
          nightsLower: n.lower,
          nightsUpper: n.upper,
          nightsPerStay: los.mean,
        })
      }
    }
  return out
}

/**
 * Share of stays starting in each quarter (all years, +1 per quarter so an empty quarter is not 0).
 * With `band` each province, year and quarter's stays are banded first (Disclosure), as publish does.
 */
export function seasonality(
  rows: ReadonlyArray<StayCount>,
  band?: number,
): readonly [number, number, number, number] {
  const cells = new Map<string, { quarter: number; stays: number }>()
  for (const r of rows) {
    const key = `${r.province}|${r.year}|${r.quarter}`
    cells.set(key, { quarter: r.quarter, stays: (cells.get(key)?.stays ?? 0) + r.stays })
  }
  const q = [1, 1, 1, 1]
  for (const c of cells.values()) q[c.quarter - 1]! += band === undefined ? c.stays : bandCount(c.stays, band)
  const total = q.reduce((s, x) => s + x, 0)
  return q.map((x) => x / total) as unknown as readonly [number, number, number, number]
}

export interface Forecast {
  readonly year: number
  /** Predicted stays in the year and its predictive interval (Gamma-Poisson). */
  readonly stays: number
  readonly lower: number
  readonly upper: number
  /** Yearly growth used (clamped to 0.5..2). */
  readonly growth: number
  /** Quasi-Poisson dispersion of past years around their trailing 3-year mean (>= 1). */
  readonly dispersion: number
}

/**
 * Pearson dispersion of each year around the mean of the 3 years before it: year-to-year swings
 * beyond Poisson noise (policy changes, push-back waves) widen the interval by sqrt(dispersion).
 */
export function dispersionOf(
  series: ReadonlyArray<{ readonly year: number; readonly stays: number }>,
): number {
  const ys = series.map((s) => s.stays)
  let chi = 0
  let k = 0
  for (let i = 3; i < ys.length; i++) {
    const m = (ys[i - 1]! + ys[i - 2]! + ys[i - 3]!) / 3
    if (m <= 0) continue
    chi += (ys[i]! - m) ** 2 / m
    k++
  }
  return k < 2 ? 1 : Math.max(1, chi / (k - 1))
}

/**
 * Next year's stays from a yearly series: the mean of the last 3 years times the growth per year
 * (3-year means, recent over previous, ^(1/3)) for the 2 years from the middle of the window, with a
 * Gamma-Poisson predictive interval: the yearly rate ~ Gamma(sum + 0.5, 3 / factor), the count Poisson,
 * widened around the forecast by sqrt(dispersionOf(series)) (quasi-Poisson).
 */
export function forecastYear(
  series: ReadonlyArray<{ readonly year: number; readonly stays: number }>,
  level = defaultLevel,
): Forecast | null {
  const sorted = [...series].sort((a, b) => a.year - b.year)
  if (sorted.length === 0) return null
  const last = sorted[sorted.length - 1]!.year
  const at = (y: number) => sorted.find((s) => s.year === y)?.stays ?? 0
  const recent = [last - 2, last - 1, last].filter((y) => y >= sorted[0]!.year)
  const previous = [last - 5, last - 4, last - 3].filter((y) => y >= sorted[0]!.year)
  const sumRecent = recent.reduce((s, y) => s + at(y), 0)
  const meanRecent = sumRecent / recent.length
  const growth =
    previous.length === 3
      ? Math.min(
          2,
          Math.max(0.5, ((sumRecent + 1) / (previous.reduce((s, y) => s + at(y), 0) + 1)) ** (1 / 3)),
        )
      : 1
  const factor = growth ** ((recent.length + 1) / 2)
  const shape = sumRecent + 0.5
  const rate = recent.length / factor
  const tail = (1 - level) / 2
  const mean = meanRecent * factor
  const dispersion = dispersionOf(sorted)
  const widen = Math.sqrt(dispersion)
  return {
    year: last + 1,
    stays: mean,
    lower: Math.max(0, Math.floor(mean - widen * (mean - negBinQuantile(tail, shape, rate)))),
    upper: Math.ceil(mean + widen * (negBinQuantile(1 - tail, shape, rate) - mean)),
    growth,
    dispersion,
  }
}

/** Quantile of the Gamma(shape, rate)-Poisson mixture (negative binomial). */
export function negBinQuantile(p: number, shape: number, rate: number): number {
  const q = rate / (rate + 1)
  let logPmf = shape * Math.log(q)
  let cdf = Math.exp(logPmf)
  let k = 0
  while (cdf < p && k < 1_000_000) {
    logPmf += Math.log((k + shape) / (k + 1)) + Math.log(1 - q)
    k++
    cdf += Math.exp(logPmf)
  }
  return k
}

export interface BackTestRow {
  readonly year: number
  readonly actual: number
  readonly forecast: number
  readonly lower: number
  readonly upper: number
  readonly inside: boolean
}

/** Forecast each year from the years before it (at least `minHistory`), against what happened. */
export function backTest(
  series: ReadonlyArray<{ readonly year: number; readonly stays: number }>,
  minHistory = 3,
  level = defaultLevel,
): {
  readonly rows: ReadonlyArray<BackTestRow>
  /** Mean absolute percentage error over years with actual > 0. */
  readonly mape: number | null
  readonly meanAbsoluteError: number | null
  /** Share of years whose actual fell inside the interval. */
  readonly coverage: number | null
} {
  const sorted = [...series].sort((a, b) => a.year - b.year)
  const rows: BackTestRow[] = []
  for (let i = minHistory; i < sorted.length; i++) {
    const f = forecastYear(sorted.slice(0, i), level)
    const actual = sorted[i]!
    if (!f || f.year !== actual.year) continue
    rows.push({
      year: actual.year,
      actual: actual.stays,
      forecast: f.stays,
      lower: f.lower,
      upper: f.upper,
      inside: actual.stays >= f.lower && actual.stays <= f.upper,
    })
  }
  const pos = rows.filter((r) => r.actual > 0)
  return {
    rows,
    mape:
      pos.length === 0
        ? null
        : pos.reduce((s, r) => s + Math.abs(r.forecast - r.actual) / r.actual, 0) / pos.length,
    meanAbsoluteError:
      rows.length === 0 ? null : rows.reduce((s, r) => s + Math.abs(r.forecast - r.actual), 0) / rows.length,
    coverage: rows.length === 0 ? null : rows.filter((r) => r.inside).length / rows.length,
  }
}

/** Yearly stays by province (null = every province) from the stay counts. */
export function yearlySeries(
  rows: ReadonlyArray<StayCount>,
  province: string | null = null,
): ReadonlyArray<{ year: number; stays: number }> {
  if (rows.length === 0) return []
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY
  const sums = new Map<number, number>()
  for (const r of rows) {
    first = Math.min(first, r.year)
    last = Math.max(last, r.year)
    if (province === null || r.province === province) sums.set(r.year, (sums.get(r.year) ?? 0) + r.stays)
  }
  const out: Array<{ year: number; stays: number }> = []
  for (let y = first; y <= last; y++) out.push({ year: y, stays: sums.get(y) ?? 0 })
  return out
}

export interface ForecastCell {
  /** null = national. */
  readonly province: string | null
  readonly period: string
  readonly nights: number
  readonly lower: number
  readonly upper: number
  /** The same period a year earlier (estimated nights; the national figure is the sum of stays x nights per stay). */
  readonly lastYear: number
}

/**
 * Next year's bed-nights by province and quarter: the province's yearly forecast, spread over quarters
 * by the national seasonality, times its nights per stay. Interval: the yearly interval's share.
 */
export function forecastNights(
  rows: ReadonlyArray<StayCount>,
  level = defaultLevel,
  /** The publication threshold: a province's yearly stays are banded first (the national series is not). */
  band?: number,
): ReadonlyArray<ForecastCell> {
  if (rows.length === 0) return []
  const lengths = stayLengths(rows)
  const perStay = provinceStayNightsWithError(rows, lengths)
  return forecastNightsBy(
    rows,
    level,
    band,
    lengths,
    perStay,
    demandBy(rows, "quarter", level, band, perStay),
  )
}

const forecastNightsBy = (
  rows: ReadonlyArray<StayCount>,
  level: number,
  band: number | undefined,
  lengths: ReadonlyArray<StayLength>,
  perStay: ReadonlyMap<string, StayNights>,
  quarterly: ReadonlyArray<DemandCell>,
): ReadonlyArray<ForecastCell> => {
  if (rows.length === 0) return []
  const season = seasonality(rows, band)
  const out: ForecastCell[] = []
  const national = forecastYear(yearlySeries(rows), level)
  const banded = (series: ReadonlyArray<{ year: number; stays: number }>) =>
    band === undefined ? series : series.map((s) => ({ year: s.year, stays: bandCount(s.stays, band) }))
  const lastYearOf = (province: string | null, period: string) => {
    const [y, q] = period.split("-Q")
    const prev = `${Number(y) - 1}-Q${q}`
    return quarterly
      .filter((c) => c.period === prev && (province === null || c.province === province))
      .reduce((s, c) => s + c.nights, 0)
  }
  const nationalPerStay =
    stayNightsOf(
      rows.filter((r) => r.province !== null),
      lengths,
    ) ?? defaultNights("interim_care")
  for (const province of [null, ...Place.provinces.map((p) => p.code)]) {
    const f = province === null ? national : forecastYear(banded(yearlySeries(rows, province)), level)
    if (!f) continue
    const los = province === null ? nationalPerStay : perStay.get(province)!
    const n = nightsInterval({ value: f.stays, lower: f.lower, upper: f.upper }, los, level)
    season.forEach((share, i) => {
      const period = `${f.year}-Q${i + 1}`
      out.push({
        province,
        period,
        nights: n.nights * share,
        lower: n.lower * share,
        upper: n.upper * share,
        lastYear: lastYearOf(province, period),
      })
    })
  }
  return out
}

export const staysFromWarehouse = (conn: Queryable): Promise<ReadonlyArray<StayCount>> =>
  conn.query<StayCount & Record<string, unknown>>(staysSql)

const sig = (x: number) => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(2)))

/**
 * The publish step's shelter tables: estimates rounded to 2 significant digits, counts (completed
 * stays behind a length of stay, a year's national stays in the back-test) null below `threshold`.
 */
export async function shelterTablesForPublication(
  conn: Queryable,
  options: { readonly threshold: number; readonly level?: number },
) {
  const rows = await staysFromWarehouse(conn)
  const level = options.level ?? defaultLevel
  const small = (n: number) => (n < options.threshold ? null : n)
  const lengths = stayLengths(rows)
  const perStay = provinceStayNightsWithError(rows, lengths)
  const quarterly = demandBy(rows, "quarter", level, options.threshold, perStay)
  const cells = [...quarterly, ...demandBy(rows, "year", level, options.threshold, perStay)]
  const bt = backTest(yearlySeries(rows), 3, level)
  return {
    shelter_demand: cells.map((c) => ({
      province: c.province,
      grain: c.grain,
      period: c.period,
      days: c.days,
      stays: sig(c.stays),
      stays_lower: sig(c.staysLower),
      stays_upper: sig(c.staysUpper),
      nights: sig(c.nights),
      nights_lower: sig(c.nightsLower),
      nights_upper: sig(c.nightsUpper),
      nights_per_stay: sig(c.nightsPerStay),
      level_pct: level,
    })),
    shelter_forecast: forecastNightsBy(rows, level, options.threshold, lengths, perStay, quarterly).map(
      (c) => ({
        province: c.province,
        period: c.period,
        nights: sig(c.nights),
        nights_lower: sig(c.lower),
        nights_upper: sig(c.upper),
        last_year_nights: sig(c.lastYear),
        level_pct: level,
      }),
    ),
    length_of_stay: lengths.map((l) => ({
      stage: l.stage,
      victim_group: l.victim_group,
      age_class: l.age_class,
      mean_nights: sig(l.meanNights),
      mean_nights_lower: sig(meanStayInterval(l, level)[0]),
      mean_nights_upper: sig(meanStayInterval(l, level)[1]),
      completed: l.source === "history" ? small(l.completed) : null,
      source: l.source,
    })),
    shelter_backtest: publishedBackTest(bt.rows, options.threshold),
  }
}

/**
 * The back-test as published: a year's actual stays below `threshold` are withheld, and so is
 * everything that would give them back (the error against the published forecast, and whether they
 * fell inside its interval).
 */
export const publishedBackTest = (rows: ReadonlyArray<BackTestRow>, threshold: number) =>
  rows.map((r) => {
    const shown = r.actual >= threshold
    return {
      year: r.year,
      actual: shown ? r.actual : null,
      forecast: sig(r.forecast),
      lower: r.lower,
      upper: r.upper,
      inside: shown ? r.inside : null,
      abs_pct_error: shown && r.actual > 0 ? sig(Math.abs(r.forecast - r.actual) / r.actual) : null,
    }
  })
