/**
 * The facts cube's columns are listed once, in the publication contract (`FACT_COLUMNS`, with the
 * filter columns in `FACT_FILTERS`); the filters, the cross-filter dimensions, the dashboard's
 * ENUM-keyed cube (`prepare_views.sql`) and the views' WHERE templates derive from it. These tests
 * fail when a column is missing or extra anywhere.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { FACT_AREA_COLUMNS, FACT_COLUMNS, FACT_FILTERS, factColumnsProblem } from "../src/Publication.ts"
import {
  CODE_FILTER_KEYS,
  DIM_OF_KEY,
  FILTER_DIMS,
  FILTER_WHERE,
  filterWhere,
  prepareViews,
  prepareViewsSql,
} from "../src/views/index.ts"
import { loadFixtureFacts } from "./views-fixture.ts"

let conn: NodeConnector
beforeAll(async () => {
  conn = await openWarehouse(":memory:", { config: { threads: "1" } })
  await loadFixtureFacts(conn)
})
afterAll(() => conn.close())

const columnsOf = async (table: string) =>
  (await conn.query<{ name: string }>(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`)).map(
    (r) => r.name,
  )

/** The columns of every `($n IS NULL OR column = $n)` in a WHERE text, in parameter order. */
const filteredColumns = (sql: string): Array<string> =>
  [...sql.matchAll(/\(\$(\d+) IS NULL OR (\w+) = \$(\d+)\)/g)].map((m) => m[2]!)

const FILTER_COLUMNS = FACT_FILTERS.map((f) => f.column)

describe("the contract's column list", () => {
  it("names a missing, an extra and a reordered column", () => {
    expect(factColumnsProblem([...FACT_COLUMNS])).toBeNull()
    expect(factColumnsProblem(FACT_COLUMNS.filter((c) => c !== "stage"))).toBe(
      "the facts cube has missing column(s) stage",
    )
    expect(factColumnsProblem([...FACT_COLUMNS, "village"])).toBe(
      "the facts cube has unexpected column(s) village",
    )
    expect(factColumnsProblem(["quarter", "year", ...FACT_COLUMNS.slice(2)])).toMatch(
      /in the order quarter, year/,
    )
  })

  it("every filter and area column is a cube column, and filter keys are unique", () => {
    for (const c of [...FILTER_COLUMNS, ...FACT_AREA_COLUMNS]) expect(FACT_COLUMNS).toContain(c)
    expect(new Set(CODE_FILTER_KEYS).size).toBe(CODE_FILTER_KEYS.length)
  })

  it("the views' test fixture is a cube of the contract", async () => {
    expect(factColumnsProblem(await columnsOf("facts"))).toBeNull()
  })
})

describe("filters and cross-filter dimensions derive from the contract", () => {
  it("filter keys, dimensions and the WHERE template follow FACT_FILTERS", () => {
    expect([...CODE_FILTER_KEYS]).toEqual(FACT_FILTERS.map((f) => f.key))
    expect(FILTER_DIMS).toEqual(["year", ...FILTER_COLUMNS])
    for (const f of FACT_FILTERS) expect(DIM_OF_KEY[f.key]).toBe(f.column)
    expect(filteredColumns(FILTER_WHERE)).toEqual(FILTER_COLUMNS)
  })

  it("every view .sql filters exactly the contract's columns, in parameter order", () => {
    const dir = join(import.meta.dirname, "../src/views")
    const files = [
      ...readdirSync(dir).map((f) => join(dir, f)),
      ...readdirSync(join(dir, "trends")).map((f) => join(dir, "trends", f)),
    ].filter((f) => f.endsWith(".sql"))
    const filtered = files.filter((f) => readFileSync(f, "utf8").includes("($1 IS NULL OR year >= $1)"))
    expect(filtered.length).toBeGreaterThanOrEqual(11)
    for (const file of filtered) {
      const sql = readFileSync(file, "utf8")
      expect(filteredColumns(sql).slice(0, FILTER_COLUMNS.length), file).toEqual(FILTER_COLUMNS)
      expect(sql, file).toContain(FILTER_WHERE)
    }
  })

  it("a column more or less in the contract is caught by that check", () => {
    const sql = readFileSync(join(import.meta.dirname, "../src/views/province_counts.sql"), "utf8")
    const more = [...FACT_FILTERS, { column: "region" }]
    const less = FACT_FILTERS.slice(0, -1)
    expect(filteredColumns(sql)).not.toEqual(more.map((f) => f.column))
    expect(sql).not.toContain(filterWhere(more))
    expect(filteredColumns(sql)).not.toEqual(less.map((f) => f.column))
  })
})

describe("the dashboard's ENUM-keyed cube is generated from the contract", () => {
  it("facts_k holds the year, the area and filter columns as ENUMs, and n", async () => {
    await prepareViews(conn)
    const keys = [...FACT_AREA_COLUMNS, ...FILTER_COLUMNS]
    expect(await columnsOf("facts_k")).toEqual(["year", ...keys, "n"])
    const types = await conn.query<{ name: string; type: string }>(
      "SELECT name, type FROM pragma_table_info('facts_k')",
    )
    for (const k of keys) expect(types.find((t) => t.name === k)?.type, k).toMatch(/^ENUM/)
    const [same] = await conn.query<{ a: number; b: number }>(
      "SELECT (SELECT sum(n) FROM facts)::INTEGER AS a, (SELECT sum(n) FROM facts_k)::INTEGER AS b",
    )
    expect(same!.a).toBe(same!.b)
  })

  it("a key column added to (or dropped from) the contract appears in (or leaves) facts_k with no other edit", async () => {
    await conn.exec("ALTER TABLE facts ADD COLUMN region VARCHAR DEFAULT 'north'")
    try {
      const keys = [...FACT_AREA_COLUMNS, ...FILTER_COLUMNS.filter((c) => c !== "stage"), "region"]
      await conn.exec(prepareViewsSql(keys))
      const columns = await columnsOf("facts_k")
      expect(columns).toContain("region")
      expect(columns).not.toContain("stage")
      expect(() => prepareViewsSql(["province; DROP TABLE facts"])).toThrow(/not a facts column/)
    } finally {
      await conn.exec("ALTER TABLE facts DROP COLUMN region")
      await prepareViews(conn)
    }
  })
})
