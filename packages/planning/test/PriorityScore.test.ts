import { describe, expect, it } from "vitest"
import type { CpnDistrict } from "../src/CpnCoverage.ts"
import { districtChildPopulation, haversineKm } from "../src/Gazetteer.ts"
import {
  type DistrictInput,
  defaultWeights,
  priorityScores,
  rankedListCsv,
  weightSensitivity,
} from "../src/PriorityScore.ts"
import type { Shelter } from "../src/Shelters.ts"
import { tinyPlaces } from "./helpers.ts"

const coverage: ReadonlyArray<CpnDistrict> = [
  { district: "LA9001", province: "LA90", status: "active", source: "", illustrative: true },
  { district: "LA9003", province: "LA90", status: "planned", source: "", illustrative: true },
]
const shelters: ReadonlyArray<Shelter> = [
  {
    id: "S",
    name: "Shelter",
    province: "LA90",
    district: "LA9004",
    places: 5,
    operator: "lwu",
    illustrative: true,
  },
]
const row = (district: string, v: Omit<DistrictInput, "district">): DistrictInput => ({ district, ...v })
const inputs: ReadonlyArray<DistrictInput> = [
  row("LA9001", {
    childVictims: 99,
    recentVictims: 99,
    previousVictims: 0,
    minorityVictims: 9,
    victimsWithEthnicity: 9,
  }),
  row("LA9002", {
    childVictims: 15,
    recentVictims: 9,
    previousVictims: 4,
    minorityVictims: 3,
    victimsWithEthnicity: 12,
  }),
  row("LA9003", {
    childVictims: 60,
    recentVictims: 3,
    previousVictims: 3,
    minorityVictims: 6,
    victimsWithEthnicity: 12,
  }),
  // suppressed child count (public tier) and no victim with a known ethnicity
  row("LA9004", {
    childVictims: null,
    recentVictims: 0,
    previousVictims: 1,
    minorityVictims: 0,
    victimsWithEthnicity: 0,
  }),
]
const ctx = { places: tinyPlaces, coverage, shelters, checkpointFlows: [{ checkpoint: "T90", victims: 40 }] }

describe("priorityScores: hand-computed 3-district case", () => {
  // raw -> normalised (min-max over LA9002, LA9003, LA9004; LA9001 is covered)
  // childRate     1000, 2000, null      -> 0, 1, null  (15/1500, 60/3000 children x 100,000)
  // trend         10/5, 4/4, 1/2        -> 1, 1/3, 0
  // minorityShare 0.25, 0.5, null       -> 0, 1, null
  // borderFlow    40, 0, 0              -> 1, 0, 0     (T90 within 50 km of LA9002 only)
  // distanceToCpn 1, 2, 3 degrees       -> 0, 0.5, 1   (nearest active CPN: LA9001; LA9003 is only planned)
  // distanceToShelter 2, 1, 0 degrees   -> 1, 0.5, 0
  // weights 3,1,1,1,1,1: LA9002 3/8; LA9003 (3 + 1/3 + 1 + 0 + 0.5 + 0.5)/8 = 2/3;
  // LA9004 (0 + 0 + 1 + 0)/4 = 1/4 over its known components
  const scores = priorityScores(inputs, ctx)
  const by = new Map(scores.map((s) => [s.district, s]))

  it("scores and ranks", () => {
    expect(scores.map((s) => [s.district, s.rank])).toEqual([
      ["LA9003", 1],
      ["LA9002", 2],
      ["LA9004", 3],
      ["LA9001", null],
    ])
    expect(by.get("LA9002")!.score).toBeCloseTo(3 / 8, 12)
    expect(by.get("LA9003")!.score).toBeCloseTo(2 / 3, 12)
    expect(by.get("LA9004")!.score).toBeCloseTo(1 / 4, 12)
  })

  it("returns the components so the UI can say why", () => {
    const c = by.get("LA9003")!.components
    expect(c.childRate.raw).toBeCloseTo(2000, 9)
    expect(c.trend).toEqual({ raw: 1, normalised: 1 / 3, weight: 1 })
    expect(c.distanceToCpn.raw).toBeCloseTo(2 * haversineKm(18, 102, 19, 102), 9)
    expect(c.distanceToCpn.normalised).toBeCloseTo(0.5, 12)
    expect(by.get("LA9002")!.components.borderFlow).toEqual({ raw: 40, normalised: 1, weight: 1 })
    expect(by.get("LA9003")!.notes).toContain("child population estimated from the province by area")
  })

  it("flags suppressed or unknown inputs instead of guessing", () => {
    expect(by.get("LA9004")!.unknown).toEqual(["childRate", "minorityShare"])
    expect(by.get("LA9004")!.components.childRate).toEqual({ raw: null, normalised: null, weight: 3 })
    expect(by.get("LA9002")!.unknown).toEqual([])
  })

  it("gives covered districts score 0 and keeps them out of the min-max", () => {
    const covered = by.get("LA9001")!
    expect(covered).toMatchObject({ covered: true, score: 0, rank: null })
    // LA9001's 99 victims would otherwise be the maximum of every count component
    expect(by.get("LA9003")!.components.childRate.normalised).toBe(1)
  })

  it("follows the planner's weights", () => {
    const only = priorityScores(inputs, ctx, {
      ...defaultWeights,
      childRate: 0,
      trend: 0,
      minorityShare: 0,
      borderFlow: 0,
      distanceToShelter: 0,
    })
    expect(only.map((s) => [s.district, s.score])).toEqual([
      ["LA9004", 1],
      ["LA9003", 0.5],
      ["LA9002", 0],
      ["LA9001", 0],
    ])
    expect(() => priorityScores(inputs, ctx, { ...defaultWeights, trend: -1 })).toThrow("trend")
  })

  it("treats a suppressed checkpoint flow as unknown for districts near it", () => {
    const s = priorityScores(inputs, { ...ctx, checkpointFlows: [{ checkpoint: "T90", victims: null }] })
    expect(s.find((x) => x.district === "LA9002")!.unknown).toContain("borderFlow")
    expect(s.find((x) => x.district === "LA9003")!.unknown).not.toContain("borderFlow")
  })
})

