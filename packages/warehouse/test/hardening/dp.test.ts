/**
 * The differentially private release: noise distribution (seeded, many draws), post-processing,
 * the manifest's `dp` block, and the privacy budget ledger (accumulation, refusal, --force-budget).
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { NodeConnector } from "../../src/node/index.ts"
import {
  BudgetExceeded,
  geometricNoise,
  geometricVariance,
  publish,
  readLedger,
  secureRng,
  spent,
} from "../../src/node/publish/index.ts"
import { makeRng } from "../../src/node/synth/prng.ts"
import { plantedWarehouse } from "./fixture.ts"

const seeded = (seed: number) => {
  const r = makeRng(seed)
  return () => r.next()
}

describe("geometric mechanism", () => {
  it.each([
    [1, 1],
    [0.5, 1],
    [1, 2],
  ])("epsilon %s, sensitivity %s: mean ~0, variance 2α/(1-α)², symmetric", (epsilon, sensitivity) => {
    const rng = seeded(42)
    const n = 200_000
    let sum = 0
    let sq = 0
    let pos = 0
    let neg = 0
    for (let i = 0; i < n; i++) {
      const x = geometricNoise(epsilon, sensitivity, rng)
      expect(Number.isInteger(x)).toBe(true)
      sum += x
      sq += x * x
      if (x > 0) pos++
      if (x < 0) neg++
    }
    const variance = geometricVariance(epsilon, sensitivity)
    expect(Math.abs(sum / n)).toBeLessThan(4 * Math.sqrt(variance / n))
    expect(sq / n / variance).toBeGreaterThan(0.95)
    expect(sq / n / variance).toBeLessThan(1.05)
    expect(Math.abs(pos - neg) / n).toBeLessThan(0.01)
    // P(0) = (1-α)/(1+α)
    const alpha = Math.exp(-epsilon / sensitivity)
    expect((n - pos - neg) / n).toBeCloseTo((1 - alpha) / (1 + alpha), 2)
  })

  it("the production generator is the CSPRNG, uniform in [0, 1)", () => {
    let sum = 0
    for (let i = 0; i < 20_000; i++) {
      const u = secureRng()
      expect(u).toBeGreaterThanOrEqual(0)
      expect(u).toBeLessThan(1)
      sum += u
    }
    expect(Math.abs(sum / 20_000 - 0.5)).toBeLessThan(0.02)
  })

  it("rejects a non-positive epsilon", () => {
    expect(() => geometricNoise(0, 1, Math.random)).toThrow()
  })
})

describe("publish --dp and the privacy ledger", () => {
  let dir: string
  let wh: NodeConnector
  beforeAll(async () => {
    ;({ dir, db: wh } = await plantedWarehouse({ fromYear: 2023, toYear: 2024 }))
  }, 120_000)
  afterAll(async () => {
    await wh?.close()
  })
  const keyFile = () => join(dir, "warehouse", "publish.key")
  const ledgerFile = () => join(dir, "warehouse", "privacy-ledger.json")

  it("marks the manifest, publishes no facts, keeps totals consistent and counts non-negative integers", async () => {
    const out = join(dir, "dp")
    const r = await publish({ warehouse: wh, out, keyFile: keyFile(), dp: { epsilon: 1, rng: seeded(1) } })
    expect(r.manifest.dp).toEqual({
      epsilon: 1,
      mechanism: expect.stringMatching(/geometric/),
      noiseSd: { cases: expect.any(Number), flows: expect.any(Number) },
    })
    // Protected by noise, not suppression: nothing is hidden and the manifest says threshold 1.
    expect(r.manifest.threshold).toBe(1)
    expect(r.manifest.suppressedCells).toBe(0)
    expect(r.manifest.tier).toBe("public")
    expect(existsSync(join(r.dir, "facts.arrow"))).toBe(false)
    const py = await wh.query<{
      level: string
      province: string | null
      year: number | null
      n: number | null
    }>("SELECT level, province, year, n FROM read_parquet($1)", [join(r.dir, "province_year.parquet")])
    const grand = py.find((x) => x.level === "grand_total")!
    // Totals are computed from the noisy cells, so the grand total equals the manifest's count.
    expect(grand.n ?? r.manifest.counts.cases).toBe(r.manifest.counts.cases)
    const [bad] = await wh.query<{ neg: number; frac: number }>(
      "SELECT count(*) FILTER (WHERE n < 0) AS neg, count(*) FILTER (WHERE n <> round(n)) AS frac FROM read_parquet($1)",
      [join(r.dir, "district_year.parquet")],
    )
    expect(bad).toEqual({ neg: 0, frac: 0 })
    // The noise moved something: the noisy total differs from the exact case count for this seed.
    const exact = Number((await wh.query<{ n: number }>("SELECT count(*) AS n FROM cases"))[0]!.n)
    expect(r.manifest.counts.cases).not.toBe(exact)
    expect(spent(await readLedger(ledgerFile()))).toBe(1)
  })

  it("budgets add up across releases; publish refuses past the total unless forced", async () => {
    const out = join(dir, "dp2")
    await publish({ warehouse: wh, out, keyFile: keyFile(), dp: { epsilon: 1, budget: 2.5 } })
    expect(spent(await readLedger(ledgerFile()))).toBe(2)
    const current = readFileSync(join(out, "current.json"), "utf8")
    await expect(
      publish({ warehouse: wh, out, keyFile: keyFile(), dp: { epsilon: 1, budget: 2.5 } }),
    ).rejects.toBeInstanceOf(BudgetExceeded)
    expect(readFileSync(join(out, "current.json"), "utf8")).toBe(current)
    expect(spent(await readLedger(ledgerFile()))).toBe(2)
    const forced = await publish({
      warehouse: wh,
      out,
      keyFile: keyFile(),
      dp: { epsilon: 1, budget: 2.5, forceBudget: true },
    })
    const ledger = await readLedger(ledgerFile())
    expect(ledger.entries.map((e) => e.epsilon)).toEqual([1, 1, 1])
    expect(ledger.entries.at(-1)).toMatchObject({
      release: forced.release,
      tables: expect.arrayContaining(["flows"]),
    })
    expect(Date.parse(ledger.entries.at(-1)!.time)).toBeGreaterThan(0)
  })

  it("refuses an epsilon outside 0.01-10 before writing or charging anything", async () => {
    const before = spent(await readLedger(ledgerFile()))
    for (const epsilon of [1e-9, 1e-300, 50])
      await expect(
        publish({ warehouse: wh, out: join(dir, "dp-bad"), keyFile: keyFile(), dp: { epsilon } }),
      ).rejects.toThrow(/epsilon must be between/)
    expect(existsSync(join(dir, "dp-bad"))).toBe(false)
    expect(spent(await readLedger(ledgerFile()))).toBe(before)
  })

  it("a corrupt or impossible ledger names the file and stops publish", async () => {
    const { writeFileSync } = await import("node:fs")
    const bad = join(dir, "warehouse", "bad-ledger.json")
    writeFileSync(bad, "{ not json")
    await expect(readLedger(bad)).rejects.toThrow(/bad-ledger\.json is not valid JSON/)
    writeFileSync(bad, JSON.stringify({ entries: [{ release: "r", epsilon: -5 }] }))
    await expect(
      publish({
        warehouse: wh,
        out: join(dir, "dp4"),
        keyFile: keyFile(),
        dp: { epsilon: 1, ledgerFile: bad },
      }),
    ).rejects.toThrow(/entry 1: each entry needs a release and a positive epsilon/)
  })

  it("refuses a DP release in the planners tier (the facts cube is exact)", async () => {
    await expect(
      publish({
        warehouse: wh,
        out: join(dir, "dp3"),
        keyFile: keyFile(),
        tier: "planners",
        dp: { epsilon: 1 },
      }),
    ).rejects.toThrow(/public tier/)
  })
})
