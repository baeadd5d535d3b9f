import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { type Filters, prepareTrends, type TrendBreakdown, trendCounts } from "@lao-protect/warehouse"
import type { NodeConnector } from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { en } from "../src/i18n/en.ts"
import { trends as trendsCatalogue } from "../src/i18n/trends.ts"
import { suppress } from "../src/lib/suppress.ts"
import { buildSeries } from "../src/pages/trends/series.ts"
import { ARTIFACTS, launch, shot } from "./browser.ts"
import { openFixture, THRESHOLD } from "./fixture.ts"
import { loadOfficialStats } from "./official-fixture.ts"
import { countColour, decodePng, inkIn } from "./png.ts"

const baseUrl = inject("baseUrl")
const tr = trendsCatalogue.en
const SUPPRESSED = en.suppressed.replace("{k}", String(THRESHOLD))

let browser: Browser
let page: Page
let node: NodeConnector
const pageErrors: Array<string> = []

const open = async (query: string) => {
  await page.goto(`${baseUrl}?${query}`)
  await page.waitForSelector('[data-trends="ready"]', { timeout: 60_000 })
  await page.waitForTimeout(200)
}

/** Click an export button and return the downloaded file's bytes and name. */
const download = async (panel: string, kind: "png" | "svg" | "csv") => {
  const [dl] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`[data-export-for="${panel}"] [data-export="${kind}"]`),
  ])
  const path = await dl.path()
  return { bytes: new Uint8Array(readFileSync(path)), name: dl.suggestedFilename() }
}

