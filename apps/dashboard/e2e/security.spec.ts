/**
 * Hardening in Chromium: imported strings render as text only (XSS canaries in boundary names and
 * attribution and in the served planning inputs, e2e/canary-xss.ts), no request leaves the serving
 * origin on any page (workers included), and the CSP (header and meta) is strict with no inline script
 * in the build. Runs its own server on a data folder holding the canaries.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs"
import { join, resolve } from "node:path"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { CSP, CSP_HEADER } from "../server/csp.ts"
import { type Served, serve } from "../server/serve.ts"
import { launch, shot, waitForViews } from "./browser.ts"
import { writeXssDataRoot, XSS, XSS_DISTRICT, XSS_PROVINCE } from "./canary-xss.ts"

const dist = resolve(import.meta.dirname, "../dist")

let dataRoot: string
let served: Served
let origin: string
let browser: Browser
let context: BrowserContext
let page: Page
const requests: Array<{ url: string; from: string }> = []
const pageErrors: Array<string> = []

beforeAll(async () => {
  dataRoot = await writeXssDataRoot()
  served = await serve({ dist, dataRoot, port: 0 })
  origin = new URL(served.url).origin
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  await context.addInitScript(() => {
    const seen: Array<string> = []
    ;(window as unknown as { __csp: Array<string> }).__csp = seen
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  // every request of every page and of their workers (DuckDB's runs in one)
  context.on("request", (r) => requests.push({ url: r.url(), from: "context" }))
  context.on("page", (p) => {
    p.on("request", (r) => requests.push({ url: r.url(), from: "page" }))
    p.on("worker", (w) => requests.push({ url: w.url(), from: "worker" }))
    p.on("pageerror", (e) => pageErrors.push(String(e)))
  })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await served?.close()
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true })
})

/** Nothing injected ran or was created, and nothing asked for "x". */
async function expectNoXss(p: Page, where: string) {
  const state = await p.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    imgs: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent?.includes("__xss")).length,
    csp: (window as unknown as { __csp: Array<string> }).__csp,
  }))
  expect(state, where).toEqual({ xss: undefined, imgs: 0, scripts: 0, csp: [] })
  expect(
    requests.filter((r) => /\/x$/.test(new URL(r.url, origin).pathname)),
    where,
  ).toEqual([])
}

const visibleText = (p: Page) => p.evaluate(() => document.body.innerText)

/** Hover an area so Leaflet opens its tooltip, and return the tooltip's text. */
async function tooltipOf(p: Page, pcode: string): Promise<string> {
  await p.hover(`.leaflet-overlay-pane path[data-pcode="${pcode}"]`, { force: true })
  await p.waitForSelector(".leaflet-tooltip", { timeout: 10_000 })
  const text = (await p.$$eval(".leaflet-tooltip", (els) => els.map((e) => e.textContent))).join("\n")
  expect(await p.$$eval(".leaflet-tooltip *", (els) => els.map((e) => e.tagName))).not.toContain("IMG")
  return text
}

