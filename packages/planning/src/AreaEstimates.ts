/**
 * Area estimates: the small-area model (SmallArea) applied to victims by district of origin, for the
 * year windows planners read (whole span, last 3 years, the 3 before, each year). Computed at publish
 * from the warehouse's unsuppressed cases (`areaEstimatesFromWarehouse`) and published as rates and
 * expected cases with intervals, never as counts; the planners' tier recomputes them on screen from
 * the facts cube under its filters (`areaEstimatesFromFacts`).
 * Measures: `child_victims` per 100,000 children (district children from the Gazetteer) and `victims`
 * per 100,000 people (children / the domain's assumed under-18 share).
 * It deliberately does not read files or write tables: the CLI turns the rows into a release table.
 */
import { Place } from "@lao-protect/domain"
import { CODE_FILTER_KEYS } from "@lao-protect/warehouse"
import { bandCount } from "./Disclosure.ts"
import warehouseSql from "./district_year_victims.sql?raw"
import factsSql from "./district_year_victims_from_facts.sql?raw"
import type { FactsFilters } from "./FactsInputs.ts"
import { districtChildPopulation, type Gazetteer } from "./Gazetteer.ts"
import { defaultLevel, hierarchicalEstimates } from "./SmallArea.ts"
import type { Queryable } from "./Sql.ts"

export const measures = ["child_victims", "victims"] as const
export type Measure = (typeof measures)[number]

export interface DistrictYearCount {
  readonly district: string
  readonly year: number
  readonly child_victims: number
  readonly victims: number
}

export interface YearWindow {
  readonly from: number
  readonly to: number
}

export interface AreaEstimate {
  readonly level: "district" | "province"
  readonly area: string
  readonly province: string
  readonly measure: Measure
  readonly from_year: number
  readonly to_year: number
  /** Population at risk over one year (children or people). */
  readonly population: number
  readonly rate_per_100k: number
  readonly lower_per_100k: number
  readonly upper_per_100k: number
  /** Estimated victims in the window (rate x population x years) and its interval. */
  readonly expected: number
  readonly expected_lower: number
  readonly expected_upper: number
  /** Share of the estimate that comes from the area's own data (0 = all province/nation). */
  readonly weight: number
  /** Interval level, e.g. 0.9. */
  readonly level_pct: number
}

/** Whole span, the last 3 years, the 3 before them, and every single year. */
export function estimateWindows(first: number, last: number): ReadonlyArray<YearWindow> {
  if (!(Number.isInteger(first) && Number.isInteger(last) && first <= last)) return []
  const out: YearWindow[] = [{ from: first, to: last }]
  const r0 = Math.max(first, last - 2)
  out.push({ from: r0, to: last })
  if (r0 > first) out.push({ from: Math.max(first, r0 - 3), to: r0 - 1 })
  for (let y = first; y <= last; y++) out.push({ from: y, to: y })
  const seen = new Set<string>()
  return out.filter((w) => {
    const k = `${w.from}-${w.to}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/**
 * Estimates for every district of the gazetteer (a district with no record has 0 cases, and still an
 * estimate) and its province, per window and measure. Counts of districts the gazetteer does not know
 * are left out. With `band` (the publication threshold) each district's count in a window is replaced
 * by its band's middle first (`Disclosure.bandCount`), as publish does.
 */
export function areaEstimates(
  counts: ReadonlyArray<DistrictYearCount>,
  places: Gazetteer,
  windows: ReadonlyArray<YearWindow>,
  level = defaultLevel,
  band?: number,
): ReadonlyArray<AreaEstimate> {
  const banded = (n: number) => (band === undefined ? n : bandCount(n, band))
  const share = Place.childPopulationEstimate.under18Share
  const pops = places.districts.flatMap((d) => {
    const p = districtChildPopulation(places, d.code)
    return p && p.value > 0 ? [{ district: d.code, province: d.province, children: p.value }] : []
  })
  const out: AreaEstimate[] = []
  for (const w of windows) {
    const years = w.to - w.from + 1
    const sums = new Map<string, { child: number; all: number }>()
    for (const c of counts) {
      if (c.year < w.from || c.year > w.to) continue
      const s = sums.get(c.district) ?? { child: 0, all: 0 }
      sums.set(c.district, { child: s.child + c.child_victims, all: s.all + c.victims })
    }
    for (const measure of measures) {
      const pyears = (children: number) => (measure === "child_victims" ? children : children / share) * years
      const { provinces, districts } = hierarchicalEstimates(
        pops.map((p) => {
          const s = sums.get(p.district)
          return {
            area: p.district,
            parent: p.province,
            cases: banded(measure === "child_victims" ? (s?.child ?? 0) : (s?.all ?? 0)),
            population: pyears(p.children),
          }
        }),
        level,
      )
      for (const [lvl, rows] of [
        ["province", provinces],
        ["district", districts],
      ] as const)
        for (const e of rows)
          out.push({
            level: lvl,
            area: e.area,
            province: lvl === "province" ? e.area : (e.parent ?? ""),
            measure,
            from_year: w.from,
            to_year: w.to,
            population: e.population / years,
            rate_per_100k: e.rate * 100_000,
            lower_per_100k: e.lower * 100_000,
            upper_per_100k: e.upper * 100_000,
            expected: e.rate * e.population,
            expected_lower: e.lower * e.population,
            expected_upper: e.upper * e.population,
            weight: e.weight,
            level_pct: level,
          })
    }
  }
  return out
}

/** Round to `digits` significant digits (what the public release carries). */
export const significant = (x: number, digits = 2): number =>
  x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits))

/**
 * For the publication: estimates from the warehouse's unsuppressed `cases`, each district's count in
 * a window banded at `threshold` (Disclosure: rounding alone let a reader solve the posterior back to
 * the count), every number rounded to 2 significant digits.
 */
export async function areaEstimatesFromWarehouse(
  conn: Queryable,
  places: Gazetteer,
  options: { readonly level?: number; readonly threshold?: number } = {},
): Promise<ReadonlyArray<AreaEstimate>> {
  const counts = await conn.query<DistrictYearCount & Record<string, unknown>>(warehouseSql)
  if (counts.length === 0) return []
  const years = counts.map((c) => c.year)
  const rows = areaEstimates(
    counts,
    places,
    estimateWindows(Math.min(...years), Math.max(...years)),
    options.level ?? defaultLevel,
    options.threshold ?? 10,
  )
  return rows.map((r) => ({
    ...r,
    population: Math.round(r.population),
    rate_per_100k: significant(r.rate_per_100k),
    lower_per_100k: significant(r.lower_per_100k),
    upper_per_100k: significant(r.upper_per_100k),
    expected: significant(r.expected),
    expected_lower: significant(r.expected_lower),
    expected_upper: significant(r.expected_upper),
    weight: significant(r.weight),
  }))
}

/** The planners' tier: counts from the facts cube under the dashboard's filters, then `areaEstimates`. */
export async function districtYearCountsFromFacts(
  conn: Queryable,
  filters: FactsFilters = {},
): Promise<ReadonlyArray<DistrictYearCount>> {
  return conn.query<DistrictYearCount & Record<string, unknown>>(
    factsSql,
    CODE_FILTER_KEYS.map((k) => filters[k] ?? null),
  )
}
