/**
 * The map for keyboard and screen-reader users, and what it draws: real boundaries with their
 * attribution, named neighbours, labels that never overlap, the suppressed hatch, filter chips.
 */
import { readFileSync } from "node:fs"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { en } from "../src/i18n/en.ts"
import { HATCH_FILL } from "../src/lib/hatch.ts"
import { launch, settle, waitForViews } from "./browser.ts"
import { countColour, decodePng } from "./png.ts"

const baseUrl = inject("baseUrl")
let browser: Browser
let page: Page
const pageErrors: Array<string> = []

const open = async (query: string) => {
  await page.goto(`${baseUrl}?${query}`)
  await waitForViews(page)
  await page.waitForSelector(".leaflet-overlay-pane path[data-pcode]", { timeout: 60_000 })
  await settle(page)
}
const active = () =>
  page.evaluate(() => {
    const el = document.activeElement
    return {
      tag: el?.tagName.toLowerCase(),
      id: el?.id,
      pcode: el?.getAttribute("data-pcode"),
      testid: el?.getAttribute("data-testid"),
    }
  })

const visibleLabelBoxes = () =>
  page.$$eval(".map-label:not(.map-label-hidden) span", (spans) =>
    spans.map((s) => {
      const r = s.getBoundingClientRect()
      return { text: s.textContent ?? "", x: r.left, y: r.top, w: r.width, h: r.height }
    }),
  )

beforeAll(async () => {
  browser = await launch()
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  page = await context.newPage()
  page.on("pageerror", (e) => pageErrors.push(String(e)))
})
afterAll(async () => {
  await browser?.close()
})

describe("the map by keyboard", () => {
  it("Enter on a focused province opens its panel, moves focus there and announces it; Escape closes", async () => {
    await open("lang=en&layers=flows,checkpoints,cpn,shelters")
    await page.focus('.leaflet-overlay-pane path[data-pcode="LA05"]')
    await page.keyboard.press("Enter")
    await page.waitForSelector('[data-testid="side-panel"][data-area="LA05"]')
    expect((await active()).testid).toBe("side-panel")
    expect(await page.textContent('[data-testid="map-announce"]')).toContain("Bokeo")
    await page.keyboard.press("Escape")
    await page.waitForSelector('[data-testid="side-panel"]', { state: "detached" })
    expect((await active()).pcode).toBe("LA05")
  })

  it("Space works as well, and the selected province is outlined, not boxed", async () => {
    await page.focus('.leaflet-overlay-pane path[data-pcode="LA06"]')
    await page.keyboard.press(" ")
    await page.waitForSelector('[data-testid="side-panel"][data-area="LA06"]')
    const path = page.locator('.leaflet-overlay-pane path[data-pcode="LA06"]')
    expect(await path.getAttribute("stroke-width")).toBe("3.5")
    expect(await path.getAttribute("aria-pressed")).toBe("true")
    expect(await path.evaluate((p) => getComputedStyle(p).outlineStyle)).toBe("none")
    await page.keyboard.press("Escape")
  })

  it("areas and checkpoints (which open a profile, issue 21) are the only tab stops: flows, overlays and labels are not", async () => {
    const stops = await page.$$eval(".leaflet-container [tabindex]", (els) =>
      els.map((e) => `${e.closest(".leaflet-pane")?.className ?? "container"} ${e.tagName}`),
    )
    expect(
      stops.filter((s) => !s.includes("leaflet-overlay-pane") && !s.includes("leaflet-points-pane")),
    ).toEqual([])
    expect(stops.filter((s) => s.includes("leaflet-overlay-pane"))).toHaveLength(18)
    expect(await page.$$eval(".leaflet-flows-pane path", (p) => p.length)).toBeGreaterThan(0)
  })

  it("a skip link jumps to the map's table", async () => {
    await page.focus("a.skip-link")
    expect(await page.textContent("a.skip-link")).toBe(en.skipToTable)
    await page.keyboard.press("Enter")
    await page.waitForFunction(() => document.activeElement?.id === "map-table")
  })
})

