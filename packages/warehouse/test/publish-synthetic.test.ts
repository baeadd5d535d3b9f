/**
 * The synthetic flag is proven, not inferred (issue 20, item 2): only cases imported from bytes that
 * `synth` recorded for this warehouse are synthetic. `SYN-` ids and `.meta.json` sidecars prove nothing.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs"
import { mkdtemp } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { importFile } from "../src/node/import/import-file.ts"
import { openWarehouse } from "../src/node/index.ts"
import type { NodeConnector } from "../src/node/NodeConnector.ts"
import { publish } from "../src/node/publish/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"
import { metaPathOf, recordSyntheticFile, writeSynthCsv } from "../src/node/synth/index.ts"

let dir: string
let wh: NodeConnector
const model = domainModel()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "publish-synthetic-"))
  const csv = join(dir, "synthetic.csv")
  const written = await writeSynthCsv(csv, { seed: 3, fromYear: 2023, toYear: 2024 })
  wh = await openWarehouse(join(dir, "w.duckdb"))
  await recordSyntheticFile(wh, written)
  await importFile(wh, { file: csv, model, writeRejected: false })
})
afterAll(() => wh.close())

const publishTo = (name: string) =>
  publish({ warehouse: wh, out: join(dir, name), keyFile: join(dir, "key") })

describe("publish: the synthetic flag", () => {
  it("is true only when every case is synthetic, counts them and lists the recorded inputs", async () => {
    const all = await publishTo("a")
    expect(all.manifest.synthetic).toBe(true)
    expect(all.manifest.syntheticCases).toBe(all.manifest.counts.cases)
    expect(all.manifest.syntheticInputs).toHaveLength(1)
    expect(all.manifest.syntheticInputs[0]!.seed).toBe(3)
  })

  it("a release mixing one real case into synthetic ones is real data (protected), with the count said", async () => {
    const real = join(dir, "lwu-cases.csv")
    const [header, first] = readFileSync(join(dir, "synthetic.csv"), "utf8").split("\n")
    writeFileSync(real, `${header}\n${first!.replace(/^SYN-[^,]*/, "LWU-2024/0001")}\n`)
    await importFile(wh, { file: real, model, writeRejected: false })
    const mixed = await publishTo("b")
    expect(mixed.manifest.synthetic).toBe(false)
    expect(mixed.manifest.syntheticCases).toBe(mixed.manifest.counts.cases - 1)
    expect(mixed.manifest.syntheticInputs).toEqual([])
  })
})

describe("what does not make data synthetic", () => {
  it("SYN- ids in a partner's file, or a sidecar copied (even with a matching checksum), give a real release", async () => {
    const d = await mkdtemp(join(tmpdir(), "publish-synthetic-forged-"))
    const csv = join(d, "partner.csv")
    // Real-looking data whose ids were made to start with SYN-, not recorded by synth in this warehouse.
    const written = await writeSynthCsv(join(d, "elsewhere.csv"), { seed: 9, fromYear: 2024, toYear: 2024 })
    copyFileSync(written.file, csv)
    writeFileSync(metaPathOf(csv), JSON.stringify({ ...written.meta }))
    const other = await openWarehouse(join(d, "w.duckdb"))
    try {
      const r = await importFile(other, { file: csv, model, writeRejected: false })
      expect(r.accepted).toBeGreaterThan(0)
      const pub = await publish({ warehouse: other, out: join(d, "out"), keyFile: join(d, "key") })
      expect(pub.manifest.synthetic).toBe(false)
      expect(pub.manifest.syntheticCases).toBe(0)
    } finally {
      await other.close()
    }
  })

  it("refuses to record a file that changed after synth wrote it", async () => {
    const d = await mkdtemp(join(tmpdir(), "publish-synthetic-changed-"))
    const written = await writeSynthCsv(join(d, "s.csv"), { seed: 2, fromYear: 2024, toYear: 2024 })
    writeFileSync(written.file, `${readFileSync(written.file, "utf8")}SYN-X,lwu\n`)
    const other = await openWarehouse(join(d, "w.duckdb"))
    try {
      await expect(recordSyntheticFile(other, written)).rejects.toThrow(/changed after synth wrote it/)
    } finally {
      await other.close()
    }
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
