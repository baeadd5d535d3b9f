/**
 * The priority score's inputs read from the publication's facts cube (what the dashboard has):
 * per-district child victims, trend windows, ethnic-minority share and checkpoint flows.
 * Counts from 1 to threshold - 1 become `null` (suppressed: unknown to the score, flagged in its
 * output); 0 means no records and stays 0. The planners' tier passes `threshold: 1` to use exact counts.
 * Optional cross-filters (the dashboard's shared filters: victim group, sex, age band, ...) restrict
 * the cube first; they are bound parameters, never written into the SQL.
 * It deliberately does not choose the years: the caller passes the windows it shows.
 */

import { CODE_FILTER_KEYS, type CodeFilters } from "@lao-protect/warehouse"
import flowsSql from "./checkpoint_flows_from_facts.sql?raw"
import type { CheckpointFlow, DistrictInput } from "./PriorityScore.ts"
import inputsSql from "./priority_inputs_from_facts.sql?raw"
import type { Queryable } from "./Sql.ts"

export interface FactsWindows {
  /** Inclusive year ranges. */
  readonly recent: readonly [number, number]
  readonly previous: readonly [number, number]
  /** Years for child victims, minority share and flows (usually previous[0]..recent[1]). */
  readonly counts: readonly [number, number]
  readonly threshold: number
}

/** Code filters on the facts cube; null or absent = every value (the dashboard's, from the warehouse). */
export type FactsFilters = CodeFilters

/** Filter keys in the order of their parameters in both SQL files. */
export const filterKeys = CODE_FILTER_KEYS

type InputRow = {
  district: string
  child_victims: number
  recent_victims: number
  previous_victims: number
  minority_victims: number
  victims_with_ethnicity: number
}

export async function priorityInputsFromFacts(
  conn: Queryable,
  w: FactsWindows,
  filters: FactsFilters = {},
): Promise<{
  readonly districts: ReadonlyArray<DistrictInput>
  readonly checkpointFlows: ReadonlyArray<CheckpointFlow>
}> {
  if (!(Number.isInteger(w.threshold) && w.threshold >= 1))
    throw new RangeError("threshold must be an integer >= 1")
  const suppress = (n: number): number | null => (n > 0 && n < w.threshold ? null : n)
  const where = filterKeys.map((k) => filters[k] ?? null)
  const rows = await conn.query<InputRow>(inputsSql, [...w.recent, ...w.previous, ...w.counts, ...where])
  const flows = await conn.query<{ checkpoint: string; victims: number }>(flowsSql, [...w.counts, ...where])
  return {
    districts: rows.map((r) => ({
      district: r.district,
      childVictims: suppress(r.child_victims),
      recentVictims: suppress(r.recent_victims),
      previousVictims: suppress(r.previous_victims),
      minorityVictims: suppress(r.minority_victims),
      victimsWithEthnicity: suppress(r.victims_with_ethnicity),
    })),
    checkpointFlows: flows.map((f) => ({ checkpoint: f.checkpoint, victims: suppress(f.victims) })),
  }
}