describe("imported strings render as text only (XSS canaries)", () => {
  it("map, provinces: boundary name in the tooltip and the attribution under the map", async () => {
    await page.goto(`${served.url}?lang=en&layers=flows,checkpoints,cpn,shelters`)
    await waitForViews(page)
    expect(await page.textContent('[data-testid="attribution"]')).toBe(XSS.attribution)
    expect(await tooltipOf(page, XSS_PROVINCE)).toContain(XSS.provinceEn)
    await expectNoXss(page, "map provinces")
    await shot(page, "security-xss-map")
  })

  it("map in Lao: the Lao name renders as text", async () => {
    await page.goto(`${served.url}?lang=lo`)
    await waitForViews(page)
    expect(await tooltipOf(page, XSS_PROVINCE)).toContain(XSS.provinceLo)
    await expectNoXss(page, "map lo")
  })

  it("map, districts with every layer", async () => {
    await page.goto(`${served.url}?lang=en&level=district&layers=flows,checkpoints,cpn,shelters`)
    await waitForViews(page)
    await page.waitForSelector(`.leaflet-overlay-pane path[data-pcode="${XSS_DISTRICT}"]`)
    expect(await tooltipOf(page, XSS_DISTRICT)).toContain(XSS.districtEn)
    await expectNoXss(page, "map districts")
  })

  it("planning: served shelters and CPN coverage, their bad cells listed as text", async () => {
    await page.goto(`${served.url}?page=planning&lang=en`)
    await page.waitForSelector('[data-testid="page-planning"][data-planning="ready"]', { timeout: 60_000 })
    await page.waitForSelector('[data-testid="ranking"] tbody tr[data-rank="1"]', { timeout: 60_000 })
    const text = await visibleText(page)
    expect(text).toContain(XSS.shelterBadCell)
    expect(text).toContain(XSS.cpnBadCell)
    await expectNoXss(page, "planning")
    await shot(page, "security-xss-planning")
  })

  it("trends", async () => {
    await page.goto(`${served.url}?page=trends&lang=en`)
    await page.waitForSelector('[data-trends="ready"]', { timeout: 60_000 })
    await expectNoXss(page, "trends")
  })

  it("province brief (its locator map draws the hostile boundaries)", async () => {
    await page.goto(`${served.url}?page=brief&province=LA01&lang=en`)
    await page.waitForSelector('[data-testid="brief-total"]', { timeout: 60_000 })
    await page.waitForTimeout(500)
    await expectNoXss(page, "brief")
  })

  it("presentation, every slide (the map slide carries the attribution)", async () => {
    await page.goto(`${served.url}?page=trends&lang=en&present=1&slide=1`)
    await page.waitForSelector('[data-testid="title-slide"]', { timeout: 60_000 })
    const { SLIDES } = await import("../src/presentation/Presentation.tsx")
    for (let i = 1; i < SLIDES.length; i++) await page.keyboard.press("ArrowRight")
    await page.waitForSelector('[data-testid="slide-map"]', { timeout: 60_000 })
    await page.waitForTimeout(500)
    expect(await visibleText(page)).toContain(XSS.attribution)
    await expectNoXss(page, "presentation")
  })

  it("threw nothing on any page", () => {
    expect(pageErrors).toEqual([])
  })
})

describe("no request leaves the serving origin", () => {
  it("every request of every page and worker above was same-origin", () => {
    expect(requests.length).toBeGreaterThan(20)
    expect(requests.some((r) => r.url.endsWith(".wasm"))).toBe(true)
    expect(requests.some((r) => r.url.includes("/data/"))).toBe(true)
    const foreign = requests.filter((r) => {
      const u = new URL(r.url)
      // data: URLs (chart rasterising) never reach a network
      return u.protocol !== "data:" && u.origin !== origin
    })
    expect(foreign).toEqual([])
  })

  it("the CSP header and meta are present and strict", async () => {
    const res = await page.request.get(served.url)
    expect(res.headers()["content-security-policy"]).toBe(CSP_HEADER)
    expect(
      await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute("content")),
    ).toBe(CSP)
    const directives = new Map(
      CSP_HEADER.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/)
        return [name!, values] as const
      }),
    )
    const allowed = new Set(["'self'", "'none'", "'wasm-unsafe-eval'", "data:"])
    for (const [name, values] of directives)
      for (const v of values) expect(allowed.has(v), `${name} ${v}`).toBe(true)
    expect(directives.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"])
    expect(directives.get("default-src")).toEqual(["'self'"])
    expect(directives.get("object-src")).toEqual(["'none'"])
    expect(directives.get("base-uri")).toEqual(["'none'"])
    expect(directives.get("frame-ancestors")).toEqual(["'none'"])
    expect(CSP_HEADER).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*|blob:/)
  })

  it("the built HTML has no inline script and no inline event handler", () => {
    const html = readdirSync(dist).filter((f) => f.endsWith(".html"))
    expect(html).toContain("index.html")
    for (const file of html) {
      const text = readFileSync(join(dist, file), "utf8")
      const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
      expect(scripts.length).toBeGreaterThan(0)
      for (const [, attrs, body] of scripts) {
        expect(attrs).toMatch(/\ssrc="\/assets\/[^"]+\.js"/)
        expect(body?.trim()).toBe("")
      }
      expect(text).not.toMatch(/\son[a-z]+\s*=/i)
      expect(text).not.toMatch(/javascript:/i)
    }
  })
})
