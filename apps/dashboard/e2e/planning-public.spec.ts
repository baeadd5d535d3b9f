/**
 * The planning page in the public tier (a release without the facts cube), in headless Chromium: the
 * published estimates (district rates with intervals in the CPN ranking, shelter demand and its
 * forecast with intervals) are on screen, equal to the release's tables read by DuckDB (node-api),
 * and equal to what the planners tier shows for the same quantities (both releases written by the real
 * publish from one 300-case warehouse); sections a public release cannot carry say why.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { estimateTables, plannersTables } from "@lao-protect/cli"
import {
  domainModel,
  importFile,
  openWarehouse,
  publish,
  recordSyntheticFile,
  writeSynthCsv,
} from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Served, serve } from "../server/serve.ts"
import { en as core } from "../src/i18n/en.ts"
import { planning as planningMessages } from "../src/i18n/planning.ts"
import { formatNumber } from "../src/lib/format.ts"
import { launch, shot } from "./browser.ts"
import { currentRelease, releaseRows } from "./release-tables.ts"

const appDir = resolve(import.meta.dirname, "..")
const en = planningMessages.en

interface EstimateRow {
  readonly area: string
  readonly from_year: number
  readonly to_year: number
  readonly rate_per_100k: number
  readonly lower_per_100k: number
  readonly upper_per_100k: number
}
interface DemandRow {
  readonly province: string
  readonly period: string
  readonly nights: number
  readonly nights_lower: number
  readonly nights_upper: number
}

const f1 = (x: number) => formatNumber("en", x, 1)
const f0 = (x: number) => formatNumber("en", x, 0)

/** One 300-case warehouse published twice: planners tier into `planners/`, public tier into `public/`. */
async function buildReleases(root: string): Promise<void> {
  const csv = join(root, "synthetic-300.csv")
  const written = await writeSynthCsv(csv, { seed: 7, fromYear: 2005, toYear: 2024, cases: 300 })
  const wh = await openWarehouse(join(root, "w.duckdb"))
  try {
    await recordSyntheticFile(wh, written)
    await importFile(wh, { file: csv, model: domainModel(), writeRejected: false })
    for (const tier of ["planners", "public"] as const)
      await publish({
        warehouse: wh,
        out: join(root, tier, "published"),
        keyFile: join(root, "publish.key"),
        tier,
        plannersTables,
        estimateTables,
      })
  } finally {
    await wh.close()
  }
}

/** The ranking's estimate cell and provenance per district. */
const rankingOf = (page: Page) =>
  page.$$eval('[data-testid="ranking"] tbody tr', (rows) =>
    rows.map((r) => ({
      district: r.getAttribute("data-district") ?? "",
      rank: r.getAttribute("data-rank") ?? "",
      estimate: r.querySelector('[data-testid="estimate"]')?.textContent ?? "",
      provenance: r.querySelector('[data-testid="provenance"]')?.textContent ?? "",
      flags: r.querySelector(".plan-flags")?.textContent ?? "",
    })),
  )

const demandOf = (page: Page) =>
  page.$$eval('[data-testid="demand-heat"] td[data-cell="estimate"]', (tds) =>
    tds.map((td) => ({
      province: td.closest("tr")?.getAttribute("data-province") ?? "",
      period: td.getAttribute("data-period") ?? "",
      text: td.textContent ?? "",
    })),
  )