/** CSV rows without the BOM and the `#` context rows. */
const csvBody = (bytes: Uint8Array) => {
  const text = new TextDecoder().decode(bytes)
  const lines = text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter((l) => l !== "")
  return { text, context: lines.filter((l) => /^"?#/.test(l)), rows: lines.filter((l) => !/^"?#/.test(l)) }
}

const csvCell = (n: number) => {
  const c = suppress(n, THRESHOLD)
  return c.kind === "value" ? String(c.n) : c.kind === "suppressed" ? `suppressed (<${THRESHOLD})` : "no data"
}

beforeAll(async () => {
  node = await openFixture()
  await loadOfficialStats(node)
  await prepareTrends(node)
  browser = await launch()
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, acceptDownloads: true })
  await context.addInitScript(() => {
    const seen: Array<string> = []
    ;(window as unknown as { __csp: Array<string> }).__csp = seen
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  page = await context.newPage()
  page.on("pageerror", (e) => pageErrors.push(String(e)))
  await open("page=trends&lang=en")
})

afterAll(async () => {
  await browser?.close()
  await node?.close()
})

describe("trends in Chromium", () => {
  it("draws the yearly total with the GLOTIP reference line, its source and mapping note", async () => {
    const total = '[data-testid="chart-total"]'
    expect(await page.getAttribute(total, "data-series")).toBe("2")
    expect(await page.$$eval(`${total} .recharts-line-curve`, (els) => els.length)).toBe(2)
    const notes = await page.textContent('[data-panel="total"]')
    expect(notes).toContain("UNODC")
    expect(notes).toContain("GLOTIP counts the victims")
    expect(
      await page.$$eval('[data-testid="chart-yoy"] .recharts-bar-rectangle', (els) => els.length),
    ).toBeGreaterThan(0)
    await shot(page, "trends-total")
  })

  it("renders every breakdown with data", async () => {
    const breakdowns: Array<TrendBreakdown> = [
      "victim_group",
      "exploitation_form",
      "destination",
      "sex_age",
      "ethnicity_family",
      "outcome",
    ]
    for (const b of breakdowns) {
      const rows = await trendCounts(node, {}, "year", b)
      // the 8 largest categories, plus one "Other" series when there are more
      const categories = new Set(rows.map((r) => r.category ?? "unknown")).size
      const expected = categories > 8 ? 9 : categories
      await page.selectOption('select[data-control="breakdown"]', b)
      // The previous breakdown's chart stays until DuckDB answers: wait for this one's series.
      await page.waitForFunction(
        (want) =>
          document.querySelector('[data-testid="chart-breakdown"]')?.getAttribute("data-series") === want &&
          document.querySelectorAll('[data-testid="chart-breakdown"] .recharts-line-curve').length > 1,
        String(expected),
        { timeout: 20_000 },
      )
      expect(await page.getAttribute('[data-testid="chart-breakdown"]', "data-series"), b).toBe(
        String(expected),
      )
    }
    expect(page.url()).toContain("by=outcome")
    expect(await page.textContent('[data-panel="breakdown"]')).toContain(tr.outcomeReintegrated)
    await shot(page, "trends-outcome")
  })

  it("shows a suppressed value as suppressed (not 0, not joined by a line) and empty years as no data", async () => {
    await page.selectOption('select[data-control="breakdown"]', "province")
    await page.waitForSelector('[data-testid="chart-province-LA18"]')
    const la18 = '[data-testid="chart-province-LA18"]'
    const markers = await page.$$eval(`${la18} [data-marker]`, (els) =>
      els.map((e) => [e.getAttribute("data-marker"), e.getAttribute("data-period"), e.textContent]),
    )
    expect(markers.filter((m) => m[0] === "suppressed")).toEqual([
      ["suppressed", "2021", expect.stringContaining(SUPPRESSED)],
    ])
    expect(markers.filter((m) => m[0] === "no_data").length).toBe(5)
    // no point and no line segment is drawn for LA18: nothing was shown as a value
    expect(await page.$$eval(`${la18} .recharts-line-dots circle`, (els) => els.length)).toBe(0)
    expect(
      await page.$$eval(`${la18} .recharts-line-curve`, (els) =>
        els.map((e) => e.getAttribute("d") ?? "").join(""),
      ),
    ).not.toMatch(/L/)
    await page.hover(`${la18} [data-marker="suppressed"]`)
    await shot(page, "trends-small-multiples")
  })

  it("exports a CSV whose numbers equal the same view SQL run by DuckDB in Node", async () => {
    await open("page=trends&lang=en&sex=female&from=2020&grain=quarter&by=victim_group")
    const filters: Filters = { sex: "female", yearFrom: 2020 }
    const { bytes, name } = await download("breakdown", "csv")
    expect(name).toMatch(/\.csv$/)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const { context, rows } = csvBody(bytes)
    expect(context.join("\n")).toContain("Counts below 10 are suppressed")
    expect(context.join("\n")).toContain("Synthetic data")
    expect(context.join("\n")).toContain("Sex: Female")
    const nodeRows = await trendCounts(node, filters, "quarter", "victim_group")
    const years = [2020, Math.max(...nodeRows.map((r) => r.year))] as const
    const series = buildSeries(nodeRows, "quarter", years, THRESHOLD)
    const header = (rows[0] ?? "").split(",")
    expect(header[0]).toBe("Period")
    expect(rows).toHaveLength(series.periods.length + 1)
    const text = (c: ReturnType<typeof suppress>) =>
      c.kind === "value" ? String(c.n) : c.kind === "suppressed" ? `suppressed (<${THRESHOLD})` : "no data"
    series.periods.forEach((p, i) => {
      expect(rows[i + 1]).toBe(
        [p.key, ...series.categories.map((c) => text(series.cells.get(c)?.[i] ?? { kind: "no_data" }))].join(
          ",",
        ),
      )
    })
    expect(rows.join("\n")).toContain(`suppressed (<${THRESHOLD})`)

    const totalCsv = csvBody((await download("total", "csv")).bytes).rows
    const totals = await trendCounts(node, filters, "quarter", "total")
    for (const r of totals) {
      const key = `${r.year}-Q${r.sub}`
      expect(totalCsv.find((l) => l.startsWith(`${key},`))).toBe(`${key},${csvCell(r.n)}`)
    }
  })

  it("exports a PNG whose pixels hold the stamp, the legend and the synthetic badge", async () => {
    await open("page=trends&lang=en")
    const { bytes, name } = await download("total", "png")
    expect(name).toMatch(/\.png$/)
    writeFileSync(join(ARTIFACTS, "export-trend-total.png"), bytes)
    const png = decodePng(bytes)
    const box = await page.$eval('[data-testid="chart-total"] svg.recharts-surface', (s) => {
      const r = s.getBoundingClientRect()
      return { w: r.width, h: r.height }
    })
    expect(png.width).toBeGreaterThan(box.w * 2)
    expect(png.height).toBeGreaterThan(box.h * 2 + 200)
    // badge: the app's orange, top-right
    const badge = countColour(png, [0xb3, 0x58, 0x06], { x0: png.width / 2, y0: 0, x1: png.width, y1: 120 })
    expect(badge).toBeGreaterThan(500)
    // legend (hatched grey suppressed key) and the stamp text below the chart are not blank
    const below = { x0: 0, y0: Math.round(png.height - 260), x1: png.width, y1: png.height }
    expect(countColour(png, [0xbd, 0xbd, 0xbd], below, 6)).toBeGreaterThan(20)
    expect(inkIn(png, { x0: 0, y0: png.height - 120, x1: png.width, y1: png.height })).toBeGreaterThan(800)
    // the chart itself: the total line's blue
    expect(
      countColour(png, [0x00, 0x72, 0xb2], { x0: 0, y0: 0, x1: png.width, y1: png.height }),
    ).toBeGreaterThan(300)
  })

  it("exports an SVG that carries the same context as text", async () => {
    const svg = new TextDecoder().decode((await download("total", "svg")).bytes)
    expect(svg.startsWith("<svg")).toBe(true)
    for (const s of [
      "Counts below 10 are suppressed",
      "Synthetic data: not real cases",
      "fixture-0001",
      "Filters: none",
    ]) {
      expect(svg).toContain(s)
    }
    expect(svg).toContain("recharts-line-curve")
  })

  it("puts GLOTIP figures beside ours, '<5' as suppressed, and hides the national line under a category filter", async () => {
    const panel = '[data-testid="official-panel"]'
    // The panel appears when the official figures for the current filters have been read.
    await page.waitForSelector(panel, { timeout: 20_000 })
    expect(await page.textContent(panel)).toContain("United Nations Office on Drugs and Crime")
    const suppressedOfficial = await page.$$eval(
      `${panel} td[data-official][data-cell="suppressed"]`,
      (els) => els.map((e) => e.textContent),
    )
    expect(suppressedOfficial).toContain(en.suppressed.replace("{k}", "5"))
    await page.selectOption('select[data-filter="sex"]', "male")
    await page.waitForFunction(
      () => document.querySelector('[data-testid="chart-total"]')?.getAttribute("data-series") === "1",
    )
    // The note comes with the official figures read for the new filters.
    await page.waitForFunction(
      (note) => document.querySelector('[data-panel="total"]')?.textContent?.includes(note) === true,
      tr.officialFiltersNote,
      { timeout: 20_000 },
    )
  })

  it("shows official figures over their own years: outside ours, our count is no data and a note says so", async () => {
    await open("page=trends&lang=en&from=2021")
    const panel = '[data-testid="official-panel"]'
    await page.waitForSelector(`${panel} tr[data-year="2019"]`, { timeout: 20_000 })
    // GLOTIP fixture: 2019-2021; our shown years start in 2021
    const rows = await page.$$eval(`${panel} tbody tr[data-measure="victims_total"]`, (trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-year"),
        tr.getAttribute("data-in-our-years"),
        tr.querySelectorAll("td")[1]?.getAttribute("data-cell"),
      ]),
    )
    expect(rows).toEqual([
      ["2019", "false", "no_data"],
      ["2020", "false", "no_data"],
      ["2021", "true", expect.stringMatching(/value|suppressed/)],
    ])
    expect(await page.textContent('[data-testid="official-own-years"]')).toContain("2019-2021")
    // in Lao the mapping's note is the English with the review mark (no sourced Lao note yet)
    await open("page=trends&lang=lo&from=2021")
    await page.waitForSelector('[data-testid="official-note"]', { timeout: 20_000 })
    const note = await page.textContent('[data-testid="official-note"]')
    expect(note?.endsWith(" *")).toBe(true)
    await open("page=trends&lang=en")
  })

  it("without official statistics in the release, draws our series only and says so", async () => {
    const fresh = await browser.newPage()
    await fresh.route("**/data/manifest.json", async (route) => {
      const res = await route.fetch()
      const manifest = (await res.json()) as { tables: Record<string, unknown> }
      delete manifest.tables.official_stats
      await route.fulfill({ response: res, json: manifest })
    })
    const errors: Array<string> = []
    fresh.on("pageerror", (e) => errors.push(String(e)))
    await fresh.goto(`${baseUrl}?page=trends&lang=en`)
    await fresh.waitForSelector('[data-trends="ready"]', { timeout: 60_000 })
    expect(await fresh.getAttribute('[data-testid="chart-total"]', "data-series")).toBe("1")
    expect(await fresh.$('[data-testid="official-panel"]')).toBeNull()
    expect(await fresh.textContent('[data-testid="page-trends"]')).toContain(tr.officialNone)
    expect(errors).toEqual([])
    await fresh.close()
  })

  it("breaks no CSP rule and throws nothing", async () => {
    expect(await page.evaluate(() => (window as unknown as { __csp: Array<string> }).__csp)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
