/**
 * A planners-tier map CSV, by default, takes the cells as publish flagged them (complementary
 * suppression included) wherever the publication holds the cell the map shows, so it agrees with
 * the public release and the GeoJSON export. Real DuckDB (node-api) holding a `province_year` table.
 */
import type { Publication } from "@lao-protect/warehouse"
import { type NodeConnector, openWarehouse } from "@lao-protect/warehouse/node"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { publicCell, publishedCells, publishedYearOf } from "../src/export/published.ts"
import { defaultState } from "../src/lib/state.ts"

let conn: NodeConnector
beforeAll(async () => {
  conn = await openWarehouse(":memory:")
  await conn.exec(`CREATE TABLE province_year AS SELECT * FROM (VALUES
    ('LA01', NULL, 'province_total', 40, false),
    ('LA02', NULL, 'province_total', NULL, true),
    ('LA03', NULL, 'province_total', NULL, true),
    ('LA01', 2020, 'cell', 12, false),
    ('LA02', 2020, 'cell', NULL, true),
    (NULL, 2020, 'year_total', 30, false)
  ) t(province, year, level, n, suppressed)`)
})
afterAll(() => conn.close())

const manifest = {
  threshold: 10,
  tables: { province_year: { file: "province_year.arrow", rows: 6 } },
} as unknown as Publication.Manifest

describe("published map cells", () => {
  it("every year: the province totals as flagged, the threshold naming the publication's k", async () => {
    const cells = await publishedCells(conn, manifest, defaultState("en"))
    expect(Object.fromEntries(cells!)).toEqual({
      LA01: { kind: "value", n: 40 },
      LA02: { kind: "suppressed", k: 10 },
      LA03: { kind: "suppressed", k: 10 },
    })
  })

  it("one year: that year's cells; an area the publication does not hold is suppressed unless it has no cases", async () => {
    const state = { ...defaultState("en"), yearFrom: 2020, yearTo: 2020 }
    const cells = (await publishedCells(conn, manifest, state))!
    expect(publicCell(cells, "LA01", { kind: "value", n: 12 }, 10)).toEqual({ kind: "value", n: 12 })
    expect(publicCell(cells, "LA02", { kind: "value", n: 15 }, 10)).toEqual({ kind: "suppressed", k: 10 })
    expect(publicCell(cells, "LA09", { kind: "value", n: 25 }, 10)).toEqual({ kind: "suppressed", k: 10 })
    expect(publicCell(cells, "LA10", { kind: "no_data" }, 10)).toEqual({ kind: "no_data" })
  })

  it("a code filter or a year range has no published cells: the caller applies the threshold", async () => {
    const base = defaultState("en")
    expect(publishedYearOf({ ...base, codes: { ...base.codes, sex: "female" } })).toBeUndefined()
    expect(publishedYearOf({ ...base, yearFrom: 2019, yearTo: 2020 })).toBeUndefined()
    expect(await publishedCells(conn, manifest, { ...base, yearFrom: 2019 })).toBeNull()
    expect(await publishedCells(conn, { ...manifest, tables: {} }, base)).toBeNull()
  })
})
