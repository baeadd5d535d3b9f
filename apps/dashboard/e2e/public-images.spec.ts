/**
 * Issue 14 for images: on a planners-tier release (screen exact) every default image export (trend
 * SVG / PNG, map PNG, slide, CPN map) is drawn under the public rule, the exact image is a second,
 * restricted button, and the screen is exact again afterwards. A 300-case release written by the
 * real `publish` (seed 14: 15 province totals are hidden by publish's complementary suppression
 * while their count is at or above the threshold), served by the real server.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { type NodeConnector, openWarehouse } from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Served, serve } from "../server/serve.ts"
import { catalogues } from "../src/i18n/index.ts"
import { launch, waitForViews } from "./browser.ts"
import { countColour, decodePng } from "./png.ts"
import { syntheticRelease } from "./release-tables.ts"

const en = catalogues.en
let dataRoot: string
let served: Served
let browser: Browser
let page: Page
let facts: NodeConnector
let threshold: number
/** Province totals over every year: the facts cube's, and the publication's cells. */
const totals = new Map<string, number>()
const publishedTotal = new Map<string, { n: number | null; suppressed: boolean }>()
const pageErrors: Array<string> = []

/** What the page showed when the export handed its file over (the capture is done by then). */
interface Snapshot {
  readonly rule: string | null
  readonly cells: Record<string, string | null>
  readonly ranks: Array<string | null>
}

beforeAll(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), "lao-protect-public-images-"))
  const result = await syntheticRelease(dataRoot, { seed: 14, cases: 300 })
  const dir = result.dir
  expect(result.manifest.screen).toBe("exact")
  threshold = result.manifest.threshold
  facts = await openWarehouse(":memory:")
  await facts.query("CREATE TABLE facts AS SELECT * FROM read_parquet($1)", [join(dir, "facts.parquet")])
  for (const r of await facts.query<{ province: string; n: number }>(
    "SELECT province, CAST(sum(n) AS INTEGER) AS n FROM facts WHERE province IS NOT NULL GROUP BY ALL",
  ))
    totals.set(r.province, r.n)
  for (const r of await facts.query<{ province: string; n: number | null; suppressed: boolean }>(
    `SELECT province, n, suppressed FROM read_parquet($1)
     WHERE province IS NOT NULL AND year IS NULL AND level IN ('cell', 'province_total')`,
    [join(dir, "province_year.parquet")],
  ))
    publishedTotal.set(r.province, { n: r.n, suppressed: r.suppressed })
  served = await serve({ dist: join(resolve(import.meta.dirname, ".."), "dist"), dataRoot, port: 0 })
  browser = await launch()
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1100 } })).newPage()
  page.on("pageerror", (e) => pageErrors.push(String(e)))
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text())
  })
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await served?.close()
  await facts?.close()
  if (dataRoot) rmSync(dataRoot, { recursive: true, force: true })
})

/**
 * Record, when the export hands its file to the browser (after the capture, before the screen rule
 * comes back), the screen rule and what the views showed: the map areas' cells and the CPN ranking.
 */
const instrument = (p: Page) =>
  p.evaluate(() => {
    const w = window as unknown as { __snapshots: Array<unknown> }
    w.__snapshots = []
    const create = URL.createObjectURL.bind(URL)
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      w.__snapshots.push({
        rule: document.querySelector(".app")?.getAttribute("data-screen-rule") ?? null,
        cells: Object.fromEntries(
          [...document.querySelectorAll("path[data-pcode]")].map((e) => [
            e.getAttribute("data-pcode"),
            e.getAttribute("data-cell") ?? e.querySelector("title")?.textContent ?? null,
          ]),
        ),
        ranks: [...document.querySelectorAll('[data-testid="ranking"] tbody tr[data-district]')].map((e) =>
          e.getAttribute("data-district"),
        ),
      })
      return create(blob)
    }
  })
const lastSnapshot = (p: Page): Promise<Snapshot> =>
  p.evaluate(() => {
    const s = (window as unknown as { __snapshots: Array<unknown> }).__snapshots
    return s[s.length - 1] as Snapshot
  })

/** Click an export button, return the file's bytes and name. */
const download = async (selector: string) => {
  const button = await page.waitForSelector(selector, { state: "visible", timeout: 60_000 })
  await button.scrollIntoViewIfNeeded()
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), button.click()])
  return { bytes: new Uint8Array(readFileSync(await dl.path())), name: dl.suggestedFilename() }
}
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const backToExact = () => page.waitForSelector('.app[data-screen-rule="exact"]', { timeout: 30_000 })

