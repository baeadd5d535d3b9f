/**
 * What if N more districts got a Child Protection Network? Picks the N uncovered districts that
 * raise most the share of child victims whose district of origin is covered, and shows the share
 * before and after each pick.
 *
 * Why greedy is optimal here: the objective is f(S) = sum of w(d) over d in S, with w(d) >= 0 the
 * weight of district d alone (its child victims); covering one district does not change what another
 * contributes (coverage counts the district of origin only, no spill-over). f is modular, so for any
 * set T of N uncovered districts, sort both T and the greedy pick G by descending weight: the i-th of
 * G weighs at least the i-th of T (G takes the N largest), hence f(G) >= f(T). Ties change which
 * districts are picked, never the total. Tested against brute force in test/WhatIf.test.ts.
 * If the objective ever credits neighbours (a CPN also reaching nearby districts), f becomes a
 * coverage function: greedy is then only (1 - 1/e)-approximate, and this argument no longer holds.
 */
import { type CpnCoverage, coveredDistricts } from "./CpnCoverage.ts"

export interface Candidate {
  readonly district: string
  /** Child victims with this district of origin; null = suppressed/unknown (counted as 0, flagged). */
  readonly childVictims: number | null
}

/** The weight a district brings when covered. Must be >= 0 and depend on the district only. */
export type Objective = (c: Candidate) => number

export const childVictimsObjective: Objective = (c) => c.childVictims ?? 0

export interface Pick {
  readonly district: string
  readonly weight: number
  /** Covered share after this pick (cumulative). */
  readonly shareAfter: number
}

export interface WhatIfResult {
  /** Share of the total weight whose district is covered today (0 when the total is 0). */
  readonly before: number
  readonly after: number
  readonly total: number
  readonly picks: ReadonlyArray<Pick>
  /** Districts whose count was null: counted as 0, the share may be understated. */
  readonly unknown: ReadonlyArray<string>
}

/**
 * `candidates` lists every district with its count (covered ones too: they make the "before" share).
 * Picks min(n, uncovered) districts by descending weight, ties by district code.
 */
export function addNetworks(
  candidates: ReadonlyArray<Candidate>,
  coverage: CpnCoverage,
  n: number,
  objective: Objective = childVictimsObjective,
): WhatIfResult {
  if (!Number.isInteger(n) || n < 0) throw new RangeError("n must be an integer >= 0")
  const covered = coveredDistricts(coverage)
  const weighted = candidates.map((c) => {
    const w = objective(c)
    if (!(Number.isFinite(w) && w >= 0))
      throw new RangeError(`objective for ${c.district} must be finite and >= 0`)
    return { district: c.district, weight: w }
  })
  const total = weighted.reduce((s, c) => s + c.weight, 0)
  const share = (x: number) => (total === 0 ? 0 : x / total)
  let coveredWeight = weighted.filter((c) => covered.has(c.district)).reduce((s, c) => s + c.weight, 0)
  const before = share(coveredWeight)
  const order = weighted
    .filter((c) => !covered.has(c.district))
    .sort((a, b) => b.weight - a.weight || a.district.localeCompare(b.district))
  const picks = order.slice(0, n).map((c) => {
    coveredWeight += c.weight
    return { district: c.district, weight: c.weight, shareAfter: share(coveredWeight) }
  })
  return {
    before,
    after: share(coveredWeight),
    total,
    picks,
    unknown: candidates.filter((c) => c.childVictims === null).map((c) => c.district),
  }
}

/** Covered share for an explicit set of districts (used to check plans and in tests). */
export function coveredShare(
  candidates: ReadonlyArray<Candidate>,
  districts: ReadonlySet<string>,
  objective: Objective = childVictimsObjective,
): number {
  const total = candidates.reduce((s, c) => s + objective(c), 0)
  if (total === 0) return 0
  return candidates.filter((c) => districts.has(c.district)).reduce((s, c) => s + objective(c), 0) / total
}
