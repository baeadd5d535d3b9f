import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import {
  ActiveIndex,
  areaBreakdown,
  type BorderPointCount,
  type BreakdownRow,
  borderPointCounts,
  CrossFilter,
  changedDims,
  checkpointProfile,
  DIM_OF_KEY,
  type DistrictCount,
  districtCounts,
  ethnicityByProvince,
  FILTER_DIMS,
  FILTER_WHERE,
  type FilterDim,
  type Filters,
  type FlowCount,
  flowCounts,
  type IndexedView,
  type Interaction,
  languageNeeds,
  type ProvinceCount,
  prepareViews,
  provinceCounts,
  type ViewOptions,
  viewSql,
  type YearCount,
  yearCounts,
} from "../src/views/index.ts"
import { loadFixtureFacts } from "./views-fixture.ts"

let conn: NodeConnector

beforeAll(async () => {
  conn = await openWarehouse(":memory:", { config: { threads: "1" } })
  await loadFixtureFacts(conn)
  await prepareViews(conn)
})
afterAll(() => conn.close())

const total = async (where: string, params: ReadonlyArray<string | number> = []): Promise<number> => {
  const [row] = await conn.query<{ n: number | null }>(
    `SELECT CAST(SUM(n) AS INTEGER) AS n FROM facts WHERE ${where}`,
    params,
  )
  return row?.n ?? 0
}
const sum = (rows: ReadonlyArray<{ n: number }>) => rows.reduce((acc, r) => acc + r.n, 0)
const byKey = <R extends { n: number }>(rows: ReadonlyArray<R>, key: (r: R) => string) =>
  Object.fromEntries(rows.map((r) => [key(r), r.n]))

const FILTER_CASES: ReadonlyArray<{ name: string; filters: Filters; where: string }> = [
  { name: "no filter", filters: {}, where: "true" },
  { name: "years", filters: { yearFrom: 2020, yearTo: 2022 }, where: "year BETWEEN 2020 AND 2022" },
  { name: "sex", filters: { sex: "female" }, where: "sex = 'female'" },
  {
    name: "several",
    filters: {
      victimGroup: "repatriated_lao",
      exploitationForm: "forced_labour",
      destination: "THA",
      yearFrom: 2021,
    },
    where:
      "victim_group = 'repatriated_lao' AND exploitation_form = 'forced_labour' AND destination = 'THA' AND year >= 2021",
  },
  {
    name: "age, family, border point, stage",
    filters: { ageBand: "9-17", ethnicityFamily: "lao_tai", borderPoint: "T1", stage: "closed" },
    where: "age_band = '9-17' AND ethnicity_family = 'lao_tai' AND border_point = 'T1' AND stage = 'closed'",
  },
  { name: "a value absent from the data", filters: { destination: "JPN" }, where: "destination = 'JPN'" },
  { name: "ethnic group", filters: { ethnicGroup: "hmong" }, where: "ethnic_group = 'hmong'" },
  {
    name: "ethnic group and family, flows by year",
    filters: { ethnicityFamily: "mon_khmer", ethnicGroup: "khmu", yearFrom: 2021 },
    where: "ethnicity_family = 'mon_khmer' AND ethnic_group = 'khmu' AND year >= 2021",
  },
]