describe("what the map draws", () => {
  it("real province shapes with their licence, and the five neighbours named in grey", async () => {
    expect(await page.textContent('[data-testid="attribution"]')).toMatch(/geoBoundaries.*CC BY 3\.0 IGO/)
    expect(await page.$$eval(".leaflet-countries-pane path", (p) => p.length)).toBe(5)
    for (const name of ["Thailand", "Myanmar", "China", "Viet Nam", "Cambodia"]) {
      const labels = (await visibleLabelBoxes()).map((b) => b.text)
      expect(labels.some((l) => l.toLowerCase().includes(name.toLowerCase().split(" ")[0]!))).toBe(true)
    }
  })

  it("labels never overlap, in English and in Lao, at province and (zoomed in) district level", async () => {
    const check = async () => {
      const boxes = await visibleLabelBoxes()
      for (const a of boxes)
        for (const b of boxes)
          if (a !== b)
            expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false)
      return boxes
    }
    expect((await check()).length).toBeGreaterThan(12)
    await open("lang=lo")
    const lao = await check()
    expect(lao.some((b) => /[\u0E80-\u0EFF]/.test(b.text))).toBe(true)
    await open("lang=en&level=district")
    await page.click(".leaflet-control-zoom-in")
    await page.click(".leaflet-control-zoom-in")
    await page.waitForTimeout(800)
    const districts = await check()
    expect(districts.length).toBeGreaterThan(10)
  })

  it("suppressed areas are hatched, and so is their legend swatch", async () => {
    await open("lang=en")
    const fills = await page.$$eval('.leaflet-overlay-pane path[data-cell="suppressed"]', (ps) =>
      ps.map((p) => p.getAttribute("fill")),
    )
    expect(fills.length).toBeGreaterThan(0)
    for (const f of fills) expect(f).toBe(HATCH_FILL)
    expect(await page.$$eval("svg.defs-only pattern", (p) => p.length)).toBe(1)
    const swatch = await page.$eval(
      '[data-legend="suppressed"] .swatch',
      (s) => getComputedStyle(s).backgroundImage,
    )
    expect(swatch).toContain("repeating-linear-gradient")
  })

  it("flows are off at district level, and active filters show as removable chips and in the legend title", async () => {
    await page.selectOption('[data-control="level"]', "district")
    await settle(page)
    expect(await page.isChecked('[data-layer="flows"]')).toBe(false)
    await page.selectOption('[data-filter="sex"]', "female")
    await settle(page)
    const chip = page.locator('[data-testid="filter-chips"] [data-chip="sex"]')
    expect(await chip.textContent()).toContain("Female")
    expect(await page.textContent(".legend h3")).toContain("Female")
    await chip.locator("button").click()
    await settle(page)
    expect(await page.$('[data-testid="filter-chips"]')).toBeNull()
    expect(await page.inputValue('[data-filter="sex"]')).toBe("")
  })

  it("the PNG export frames the whole country whatever the zoom, then restores the view", async () => {
    await open("lang=en&layers=checkpoints")
    const exportPng = async () => {
      const [dl] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-export-for="map"] [data-export="png"]'),
      ])
      const png = decodePng(new Uint8Array(readFileSync(await dl.path())))
      // the map's blank background (#dfe8ee) around the country: the same framing gives the same amount
      return countColour(png, [0xdf, 0xe8, 0xee], { x0: 0, y0: 0, x1: png.width, y1: png.height }, 3)
    }
    const proxy = () => page.$eval(".leaflet-proxy", (p) => (p as HTMLElement).style.transform)
    const whole = await exportPng()
    for (let i = 0; i < 3; i++) await page.click(".leaflet-control-zoom-in")
    await page.waitForTimeout(800)
    const zoomed = await proxy()
    const fromZoomed = await exportPng()
    expect(Math.abs(fromZoomed - whole) / whole).toBeLessThan(0.05)
    await page.waitForTimeout(300)
    expect(await proxy()).toBe(zoomed)
  })

  it("throws nothing", () => {
    expect(pageErrors).toEqual([])
  })
})
