/**
 * Fellegi-Sunter parameters estimated from the data, as Splink does: u (the chance a level occurs
 * between two different persons) from random record pairs; m (the chance it occurs between two
 * records of one person) by expectation-maximisation in training sessions, each on the pairs of one
 * blocking rule with that rule's comparisons left out (training on the union of all rules, where
 * every non-match agrees on something, drives EM to "everything matches"); then the match share
 * lambda over the candidate pairs. Runs on pattern counts (a few hundred rows), never on pairs.
 */

export const comparisons = ["given", "family", "birth", "sex", "place", "village", "identified"] as const
export type Comparison = (typeof comparisons)[number]

/** Number of levels (0..n-1) of each comparison; -1 is "missing" and carries no weight. */
export const levels: Readonly<Record<Comparison, number>> = {
  given: 4,
  family: 4,
  birth: 5,
  sex: 2,
  place: 3,
  village: 2,
  /** 2: within 90 days (one episode, several partners); 1: apart, after the earlier case closed. */
  identified: 3,
}

export interface Pattern {
  readonly gamma: ReadonlyArray<number>
  readonly n: number
}

export interface Param {
  readonly comparison: Comparison
  readonly level: number
  readonly m: number
  readonly u: number
  /** log2(m / u) */
  readonly weight: number
}

export interface Model {
  /** Probability that two records drawn at random are one person. */
  readonly lambda: number
  readonly params: ReadonlyArray<Param>
  readonly iterations: number
  readonly converged: boolean
}

const floor = 1e-6
/** No level can be impossible for a match: one wrong district must not veto a link outright. */
const mFloor = 1e-3

/** u per comparison and level from the patterns of random pairs (missing levels excluded). */
export const estimateU = (random: ReadonlyArray<Pattern>): Array<Array<number>> =>
  comparisons.map((c, ci) => {
    const counts = new Array<number>(levels[c]).fill(0)
    for (const p of random) {
      const g = p.gamma[ci]!
      if (g >= 0) counts[g]! += p.n
    }
    const total = counts.reduce((a, b) => a + b, 0)
    return counts.map((x) => Math.max(floor, total === 0 ? 1 / counts.length : x / total))
  })

type Table = Array<Array<number>>

const initialM = (): Table =>
  comparisons.map((c) => {
    const n = levels[c]
    return Array.from({ length: n }, (_, level) => (level === n - 1 ? 0.9 : 0.1 / (n - 1)))
  })

/**
 * One training session: EM of m and lambda, u fixed, over pairs blocked by a rule on `excluded`
 * comparisons, which are left out of the likelihood (their agreement is forced by the rule, as in
 * Splink's training with blocking rules). Returns m for the other comparisons.
 */
export const trainSession = (
  patterns: ReadonlyArray<Pattern>,
  u: ReadonlyArray<ReadonlyArray<number>>,
  excluded: ReadonlyArray<Comparison>,
  options: { readonly maxIterations?: number; readonly tolerance?: number } = {},
): { m: Table; iterations: number; converged: boolean } => {
  const maxIterations = options.maxIterations ?? 100
  const tolerance = options.tolerance ?? 1e-6
  const skip = comparisons.map((c) => excluded.includes(c))
  let m = initialM()
  let lambda = 0.3
  let iterations = 0
  let converged = false
  while (iterations < maxIterations) {
    iterations++
    const mNext = comparisons.map((c) => new Array<number>(levels[c]).fill(0))
    const seen = comparisons.map(() => 0)
    let matches = 0
    let total = 0
    for (const p of patterns) {
      let pm = lambda
      let pu = 1 - lambda
      p.gamma.forEach((g, ci) => {
        if (g < 0 || skip[ci]) return
        pm *= m[ci]![g]!
        pu *= u[ci]![g]!
      })
      const w = (pm / (pm + pu)) * p.n
      matches += w
      total += p.n
      p.gamma.forEach((g, ci) => {
        if (g < 0 || skip[ci]) return
        mNext[ci]![g]! += w
        seen[ci]! += w
      })
    }
    const normalised = mNext.map((row, ci) =>
      row.map((x) => Math.max(floor, seen[ci]! === 0 ? 1 / row.length : x / seen[ci]!)),
    )
    const lambdaNext = Math.min(1 - floor, Math.max(floor, total === 0 ? 0 : matches / total))
    const change = Math.max(
      Math.abs(lambdaNext - lambda),
      ...normalised.flatMap((row, ci) => row.map((x, li) => Math.abs(x - m[ci]![li]!))),
    )
    m = normalised
    lambda = lambdaNext
    if (change < tolerance) {
      converged = true
      break
    }
  }
  return { m, iterations, converged }
}

