import { describe, expect, it } from "vitest"
import { compareFigures, hasRegression } from "../src/compare.ts"
import { scalingRows } from "../src/scaling.ts"
import { percentile, summarize } from "../src/stats.ts"
import type { Figure } from "../src/types.ts"

const fig = (id: string, ratio: number, better: Figure["better"] = "higher", size = 10_000): Figure => ({
  id,
  group: "import",
  title: id,
  size,
  better,
  measured: summarize([1]),
  ratio: summarize([ratio]),
})

describe("compareFigures", () => {
  it("fails a higher-is-better ratio that dropped beyond the tolerance", () => {
    const rows = compareFigures([fig("import.throughput", 0.5)], [fig("import.throughput", 0.8)], {}, 0.3)
    expect(rows[0]!.verdict).toBe("regressed")
    expect(rows[0]!.change).toBeCloseTo(-0.375)
    expect(hasRegression(rows)).toBe(true)
  })

  it("passes a drop within the tolerance", () => {
    const rows = compareFigures([fig("import.throughput", 0.6)], [fig("import.throughput", 0.8)], {}, 0.3)
    expect(rows[0]!.verdict).toBe("ok")
    expect(hasRegression(rows)).toBe(false)
  })

  it("reads lower-is-better ratios the other way round", () => {
    const worse = compareFigures(
      [fig("publish.dataset", 20, "lower")],
      [fig("publish.dataset", 10, "lower")],
      {},
      0.3,
    )
    expect(worse[0]!.verdict).toBe("regressed")
    const better = compareFigures(
      [fig("publish.dataset", 5, "lower")],
      [fig("publish.dataset", 10, "lower")],
      {},
      0.3,
    )
    expect(better[0]!.verdict).toBe("improved")
    expect(hasRegression(better)).toBe(false)
  })

  it("uses per-figure tolerances", () => {
    const rows = compareFigures(
      [fig("dashboard.crossfilter_p95", 3)],
      [fig("dashboard.crossfilter_p95", 5)],
      { "dashboard.crossfilter_p95": 0.5 },
      0.3,
    )
    expect(rows[0]!.verdict).toBe("ok")
  })

  it("only compares the same figure at the same size, and never fails on new or unmeasured figures", () => {
    const unmeasured: Figure = {
      id: "import.throughput",
      group: "import",
      title: "t",
      size: 10_000,
      better: "higher",
      notMeasured: "x",
    }
    const rows = compareFigures(
      [fig("import.throughput", 0.1, "higher", 100_000), fig("domain.decode", 0.1), unmeasured],
      [fig("import.throughput", 0.9)],
    )
    expect(rows.map((r) => r.verdict)).toEqual(["new", "new", "not measured"])
    expect(hasRegression(rows)).toBe(false)
  })
})

describe("scalingRows", () => {
  it("flags cost growing faster than size beyond the tolerance, not linear or sub-linear growth", () => {
    const at = (size: number, costSeconds: number): Figure => ({
      ...fig("x", 1, "higher", size),
      costSeconds,
    })
    const rows = scalingRows([at(10_000, 1), at(100_000, 9), at(1_000_000, 200)], 0.25)
    expect(rows.map((r) => r.superlinear)).toEqual([false, true])
    expect(rows[1]!.costRatio).toBeCloseTo(200 / 9)
  })
})

describe("stats", () => {
  it("median, min, max and nearest-rank percentiles", () => {
    expect(summarize([3, 1, 2, 10])).toEqual({ median: 2.5, min: 1, max: 10, runs: 4 })
    const xs = Array.from({ length: 60 }, (_, i) => i + 1)
    expect(percentile(xs, 95)).toBe(57)
    expect(percentile(xs, 50)).toBe(30)
  })
})
