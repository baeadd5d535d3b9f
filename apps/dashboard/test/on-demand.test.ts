/** Published tables other than facts load when a query first names them, once, on real DuckDB. */
import { openWarehouse } from "@lao-protect/warehouse/node"
import { tableFromArrays, tableToIPC } from "apache-arrow"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { withTablesOnDemand } from "../src/data/onDemand.ts"

type Db = Awaited<ReturnType<typeof openWarehouse>>
let db: Db
beforeEach(async () => {
  db = await openWarehouse(":memory:")
  await db.exec("CREATE TABLE facts AS SELECT 1 AS n")
})
afterEach(async () => {
  await db.close()
  vi.restoreAllMocks()
})

const ipc = (n: number) => tableToIPC(tableFromArrays({ n: Int32Array.from([n]) }), "stream")

describe("withTablesOnDemand", () => {
  it("loads a table only when a query names it, and only once", async () => {
    const loaded: string[] = []
    const conn = withTablesOnDemand(
      db,
      [
        ["flows", "flows.arrow"],
        ["bed_nights", "bed_nights.arrow"],
      ],
      async (name, file) => {
        loaded.push(`${name}:${file}`)
        await db.insertArrowIPC(name, ipc(name.length))
      },
    )
    expect(await conn.query("SELECT n FROM facts")).toEqual([{ n: 1 }])
    // a view name that contains a table name is not the table
    await conn.query("SELECT 1 AS flows_total, 'flow_counts' AS v")
    expect(loaded).toEqual([])
    const [a, b] = await Promise.all([
      conn.query<{ n: number }>("SELECT n FROM flows"),
      conn.arrow("SELECT n FROM flows"),
    ])
    expect(a).toEqual([{ n: 5 }])
    expect(b.numRows).toBe(1)
    await conn.exec("CREATE TABLE b2 AS SELECT * FROM bed_nights")
    await conn.query("SELECT * FROM flows, bed_nights")
    expect(loaded).toEqual(["flows:flows.arrow", "bed_nights:bed_nights.arrow"])
    expect(await db.query("SELECT n FROM b2")).toEqual([{ n: 10 }])
  })

  it("reports a failed load and the query fails as it would have without the table", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined)
    const conn = withTablesOnDemand(db, [["official_stats", "official_stats.arrow"]], async () => {
      throw new Error("HTTP 404")
    })
    await expect(conn.query("SELECT * FROM official_stats")).rejects.toThrow(/official_stats/)
    expect(warn).toHaveBeenCalledWith("loading published table official_stats failed:", expect.any(Error))
    expect(await conn.query("SELECT n FROM facts")).toEqual([{ n: 1 }])
  })
})
