/**
 * The planning page's pure logic (no React, no DuckDB): score windows from the shared year filter,
 * coverage edits and their storage form, weights, the bed-night heatmap, splitting published
 * bed-nights by the province's victim-group mix so a group scenario can apply, and the budget's case mix. Tested in test/planning.test.ts.
 */
import {
  type BedNights,
  CpnCoverage,
  type Gazetteer,
  PriorityScore,
  type ServiceDemand,
} from "@lao-protect/planning"
import type { Cell } from "../../lib/suppress.ts"
import { suppress } from "../../lib/suppress.ts"

// ---------------------------------------------------------------------------------------------
// Score windows

export interface Windows {
  readonly recent: readonly [number, number]
  readonly previous: readonly [number, number]
  readonly counts: readonly [number, number]
}

/**
 * Years the score reads, from the shared year filter (else the release's years): counts over the
 * whole range; trend = the last 3 years of the range against the 3 before them (clipped to the
 * range when it is shorter; with a single year the previous window lies before the data: trend = recent + 1).
 */
export function scoreWindows(
  years: readonly [number, number],
  yearFrom: number | null,
  yearTo: number | null,
): Windows {
  const from = Math.max(years[0], yearFrom ?? years[0])
  const to = Math.max(from, Math.min(years[1], yearTo ?? years[1]))
  const recentFrom = Math.max(from, to - 2)
  const previousTo = recentFrom - 1
  const previousFrom = Math.min(previousTo, Math.max(from, previousTo - 2))
  return { recent: [recentFrom, to], previous: [previousFrom, previousTo], counts: [from, to] }
}

// ---------------------------------------------------------------------------------------------
// Coverage edits

/** Toggle one district: an active network is removed; an uncovered or planned district becomes active. */
export function toggleCoverage(
  coverage: CpnCoverage.CpnCoverage,
  district: string,
  places: Gazetteer.Gazetteer,
): CpnCoverage.CpnCoverage {
  const existing = coverage.find((c) => c.district === district)
  if (existing?.status === "active") return coverage.filter((c) => c.district !== district)
  const d = places.districts.find((x) => x.code === district)
  if (!d) return coverage
  const row: CpnCoverage.CpnDistrict = {
    district,
    province: d.province,
    status: "active",
    source: "edited in the dashboard",
    illustrative: false,
  }
  return existing
    ? coverage.map((c) => (c.district === district ? row : c))
    : [...coverage, row].sort((a, b) => a.district.localeCompare(b.district))
}

/** The coverage in the input file's own format (what localStorage keeps and the planner can download). */
export function coverageToCsv(coverage: CpnCoverage.CpnCoverage): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)
  const rows = coverage.map((c) =>
    [
      c.district,
      "",
      c.province,
      c.status,
      c.sinceYear === undefined ? "" : String(c.sinceYear),
      cell(c.source),
      c.illustrative ? "yes" : "no",
    ].join(","),
  )
  return `${CpnCoverage.columns.join(",")}\n${rows.join("\n")}\n`
}

// ---------------------------------------------------------------------------------------------
// Weights

