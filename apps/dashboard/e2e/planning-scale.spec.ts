/**
 * The planning page at Lao volumes, in headless Chromium, on releases written by the real publish
 * step (with planning's estimate tables): the `pnpm start` sample (about 140 cases a year over 20
 * years) and a 300-case release. Every section must show numbers with intervals, never only
 * "suppressed", and the ranking and what-if must explain themselves.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { ensureSampleRelease, estimateTables, plannersTables } from "@lao-protect/cli"
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
import { planning as planningMessages } from "../src/i18n/planning.ts"
import { launch, shot } from "./browser.ts"

const appDir = resolve(import.meta.dirname, "..")

async function release300(dataRoot: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "lao-protect-300-"))
  try {
    const csv = join(work, "synthetic-300.csv")
    const written = await writeSynthCsv(csv, { seed: 7, fromYear: 2005, toYear: 2024, cases: 300 })
    const wh = await openWarehouse(join(work, "w.duckdb"))
    try {
      await recordSyntheticFile(wh, written)
      await importFile(wh, { file: csv, model: domainModel(), writeRejected: false })
      await publish({
        warehouse: wh,
        out: join(dataRoot, "published"),
        keyFile: join(work, "publish.key"),
        tier: "planners",
        plannersTables,
        estimateTables,
      })
    } finally {
      await wh.close()
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const scales: ReadonlyArray<readonly [string, (dataRoot: string) => Promise<unknown>]> = [
  // ensureSampleRelease writes <root>/data/published: root is the data folder's parent.
  ["sample", (dataRoot) => ensureSampleRelease({ root: resolve(dataRoot, "..") })],
  ["300 cases", release300],
]

describe.each(scales)("planning at Lao volume: %s", (label, build) => {
  let dataRoot: string
  let served: Served
  let browser: Browser
  let page: Page
  const errors: Array<string> = []
  const slug = label.replace(/\W+/g, "-")

  beforeAll(async () => {
    dataRoot = join(mkdtempSync(join(tmpdir(), "lao-protect-scale-")), "data")
    await build(dataRoot)
    served = await serve({ dist: join(appDir, "dist"), dataRoot, port: 0, host: "127.0.0.1" })
    browser = await launch()
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1100 } })).newPage()
    page.on("pageerror", (e) => errors.push(String(e)))
    await page.goto(`${served.url}?page=planning&lang=en`)
    await page.waitForSelector('.app[data-engine="ready"]', { timeout: 150_000 })
    await page.waitForSelector('[data-testid="page-planning"][data-planning="ready"]', { timeout: 60_000 })
    await page.waitForSelector('[data-testid="ranking"] tbody tr[data-rank="1"]', { timeout: 60_000 })
    // publishing 20 years of the sample and the first paint take minutes on a busy 2-core machine
  }, 480_000)

  afterAll(async () => {
    await browser?.close()
    await served?.close()
    if (dataRoot) rmSync(resolve(dataRoot, ".."), { recursive: true, force: true })
  })

  it("CPN ranking: every top-10 district has an estimate with an interval and says where it comes from", async () => {
    await page.waitForSelector('[data-testid="estimates-note"]')
    const top = await page.$$eval('[data-testid="ranking"] tbody tr', (rows) =>
      rows
        .filter((r) => {
          const rank = Number(r.getAttribute("data-rank"))
          return rank >= 1 && rank <= 10
        })
        .map((r) => ({
          estimate: r.querySelector('[data-testid="estimate"]')?.textContent ?? "",
          provenance: r.querySelector('[data-testid="provenance"]')?.textContent ?? "",
        })),
    )
    expect(top).toHaveLength(10)
    for (const r of top) {
      expect(r.estimate).toMatch(/^[\d.,]+ \([\d.,]+–[\d.,]+\)$/)
      expect(r.provenance).toMatch(/Child victims per 100,000 children: from/)
    }
  })

  it("what-if opens at N = 3 and explains each pick and how it relates to the ranking", async () => {
    expect(await page.inputValue('[data-testid="whatif-n"]')).toBe("3")
    const why = await page.$$eval('[data-testid="pick-why"]', (cells) =>
      cells.map((c) => c.textContent ?? ""),
    )
    expect(why).toHaveLength(3)
    for (const w of why)
      expect(w).toMatch(/^covers the most child victims not yet covered: \+[\d.,]+ \([\d.,]+–[\d.,]+\)$/)
    const agreement = await page.textContent('[data-testid="whatif-agreement"]')
    expect(agreement).toMatch(/same districts|weighted score/)
  })

  it("sensitivity: the top 10 under each weight at -50% and +50%", async () => {
    expect(await page.$$('[data-testid="sensitivity"] tbody tr')).toHaveLength(12)
  })

  it("shelter demand: estimates with intervals by province and quarter, most recent first, user can switch to years", async () => {
    await page.waitForSelector('[data-testid="demand-heat"] td[data-cell="estimate"]')
    const headers = await page.$$eval('[data-testid="demand-heat"] thead th', (th) =>
      th.slice(1).map((h) => h.textContent ?? ""),
    )
    expect(headers[0]).toBe("2024-Q4")
    expect(headers[1]).toBe("2024-Q3")
    const text = (await page.textContent('[data-testid="demand-heat"] tbody')) ?? ""
    expect(text).not.toMatch(/suppressed/i)
    expect(await page.$$('[data-testid="demand-heat"] td[data-cell="estimate"]')).toHaveLength(18 * 80)
    await page.selectOption('[data-testid="grain"]', "year")
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="demand-heat"] thead th:nth-child(2)')?.textContent === "2024",
    )
    await page.selectOption('[data-testid="grain"]', "quarter")
  })

  it("shortfall heat table with intervals and a summary sentence a planner can paste", async () => {
    const summary = (await page.textContent('[data-testid="summary"]')) ?? ""
    expect(summary).toMatch(/needs \d+–\d+ more places in 2024-Q\d\.|no province needs more places/)
    const defaults = (await page.textContent('[data-testid="scenario-defaults"]')) ?? ""
    expect(defaults).toContain("in the latest year (2024)")
    // a raid of 200 people for 30 nights adds places where it lands
    await page.fill('[data-testid="scenario-people"]', "200")
    await page.waitForFunction(() =>
      /needs \d+–\d+ more places/.test(document.querySelector('[data-testid="summary"]')?.textContent ?? ""),
    )
    await shot(page, `planning-scale-${slug}-shelter`)
    await page.fill('[data-testid="scenario-people"]', "0")
  })

  it("forecast of next year beside last year, with the back-test error", async () => {
    const rows = await page.$$('[data-testid="forecast-table"] tbody tr')
    expect(rows.length).toBe(8)
    expect(
      await page.textContent('[data-testid="forecast-table"] tbody tr[data-province="national"]'),
    ).toMatch(/2025-Q1[\d.,]+ \([\d.,]+–[\d.,]+\) nights/)
    expect(await page.textContent('[data-testid="backtest"]')).toMatch(
      /Back-test of this forecast over 17 past years: mean absolute error \d+%/,
    )
  })

  it("budget: labelled unit costs, a shelter line with an interval, Lao with Lao units", async () => {
    const unlabeled = await page.$$eval(
      '[data-testid="unit-costs"] input',
      (inputs) => inputs.filter((i) => !i.getAttribute("aria-label")).length,
    )
    expect(unlabeled).toBe(0)
    await page.waitForSelector('[data-testid="budget-interval"]')
    await page.goto(`${served.url}?page=planning&lang=lo`)
    await page.waitForSelector('[data-testid="page-planning"][data-planning="ready"]', { timeout: 60_000 })
    await page.waitForSelector('[data-testid="unit-costs"] tr[data-service="shelter"]')
    expect(await page.textContent('[data-testid="unit-costs"] tr[data-service="shelter"]')).toContain("ຄືນນອນ")
    expect(await page.textContent('[data-testid="unit-costs"] thead')).toContain("ກີບ")
    await page.waitForSelector('[data-testid="summary"]')
    expect(await page.textContent('[data-testid="plan-shelter"] h4')).toBe(
      planningMessages.lo.planDemandEstTitle,
    )
  })

  it("raised no page errors", () => {
    expect(errors).toEqual([])
  })
})
