/**
 * The suppression itself, on random tables: whatever the counts, no hidden cell is pinned to one
 * value by the exact LP attacker, and the bounds attacker in publish is what closes the gap left by
 * "no equation with exactly one hidden cell".
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CellTable } from "../../src/node/publish/suppression.ts"
import { lpBounds, modelFromTable } from "./attacker.ts"

const RUNS = Number(process.env.FUZZ_RUNS ?? 60)

/** A province x year table with totals, each cell split into districts (the publish structure). */
const buildTable = (grid: number[][][]) => {
  const t = new CellTable()
  const cellIds = grid.map((row, p) =>
    row.map((districts, y) => {
      const n = districts.reduce((a, b) => a + b, 0)
      return n > 0 ? t.cell(`c|${p}|${y}`, n) : -1
    }),
  )
  const rowTotals = grid.map((row, p) =>
    t.cell(
      `p|${p}`,
      row.flat().reduce((a, b) => a + b, 0),
    ),
  )
  for (const [p, total] of rowTotals.entries())
    t.equation(
      total,
      cellIds[p]!.filter((i) => i >= 0),
    )
  const years = grid[0]!.length
  for (let y = 0; y < years; y++)
    t.equation(
      t.cell(
        `y|${y}`,
        grid.reduce((s, row) => s + row[y]!.reduce((a, b) => a + b, 0), 0),
      ),
      grid.map((_, p) => cellIds[p]![y]!).filter((i) => i >= 0),
    )
  for (const [p, row] of grid.entries())
    for (const [y, districts] of row.entries()) {
      const parts = districts.flatMap((n, d) => (n > 0 ? [t.cell(`d|${p}|${y}|${d}`, n)] : []))
      if (cellIds[p]![y]! >= 0) t.equation(cellIds[p]![y]!, parts)
    }
  return t
}

const grids = fc.integer({ min: 1, max: 4 }).chain((years) =>
  fc.array(
    fc.array(
      fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 30 })), {
        minLength: 1,
        maxLength: 4,
      }),
      {
        minLength: years,
        maxLength: years,
      },
    ),
    { minLength: 1, maxLength: 5 },
  ),
)

describe("suppression against an exact LP attacker", () => {
  it("a province with a cell of one, pinned only through bounds, is protected", async () => {
    // Province total 28 = x + 11 + y + 10 and y has six listed districts: y >= 6, so x <= 1 = x.
    const t = buildTable([[[1], [11], [1, 1, 1, 1, 1, 1], [10]]])
    const before = buildTable([[[1], [11], [1, 1, 1, 1, 1, 1], [10]]])
    for (const c of before.cells) c.suppressed = c.n < 10
    expect(before.exposed().map((i) => before.cells[i]!.key)).toContain("c|0|0")
    expect((await lpBounds(modelFromTable(before))).filter((b) => b.exact).length).toBeGreaterThan(0)
    t.suppress(() => 10)
    expect(t.exposed()).toEqual([])
    expect((await lpBounds(modelFromTable(t))).filter((b) => b.exact)).toEqual([])
  })

  it("random province-year-district tables: nothing pinned", async () => {
    await fc.assert(
      fc.asyncProperty(grids, fc.integer({ min: 3, max: 12 }), async (grid, threshold) => {
        const t = buildTable(grid)
        t.suppress(() => threshold)
        for (const c of t.cells) if (!c.suppressed && c.n > 0) expect(c.n).toBeGreaterThanOrEqual(threshold)
        const exact = (await lpBounds(modelFromTable(t))).filter((b) => b.exact)
        expect(exact).toEqual([])
      }),
      { numRuns: RUNS },
    )
  })
})