export function parseWeights(text: string | null): PriorityScore.Weights | null {
  if (text === null) return null
  try {
    const raw = JSON.parse(text) as Record<string, unknown>
    const w = Object.fromEntries(
      PriorityScore.componentNames.map((c) => [c, typeof raw[c] === "number" ? raw[c] : Number.NaN]),
    ) as unknown as PriorityScore.Weights
    return PriorityScore.validateWeights(w).length === 0 ? w : null
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------------
// Published planning tables

export interface BedNightCell {
  readonly province: string | null
  readonly month: string
  readonly nights: number | null
  readonly cases: number | null
  readonly suppressed: boolean
}

export interface Heatmap {
  readonly months: ReadonlyArray<string>
  readonly provinces: ReadonlyArray<string>
  /** `${province}|${month}` -> the published cell. */
  readonly cells: ReadonlyMap<string, BedNightCell>
  readonly max: number
}

export function heatmap(rows: ReadonlyArray<BedNightCell>): Heatmap {
  const months = [...new Set(rows.map((r) => r.month))].sort()
  const provinces = [...new Set(rows.flatMap((r) => (r.province === null ? [] : [r.province])))].sort()
  const cells = new Map(rows.flatMap((r) => (r.province === null ? [] : [[`${r.province}|${r.month}`, r]])))
  const max = Math.max(0, ...rows.map((r) => r.nights ?? 0))
  return { months, provinces, cells, max }
}

/** The window of a month list: first night of the first month to last night of the last month. */
export function windowOfMonths(months: ReadonlyArray<string>): BedNights.Window | null {
  const first = months[0]
  const last = months[months.length - 1]
  if (!first || !last) return null
  const [y, m] = last.split("-").map(Number) as [number, number]
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return { from: `${first}-01`, to: `${last}-${String(lastDay).padStart(2, "0")}` }
}

export type GroupMix = ReadonlyMap<string, ReadonlyMap<BedNights.StageHistory["victim_group"], number>>

/**
 * The published bed-nights carry no victim group. To let a group scenario (Thai push-backs on
 * deported_lao) apply, each known province-month is split by the province's victim-group mix in the
 * facts cube (ASSUMPTION: stays are proportional to cases; the UI says so). A province with no mix
 * keeps one row under `local_lao`, which a group multiplier does not touch. Suppressed cells are left
 * out (their demand is unknown) and listed.
 */
export function splitByGroupMix(
  rows: ReadonlyArray<BedNightCell>,
  mix: GroupMix,
): { readonly base: ReadonlyArray<BedNights.BedNightRow>; readonly unknownCells: number } {
  const base: BedNights.BedNightRow[] = []
  let unknownCells = 0
  for (const r of rows) {
    if (r.nights === null) {
      unknownCells++
      continue
    }
    const groups = r.province === null ? undefined : mix.get(r.province)
    const total = groups ? [...groups.values()].reduce((s, n) => s + n, 0) : 0
    if (!groups || total === 0) {
      base.push({
        province: r.province,
        month: r.month,
        victim_group: "local_lao",
        stage: "interim_care",
        nights: r.nights,
      })
      continue
    }
    for (const [group, n] of groups) {
      if (n === 0) continue
      base.push({
        province: r.province,
        month: r.month,
        victim_group: group,
        stage: "interim_care",
        nights: (r.nights * n) / total,
      })
    }
  }
  return { base, unknownCells }
}

// ---------------------------------------------------------------------------------------------
// Budget

export interface MixRow {
  readonly victim_group: string
  readonly is_child: boolean | null
  readonly n: number
}

/** The case mix per year (average over `years` years) the service rates apply to. */
export function caseMixPerYear(
  rows: ReadonlyArray<MixRow>,
  years: number,
): ReadonlyArray<ServiceDemand.CaseMixRow> {
  const span = Math.max(1, years)
  return rows.map((r) => ({
    victim_group: r.victim_group as ServiceDemand.CaseMixRow["victim_group"],
    age: r.is_child === true ? "child" : r.is_child === false ? "adult" : "unknown",
    cases: r.n / span,
  }))
}

/** The budget's case base as a cell: a total below k is suppressed and no budget is shown from it. */
export const caseBaseCell = (rows: ReadonlyArray<MixRow>, k: number): Cell =>
  suppress(
    rows.reduce((s, r) => s + r.n, 0),
    k,
  )

// ---------------------------------------------------------------------------------------------
// Score inputs

/**
 * Every district of the gazetteer gets a row: those with no record in the facts cube (under the
 * filters) get true zeros ("no data"), so a district nobody has reported from can still rank on its
 * distance to a network or a shelter.
 */
export function completeInputs(
  inputs: ReadonlyArray<PriorityScore.DistrictInput>,
  places: Gazetteer.Gazetteer,
): ReadonlyArray<PriorityScore.DistrictInput> {
  const known = new Set(places.districts.map((d) => d.code))
  const byCode = new Map(inputs.filter((i) => known.has(i.district)).map((i) => [i.district, i]))
  return places.districts.map(
    (d) =>
      byCode.get(d.code) ?? {
        district: d.code,
        childVictims: 0,
        recentVictims: 0,
        previousVictims: 0,
        minorityVictims: 0,
        victimsWithEthnicity: 0,
      },
  )
}

/** Why a component is unknown: a suppressed input count, or no records to compute it from. */
export function unknownReason(
  component: PriorityScore.ComponentName,
  input: PriorityScore.DistrictInput | undefined,
  flowsSuppressed: boolean,
): "suppressed" | "no_data" {
  if (!input) return "no_data"
  switch (component) {
    case "childRate":
      return input.childVictims === null ? "suppressed" : "no_data"
    case "trend":
      return input.recentVictims === null || input.previousVictims === null ? "suppressed" : "no_data"
    case "minorityShare":
      return input.minorityVictims === null || input.victimsWithEthnicity === null ? "suppressed" : "no_data"
    case "borderFlow":
      return flowsSuppressed ? "suppressed" : "no_data"
    default:
      return "no_data"
  }
}

// ---------------------------------------------------------------------------------------------
// Small-area estimates (published `area_estimates`, or computed from the facts cube on screen)

export interface EstimateCell {
  readonly level: "district" | "province"
  readonly area: string
  readonly province: string
  readonly measure: "child_victims" | "victims"
  readonly from_year: number
  readonly to_year: number
  readonly rate_per_100k: number
  readonly lower_per_100k: number
  readonly upper_per_100k: number
  readonly expected: number
  readonly expected_lower: number
  readonly expected_upper: number
  readonly weight: number
}

/**
 * District child-victim estimates for the score's years: the window that matches them exactly, else
 * the widest published window (and the caller says so).
 */
export function districtEstimates(
  rows: ReadonlyArray<EstimateCell>,
  years: readonly [number, number],
): {
  readonly byDistrict: ReadonlyMap<string, EstimateCell>
  readonly window: readonly [number, number] | null
} {
  const own = rows.filter((r) => r.level === "district" && r.measure === "child_victims")
  if (own.length === 0) return { byDistrict: new Map(), window: null }
  const exact = own.filter((r) => r.from_year === years[0] && r.to_year === years[1])
  const widest = own.reduce((a, b) => (b.to_year - b.from_year > a.to_year - a.from_year ? b : a))
  const use =
    exact.length > 0
      ? exact
      : own.filter((r) => r.from_year === widest.from_year && r.to_year === widest.to_year)
  const first = use[0]!
  return { byDistrict: new Map(use.map((r) => [r.area, r])), window: [first.from_year, first.to_year] }
}

/**
 * Which estimates the page shows: the published table when it has the score's years and no shared
 * filter is set (the same quantity the release publishes, so both tiers show the same numbers), else
 * those computed from the facts cube (planners' tier, under the filters), else the published table.
 */
export function chooseEstimates(
  published: ReadonlyArray<EstimateCell> | null | undefined,
  own: ReadonlyArray<EstimateCell> | null,
  years: readonly [number, number],
  filtered: boolean,
): { readonly rows: ReadonlyArray<EstimateCell>; readonly source: "published" | "facts" } {
  const pub = published ?? []
  const matches = pub.some(
    (r) =>
      r.level === "district" &&
      r.measure === "child_victims" &&
      r.from_year === years[0] &&
      r.to_year === years[1],
  )
  if (own && (filtered || !matches)) return { rows: own, source: "facts" }
  return { rows: pub, source: "published" }
}

/** Score inputs with the estimates attached; districts without facts get unknown (null) counts. */
export function withEstimates(
  inputs: ReadonlyArray<PriorityScore.DistrictInput> | null,
  estimates: ReadonlyMap<string, EstimateCell>,
  places: Gazetteer.Gazetteer,
): ReadonlyArray<PriorityScore.DistrictInput> {
  const base: ReadonlyArray<PriorityScore.DistrictInput> =
    inputs ??
    places.districts.map((d) => ({
      district: d.code,
      childVictims: null,
      recentVictims: null,
      previousVictims: null,
      minorityVictims: null,
      victimsWithEthnicity: null,
    }))
  return base.map((i) => {
    const e = estimates.get(i.district)
    return e
      ? {
          ...i,
          childRateEstimate: { value: e.rate_per_100k, lower: e.lower_per_100k, upper: e.upper_per_100k },
        }
      : i
  })
}

// ---------------------------------------------------------------------------------------------
// Shelter demand (published `shelter_demand` estimates)

export interface DemandCell {
  readonly province: string
  readonly grain: "quarter" | "year"
  readonly period: string
  readonly days: number
  readonly nights: number
  readonly nights_lower: number
  readonly nights_upper: number
}

export interface ShortfallCell {
  readonly province: string
  readonly period: string
  readonly places: number
  /** Average places occupied (nights / days) and its interval. */
  readonly occupied: number
  readonly occupiedLower: number
  readonly occupiedUpper: number
  /** Places missing: occupied - places, at least 0, with its interval. */
  readonly shortfall: number
  readonly shortfallLower: number
  readonly shortfallUpper: number
}

/** Periods, most recent first. */
export const periodsDesc = (cells: ReadonlyArray<{ readonly period: string }>): ReadonlyArray<string> =>
  [...new Set(cells.map((c) => c.period))].sort().reverse()

export function shortfallCells(
  demand: ReadonlyArray<DemandCell>,
  grain: "quarter" | "year",
  placesByProvince: ReadonlyMap<string, number>,
  extraNightsPerPeriod: (province: string, period: string) => number = () => 0,
): ReadonlyArray<ShortfallCell> {
  return demand
    .filter((c) => c.grain === grain)
    .map((c) => {
      const extra = extraNightsPerPeriod(c.province, c.period)
      const places = placesByProvince.get(c.province) ?? 0
      const occ = (n: number) => (n + extra) / c.days
      const short = (n: number) => Math.max(0, occ(n) - places)
      return {
        province: c.province,
        period: c.period,
        places,
        occupied: occ(c.nights),
        occupiedLower: occ(c.nights_lower),
        occupiedUpper: occ(c.nights_upper),
        shortfall: short(c.nights),
        shortfallLower: short(c.nights_lower),
        shortfallUpper: short(c.nights_upper),
      }
    })
}

/** The cell a summary sentence is about: the largest shortfall in the latest period (null when none). */
export function largestShortfall(cells: ReadonlyArray<ShortfallCell>, period?: string): ShortfallCell | null {
  const latest = period ?? periodsDesc(cells)[0]
  const inPeriod = cells.filter((c) => c.period === latest)
  const best = inPeriod.reduce<ShortfallCell | null>(
    (a, c) =>
      a === null ||
      c.shortfall > a.shortfall ||
      (c.shortfall === a.shortfall && c.shortfallUpper > a.shortfallUpper)
        ? c
        : a,
    null,
  )
  return best && best.shortfallUpper > 0 ? best : null
}

/** Whole places a planner would ask for: the interval of the shortfall rounded outward. */
export const placesNeeded = (c: ShortfallCell): readonly [number, number] => [
  Math.floor(c.shortfallLower),
  Math.ceil(c.shortfallUpper),
]
