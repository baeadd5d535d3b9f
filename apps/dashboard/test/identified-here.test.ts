/** Issue 21: "identified in this province" against "from this province", through the one rule. */
import { describe, expect, it } from "vitest"
import { byGap, gapOf, ratioOf } from "../src/components/IdentifiedVsOrigin.tsx"
import {
  identifiedHereValues,
  identifiedOriginCells,
  type PublishedProvinceYear,
  publishedSpanCells,
} from "../src/lib/measures.ts"

const row = (
  province: string | null,
  year: number | null,
  level: string,
  n: number | null,
): PublishedProvinceYear => ({ province, year, level, n, suppressed: n === null })

describe("cells from the cube", () => {
  it("suppresses each count under k and maps the identified count with the origin and the ratio beside it", () => {
    const cells = identifiedOriginCells(
      [
        { province: "LA01", identified: 40, origin: 20 },
        { province: "LA06", identified: 12, origin: 48 },
        { province: "LA05", identified: 3, origin: 30 },
      ],
      10,
    )
    const values = identifiedHereValues(["LA01", "LA06", "LA05", "LA18"], cells)
    expect(values.get("LA01")).toMatchObject({ value: 40, ratio: 2, origin: { kind: "value", n: 20 } })
    expect(values.get("LA06")).toMatchObject({ value: 12, ratio: 0.25 })
    expect(values.get("LA05")).toMatchObject({
      value: null,
      ratio: null,
      cell: { kind: "suppressed", k: 10 },
    })
    expect(values.get("LA18")).toMatchObject({ value: null, cell: { kind: "no_data" } })
  })

  it("ranks provinces many come from but few are identified in first; hidden gaps last", () => {
    const cells = identifiedOriginCells(
      [
        { province: "LA01", identified: 40, origin: 20 },
        { province: "LA06", identified: 12, origin: 48 },
        { province: "LA05", identified: 3, origin: 30 },
        { province: "LA13", identified: 0, origin: 25 },
      ],
      10,
    )
    expect(byGap(["LA01", "LA05", "LA06", "LA13"], cells)).toEqual(["LA06", "LA13", "LA01", "LA05"])
    expect(gapOf(cells.get("LA13")!)).toBe(25)
    expect(ratioOf(cells.get("LA13")!)).toBe(0)
    expect(gapOf(cells.get("LA05")!)).toBeNull()
  })
})

describe("cells from the published tables", () => {
  const rows = [
    row("LA01", 2023, "cell", 12),
    row("LA01", 2024, "cell", 15),
    row("LA01", null, "province_total", 27),
    row("LA05", 2023, "cell", null),
    row("LA05", 2024, "cell", 11),
    row("LA05", null, "province_total", null),
    row(null, 2023, "cell", 20),
    row(null, 2023, "year_total", 40),
  ]
  it("uses the province total over every year, and sums shown cells over a span", () => {
    expect(publishedSpanCells(rows, null, 10)).toEqual(
      new Map([
        ["LA01", { kind: "value", n: 27 }],
        ["LA05", { kind: "suppressed", k: 10 }],
      ]),
    )
    expect(publishedSpanCells(rows, [2024, 2024], 10).get("LA05")).toEqual({ kind: "value", n: 11 })
    expect(publishedSpanCells(rows, [2023, 2024], 10).get("LA01")).toEqual({ kind: "value", n: 27 })
  })
  it("a span over a hidden cell is hidden, never a partial sum", () => {
    expect(publishedSpanCells(rows, [2022, 2023], 10).get("LA05")).toEqual({ kind: "suppressed", k: 10 })
    expect(publishedSpanCells(rows, [2020, 2022], 10).get("LA01")).toBeUndefined()
  })
})
