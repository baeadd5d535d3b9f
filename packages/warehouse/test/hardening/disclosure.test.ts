/**
 * Disclosure attacks on a public-tier and a planners-tier release built from synthetic data with
 * planted rare cells: no suppressed cell may be recovered exactly, from one equation or from all
 * published constraints together (LP bounds); canaries never reach a published byte.
 */
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type NodeConnector, openWarehouse } from "../../src/node/index.ts"
import { type PublishResult, publish } from "../../src/node/publish/index.ts"
import { inconsistencies, loadModel, lpBounds, singletons } from "./attacker.ts"
import { assertNoCanaries, CANARIES, findCanaries } from "./canaries.ts"
import { plantedWarehouse } from "./fixture.ts"

let dir: string
let wh: NodeConnector
let scratch: NodeConnector
const releases: Record<string, PublishResult> = {}

beforeAll(async () => {
  ;({ dir, db: wh } = await plantedWarehouse())
  const keyFile = join(dir, "warehouse", "publish.key")
  releases.public = await publish({
    warehouse: wh,
    out: join(dir, "public"),
    keyFile,
    tier: "public",
    threshold: 10,
  })
  releases.planners = await publish({
    warehouse: wh,
    out: join(dir, "planners"),
    keyFile,
    tier: "planners",
    threshold: 5,
  })
  scratch = await openWarehouse(":memory:")
}, 120_000)

afterAll(async () => {
  await scratch?.close()
  await wh?.close()
})

describe.each(["public", "planners"])("disclosure attacks on the %s tier", (tier) => {
  it("the planted rare cells are suppressed", async () => {
    const m = await loadModel(scratch, releases[tier]!.dir)
    for (const key of ["py|cell|LA15|2022", "fl|LA01|∅|JPN|return|2024", "fl|LA15|∅|KOR|out|2022"]) {
      const i = m.index.get(key)
      expect(i, key).toBeDefined()
      expect(m.cells[i!]!.n, key).toBeNull()
    }
  })

  it("the attacker's model of the tables is right: fully published equations add up", async () => {
    const m = await loadModel(scratch, releases[tier]!.dir)
    expect(inconsistencies(m)).toEqual([])
    expect(m.cells.filter((c) => c.n === null).length).toBe(releases[tier]!.manifest.suppressedCells)
  })

  it("no suppressed cell is recovered from an equation with one unknown", async () => {
    const m = await loadModel(scratch, releases[tier]!.dir)
    expect([...singletons(m).keys()]).toEqual([])
  })

  it("no suppressed cell is pinned to one value by all published constraints together (LP bounds)", async () => {
    const m = await loadModel(scratch, releases[tier]!.dir)
    const bounds = await lpBounds(m)
    expect(bounds.length).toBe(m.cells.filter((c) => c.n === null).length)
    expect(bounds.filter((b) => b.exact)).toEqual([])
  })

  it("no canary reaches any published file", () => {
    expect(findCanaries(join(dir, tier))).toEqual([])
    assertNoCanaries(join(dir, tier))
  })
})

describe("canary helper", () => {
  it("finds a planted canary (it is not toothless)", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs")
    const d = mkdtempSync(join(dir, "canary-"))
    writeFileSync(join(d, "bundle.js"), `const x = ${JSON.stringify(CANARIES[0])}`)
    expect(() => assertNoCanaries(d)).toThrow(/bundle\.js/)
  })
})
