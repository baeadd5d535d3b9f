import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { CpnDistrict } from "../src/CpnCoverage.ts"
import {
  addNetworks,
  agreement,
  type Candidate,
  coveredShare,
  expectedChildVictimsObjective,
} from "../src/WhatIf.ts"

const active = (district: string): CpnDistrict => ({
  district,
  province: "LA90",
  status: "active",
  source: "",
  illustrative: true,
})

describe("addNetworks: hand-computed", () => {
  const candidates: ReadonlyArray<Candidate> = [
    { district: "A", childVictims: 10 },
    { district: "B", childVictims: 30 },
    { district: "C", childVictims: 20 },
    { district: "D", childVictims: 0 },
    { district: "E", childVictims: null },
  ]

  it("picks by descending child victims and reports the share before and after", () => {
    const r = addNetworks(candidates, [active("A")], 2)
    expect(r.total).toBe(60)
    expect(r.before).toBeCloseTo(10 / 60, 12)
    expect(r.picks).toEqual([
      { district: "B", weight: 30, lower: null, upper: null, shareAfter: 40 / 60 },
      { district: "C", weight: 20, lower: null, upper: null, shareAfter: 1 },
    ])
    expect(r.after).toBe(1)
    expect(r.unknown).toEqual(["E"])
  })

  it("breaks ties by district code and stops when nothing is left to cover", () => {
    const tie = addNetworks(
      [
        { district: "Y", childVictims: 5 },
        { district: "X", childVictims: 5 },
      ],
      [],
      1,
    )
    expect(tie.picks.map((p) => p.district)).toEqual(["X"])
    expect(addNetworks(candidates, [active("A")], 10).picks).toHaveLength(4)
  })

  it("counts only active networks as covered and rejects a bad n", () => {
    const planned: CpnDistrict = { ...active("B"), status: "planned" }
    expect(addNetworks(candidates, [planned], 0).before).toBe(0)
    expect(() => addNetworks(candidates, [], -1)).toThrow(RangeError)
  })
})

const instance = fc
  .uniqueArray(
    fc.record({ district: fc.constantFrom(..."ABCDEFGHIJ"), childVictims: fc.integer({ min: 0, max: 50 }) }),
    {
      selector: (c) => c.district,
      minLength: 1,
      maxLength: 9,
    },
  )
  .chain((candidates) =>
    fc.record({
      candidates: fc.constant(candidates),
      covered: fc.subarray(candidates.map((c) => c.district)),
      n: fc.integer({ min: 0, max: candidates.length }),
    }),
  )

function bestBruteForce(
  candidates: ReadonlyArray<Candidate>,
  covered: ReadonlyArray<string>,
  n: number,
): number {
  const free = candidates.filter((c) => !covered.includes(c.district)).map((c) => c.district)
  const k = Math.min(n, free.length)
  let best = 0
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const chosen = free.filter((_, i) => mask & (1 << i))
    if (chosen.length !== k) continue
    best = Math.max(best, coveredShare(candidates, new Set([...covered, ...chosen])))
  }
  return best
}

describe("addNetworks: properties", () => {
  it("is optimal: equals the best of all sets of the same size (brute force)", () => {
    fc.assert(
      fc.property(instance, ({ candidates, covered, n }) => {
        const r = addNetworks(candidates, covered.map(active), n)
        expect(r.after).toBeCloseTo(bestBruteForce(candidates, covered, n), 12)
        const picked = new Set([...covered, ...r.picks.map((p) => p.district)])
        expect(r.after).toBeCloseTo(coveredShare(candidates, picked), 12)
      }),
      { numRuns: 300 },
    )
  })

  it("never lowers coverage: one more network, or one more pick, keeps or raises the share", () => {
    fc.assert(
      fc.property(instance, ({ candidates, covered, n }) => {
        const r = addNetworks(candidates, covered.map(active), n)
        const more = addNetworks(candidates, covered.map(active), n + 1)
        expect(more.after).toBeGreaterThanOrEqual(r.after)
        expect(r.after).toBeGreaterThanOrEqual(r.before)
        for (const p of r.picks.map((x) => x.shareAfter).map((s, i, a) => s - (a[i - 1] ?? r.before))) {
          expect(p).toBeGreaterThanOrEqual(0)
        }
      }),
    )
  })
})

describe("addNetworks with estimates", () => {
  const candidates: ReadonlyArray<Candidate> = [
    { district: "A", childVictims: null, expected: { value: 4.2, lower: 1.5, upper: 8 } },
    { district: "B", childVictims: 30, expected: { value: 27, lower: 20, upper: 35 } },
    { district: "C", childVictims: null, expected: { value: 0.8, lower: 0.1, upper: 2.5 } },
  ]
  it("picks by estimated child victims and carries each pick's interval", () => {
    const r = addNetworks(candidates, [], 2, expectedChildVictimsObjective)
    expect(r.picks.map((p) => [p.district, p.weight, p.lower, p.upper])).toEqual([
      ["B", 27, 20, 35],
      ["A", 4.2, 1.5, 8],
    ])
    expect(r.unknown).toEqual([])
  })
  it("agreement says where the ranking's top N and the picks differ", () => {
    const r = addNetworks(candidates, [], 2, expectedChildVictimsObjective)
    const a = agreement(r, [
      { district: "C", rank: 1 },
      { district: "B", rank: 2 },
      { district: "A", rank: 3 },
    ])
    expect(a.picks).toEqual([
      { district: "B", scoreRank: 2 },
      { district: "A", scoreRank: 3 },
    ])
    expect(a.rankedNotPicked).toEqual(["C"])
    expect(a.same).toBe(false)
    expect(
      agreement(r, [
        { district: "B", rank: 1 },
        { district: "A", rank: 2 },
      ]).same,
    ).toBe(true)
  })
})
