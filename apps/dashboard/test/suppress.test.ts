import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { suppress, suppressSeries } from "../src/lib/suppress.ts"

describe("suppress", () => {
  it("never shows a count below k, and never shows a small count as 0", () => {
    expect(suppress(0, 10)).toEqual({ kind: "no_data" })
    expect(suppress(null, 10)).toEqual({ kind: "no_data" })
    expect(suppress(1, 10)).toEqual({ kind: "suppressed", k: 10 })
    expect(suppress(9, 10)).toEqual({ kind: "suppressed", k: 10 })
    expect(suppress(10, 10)).toEqual({ kind: "value", n: 10 })
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 50 }), (n, k) => {
        const cell = suppress(n, k)
        return n < k ? cell.kind === "suppressed" : cell.kind === "value" && cell.n === n
      }),
    )
  })

  it("suppresses a second cell when exactly one would be recoverable from the total", () => {
    const out = suppressSeries([{ n: 50 }, { n: 12 }, { n: 3 }, { n: 30 }], 10)
    expect(out.map((r) => r.cell.kind)).toEqual(["value", "suppressed", "suppressed", "value"])
    const two = suppressSeries([{ n: 50 }, { n: 2 }, { n: 3 }], 10)
    expect(two.map((r) => r.cell.kind)).toEqual(["value", "suppressed", "suppressed"])
    const none = suppressSeries([{ n: 50 }, { n: 20 }], 10)
    expect(none.every((r) => r.cell.kind === "value")).toBe(true)
  })
})
