import { BedNights, CpnCoverage, PriorityScore } from "@lao-protect/planning"
import { describe, expect, it } from "vitest"
import { places } from "../src/pages/planning/inputs.ts"
import {
  caseBaseCell,
  caseMixPerYear,
  completeInputs,
  coverageToCsv,
  heatmap,
  parseWeights,
  scoreWindows,
  splitByGroupMix,
  toggleCoverage,
  unknownReason,
  windowOfMonths,
} from "../src/pages/planning/model.ts"

describe("scoreWindows", () => {
  it("counts over the filtered years, trend = last 3 years vs the 3 before", () => {
    expect(scoreWindows([2015, 2024], null, null)).toEqual({
      recent: [2022, 2024],
      previous: [2019, 2021],
      counts: [2015, 2024],
    })
    expect(scoreWindows([2015, 2024], 2020, 2023)).toEqual({
      recent: [2021, 2023],
      previous: [2020, 2020],
      counts: [2020, 2023],
    })
  })
  it("clips to the release's years and keeps a one-year range valid", () => {
    expect(scoreWindows([2019, 2024], 2010, 2030).counts).toEqual([2019, 2024])
    const one = scoreWindows([2019, 2024], 2022, 2022)
    expect(one.recent).toEqual([2022, 2022])
    expect(one.previous[1]).toBe(2021)
    expect(one.previous[0]).toBeLessThanOrEqual(one.previous[1])
  })
})

describe("coverage edits", () => {
  const example = CpnCoverage.parseCpnCoverage(
    "district_code,district_name,province,status\nLA0601,,LA06,active\nLA0602,,LA06,planned\n",
    places,
  ).rows
  it("toggling removes an active network and activates an uncovered or planned district", () => {
    const off = toggleCoverage(example, "LA0601", places)
    expect(CpnCoverage.coveredDistricts(off).has("LA0601")).toBe(false)
    const planned = toggleCoverage(example, "LA0602", places)
    expect(CpnCoverage.coveredDistricts(planned)).toEqual(new Set(["LA0601", "LA0602"]))
    const added = toggleCoverage(example, "LA0101", places)
    expect(added.find((c) => c.district === "LA0101")).toMatchObject({ province: "LA01", status: "active" })
    expect(toggleCoverage(example, "LA9999", places)).toBe(example)
  })
  it("round-trips through the input file format (what localStorage keeps)", () => {
    const edited = toggleCoverage(example, "LA0101", places)
    const back = CpnCoverage.parseCpnCoverage(coverageToCsv(edited), places)
    expect(back.errors).toEqual([])
    expect(back.rows.map((r) => [r.district, r.status]).sort()).toEqual(
      edited.map((r) => [r.district, r.status]).sort(),
    )
  })
})

describe("weights from storage", () => {
  it("accepts valid weights and refuses anything else", () => {
    expect(parseWeights(JSON.stringify(PriorityScore.defaultWeights))).toEqual(PriorityScore.defaultWeights)
    expect(parseWeights(JSON.stringify({ ...PriorityScore.defaultWeights, trend: -1 }))).toBeNull()
    const zeros = Object.fromEntries(PriorityScore.componentNames.map((c) => [c, 0]))
    expect(parseWeights(JSON.stringify(zeros))).toBeNull()
    expect(parseWeights("{not json")).toBeNull()
    expect(parseWeights(null)).toBeNull()
  })
})

