import { describe, expect, it } from "vitest"
import { binomialUpper, compareTrends, windowTrend } from "../src/lib/trend.ts"

const series = (o: Record<number, number>) => new Map(Object.entries(o).map(([y, n]) => [Number(y), n]))

describe("binomial tail", () => {
  it("matches exact values", () => {
    expect(binomialUpper(4, 4, 0.5)).toBeCloseTo(1 / 16, 12)
    expect(binomialUpper(0, 10, 0.3)).toBe(1)
    expect(binomialUpper(8, 10, 0.5)).toBeCloseTo(56 / 1024, 12)
  })
})

describe("window trends", () => {
  it("call a clear rise and a clear fall over the last three years against the three before", () => {
    const up = windowTrend(
      series({ 2019: 10, 2020: 12, 2021: 11, 2022: 30, 2023: 35, 2024: 40 }),
      2019,
      2024,
      10,
    )
    expect(up).toMatchObject({
      call: "rising",
      recent: 105,
      previous: 33,
      recentYears: [2022, 2024],
      previousYears: [2019, 2021],
    })
    expect(up.ratio).toBeCloseTo(105 / 33, 9)
    expect(
      windowTrend(series({ 2019: 40, 2020: 35, 2021: 30, 2022: 12, 2023: 10, 2024: 11 }), 2019, 2024, 10)
        .call,
    ).toBe("falling")
  })
  it("say no clear change when the test cannot tell", () => {
    expect(
      windowTrend(series({ 2019: 10, 2020: 12, 2021: 11, 2022: 12, 2023: 10, 2024: 13 }), 2019, 2024, 10)
        .call,
    ).toBe("steady")
  })
  it("say too few when a window is hidden by the screen rule or there are no earlier years", () => {
    expect(windowTrend(series({ 2019: 2, 2020: 3, 2022: 30, 2023: 35, 2024: 40 }), 2019, 2024, 10).call).toBe(
      "too_few",
    )
    expect(windowTrend(series({ 2023: 30, 2024: 40 }), 2022, 2024, 1).call).toBe("too_few")
    expect(windowTrend(series({}), 2019, 2024, 1).call).toBe("too_few")
  })
  it("with exact counts (threshold 1) four cases cannot make a trend, 12 against 0 can", () => {
    expect(windowTrend(series({ 2023: 4 }), 2019, 2024, 1).call).toBe("steady")
    const fresh = windowTrend(series({ 2023: 12 }), 2019, 2024, 1)
    expect(fresh.call).toBe("rising")
    expect(fresh.ratio).toBe(Number.POSITIVE_INFINITY)
  })
  it("rank rising first, then steady, falling, too few", () => {
    const t = (o: Record<number, number>) => windowTrend(series(o), 2019, 2024, 1)
    const list = [t({ 2019: 40, 2022: 5 }), t({}), t({ 2019: 10, 2022: 10 }), t({ 2019: 5, 2022: 40 })].sort(
      compareTrends,
    )
    expect(list.map((x) => x.call)).toEqual(["rising", "steady", "falling", "too_few"])
  })
})
