/** The map's ethnicity and identification measures and the checkpoints' year series (issue 21). */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import {
  checkpointProfile,
  checkpointYears,
  type Filters,
  identifiedVsOrigin,
  prepareViews,
  provinceCounts,
  provinceMeasures,
} from "../src/views/index.ts"
import { loadFixtureFacts } from "./views-fixture.ts"

let conn: NodeConnector

beforeAll(async () => {
  conn = await openWarehouse(":memory:", { config: { threads: "1" } })
  await loadFixtureFacts(conn)
  await prepareViews(conn)
})
afterAll(() => conn.close())

const total = async (where: string): Promise<number> => {
  const [row] = await conn.query<{ n: number | null }>(
    `SELECT CAST(SUM(n) AS INTEGER) AS n FROM facts WHERE ${where}`,
  )
  return row?.n ?? 0
}
const sum = (rows: ReadonlyArray<{ n: number }>) => rows.reduce((acc, r) => acc + r.n, 0)

const CASES: ReadonlyArray<{ name: string; filters: Filters; where: string }> = [
  { name: "no filter", filters: {}, where: "true" },
  {
    name: "years and a group",
    filters: { yearFrom: 2020, ethnicGroup: "hmong" },
    where: "year >= 2020 AND ethnic_group = 'hmong'",
  },
  { name: "returns", filters: { victimGroup: "repatriated_lao" }, where: "victim_group = 'repatriated_lao'" },
]

describe.each(CASES)("map measures with $name", ({ filters, where }) => {
  it("per province, the settings add up to the province count the map shows", async () => {
    const rows = await provinceMeasures(conn, filters)
    const provinces = await provinceCounts(conn, filters, { source: "naive" })
    for (const p of provinces) {
      if (p.province === null) continue
      expect(sum(rows.filter((r) => r.province === p.province)), p.province).toBe(p.n)
    }
    const hotline = rows.filter((r) => r.province === "LA01" && r.identification_setting === "hotline")
    expect(sum(hotline)).toBe(
      await total(`${where} AND province = 'LA01' AND identification_setting = 'hotline'`),
    )
  })
  it("minority cases are every recorded group but Lao, among the recorded groups", async () => {
    const rows = (await provinceMeasures(conn, filters)).filter((r) => r.province === "LA06")
    const minority = rows.reduce((s, r) => s + r.minority, 0)
    const recorded = rows.reduce((s, r) => s + r.ethnicity_recorded, 0)
    expect(minority).toBe(
      await total(`${where} AND province = 'LA06' AND ethnic_group NOT IN ('lao', 'unknown', 'other')`),
    )
    expect(recorded).toBe(
      await total(`${where} AND province = 'LA06' AND ethnic_group NOT IN ('unknown', 'other')`),
    )
    expect(minority).toBeLessThanOrEqual(recorded)
  })
  it("the checkpoints' year series agree with each checkpoint's profile, on both paths", async () => {
    const rows = await checkpointYears(conn, filters)
    const naive = await checkpointYears(conn, filters, { source: "naive" })
    expect(rows).toEqual(naive)
    const profile = await checkpointProfile(conn, filters, "T2")
    const fromProfile = Object.fromEntries(
      profile.filter((r) => r.dimension === "year").map((r) => [r.code, r.n]),
    )
    const fromYears = Object.fromEntries(
      rows
        .filter((r) => r.border_point === "T2")
        .map((r) => [`${r.year}|${r.is_return ? "return" : "out"}`, r.n]),
    )
    expect(fromYears).toEqual(fromProfile)
  })
})

it("a facts cube without identification settings (an older release) fails, so the map shows nothing", async () => {
  const old = await openWarehouse(":memory:", { config: { threads: "1" } })
  try {
    await loadFixtureFacts(old)
    await old.exec("ALTER TABLE facts DROP COLUMN identification_setting")
    await expect(provinceMeasures(old, {})).rejects.toThrow(/identification_setting/)
  } finally {
    await old.close()
  }
})

describe.each(CASES)("identified here against origin with $name", ({ filters, where }) => {
  it("per province: cases identified there and cases from there, as the cube says", async () => {
    const rows = await identifiedVsOrigin(conn, filters)
    const provinces = await provinceCounts(conn, filters, { source: "naive" })
    for (const p of provinces) {
      if (p.province === null) continue
      expect(rows.find((r) => r.province === p.province)?.origin ?? 0, p.province).toBe(p.n)
    }
    for (const code of ["LA01", "LA13", "LA18"]) {
      expect(rows.find((r) => r.province === code)?.identified ?? 0, code).toBe(
        await total(`${where} AND identification_province = '${code}'`),
      )
    }
    // the fixture identifies a quarter of all cases in the capital, half the others at home
    const la01 = rows.find((r) => r.province === "LA01")!
    expect(la01.identified).toBeGreaterThan(la01.origin)
    const la06 = rows.find((r) => r.province === "LA06")!
    expect(la06.identified).toBeLessThan(la06.origin)
  })
})
