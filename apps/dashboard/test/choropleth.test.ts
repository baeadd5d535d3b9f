import { describe, expect, it } from "vitest"
import { type AreaValue, classesFor, classLabels } from "../src/lib/choropleth.ts"

const valuesOf = (ns: ReadonlyArray<number>): Map<string, AreaValue> =>
  new Map(ns.map((n, i) => [`A${i}`, { cell: { kind: "value", n }, value: n }] as const))

describe("legend class labels", () => {
  it("never overlap and read as the user reads them (1-97, 98-142)", () => {
    const labels = classLabels({ breaks: [97, 142, 163], colours: [], min: 1 }, 0, String)
    expect(labels).toEqual(["1\u201397", "98\u2013142", "143\u2013163"])
  })

  it("fractional equal-interval bounds become whole counts without a gap or overlap", () => {
    const classes = classesFor(valuesOf([3, 10, 20, 33, 41, 60]), "equal", 3)
    const labels = classLabels(classes, 0, String)
    expect(labels).toEqual(["3\u201322", "23\u201341", "42\u201360"])
  })

  it("rates step by the shown precision, and a class of one value shows that value", () => {
    const labels = classLabels({ breaks: [2.5, 2.5 + 1e-12, 7.25], colours: [], min: 2.5 }, 1, (n) =>
      n.toFixed(1),
    )
    expect(labels[0]).toBe("2.5")
    expect(labels[2]).toBe("2.6\u20137.2")
  })

  it("every shown value is inside the label of its own class", () => {
    const ns = [1, 4, 9, 16, 25, 36, 49, 64, 81, 97, 98, 120, 142, 143, 163]
    for (const method of ["quantile", "equal", "jenks"] as const) {
      const classes = classesFor(valuesOf(ns), method)
      const ranges = classLabels(classes, 0, String).map((l) => l.split("\u2013").map(Number))
      for (const n of ns) {
        const inside = ranges.filter(([lo, hi]) => n >= lo! && n <= (hi ?? lo)!)
        expect(inside, `${method} ${n}`).toHaveLength(1)
      }
    }
  })
})
