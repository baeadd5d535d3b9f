import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  gammaCdf,
  gammaPosterior,
  gammaQuantile,
  globalEstimates,
  hierarchicalEstimates,
  marshallRate,
  maxPriorCases,
  momentPrior,
} from "../src/SmallArea.ts"

describe("Gamma distribution", () => {
  it("matches published chi-square table quantiles (Gamma(k, 1) = chi2(2k) / 2)", () => {
    // chi2 tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.4): df 2: 0.95 -> 5.991; df 10: 0.025 -> 3.247,
    // 0.975 -> 20.483; df 6: 0.025 -> 1.237; df 8: 0.975 -> 17.535.
    expect(2 * gammaQuantile(0.95, 1)).toBeCloseTo(5.991, 3)
    expect(2 * gammaQuantile(0.025, 5)).toBeCloseTo(3.247, 3)
    expect(2 * gammaQuantile(0.975, 5)).toBeCloseTo(20.483, 3)
    expect(2 * gammaQuantile(0.025, 3)).toBeCloseTo(1.237, 3)
    expect(2 * gammaQuantile(0.975, 4)).toBeCloseTo(17.535, 3)
  })
  it("gives Garwood's exact Poisson interval for 3 events: 0.619 to 8.767", () => {
    expect(gammaQuantile(0.025, 3)).toBeCloseTo(0.6187, 3)
    expect(gammaQuantile(0.975, 4)).toBeCloseTo(8.7673, 3)
  })
  it("is the inverse of the distribution function", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.2, max: 300, noNaN: true }),
        (p, a) => {
          expect(gammaCdf(gammaQuantile(p, a), a)).toBeCloseTo(p, 6)
        },
      ),
    )
  })
})

describe("Poisson-Gamma posterior (Gelman et al., Bayesian Data Analysis 3rd ed., section 2.6, asthma deaths)", () => {
  it("prior Gamma(3, 5), 3 deaths in 2.0 units -> Gamma(6, 7), mean 0.86; 30 in 20 -> Gamma(33, 25), mean 1.32", () => {
    const a = gammaPosterior(3, 2, { shape: 3, rate: 5 }, 0.95)
    expect([a.shape, a.rate]).toEqual([6, 7])
    expect(a.mean).toBeCloseTo(0.86, 2)
    const b = gammaPosterior(30, 20, { shape: 3, rate: 5 }, 0.95)
    expect([b.shape, b.rate]).toEqual([33, 25])
    expect(b.mean).toBeCloseTo(1.32, 2)
    expect(b.upper - b.lower).toBeLessThan(a.upper - a.lower)
    // Two areas whose moments give prior mean 0.6 and variance 0.12 (= Gamma(3, 5)) turn into the
    // book's posteriors: rates 0.2 and 1.0 in 50 units each -> m = 0.6, s2 = 0.16, A = 0.16 - 0.6/50 = 0.148.
    const prior = momentPrior([
      { cases: 10, population: 50 },
      { cases: 50, population: 50 },
    ])
    expect(prior.mean).toBeCloseTo(0.6, 12)
    expect(prior.variance).toBeCloseTo(0.148, 12)
  })
  it("a lone area with no between-area variance keeps a prior worth at most maxPriorCases cases", () => {
    const [e] = globalEstimates([{ area: "x", parent: null, cases: 3, population: 2 }])
    expect(e!.shape).toBe(maxPriorCases + 3)
    expect(e!.rate).toBeCloseTo(1.5, 12)
  })
})

describe("Marshall's empirical-Bayes rates (Clayton-Kaldor moments)", () => {
  // Six regions of PySAL's smoothing examples: e = [10, 1, 3, 4, 2, 5], b = [100, 15, 20, 20, 80, 90].
  const e = [10, 1, 3, 4, 2, 5]
  const b = [100, 15, 20, 20, 80, 90]
  const areas = e.map((cases, i) => ({ area: `R${i}`, parent: null, cases, population: b[i]! }))
  it("computes the prior by hand", () => {
    // m = 25 / 325; s2 = sum b (e/b - m)^2 / 325; A = s2 - m / (325 / 6)
    const m = 25 / 325
    const s2 = e.reduce((s, y, i) => s + b[i]! * (y / b[i]! - m) ** 2, 0) / 325
    const prior = momentPrior(areas)
    expect(prior.mean).toBeCloseTo(0.076923, 6)
    expect(prior.variance).toBeCloseTo(s2 - m / (325 / 6), 12)
    expect(prior.variance).toBeGreaterThan(0)
  })
  it("the posterior mean is Marshall's shrunk rate, and intervals contain it", () => {
    const prior = momentPrior(areas)
    const est = globalEstimates(areas)
    est.forEach((x, i) => {
      if (prior.mean ** 2 / prior.variance <= maxPriorCases)
        expect(x.rate).toBeCloseTo(marshallRate(e[i]!, b[i]!, prior), 12)
      expect(x.lower).toBeLessThan(x.rate)
      expect(x.upper).toBeGreaterThan(x.rate)
      // shrinkage: between the raw rate and the prior mean
      const raw = e[i]! / b[i]!
      expect(x.rate).toBeGreaterThanOrEqual(Math.min(raw, prior.mean) - 1e-12)
      expect(x.rate).toBeLessThanOrEqual(Math.max(raw, prior.mean) + 1e-12)
    })
  })
  it("a small area is pulled further toward the prior than a large one", () => {
    const est = globalEstimates(areas)
    expect(est[1]!.weight).toBeLessThan(est[0]!.weight)
  })
})

describe("hierarchical estimates (district -> province -> nation)", () => {
  const d = (area: string, parent: string, cases: number, population: number) => ({
    area,
    parent,
    cases,
    population,
  })
  const districts = [
    d("A1", "A", 30, 10000),
    d("A2", "A", 0, 2000),
    d("A3", "A", 3, 1500),
    d("B1", "B", 2, 20000),
    d("B2", "B", 1, 8000),
    d("C1", "C", 12, 5000),
  ]
  it("gives every district with 0 or 3 cases a positive estimate and an interval", () => {
    const { districts: est } = hierarchicalEstimates(districts)
    for (const x of est) {
      expect(x.rate).toBeGreaterThan(0)
      expect(x.lower).toBeGreaterThanOrEqual(0)
      expect(x.upper).toBeGreaterThan(x.rate)
    }
  })
  it("shrinks a zero-case district toward its own province", () => {
    const { provinces, districts: est } = hierarchicalEstimates(districts)
    const a2 = est.find((x) => x.area === "A2")!
    expect(a2.priorRate).toBe(provinces.find((p) => p.area === "A")!.rate)
    expect(a2.rate).toBeGreaterThan(est.find((x) => x.area === "B2")!.rate)
  })
  it("a wider level gives a wider interval", () => {
    const narrow = hierarchicalEstimates(districts, 0.5).districts[2]!
    const wide = hierarchicalEstimates(districts, 0.95).districts[2]!
    expect(wide.upper - wide.lower).toBeGreaterThan(narrow.upper - narrow.lower)
  })
  it("rejects a district without population, naming it", () => {
    expect(() => hierarchicalEstimates([d("Z9", "Z", 1, 0)])).toThrow(/Z9/)
  })
})