describe("district child population", () => {
  it("uses the district figure, else shares the province's children by area", () => {
    expect(districtChildPopulation(tinyPlaces, "LA9101")).toEqual({ value: 5000, method: "district" })
    expect(districtChildPopulation(tinyPlaces, "LA9003")).toEqual({ value: 3000, method: "province_by_area" })
  })
})

describe("rankedListCsv", () => {
  it("writes a header and one row per district in rank order", () => {
    const csv = rankedListCsv(priorityScores(inputs, ctx), tinyPlaces)
    const lines = csv.slice(1).split("\r\n")
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(
      lines[0]!.startsWith(
        "rank,district,district_name,province,covered,score,childRate_raw,childRate_normalised",
      ),
    ).toBe(true)
    expect(lines[1]!.startsWith("1,LA9003,Gamma,LA90,false,0.6667,2000,1,")).toBe(true)
    expect(lines[4]!.startsWith(",LA9001,Alpha,LA90,true,0,")).toBe(true)
  })
})

describe("estimates in the score", () => {
  const ctx = { places: tinyPlaces, coverage, shelters, checkpointFlows: [] }
  const suppressed = (district: string, rate: number): DistrictInput => ({
    district,
    childVictims: null,
    recentVictims: null,
    previousVictims: null,
    minorityVictims: null,
    victimsWithEthnicity: null,
    childRateEstimate: { value: rate, lower: rate / 2, upper: rate * 2 },
  })
  it("a suppressed count with an estimate still ranks on childRate, and says it is estimated", () => {
    const scores = priorityScores([suppressed("LA9002", 40), suppressed("LA9004", 10)], ctx)
    const top = scores.find((s) => s.rank === 1)!
    expect(top.district).toBe("LA9002")
    expect(top.unknown).not.toContain("childRate")
    expect(top.estimated).toEqual([{ component: "childRate", lower: 20, upper: 80, cases: null }])
    expect(top.components.childRate.raw).toBe(40)
  })
  it("weightSensitivity lists who enters and leaves the top N when one weight moves by 50%", () => {
    const all = [suppressed("LA9002", 40), suppressed("LA9003", 30), suppressed("LA9004", 10)]
    const { base, rows } = weightSensitivity(all, ctx, defaultWeights, 1)
    expect(base).toHaveLength(1)
    expect(rows).toHaveLength(12)
    for (const r of rows) {
      expect(r.top).toHaveLength(1)
      expect(r.entered.length).toBe(r.left.length)
      if (r.entered.length === 0) expect(r.top).toEqual(base)
    }
    const lowChild = rows.find((r) => r.component === "childRate" && r.factor === 0.5)!
    expect(lowChild.weight).toBe(1.5)
  })
})
