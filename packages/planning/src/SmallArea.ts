/**
 * Small-area estimates: empirical-Bayes (Poisson-Gamma) rates for districts and provinces, so a
 * district with 3 cases gets an estimate and an interval instead of "0" or "suppressed".
 *
 * Model (Clayton & Kaldor 1987; moment estimator of Marshall 1991, as in PySAL's Empirical_Bayes):
 *   y_i ~ Poisson(theta_i * n_i),  theta_i ~ Gamma(shape a, rate b) with prior mean m = a / b and
 *   variance A = a / b^2. Moments over the areas of a group:
 *     m = sum y / sum n,  s2 = sum n_i (y_i/n_i - m)^2 / sum n,  A = s2 - m / mean(n)  (>= 0)
 *   Posterior theta_i | y_i ~ Gamma(a + y_i, b + n_i): mean (a + y_i) / (b + n_i), the raw rate shrunk
 *   toward m with weight n_i / (b + n_i); the interval is the posterior's equal-tailed quantiles.
 * Hierarchy: provinces are shrunk toward the nation; each district toward its province's estimate,
 * with one between-district variance A estimated over all districts around their province means.
 * When A <= 0 (areas no more variable than Poisson noise) the prior is capped at `maxPriorCases`
 * pseudo-cases (shape a <= maxPriorCases), so a district's own count still moves its estimate a little.
 * It deliberately does not read data or decide what is published: callers pass counts and populations.
 */

export interface AreaCount {
  readonly area: string
  /** The area one level up (district -> province); null at the top. */
  readonly parent: string | null
  readonly cases: number
  /** Population at risk (e.g. children); must be > 0. */
  readonly population: number
}

export interface Estimate {
  readonly area: string
  readonly parent: string | null
  /** Cases observed (never published in the public tier). */
  readonly cases: number
  readonly population: number
  /** Posterior mean rate per person. */
  readonly rate: number
  readonly lower: number
  readonly upper: number
  /** Weight of the area's own data in the estimate (0 = all prior, 1 = raw rate). */
  readonly weight: number
  /** Prior mean rate the area was shrunk toward. */
  readonly priorRate: number
  readonly shape: number
  readonly rateParam: number
}

export interface Prior {
  readonly mean: number
  readonly variance: number
}

export const defaultLevel = 0.9
export const maxPriorCases = 50

/** Marshall's moment estimates of the prior mean and between-area variance (variance clipped at 0). */
export function momentPrior(areas: ReadonlyArray<{ cases: number; population: number }>): Prior {
  const total = areas.reduce((s, a) => s + a.population, 0)
  if (areas.length === 0 || total <= 0) return { mean: 0, variance: 0 }
  const mean = areas.reduce((s, a) => s + a.cases, 0) / total
  const s2 = areas.reduce((s, a) => s + a.population * (a.cases / a.population - mean) ** 2, 0) / total
  return { mean, variance: Math.max(0, s2 - mean / (total / areas.length)) }
}

/** Marshall's global EB rate for one area (the PySAL formula; NaN-free when the variance is 0). */
export function marshallRate(cases: number, population: number, prior: Prior): number {
  const raw = cases / population
  if (prior.variance <= 0) return prior.mean
  const w = prior.variance / (prior.variance + prior.mean / population)
  return w * raw + (1 - w) * prior.mean
}

const gammaParams = (mean: number, variance: number): { shape: number; rate: number } => {
  // An empty group (mean 0) still needs a proper prior: half a case over the group's average size.
  const m = Math.max(mean, 1e-12)
  const shape = variance > 0 ? Math.min(maxPriorCases, (m * m) / variance) : maxPriorCases
  return { shape, rate: shape / m }
}

const check = (a: AreaCount) => {
  if (!(a.population > 0))
    throw new RangeError(`area ${a.area}: population must be > 0 (got ${a.population})`)
  if (!(Number.isFinite(a.cases) && a.cases >= 0))
    throw new RangeError(`area ${a.area}: cases must be >= 0 (got ${a.cases})`)
}

/** The conjugate update of a Gamma(shape, rate) prior by `cases` in `population`, with its interval. */
export function gammaPosterior(
  cases: number,
  population: number,
  prior: { readonly shape: number; readonly rate: number },
  level = defaultLevel,
): {
  readonly shape: number
  readonly rate: number
  readonly mean: number
  readonly lower: number
  readonly upper: number
} {
  const shape = prior.shape + cases
  const rate = prior.rate + population
  const tail = (1 - level) / 2
  return {
    shape,
    rate,
    mean: shape / rate,
    lower: gammaQuantile(tail, shape) / rate,
    upper: gammaQuantile(1 - tail, shape) / rate,
  }
}

