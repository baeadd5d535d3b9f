import { areaBreakdown, type BreakdownRow, provinceCounts } from "@lao-protect/warehouse"
import type { NodeConnector } from "@lao-protect/warehouse/node"
import type { Browser, BrowserContext, Page, Request } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { CSP, CSP_HEADER } from "../server/csp.ts"
import { en } from "../src/i18n/en.ts"
import { translator } from "../src/i18n/index.ts"

const lo = { appTitle: translator("lo")("appTitle"), noData: translator("lo")("noData") }

import { suppress } from "../src/lib/suppress.ts"
import { launch, settle, shot, waitForViews } from "./browser.ts"
import { openFixture, THRESHOLD } from "./fixture.ts"

const baseUrl = inject("baseUrl")
const origin = new URL(baseUrl).origin

let browser: Browser
let context: BrowserContext
let page: Page
let node: NodeConnector
const requests: Array<string> = []
const cspViolations: Array<string> = []
const pageErrors: Array<string> = []

const track = (p: Page) => {
  p.on("request", (r: Request) => requests.push(r.url()))
  p.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) cspViolations.push(m.text())
  })
  p.on("pageerror", (e) => pageErrors.push(String(e)))
}

/** What the page should show for a raw count: the one suppression rule, in English. */
const expectedText = (n: number | undefined) => {
  const cell = suppress(n ?? 0, THRESHOLD)
  return cell.kind === "value"
    ? new Intl.NumberFormat("en").format(cell.n)
    : cell.kind === "suppressed"
      ? en.suppressed.replace("{k}", String(THRESHOLD))
      : en.noData
}

const tableTexts = (p: Page) =>
  p.$$eval('[data-testid="area-table"] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((r) => [r.getAttribute("data-pcode"), r.querySelector("td")?.textContent ?? ""]),
    ),
  )

beforeAll(async () => {
  node = await openFixture()
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1400, height: 1100 } })
  await context.addInitScript(() => {
    const seen: Array<string> = []
    ;(window as unknown as { __csp: Array<string> }).__csp = seen
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  page = await context.newPage()
  track(page)
  await page.goto(`${baseUrl}?lang=en`)
  await waitForViews(page)
})

afterAll(async () => {
  await browser?.close()
  await node?.close()
})

