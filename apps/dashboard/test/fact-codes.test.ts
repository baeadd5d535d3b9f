/**
 * The facts cube loaded as integer codes plus a view (`factCodes.ts`) is the cube the file holds:
 * same columns, types, values, nulls and row order as inserting the published file itself, on real
 * DuckDB, for dictionaries with 8- and 16-bit codes, nulls, quotes and a column that is all null.
 */
import { Publication } from "@lao-protect/warehouse"
import { openWarehouse } from "@lao-protect/warehouse/node"
import {
  Bool,
  type DataType,
  Dictionary,
  Int8,
  Int16,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from "apache-arrow"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { CODES_TABLE, splitFacts } from "../src/data/factCodes.ts"

type Db = Awaited<ReturnType<typeof openWarehouse>>
let db: Db
beforeEach(async () => {
  db = await openWarehouse(":memory:")
})
afterEach(async () => {
  await db.close()
})

const ROWS = 400
const text = (i: number, f: (i: number) => string | null, index: DataType = new Int8()) =>
  vectorFromArray(
    Array.from({ length: i }, (_, r) => f(r)),
    new Dictionary(new Utf8(), index as Int8),
  )

/** A cube with the contract's columns, its text columns as Arrow dictionaries, as publish writes it. */
const cube = (): Uint8Array => {
  const columns: Record<string, Vector> = {}
  for (const name of Publication.FACT_COLUMNS) {
    if (name === "year")
      columns[name] = vectorFromArray(Array.from({ length: ROWS }, (_, r) => 2010 + (r % 15)))
    else if (name === "quarter" || name === "month" || name === "n")
      columns[name] = vectorFromArray(Array.from({ length: ROWS }, (_, r) => (r % 4) + 1))
    else if (name === "is_child" || name === "first_language_lao")
      columns[name] = vectorFromArray(
        Array.from({ length: ROWS }, (_, r) => (r % 3 === 0 ? null : r % 2 === 0)),
        new Bool(),
      )
    else if (name === "district")
      // more than 127 values: 16-bit codes
      columns[name] = text(
        ROWS,
        (r) => (r % 7 === 0 ? null : `LA${String(r % 300).padStart(4, "0")}`),
        new Int16(),
      )
    else if (name === "destination")
      columns[name] = text(ROWS, (r) => ["Thailand", "Côte d'Ivoire", "ລາວ"][r % 3]!)
    else if (name === "identification_setting") columns[name] = text(ROWS, () => null)
    else columns[name] = text(ROWS, (r) => (r % 5 === 0 ? null : `${name}_${r % 9}`))
  }
  return tableToIPC(new Table(columns), "stream")
}

const rows = (sql: string) => db.query(sql)

describe("splitFacts", () => {
  it("gives back the published cube: columns, types, values, nulls and order", async () => {
    const bytes = cube()
    await db.insertArrowIPC("published", bytes)
    const facts = splitFacts(bytes)
    expect(facts.table).toBe(CODES_TABLE)
    expect(facts.columns).toEqual([...Publication.FACT_COLUMNS])
    expect(Publication.factColumnsProblem(facts.columns)).toBeNull()
    await db.insertArrowIPC(facts.table, facts.codes)
    await db.exec(facts.viewSql)
    // the text columns are codes in the inserted table
    const codes = tableFromIPC(facts.codes)
    expect(String(codes.schema.fields.find((f) => f.name === "district")!.type)).toBe("Int16")
    expect(String(codes.schema.fields.find((f) => f.name === "sex")!.type)).toBe("Int8")
    const types = (t: string) => rows(`SELECT column_name, column_type FROM (DESCRIBE ${t})`)
    expect(await types("facts")).toEqual(await types("published"))
    const all = (t: string) => rows(`SELECT * FROM ${t}`)
    const published = await all("published")
    expect(published).toHaveLength(ROWS)
    expect(await all("facts")).toEqual(published)
    expect(await rows("SELECT DISTINCT destination FROM facts ORDER BY 1")).toEqual([
      { destination: "Côte d'Ivoire" },
      { destination: "Thailand" },
      { destination: "ລາວ" },
    ])
    expect(await rows("SELECT count(*)::INTEGER AS n FROM facts WHERE district IS NULL")).toEqual([
      { n: Math.ceil(ROWS / 7) },
    ])
  })

  it("keeps plain text columns as they are (hand-made releases)", async () => {
    const bytes = tableToIPC(
      new Table({
        year: vectorFromArray([2020, 2021]),
        province: vectorFromArray(["LA01", null], new Utf8()),
      }),
      "stream",
    )
    await db.insertArrowIPC("published", bytes)
    const facts = splitFacts(bytes)
    await db.insertArrowIPC(facts.table, facts.codes)
    await db.exec(facts.viewSql)
    expect(await rows("SELECT * FROM facts")).toEqual(await rows("SELECT * FROM published"))
  })

  it("reports a cube with other columns than the contract's, by name", () => {
    const bytes = tableToIPC(new Table({ year: vectorFromArray([2020]), n: vectorFromArray([1]) }), "stream")
    expect(Publication.factColumnsProblem(splitFacts(bytes).columns)).toMatch(
      /missing column\(s\) quarter, month/,
    )
  })
})
