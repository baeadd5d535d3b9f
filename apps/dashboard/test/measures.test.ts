import { Place } from "@lao-protect/domain"
import { SmallArea } from "@lao-protect/planning"
import { describe, expect, it } from "vitest"
import {
  ebRateValues,
  identifiedValues,
  minorityValues,
  provinceTotals,
  shareValue,
  wilson,
} from "../src/lib/measures.ts"
import { suppress } from "../src/lib/suppress.ts"

const codes: ReadonlyArray<string> = Place.provinces.map((p) => p.code)
const counts = new Map<string, number>(codes.map((c, i) => [c, i === 0 ? 3 : 20 + 5 * i]))

describe("small-area rates on the map", () => {
  it("are planning's global estimates per 100,000 a year over the 2015 census population", () => {
    const values = ebRateValues(
      codes,
      (c) => suppress(counts.get(c), 1),
      (c) => counts.get(c) ?? 0,
      4,
    )
    const direct = SmallArea.globalEstimates(
      codes.map((c) => ({
        area: c,
        parent: null,
        cases: counts.get(c)!,
        population: Place.populationOf(c as never) * 4,
      })),
    )
    for (const e of direct) {
      const v = values.get(e.area)!
      expect(v.value).toBeCloseTo(e.rate * 100_000, 9)
      expect(v.interval!.lower).toBeLessThanOrEqual(v.value!)
      expect(v.interval!.upper).toBeGreaterThanOrEqual(v.value!)
      expect(v.cell).toEqual({ kind: "value", n: counts.get(e.area) })
    }
  })
  it("give no estimate where the screen rule hides the count, and keep its mark", () => {
    const values = ebRateValues(
      codes,
      (c) => suppress(counts.get(c), 10),
      (c) => counts.get(c) ?? 0,
      4,
    )
    expect(values.get(codes[0]!)).toEqual({
      cell: { kind: "suppressed", k: 10 },
      value: null,
      interval: null,
    })
    expect(values.get(codes[1]!)!.value).not.toBeNull()
  })
  it("shrink a small province toward the national rate", () => {
    const values = ebRateValues(
      codes,
      (c) => suppress(counts.get(c), 1),
      (c) => counts.get(c) ?? 0,
      1,
    )
    const raw = (3 / Place.populationOf(codes[0] as never)) * 100_000
    const national =
      ([...counts.values()].reduce((a, b) => a + b, 0) /
        codes.reduce((s, c) => s + Place.populationOf(c as never), 0)) *
      100_000
    const v = values.get(codes[0]!)!.value!
    expect(Math.abs(v - national)).toBeLessThan(Math.abs(raw - national))
  })
})

describe("shares", () => {
  it("show only when the part and the rest both reach k, with a Wilson interval", () => {
    expect(shareValue(0, 0, 10).cell.kind).toBe("no_data")
    expect(shareValue(9, 40, 10).cell.kind).toBe("suppressed")
    expect(shareValue(35, 40, 10).cell.kind).toBe("suppressed")
    const s = shareValue(20, 50, 10)
    expect(s.value).toBe(40)
    expect(s.interval!.lower).toBeLessThan(40)
    expect(s.interval!.upper).toBeGreaterThan(40)
  })
  it("Wilson's 90% interval is the score formula (20 of 50, z = 1.645: 0.2940-0.5163 by hand)", () => {
    const w = wilson(20, 50, 0.9)
    expect(w.lower).toBeCloseTo(0.294, 3)
    expect(w.upper).toBeCloseTo(0.5163, 3)
  })
})

describe("per-province totals from the measures view", () => {
  const rows = [
    { province: "LA01", identification_setting: "hotline", n: 12, ethnicity_recorded: 10, minority: 4 },
    {
      province: "LA01",
      identification_setting: "border_checkpoint",
      n: 30,
      ethnicity_recorded: 28,
      minority: 15,
    },
    { province: "LA01", identification_setting: null, n: 5, ethnicity_recorded: 5, minority: 1 },
    { province: "LA02", identification_setting: "hotline", n: 3, ethnicity_recorded: 3, minority: 3 },
  ]
  const totals = provinceTotals(rows)
  it("sum the settings of a province and count the recorded ones", () => {
    expect(totals.get("LA01")).toMatchObject({ n: 47, recorded: 43, minority: 20, settingRecorded: 42 })
    expect(totals.get("LA01")!.bySetting.get("hotline")).toBe(12)
  })
  it("map minority shares and identified counts under the one rule", () => {
    const minority = minorityValues(["LA01", "LA02", "LA03"], totals, 10)
    expect(minority.get("LA01")!.value).toBeCloseTo((100 * 20) / 43, 9)
    expect(minority.get("LA02")!.cell.kind).toBe("suppressed")
    expect(minority.get("LA03")!.cell.kind).toBe("no_data")
    const hotline = identifiedValues(["LA01", "LA02"], totals, "hotline", 10)
    expect(hotline.get("LA01")).toMatchObject({ cell: { kind: "value", n: 12 }, value: 12 })
    expect(hotline.get("LA01")!.share).toBeCloseTo((100 * 12) / 42, 9)
    expect(hotline.get("LA02")!.cell).toEqual({ kind: "suppressed", k: 10 })
    expect(hotline.get("LA02")!.share).toBeNull()
  })
})