describe("view SQL files", () => {
  it("every view carries the one fixed filter template and reads facts once", () => {
    for (const [name, sql] of Object.entries(viewSql)) {
      expect(sql, name).toContain(FILTER_WHERE)
      expect(sql.match(/\bFROM facts\b/g), name).toHaveLength(1)
    }
  })
  it("every .sql file in the folder is a named view or the preparation script", () => {
    const dir = join(import.meta.dirname, "../src/views")
    const files = readdirSync(dir).filter((f) => f.endsWith(".sql"))
    expect(files.sort()).toEqual([...Object.keys(viewSql), "prepare_views"].map((n) => `${n}.sql`).sort())
    expect(readFileSync(join(dir, "province_counts.sql"), "utf8")).not.toMatch(/\$\{/)
  })
})

describe.each(FILTER_CASES)("views under filter: $name", ({ filters, where }) => {
  it("province counts match a direct query, on both paths", async () => {
    const expected = await total(where)
    const pre = await provinceCounts(conn, filters)
    const naive = await provinceCounts(conn, filters, { source: "naive" })
    expect(sum(pre)).toBe(expected)
    expect(byKey(pre, (r) => String(r.province))).toEqual(byKey(naive, (r) => String(r.province)))
    for (const row of pre.slice(0, 5)) {
      if (row.province === null) continue
      expect(row.n).toBe(await total(`${where} AND province = $1`, [row.province]))
    }
  })
  it("district, border point, year and flow counts agree with facts and across paths", async () => {
    const dPre = await districtCounts(conn, filters)
    expect(sum(dPre)).toBe(await total(where))
    expect(byKey(dPre, (r) => `${r.district}`)).toEqual(
      byKey(await districtCounts(conn, filters, { source: "naive" }), (r) => `${r.district}`),
    )
    const bp = await borderPointCounts(conn, filters)
    expect(sum(bp)).toBe(await total(`${where} AND border_point IS NOT NULL`))
    expect(byKey(bp, (r) => r.border_point)).toEqual(
      byKey(await borderPointCounts(conn, filters, { source: "naive" }), (r) => r.border_point),
    )
    const years = await yearCounts(conn, filters)
    expect(sum(years)).toBe(await total(where))
    expect(years.map((r) => r.year)).toEqual([...years.map((r) => r.year)].sort())
    const flows = await flowCounts(conn, filters)
    expect(sum(flows)).toBe(
      await total(`${where} AND province IS NOT NULL AND destination IS NOT NULL AND destination <> 'LAO'`),
    )
    const returns = sum(flows.filter((f) => f.is_return))
    expect(returns).toBe(
      await total(
        `${where} AND province IS NOT NULL AND destination IS NOT NULL AND destination <> 'LAO' AND victim_group IN ('deported_lao','repatriated_lao','self_returned')`,
      ),
    )
  })
  it("the ethnicity x province table adds up to the province counts, on both paths", async () => {
    const rows = await ethnicityByProvince(conn, filters)
    const provinces = await provinceCounts(conn, filters, { source: "naive" })
    for (const p of provinces)
      expect(sum(rows.filter((r) => r.province === p.province)), String(p.province)).toBe(p.n)
    expect(sum(rows.filter((r) => r.ethnic_group === "hmong"))).toBe(
      await total(`${where} AND ethnic_group = 'hmong'`),
    )
    const naive = await ethnicityByProvince(conn, filters, { source: "naive" })
    expect(byKey(rows, (r) => `${r.ethnic_group}:${r.province}`)).toEqual(
      byKey(naive, (r) => `${r.ethnic_group}:${r.province}`),
    )
  })
  it("language needs per province count the recorded first languages and the non-Lao ones", async () => {
    const rows = await languageNeeds(conn, filters)
    for (const r of rows) {
      expect(r.recorded).toBe(
        await total(`${where} AND province = '${r.province}' AND first_language_lao IS NOT NULL`),
      )
      expect(r.not_lao).toBe(
        await total(`${where} AND province = '${r.province}' AND NOT first_language_lao`),
      )
      expect(r.not_lao).toBeLessThanOrEqual(r.recorded)
    }
  })
  it("a checkpoint's profile sums to its count in every dimension, as a direct query", async () => {
    const rows = await checkpointProfile(conn, filters, "T1")
    const cpTotal = await total(`${where} AND border_point = 'T1'`)
    for (const dim of [
      "year",
      "province",
      "destination",
      "victim_group",
      "ethnic_group",
      "sex",
      "age_band",
      "total",
    ])
      expect(sum(rows.filter((r) => r.dimension === dim)), dim).toBe(cpTotal)
    const returns = await total(
      `${where} AND border_point = 'T1' AND victim_group IN ('deported_lao','repatriated_lao','self_returned')`,
    )
    expect(sum(rows.filter((r) => r.dimension === "year" && r.code?.endsWith("|return")))).toBe(returns)
    const naive = await checkpointProfile(conn, filters, "T1", { source: "naive" })
    expect(byKey(rows, (r) => `${r.dimension}:${r.code}`)).toEqual(
      byKey(naive, (r) => `${r.dimension}:${r.code}`),
    )
  })
  it("an area's breakdown sums to the area total in every dimension", async () => {
    const rows = await areaBreakdown(conn, filters, { province: "LA01" })
    const areaTotal = await total(`${where} AND province = 'LA01'`)
    const dims = [
      "ethnicity_family",
      "ethnic_group",
      "victim_group",
      "exploitation_form",
      "destination",
      "total",
    ]
    for (const dim of dims) expect(sum(rows.filter((r) => r.dimension === dim)), dim).toBe(areaTotal)
    const naive = await areaBreakdown(conn, filters, { province: "LA01" }, { source: "naive" })
    expect(byKey(rows, (r) => `${r.dimension}:${r.code}`)).toEqual(
      byKey(naive, (r) => `${r.dimension}:${r.code}`),
    )
    const district = await areaBreakdown(conn, filters, { province: "LA01", district: "LA0102" })
    expect(sum(district.filter((r) => r.dimension === "total"))).toBe(
      await total(`${where} AND district = 'LA0102'`),
    )
  })
})

describe("fixture edge cases the dashboard relies on", () => {
  it("a province with no records is absent (no data) and a tiny one keeps its true count", async () => {
    const rows = byKey(await provinceCounts(conn, {}), (r) => String(r.province))
    expect(rows.LA15).toBeUndefined()
    expect(rows.LA18).toBe(3)
  })
  it("returns are flagged from the victim group", async () => {
    const flows = await flowCounts(conn, { victimGroup: "repatriated_lao" })
    expect(flows.length).toBeGreaterThan(0)
    expect(flows.every((f) => f.is_return)).toBe(true)
    const out = await flowCounts(conn, { victimGroup: "local_lao" })
    expect(out.every((f) => !f.is_return)).toBe(true)
  })
})

describe("active-dimension indexes (Mosaic style)", () => {
  const area = { province: "LA06" }
  const ALL_VIEWS: ReadonlyArray<IndexedView> = [
    "province_counts",
    "district_counts",
    "border_point_counts",
    "flow_counts",
    "year_counts",
    "area_breakdown",
  ]
  const views = async (filters: Filters, o: ViewOptions) => ({
    p: byKey(await provinceCounts(conn, filters, o), (r) => String(r.province)),
    d: byKey(await districtCounts(conn, filters, o), (r) => `${r.province}/${r.district}`),
    b: byKey(await borderPointCounts(conn, filters, o), (r) => r.border_point),
    f: byKey(
      await flowCounts(conn, filters, o),
      (r) => `${r.province}|${r.border_point}|${r.destination}|${r.is_return}`,
    ),
    y: (await yearCounts(conn, filters, o)).map((r) => [r.year, r.n]),
    a: byKey(await areaBreakdown(conn, filters, area, o), (r) => `${r.dimension}:${r.code}`),
  })

  it.each(FILTER_CASES)(
    "answer exactly like the naive path when any one dimension moves: $name",
    async ({ filters }) => {
      const index = new ActiveIndex(conn)
      const o = { source: "indexed", index } as const
      for (const active of FILTER_DIMS) {
        // the index is built with the other filters fixed; then the active filter takes other values
        await index.prepare(active, filters, area)
        expect(index.ready(active, filters)).toBe(true)
        expect(index.readyFor(area)).toBe(true)
        expect(await views(filters, o)).toEqual(await views(filters, { source: "naive" }))
        const key = (Object.keys(DIM_OF_KEY) as Array<keyof Filters>).find((k) => DIM_OF_KEY[k] === active)!
        const moves: ReadonlyArray<Filters> =
          active === "year"
            ? [
                { ...filters, yearFrom: 2022, yearTo: 2023 },
                { ...filters, yearFrom: null, yearTo: 2020 },
                { ...filters, yearFrom: null, yearTo: null },
              ]
            : [
                { ...filters, [key]: null },
                { ...filters, [key]: "female" },
                { ...filters, [key]: "THA" },
                { ...filters, [key]: "forced_labour" },
                { ...filters, [key]: "repatriated_lao" },
                { ...filters, [key]: "T2" },
              ]
        for (const moved of moves) {
          expect(index.ready(active, moved)).toBe(true)
          const naive = await views(moved, { source: "naive" })
          expect(await views(moved, o), `${active} -> ${JSON.stringify(moved)}`).toEqual(naive)
          // all views in one round-trip, split back into each view's own rows
          const all = await index.readAll(ALL_VIEWS, moved)
          const rows = <R>(v: IndexedView) => all.get(v) as ReadonlyArray<R & { n: number }>
          expect({
            p: byKey(rows<ProvinceCount>("province_counts"), (r) => String(r.province)),
            d: byKey(rows<DistrictCount>("district_counts"), (r) => `${r.province}/${r.district}`),
            b: byKey(rows<BorderPointCount>("border_point_counts"), (r) => r.border_point),
            f: byKey(
              rows<FlowCount>("flow_counts"),
              (r) => `${r.province}|${r.border_point}|${r.destination}|${r.is_return}`,
            ),
            y: rows<YearCount>("year_counts").map((r) => [r.year, r.n]),
            a: byKey(rows<BreakdownRow>("area_breakdown"), (r) => `${r.dimension}:${r.code}`),
          }).toEqual(naive)
        }
      }
    },
  )

  it("answers from the indexes held in JavaScript: no query once built", async () => {
    let queries = 0
    const counting = {
      ...conn,
      query: ((sql, params) => {
        queries++
        return conn.query(sql, params)
      }) as typeof conn.query,
    }
    const index = new ActiveIndex(counting)
    await index.prepare("destination", { sex: "female" }, area)
    queries = 0
    const all = await index.readAll(ALL_VIEWS, { sex: "female", destination: "CHN" })
    expect(queries).toBe(0)
    expect(all.get("area_breakdown")?.at(-1)).toMatchObject({ dimension: "total", code: null })
    const none = await index.readAll(["area_breakdown", "year_counts"], { sex: "female", destination: "JPN" })
    expect(none.get("area_breakdown")).toEqual([{ dimension: "total", code: null, n: null }])
    expect(none.get("year_counts")).toEqual(
      await yearCounts(conn, { sex: "female", destination: "JPN" }, { source: "naive" }),
    )
  })

  it("knows when an index no longer answers", async () => {
    const index = new ActiveIndex(conn)
    await index.prepare("sex", { sex: "female", destination: "THA" })
    expect(index.ready("sex", { sex: "male", destination: "THA" })).toBe(true)
    expect(index.ready("sex", { sex: "male", destination: "CHN" })).toBe(false)
    expect(index.ready("destination", { sex: "male", destination: "THA" })).toBe(false)
    expect(index.readyFor({ province: "LA01" })).toBe(false)
    await index.prepare("sex", { sex: "female", destination: "THA" }, { province: "LA01" })
    expect(index.readyFor({ province: "LA01" })).toBe(true)
    expect(index.readyFor({ province: "LA01", district: "LA0102" })).toBe(false)
    expect([...changedDims({ yearFrom: 2020 }, { yearFrom: 2021, sex: "male" })].sort()).toEqual([
      "sex",
      "year",
    ])
    expect(FILTER_DIMS).toHaveLength(10)
  })

  it("builds only the latest of several hovers that queue behind a running build", async () => {
    const index = new ActiveIndex(conn)
    await Promise.all([
      index.prepare("sex", {}),
      index.prepare("stage", {}),
      index.prepare("destination", {}),
      index.prepare("year", { sex: "female" }),
    ])
    expect(index.ready("year", { sex: "female", yearFrom: 2020 })).toBe(true)
    expect(index.active).toBe("year")
  })

  it("the index tables stay small: grouped by the view's keys and the active dimension only", async () => {
    const index = new ActiveIndex(conn)
    await index.prepare("year", {}, { province: "LA01" })
    const count = async (t: string) =>
      (await conn.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${t}`))[0]!.n
    const facts = await count("facts")
    for (const t of ["idx_area", "idx_border", "idx_flow", "idx_year", "idx_breakdown"])
      expect(await count(t), t).toBeLessThan(facts)
    expect(await count("idx_year")).toBe(6)
  })
})

describe("the cross-filter session (what useViews runs)", () => {
  const naive = async (i: Interaction) => {
    const o = { source: "naive" } as const
    return {
      areas:
        i.level === "province"
          ? await provinceCounts(conn, i.filters, o)
          : await districtCounts(conn, i.filters, o),
      borderPoints: await borderPointCounts(conn, i.filters, o),
      flows: await flowCounts(conn, i.filters, o),
      years: await yearCounts(conn, i.filters, o),
      breakdown: i.selected ? await areaBreakdown(conn, i.filters, i.selected, o) : null,
    }
  }
  const norm = (v: Awaited<ReturnType<typeof naive>>) => ({
    areas: byKey(v.areas as ReadonlyArray<{ n: number }>, (r) => JSON.stringify(r)),
    borderPoints: byKey(v.borderPoints, (r) => r.border_point),
    flows: byKey(v.flows, (r) => `${r.province}|${r.border_point}|${r.destination}|${r.is_return}`),
    years: v.years.map((r) => [r.year, r.n]),
    breakdown: v.breakdown && byKey(v.breakdown, (r) => `${r.dimension}:${r.code}`),
  })

  it("prepares the breakdown of an area the pointer is over: its selection reads no facts_k", async () => {
    const sqls: string[] = []
    const counting = {
      ...conn,
      query: ((sql, params) => {
        sqls.push(sql)
        return conn.query(sql, params)
      }) as typeof conn.query,
    }
    const session = new CrossFilter(counting)
    const start: Interaction = { filters: { sex: "male" }, level: "district", selected: null }
    await session.run(start)
    const selected = { province: "LA01", district: "LA0102" }
    await session.activateArea(selected, start)
    sqls.length = 0
    const step = { ...start, selected }
    const got = await session.run(step)
    expect(sqls.filter((s) => s.includes("facts_k"))).toEqual([])
    expect(got.source).toBe("indexed")
    expect(norm(got)).toEqual(norm(await naive(step)))
  })

  it("with a lazy facts_k: the first interaction reads facts, then asks for the cube", async () => {
    const sqls: string[] = []
    const recording = {
      ...conn,
      query: ((sql, params) => {
        sqls.push(sql)
        return conn.query(sql, params)
      }) as typeof conn.query,
    }
    let built = false
    let asked = 0
    const session = new CrossFilter(recording, {
      cube: {
        built: () => built,
        build: async () => {
          asked++
          built = true
        },
      },
    })
    const step: Interaction = { filters: { sex: "male" }, level: "province", selected: { province: "LA06" } }
    const first = await session.run(step)
    expect(first.source).toBe("naive")
    expect(sqls.filter((s) => s.includes("facts_k"))).toEqual([])
    expect(asked).toBe(1)
    expect(norm(first)).toEqual(norm(await naive(step)))
    const next = { ...step, filters: { sex: "female" } }
    const second = await session.run(next)
    expect(second.source).not.toBe("naive")
    expect(norm(second)).toEqual(norm(await naive(next)))
  })

  it("answers a scripted session exactly like the naive queries, hover first or not", async () => {
    const session = new CrossFilter(conn)
    const steps: ReadonlyArray<Interaction & { hover?: FilterDim }> = [
      { filters: {}, level: "province", selected: null },
      { filters: { sex: "female" }, level: "province", selected: null, hover: "sex" },
      { filters: { sex: "male" }, level: "province", selected: null },
      { filters: { sex: "male" }, level: "district", selected: null },
      { filters: { sex: "male" }, level: "district", selected: { province: "LA01", district: "LA0102" } },
      {
        filters: { sex: "male", destination: "THA" },
        level: "district",
        selected: { province: "LA01", district: "LA0102" },
        hover: "destination",
      },
      { filters: { sex: "male", destination: "CHN" }, level: "province", selected: { province: "LA13" } },
      { filters: { sex: "male", yearFrom: 2020, yearTo: 2021 }, level: "province", selected: null },
      {
        filters: { yearFrom: 2021, yearTo: 2023 },
        level: "province",
        selected: { province: "LA06" },
        hover: "year",
      },
      {
        filters: { yearFrom: 2021, yearTo: 2023, victimGroup: "repatriated_lao" },
        level: "province",
        selected: null,
      },
      { filters: { sex: "male" }, level: "district", selected: null },
    ]
    const sources: string[] = []
    let previous: Interaction | null = null
    for (const step of steps) {
      if (step.hover && previous) await session.activate(step.hover, previous)
      const got = await session.run(step)
      sources.push(got.source)
      expect(norm(got), JSON.stringify(step)).toEqual(norm(await naive(step)))
      previous = step
    }
    expect(sources[0]).toBe("preaggregated")
    expect(sources[2]).toBe("indexed")
    expect(sources[4]).toBe("indexed")
  })
})
