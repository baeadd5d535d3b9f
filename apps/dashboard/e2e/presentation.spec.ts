import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { provinceCounts } from "@lao-protect/warehouse"
import type { NodeConnector } from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { en } from "../src/i18n/en.ts"
import { translator } from "../src/i18n/index.ts"
import { trends as trendsCatalogue } from "../src/i18n/trends.ts"
import { suppress } from "../src/lib/suppress.ts"
import { SLIDES } from "../src/presentation/Presentation.tsx"
import { ARTIFACTS, launch, shot, waitForViews } from "./browser.ts"
import { openFixture, THRESHOLD } from "./fixture.ts"
import { countColour, decodePng, inkIn } from "./png.ts"

const baseUrl = inject("baseUrl")
const tr = trendsCatalogue.en

let browser: Browser
let page: Page
let node: NodeConnector
const pageErrors: Array<string> = []

const slideOf = async () => Number(await page.getAttribute('[data-testid="presentation"]', "data-slide"))
const urlSlide = () => new URL(page.url()).searchParams.get("slide")

beforeAll(async () => {
  node = await openFixture()
  browser = await launch()
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })
  await context.addInitScript(() => {
    const seen: Array<string> = []
    ;(window as unknown as { __csp: Array<string> }).__csp = seen
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  page = await context.newPage()
  page.on("pageerror", (e) => pageErrors.push(String(e)))
})

afterAll(async () => {
  await browser?.close()
  await node?.close()
})

describe("presentation mode", () => {
  it("starts on a title slide with scope, filters, date and the synthetic badge", async () => {
    await page.goto(`${baseUrl}?page=trends&lang=en&from=2020&sex=female`)
    await page.waitForSelector('[data-trends="ready"]', { timeout: 60_000 })
    await page.click('[data-testid="present-start"]')
    await page.waitForSelector('[data-testid="title-slide"]')
    expect(await slideOf()).toBe(1)
    expect(page.url()).toContain("present=1")
    const text = (await page.textContent('[data-testid="title-slide"]')) ?? ""
    expect(text).toContain("Years 2020–")
    expect(text).toContain("Sex: Female")
    expect(text).toContain(en.syntheticBadge)
    await shot(page, "present-title")
  })

  it("moves with the keyboard, keeps the slide in the URL, and Escape exits", async () => {
    await page.keyboard.press("ArrowRight")
    await page.waitForSelector('[data-testid="chart-slide-total"] .recharts-line-curve')
    expect(await slideOf()).toBe(2)
    expect(urlSlide()).toBe("2")
    await page.keyboard.press("Space")
    await page.waitForSelector('[data-testid="chart-slide-yoy"]')
    expect(await slideOf()).toBe(3)
    await page.keyboard.press("PageDown")
    expect(await slideOf()).toBe(4)
    await page.waitForSelector('[data-testid="chart-slide-victim_group"] .recharts-line-curve')
    await page.keyboard.press("ArrowLeft")
    await page.keyboard.press("PageUp")
    expect(await slideOf()).toBe(2)
    await page.keyboard.press("End")
    expect(await slideOf()).toBe(SLIDES.length)
    expect(urlSlide()).toBe(String(SLIDES.length))
    await page.waitForSelector('[data-testid="slide-map"] path[data-pcode="LA18"]')
    expect(await page.getAttribute('[data-testid="slide-map"] path[data-pcode="LA18"]', "data-cell")).toBe(
      "suppressed",
    )
    expect(await page.getAttribute('[data-testid="slide-map"] path[data-pcode="LA15"]', "data-cell")).toBe(
      "no_data",
    )
    await shot(page, "present-map")
    await page.keyboard.press("Home")
    expect(await slideOf()).toBe(1)
    await page.keyboard.press("Escape")
    await page.waitForSelector('[data-testid="presentation"]', { state: "detached" })
    expect(page.url()).not.toContain("present=1")
  })

  it("a link opens the same slide, in Lao", async () => {
    await page.goto(`${baseUrl}?page=trends&lang=lo&present=1&slide=8`)
    await page.waitForSelector('[data-testid="chart-slide-outcome"] .recharts-line-curve', {
      timeout: 60_000,
    })
    expect(await slideOf()).toBe(8)
    expect(await page.textContent('[data-testid="slide-counter"]')).toBe(
      translator("lo")("slideOf").replace("{n}", "8").replace("{total}", String(SLIDES.length)),
    )
    expect(await page.textContent(".presentation")).toContain(translator("lo")("outcomeReintegrated"))
    await shot(page, "present-lao-outcomes")
  })
})

