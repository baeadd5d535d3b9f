/** Issue 21: the identification setting through import, synth, publish and the exports, on a real DuckDB. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { readCsv } from "@lao-protect/csv"
import { IdentificationSetting } from "@lao-protect/domain"
import { tableFromIPC } from "apache-arrow"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exportCtdc } from "../src/node/export/ctdc.ts"
import { exportHtcds } from "../src/node/export/htcds.ts"
import { importFile } from "../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { publish } from "../src/node/publish/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"
import { writeSynthCsv } from "../src/node/synth/index.ts"

let dir: string
let db: NodeConnector
const model = domainModel()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "setting-test-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
})
afterAll(async () => {
  await db.close()
  await rm(dir, { recursive: true, force: true })
})

describe("identification setting", () => {
  it("imports codes and labels, leaves it empty when missing, rejects an unknown one naming row, field and reason", async () => {
    const file = join(dir, "partner.csv")
    await writeFile(
      file,
      [
        "case_id,source,identification_date,victim_group,sex,citizenship,exploitation_form,Identification setting",
        "S1,lwu,2024-03-15,intercepted,female,LAO,forced_labour,bus_station",
        "S2,lwu,2024-03-16,intercepted,female,LAO,forced_labour,Boat pier",
        "S3,lwu,2024-03-17,local_lao,male,LAO,forced_labour,",
        "S4,lwu,2024-03-18,local_lao,male,LAO,forced_labour,market",
      ].join("\n"),
    )
    const r = await importFile(db, { file, model, writeRejected: false })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([4, 3, 1])
    expect(
      await db.query(
        "SELECT case_id, CAST(identification_setting AS VARCHAR) AS s FROM cases WHERE case_id LIKE 'S%' ORDER BY 1",
      ),
    ).toEqual([
      { case_id: "S1", s: "bus_station" },
      { case_id: "S2", s: "boat_pier" },
      { case_id: "S3", s: null },
    ])
    const q = await db.query<{ row_number: number; column: string; reason: string }>(
      `SELECT row_number, "column", reason FROM quarantine WHERE "column" = 'identification_setting'`,
    )
    expect(q).toHaveLength(1)
    expect(q[0]!.row_number).toBe(5)
    expect(q[0]!.reason).toMatch(/not a known code: .*bus_station/)
  })

  it("goes out in the HTCDS extension field and not in CTDC", async () => {
    const htcds = join(dir, "htcds.csv")
    await exportHtcds({ db, out: htcds })
    const [head, _labels, ...rows] = readCsv(await readFile(htcds, "utf8")).map((r) => [...r.cells])
    const col = head!.indexOf("lao_identification_setting")
    expect(col).toBeGreaterThanOrEqual(0)
    expect(rows.map((r) => r[col]).sort()).toEqual(["", "boat_pier", "bus_station"])
    const ctdc = join(dir, "ctdc.csv")
    await exportCtdc({ db, out: ctdc, k: 1 })
    expect(await readFile(ctdc, "utf8")).not.toMatch(/bus_station|identification_setting/)
  })

  it("synthetic cases carry settings that follow the victim group, and the facts cube publishes them", async () => {
    const csv = join(dir, "synthetic.csv")
    await writeSynthCsv(csv, { seed: 21, fromYear: 2020, toYear: 2024 })
    const wh = await openWarehouse(join(dir, "synth.duckdb"))
    try {
      const r = await importFile(wh, { file: csv, model, writeRejected: false })
      expect(r.rejected).toBe(0)
      const [s] = await wh.query<{ n: number; set: number; bad: number; kinds: number }>(
        `SELECT count(*)::INT AS n, count(identification_setting)::INT AS set,
           count(*) FILTER (WHERE victim_group = 'repatriated_lao' AND identification_setting <> 'repatriation')::INT AS bad,
           count(DISTINCT identification_setting)::INT AS kinds FROM cases`,
      )
      expect(s!.set / s!.n).toBeGreaterThan(0.7)
      expect(s!.set / s!.n).toBeLessThan(0.9)
      expect(s!.bad).toBe(0)
      expect(s!.kinds).toBe(IdentificationSetting.codes.length)
      const out = join(dir, "published")
      const result = await publish({ warehouse: wh, out, keyFile: join(dir, "publish.key") })
      const facts = tableFromIPC(await readFile(join(out, "releases", result.release, "facts.arrow")))
      const setting = facts.getChild("identification_setting")!.toArray() as Array<string | null>
      const n = facts.getChild("n")!.toArray() as Int32Array
      const byCube = new Map<string | null, number>()
      setting.forEach((v, i) => {
        byCube.set(v, (byCube.get(v) ?? 0) + n[i]!)
      })
      const byCases = await wh.query<{ s: string | null; n: number }>(
        "SELECT CAST(identification_setting AS VARCHAR) AS s, count(*)::INT AS n FROM cases GROUP BY 1",
      )
      expect(new Map(byCases.map((r) => [r.s, r.n]))).toEqual(byCube)
    } finally {
      await wh.close()
    }
  })
})
