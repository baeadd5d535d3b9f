/**
 * Persons or cases (issue 19) in Chromium, on the fixture release plus the person tables that
 * `linkagePublication` writes from a real linkage run on the multi-partner synth: the shared switch
 * (`count=persons`) turns the map and trends to persons, every number shown is the published cell,
 * referrals between provinces are listed under the map; and with a public-tier release the linkage
 * review page does not open and its code is not fetched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { readCsv } from "@lao-protect/csv"
import { Linkage as Keys } from "@lao-protect/domain"
import { Linkage, openWarehouse, Publish, Synth } from "@lao-protect/warehouse/node"
import { type Table, tableFromArrays, tableToIPC } from "apache-arrow"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Served, serve } from "../server/serve.ts"
import { launch, shot } from "./browser.ts"
import { FIXTURE_RELEASE, writeFixturePublication } from "./fixture.ts"

type Row = Record<string, unknown>
const rowsOf = (t: Table): Array<Row> => t.toArray().map((r) => ({ ...r.toJSON() }) as Row)

let browser: Browser
let page: Page
const servers: Array<Served> = []
const roots: Array<string> = []
let published: Record<string, Array<Row>>
let summary: { persons: number; cases: number; linkedCases: number }
let planners: Served
let publicTier: Served

beforeAll(async () => {
  const db = await openWarehouse(":memory:", { config: { threads: "1" } })
  const encoder = Keys.makeEncoder("7a".repeat(32))
  const { tables } = Synth.multiPartnerTables({ seed: 5, persons: 3000, fromYear: 2016, toYear: 2024 })
  for (const [partner, table] of tables)
    await Linkage.loadSubmission(db, partner, Linkage.makeSubmission(encoder, table))
  await Linkage.linkRecords(db)
  const linkage = (await Publish.linkagePublication(db, { threshold: 10 }))!
  await db.close()
  summary = linkage.summary
  published = Object.fromEntries(Object.entries(linkage.tables).map(([name, t]) => [name, rowsOf(t)]))

  const dataRoot = mkdtempSync(join(tmpdir(), "lao-protect-persons-"))
  roots.push(dataRoot)
  await writeFixturePublication(dataRoot)
  const dir = join(dataRoot, "published", "releases", FIXTURE_RELEASE)
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"))
  for (const [name, t] of Object.entries(linkage.tables)) {
    writeFileSync(join(dir, `${name}.arrow`), tableToIPC(t, "stream"))
    manifest.tables[name] = { file: `${name}.arrow`, rows: t.numRows }
  }
  manifest.linkage = linkage.summary
  // published case totals per province, deliberately unlike the persons cells: the persons map's CSV
  // must not take them for its counts
  const provinces = published.persons_province!.flatMap((p) =>
    p.province === null ? [] : [p.province as string],
  )
  const caseTotals = tableFromArrays({
    province: provinces,
    year: provinces.map(() => 0),
    level: provinces.map(() => "province_total"),
    n: provinces.map(() => 54_321),
    suppressed: provinces.map(() => false),
  })
  writeFileSync(join(dir, "province_year.arrow"), tableToIPC(caseTotals, "stream"))
  manifest.tables.province_year = { file: "province_year.arrow", rows: caseTotals.numRows }
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2))

  // the same release as a public one: no facts cube, public tier
  const publicRoot = mkdtempSync(join(tmpdir(), "lao-protect-persons-public-"))
  roots.push(publicRoot)
  cpSync(join(dataRoot, "published"), join(publicRoot, "published"), { recursive: true })
  const publicDir = join(publicRoot, "published", "releases", FIXTURE_RELEASE)
  const { facts: _facts, ...publicTables } = manifest.tables
  writeFileSync(
    join(publicDir, "manifest.json"),
    JSON.stringify({ ...manifest, tier: "public", tables: publicTables }, null, 2),
  )
  rmSync(join(publicDir, "facts.arrow"))

  const dist = resolve(import.meta.dirname, "..", "dist")
  planners = await serve({ dist, dataRoot, port: 0 })
  publicTier = await serve({ dist, dataRoot: publicRoot, port: 0 })
  servers.push(planners, publicTier)
  browser = await launch()
  page = await (
    await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true })
  ).newPage()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  for (const s of servers) await s.close()
  for (const r of roots) rmSync(r, { recursive: true, force: true })
})

const num = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""))

describe("persons or cases", () => {
  it("the switch turns the map to persons: every province shows the published persons cell", async () => {
    await page.goto(`${planners.url}?page=map&lang=en`)
    await page.waitForSelector('.app[data-engine="ready"]', { timeout: 90_000 })
    await page.waitForSelector('[data-testid="count-switch"]')
    expect(await page.textContent('[data-testid="count-switch"]')).toContain("Persons (each counted once)")
    await page.check('[data-count="persons"]')
    await page.waitForSelector('[data-testid="persons-provinces"] tbody tr')
    expect(page.url()).toContain("count=persons")
    const note = await page.textContent('[data-testid="persons-note"]')
    expect(note).toContain(summary.persons.toLocaleString("en"))
    expect(note).toContain(summary.cases.toLocaleString("en"))
    expect(await page.textContent('[data-testid="area-table"] thead')).toContain("Persons by province")
    const byProvince = published.persons_province!
    expect(byProvince.length).toBeGreaterThan(3)
    for (const p of byProvince) {
      if (p.province === null) continue
      const row = page.locator(`[data-testid="area-table"] tr[data-pcode="${p.province}"]`)
      if (p.suppressed) {
        expect(await row.getAttribute("data-cell")).toBe("suppressed")
      } else {
        expect(await row.getAttribute("data-cell")).toBe("value")
        expect(num(await row.locator("td").textContent())).toBe(p.persons)
      }
    }
    const shown = page.locator('[data-testid="persons-provinces"] tbody tr')
    expect(await shown.count()).toBe(byProvince.length)
    const first = byProvince.find((p) => !p.suppressed)!
    const firstRow = shown.nth(byProvince.indexOf(first))
    expect(num(await firstRow.locator('[data-col="persons"]').textContent())).toBe(first.persons)
    expect(num(await firstRow.locator('[data-col="cases"]').textContent())).toBe(first.cases)
    // the map's default CSV carries the published persons cells, not the case counts of the same area
    const [dl] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-export-for="map"] [data-export="csv"]'),
    ])
    const records = readCsv(readFileSync((await dl.path())!, "utf8")).filter(
      (r) => !r.cells[0]!.startsWith("#"),
    )
    const csvOf = new Map(records.slice(1).map((r) => [r.cells[0]!, r.cells[2]!] as const))
    for (const p of byProvince) {
      if (p.province === null) continue
      const code = String(p.province)
      if (p.suppressed) expect(csvOf.get(code), code).toMatch(/^suppressed/)
      else expect(csvOf.get(code), code).toBe(String(p.persons))
    }
    await shot(page, "persons-map")
  })

  it("lists the referrals between provinces exactly as published", async () => {
    const referrals = published.referrals!
    if (referrals.length === 0) {
      await page.waitForSelector('[data-testid="referrals-none"]')
      return
    }
    const rows = page.locator('[data-testid="referrals"] tbody tr')
    expect(await rows.count()).toBe(referrals.length)
    for (const r of referrals) {
      const row = page.locator(
        `[data-testid="referrals"] tr[data-from="${r.from_province}"][data-to="${r.to_province}"]`,
      )
      const text = await row.locator('[data-col="persons"]').textContent()
      if (r.suppressed) expect(text).toContain("suppressed")
      else expect(num(text)).toBe(r.n)
    }
  })

  it("trends follow the shared switch: persons and cases per year from the published table, and back", async () => {
    await page.click('nav.pages button[data-page="trends"]')
    await page.waitForSelector('[data-testid="persons-years"] tbody tr')
    expect(page.url()).toContain("count=persons")
    const years = published.persons_year!
    const rows = page.locator('[data-testid="persons-years"] tbody tr')
    expect(await rows.count()).toBe(years.length)
    for (const [i, y] of years.entries()) {
      const row = rows.nth(i)
      expect(num(await row.locator("th").textContent())).toBe(y.year)
      if (y.suppressed) expect(await row.getAttribute("data-suppressed")).toBe("true")
      else {
        expect(num(await row.locator('[data-col="persons"]').textContent())).toBe(y.persons)
        expect(num(await row.locator('[data-col="cases"]').textContent())).toBe(y.cases)
      }
    }
    await page.check('[data-count="cases"]')
    await page.waitForSelector('[data-testid="persons-years"]', { state: "detached" })
    expect(page.url()).not.toContain("count=persons")
  })
})

describe("the linkage review page and the public tier", () => {
  it("does not open with a public release, and its code is never requested", async () => {
    const requested: Array<string> = []
    const p = await (await browser.newContext()).newPage()
    p.on("request", (r) => requested.push(r.url()))
    await p.goto(`${publicTier.url}?page=review&lang=en`)
    await p.waitForSelector('[data-testid="review-not-available"]', { timeout: 60_000 })
    expect(await p.locator('[data-testid="review-page"]').count()).toBe(0)
    expect(requested.some((u) => /ReviewPage/.test(u))).toBe(false)
    const chunk = (await p.evaluate(() =>
      [...document.querySelectorAll("script[src], link[href]")].map(
        (e) => e.getAttribute("src") ?? e.getAttribute("href"),
      ),
    )) as Array<string | null>
    expect(chunk.some((u) => u?.includes("ReviewPage"))).toBe(false)
    await p.close()
  })

  it("opens with the planners release (the review page's code is served there)", async () => {
    await page.goto(`${planners.url}?page=review&lang=en`)
    await page.waitForSelector('[data-testid="review-page"]', { timeout: 60_000 })
  })
})