const posterior = (a: AreaCount, priorMean: number, variance: number, level: number): Estimate => {
  check(a)
  const p = gammaPosterior(a.cases, a.population, gammaParams(priorMean, variance), level)
  return {
    area: a.area,
    parent: a.parent,
    cases: a.cases,
    population: a.population,
    rate: p.mean,
    lower: p.lower,
    upper: p.upper,
    weight: a.population / p.rate,
    priorRate: priorMean,
    shape: p.shape,
    rateParam: p.rate,
  }
}

/** Every area shrunk toward one prior estimated from all of them (Marshall's global EB). */
export function globalEstimates(
  areas: ReadonlyArray<AreaCount>,
  level = defaultLevel,
): ReadonlyArray<Estimate> {
  for (const a of areas) check(a)
  const prior = momentPrior(areas)
  return areas.map((a) => posterior(a, prior.mean, prior.variance, level))
}

/**
 * Two levels: parents (provinces, summed from their children) shrunk toward the nation, then each
 * child (district) toward its parent's estimate, with the between-child variance estimated around
 * the parents' raw rates. Returns both levels.
 */
export function hierarchicalEstimates(
  districts: ReadonlyArray<AreaCount>,
  level = defaultLevel,
): { readonly provinces: ReadonlyArray<Estimate>; readonly districts: ReadonlyArray<Estimate> } {
  for (const d of districts) check(d)
  const byParent = new Map<string, { cases: number; population: number }>()
  for (const d of districts) {
    const key = d.parent ?? ""
    const p = byParent.get(key) ?? { cases: 0, population: 0 }
    byParent.set(key, { cases: p.cases + d.cases, population: p.population + d.population })
  }
  const provinces = globalEstimates(
    [...byParent].map(([area, p]) => ({ area, parent: null, ...p })),
    level,
  )
  const provinceRate = new Map(provinces.map((p) => [p.area, p.rate]))
  const rawParent = new Map([...byParent].map(([k, p]) => [k, p.population > 0 ? p.cases / p.population : 0]))
  const total = districts.reduce((s, d) => s + d.population, 0)
  let variance = 0
  if (districts.length > 0 && total > 0) {
    const s2 =
      districts.reduce(
        (s, d) => s + d.population * (d.cases / d.population - rawParent.get(d.parent ?? "")!) ** 2,
        0,
      ) / total
    const noise =
      districts.reduce((s, d) => s + rawParent.get(d.parent ?? "")!, 0) /
      districts.length /
      (total / districts.length)
    variance = Math.max(0, s2 - noise)
  }
  return {
    provinces,
    districts: districts.map((d) => posterior(d, provinceRate.get(d.parent ?? "")!, variance, level)),
  }
}

// ---------------------------------------------------------------------------------------------
// Gamma distribution (unit rate): log-gamma (Lanczos), regularised lower incomplete gamma
// (series / continued fraction, Numerical Recipes 6.2) and its quantile by bisection.

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const z = x - 1
  let s = 0.99999999999980993
  for (let i = 0; i < LANCZOS.length; i++) s += LANCZOS[i]! / (z + i + 1)
  const t = z + LANCZOS.length - 0.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s)
}

/** P(shape, x): the Gamma(shape, 1) distribution function at x. */
export function gammaCdf(x: number, shape: number): number {
  if (x <= 0) return 0
  const lg = shape * Math.log(x) - x - logGamma(shape)
  if (x < shape + 1) {
    let sum = 1 / shape
    let term = sum
    for (let n = 1; n < 1000; n++) {
      term *= x / (shape + n)
      sum += term
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break
    }
    return Math.min(1, sum * Math.exp(lg))
  }
  let b = x + 1 - shape
  let c = 1e300
  let d = 1 / b
  let h = d
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - shape)
    b += 2
    d = an * d + b
    if (Math.abs(d) < 1e-300) d = 1e-300
    c = b + an / c
    if (Math.abs(c) < 1e-300) c = 1e-300
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < 1e-15) break
  }
  return Math.max(0, 1 - Math.exp(lg) * h)
}

/** The p-quantile of Gamma(shape, 1). */
export function gammaQuantile(p: number, shape: number): number {
  if (!(p > 0)) return 0
  if (!(p < 1)) return Number.POSITIVE_INFINITY
  let lo = 0
  let hi = Math.max(1, shape)
  while (gammaCdf(hi, shape) < p) hi *= 2
  for (let i = 0; i < 300 && hi - lo > 1e-14 * hi; i++) {
    const mid = (lo + hi) / 2
    if (gammaCdf(mid, shape) < p) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}
