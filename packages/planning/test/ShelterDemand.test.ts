import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  backTest,
  defaultStayNights,
  defaultStayRelativeSe,
  demand,
  dispersionOf,
  forecastNights,
  forecastYear,
  meanStayInterval,
  negBinQuantile,
  nightsInterval,
  provinceStayNightsWithError,
  publishedBackTest,
  type StayCount,
  seasonality,
  stayLengths,
  stayNightsOf,
  staysFromWarehouse,
  twoSidedZ,
} from "../src/ShelterDemand.ts"
import { loadCases, openMemory, type TestDb } from "./helpers.ts"

const stay = (v: Partial<StayCount>): StayCount => ({
  province: "LA16",
  year: 2023,
  quarter: 1,
  stage: "interim_care",
  victim_group: "local_lao",
  age_class: "child",
  stays: 1,
  completed: 1,
  nights: 20,
  nights_sq: 400,
  ...v,
})

/** Completed stays of the given lengths as one StayCount row. */
const lengthsRow = (nights: ReadonlyArray<number>, v: Partial<StayCount> = {}): StayCount =>
  stay({
    stays: nights.length,
    completed: nights.length,
    nights: nights.reduce((a, b) => a + b, 0),
    nights_sq: nights.reduce((a, b) => a + b * b, 0),
    ...v,
  })

describe("stayLengths", () => {
  it("uses the group's history from 10 completed stays, else the stage's, else the documented default", () => {
    const rows = [
      stay({ stays: 12, completed: 12, nights: 12 * 40, nights_sq: 12 * 1600 }),
      stay({ age_class: "adult", stays: 2, completed: 2, nights: 2 * 10, nights_sq: 2 * 100 }),
      stay({ stage: "return_reception", stays: 3, completed: 3, nights: 9, nights_sq: 27 }),
    ]
    const l = stayLengths(rows)
    const get = (stage: string, age: string) => l.find((x) => x.stage === stage && x.age_class === age)!
    expect(get("interim_care", "child")).toMatchObject({ meanNights: 40, source: "history", completed: 12 })
    expect(get("interim_care", "adult")).toMatchObject({ meanNights: (480 + 20) / 14, source: "stage" })
    expect(get("return_reception", "child")).toMatchObject({
      meanNights: defaultStayNights.return_reception,
      source: "default",
    })
  })
})

