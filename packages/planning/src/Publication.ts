/**
 * The planning tables the publication should include: de-identified aggregates with small cells
 * suppressed. The publish step (packages/warehouse) calls `planningTablesForPublication` and writes
 * each table as it writes its own; the dashboard then reads them from the release.
 *
 * Rule (docs/contracts.md section 3): a count below `threshold` is published as `n: null,
 * suppressed: true`, never as 0. For bed-nights and durations the count that decides is the number of
 * distinct cases (resp. completed stays) behind the figure, since 1 person x 30 nights is still one
 * person. None of these tables publishes a total or margin that a suppressed cell could be derived
 * from, so primary suppression is enough; a caller that adds totals must add complementary
 * suppression. No case ids, names, dates finer than month, or free text leave this function.
 */

import { bedNightsWithCases, type Window } from "./BedNights.ts"
import {
  defaultFollowUpDays,
  flagKinds,
  flagLegalBasis,
  funnel,
  redFlagCounts,
  stageDurations,
} from "./Pipeline.ts"
import type { Queryable } from "./Sql.ts"

export interface PublicationOptions {
  /** Minimum count shown (default 10). */
  readonly threshold?: number
  /** Bed-night window; default: the calendar years that contain identification dates. */
  readonly window?: Window
  readonly followUpDays?: number
  /** As-of date for overdue follow-ups (YYYY-MM-DD); default: the latest date in the cases table. */
  readonly asOf?: string
}

export type Suppressed<T> = T & { readonly suppressed: boolean }

export interface PlanningTables {
  /** province (origin, null unknown), kind (stage|exit), step, n (null when suppressed), suppressed */
  readonly pipeline_funnel: ReadonlyArray<
    Suppressed<{ province: string | null; kind: "stage" | "exit"; step: string; n: number | null }>
  >
  /** scope (national|province), province, stage, n stays, median_days, p90_days (null when n < threshold) */
  readonly stage_durations: ReadonlyArray<
    Suppressed<{
      scope: "national" | "province"
      province: string | null
      stage: string
      n: number | null
      median_days: number | null
      p90_days: number | null
    }>
  >
  /** province (null unknown), month YYYY-MM, nights, cases (both null when cases < threshold) */
  readonly bed_nights: ReadonlyArray<
    Suppressed<{ province: string | null; month: string; nights: number | null; cases: number | null }>
  >
  /** province (null unknown), flag, n cases flagged (null when suppressed), legal_basis ids ";"-joined */
  readonly red_flag_counts: ReadonlyArray<
    Suppressed<{ province: string | null; flag: string; n: number | null; legal_basis: string }>
  >
  readonly meta: {
    readonly threshold: number
    readonly window: Window
    readonly followUpDays: number
    readonly asOf: string
  }
}

export async function planningTablesForPublication(
  conn: Queryable,
  options: PublicationOptions = {},
): Promise<PlanningTables> {
  const threshold = options.threshold ?? 10
  if (!(Number.isInteger(threshold) && threshold >= 1))
    throw new RangeError("threshold must be an integer >= 1")
  const followUpDays = options.followUpDays ?? defaultFollowUpDays
  const bounds = await conn.query<{ first: string | null; last: string | null; latest: string | null }>(
    `select min(identification_date)::varchar as first, max(identification_date)::varchar as last,
       greatest(max(identification_date), max(interim_care_date), max(return_date), max(reintegration_date),
         max(follow_up_date), max(closed_date), max(exit_date))::varchar as latest
     from cases`,
  )
  const b = bounds[0]
  const window =
    options.window ??
    (b?.first && b.last
      ? { from: `${b.first.slice(0, 4)}-01-01`, to: `${b.last.slice(0, 4)}-12-31` }
      : { from: "1990-01-01", to: "1990-01-01" })
  const asOf = options.asOf ?? b?.latest ?? "1990-01-01"
  const small = (n: number) => n < threshold

  const pipeline_funnel = (await funnel(conn)).map((r) =>
    small(r.n) ? { ...r, n: null, suppressed: true } : { ...r, suppressed: false },
  )
  const stage_durations = (await stageDurations(conn)).map((r) =>
    small(r.n)
      ? {
          scope: r.scope,
          province: r.province,
          stage: r.stage,
          n: null,
          median_days: null,
          p90_days: null,
          suppressed: true,
        }
      : { ...r, suppressed: false },
  )
  const bed_nights = (await bedNightsWithCases(conn, window)).map((r) =>
    small(r.cases)
      ? { province: r.province, month: r.month, nights: null, cases: null, suppressed: true }
      : { ...r, suppressed: false },
  )
  const counts = (await redFlagCounts(conn, { followUpDays, asOf })).map((r) => ({
    province: r.province,
    flag: r.flag,
    n: r.n,
    legal_basis: flagLegalBasis[r.flag].join(";"),
  }))
  const red_flag_counts = counts
    .sort(
      (a, b) =>
        flagKinds.indexOf(a.flag as never) - flagKinds.indexOf(b.flag as never) ||
        (a.province ?? "~").localeCompare(b.province ?? "~"),
    )
    .map((r) => (small(r.n) ? { ...r, n: null, suppressed: true } : { ...r, suppressed: false }))
  return {
    pipeline_funnel,
    stage_durations,
    bed_nights,
    red_flag_counts,
    meta: { threshold, window, followUpDays, asOf },
  }
}
