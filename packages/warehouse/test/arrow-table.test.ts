import { tableFromIPC, tableToIPC } from "apache-arrow"
import { describe, expect, it } from "vitest"
import { arrowOfTable } from "../src/node/arrow-table.ts"
import { openWarehouse } from "../src/node/index.ts"

describe("arrowOfTable (a whole table as Arrow from integer codes)", () => {
  it("writes the same IPC bytes as the per-value path over SELECT * ORDER BY ALL, nulls, quotes and Lao text included", async () => {
    const db = await openWarehouse(":memory:")
    await db.exec(`CREATE TABLE t AS
      SELECT
        CAST(2020 + i % 5 AS SMALLINT) AS year,
        CAST(CASE WHEN i % 7 = 0 THEN NULL ELSE 1 + i % 12 END AS TINYINT) AS month,
        CASE WHEN i % 11 = 0 THEN NULL ELSE 'LA' || lpad(CAST(i % 18 AS VARCHAR), 2, '0') END AS province,
        CASE i % 4 WHEN 0 THEN 'ລາວ' WHEN 1 THEN 'it''s' WHEN 2 THEN 'transgender_non_binary' ELSE '' END AS label,
        CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END AS is_child,
        i % 5 = 0 AS returned,
        CAST(NULL AS VARCHAR) AS empty_text,
        CAST(i AS INTEGER) AS n
      FROM range(5000) r(i)`)
    const expected = await db.arrow("SELECT * FROM t ORDER BY ALL")
    const actual = await arrowOfTable(db.raw, "t")
    expect(actual.numRows).toBe(5000)
    expect(String(actual.schema.fields.map((f) => `${f.name}:${f.type}:${f.nullable}`))).toBe(
      String(expected.schema.fields.map((f) => `${f.name}:${f.type}:${f.nullable}`)),
    )
    expect(
      Buffer.from(tableToIPC(actual, "stream")).equals(Buffer.from(tableToIPC(expected, "stream"))),
    ).toBe(true)
    await db.close()
  })

  it("with dictionary: text columns become dictionaries of the same values, read back by DuckDB as VARCHAR", async () => {
    const db = await openWarehouse(":memory:")
    await db.exec(`CREATE TABLE t AS
      SELECT
        CAST(2020 + i % 5 AS SMALLINT) AS year,
        CASE WHEN i % 11 = 0 THEN NULL ELSE 'LA' || lpad(CAST(i % 18 AS VARCHAR), 2, '0') END AS province,
        CASE i % 4 WHEN 0 THEN 'ລາວ' WHEN 1 THEN 'it''s' WHEN 2 THEN 'transgender_non_binary' ELSE '' END AS label,
        'v' || CAST(i % 300 AS VARCHAR) AS wide,
        CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END AS is_child,
        CAST(NULL AS VARCHAR) AS empty_text,
        CAST(i AS INTEGER) AS n
      FROM range(5000) r(i)`)
    const plain = await arrowOfTable(db.raw, "t")
    const coded = tableFromIPC(tableToIPC(await arrowOfTable(db.raw, "t", { dictionary: true }), "stream"))
    expect(coded.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      "year:Int16",
      "province:Dictionary<Int8, Utf8>",
      "label:Dictionary<Int8, Utf8>",
      "wide:Dictionary<Int16, Utf8>",
      "is_child:Bool",
      "empty_text:Dictionary<Int8, Utf8>",
      "n:Int32",
    ])
    for (const f of plain.schema.fields) {
      expect([...coded.getChild(f.name)!], f.name).toEqual([...plain.getChild(f.name)!])
    }
    await db.insertArrowIPC("back", tableToIPC(coded, "stream"))
    const types = await db.query<{ name: string; type: string }>(
      "SELECT name, type FROM pragma_table_info('back') ORDER BY cid",
    )
    expect(types.map((c) => `${c.name}:${c.type}`)).toEqual([
      "year:SMALLINT",
      "province:VARCHAR",
      "label:VARCHAR",
      "wide:VARCHAR",
      "is_child:BOOLEAN",
      "empty_text:VARCHAR",
      "n:INTEGER",
    ])
    const [diff] = await db.query<{ n: number }>(
      "SELECT CAST(count(*) AS INTEGER) AS n FROM ((SELECT * FROM t EXCEPT ALL SELECT * FROM back) UNION ALL (SELECT * FROM back EXCEPT ALL SELECT * FROM t))",
    )
    expect(diff!.n).toBe(0)
    await db.close()
  })

  it("reads an empty table", async () => {
    const db = await openWarehouse(":memory:")
    await db.exec("CREATE TABLE t (province VARCHAR, n INTEGER, ok BOOLEAN)")
    const actual = await arrowOfTable(db.raw, "t")
    const expected = await db.arrow("SELECT * FROM t ORDER BY ALL")
    expect(actual.numRows).toBe(0)
    expect(
      Buffer.from(tableToIPC(actual, "stream")).equals(Buffer.from(tableToIPC(expected, "stream"))),
    ).toBe(true)
    await db.close()
  })
})