/**
 * A sex code and the years whose count for it is below the threshold but not zero (exact on
 * screen, suppressed in public): the national yearly counts of this release are all above it.
 */
const smallYears = async (): Promise<{ sex: string; years: Array<number> }> => {
  const rows = await facts.query<{ v: string; year: number }>(
    `SELECT CAST(sex AS VARCHAR) AS v, year FROM facts WHERE sex IS NOT NULL GROUP BY ALL
     HAVING sum(n) > 0 AND sum(n) < ${threshold} ORDER BY v, year`,
  )
  const sex = rows[0]?.v ?? ""
  return { sex, years: rows.filter((r) => r.v === sex).map((r) => r.year) }
}

const suppressedPeriods = (svg: string) =>
  new Set([...svg.matchAll(/data-marker="suppressed"[^>]*data-period="(\d+)"/g)].map((m) => Number(m[1])))
const lineDots = (svg: string) => (svg.match(/recharts-line-dot/g) ?? []).length

describe("image exports on a planners-tier release default to the public rule", () => {
  it("the trends chart: the default SVG suppresses every small year the exact SVG draws, and says which rule", async () => {
    const { sex, years: small } = await smallYears()
    expect(small.length, "years below the threshold in the release").toBeGreaterThan(0)
    await page.goto(`${served.url}?page=trends&grain=year&lang=en&sex=${sex}`)
    await page.waitForSelector('[data-trends="ready"]', { timeout: 60_000 })
    await instrument(page)
    const panel = '[data-export-for="total"]'
    const exact = await download(`${panel} [data-export="svg-exact"]`)
    const byDefault = await download(`${panel} [data-export="svg"]`)
    expect((await lastSnapshot(page)).rule).toBe("public")
    await backToExact()
    const exactSvg = text(exact.bytes)
    const publicSvg = text(byDefault.bytes)
    // the exact SVG draws every small year as a point; the default one marks it suppressed instead
    expect(suppressedPeriods(exactSvg).size).toBe(0)
    for (const year of small) expect(suppressedPeriods(publicSvg), `${year}`).toContain(year)
    expect(lineDots(publicSvg)).toBe(lineDots(exactSvg) - small.length)
    // stamps and names
    expect(publicSvg).toContain(en.thresholdNote.replace("{k}", String(threshold)))
    expect(publicSvg).not.toContain(en.exportRestrictedMark)
    expect(publicSvg).not.toContain(en.exactNote)
    expect(byDefault.name).not.toContain("restricted")
    expect(exactSvg).toContain(en.exportRestrictedMark.replace(/'/g, "&apos;").slice(0, 40))
    expect(exact.name).toMatch(/-restricted-\d{4}-\d{2}-\d{2}\.svg$/)
    // the screen is exact again: the small years are points, not suppressed marks
    expect(await page.$$('[data-testid="chart-total"] [data-marker="suppressed"]')).toHaveLength(0)
  }, 180_000)

  it("the trends chart's default PNG is captured under the public rule too", async () => {
    const png = await download('[data-export-for="total"] [data-export="png"]')
    expect((await lastSnapshot(page)).rule).toBe("public")
    expect(png.name).not.toContain("restricted")
    await backToExact()
  }, 120_000)

  it("the map: the default PNG draws publish's cells (hatched where publish hid them), the exact one the screen", async () => {
    const hiddenByPublish = [...publishedTotal.entries()]
      .filter(([code, c]) => c.suppressed && (totals.get(code) ?? 0) >= threshold)
      .map(([code]) => code)
    expect(hiddenByPublish.length, "provinces hidden only by complementary suppression").toBeGreaterThan(0)
    await page.goto(`${served.url}?lang=en`)
    await waitForViews(page)
    await page.waitForSelector('.leaflet-overlay-pane path[data-pcode="LA01"]', { timeout: 60_000 })
    for (const code of hiddenByPublish)
      expect(await page.getAttribute(`.leaflet-overlay-pane path[data-pcode="${code}"]`, "data-cell")).toBe(
        "value",
      )
    await instrument(page)
    const byDefault = await download('[data-export-for="map"] [data-export="png"]')
    const during = await lastSnapshot(page)
    expect(during.rule).toBe("public")
    for (const code of hiddenByPublish) expect(during.cells[code], `${code} during export`).toBe("suppressed")
    await backToExact()
    await expect
      .poll(() =>
        page.getAttribute(`.leaflet-overlay-pane path[data-pcode="${hiddenByPublish[0]}"]`, "data-cell"),
      )
      .toBe("value")
    const exact = await download('[data-export-for="map"] [data-export="png-exact"]')
    expect((await lastSnapshot(page)).rule).toBe("exact")
    expect(exact.name).toMatch(/-restricted-\d{4}-\d{2}-\d{2}\.png$/)
    expect(byDefault.name).not.toContain("restricted")
    // pixels: the hatch's grey covers the hidden provinces in the default PNG, nowhere on the exact map
    const grey = (bytes: Uint8Array) => {
      const png = decodePng(bytes)
      return countColour(png, [0xbd, 0xbd, 0xbd], { x0: 0, y0: 0, x1: png.width, y1: png.height }, 4)
    }
    expect(grey(byDefault.bytes)).toBeGreaterThan(grey(exact.bytes) + 2000)
  }, 180_000)

  it("the header switch shows the public rule on screen, and the buttons are then the plain public ones", async () => {
    await page.selectOption('[data-testid="screen-rule-switch"]', "public")
    await page.waitForSelector('.app[data-screen-rule="public"]')
    await expect
      .poll(() => page.$$eval('.leaflet-overlay-pane path[data-cell="suppressed"]', (els) => els.length))
      .toBeGreaterThan(0)
    expect(await page.textContent('.legend [data-legend="rule"]')).toContain(
      en.screenRulePublic.replace("{k}", String(threshold)),
    )
    expect(await page.$('[data-export-for="map"] [data-export="png-exact"]')).toBeNull()
    await page.selectOption('[data-testid="screen-rule-switch"]', "exact")
    await backToExact()
  }, 120_000)

  it("a slide's default SVG is the public rule, its exact one restricted", async () => {
    const { sex, years: small } = await smallYears()
    expect(small.length).toBeGreaterThan(0)
    await page.goto(`${served.url}?page=trends&grain=year&present=1&slide=2&lang=en&sex=${sex}`)
    await page.waitForSelector('[data-export-for="slide-total"] [data-export="svg"]', { timeout: 60_000 })
    await instrument(page)
    const byDefault = text((await download('[data-export-for="slide-total"] [data-export="svg"]')).bytes)
    expect((await lastSnapshot(page)).rule).toBe("public")
    await backToExact()
    const exact = await download('[data-export-for="slide-total"] [data-export="svg-exact"]')
    for (const year of small) expect(suppressedPeriods(byDefault), `${year}`).toContain(year)
    expect(suppressedPeriods(text(exact.bytes)).size).toBe(0)
    expect(exact.name).toContain("-restricted-")
  }, 180_000)

  it("the CPN map's default PNG is drawn from the public ranking, the screen's ranking comes back", async () => {
    await page.goto(`${served.url}?page=planning&lang=en`)
    await page.waitForSelector('[data-testid="ranking"] tbody tr[data-district]', { timeout: 120_000 })
    const ranks = () =>
      page.$$eval('[data-testid="ranking"] tbody tr[data-district]', (els) =>
        els.map((e) => e.getAttribute("data-district")),
      )
    const exactRanks = await ranks()
    // the public ranking, as the ranking CSV's default (public) version orders it
    const [dl] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-testid="export-ranking"]'),
    ])
    const csvRanks = readFileSync(await dl.path(), "utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter((l) => l !== "" && !/^"?#/.test(l))
      .slice(1)
      .map((l) => l.split(",")[1] ?? "")
    // the release's public ranking differs from the exact one, so the check tells them apart
    expect(csvRanks.slice(0, exactRanks.length)).not.toEqual(exactRanks)
    await instrument(page)
    const png = await download('[data-export-for="planning-map"] [data-export="png"]')
    const during = await lastSnapshot(page)
    expect(during.rule).toBe("public")
    expect(during.ranks).toEqual(csvRanks.slice(0, during.ranks.length))
    expect(png.name).not.toContain("restricted")
    await backToExact()
    await expect.poll(ranks, { timeout: 30_000 }).toEqual(exactRanks)
  }, 240_000)

  it("throws nothing", () => {
    expect(pageErrors).toEqual([])
  })
})
