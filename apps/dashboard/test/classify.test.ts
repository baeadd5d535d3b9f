import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { breaksFor, classOf, equalBreaks, jenksBreaks, quantileBreaks } from "../src/lib/classify.ts"

/** Sum of squared deviations within classes, for breaks given as class upper bounds. */
const withinSS = (sorted: ReadonlyArray<number>, breaks: ReadonlyArray<number>): number => {
  const classes = breaks.map(() => [] as Array<number>)
  for (const v of sorted) classes[classOf(v, breaks)]?.push(v)
  return classes.reduce((acc, c) => {
    const mean = c.reduce((a, b) => a + b, 0) / (c.length || 1)
    return acc + c.reduce((a, b) => a + (b - mean) ** 2, 0)
  }, 0)
}

/** Every way of cutting a sorted list into k non-empty runs: the exhaustive optimum for small inputs. */
const bruteForceBest = (sorted: ReadonlyArray<number>, k: number): number => {
  let best = Infinity
  const cut = (start: number, left: number, bounds: Array<number>) => {
    if (left === 1) {
      const b = [...bounds, sorted[sorted.length - 1] as number]
      best = Math.min(best, withinSS(sorted, b))
      return
    }
    for (let end = start; end <= sorted.length - left; end++)
      cut(end + 1, left - 1, [...bounds, sorted[end] as number])
  }
  cut(0, k, [])
  return best
}

describe("classification", () => {
  it("finds the obvious natural breaks", () => {
    const values = [1, 2, 3, 10, 11, 12, 50, 51, 52]
    expect(jenksBreaks(values, 3)).toEqual([3, 12, 52])
  })

  it("Jenks reaches the exhaustive optimum on small inputs", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { minLength: 4, maxLength: 9 }),
        fc.integer({ min: 2, max: 4 }),
        (raw, k) => {
          const sorted = [...raw].sort((a, b) => a - b)
          if (k >= sorted.length) return true
          const jenks = jenksBreaks(sorted, k)
          expect(jenks).toHaveLength(k)
          expect(withinSS(sorted, jenks)).toBeCloseTo(bruteForceBest(sorted, k), 6)
          return true
        },
      ),
      { numRuns: 150 },
    )
  })

  it("quantiles put about the same number of values in each class", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(quantileBreaks(values, 4)).toEqual([25, 50, 75, 100])
  })

  it("equal intervals split the range evenly and end at the maximum", () => {
    expect(equalBreaks([0, 5, 100], 4)).toEqual([25, 50, 75, 100])
  })

  it("never yields more classes than distinct values, nor duplicated bounds", () => {
    expect(breaksFor("quantile", [5, 5, 5, 7], 5)).toEqual([5, 7])
    expect(breaksFor("jenks", [], 5)).toEqual([])
    for (const method of ["quantile", "equal", "jenks"] as const) {
      const b = breaksFor(method, [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7], 5)
      expect([...b].sort((x, y) => x - y)).toEqual(b)
      expect(b.at(-1)).toBe(9)
    }
  })

  it("classOf puts each value in the class of its upper bound", () => {
    expect(classOf(1, [3, 12, 52])).toBe(0)
    expect(classOf(3, [3, 12, 52])).toBe(0)
    expect(classOf(4, [3, 12, 52])).toBe(1)
    expect(classOf(52, [3, 12, 52])).toBe(2)
  })
})
