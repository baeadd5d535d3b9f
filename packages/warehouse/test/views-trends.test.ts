import { readdirSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { importUnodcGlotip, officialStatsPublicationSql } from "../src/node/official-stats/index.ts"
import {
  FILTER_WHERE,
  type Filters,
  officialReference,
  prepareTrends,
  REFERENCE_MEASURES,
  TREND_BREAKDOWNS,
  trendCounts,
  trendReferenceCounts,
  trendSql,
} from "../src/views/index.ts"
import { loadFixtureFacts } from "./views-fixture.ts"

const GLOTIP = join(import.meta.dirname, "../../../data/fixtures/unodc/glotip-fixture.csv")
let conn: NodeConnector

beforeAll(async () => {
  conn = await openWarehouse(":memory:", { config: { threads: "1" } })
  await loadFixtureFacts(conn)
  await prepareTrends(conn)
})
afterAll(() => conn.close())

const total = async (where: string): Promise<number> => {
  const [row] = await conn.query<{ n: number | null }>(
    `SELECT CAST(SUM(n) AS INTEGER) AS n FROM facts WHERE ${where}`,
  )
  return row?.n ?? 0
}
const sum = (rows: ReadonlyArray<{ n: number }>) => rows.reduce((a, r) => a + r.n, 0)
const FILTERS: ReadonlyArray<{ filters: Filters; where: string }> = [
  { filters: {}, where: "true" },
  { filters: { sex: "female", yearFrom: 2021 }, where: "sex = 'female' AND year >= 2021" },
  { filters: { destination: "THA", stage: "closed" }, where: "destination = 'THA' AND stage = 'closed'" },
]

describe("trend view SQL", () => {
  it("carries the one filter template and reads facts once", () => {
    for (const [name, sql] of Object.entries(trendSql)) {
      expect(sql, name).toContain(FILTER_WHERE)
      expect(sql.match(/\bFROM facts\b/g), name).toHaveLength(1)
      expect(sql, name).not.toMatch(/\$\{/)
    }
    const files = readdirSync(join(import.meta.dirname, "../src/views/trends")).filter((f) =>
      f.endsWith(".sql"),
    )
    expect(files.sort()).toEqual(
      ["official_reference", "trend_counts", "trend_reference_counts", "trends_prepare"].map(
        (f) => `${f}.sql`,
      ),
    )
  })

  it("every breakdown and grain adds up to the filtered total, pre-aggregated equal to naive", async () => {
    for (const { filters, where } of FILTERS) {
      const expected = await total(where)
      for (const breakdown of TREND_BREAKDOWNS) {
        for (const grain of ["year", "quarter", "month"] as const) {
          const naive = await trendCounts(conn, filters, grain, breakdown, { source: "naive" })
          const pre = await trendCounts(conn, filters, grain, breakdown, { source: "preaggregated" })
          expect(sum(naive), `${breakdown} ${grain} ${where}`).toBe(expected)
          expect(pre).toEqual(naive)
          const subs = new Set(naive.map((r) => r.sub))
          if (grain === "year") expect([...subs]).toEqual([0])
          if (grain === "quarter") for (const s of subs) expect(s).toBeGreaterThanOrEqual(1)
          if (grain === "month") for (const s of subs) expect(s).toBeLessThanOrEqual(12)
        }
      }
    }
  })

  it("counts one category per period like a direct GROUP BY", async () => {
    const rows = await trendCounts(conn, {}, "quarter", "victim_group")
    const direct = await conn.query<{ n: number }>(
      "SELECT CAST(SUM(n) AS INTEGER) AS n FROM facts WHERE year = 2021 AND quarter = 2 AND victim_group = 'intercepted'",
    )
    expect(rows.find((r) => r.year === 2021 && r.sub === 2 && r.category === "intercepted")?.n).toBe(
      direct[0]?.n,
    )
    const sexAge = await trendCounts(conn, {}, "year", "sex_age")
    expect(sexAge.find((r) => r.year === 2021 && r.category === "female|9-17")?.n).toBe(
      await total("year = 2021 AND sex = 'female' AND age_band = '9-17'"),
    )
  })

  it("groups the current stage into outcomes", async () => {
    const rows = await trendCounts(conn, {}, "year", "outcome")
    const by = (c: string) => sum(rows.filter((r) => r.category === c))
    expect(by("reintegrated")).toBe(await total("stage IN ('reintegration', 'follow_up', 'closed')"))
    expect(by("re_trafficked")).toBe(await total("stage = 're_trafficked'"))
    expect(by("lost_contact")).toBe(await total("stage = 'lost_contact'"))
    expect(by("other_exit")).toBe(await total("stage IN ('declined_assistance', 'referred_elsewhere')"))
    expect(new Set(rows.map((r) => r.category))).toEqual(
      new Set(["reintegrated", "re_trafficked", "lost_contact", "in_process", "other_exit"]),
    )
  })

  it("the small province LA18 is one province-year of 3 cases, LA15 has none", async () => {
    const rows = await trendCounts(conn, {}, "year", "province")
    expect(rows.filter((r) => r.category === "LA18")).toEqual([
      { year: 2021, sub: 0, category: "LA18", n: 3 },
    ])
    expect(rows.some((r) => r.category === "LA15")).toBe(false)
  })

  it("our counts for each mapped official measure", async () => {
    for (const { filters, where } of FILTERS) {
      const rows = await trendReferenceCounts(conn, filters)
      const naive = await trendReferenceCounts(conn, filters, { source: "preaggregated" })
      expect(naive).toEqual(rows)
      const y = rows.find((r) => r.year === 2022)
      expect(y?.victims_total).toBe(await total(`${where} AND year = 2022`))
      expect(y?.victims_minor).toBe(await total(`${where} AND year = 2022 AND is_child`))
      expect(y?.victims_women).toBe(
        await total(`${where} AND year = 2022 AND sex = 'female' AND NOT is_child`),
      )
      expect(y?.form_sexual_exploitation).toBe(
        await total(`${where} AND year = 2022 AND exploitation_form = 'sexual_exploitation'`),
      )
      for (const m of REFERENCE_MEASURES) expect(typeof y?.[m]).toBe("number")
    }
  })

  it("reads the published official statistics, suppressed '<5' kept as suppressed", async () => {
    const db = await openWarehouse(":memory:", { config: { threads: "1" } })
    try {
      await importUnodcGlotip(db, GLOTIP)
      const published = await db.arrow(officialStatsPublicationSql, [null])
      await db.exec("DROP TABLE official_stats")
      await db.insertArrowIPC(
        "official_stats",
        (await import("apache-arrow")).tableToIPC(published, "stream"),
      )
      const rows = await officialReference(db)
      const total2020 = rows.find(
        (r) => r.year === 2020 && r.dimension === "Total" && r.sex === "Total" && r.age === "Total",
      )
      expect(total2020?.value).toBe(142)
      const suppressed = rows.find((r) => r.suppressed)
      expect(suppressed?.value).toBeNull()
      expect(suppressed?.suppressed_below).toBe(5)
      expect(rows.some((r) => r.missing && r.value === null)).toBe(true)
    } finally {
      await db.close()
    }
  })
})
