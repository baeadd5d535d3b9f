import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { tableToIPC } from "apache-arrow"
import { describe, expect, it } from "vitest"
import { openWarehouse } from "../src/node/index.ts"

describe("openWarehouse (node-api connector)", () => {
  it("binds parameters and returns plain rows (BIGINT -> number, DATE -> ISO string)", async () => {
    const db = await openWarehouse(":memory:")
    const rows = await db.query(
      "select $1::bigint as n, $2::date as d, $3 as s, 9007199254740993::bigint as big, ['a','b'] as l",
      [42, "2024-02-29", "ລາວ"],
    )
    expect(rows).toEqual([{ n: 42, d: "2024-02-29", s: "ລາວ", big: 9007199254740993n, l: ["a", "b"] }])
    await db.close()
  })

  it("never interpolates: a parameter with quotes stays data", async () => {
    const db = await openWarehouse(":memory:")
    await db.exec("create table t (s varchar)")
    await db.query("insert into t values ($1)", ["x'); drop table t; --"])
    expect(await db.query("select count(*) as n from t")).toEqual([{ n: 1 }])
    await db.close()
  })

  it("returns Arrow with DuckDB's integer widths and round-trips an IPC stream", async () => {
    const db = await openWarehouse(":memory:")
    const table = await db.arrow(
      "select 2024::smallint as year, 3::tinyint as month, 'LA01' as province, 12::integer as n, date '2024-03-01' as d",
    )
    expect(table.numRows).toBe(1)
    expect(String(table.schema.fields.map((f) => f.type))).toBe("Int16,Int8,Utf8,Int32,Date32<DAY>")
    await db.insertArrowIPC("copy", tableToIPC(table, "stream"))
    expect(await db.query("select year, month, province, n, d from copy")).toEqual([
      { year: 2024, month: 3, province: "LA01", n: 12, d: "2024-03-01" },
    ])
    await db.close()
  })

  it("loads an IPC stream longer than one data chunk with every value, null and type in place", async () => {
    const db = await openWarehouse(":memory:")
    await db.exec(
      `create table source as select (2005 + i % 20)::smallint as year, i::integer as n, i::bigint * 3000000000 as big,
         case when i % 7 = 0 then null else 'ລາວ ' || i end as s, i % 3 = 0 as flag, i / 7.0 as x,
         case when i % 11 = 0 then null else date '2020-01-01' + (i % 1000)::integer end as d,
         ['a' || i, null] as l
       from range(5000) t(i)`,
    )
    await db.insertArrowIPC("copy", tableToIPC(await db.arrow("select * from source order by n"), "stream"))
    expect(await db.query("select count(*) as n from copy")).toEqual([{ n: 5000 }])
    const differ = (a: string, b: string) =>
      db.query(`select count(*) as n from (select * from ${a} except all select * from ${b})`)
    expect([await differ("source", "copy"), await differ("copy", "source")]).toEqual([[{ n: 0 }], [{ n: 0 }]])
    expect((await db.query("select n from copy limit 3 offset 2047")).map((r) => r.n)).toEqual([
      2047, 2048, 2049,
    ])
    await db.close()
  })

  it("persists to a file and reopens it", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "lp-")), "sub", "w.duckdb")
    const db = await openWarehouse(path)
    await db.exec("create table t (i integer); insert into t values (1), (2)")
    await db.close()
    const again = await openWarehouse(path)
    expect(await again.query("select sum(i) as s from t")).toEqual([{ s: 3 }])
    await again.close()
  })
})
