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
  /** Small-area estimate of the district's child victims (expected count and interval). */
  readonly expected?: { readonly value: number; readonly lower: number; readonly upper: number }
}

/** The weight a district brings when covered. Must be >= 0 and depend on the district only. */
export type Objective = (c: Candidate) => number

export const childVictimsObjective: Objective = (c) => c.childVictims ?? 0

/** Estimated child victims (known for every district, suppressed or not); the count when no estimate. */
export const expectedChildVictimsObjective: Objective = (c) => c.expected?.value ?? c.childVictims ?? 0

export interface Pick {
  readonly district: string
  readonly weight: number
  /** The estimate's interval for this district's child victims, when the candidate carried one. */
  readonly lower: number | null
  readonly upper: number | null
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
    return {
      district: c.district,
      weight: w,
      lower: c.expected?.lower ?? null,
      upper: c.expected?.upper ?? null,
    }
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
    return {
      district: c.district,
      weight: c.weight,
      lower: c.lower,
      upper: c.upper,
      shareAfter: share(coveredWeight),
    }
  })
  return {
    before,
    after: share(coveredWeight),
    total,
    picks,
    unknown: candidates.filter((c) => c.childVictims === null && !c.expected).map((c) => c.district),
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

export interface Agreement {
  /** The what-if's picks with their rank in the priority score (null = not ranked: covered or unknown). */
  readonly picks: ReadonlyArray<{ readonly district: string; readonly scoreRank: number | null }>
  /** Districts in the score's top N that the what-if did not pick. */
  readonly rankedNotPicked: ReadonlyArray<string>
  /** True when both choose the same N districts. */
  readonly same: boolean
}

/**
 * Where the ranking and the what-if agree. They answer different questions: the score ranks by a
 * weighted mix of rates, trend, border flows and distances; the what-if adds the districts with the
 * most child victims (a count: a large district with a modest rate can beat a small one with a high rate).
 */
export function agreement(
  result: WhatIfResult,
  ranking: ReadonlyArray<{ readonly district: string; readonly rank: number | null }>,
): Agreement {
  const n = result.picks.length
  const rankOf = new Map(ranking.map((r) => [r.district, r.rank]))
  const top = ranking.filter((r) => r.rank !== null && r.rank <= n).map((r) => r.district)
  const picked = new Set(result.picks.map((p) => p.district))
  const rankedNotPicked = top.filter((d) => !picked.has(d))
  return {
    picks: result.picks.map((p) => ({ district: p.district, scoreRank: rankOf.get(p.district) ?? null })),
    rankedNotPicked,
    same: rankedNotPicked.length === 0 && top.length === n,
  }
}
