import { describe, expect, it } from "vitest"
import { type AreaEstimate, areaEstimates, estimateWindows, significant } from "../src/AreaEstimates.ts"
import { bandCount, reconstructCount } from "../src/Disclosure.ts"
import { fromDomain } from "../src/Gazetteer.ts"
import { demand, forecastNights, type StayCount } from "../src/ShelterDemand.ts"
import { tinyPlaces } from "./helpers.ts"

describe("bandCount", () => {
  it("keeps 0, moves any other count to the middle of its band of width k", () => {
    expect([0, 1, 5, 9, 10, 19, 20, 31].map((n) => bandCount(n, 10))).toEqual([
      0, 5, 5, 5, 14.5, 14.5, 24.5, 34.5,
    ])
    expect(bandCount(7, 1)).toBe(7)
    expect(() => bandCount(-1, 10)).toThrow(/count/)
    expect(() => bandCount(3, 0)).toThrow(/threshold/)
  })
})

/** District-year counts like a 300-case release over 20 years (seeded; a few districts carry most). */
function syntheticCounts(total: number) {
  let seed = 7
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const places = fromDomain()
  const districts = places.districts.map((d) => d.code)
  const weights = districts.map(() => rnd() ** 3)
  const sum = weights.reduce((a, b) => a + b, 0)
  const counts = new Map<string, { district: string; year: number; child_victims: number; victims: number }>()
  for (let i = 0; i < total; i++) {
    let u = rnd() * sum
    let j = 0
    while (u > weights[j]! && j < weights.length - 1) u -= weights[j++]!
    const year = 2005 + Math.floor(rnd() * 20)
    const key = `${districts[j]}|${year}`
    const c = counts.get(key) ?? { district: districts[j]!, year, child_victims: 0, victims: 0 }
    counts.set(key, { ...c, victims: c.victims + 1, child_victims: c.child_victims + (rnd() < 0.4 ? 1 : 0) })
  }
  return { places, counts: [...counts.values()] }
}

/** The check: for every district window with a true count of 1..k-1, the count a reader solves back. */
function attack(rows: ReadonlyArray<AreaEstimate>, truth: (r: AreaEstimate) => number) {
  const province = new Map(
    rows
      .filter((r) => r.level === "province")
      .map((r) => [`${r.area}|${r.measure}|${r.from_year}|${r.to_year}`, significant(r.rate_per_100k)]),
  )
  return rows
    .filter((r) => r.level === "district")
    .map((r) => ({ y: truth(r), r }))
    .filter(({ y }) => y >= 1 && y <= 9)
    .map(({ y, r }) => ({
      y,
      solved: reconstructCount({
        population: Math.round(r.population),
        years: r.to_year - r.from_year + 1,
        ratePer100k: significant(r.rate_per_100k),
        weight: significant(r.weight),
        provinceRatePer100k: province.get(`${r.province}|${r.measure}|${r.from_year}|${r.to_year}`)!,
      }),
    }))
}

describe("published estimates cannot be solved back to a count below the threshold", () => {
  const { places, counts } = syntheticCounts(300)
  const windows = estimateWindows(2005, 2024)
  const truth = (r: AreaEstimate) =>
    counts
      .filter((c) => c.district === r.area && c.year >= r.from_year && c.year <= r.to_year)
      .reduce((s, c) => s + (r.measure === "child_victims" ? c.child_victims : c.victims), 0)

  it("the check bites: rounding alone (2 significant digits) gives most small counts back exactly", () => {
    const solved = attack(areaEstimates(counts, places, windows), truth)
    expect(solved.length).toBeGreaterThan(300)
    const exact = solved.filter((s) => Math.round(s.solved) === s.y).length
    expect(exact / solved.length).toBeGreaterThan(0.8)
  })

  it("banded at k = 10 as publish does, a reader solves every small count to the band's middle, not the count", () => {
    const solved = attack(areaEstimates(counts, places, windows, undefined, 10), truth)
    for (const s of solved) expect(Math.abs(s.solved - 5)).toBeLessThan(1)
    const recovered = solved.filter((s) => s.y !== 5 && Math.round(s.solved) === s.y)
    expect(recovered).toEqual([])
  })

  it("every published row is the same whether a district had 1 or 9 cases", () => {
    const rows = (n: number) =>
      areaEstimates(
        [
          { district: "LA9001", year: 2023, child_victims: n, victims: n },
          { district: "LA9004", year: 2022, child_victims: 12, victims: 20 },
          { district: "LA9101", year: 2023, child_victims: 2, victims: 3 },
        ],
        tinyPlaces,
        estimateWindows(2022, 2023),
        undefined,
        10,
      )
    expect(rows(1)).toEqual(rows(9))
    // without banding they differ: the estimate carries the count
    const raw = (n: number) =>
      areaEstimates([{ district: "LA9001", year: 2023, child_victims: n, victims: n }], tinyPlaces, [
        { from: 2023, to: 2023 },
      ])
    expect(raw(1)).not.toEqual(raw(9))
  })

  it("shelter demand and the province forecasts are the same whether a province-quarter had 1 or 9 stays", () => {
    const stays = (n: number): ReadonlyArray<StayCount> =>
      [2019, 2020, 2021, 2022, 2023].flatMap((year) => [
        {
          province: "LA16",
          year,
          quarter: 3,
          stage: "interim_care",
          victim_group: "local_lao",
          age_class: "child",
          stays: 30,
          completed: 20,
          nights: 600,
          nights_sq: 20_000,
        },
        {
          province: "LA13",
          year,
          quarter: 1,
          stage: "interim_care",
          victim_group: "local_lao",
          age_class: "child",
          stays: year === 2023 ? n : 3,
          completed: 0,
          nights: 0,
          nights_sq: 0,
        },
      ])
    const published = (n: number) => ({
      quarter: demand(stays(n), "quarter", undefined, 10),
      year: demand(stays(n), "year", undefined, 10),
      forecast: forecastNights(stays(n), undefined, 10).filter((c) => c.province !== null),
    })
    expect(published(1)).toEqual(published(9))
    expect(demand(stays(1), "quarter")).not.toEqual(demand(stays(9), "quarter"))
  })
})