describe("dashboard in Chromium", () => {
  it("serves the CSP as a header and a meta tag", async () => {
    const res = await page.request.get(baseUrl)
    expect(res.headers()["content-security-policy"]).toBe(CSP_HEADER)
    const meta = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) =>
      m.getAttribute("content"),
    )
    expect(meta).toBe(CSP)
    const wasmUrl = requests.find((u) => u.endsWith(".wasm"))
    expect(wasmUrl).toMatch(/duckdb-eh/)
    const wasm = await page.request.head(wasmUrl as string)
    expect(wasm.headers()["content-type"]).toBe("application/wasm")
    expect(requests.filter((u) => u.endsWith(".wasm"))).toHaveLength(1)
  })

  it("serves React's production build (what `pnpm start` serves, whoever built dist)", async () => {
    const html = await (await page.request.get(baseUrl)).text()
    const entry = html.match(/<script type="module"[^>]*src="([^"]+)"/)?.[1]
    expect(entry).toBeDefined()
    const js = await (await page.request.get(new URL(entry as string, baseUrl).href)).text()
    expect(js.length).toBeGreaterThan(100_000)
    // a warning only React's development build carries
    expect(js).not.toContain("Each child in a list should have a unique")
  })

  it("keeps Recharts out of the start bundle: the map's bars load once DuckDB has answered", async () => {
    const html = await (await page.request.get(baseUrl)).text()
    const initial = [
      ...html.matchAll(/<(?:script type="module"|link rel="modulepreload")[^>]*(?:src|href)="([^"]+)"/g),
    ].map((m) => m[1] as string)
    expect(initial.length).toBeGreaterThan(1)
    for (const src of initial) {
      const js = await (await page.request.get(new URL(src, baseUrl).href)).text()
      // a class name only Recharts' bar chart writes
      expect(js.includes("recharts-bar-rectangle"), `${src} holds Recharts`).toBe(false)
    }
    await page.waitForSelector('[data-testid="chart-years"] .recharts-bar-rectangle', { timeout: 15_000 })
  })

  it("reads the manifest once at start: the app takes the engine's early read", () => {
    expect(requests.filter((u) => new URL(u).pathname === "/data/manifest.json")).toHaveLength(1)
  })

  it("draws the 18 provinces, with the synthetic badge and the boundary attribution", async () => {
    const codes = await page.$$eval(".leaflet-overlay-pane path[data-pcode]", (els) =>
      [...new Set(els.map((e) => e.getAttribute("data-pcode")))].sort(),
    )
    expect(codes).toHaveLength(18)
    expect(codes[0]).toBe("LA01")
    expect(await page.textContent('[data-testid="synthetic-badge"]')).toBe(en.syntheticBadge)
    expect((await page.textContent('[data-testid="attribution"]'))?.length).toBeGreaterThan(10)
    await shot(page, "map-provinces")
  })

  it("shows a small province as suppressed and an empty one as no data, never 0", async () => {
    const texts = await tableTexts(page)
    expect(texts.LA18).toBe(`suppressed (< ${THRESHOLD})`)
    expect(texts.LA15).toBe(en.noData)
    expect(Object.values(texts)).not.toContain("0")
    expect(await page.getAttribute('.leaflet-overlay-pane path[data-pcode="LA18"]', "data-cell")).toBe(
      "suppressed",
    )
    expect(await page.getAttribute('.leaflet-overlay-pane path[data-pcode="LA15"]', "data-cell")).toBe(
      "no_data",
    )
    const legend = await page.$$eval(".legend [data-legend]", (els) =>
      els.map((e) => e.getAttribute("data-legend")),
    )
    expect(legend).toContain("suppressed")
    expect(legend).toContain("no-data")
  })

  it("cross-filters: the numbers match the same view SQL run by DuckDB in Node", async () => {
    await page.selectOption('select[data-filter="sex"]', "female")
    await page.selectOption('select[data-filter="yearFrom"]', "2020")
    await settle(page)
    expect(page.url()).toContain("sex=female")
    // one dimension moved: the views answered from that dimension's index, not the aggregates
    expect(await page.textContent('[data-testid="view-source"]')).toBe("indexed")
    const filters = { sex: "female", yearFrom: 2020 }
    const expected = new Map(
      (await provinceCounts(node, filters, { source: "naive" })).map((r) => [r.province, r.n]),
    )
    const texts = await tableTexts(page)
    for (const code of ["LA01", "LA06", "LA13", "LA15", "LA18"]) {
      expect(texts[code], code).toBe(expectedText(expected.get(code)))
    }
    // a real click can land on a flow line drawn over the province: dispatch it on the area itself
    await page.$eval('.leaflet-overlay-pane path[data-pcode="LA01"]', (el) =>
      el.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: 1, clientY: 1 })),
    )
    await page.waitForSelector(
      '[data-testid="side-panel"][data-area="LA01"] [data-testid="chart-victim_group"]',
    )
    await settle(page)
    const rows: ReadonlyArray<BreakdownRow> = await areaBreakdown(
      node,
      filters,
      { province: "LA01" },
      { source: "naive" },
    )
    const total = rows.find((r) => r.dimension === "total")?.n
    expect(await page.textContent('[data-testid="panel-total"]')).toBe(expectedText(total))
    const shown = await page.$$eval('[data-testid="chart-exploitation_form"] tr', (trs) =>
      trs.map((tr) => [tr.getAttribute("data-code"), tr.getAttribute("data-cell")]),
    )
    const forms = rows.filter((r) => r.dimension === "exploitation_form")
    expect(shown.length).toBe(forms.length)
    for (const [code, cell] of shown) {
      const n = forms.find((f) => f.code === code)?.n ?? 0
      if (cell === "value") expect(n).toBeGreaterThanOrEqual(THRESHOLD)
      else expect(cell).toBe("suppressed")
    }
    await shot(page, "side-panel")
  })

  it("keeps the whole state in the URL so a link reproduces the view", async () => {
    const link = page.url()
    const other = await context.newPage()
    track(other)
    await other.goto(link)
    await waitForViews(other)
    expect(await other.inputValue('select[data-filter="sex"]')).toBe("female")
    expect(await other.getAttribute('[data-testid="side-panel"]', "data-area")).toBe("LA01")
    expect(await tableTexts(other)).toEqual(await tableTexts(page))
    await other.close()
  })

  it("switches to district level with counts only", async () => {
    await page.selectOption('select[data-control="level"]', "district")
    await settle(page)
    await page.waitForSelector('.leaflet-overlay-pane path[data-pcode="LA0101"]')
    const n = await page.$$eval(".leaflet-overlay-pane path[data-pcode]", (els) => els.length)
    expect(n).toBeGreaterThan(100)
    expect(await page.textContent(".controls")).toContain(en.districtRatesUnavailable)
    await page.check('input[data-layer="cpn"]')
    await page.check('input[data-layer="shelters"]')
    await page.waitForTimeout(300)
    expect(await page.textContent(".legend")).toContain(en.illustrative)
    await shot(page, "map-districts-overlays")
    await page.selectOption('select[data-control="level"]', "province")
    await settle(page)
  })

  it("switches to Lao, renders Lao glyphs (not tofu) and remembers the choice", async () => {
    await page.selectOption('[data-testid="lang-switch"]', "lo")
    await page.waitForSelector('.app[data-lang="lo"]')
    expect(await page.textContent("h1")).toBe(lo.appTitle)
    expect(page.url()).toContain("lang=lo")
    const fonts = await page.evaluate(async () => {
      await document.fonts.load('16px "Noto Sans Lao"', "ສ")
      await document.fonts.ready
      const ctx = document.createElement("canvas").getContext("2d")!
      ctx.font = '32px "Noto Sans Lao"'
      const widths = ["ກ", "ສ", "ເ", "ມ", "ຫຼ"].map((c) => Math.round(ctx.measureText(c).width * 10))
      const laoFace = [...document.fonts].some(
        (f) =>
          f.family.replaceAll('"', "") === "Noto Sans Lao" &&
          f.status === "loaded" &&
          /U\+E8/i.test(f.unicodeRange),
      )
      return { check: document.fonts.check('16px "Noto Sans Lao"', "ສ"), laoFace, widths }
    })
    expect(fonts.check).toBe(true)
    // the self-hosted face covering the Lao block is the one loaded, not a system font
    expect(fonts.laoFace).toBe(true)
    expect(
      requests.some((u) => u.startsWith(origin) && /noto-sans-lao-lao-\d+-normal.*\.woff2$/.test(u)),
    ).toBe(true)
    // .notdef boxes all have one width; real Lao glyphs differ
    expect(new Set(fonts.widths).size).toBeGreaterThan(1)
    const texts = await tableTexts(page)
    expect(texts.LA15).toBe(lo.noData)
    await page.locator("h1").screenshot({ path: `${import.meta.dirname}/artifacts/lao-title.png` })
    await shot(page, "lao")
    await page.goto(baseUrl)
    await page.waitForSelector('.app[data-lang="lo"]')
    await page.selectOption('[data-testid="lang-switch"]', "en")
    await page.waitForSelector('.app[data-lang="en"]')
  })

  it("paints the first view from first_paint.json before the data engine is ready", async () => {
    const fresh = await browser.newContext({ viewport: { width: 1400, height: 1100 } })
    const slow = await fresh.newPage()
    track(slow)
    let release: () => void = () => undefined
    const gate = new Promise<void>((ok) => {
      release = ok
    })
    await slow.route("**/*.wasm", async (route) => {
      await gate
      await route.continue()
    })
    await slow.goto(`${baseUrl}?lang=en`)
    await slow
      .waitForSelector('.leaflet-overlay-pane path[data-pcode="LA18"][data-cell="suppressed"]', {
        timeout: 15_000,
      })
      .catch(async (err) => {
        await shot(slow, "first-paint-failure")
        console.log(await slow.$eval(".app", (a) => a.outerHTML.slice(0, 3000)))
        throw err
      })
    expect(await slow.getAttribute(".app", "data-engine")).toBe("loading")
    expect(await slow.textContent('[data-testid="engine-status"]')).toContain(en.engineLoading)
    await shot(slow, "first-paint")
    release()
    await waitForViews(slow)
    await fresh.close()
  })

  it("never requests another origin and breaks no CSP rule", async () => {
    expect(await page.evaluate(() => (window as unknown as { __csp: Array<string> }).__csp)).toEqual([])
    expect(requests.length).toBeGreaterThan(5)
    const foreign = requests.filter(
      (u) => !u.startsWith(`${origin}/`) && !u.startsWith("data:") && !u.startsWith("blob:"),
    )
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