describe("planning in the public tier (no facts cube), 300 cases", () => {
  let root: string
  let publicServed: Served
  let plannersServed: Served
  let browser: Browser
  let pub: Page
  let planners: Page
  const errors: Array<string> = []

  const open = async (page: Page, url: string, engine: "summary_only" | "ready") => {
    await page.goto(`${url}?page=planning&lang=en`)
    await page.waitForSelector(`.app[data-engine="${engine}"]`, { timeout: 150_000 })
    await page.waitForSelector('[data-testid="page-planning"][data-planning="ready"]', { timeout: 90_000 })
    await page.waitForSelector('[data-testid="ranking"] tbody tr[data-rank="1"]', { timeout: 60_000 })
    await page.waitForSelector('[data-testid="demand-heat"] td[data-cell="estimate"]', { timeout: 60_000 })
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "lao-protect-public-"))
    await buildReleases(root)
    publicServed = await serve({
      dist: join(appDir, "dist"),
      dataRoot: join(root, "public"),
      port: 0,
      host: "127.0.0.1",
    })
    plannersServed = await serve({
      dist: join(appDir, "dist"),
      dataRoot: join(root, "planners"),
      port: 0,
      host: "127.0.0.1",
    })
    browser = await launch()
    const context = await browser.newContext({ viewport: { width: 1400, height: 1100 } })
    pub = await context.newPage()
    planners = await context.newPage()
    for (const p of [pub, planners]) p.on("pageerror", (e) => errors.push(String(e)))
    await open(pub, publicServed.url, "summary_only")
    await open(planners, plannersServed.url, "ready")
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await publicServed?.close()
    await plannersServed?.close()
    if (root) rmSync(root, { recursive: true, force: true })
  })

  it("the release is public: no facts cube, no pipeline counts, the estimate tables are there", () => {
    const release = currentRelease(join(root, "public"))
    expect(release.tier).toBe("public")
    expect(release.tables).not.toContain("facts")
    expect(release.tables).not.toContain("pipeline_funnel")
    for (const t of ["area_estimates", "shelter_demand", "shelter_forecast", "length_of_stay"])
      expect(release.tables).toContain(t)
  })

  it("the public map downloads no wasm: the engine starts early only for a release with a facts cube", async () => {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      const requests: string[] = []
      page.on("request", (r) => requests.push(new URL(r.url()).pathname))
      await page.goto(`${publicServed.url}?page=map&lang=en`)
      await page.waitForSelector('.app[data-engine="summary_only"]', { timeout: 60_000 })
      await page.waitForTimeout(1000)
      expect(requests).toContain("/data/manifest.json")
      expect(requests.filter((u) => u.endsWith(".wasm") || u.includes("duckdb"))).toEqual([])
    } finally {
      await context.close()
    }
  })

  it("CPN ranking: every district shows its published estimate (area_estimates, DuckDB), provenance says published", async () => {
    const { dir } = currentRelease(join(root, "public"))
    const note = (await pub.textContent('[data-testid="estimates-note"]')) ?? ""
    const [, from, to] = note.match(/(\d{4})–(\d{4})/) ?? []
    expect(from).toBeDefined()
    const rows = await releaseRows<EstimateRow>(
      dir,
      "area_estimates",
      "area::varchar AS area, from_year::integer AS from_year, to_year::integer AS to_year, rate_per_100k::double AS rate_per_100k, lower_per_100k::double AS lower_per_100k, upper_per_100k::double AS upper_per_100k",
      "level = 'district' AND measure = 'child_victims'",
    )
    const inWindow = new Map(
      rows.filter((r) => r.from_year === Number(from) && r.to_year === Number(to)).map((r) => [r.area, r]),
    )
    const ranking = await rankingOf(pub)
    expect(ranking).toHaveLength(148)
    for (const r of ranking) {
      const e = inWindow.get(r.district)
      expect(e, r.district).toBeDefined()
      expect(r.estimate).toBe(`${f1(e!.rate_per_100k)} (${f1(e!.lower_per_100k)}–${f1(e!.upper_per_100k)})`)
    }
    const top = ranking.filter((r) => Number(r.rank) >= 1 && Number(r.rank) <= 10)
    expect(top).toHaveLength(10)
    for (const r of top) {
      expect(r.provenance).toMatch(
        /^Child victims per 100,000 children: published estimate \(case counts are not published\), interval width [\d.,]+$/,
      )
      expect(r.flags).toContain("not in the public release")
      expect(r.flags).not.toMatch(/suppressed/)
    }
    expect(await pub.textContent('[data-testid="needs-facts"]')).toBe(en.planNeedsFacts)
    expect(await pub.textContent('[data-testid="public-tier-note"]')).toBe(en.planPublicTierNote)
  })

  it("what-if at N = 3 explains each pick from the published estimates", async () => {
    expect(await pub.inputValue('[data-testid="whatif-n"]')).toBe("3")
    const why = await pub.$$eval('[data-testid="pick-why"]', (cells) => cells.map((c) => c.textContent ?? ""))
    expect(why).toHaveLength(3)
    for (const w of why)
      expect(w).toMatch(/^covers the most child victims not yet covered: \+[\d.,]+ \([\d.,]+–[\d.,]+\)$/)
  })

  it("planning map: every district drawn scored, covered or picked (none blank), the N picks outlined, estimates on hover", async () => {
    await pub.waitForSelector('.planning-map path[data-pcode][data-status="added"]')
    const statuses = await pub.$$eval(".planning-map path[data-pcode]", (ps) =>
      ps.map((p) => p.getAttribute("data-status")),
    )
    expect(statuses).toHaveLength(148)
    expect(statuses.filter((s) => s === "none")).toEqual([])
    expect(statuses.filter((s) => s === "added")).toHaveLength(3)
    await pub.locator('.planning-map path[data-status="added"]').first().hover({ force: true })
    await pub.waitForSelector(".planning-map .leaflet-tooltip")
    expect(await pub.textContent(".planning-map .leaflet-tooltip")).toMatch(
      /Child victims per 100,000 children: [\d.,]+ \([\d.,]+–[\d.,]+\)$/,
    )
  })

  it("shelter demand: every province and quarter shows the published shelter_demand with its interval", async () => {
    const { dir } = currentRelease(join(root, "public"))
    const rows = await releaseRows<DemandRow>(
      dir,
      "shelter_demand",
      "province::varchar AS province, period::varchar AS period, nights::double AS nights, nights_lower::double AS nights_lower, nights_upper::double AS nights_upper",
    )
    const quarterly = new Map(
      rows.filter((r) => r.period.includes("-Q")).map((r) => [`${r.province}|${r.period}`, r]),
    )
    const shown = await demandOf(pub)
    expect(shown).toHaveLength(quarterly.size)
    expect(shown.length).toBe(18 * 80)
    for (const s of shown) {
      const r = quarterly.get(`${s.province}|${s.period}`)!
      expect(s.text).toBe(`${f0(r.nights)} (${f0(r.nights_lower)}–${f0(r.nights_upper)})`)
    }
    expect(await pub.textContent('[data-testid="summary"]')).toMatch(
      /needs \d+–\d+ more places in 2024-Q\d\.|no province needs more places/,
    )
    expect(await pub.$$('[data-testid="forecast-table"] tbody tr')).toHaveLength(8)
    await shot(pub, "planning-public-tier")
  })

  it("the same numbers as the planners tier for the same quantities (ranking estimates, demand, forecast)", async () => {
    const byDistrict = (rs: Awaited<ReturnType<typeof rankingOf>>) =>
      Object.fromEntries(rs.map((r) => [r.district, r.estimate]))
    expect(await planners.textContent('[data-testid="estimates-note"]')).toBe(
      await pub.textContent('[data-testid="estimates-note"]'),
    )
    expect(byDistrict(await rankingOf(pub))).toEqual(byDistrict(await rankingOf(planners)))
    expect(await demandOf(pub)).toEqual(await demandOf(planners))
    expect(await pub.textContent('[data-testid="forecast-table"]')).toBe(
      await planners.textContent('[data-testid="forecast-table"]'),
    )
  })

  it("sections a public release cannot carry say why, not an empty or grey box", async () => {
    for (const id of ["funnel", "durations", "flags"])
      expect(await pub.textContent(`[data-testid="${id}-missing"]`)).toBe(en.planPlannersOnly)
    expect(await pub.textContent('[data-testid="budget-needs-facts"]')).toBe(en.planBudgetNeedsFacts)
    expect(await pub.$('[data-testid="budget-interval"]')).not.toBeNull()
  })

  it("map measure 'identified in the province' reads the published tables, hidden cells as published (issue 21)", async () => {
    const release = currentRelease(join(root, "public"))
    expect(release.tables).toContain("identified_province_year")
    type Total = { province: string; n: number | null; suppressed: boolean }
    const totals = async (table: string) =>
      new Map(
        (
          await releaseRows<Total>(
            release.dir,
            table,
            "province::varchar AS province, n::integer AS n, suppressed",
            "level = 'province_total' AND province IS NOT NULL",
          )
        ).map((r) => [r.province, r]),
      )
    const text = (r: Total | undefined) =>
      r === undefined
        ? core.noData
        : r.suppressed
          ? core.suppressed.replace("{k}", String(release.threshold))
          : f0(r.n!)
    const identified = await totals("identified_province_year")
    const origin = await totals("province_year")
    const map = await pub.context().newPage()
    try {
      await map.goto(`${publicServed.url}?lang=en&measure=identified_here`)
      await map.waitForSelector('[data-testid="area-table"][data-measure="ready"]', { timeout: 90_000 })
      const shown = await map.$$eval('[data-testid="area-table"] tbody tr', (rows) =>
        rows.map((r) => [
          r.getAttribute("data-pcode") ?? "",
          `${r.querySelector("td")?.textContent ?? ""}|${r.querySelector('td[data-col="origin"]')?.textContent ?? ""}`,
        ]),
      )
      expect(shown).toHaveLength(18)
      for (const [code, cells] of shown)
        expect(cells, code).toBe(`${text(identified.get(code!))}|${text(origin.get(code!))}`)
      expect([...identified.values()].some((r) => !r.suppressed)).toBe(true)
      expect(await map.textContent('[data-testid="measure-note"]')).toContain(
        "only the years of the filter apply",
      )
      expect(await map.$('[data-testid="identified-origin-table"]')).not.toBeNull()
    } finally {
      await map.close()
    }
  })

  it("raised no page errors", () => {
    expect(errors).toEqual([])
  })
})
