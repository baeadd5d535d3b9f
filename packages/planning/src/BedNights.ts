/**
 * Shelter demand in bed-nights by province and month, from case stage histories, and the shortfall
 * against the places listed in the shelters file. Scenario controls (multipliers per victim group,
 * one-off events) are applied on top of the measured demand and reported line by line.
 *
 * Stays (from the CaseRow stage dates, per the National Guideline's stages):
 *   interim care       interim_care_date -> the next recorded date after it among assessment, bid,
 *                      return, reintegration, follow_up, closed and exit dates
 *   return & reception return_date -> reintegration_date (else the next of follow_up, closed, exit)
 *   A stay with no end date is open and runs to the end of the window (`to`).
 * Night counting: a night belongs to the calendar date on which it begins. A stay from day A to day
 * B uses the nights of A, A+1, ..., B-1: arriving 28 Jan and leaving 3 Feb gives 4 nights in January
 * (28, 29, 30, 31) and 2 in February (1, 2); a same-day stay (A = B) uses no night. The window
 * [from, to] is inclusive: only nights dated from..to count; an open stay counts through `to`.
 * Province of the stay (CaseRow has no place of identification): interim care in the province of
 * the exploitation district when given (internal cases), else of origin; return & reception in the
 * province of origin. origin_province falls back to the first four characters of origin_district
 * (P-codes nest: LA0101 is in LA01). Unknown province -> `province: null`, still counted.
 * The same rules are in bed_nights_by_province_month.sql (tested equal).
 * It deliberately does not read the warehouse itself: `bedNightsFromWarehouse` runs the SQL.
 */

import sql from "./bed_nights_by_province_month.sql?raw"
import casesSql from "./bed_nights_cases_by_province_month.sql?raw"
import { dayNumber, daysOfMonthWithin, isoOfDay, splitByMonth } from "./internal/dates.ts"
import type { VictimGroupCode } from "./internal/vocab.ts"
import type { Queryable } from "./Sql.ts"

/** The CaseRow columns bed-nights need (ISO dates). Extra CaseRow fields are ignored. */
export interface StageHistory {
  readonly victim_group: VictimGroupCode
  readonly origin_province?: string | null
  readonly origin_district?: string | null
  readonly exploitation_district?: string | null
  readonly identification_date: string
  readonly interim_care_date?: string | null
  readonly assessment_date?: string | null
  readonly bid_date?: string | null
  readonly return_date?: string | null
  readonly reintegration_date?: string | null
  readonly follow_up_date?: string | null
  readonly closed_date?: string | null
  readonly exit_date?: string | null
}

export type StayKind = "interim_care" | "return_reception"

export interface BedNightRow {
  readonly province: string | null
  /** YYYY-MM */
  readonly month: string
  readonly victim_group: VictimGroupCode
  readonly stage: StayKind
  readonly nights: number
}

export interface Window {
  /** First night counted, YYYY-MM-DD (inclusive). */
  readonly from: string
  /** Last night counted, YYYY-MM-DD (inclusive). */
  readonly to: string
}

interface Stay {
  readonly kind: StayKind
  readonly province: string | null
  readonly start: string
  readonly end: string | null
}

const present = (d: string | null | undefined): d is string => typeof d === "string" && d !== ""

const nextAfter = (start: string, candidates: ReadonlyArray<string | null | undefined>): string | null => {
  const later = candidates.filter(present).filter((d) => d >= start)
  return later.sort()[0] ?? null
}

export function staysOf(h: StageHistory): ReadonlyArray<Stay> {
  const origin = present(h.origin_province)
    ? h.origin_province
    : present(h.origin_district)
      ? h.origin_district.slice(0, 4)
      : null
  const stays: Stay[] = []
  if (present(h.interim_care_date)) {
    stays.push({
      kind: "interim_care",
      province: present(h.exploitation_district) ? h.exploitation_district.slice(0, 4) : origin,
      start: h.interim_care_date,
      end: nextAfter(h.interim_care_date, [
        h.assessment_date,
        h.bid_date,
        h.return_date,
        h.reintegration_date,
        h.follow_up_date,
        h.closed_date,
        h.exit_date,
      ]),
    })
  }
  if (present(h.return_date)) {
    const end =
      present(h.reintegration_date) && h.reintegration_date >= h.return_date
        ? h.reintegration_date
        : nextAfter(h.return_date, [h.follow_up_date, h.closed_date, h.exit_date])
    stays.push({ kind: "return_reception", province: origin, start: h.return_date, end })
  }
  return stays
}

