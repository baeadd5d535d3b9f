/**
 * The protection pipeline as recorded in the warehouse: how many cases reach each stage of the
 * National Guideline (identification, interim care, assessment & BID, return and reception,
 * reintegration, follow-up) and leave it (declined assistance, lost contact, re-trafficked, referred
 * elsewhere), how long each stage takes (median and 90th percentile, DuckDB quantile_cont), and red
 * flags: children returned without a recorded best-interest determination, reintegrated cases with
 * no follow-up within the guideline's period, and repeat victims. Each flag carries its legal basis
 * ids from @lao-protect/domain LegalBasis.
 * Runs on the warehouse (planners' tier); `Publication.ts` derives the suppressed public tables.
 * It deliberately does not decide what a planner does about a flag: it lists cases to review.
 */
import type { LegalBasis } from "@lao-protect/domain"
import funnelSql from "./pipeline_funnel.sql?raw"
import redFlagsSql from "./red_flags.sql?raw"
import type { Queryable } from "./Sql.ts"
import durationsSql from "./stage_durations.sql?raw"

export const funnelStages = [
  "identification",
  "interim_care",
  "assessment_bid",
  "return_reception",
  "reintegration",
  "follow_up",
] as const
export type FunnelStage = (typeof funnelStages)[number]

export type FunnelRow = {
  /** Province of origin (null when unknown). */
  readonly province: string | null
  readonly kind: "stage" | "exit"
  /** A funnel stage, or an exit code when kind = "exit". */
  readonly step: string
  readonly n: number
}

export const funnel = (conn: Queryable): Promise<ReadonlyArray<FunnelRow>> => conn.query<FunnelRow>(funnelSql)

export type StageDurationRow = {
  readonly scope: "national" | "province"
  readonly province: string | null
  readonly stage: FunnelStage
  /** Completed stays in the group. */
  readonly n: number
  readonly median_days: number
  readonly p90_days: number
}

/** Median and p90 days per stage, national and by province; groups under `minGroupSize` stays are left out. */
export const stageDurations = (
  conn: Queryable,
  options: { readonly minGroupSize?: number } = {},
): Promise<ReadonlyArray<StageDurationRow>> =>
  conn.query<StageDurationRow>(durationsSql, [options.minGroupSize ?? 1])

export const flagKinds = [
  "child_returned_without_bid",
  "age_disputed",
  "no_follow_up",
  "repeat_victim",
] as const
export type FlagKind = (typeof flagKinds)[number]

/**
 * The provisions each flag rests on. The 2010 draft guideline's sections come from the AFESIP talk;
 * the 2020 referral guidelines replace them (see LegalBasis.currentEquivalent).
 */
export const flagLegalBasis: Readonly<Record<FlagKind, ReadonlyArray<LegalBasis.LegalBasisId>>> = {
  // best interests of the child before return: guideline sections 7 (assessment and BID) and 10
  // (reception and reintegration of children), special treatment of child victims (Women's Law art. 28),
  // the child law as amended in 2023
  child_returned_without_bid: [
    "guideline_2010_sec7",
    "guideline_2010_sec10",
    "guideline_2020_referral",
    "women_2004_art28",
    "children_2023_law",
  ],
  // presumption of childhood: the guideline's best-interests principle; the seed's age-determination challenge
  age_disputed: ["guideline_2010_principle_best_interests", "crc_1989_art3", "children_2023_law"],
  no_follow_up: ["guideline_2010_sec9", "guideline_2020_referral", "atip_2015_victim_protection"],
  repeat_victim: ["guideline_2010_sec9", "atip_2015_victim_protection", "penal_2017_art215"],
}

/**
 * ASSUMPTION: the draft guideline's follow-up period is not in our sources; 90 days after
 * reintegration is a placeholder the planner should replace with the agreed period.
 */
export const defaultFollowUpDays = 90

export interface RedFlagOptions {
  readonly followUpDays?: number
  /** Date the data is read as of (YYYY-MM-DD): a follow-up is only overdue once its period has ended. */
  readonly asOf: string
}

export interface RedFlag {
  readonly caseId: string
  readonly province: string | null
  readonly flag: FlagKind
  readonly detail: string
  /** The date the flag is about (return, reintegration or exit date). */
  readonly date: string | null
  readonly legalBasis: ReadonlyArray<LegalBasis.LegalBasisId>
}

type RedFlagSqlRow = {
  case_id: string
  province: string | null
  flag: FlagKind
  detail: string
  flag_date: string | null
}

const redFlagParams = (options: RedFlagOptions): [number, string] => {
  const days = options.followUpDays ?? defaultFollowUpDays
  if (!(Number.isInteger(days) && days >= 0)) throw new RangeError("followUpDays must be an integer >= 0")
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) throw new RangeError("asOf must be YYYY-MM-DD")
  return [days, options.asOf]
}

/**
 * Cases flagged, by province and flag: the counts of `redFlags`, counted in DuckDB (a million
 * cases raise hundreds of thousands of flags; the publication needs only their counts).
 */
export async function redFlagCounts(
  conn: Queryable,
  options: RedFlagOptions,
): Promise<ReadonlyArray<{ province: string | null; flag: FlagKind; n: number }>> {
  return conn.query<{ province: string | null; flag: FlagKind; n: number }>(
    `select province, flag, count(*)::integer as n from (${redFlagsSql}) group by all`,
    redFlagParams(options),
  )
}

export async function redFlags(conn: Queryable, options: RedFlagOptions): Promise<ReadonlyArray<RedFlag>> {
  const rows = await conn.query<RedFlagSqlRow>(
    `${redFlagsSql} order by flag, province nulls last, case_id`,
    redFlagParams(options),
  )
  return rows.map((r) => ({
    caseId: r.case_id,
    province: r.province,
    flag: r.flag,
    detail: r.detail,
    date: r.flag_date,
    legalBasis: flagLegalBasis[r.flag],
  }))
}