describe("length-of-stay uncertainty", () => {
  it("z for a 90% two-sided interval is 1.6449 (normal table), for 95% 1.9600", () => {
    expect(twoSidedZ(0.9)).toBeCloseTo(1.644854, 5)
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959964, 5)
  })
  it("a group's mean carries its sample sd and standard error; the default a documented 40%", () => {
    // 10 stays of 10, 20, ..., 100 nights: mean 55, sample sd 30.2765 (n - 1 divisor)
    const l = stayLengths([lengthsRow([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])])[0]!
    expect(l.meanNights).toBe(55)
    expect(l.sdNights).toBeCloseTo(30.2765, 4)
    expect(l.seMean).toBeCloseTo(30.2765 / Math.sqrt(10), 4)
    const d = stayLengths([stay({ stage: "return_reception", completed: 0, nights: 0, nights_sq: 0 })])[0]!
    expect(d).toMatchObject({ source: "default", sdNights: null })
    expect(d.seMean).toBeCloseTo(defaultStayRelativeSe * defaultStayNights.return_reception, 12)
    const [lo, hi] = meanStayInterval(d)
    expect(lo).toBeLessThan(d.meanNights)
    expect(hi).toBeGreaterThan(d.meanNights)
  })
  it("a province's mix: shares weight the means, a shared fallback's error counts once (squared share)", () => {
    // two groups falling back to the same stage history: Var(L) = (w1 + w2)^2 se^2, not w1^2 se^2 + w2^2 se^2
    const rows = [
      lengthsRow([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], {
        age_class: "unknown",
        stays: 0,
        completed: 10,
      }),
      stay({ stays: 3, completed: 0, nights: 0, nights_sq: 0 }),
      stay({ age_class: "adult", stays: 1, completed: 0, nights: 0, nights_sq: 0 }),
    ]
    const lengths = stayLengths(rows)
    expect(lengths.filter((l) => l.source === "stage")).toHaveLength(2)
    const m = stayNightsOf(rows, lengths)!
    expect(m.mean).toBe(55)
    expect(m.se).toBeCloseTo(30.2765 / Math.sqrt(10), 4)
  })
  it("with no spread in stays the nights interval is the stays' interval times the mean stay", () => {
    const n = nightsInterval({ value: 10, lower: 6, upper: 15 }, { mean: 20, se: 0 })
    expect(n.nights).toBe(200)
    expect(n.lower).toBeCloseTo(120, 9)
    expect(n.upper).toBeCloseTo(300, 9)
  })
  it("the demand interval widens when stays vary more (same mean length, same counts)", () => {
    const steady = [25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25]
    const varied = [2, 5, 8, 10, 12, 15, 25, 30, 35, 40, 50, 68]
    const mean = (xs: ReadonlyArray<number>) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(varied)).toBe(mean(steady))
    const cellOf = (lengths: ReadonlyArray<number>) =>
      demand([lengthsRow(lengths, { province: "LA16", quarter: 3 })], "quarter").find(
        (c) => c.province === "LA16" && c.period === "2023-Q3",
      )!
    const a = cellOf(steady)
    const b = cellOf(varied)
    expect(b.nights).toBeCloseTo(a.nights, 9)
    expect(a.nightsPerStay).toBe(25)
    // steady stays: se 0, so the interval is the stays' interval x 25
    expect(a.nightsLower).toBeCloseTo(a.staysLower * 25, 9)
    expect(a.nightsUpper).toBeCloseTo(a.staysUpper * 25, 9)
    expect(b.nightsLower).toBeLessThan(a.nightsLower)
    expect(b.nightsUpper).toBeGreaterThan(a.nightsUpper)
    const se = provinceStayNightsWithError(
      [lengthsRow(varied, { province: "LA16" })],
      stayLengths([lengthsRow(varied)]),
    )
    expect(se.get("LA16")!.se).toBeGreaterThan(5)
  })
  it("the forecast interval carries it too", () => {
    const years = [2019, 2020, 2021, 2022, 2023]
    const of = (lengths: ReadonlyArray<number>) =>
      forecastNights(years.map((year) => lengthsRow(lengths, { year }))).find(
        (c) => c.province === null && c.period === "2024-Q1",
      )!
    const a = of([25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25])
    const b = of([2, 5, 8, 10, 12, 15, 25, 30, 35, 40, 50, 68])
    expect(b.nights).toBeCloseTo(a.nights, 9)
    expect(b.upper - b.lower).toBeGreaterThan(a.upper - a.lower)
  })
})

describe("demand by province and quarter", () => {
  const rows = [
    stay({ province: "LA16", quarter: 3, stays: 6 }),
    stay({ province: "LA13", quarter: 3, stays: 2 }),
    stay({ province: "LA13", year: 2022, quarter: 1, stays: 1 }),
  ]
  it("gives every province and quarter an estimate with an interval, none all-suppressed", () => {
    const cells = demand(rows, "quarter")
    expect(cells).toHaveLength(18 * 4 * 2)
    for (const c of cells) {
      expect(c.stays).toBeGreaterThan(0)
      expect(c.nightsLower).toBeLessThan(c.nights)
      expect(c.nightsUpper).toBeGreaterThan(c.nights)
    }
    const lp = cells.find((c) => c.province === "LA16" && c.period === "2023-Q3")!
    const other = cells.find((c) => c.province === "LA16" && c.period === "2023-Q2")!
    expect(lp.stays).toBeGreaterThan(other.stays)
  })
  it("the year grain has one cell per province and year, 365 or 366 days", () => {
    const cells = demand(rows, "year")
    expect(cells.map((c) => c.period)).toContain("2022")
    expect(cells.find((c) => c.period === "2023")!.days).toBe(365)
  })
  it("seasonality sums to 1 and peaks where the stays are", () => {
    const s = seasonality(rows)
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    expect(s[2]).toBeGreaterThan(s[1])
  })
})

