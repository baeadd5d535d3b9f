import { tableToIPC } from "apache-arrow"
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
