/** `lao-protect publish` wiring: planning's tables travel in planners releases, small cells suppressed. */
import { mkdtemp, readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { domainModel, importFile, openWarehouse, publish, writeSynthCsv } from "@lao-protect/warehouse/node"
import { tableFromIPC } from "apache-arrow"
import { describe, expect, it } from "vitest"
import { plannersTables } from "../src/planning-tables.ts"

const PLANNING = ["pipeline_funnel", "bed_nights", "red_flag_counts", "stage_durations"]

describe("plannersTables in publish", () => {
  it("planning tables (planners' tier) show n only at or above the threshold, never a zero for a small cell", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cli-planning-"))
    const csv = join(dir, "synthetic.csv")
    await writeSynthCsv(csv, { seed: 7, fromYear: 2005, toYear: 2024 })
    const wh = await openWarehouse(join(dir, "w.duckdb"))
    try {
      expect((await importFile(wh, { file: csv, model: domainModel(), writeRejected: false })).rejected).toBe(
        0,
      )
      const keyFile = join(dir, "publish.key")
      const { manifest, dir: release } = await publish({
        warehouse: wh,
        out: join(dir, "out"),
        keyFile,
        plannersTables,
      })
      for (const name of PLANNING) {
        expect(manifest.tables[name], name).toBeDefined()
        const t = tableFromIPC(await readFile(join(release, `${name}.arrow`)))
        expect(t.numRows, name).toBeGreaterThan(0)
        const count = name === "bed_nights" ? "cases" : "n"
        for (const row of t.toArray() as Array<Record<string, unknown>>) {
          if (row.suppressed) expect(row[count], name).toBeNull()
          else expect(Number(row[count]), name).toBeGreaterThanOrEqual(10)
        }
      }
      const pub = await publish({
        warehouse: wh,
        out: join(dir, "public"),
        keyFile,
        tier: "public",
        plannersTables,
      })
      for (const name of PLANNING) expect(pub.manifest.tables[name], name).toBeUndefined()
    } finally {
      await wh.close()
    }
  })
})