/**
 * The probability that two random records are one person, by fixed-point iteration: the expected
 * matches among candidate pairs (posterior under the current prior) over all record pairs, taking
 * pairs no blocking rule proposed as non-matches. Blocking then only discards pairs; it does not
 * change any pair's posterior.
 */
export const estimateLambda = (
  candidates: ReadonlyArray<Pattern>,
  m: ReadonlyArray<ReadonlyArray<number>>,
  u: ReadonlyArray<ReadonlyArray<number>>,
  totalPairs: number,
): number => {
  const ratio = candidates.map((p) => {
    let r = 1
    p.gamma.forEach((g, ci) => {
      if (g >= 0) r *= m[ci]![g]! / u[ci]![g]!
    })
    return r
  })
  const candidatePairs = candidates.reduce((a, p) => a + p.n, 0)
  let lambda = Math.min(0.5, Math.max(floor / 1e6, candidatePairs / Math.max(1, totalPairs) / 10))
  for (let i = 0; i < 500; i++) {
    let matches = 0
    candidates.forEach((p, k) => {
      const odds = (lambda / (1 - lambda)) * ratio[k]!
      matches += (odds / (1 + odds)) * p.n
    })
    const next = Math.min(0.5, Math.max(1e-12, matches / Math.max(1, totalPairs)))
    if (Math.abs(next - lambda) < lambda * 1e-6) return next
    lambda = next
  }
  return lambda
}

export interface Session {
  readonly excluded: ReadonlyArray<Comparison>
  readonly patterns: ReadonlyArray<Pattern>
}

/**
 * The model: m of each comparison averaged over the sessions that did not block on it, u from
 * random pairs, lambda the chance that two random records match.
 */
export const estimate = (
  sessions: ReadonlyArray<Session>,
  candidates: ReadonlyArray<Pattern>,
  u: ReadonlyArray<ReadonlyArray<number>>,
  totalPairs: number,
  options: { readonly maxIterations?: number } = {},
): Model => {
  const sums = comparisons.map((c) => new Array<number>(levels[c]).fill(0))
  const counts = comparisons.map(() => 0)
  let iterations = 0
  let converged = true
  for (const session of sessions) {
    const trained = trainSession(session.patterns, u, session.excluded, options)
    iterations = Math.max(iterations, trained.iterations)
    converged &&= trained.converged
    comparisons.forEach((c, ci) => {
      if (session.excluded.includes(c)) return
      trained.m[ci]!.forEach((x, li) => {
        sums[ci]![li]! += x
      })
      counts[ci]!++
    })
  }
  const m = sums.map((row, ci) =>
    row.map((x) => Math.max(mFloor, counts[ci]! === 0 ? 1 / row.length : x / counts[ci]!)),
  )
  const lambda = estimateLambda(candidates, m, u, totalPairs)
  const params = comparisons.flatMap((c, ci) =>
    m[ci]!.map((mv, level) => {
      const uv = u[ci]![level]!
      return { comparison: c, level, m: mv, u: uv, weight: Math.log2(mv / uv) }
    }),
  )
  return { lambda, params, iterations, converged }
}
