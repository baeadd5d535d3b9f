import { describe, expect, it } from "vitest"
import { suppressTable } from "../src/components/EthnicityHeatTable.tsx"
import { languageShare } from "../src/components/LanguageNeeds.tsx"

const r = (ethnic_group: string, province: string | null, n: number) => ({ ethnic_group, province, n })

describe("ethnicity x province suppression", () => {
  it("suppresses small cells and never leaves exactly one suppressed cell in a row or column", () => {
    const grid = suppressTable(
      [
        r("hmong", "LA01", 30),
        r("hmong", "LA02", 3),
        r("hmong", "LA03", 12),
        r("khmu", "LA01", 25),
        r("khmu", "LA03", 40),
      ],
      10,
    )
    expect(grid.get("hmong")!.get("LA02")).toEqual({ kind: "suppressed", k: 10 })
    // row hmong: LA02 alone suppressed -> the next smallest (LA03, 12) goes too
    expect(grid.get("hmong")!.get("LA03")).toEqual({ kind: "suppressed", k: 10 })
    // column LA03 now has one suppressed cell (hmong) -> khmu LA03 goes too; then row khmu -> LA01
    expect(grid.get("khmu")!.get("LA03")!.kind).toBe("suppressed")
    // a line with one suppressed cell must have no shown cell (its total is then the cell itself, suppressed too)
    const lines = new Map<string, Array<{ kind: string }>>()
    for (const [g, line] of grid)
      for (const [p, c] of line) {
        lines.set(`row ${g}`, [...(lines.get(`row ${g}`) ?? []), c])
        lines.set(`col ${p}`, [...(lines.get(`col ${p}`) ?? []), c])
      }
    for (const [name, cells] of lines) {
      const suppressed = cells.filter((c) => c.kind === "suppressed").length
      if (suppressed === 1)
        expect(
          cells.filter((c) => c.kind === "value"),
          name,
        ).toEqual([])
    }
  })

  it("keeps every cell at or above the threshold when nothing is small, and drops unknown provinces", () => {
    const grid = suppressTable([r("lao", "LA01", 10), r("lao", null, 2), r("akha", "LA01", 11)], 10)
    expect(grid.get("lao")!.get("LA01")).toEqual({ kind: "value", n: 10 })
    expect(grid.get("lao")!.size).toBe(1)
    expect(grid.get("akha")!.get("LA01")).toEqual({ kind: "value", n: 11 })
  })
})

describe("language needs share", () => {
  it("is shown only when both the non-Lao and the Lao speakers reach the threshold", () => {
    expect(languageShare({ province: "LA01", recorded: 40, not_lao: 10 }, 10)).toBe(25)
    expect(languageShare({ province: "LA01", recorded: 40, not_lao: 9 }, 10)).toBeNull()
    expect(languageShare({ province: "LA01", recorded: 40, not_lao: 31 }, 10)).toBeNull()
    expect(languageShare({ province: "LA01", recorded: 0, not_lao: 0 }, 10)).toBeNull()
  })
})