describe("map export and the province brief", () => {
  it("exports the map as a PNG with legend, north arrow, scale bar, attribution and badge", async () => {
    await page.goto(`${baseUrl}?lang=en`)
    await waitForViews(page)
    const [dl] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-export-for="map"] [data-export="png"]'),
    ])
    const bytes = new Uint8Array(readFileSync(await dl.path()))
    writeFileSync(join(ARTIFACTS, "export-map.png"), bytes)
    const png = decodePng(bytes)
    const map = await page.$eval(".leaflet-container", (el) => {
      const r = el.getBoundingClientRect()
      return { w: r.width, h: r.height }
    })
    expect(png.width).toBeGreaterThanOrEqual(Math.floor(map.w * 2))
    expect(
      countColour(png, [0xb3, 0x58, 0x06], { x0: png.width / 2, y0: 0, x1: png.width, y1: 120 }),
    ).toBeGreaterThan(500)
    // the map body: its background and choropleth fills (the darkest class) were rasterised
    const all = { x0: 0, y0: 0, x1: png.width, y1: png.height }
    expect(countColour(png, [0xdf, 0xe8, 0xee], all, 4)).toBeGreaterThan(10_000)
    expect(countColour(png, [0x7a, 0x01, 0x77], all, 6)).toBeGreaterThan(200)
    // north arrow and scale bar: dark ink in the map's top-left and bottom-left corners
    const top = 2 * 100
    expect(inkIn(png, { x0: 32, y0: top, x1: 120, y1: top + 160 })).toBeGreaterThan(200)
    expect(inkIn(png, { x0: 32, y0: png.height - 600, x1: 400, y1: png.height })).toBeGreaterThan(500)
  })

  it("exports the map's table as CSV equal to the province view run by DuckDB in Node", async () => {
    const [dl] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-export-for="map"] [data-export="csv"]'),
    ])
    const text = readFileSync(await dl.path(), "utf8")
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const rows = text
      .slice(1)
      .split("\r\n")
      .filter((l) => l !== "" && !/^"?#/.test(l))
    const counts = new Map(
      (await provinceCounts(node, {}, { source: "naive" })).map((r) => [r.province, r.n]),
    )
    expect(rows[0]).toBe("Province,Name,Number of cases")
    expect(rows).toHaveLength(19)
    for (const line of rows.slice(1)) {
      const [code = "", , value] = line.split(",")
      const cell = suppress(counts.get(code) ?? 0, THRESHOLD)
      expect(value, code).toBe(
        cell.kind === "value"
          ? String(cell.n)
          : cell.kind === "suppressed"
            ? `suppressed (<${THRESHOLD})`
            : "no data",
      )
    }
    expect(rows.find((l) => l.startsWith("LA18,"))).toContain("suppressed (<10)")
  })

  it("opens a printable brief from the side panel with key numbers, trend and top destinations", async () => {
    await page.click('[data-testid="area-table"] tr[data-pcode="LA01"] button')
    await page.click('[data-testid="open-brief"]')
    await page.waitForSelector('[data-testid="page-brief"][data-province="LA01"]')
    expect(page.url()).toContain("page=brief")
    expect(page.url()).toContain("province=LA01")
    await page.waitForSelector('[data-testid="chart-brief-trend"] .recharts-line-curve', { timeout: 30_000 })
    const [{ total } = { total: 0 }] = await node.query<{ total: number }>(
      "SELECT CAST(SUM(n) AS INTEGER) AS total FROM facts WHERE province = 'LA01'",
    )
    expect(await page.textContent('[data-testid="brief-total"]')).toBe(
      new Intl.NumberFormat("en").format(total),
    )
    const stamp = (await page.textContent('[data-testid="brief-stamp"]')) ?? ""
    expect(stamp).toContain(tr.thresholdNote.replace("{k}", String(THRESHOLD)))
    expect(stamp).toContain("fixture-0001")
    const dests = await page.$$eval('[data-testid="brief-destinations"] tr', (trs) =>
      trs.map((r) => [r.getAttribute("data-code"), r.getAttribute("data-cell")]),
    )
    const [top] = await node.query<{ code: string | null; n: number }>(
      "SELECT destination AS code, CAST(SUM(n) AS INTEGER) AS n FROM facts WHERE province = 'LA01' GROUP BY 1 ORDER BY n DESC LIMIT 1",
    )
    expect(dests[0]?.[0]).toBe(top?.code ?? "none")
    expect(dests[0]?.[1]).toBe(suppress(top?.n ?? 0, THRESHOLD).kind)
    await page.emulateMedia({ media: "print" })
    expect(await page.isVisible(".filters")).toBe(false)
    expect(await page.isVisible('[data-testid="brief-numbers"]')).toBe(true)
    await shot(page, "brief-print")
    const pdf = await page.pdf({ format: "A4" })
    expect(pdf.byteLength).toBeGreaterThan(10_000)
    await page.emulateMedia({ media: "screen" })
    // a brief link reproduces itself
    await page.goto(`${baseUrl}?page=brief&province=LA18&lang=en`)
    await page.waitForSelector('[data-testid="brief-total"]', { timeout: 60_000 })
    await page.waitForFunction(
      () => document.querySelector('[data-testid="brief-total"]')?.getAttribute("data-cell") === "suppressed",
    )
    expect(await page.textContent('[data-testid="brief-total"]')).toBe(
      en.suppressed.replace("{k}", String(THRESHOLD)),
    )
  })

  it("breaks no CSP rule and throws nothing", async () => {
    expect(await page.evaluate(() => (window as unknown as { __csp: Array<string> }).__csp)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