describe("score inputs", () => {
  it("gives every district a row, with true zeros where the cube has none", () => {
    const all = completeInputs(
      [
        {
          district: "LA0101",
          childVictims: null,
          recentVictims: 12,
          previousVictims: 3,
          minorityVictims: 0,
          victimsWithEthnicity: 15,
        },
        {
          district: "XX0000",
          childVictims: 1,
          recentVictims: 1,
          previousVictims: 1,
          minorityVictims: 1,
          victimsWithEthnicity: 1,
        },
      ],
      places,
    )
    expect(all).toHaveLength(places.districts.length)
    expect(all.find((d) => d.district === "LA0101")?.childVictims).toBeNull()
    expect(all.find((d) => d.district === "LA0102")).toMatchObject({ childVictims: 0, recentVictims: 0 })
    expect(all.some((d) => d.district === "XX0000")).toBe(false)
  })
  it("says whether an unknown component was suppressed or had no data", () => {
    const input = {
      district: "LA0101",
      childVictims: null,
      recentVictims: 0,
      previousVictims: 0,
      minorityVictims: 0,
      victimsWithEthnicity: 0,
    }
    expect(unknownReason("childRate", input, false)).toBe("suppressed")
    expect(unknownReason("minorityShare", input, false)).toBe("no_data")
    expect(unknownReason("borderFlow", input, true)).toBe("suppressed")
  })
})

describe("bed-nights", () => {
  const rows = [
    { province: "LA01", month: "2024-01", nights: 300, cases: 20, suppressed: false },
    { province: "LA01", month: "2024-02", nights: null, cases: null, suppressed: true },
    { province: "LA13", month: "2024-02", nights: 100, cases: 12, suppressed: false },
    { province: null, month: "2024-01", nights: 50, cases: 10, suppressed: false },
  ]
  it("lays out a month x province heatmap (unknown province left off the grid)", () => {
    const hm = heatmap(rows)
    expect(hm.months).toEqual(["2024-01", "2024-02"])
    expect(hm.provinces).toEqual(["LA01", "LA13"])
    expect(hm.cells.get("LA01|2024-02")?.suppressed).toBe(true)
    expect(hm.max).toBe(300)
  })
  it("window covers whole months", () => {
    expect(windowOfMonths(["2024-01", "2024-02"])).toEqual({ from: "2024-01-01", to: "2024-02-29" })
    expect(windowOfMonths([])).toBeNull()
  })
  it("splits known cells by the victim-group mix so a push-back multiplier applies to its share only", () => {
    const mix = new Map([
      [
        "LA01",
        new Map([
          ["deported_lao", 25],
          ["local_lao", 75],
        ]),
      ],
    ]) as never
    const { base, unknownCells } = splitByGroupMix(rows, mix)
    expect(unknownCells).toBe(1)
    const total = base.reduce((s, r) => s + r.nights, 0)
    expect(total).toBeCloseTo(450)
    const window = windowOfMonths(["2024-01", "2024-02"])!
    const after = BedNights.applyScenario(base, { multipliers: { deported_lao: 1.4 } }, window)
    // 300 nights in LA01 x 25% deported x 40% more = 30; LA13 and unknown have no mix: untouched
    expect(after.reduce((s, r) => s + r.nights, 0)).toBeCloseTo(480)
    const event = BedNights.applyScenario(
      base,
      {
        events: [
          { label: "raid", province: "LA13", arrival: "2024-02-20", people: 10, averageStayNights: 30 },
        ],
      },
      window,
    )
    // clipped to the window: 20..29 February = 10 nights x 10 people
    expect(event.reduce((s, r) => s + r.nights, 0) - total).toBeCloseTo(100)
  })
})

describe("budget case mix", () => {
  const rows = [
    { victim_group: "local_lao", is_child: true, n: 20 },
    { victim_group: "deported_lao", is_child: false, n: 40 },
    { victim_group: "deported_lao", is_child: null, n: 4 },
  ]
  it("averages per year and classes ages", () => {
    expect(caseMixPerYear(rows, 4)).toEqual([
      { victim_group: "local_lao", age: "child", cases: 5 },
      { victim_group: "deported_lao", age: "adult", cases: 10 },
      { victim_group: "deported_lao", age: "unknown", cases: 1 },
    ])
  })
  it("suppresses the case base below k (no budget from a handful of cases)", () => {
    expect(caseBaseCell(rows, 10)).toEqual({ kind: "value", n: 64 })
    expect(caseBaseCell([{ victim_group: "local_lao", is_child: true, n: 3 }], 10)).toEqual({
      kind: "suppressed",
      k: 10,
    })
    expect(caseBaseCell([], 10)).toEqual({ kind: "no_data" })
  })
})
