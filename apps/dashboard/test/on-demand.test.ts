/** Published tables other than facts load when a query first names them, once, on real DuckDB. */
import { openWarehouse } from "@lao-protect/warehouse/node"
import { tableFromArrays, tableToIPC } from "apache-arrow"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { lazyCubeOf, withCubeOnDemand, withTablesOnDemand } from "../src/data/onDemand.ts"

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

describe("withCubeOnDemand", () => {
  it("builds facts_k once, when a query first names it or the session asks, not before", async () => {
    let builds = 0
    const conn = withCubeOnDemand(db, async () => {
      builds++
      await db.exec("CREATE TABLE facts_k AS SELECT n * 2 AS n FROM facts")
    })
    const cube = lazyCubeOf(conn)!
    expect(lazyCubeOf(db)).toBeNull()
    expect(await conn.query("SELECT n FROM facts")).toEqual([{ n: 1 }])
    expect(builds).toBe(0)
    expect(cube.built()).toBe(false)
    const [a, b] = await Promise.all([
      conn.query<{ n: number }>("SELECT n FROM facts_k"),
      conn.arrow("SELECT n FROM facts_k"),
      cube.build(),
    ])
    expect(a).toEqual([{ n: 2 }])
    expect(b.numRows).toBe(1)
    expect(cube.built()).toBe(true)
    await conn.exec("CREATE TABLE idx AS SELECT * FROM facts_k")
    expect(builds).toBe(1)
  })

  it("a failed build fails the query that waited for it and is tried again by the next", async () => {
    let builds = 0
    const conn = withCubeOnDemand(db, async () => {
      if (++builds === 1) throw new Error("out of memory")
      await db.exec("CREATE TABLE facts_k AS SELECT n FROM facts")
    })
    await expect(conn.query("SELECT n FROM facts_k")).rejects.toThrow(/out of memory/)
    expect(lazyCubeOf(conn)!.built()).toBe(false)
    expect(await conn.query("SELECT n FROM facts_k")).toEqual([{ n: 1 }])
    expect(builds).toBe(2)
  })
})
