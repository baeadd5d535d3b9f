/**
 * The protection phase of publish never fails on valid data: where complementary suppression alone
 * cannot protect a cell it coarsens and says so in one plain sentence, and the independent LP
 * attacker recovers no suppressed cell. Synthetic data for 50 seeds and 5 sizes (50 to 100,000
 * cases; most seeds small so the suite stays fast).
 */
import { Place } from "@lao-protect/domain"
import { describe, expect, it } from "vitest"
import { protect, publishedRows, suppressAggregates } from "../src/node/publish/protect.ts"
import { UnprotectableCells } from "../src/node/publish/suppression.ts"
import { inconsistencies, lpBounds, modelFromRows, singletons } from "./hardening/attacker.ts"
import { synthAggregates } from "./helpers/synth-aggregates.ts"

const THRESHOLD = 10
const FLOW_THRESHOLD = 5

/** Publish-shaped rows of a protection, attacked as a reader of the release would. */
const attack = async (aggs: ReturnType<typeof synthAggregates>) => {
  const protection = protect(aggs, THRESHOLD, FLOW_THRESHOLD)
  const { pyRows, dyRows, flowRows } = publishedRows(protection, FLOW_THRESHOLD)
  const cases = aggs.py.reduce((s, r) => s + r.n, 0)
  const model = modelFromRows(
    { counts: { cases, facts: 0 }, flowThreshold: FLOW_THRESHOLD },
    { province_year: pyRows, district_year: dyRows, flows: flowRows },
  )
  const shownSmall = [...pyRows, ...dyRows, ...flowRows].filter(
    (r) => r.n !== null && r.n > 0 && r.n < THRESHOLD,
  )
  return {
    protection,
    cases,
    publishedCases: pyRows.find((r) => r.level === "grand_total")?.n ?? null,
    shownSmall,
    inconsistent: inconsistencies(model),
    singletons: [...singletons(model).keys()],
    pinned: (await lpBounds(model)).filter((b) => b.exact).map((b) => b.key),
  }
}

const plain = (sentence: string) => {
  expect(sentence).not.toMatch(/\||\u2205|LA\d{2}|py_|dy_|fl\|/)
  expect(sentence).toMatch(/^\d{4}, [A-Z][^:]+: .+\.$|^Districts and border flows/)
}

describe("protect", () => {
  it("coarsens a province-year that suppression alone cannot protect, with one plain sentence", async () => {
    // One province-year with four districts (each >= 1, so the cell is >= 4) and one undrawn flow
    // (< 5, so the cell is <= 4): pinned at 4 whatever else is hidden.
    const aggs = {
      py: [
        { province: "LA16", year: 2006, n: 4 },
        { province: "LA01", year: 2006, n: 40 },
        { province: "LA16", year: 2007, n: 30 },
        { province: "LA01", year: 2007, n: 50 },
      ],
      dy: [
        ...["LA1601", "LA1603", "LA1605", null].map((district) => ({
          province: "LA16",
          district,
          year: 2006,
          n: 1,
        })),
        { province: "LA01", district: null, year: 2006, n: 40 },
        { province: "LA16", district: null, year: 2007, n: 30 },
        { province: "LA01", district: null, year: 2007, n: 50 },
      ],
      flows: [
        {
          origin_province: "LA16",
          border_point: "T6",
          destination: "THA",
          direction: "out" as const,
          year: 2006,
          n: 4,
        },
      ],
    }
    expect(() => suppressAggregates(aggs.py, aggs.dy, aggs.flows, THRESHOLD, FLOW_THRESHOLD)).toThrow(
      UnprotectableCells,
    )
    const r = await attack(aggs)
    expect(r.protection.decisions.length).toBeGreaterThan(0)
    expect(r.protection.decisions[0]).toMatchObject({ province: "LA16", year: 2006 })
    const name = Place.provinces.find((p) => p.code === "LA16")!.nameEn
    expect(r.protection.decisions[0]!.sentence.startsWith(`2006, ${name}: `)).toBe(true)
    for (const d of r.protection.decisions) plain(d.sentence)
    expect(r.pinned).toEqual([])
    expect(r.singletons).toEqual([])
    expect(r.inconsistent).toEqual([])
  })

  // 50 seeds: 31 x 50 cases and 15 x 300 over 20 years; 2 x 1,000, 1 x 10,000 and 1 x 100,000 over the
  // last 4 years (the LP attacker's cost grows with the hidden cells, not the cases).
  const runs: Array<readonly [seed: number, cases: number, fromYear: number]> = [
    ...Array.from({ length: 31 }, (_, i) => [100 + i, 50, 2005] as const),
    ...Array.from({ length: 15 }, (_, i) => [200 + i, 300, 2005] as const),
    ...Array.from({ length: 2 }, (_, i) => [300 + i, 1_000, 2021] as const),
    [400, 10_000, 2021] as const,
    [500, 100_000, 2021] as const,
  ]
  it.each(runs)(
    "seed %i, %i cases from %i: publishes, nothing small shown, nothing recovered",
    async (seed, cases, fromYear) => {
      const aggs = synthAggregates({ seed, cases, fromYear })
      const r = await attack(aggs)
      expect([cases, null]).toContain(r.publishedCases)
      expect(r.shownSmall).toEqual([])
      expect(r.inconsistent).toEqual([])
      expect(r.singletons).toEqual([])
      expect(r.pinned).toEqual([])
      for (const d of r.protection.decisions) plain(d.sentence)
    },
    600_000,
  )
})
