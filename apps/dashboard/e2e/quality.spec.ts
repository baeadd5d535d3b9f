/**
 * The data-quality page (planners tier) in Chromium on the fixture release: every number equals a
 * DuckDB query of the same published `quality_*` tables; hidden counts read as suppressed; Lao shows
 * the review mark; a release without the tables (the public tier) has no such page in its navigation.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { type NodeConnector, openWarehouse } from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { en } from "../src/i18n/en.ts"
import { REVIEW_MARK } from "../src/i18n/index.ts"
import { launch } from "./browser.ts"
import { FIXTURE_RELEASE, THRESHOLD } from "./fixture.ts"

const baseUrl = inject("baseUrl")
const dataRoot = inject("dataRoot")
let browser: Browser
let page: Page
let db: NodeConnector
const pageErrors: Array<string> = []
const suppressedText = en.suppressed.replace("{k}", String(THRESHOLD))

beforeAll(async () => {
  db = await openWarehouse(":memory:", { config: { threads: "1" } })
  const release = join(dataRoot, "published", "releases", FIXTURE_RELEASE)
  for (const t of ["quality_imports", "quality_reasons", "quality_completeness"])
    await db.insertArrowIPC(t, readFileSync(join(release, `${t}.arrow`)))
  browser = await launch()
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage()
  page.on("pageerror", (e) => pageErrors.push(String(e)))
  await page.goto(`${baseUrl}?page=quality&lang=en`)
  await page.waitForSelector('[data-testid="page-quality"][data-quality="ready"]', { timeout: 60_000 })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await db?.close()
})

const cellsOf = (selector: string) =>
  page.$$eval(selector, (rows) =>
    rows.map((r) => Array.from(r.querySelectorAll("th, td")).map((c) => c.textContent?.trim() ?? "")),
  )
const shown = (n: number | null) => (n === null ? suppressedText : n.toLocaleString("en-US"))

describe("data-quality page in Chromium", () => {
  it("is in the planners release's navigation", async () => {
    expect(await page.$('nav.pages button[data-page="quality"]')).not.toBeNull()
  })

  it("shows every import's counts as published (hidden ones as suppressed)", async () => {
    const expected = await db.query<Record<string, number | string | null>>(
      `SELECT source, imported, rows_read, accepted, rejected, duplicates, updated, warnings, lag_days
       FROM quality_imports ORDER BY imported DESC, source, import_id`,
    )
    expect(expected.length).toBe(2)
    const rows = await cellsOf('[data-testid="quality-imports"] tbody tr')
    expect(rows).toEqual(
      expected.map((r) => [
        String(r.source),
        String(r.imported),
        ...["rows_read", "accepted", "rejected", "duplicates", "updated", "warnings", "lag_days"].map((f) =>
          shown(r[f] === null ? null : Number(r[f])),
        ),
      ]),
    )
    // the fixture's afesip file: 41 rows read, 26 accepted, 15 rejected; its one duplicate is hidden
    expect(rows.find((r) => r[0] === "afesip")?.slice(2, 6)).toEqual(["41", "26", "15", suppressedText])
  })

  it("lists the rejection reasons by field, with published counts", async () => {
    const expected = await db.query<{ column: string; reason: string; rows: number | null }>(
      `SELECT r."column", r.reason, r.rows FROM quality_reasons r JOIN quality_imports i USING (import_id)
       ORDER BY i.imported DESC, i.source, i.import_id, r.kind, r.rows DESC NULLS LAST, r."column", r.reason`,
    )
    const rows = await cellsOf('[data-testid="quality-reasons"] tbody tr')
    expect(rows.map((r) => [r[3], r[4], r[5]])).toEqual(
      expected.map((r) => [r.column, r.reason, shown(r.rows === null ? null : Number(r.rows))]),
    )
    expect(rows.some((r) => r[3] === "sex" && r[5] === "11")).toBe(true)
  })

  it("shows completeness per field and year, and the fields most often missing, as DuckDB computes them", async () => {
    const age = await db.query<{ year: number; cases: number | null; filled: number | null }>(
      `SELECT CAST(year AS INTEGER) AS year, cases, filled FROM quality_completeness
       WHERE source = 'afesip' AND "column" = 'age_years' ORDER BY year`,
    )
    const cells = await page.$$eval(
      '[data-testid="quality-completeness"][data-source="afesip"] tr[data-column="age_years"] td',
      (tds) => tds.map((td) => td.textContent?.trim() ?? ""),
    )
    expect(cells).toEqual(
      age.map((r) =>
        r.cases === null ? suppressedText : `${Math.round((Number(r.filled) / Number(r.cases)) * 100)}%`,
      ),
    )
    expect(cells[0]).toBe("64%") // 9 of the 14 cases of 2023 give an age
    const missing = await db.query<{ source: string; column: string; missing: number }>(
      `SELECT source, "column", 1 - sum(filled) / sum(cases) AS missing FROM quality_completeness
       WHERE NOT suppressed GROUP BY source, "column"
       QUALIFY row_number() OVER (PARTITION BY source ORDER BY sum(filled) / sum(cases), "column") <= 5
       ORDER BY source, missing DESC, "column"`,
    )
    const items = await page.$$eval('[data-testid="quality-missing"] li', (lis) =>
      lis.map(
        (li) => `${li.getAttribute("data-source")}|${li.getAttribute("data-column")}|${li.textContent}`,
      ),
    )
    expect(items).toEqual(
      missing.map(
        (m) =>
          `${m.source}|${m.column}|${m.source} ${m.column}: ${Math.round(Number(m.missing) * 100)}% missing`,
      ),
    )
  })

  it("filters to one partner", async () => {
    await page.selectOption('[data-testid="quality-partner"]', "lwu")
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="quality-imports"] tbody tr').length === 1,
    )
    expect((await cellsOf('[data-testid="quality-imports"] tbody tr'))[0]?.[0]).toBe("lwu")
    expect(await page.$('[data-testid="quality-completeness"][data-source="afesip"]')).toBeNull()
  })

  it("in Lao, shows the English with the review mark (no sourced Lao yet)", async () => {
    await page.goto(`${baseUrl}?page=quality&lang=lo`)
    await page.waitForSelector('[data-testid="page-quality"][data-quality="ready"]', { timeout: 60_000 })
    expect(await page.textContent('[data-testid="page-quality"] h2')).toBe(`Data quality ${REVIEW_MARK}`)
    expect(pageErrors).toEqual([])
  })

  it("a release without the tables (public tier) has no data-quality page and ships none", async () => {
    const fresh = await browser.newPage()
    await fresh.route("**/data/manifest.json", async (route) => {
      const res = await route.fetch()
      const manifest = (await res.json()) as { tier: string; tables: Record<string, unknown> }
      for (const t of Object.keys(manifest.tables)) if (t.startsWith("quality_")) delete manifest.tables[t]
      await route.fulfill({ response: res, json: manifest })
    })
    const fetched: Array<string> = []
    fresh.on("request", (r) => fetched.push(r.url()))
    await fresh.goto(`${baseUrl}?page=quality&lang=en`)
    await fresh.waitForSelector('[data-testid="page-quality"][data-quality="absent"]', { timeout: 60_000 })
    await fresh.waitForSelector('.app[data-engine="ready"]', { timeout: 60_000 })
    expect(await fresh.$('nav.pages button[data-page="quality"]')).toBeNull()
    expect(fetched.filter((u) => u.includes("quality_"))).toEqual([])
    await fresh.close()
  })
})
