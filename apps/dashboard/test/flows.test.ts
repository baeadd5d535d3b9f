import { describe, expect, it } from "vitest"
import { countryAnchor } from "../src/data/countryDirections.ts"
import { controlThrough, flowLine, flowWidth, quadraticBezier } from "../src/lib/flows.ts"

describe("flow geometry", () => {
  it("the curve starts at the origin, passes through the border point and ends at the destination", () => {
    const origin = [18, 102] as const
    const border = [17.9, 102.7] as const
    const dest = [16, 101] as const
    const line = flowLine(origin, border, dest, 24)
    expect(line[0]).toEqual(origin)
    expect(line[24]).toEqual(dest)
    expect(line[12]?.[0]).toBeCloseTo(border[0], 10)
    expect(line[12]?.[1]).toBeCloseTo(border[1], 10)
  })

  it("a quadratic Bézier with its control on the chord is a straight line", () => {
    const pts = quadraticBezier([0, 0], [1, 1], [2, 2], 4)
    for (const [a, b] of pts) expect(a).toBeCloseTo(b, 12)
    expect(controlThrough([0, 0], [1, 1], [2, 2])).toEqual([1, 1])
  })

  it("places a destination outside Laos in the country's direction", () => {
    const tha = countryAnchor("THA", [17.878, 102.716])
    expect(tha?.[0]).toBeLessThan(17.878)
    const chn = countryAnchor("CHN", [21.5, 101.9])
    expect(chn?.[0]).toBeGreaterThan(21.5)
    const kor = countryAnchor("KOR", [18, 104], 1.6)
    expect(Math.hypot((kor?.[0] ?? 0) - 18, (kor?.[1] ?? 0) - 104)).toBeCloseTo(1.6, 6)
    expect(countryAnchor("XXX")).toBeNull()
  })

  it("widths grow with the count and stay within bounds", () => {
    expect(flowWidth(1, 100)).toBeLessThan(flowWidth(50, 100))
    expect(flowWidth(100, 100)).toBe(12)
    expect(flowWidth(0, 0)).toBe(1.5)
  })
})
