/** `--crossfilter-detail`: steps named by what they change, every query of a real session labelled. */
import { type Connector, CrossFilter, changedDims, Publication, prepareViews } from "@lao-protect/warehouse"
import { type NodeConnector, openWarehouse } from "@lao-protect/warehouse/node"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  detailLines,
  type QueryTime,
  queryLabel,
  type StepDetail,
  stepKind,
  summarizeDetail,
} from "../src/detail.ts"
import { type Step, scriptSteps } from "../src/steps.ts"

const step = (
  filters: Step["filters"],
  level: Step["level"] = "province",
  selected: Step["selected"] = null,
) => ({
  filters,
  level,
  selected,
})

describe("stepKind", () => {
  it("names what changed between two steps", () => {
    expect(stepKind(null, step({}))).toBe("first")
    expect(stepKind(step({}), step({ sex: "female" }))).toBe("filter:sex")
    expect(stepKind(step({ sex: "female" }), step({ sex: null }))).toBe("filter:sex")
    expect(stepKind(step({}), step({ yearFrom: 2020, yearTo: 2021 }))).toBe("filter:year")
    expect(stepKind(step({}), step({}, "district"))).toBe("level")
    expect(stepKind(step({}), step({}, "province", { province: "LA01", district: null }))).toBe("select")
    expect(stepKind(step({}, "province", { province: "LA01", district: null }), step({}))).toBe("deselect")
    expect(stepKind(step({}), step({}))).toBe("none")
    expect(stepKind(step({}), step({ sex: "male", stage: "closed" }, "district"))).toBe(
      "filter:sex+filter:stage+level",
    )
  })
})

/** A small facts cube with the contract's columns (whatever they are), made in SQL. */
const FACTS_SQL = `CREATE TABLE facts AS SELECT ${Publication.FACT_COLUMNS.map((c) => {
  if (c === "year") return "CAST(2019 + i % 4 AS SMALLINT) AS year"
  if (c === "n") return "CAST(1 + i % 3 AS INTEGER) AS n"
  if (c === "quarter" || c === "month") return `CAST(1 + i % 4 AS TINYINT) AS ${c}`
  if (c === "is_child" || c === "first_language_lao") return `i % 2 = 0 AS ${c}`
  if (c === "province") return "['LA01','LA02','LA03'][1 + i % 3] AS province"
  if (c === "district") return "['LA01','LA02','LA03'][1 + i % 3] || '0' || (1 + i % 2) AS district"
  if (c === "victim_group") return "['repatriated_lao','local_lao','deported_lao'][1 + i % 3] AS victim_group"
  if (c === "destination") return "['THA','CHN','LAO',NULL][1 + i % 4] AS destination"
  return `['a','b','c',NULL][1 + (i * 7 + ${c.length}) % 4] AS ${c}`
}).join(", ")} FROM range(600) t(i)`

describe("queryLabel on a real session", () => {
  let conn: NodeConnector
  beforeAll(async () => {
    conn = await openWarehouse(":memory:", { config: { threads: "1" } })
    await conn.exec(FACTS_SQL)
    await prepareViews(conn)
  })
  afterAll(() => conn.close())

  it("labels every query the cross-filter session runs, and the summary accounts for every step", async () => {
    const queries: QueryTime[] = []
    const timed: Connector = {
      ...conn,
      query: async (sql, params) => {
        queries.push({ sql, ms: 1 })
        return conn.query(sql, params)
      },
      exec: async (sql) => {
        queries.push({ sql, ms: 1 })
        return conn.exec(sql)
      },
    }
    const session = new CrossFilter(timed)
    const domains = {
      year: [2019, 2020, 2021, 2022],
      sex: ["a", "b"],
      stage: ["a", "c"],
      victim_group: ["local_lao", "repatriated_lao"],
      destination: ["THA", "CHN"],
      province: ["LA01", "LA02"],
      district: ["LA01/LA0101", "LA02/LA0202"],
    }
    const steps = scriptSteps(domains, 30)
    const details: StepDetail[] = []
    const pre: number[] = []
    let previous: Step | null = null
    for (const s of steps) {
      const hover: QueryTime[] = []
      const moved = previous ? [...changedDims(previous.filters, s.filters)] : []
      queries.length = 0
      if (previous && moved.length === 1) await session.activate(moved[0]!, previous)
      hover.push(...queries.splice(0))
      await session.run(s)
      details.push({ hover, queries: queries.splice(0), source: "x" })
      pre.push(1)
      previous = s
    }
    const labels = new Set(details.flatMap((d) => [...d.hover, ...d.queries].map((q) => queryLabel(q.sql))))
    expect([...labels].filter((l) => l.startsWith("other"))).toEqual([])
    expect([...labels].some((l) => l.startsWith("build idx_"))).toBe(true)
    // the hover loads the built indexes into JavaScript; interactions then read them with no query
    expect([...labels].some((l) => /^read idx_flow$/.test(l))).toBe(true)
    expect(queryLabel("SELECT 'p' AS v, 1 UNION ALL SELECT 'f' AS v, 2")).toBe("read indexes (2 views)")
    expect([...labels].some((l) => l.startsWith("facts_k "))).toBe(true)

    const summary = summarizeDetail(steps, 5, pre.slice(5), details.slice(5), 3)
    expect(summary.byKind.reduce((n, k) => n + k.count, 0)).toBe(25)
    expect(summary.byKind.reduce((a, k) => a + k.share, 0)).toBeCloseTo(1)
    expect(summary.byQuery.reduce((n, q) => n + q.count, 0)).toBe(
      details.slice(5).reduce((n, d) => n + d.queries.length, 0),
    )
    expect(summary.slowest).toHaveLength(3)
    expect(detailLines(summary).join("\n")).toContain("slowest interactions:")
    expect(() => summarizeDetail(steps, 5, pre, details.slice(5))).toThrow(/timings but/)
  })
})

describe("queryLabel", () => {
  it("labels the facts_k views and falls back to the statement", () => {
    expect(queryLabel("CREATE OR REPLACE TEMP TABLE idx_flow AS SELECT 1")).toBe("build idx_flow")
    expect(queryLabel("SELECT 1 AS x")).toBe("other: SELECT 1 AS x")
  })
})