describe("forecast and back-test", () => {
  it("negative binomial quantiles: shape 1 is geometric, P(X <= k) = 1 - (1 - q)^(k + 1)", () => {
    // rate 1 -> q = 0.5: P(X <= 0) = 0.5, P(X <= 1) = 0.75, P(X <= 2) = 0.875
    expect(negBinQuantile(0.5, 1, 1)).toBe(0)
    expect(negBinQuantile(0.7, 1, 1)).toBe(1)
    expect(negBinQuantile(0.8, 1, 1)).toBe(2)
  })
  it("a flat series forecasts its level with an interval around it", () => {
    const f = forecastYear([2018, 2019, 2020, 2021, 2022, 2023].map((year) => ({ year, stays: 100 })))!
    expect(f.year).toBe(2024)
    expect(f.growth).toBeCloseTo(1, 12)
    expect(f.stays).toBeCloseTo(100, 9)
    expect(f.lower).toBeLessThan(100)
    expect(f.upper).toBeGreaterThan(100)
  })
  it("a doubling series is clamped to growth 2 per year", () => {
    const f = forecastYear([1, 2, 4, 8, 16, 32].map((stays, i) => ({ year: 2018 + i, stays })))!
    expect(f.growth).toBeLessThanOrEqual(2)
  })
  it("back-test reports the error of each year forecast from the years before it", () => {
    const series = [140, 150, 135, 145, 160, 150, 155, 148].map((stays, i) => ({ year: 2015 + i, stays }))
    const b = backTest(series)
    expect(b.rows.map((r) => r.year)).toEqual([2018, 2019, 2020, 2021, 2022])
    expect(b.mape).toBeGreaterThan(0)
    expect(b.mape).toBeLessThan(0.2)
    expect(b.coverage).toBeGreaterThan(0.5)
  })
  it("the published back-test withholds a small year's actual and everything that gives it back", () => {
    const series = [40, 45, 38, 6, 42].map((stays, i) => ({ year: 2019 + i, stays }))
    const rows = publishedBackTest(backTest(series).rows, 10)
    const small = rows.find((r) => r.year === 2022)!
    expect(small).toMatchObject({ actual: null, inside: null, abs_pct_error: null })
    expect(small.forecast).toBeGreaterThan(0)
    const shown = rows.find((r) => r.year === 2023)!
    expect(shown.actual).toBe(42)
    expect(shown.abs_pct_error).toBeGreaterThan(0)
    expect(shown.inside).not.toBeNull()
  })
  it("next year's nights by quarter, nationally and per province, beside last year's", () => {
    const rows = [2020, 2021, 2022, 2023].flatMap((year) => [
      stay({ year, quarter: 1, stays: 10, province: "LA16" }),
      stay({ year, quarter: 3, stays: 20, province: "LA13" }),
    ])
    const f = forecastNights(rows)
    const national = f.filter((c) => c.province === null)
    expect(national.map((c) => c.period)).toEqual(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"])
    for (const c of national) expect(c.upper).toBeGreaterThan(c.lower)
    expect(national[2]!.nights).toBeGreaterThan(national[1]!.nights)
    expect(national[0]!.lastYear).toBeGreaterThan(0)
  })
})

describe("stays from DuckDB", () => {
  let db: TestDb
  beforeAll(async () => {
    db = await openMemory()
    await loadCases(db, [
      {
        identification_date: "2023-07-01",
        origin_province: "LA16",
        age_years: 15,
        victim_group: "local_lao",
        interim_care_date: "2023-07-02",
        assessment_date: "2023-08-01",
      },
      {
        identification_date: "2023-07-01",
        origin_district: "LA1301",
        age_years: 30,
        victim_group: "deported_lao",
        return_date: "2023-08-10",
      },
    ])
  })
  afterAll(() => db.close())
  it("counts stays, completed stays and their nights by province, quarter, stage, group and age", async () => {
    expect(await staysFromWarehouse(db)).toEqual([
      {
        province: "LA13",
        year: 2023,
        quarter: 3,
        stage: "return_reception",
        victim_group: "deported_lao",
        age_class: "adult",
        stays: 1,
        completed: 0,
        nights: 0,
        nights_sq: 0,
      },
      {
        province: "LA16",
        year: 2023,
        quarter: 3,
        stage: "interim_care",
        victim_group: "local_lao",
        age_class: "child",
        stays: 1,
        completed: 1,
        nights: 30,
        nights_sq: 900,
      },
    ])
  })
})

describe("dispersion", () => {
  it("is 1 for a steady series and grows with swings beyond Poisson noise", () => {
    const steady = [100, 101, 99, 100, 102, 98, 100].map((stays, i) => ({ year: 2010 + i, stays }))
    const swings = [100, 40, 160, 90, 30, 170, 100].map((stays, i) => ({ year: 2010 + i, stays }))
    expect(dispersionOf(steady)).toBe(1)
    expect(dispersionOf(swings)).toBeGreaterThan(5)
    const a = forecastYear(steady)!
    const b = forecastYear(swings)!
    expect(b.upper - b.lower).toBeGreaterThan(a.upper - a.lower)
  })
})