const key = (r: Omit<BedNightRow, "nights">) => `${r.province ?? ""}|${r.month}|${r.victim_group}|${r.stage}`

/** Bed-nights within the window, by province, month, victim group and stage (rows with 0 nights omitted). */
export function bedNights(
  histories: ReadonlyArray<StageHistory>,
  window: Window,
): ReadonlyArray<BedNightRow> {
  const from = dayNumber(window.from)
  const to = dayNumber(window.to)
  if (to < from) throw new RangeError("window.to is before window.from")
  const acc = new Map<string, BedNightRow>()
  for (const h of histories) {
    for (const stay of staysOf(h)) {
      const first = Math.max(dayNumber(stay.start), from)
      const last = Math.min(stay.end === null ? to : dayNumber(stay.end) - 1, to)
      for (const { month, nights } of splitByMonth(first, last)) {
        const row = { province: stay.province, month, victim_group: h.victim_group, stage: stay.kind }
        const k = key(row)
        acc.set(k, { ...row, nights: (acc.get(k)?.nights ?? 0) + nights })
      }
    }
  }
  return sortRows([...acc.values()])
}

const sortRows = <R extends { province: string | null; month: string }>(rows: R[]): R[] =>
  rows.sort(
    (a, b) =>
      (a.province ?? "~").localeCompare(b.province ?? "~") ||
      a.month.localeCompare(b.month) ||
      key2(a).localeCompare(key2(b)),
  )
const key2 = (r: object) => JSON.stringify(r)

type SqlRow = {
  province: string | null
  month: string
  victim_group: VictimGroupCode
  stage: StayKind
  nights: number
}

/** The same computation in SQL over the warehouse `cases` table (parameters: from, to). */
export async function bedNightsFromWarehouse(
  conn: Queryable,
  window: Window,
): Promise<ReadonlyArray<BedNightRow>> {
  dayNumber(window.from)
  dayNumber(window.to)
  const rows = await conn.query<SqlRow>(sql, [window.from, window.to])
  return rows.map((r) => ({
    province: r.province,
    month: r.month,
    victim_group: r.victim_group,
    stage: r.stage,
    nights: r.nights,
  }))
}

/** Bed-nights by province and month with the number of distinct cases behind them (for suppression). */
export async function bedNightsWithCases(
  conn: Queryable,
  window: Window,
): Promise<ReadonlyArray<{ province: string | null; month: string; nights: number; cases: number }>> {
  dayNumber(window.from)
  dayNumber(window.to)
  return conn.query<{ province: string | null; month: string; nights: number; cases: number }>(casesSql, [
    window.from,
    window.to,
  ])
}

/** Sum over victim groups and stages: bed-nights by province and month. */
export function byProvinceMonth(
  rows: ReadonlyArray<{ province: string | null; month: string; nights: number }>,
): ReadonlyArray<{ province: string | null; month: string; nights: number }> {
  const acc = new Map<string, { province: string | null; month: string; nights: number }>()
  for (const r of rows) {
    const k = `${r.province ?? ""}|${r.month}`
    acc.set(k, { province: r.province, month: r.month, nights: (acc.get(k)?.nights ?? 0) + r.nights })
  }
  return sortRows([...acc.values()])
}

// ---------------------------------------------------------------------------------------------
// Scenarios

export interface OneOffEvent {
  /** Shown in the explanation, e.g. "SEZ raid, Bokeo". */
  readonly label: string
  readonly province: string
  /** First night of the arrivals, YYYY-MM-DD. */
  readonly arrival: string
  readonly people: number
  /** Nights each person stays (integer). */
  readonly averageStayNights: number
  readonly victim_group?: VictimGroupCode
}

export interface Scenario {
  /** Demand multiplier per victim group, e.g. { deported_lao: 1.3 } for Thai push-backs (+30%). */
  readonly multipliers?: Partial<Record<VictimGroupCode, number>>
  readonly events?: ReadonlyArray<OneOffEvent>
}

