import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  areaEstimates,
  areaEstimatesFromWarehouse,
  districtYearCountsFromFacts,
  estimateWindows,
  significant,
} from "../src/AreaEstimates.ts"
import { loadCases, openMemory, type TestDb, tinyPlaces } from "./helpers.ts"

describe("estimateWindows", () => {
  it("whole span, last 3, the 3 before, then each year", () => {
    expect(estimateWindows(2018, 2023)).toEqual([
      { from: 2018, to: 2023 },
      { from: 2021, to: 2023 },
      { from: 2018, to: 2020 },
      ...[2018, 2019, 2020, 2021, 2022, 2023].map((y) => ({ from: y, to: y })),
    ])
    expect(estimateWindows(2023, 2023)).toEqual([{ from: 2023, to: 2023 }])
  })
})

describe("areaEstimates", () => {
  const counts = [
    { district: "LA9001", year: 2023, child_victims: 3, victims: 5 },
    { district: "LA9004", year: 2023, child_victims: 12, victims: 20 },
    { district: "LA9101", year: 2023, child_victims: 1, victims: 2 },
    { district: "XX9999", year: 2023, child_victims: 4, victims: 4 },
  ]
  const rows = areaEstimates(counts, tinyPlaces, [{ from: 2023, to: 2023 }])
  it("gives every known district and province an estimate with an interval, for both measures", () => {
    const districts = rows.filter((r) => r.level === "district" && r.measure === "child_victims")
    expect(districts.map((r) => r.area).sort()).toEqual(["LA9001", "LA9002", "LA9003", "LA9004", "LA9101"])
    for (const r of rows) {
      expect(r.rate_per_100k).toBeGreaterThan(0)
      expect(r.lower_per_100k).toBeLessThan(r.rate_per_100k)
      expect(r.upper_per_100k).toBeGreaterThan(r.rate_per_100k)
      expect(r.expected_upper).toBeGreaterThan(r.expected_lower)
    }
    expect(rows.filter((r) => r.level === "province" && r.measure === "victims").map((r) => r.area)).toEqual([
      "LA90",
      "LA91",
    ])
  })
  it("a district with no record is not 0: it gets its province's level", () => {
    const d2 = rows.find((r) => r.area === "LA9002" && r.measure === "child_victims")!
    expect(d2.expected).toBeGreaterThan(0)
    expect(d2.expected_lower).toBeGreaterThanOrEqual(0)
  })
  it("per 100,000 people is lower than per 100,000 children for the same cases", () => {
    const child = rows.find((r) => r.area === "LA9004" && r.measure === "child_victims")!
    const all = rows.find((r) => r.area === "LA9004" && r.measure === "victims")!
    expect(all.population).toBeGreaterThan(child.population)
  })
})

describe("from DuckDB", () => {
  let db: TestDb
  beforeAll(async () => {
    db = await openMemory()
    await loadCases(db, [
      { identification_date: "2022-03-01", origin_district: "LA9001", age_years: 15 },
      { identification_date: "2023-03-01", origin_district: "LA9001", age_years: 30 },
      { identification_date: "2023-05-01", origin_district: "LA9004", date_of_birth: "2010-01-01" },
      { identification_date: "2023-05-01", origin_district: null, origin_province: "LA90" },
    ])
  })
  afterAll(() => db.close())
  it("reads the warehouse's cases and publishes rounded estimates, no counts", async () => {
    const rows = await areaEstimatesFromWarehouse(db, tinyPlaces)
    const windows = new Set(rows.map((r) => `${r.from_year}-${r.to_year}`))
    expect([...windows]).toEqual(["2022-2023", "2022-2022", "2023-2023"])
    for (const r of rows) {
      expect(Object.keys(r)).not.toContain("cases")
      expect(r.rate_per_100k).toBe(significant(r.rate_per_100k))
    }
  })
  it("reads the facts cube with the dashboard's filters", async () => {
    await db.exec(`create or replace table facts as select * from (values
      (2023, 'LA9001', true, 'local_lao', 'f', 'child', 'lao_tai', 'lao', 'sexual', 'THA', null, 'identified', 3),
      (2023, 'LA9001', false, 'deported_lao', 'm', 'adult', 'lao_tai', 'phouthai', 'labour', 'THA', null, 'identified', 2)
    ) t(year, district, is_child, victim_group, sex, age_band, ethnicity_family, ethnic_group, exploitation_form, destination, border_point, stage, n)`)
    expect(await districtYearCountsFromFacts(db)).toEqual([
      { district: "LA9001", year: 2023, child_victims: 3, victims: 5 },
    ])
    expect(await districtYearCountsFromFacts(db, { victimGroup: "deported_lao" })).toEqual([
      { district: "LA9001", year: 2023, child_victims: 0, victims: 2 },
    ])
    expect(await districtYearCountsFromFacts(db, { ethnicGroup: "phouthai" })).toEqual([
      { district: "LA9001", year: 2023, child_victims: 0, victims: 2 },
    ])
  })
})
