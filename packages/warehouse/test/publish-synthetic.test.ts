import { mkdtemp } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { importFile } from "../src/node/import/import-file.ts"
import { openWarehouse } from "../src/node/index.ts"
import type { NodeConnector } from "../src/node/NodeConnector.ts"
import { publish } from "../src/node/publish/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"
import { writeSynthCsv } from "../src/node/synth/index.ts"

let dir: string
let wh: NodeConnector

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "publish-synthetic-"))
  const csv = join(dir, "synthetic.csv")
  await writeSynthCsv(csv, { seed: 3, fromYear: 2023, toYear: 2024 })
  wh = await openWarehouse(join(dir, "w.duckdb"))
  await importFile(wh, { file: csv, model: domainModel(), writeRejected: false })
})
afterAll(() => wh.close())

describe("publish: the synthetic flag", () => {
  it("is true only when every case is synthetic, and counts the synthetic cases", async () => {
    const all = await publish({ warehouse: wh, out: join(dir, "a"), keyFile: join(dir, "key") })
    expect(all.manifest.synthetic).toBe(true)
    expect(all.manifest.syntheticCases).toBe(all.manifest.counts.cases)
  })

  it("a release mixing one real case into synthetic ones is real data (protected), with the count said", async () => {
    await wh.exec(
      "INSERT INTO cases BY NAME SELECT * REPLACE ('LWU-2024/0001' AS case_id, 'lwu-cases.csv' AS source_file) FROM cases LIMIT 1",
    )
    const mixed = await publish({ warehouse: wh, out: join(dir, "b"), keyFile: join(dir, "key") })
    expect(mixed.manifest.synthetic).toBe(false)
    expect(mixed.manifest.syntheticCases).toBe(mixed.manifest.counts.cases - 1)
  })
})

describe("publish: never fails on the project's own synthetic data", () => {
  it("the default synth output (seed 1, 2005-2024) publishes, coarsening where it must, in plain words", async () => {
    const d = await mkdtemp(join(tmpdir(), "publish-seed1-"))
    const file = join(d, "synthetic.csv")
    await writeSynthCsv(file, { seed: 1, fromYear: 2005, toYear: 2024 })
    const w = await openWarehouse(join(d, "w.duckdb"))
    try {
      await importFile(w, { file, model: domainModel(), writeRejected: false })
      const r = await publish({ warehouse: w, out: join(d, "out"), keyFile: join(d, "key") })
      expect(r.manifest.decisions.length).toBeGreaterThan(0)
      for (const decision of r.manifest.decisions) {
        expect(decision.sentence).toMatch(/^\d{4}, [A-Z][^:|]+: [^|]+\.$/)
        expect(decision.sentence).not.toMatch(/LA\d{2}|\u2205/)
      }
    } finally {
      await w.close()
    }
  }, 900_000)
})