export interface ScenarioRow extends BedNightRow {
  /** Measured nights before the scenario (0 for event rows). */
  readonly baseNights: number
  /** What changed this row, in words, for the UI. */
  readonly explanation: string
}

/**
 * Applies the scenario: each measured row is multiplied by its group's multiplier (1 when absent);
 * each event adds people x averageStayNights nights, starting on `arrival`, split across months with
 * the same night rule and clipped to the window, as stage "interim_care". Nothing is hidden: every
 * row keeps its base figure and an explanation.
 */
export function applyScenario(
  base: ReadonlyArray<BedNightRow>,
  scenario: Scenario,
  window: Window,
): ReadonlyArray<ScenarioRow> {
  const out: ScenarioRow[] = base.map((r) => {
    const m = scenario.multipliers?.[r.victim_group]
    if (m === undefined || m === 1) return { ...r, baseNights: r.nights, explanation: "measured" }
    if (!(Number.isFinite(m) && m >= 0)) throw new RangeError(`multiplier for ${r.victim_group} must be >= 0`)
    return {
      ...r,
      baseNights: r.nights,
      nights: r.nights * m,
      explanation: `measured x ${m} (${r.victim_group})`,
    }
  })
  const from = dayNumber(window.from)
  const to = dayNumber(window.to)
  for (const e of scenario.events ?? []) {
    if (!(Number.isInteger(e.averageStayNights) && e.averageStayNights >= 0 && e.people >= 0))
      throw new RangeError(`event "${e.label}": people >= 0 and an integer averageStayNights >= 0`)
    const start = dayNumber(e.arrival)
    const first = Math.max(start, from)
    const last = Math.min(start + e.averageStayNights - 1, to)
    for (const { month, nights } of splitByMonth(first, last)) {
      out.push({
        province: e.province,
        month,
        victim_group: e.victim_group ?? "local_lao",
        stage: "interim_care",
        nights: nights * e.people,
        baseNights: 0,
        explanation: `event: ${e.label} (${e.people} people x ${e.averageStayNights} nights from ${isoOfDay(start)})`,
      })
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Capacity

export interface ShortfallRow {
  readonly province: string
  readonly month: string
  readonly demandNights: number
  /** Days of the month inside the window. */
  readonly days: number
  /** demandNights / days: beds occupied on an average night. */
  readonly averageOccupied: number
  readonly places: number
  /** max(0, averageOccupied - places): beds missing on an average night. */
  readonly shortfall: number
  /** averageOccupied / places (null when there are no places). */
  readonly occupancy: number | null
}

/**
 * Shortfall by province and month. Months are those of the window; provinces those with demand or
 * places. Demand with an unknown province is left out here (it is in the bed-night table).
 * An average night hides peaks: a month at 90% may still turn people away on its busiest night.
 */
export function shortfall(
  demand: ReadonlyArray<{ province: string | null; month: string; nights: number }>,
  places: ReadonlyMap<string, number>,
  window: Window,
): ReadonlyArray<ShortfallRow> {
  const from = dayNumber(window.from)
  const to = dayNumber(window.to)
  const months = splitByMonth(from, to).map((m) => m.month)
  const provinces = new Set<string>([...places.keys()])
  const nights = new Map<string, number>()
  for (const r of demand) {
    if (r.province === null) continue
    provinces.add(r.province)
    nights.set(`${r.province}|${r.month}`, (nights.get(`${r.province}|${r.month}`) ?? 0) + r.nights)
  }
  const out: ShortfallRow[] = []
  for (const province of [...provinces].sort()) {
    for (const month of months) {
      const demandNights = nights.get(`${province}|${month}`) ?? 0
      const days = daysOfMonthWithin(month, from, to)
      const averageOccupied = days === 0 ? 0 : demandNights / days
      const p = places.get(province) ?? 0
      out.push({
        province,
        month,
        demandNights,
        days,
        averageOccupied,
        places: p,
        shortfall: Math.max(0, averageOccupied - p),
        occupancy: p === 0 ? null : averageOccupied / p,
      })
    }
  }
  return out
}
