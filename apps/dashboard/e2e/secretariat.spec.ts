/**
 * Secretariat materials: every slide carries its context (synthetic badge, source, date), and the
 * province brief prints on one A4 portrait page with no overlapping or cut-off block.
 */
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { en } from "../src/i18n/en.ts"
import { SLIDES } from "../src/presentation/Presentation.tsx"
import { launch, shot } from "./browser.ts"

const baseUrl = inject("baseUrl")
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launch()
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
})
afterAll(async () => {
  await browser?.close()
})

describe("presentation slides", () => {
  it("every slide after the title shows the synthetic badge, the source release and the date", async () => {
    for (let n = 2; n <= SLIDES.length; n++) {
      await page.goto(`${baseUrl}?page=trends&lang=en&present=1&slide=${n}`)
      await page.waitForSelector('[data-testid="slide-context-source"]', { timeout: 60_000 })
      expect(await page.textContent('[data-testid="slide-context-badge"]')).toBe(en.syntheticBadge)
      expect(await page.textContent('[data-testid="slide-context-source"]')).toContain("fixture-0001")
      expect(await page.textContent('[data-testid="slide-context"]')).toMatch(/20\d\d/)
    }
  })

  it("in Lao, the slide's dates have Lao month names", async () => {
    await page.goto(`${baseUrl}?page=trends&lang=lo&present=1&slide=2`)
    await page.waitForSelector('[data-testid="slide-context-source"]', { timeout: 60_000 })
    // the fixture release was created on 1 January 2026
    expect(await page.textContent('[data-testid="slide-context-source"]')).toContain("1 ມັງກອນ 2026")
  })

  it("the map slide fills the slide, its legend beside the map", async () => {
    await page.goto(`${baseUrl}?page=trends&lang=en&present=1&slide=${SLIDES.length}`)
    await page.waitForSelector('[data-testid="slide-map"] path', { timeout: 60_000 })
    const map = await page.$eval('[data-testid="slide-map"]', (s) => s.getBoundingClientRect().toJSON())
    const legend = await page.$eval(".map-slide-legend", (l) => l.getBoundingClientRect().toJSON())
    expect(map.height).toBeGreaterThan(900 * 0.6)
    expect(legend.left).toBeGreaterThanOrEqual(map.right)
    expect(
      await page.$$eval('[data-testid="slide-map"] path[data-cell="suppressed"]', (ps) =>
        ps.map((p) => p.getAttribute("fill")),
      ),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^url\(#/)]))
    await shot(page, "slide-map")
  })
})

describe("the province brief on A4", () => {
  it("prints on one portrait page with no overlapping or cut-off block, badge and keys in colour", async () => {
    // A4 portrait minus the 12 mm margins of @page, at 96 px per inch
    const width = Math.floor(((210 - 24) / 25.4) * 96)
    await page.setViewportSize({ width, height: Math.floor(((297 - 24) / 25.4) * 96) })
    await page.goto(`${baseUrl}?page=brief&province=LA01&lang=en`)
    await page.waitForSelector('[data-testid="brief-total"]', { timeout: 60_000 })
    await page.waitForSelector('[data-testid="brief-map"] path', { timeout: 60_000 })
    await page.waitForSelector(".brief .recharts-line-curve", { timeout: 60_000 })
    await page.emulateMedia({ media: "print" })
    await page.waitForTimeout(300)
    const blocks = await page.evaluate(() => {
      const pick = [
        ".brief-head h2",
        '[data-testid="brief-synthetic-badge"]',
        '[data-testid="brief-stamp"]',
        ...[...document.querySelectorAll(".key-numbers > div")].map(
          (_, i) => `.key-numbers > div:nth-child(${i + 1})`,
        ),
        ".brief-body > .trend-panel",
        '[data-testid="brief-map"]',
        ".brief-tops > :nth-child(1)",
        ".brief-tops > :nth-child(2)",
      ]
      return pick.map((sel) => {
        const el = document.querySelector(sel)
        const r = el?.getBoundingClientRect()
        return { sel, found: !!el, x: r?.left ?? 0, y: r?.top ?? 0, w: r?.width ?? 0, h: r?.height ?? 0 }
      })
    })
    for (const b of blocks) {
      expect(b.found, b.sel).toBe(true)
      expect(b.w, b.sel).toBeGreaterThan(0)
      expect(b.x, b.sel).toBeGreaterThanOrEqual(0)
      expect(b.x + b.w, `${b.sel} is cut off at the right`).toBeLessThanOrEqual(width + 1)
    }
    for (const a of blocks)
      for (const b of blocks) {
        if (a === b) continue
        const overlap =
          a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1
        expect(overlap, `${a.sel} overlaps ${b.sel}`).toBe(false)
      }
    // the chart fits its panel and its legend has swatches
    const chart = await page.$eval(".brief-body > .trend-panel", (p) => ({
      panel: p.getBoundingClientRect().right,
      svg: p.querySelector("svg.recharts-surface")?.getBoundingClientRect().right ?? Number.POSITIVE_INFINITY,
      keys: [...p.querySelectorAll(".trend-legend .key")].filter((k) => k.getBoundingClientRect().width > 0)
        .length,
      bullets: getComputedStyle(p.querySelector(".trend-legend") ?? p).listStyleType,
    }))
    expect(chart.svg).toBeLessThanOrEqual(chart.panel + 1)
    expect(chart.keys).toBeGreaterThan(0)
    expect(chart.bullets).toBe("none")
    expect(
      await page.$eval('[data-testid="brief-synthetic-badge"]', (b) => getComputedStyle(b).printColorAdjust),
    ).toBe("exact")
    const pdf = await page.pdf({ format: "A4", printBackground: false })
    const pages = (
      Buffer.from(pdf)
        .toString("latin1")
        .match(/\/Type\s*\/Page[^s]/g) ?? []
    ).length
    expect(pages).toBe(1)
    await page.screenshot({ path: `${import.meta.dirname}/artifacts/brief-print.png`, fullPage: true })
    await page.emulateMedia({ media: "screen" })
  })
})
