/** The planning page's estimate logic: which window the score uses, shortfall with intervals, the summary. */
import { describe, expect, it } from "vitest"
import { translator } from "../src/i18n/index.ts"
import { places } from "../src/pages/planning/inputs.ts"
import {
  chooseEstimates,
  type DemandCell,
  districtEstimates,
  type EstimateCell,
  largestShortfall,
  periodsDesc,
  placesNeeded,
  shortfallCells,
  withEstimates,
} from "../src/pages/planning/model.ts"
import { backTestSummary } from "../src/pages/planning/ShelterForecast.tsx"
import { summarySentence } from "../src/pages/planning/ShelterShortfall.tsx"

const est = (area: string, from: number, to: number, rate: number): EstimateCell => ({
  level: "district",
  area,
  province: area.slice(0, 4),
  measure: "child_victims",
  from_year: from,
  to_year: to,
  rate_per_100k: rate,
  lower_per_100k: rate / 2,
  upper_per_100k: rate * 2,
  expected: rate / 10,
  expected_lower: rate / 20,
  expected_upper: rate / 5,
  weight: 0.3,
})

describe("districtEstimates", () => {
  const rows = [est("LA0101", 2015, 2024, 5), est("LA0101", 2022, 2024, 7), est("LA0101", 2024, 2024, 9)]
  it("uses the window that matches the score's years", () => {
    const r = districtEstimates(rows, [2022, 2024])
    expect(r.window).toEqual([2022, 2024])
    expect(r.byDistrict.get("LA0101")?.rate_per_100k).toBe(7)
  })
  it("falls back to the widest window and says which", () => {
    const r = districtEstimates(rows, [2018, 2020])
    expect(r.window).toEqual([2015, 2024])
  })
  it("without facts every district gets unknown counts and its estimate", () => {
    const inputs = withEstimates(null, districtEstimates(rows, [2015, 2024]).byDistrict, places)
    expect(inputs).toHaveLength(places.districts.length)
    const d = inputs.find((i) => i.district === "LA0101")!
    expect(d.childVictims).toBeNull()
    expect(d.childRateEstimate).toEqual({ value: 5, lower: 2.5, upper: 10 })
  })
})

describe("chooseEstimates: the same numbers in both tiers where the release publishes them", () => {
  const published = [est("LA0101", 2015, 2024, 5), est("LA0101", 2022, 2024, 7)]
  const own = [est("LA0101", 2015, 2024, 5.04), est("LA0101", 2018, 2020, 6)]
  it("no filter and a published window: the published table, even with the facts cube", () => {
    expect(chooseEstimates(published, own, [2015, 2024], false)).toEqual({
      rows: published,
      source: "published",
    })
  })
  it("a shared filter, or a window the release does not publish: computed from the facts cube", () => {
    expect(chooseEstimates(published, own, [2015, 2024], true).source).toBe("facts")
    expect(chooseEstimates(published, own, [2018, 2020], false).source).toBe("facts")
  })
  it("the public tier (no facts cube): the published table whatever the window", () => {
    expect(chooseEstimates(published, null, [2018, 2020], true)).toEqual({
      rows: published,
      source: "published",
    })
    expect(chooseEstimates(undefined, null, [2018, 2020], false).rows).toEqual([])
  })
})

describe("shortfall from the demand estimates", () => {
  const cell = (province: string, period: string, nights: number): DemandCell => ({
    province,
    grain: "quarter",
    period,
    days: 100,
    nights,
    nights_lower: nights / 2,
    nights_upper: nights * 2,
  })
  const demand = [cell("LA16", "2024-Q3", 1500), cell("LA13", "2024-Q3", 300), cell("LA16", "2024-Q2", 100)]
  const places = new Map([
    ["LA16", 5],
    ["LA13", 4],
  ])
  it("occupied = nights / days, shortfall = occupied - places (>= 0), intervals from the nights' interval", () => {
    const c = shortfallCells(demand, "quarter", places).find(
      (x) => x.province === "LA16" && x.period === "2024-Q3",
    )!
    expect(c.occupied).toBe(15)
    expect(c.shortfall).toBe(10)
    expect([c.shortfallLower, c.shortfallUpper]).toEqual([2.5, 25])
    expect(placesNeeded(c)).toEqual([2, 25])
  })
  it("a scenario's extra nights raise the shortfall where they land", () => {
    const c = shortfallCells(demand, "quarter", places, (p, period) =>
      p === "LA13" && period === "2024-Q3" ? 300 : 0,
    )
    expect(c.find((x) => x.province === "LA13" && x.period === "2024-Q3")!.shortfall).toBe(2)
  })
  it("periods most recent first; the summary names the largest shortfall of the latest period", () => {
    const cells = shortfallCells(demand, "quarter", places)
    expect(periodsDesc(cells)).toEqual(["2024-Q3", "2024-Q2"])
    expect(largestShortfall(cells)?.province).toBe("LA16")
    const t = translator("en")
    expect(summarySentence(t, "en", cells)).toBe("Champasack needs 2–25 more places in 2024-Q3.")
    expect(summarySentence(t, "en", cells, "2024-Q2")).toBe(
      "In 2024-Q2 no province needs more places than the shelters file lists.",
    )
  })
})

describe("backTestSummary", () => {
  it("averages the absolute percentage error and counts the years inside the interval", () => {
    const s = backTestSummary([
      { year: 2020, actual: 100, forecast: 110, lower: 90, upper: 130, inside: true, abs_pct_error: 0.1 },
      { year: 2021, actual: 50, forecast: 65, lower: 55, upper: 80, inside: false, abs_pct_error: 0.3 },
    ])
    expect(s).toEqual({ n: 2, mape: 0.2, inside: 1 })
  })
  it("leaves out the years whose actual stays are withheld (below the threshold)", () => {
    const s = backTestSummary([
      { year: 2020, actual: 100, forecast: 110, lower: 90, upper: 130, inside: true, abs_pct_error: 0.1 },
      { year: 2021, actual: null, forecast: 12, lower: 5, upper: 20, inside: null, abs_pct_error: null },
    ])
    expect(s).toEqual({ n: 1, mape: 0.1, inside: 1 })
  })
})

describe("one coverage file for the map and planning", () => {
  it("the map draws the planning input's active districts (the illustrative example when nothing is served)", async () => {
    const { coverageForMap, parseInput } = await import("../src/pages/planning/inputs.ts")
    const { readFileSync } = await import("node:fs")
    const example = readFileSync(
      new URL("../../../data/planning/cpn-coverage.example.csv", import.meta.url),
      "utf8",
    )
    const parsed = parseInput("cpn-coverage", example, "illustrative")
    const map = await coverageForMap()
    expect(map.illustrative).toBe(true)
    expect(map.districts.length).toBeGreaterThan(10)
    expect(map.districts).toEqual(
      parsed.rows
        .filter((r) => r.status === "active")
        .map((r) => r.district)
        .sort(),
    )
  })
})
