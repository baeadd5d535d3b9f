import { describe, expect, it } from "vitest"
import { suppress } from "../src/lib/suppress.ts"
import {
  buildSeries,
  OTHER,
  periodKey,
  periodsBetween,
  rateOf,
  yearOnYear,
} from "../src/pages/trends/series.ts"

const K = 10

describe("period bucketing", () => {
  it("names and lists every period between two years", () => {
    expect(periodKey("year", 2021, 0)).toBe("2021")
    expect(periodKey("quarter", 2021, 3)).toBe("2021-Q3")
    expect(periodKey("month", 2021, 3)).toBe("2021-03")
    expect(periodsBetween("year", 2019, 2021).map((p) => p.key)).toEqual(["2019", "2020", "2021"])
    expect(periodsBetween("quarter", 2020, 2021)).toHaveLength(8)
    const months = periodsBetween("month", 2020, 2020)
    expect(months.map((p) => p.key)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, "0")}`),
    )
  })

  it("puts rows in their period, keeps empty periods as no data and suppresses small ones", () => {
    const s = buildSeries(
      [
        { year: 2020, sub: 1, category: "total", n: 30 },
        { year: 2020, sub: 3, category: "total", n: 4 },
        { year: 2021, sub: 4, category: "total", n: 12 },
      ],
      "quarter",
      [2020, 2021],
      K,
    )
    const cells = s.cells.get("total") ?? []
    expect(cells).toHaveLength(8)
    expect(cells[0]).toEqual({ kind: "value", n: 30 })
    expect(cells[1]).toEqual({ kind: "no_data" })
    expect(cells[2]).toEqual({ kind: "suppressed", k: K })
    expect(cells[7]).toEqual({ kind: "value", n: 12 })
  })

  it("orders categories by total, keeps the top ones, and adds complementary suppression per period", () => {
    const s = buildSeries(
      [
        { year: 2020, sub: 0, category: "a", n: 50 },
        { year: 2020, sub: 0, category: "b", n: 20 },
        { year: 2020, sub: 0, category: "c", n: 3 },
        { year: 2020, sub: 0, category: null, n: 11 },
      ],
      "year",
      [2020, 2020],
      K,
      3,
    )
    expect(s.categories).toEqual(["a", "b", "unknown", OTHER])
    expect(s.hidden).toBe(3)
    // other (c, 3) is suppressed, so the smallest shown series of that year (unknown, 11) is suppressed too
    expect(s.cells.get(OTHER)?.[0]).toEqual({ kind: "suppressed", k: K })
    expect(s.cells.get("unknown")?.[0]).toEqual({ kind: "suppressed", k: K })
    expect(s.cells.get("a")?.[0]).toEqual({ kind: "value", n: 50 })
  })
})

describe("province small multiples", () => {
  it("every province is present, with or without records, plus unknown when there are such cases", () => {
    const provinces = Array.from({ length: 18 }, (_, i) => `LA${String(i + 1).padStart(2, "0")}`)
    const s = buildSeries(
      [
        { year: 2020, sub: 0, category: "LA01", n: 50 },
        { year: 2020, sub: 0, category: null, n: 2 },
      ],
      "year",
      [2020, 2020],
      K,
      Number.POSITIVE_INFINITY,
      provinces,
    )
    expect([...s.categories].sort()).toEqual([...provinces, "unknown"].sort())
    expect(s.cells.get("LA18")?.[0]).toEqual({ kind: "no_data" })
    expect(s.hidden).toBe(0)
  })
})

describe("year-on-year change", () => {
  const c = (n: number) => suppress(n, K)
  it("compares with the same period one year earlier", () => {
    expect(yearOnYear([c(20), c(30)], "year")).toEqual([
      { kind: "not_computed", reason: "first" },
      { kind: "value", pct: 50 },
    ])
    const q = yearOnYear([c(20), c(40), c(10), c(10), c(30), c(20), c(10), c(10)], "quarter")
    expect(q[4]).toEqual({ kind: "value", pct: 50 })
    expect(q[5]).toEqual({ kind: "value", pct: -50 })
  })
  it("is not computed when either side is suppressed or has no data", () => {
    expect(yearOnYear([c(4), c(30), c(5), c(0), c(12)], "year")).toEqual([
      { kind: "not_computed", reason: "first" },
      { kind: "not_computed", reason: "suppressed" },
      { kind: "not_computed", reason: "suppressed" },
      { kind: "not_computed", reason: "suppressed" },
      { kind: "not_computed", reason: "no_data" },
    ])
  })
  it("rates exist only for shown values", () => {
    expect(rateOf(c(50), 1_000_000)).toBe(5)
    expect(rateOf(c(5), 1_000_000)).toBeNull()
    expect(rateOf(c(0), 1_000_000)).toBeNull()
  })
})
