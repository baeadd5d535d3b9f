/** `lao-protect publish` wiring: planning's tables travel in planners releases, small cells suppressed. */
import { mkdtemp, readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Place } from "@lao-protect/domain"
import { domainModel, importFile, openWarehouse, publish, writeSynthCsv } from "@lao-protect/warehouse/node"
import { tableFromIPC } from "apache-arrow"
import { describe, expect, it } from "vitest"
import { estimateTables, plannersTables } from "../src/planning-tables.ts"

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

describe("estimateTables in publish", () => {
  it("a public release carries area_estimates for every district, with intervals and no counts", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cli-estimates-"))
    const csv = join(dir, "synthetic.csv")
    await writeSynthCsv(csv, { seed: 11, fromYear: 2021, toYear: 2024 })
    const wh = await openWarehouse(join(dir, "w.duckdb"))
    try {
      await importFile(wh, { file: csv, model: domainModel(), writeRejected: false })
      const { manifest, dir: release } = await publish({
        warehouse: wh,
        out: join(dir, "out"),
        keyFile: join(dir, "publish.key"),
        tier: "public",
        estimateTables,
      })
      expect(manifest.tables.area_estimates).toBeDefined()
      const t = tableFromIPC(await readFile(join(release, "area_estimates.arrow")))
      expect(t.schema.fields.map((f) => f.name)).not.toContain("cases")
      const rows = t.toArray().map((r) => r.toJSON() as Record<string, unknown>)
      const span = rows.filter(
        (r) =>
          r.level === "district" &&
          r.measure === "child_victims" &&
          r.from_year === 2021 &&
          r.to_year === 2024,
      )
      expect(span.length).toBe(Place.districts.length)
      for (const r of span) {
        expect(Number(r.expected_lower)).toBeLessThanOrEqual(Number(r.expected))
        expect(Number(r.expected_upper)).toBeGreaterThan(Number(r.expected))
      }
      for (const name of ["shelter_demand", "shelter_forecast", "length_of_stay", "shelter_backtest"])
        expect(manifest.tables[name], name).toBeDefined()
      const demand = tableFromIPC(await readFile(join(release, "shelter_demand.arrow")))
        .toArray()
        .map((r) => r.toJSON() as Record<string, number | string>)
      const q = demand.filter((r) => r.grain === "quarter")
      expect(q.length).toBe(18 * 4 * 4)
      for (const r of q) expect(Number(r.nights_upper)).toBeGreaterThan(Number(r.nights_lower))
      const dp = await publish({
        warehouse: wh,
        out: join(dir, "dp"),
        keyFile: join(dir, "publish.key"),
        dp: { epsilon: 1, ledgerFile: join(dir, "ledger.json"), rng: () => 0.5 },
        estimateTables,
      })
      expect(dp.manifest.tables.area_estimates).toBeUndefined()
    } finally {
      await wh.close()
    }
  })
})
