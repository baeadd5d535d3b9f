/**
 * Issue 20, item 9: two public releases that differ by one case single it out (a cell going from 12
 * to 13 says where and when it was identified). Publish compares with the earlier public releases
 * and holds the release, naming the cells, unless told to go ahead. Real DuckDB, real releases.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { importFile } from "../../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../../src/node/index.ts"
import { DifferencingRisk, publish } from "../../src/node/publish/index.ts"
import { domainModel } from "../../src/node/schema/domain-model.ts"

const model = domainModel()
const HEADER =
  "case_id,source,identification_date,victim_group,sex,citizenship,exploitation_form,origin_province"
const line = (id: string, province = "LA01") =>
  `${id},lwu,2024-03-15,local_lao,female,LAO,forced_labour,${province}`

let dir: string
let wh: NodeConnector
let out: string
let keyFile: string
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-differencing-"))
  wh = await openWarehouse(join(dir, "w.duckdb"))
  out = join(dir, "published")
  keyFile = join(dir, "publish.key")
})
afterEach(async () => {
  await wh.close()
})

let files = 0
const importCases = async (ids: ReadonlyArray<string>, province = "LA01") => {
  const file = join(dir, `batch-${files++}.csv`)
  writeFileSync(file, `${[HEADER, ...ids.map((id) => line(id, province))].join("\n")}\n`)
  const r = await importFile(wh, { file, model, writeRejected: false })
  expect(r.accepted).toBe(ids.length)
}
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`)
const releases = () => readdirSync(join(out, "releases")).filter((f) => !f.startsWith("."))

describe("release differencing (9)", () => {
  it("a public release one case after another is held, naming the cell that went from 12 to 13", async () => {
    await importCases(ids("A", 12))
    const first = await publish({ warehouse: wh, out, keyFile, tier: "public" })
    expect(first.differencing).toBeUndefined()
    await importCases(["B1"])
    const e = await publish({ warehouse: wh, out, keyFile, tier: "public" }).then(
      () => undefined,
      (err: unknown) => err,
    )
    expect(e).toBeInstanceOf(DifferencingRisk)
    const risk = e as DifferencingRisk
    const cell = risk.changes.find(
      (c) => c.table === "province_year" && c.cell.province === "LA01" && c.cell.year === 2024,
    )
    expect(cell).toMatchObject({ before: 12, after: 13, release: first.release, threshold: 10 })
    // Every published cell the new case changed: the province-year cell, the province, year and
    // grand totals, the district table's cell and total, and the outward flow (flow threshold 5).
    expect(
      risk.changes.map((c) => `${c.table}:${c.cell.level ?? "flow"}:${c.before}->${c.after}`).sort(),
    ).toEqual([
      "district_year:cell:12->13",
      "district_year:district_total:12->13",
      "flows:flow:12->13",
      // no place of identification recorded: the "not recorded" row of identified_province_year
      "identified_province_year:cell:12->13",
      "identified_province_year:grand_total:12->13",
      "identified_province_year:province_total:12->13",
      "identified_province_year:year_total:12->13",
      "province_year:cell:12->13",
      "province_year:grand_total:12->13",
      "province_year:province_total:12->13",
      "province_year:year_total:12->13",
    ])
    expect(risk.message).toMatch(/province_year LA01 2024 .*12 -> 13 \(1 case singled out/)
    expect(risk.message).toMatch(/Hold this release until more cases accumulate.*--allow-differencing/)
    // Held: nothing written, the first release stays current.
    expect(releases()).toEqual([first.release])
    // The warehouse connection is left clean for the next publish.
    const temp = await wh.query<{ n: number }>(
      "SELECT count(*) AS n FROM duckdb_tables() WHERE temporary AND table_name LIKE 'pub_%'",
    )
    expect(Number(temp[0]!.n)).toBe(0)

    const anyway = await publish({ warehouse: wh, out, keyFile, tier: "public", allowDifferencing: true })
    expect(anyway.differencing?.some((c) => c.before === 12 && c.after === 13)).toBe(true)
    expect(releases().sort()).toEqual([first.release, anyway.release].sort())
  })

  it("a release whose cells all changed by at least the threshold, or not at all, is not held", async () => {
    await importCases(ids("A", 12))
    await importCases(ids("C", 11), "LA03")
    const first = await publish({ warehouse: wh, out, keyFile, tier: "public" })
    await importCases(ids("B", 10))
    const second = await publish({ warehouse: wh, out, keyFile, tier: "public" })
    expect(second.differencing).toBeUndefined()
    // Same data again: nothing changed, nothing isolated.
    const third = await publish({ warehouse: wh, out, keyFile, tier: "public" })
    expect(third.differencing).toBeUndefined()
    expect(releases()).toHaveLength(3)
    expect(first.release).not.toBe(second.release)
  })

  it("compares with every earlier public release, not only the last one", async () => {
    await importCases(ids("A", 12))
    const first = await publish({ warehouse: wh, out, keyFile, tier: "public" })
    await importCases(ids("B", 10))
    const second = await publish({ warehouse: wh, out, keyFile, tier: "public" })
    // Nine cases withdrawn: 13 now, 9 fewer than the second release and 1 more than the first.
    await wh.exec("DELETE FROM cases WHERE case_id IN ('B2','B3','B4','B5','B6','B7','B8','B9','B10')")
    const e = (await publish({ warehouse: wh, out, keyFile, tier: "public" }).catch(
      (err: unknown) => err,
    )) as DifferencingRisk
    expect(e).toBeInstanceOf(DifferencingRisk)
    const la01 = e.changes.filter((c) => c.table === "province_year" && c.cell.province === "LA01")
    expect(la01.map((c) => [c.release, c.before, c.after])).toEqual(
      expect.arrayContaining([
        [first.release, 12, 13],
        [second.release, 22, 13],
      ]),
    )
  })

  it("planners releases are not held (their facts cube is exact already)", async () => {
    await importCases(ids("A", 12))
    await publish({ warehouse: wh, out, keyFile, tier: "planners" })
    await importCases(["B1"])
    const r = await publish({ warehouse: wh, out, keyFile, tier: "planners" })
    expect(r.differencing).toBeUndefined()
  })
})
