/**
 * From the trend view's raw counts to what is drawn: every period between the first and last year
 * (a period with no records is "no data", not skipped and not 0), each count through the one
 * suppression rule (with complementary suppression across the categories of a period), rates per
 * 100,000, and year-on-year change that is never computed across a suppressed or empty period.
 */
import type { Grain, TrendCount } from "@lao-protect/warehouse"
import { type Cell, suppress, suppressSeries } from "../../lib/suppress.ts"

export const PERIODS_PER_YEAR: { readonly [G in Grain]: number } = { year: 1, quarter: 4, month: 12 }

export const periodKey = (grain: Grain, year: number, sub: number): string =>
  grain === "year"
    ? String(year)
    : grain === "quarter"
      ? `${year}-Q${sub}`
      : `${year}-${String(sub).padStart(2, "0")}`

export interface Period {
  readonly key: string
  readonly year: number
  readonly sub: number
}

/** Every period from the start of `fromYear` to the end of `toYear`, in order. */
export const periodsBetween = (grain: Grain, fromYear: number, toYear: number): Array<Period> => {
  const out: Array<Period> = []
  const per = PERIODS_PER_YEAR[grain]
  for (let year = fromYear; year <= toYear; year++) {
    for (let i = 1; i <= per; i++) {
      const sub = grain === "year" ? 0 : i
      out.push({ key: periodKey(grain, year, sub), year, sub })
    }
  }
  return out
}

export interface TrendSeries {
  readonly grain: Grain
  readonly periods: ReadonlyArray<Period>
  /** Category codes in display order (largest total first); "total" for the total. */
  readonly categories: ReadonlyArray<string>
  /** cells[category][i] is the cell of periods[i]. */
  readonly cells: ReadonlyMap<string, ReadonlyArray<Cell>>
  /** Raw counts, only for categories not shown: used for ordering, never drawn. */
  readonly hidden: number
}

export const UNKNOWN = "unknown"
/** The series that sums every category beyond the top ones (not a code of any vocabulary). */
export const OTHER = "_other"

/**
 * Periods x categories from the view rows. Categories beyond `top` (by total) are summed into one
 * `OTHER` series (their cases are also counted in `hidden`); `always` categories are present even
 * with no records (e.g. all 18 provinces). With more than one category, each period gets
 * complementary suppression over the series drawn.
 */
export const buildSeries = (
  rows: ReadonlyArray<TrendCount>,
  grain: Grain,
  years: readonly [number, number],
  k: number,
  top = 8,
  always: ReadonlyArray<string> = [],
): TrendSeries => {
  const periods = periodsBetween(grain, years[0], years[1])
  const index = new Map(periods.map((p, i) => [p.key, i]))
  const raw = new Map<string, Array<number>>(always.map((c) => [c, periods.map(() => 0)]))
  for (const r of rows) {
    const i = index.get(periodKey(grain, r.year, r.sub))
    if (i === undefined) continue
    const cat = r.category ?? UNKNOWN
    let arr = raw.get(cat)
    if (!arr) {
      arr = periods.map(() => 0)
      raw.set(cat, arr)
    }
    arr[i] = (arr[i] ?? 0) + r.n
  }
  const totalOf = (c: string) => (raw.get(c) ?? []).reduce((a, b) => a + b, 0)
  const ordered = [...raw.keys()].sort((a, b) => totalOf(b) - totalOf(a) || a.localeCompare(b))
  const rest = ordered.slice(top)
  const categories = rest.length > 0 ? [...ordered.slice(0, top), OTHER] : ordered
  const hidden = rest.reduce((a, c) => a + totalOf(c), 0)
  const cells = new Map<string, Array<Cell>>(categories.map((c) => [c, []]))
  periods.forEach((_, i) => {
    const column = categories.map((c) => ({
      c,
      n: c === OTHER ? rest.reduce((a, r) => a + (raw.get(r)?.[i] ?? 0), 0) : (raw.get(c)?.[i] ?? 0),
    }))
    const suppressed =
      ordered.length > 1 ? suppressSeries(column, k) : column.map((x) => ({ ...x, cell: suppress(x.n, k) }))
    for (const s of suppressed) cells.get(s.c)?.push(s.cell)
  })
  return { grain, periods, categories, cells, hidden }
}

export type Change =
  | { readonly kind: "value"; readonly pct: number }
  | { readonly kind: "not_computed"; readonly reason: "first" | "suppressed" | "no_data" }

/**
 * Change against the same period one year earlier, in percent. Not computed when either side is
 * suppressed (that would reveal it) or has no data, or when there is no earlier year.
 */
export const yearOnYear = (cells: ReadonlyArray<Cell>, grain: Grain): Array<Change> => {
  const lag = PERIODS_PER_YEAR[grain]
  return cells.map((cell, i) => {
    const prev = cells[i - lag]
    if (prev === undefined) return { kind: "not_computed", reason: "first" }
    if (cell.kind === "suppressed" || prev.kind === "suppressed")
      return { kind: "not_computed", reason: "suppressed" }
    if (cell.kind !== "value" || prev.kind !== "value") return { kind: "not_computed", reason: "no_data" }
    return { kind: "value", pct: ((cell.n - prev.n) / prev.n) * 100 }
  })
}

/** A per-100,000 rate of a shown value; suppressed and no-data cells have none. */
export const rateOf = (cell: Cell, population: number): number | null =>
  cell.kind === "value" && population > 0 ? (cell.n / population) * 100_000 : null
