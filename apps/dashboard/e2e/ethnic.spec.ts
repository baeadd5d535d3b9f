/** Issue 21: the ethnic group is a shared filter like the family; map, flows, panel and URL follow it. */

import { readFile } from "node:fs/promises"
import { Ethnicity } from "@lao-protect/domain"
import {
  areaBreakdown,
  ethnicityByProvince,
  flowCounts,
  languageNeeds,
  provinceCounts,
} from "@lao-protect/warehouse"
import type { NodeConnector } from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { languageShare } from "../src/components/LanguageNeeds.tsx"
import { en } from "../src/i18n/en.ts"
import { suppress } from "../src/lib/suppress.ts"
import { launch, settle, shot, waitForViews } from "./browser.ts"
import { FLOW_THRESHOLD, openFixture, THRESHOLD } from "./fixture.ts"

const baseUrl = inject("baseUrl")
/** MapView draws at most this many flows (importing MapView would load Leaflet in Node). */
const MAX_FLOWS = 40
let browser: Browser
let page: Page
let node: NodeConnector

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
const flowPaths = (p: Page) => p.$$eval(".leaflet-flows-pane path", (els) => els.length)
const drawable = async (filters: object) =>
  Math.min(
    MAX_FLOWS,
    (await flowCounts(node, filters, { source: "naive" })).filter((f) => f.n >= FLOW_THRESHOLD).length,
  )

beforeAll(async () => {
  node = await openFixture()
  browser = await launch()
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 } })
  page = await context.newPage()
  await page.goto(`${baseUrl}?lang=en`)
  await waitForViews(page)
})
afterAll(async () => {
  await browser?.close()
  await node?.close()
})

describe("ethnic group filter in Chromium", () => {
  it("offers every group with its name; choosing one changes the map, the flows, the panel and the URL", async () => {
    const options = await page.$$eval('select[data-filter="ethnicGroup"] option', (os) =>
      os.map((o) => [o.getAttribute("value"), o.textContent]),
    )
    expect(options.length).toBe(Object.keys(Ethnicity.groupLabels).length + 1)
    expect(options).toContainEqual(["hmong", Ethnicity.groupLabels.hmong.en])
    const before = await tableTexts(page)
    const flowsBefore = await flowPaths(page)
    expect(flowsBefore).toBe(await drawable({}))

    await page.selectOption('select[data-filter="ethnicGroup"]', "hmong")
    await settle(page)
    expect(new URL(page.url()).searchParams.get("grp")).toBe("hmong")
    const filters = { ethnicGroup: "hmong" }
    const expected = new Map(
      (await provinceCounts(node, filters, { source: "naive" })).map((r) => [r.province, r.n]),
    )
    const after = await tableTexts(page)
    expect(after).not.toEqual(before)
    for (const [code, text] of Object.entries(after))
      expect(text, code ?? "").toBe(expectedText(expected.get(code)))
    const flowsAfter = await flowPaths(page)
    expect(flowsAfter).toBe(await drawable(filters))
    expect(flowsAfter).toBeLessThan(flowsBefore)

    await page.$eval('.leaflet-overlay-pane path[data-pcode="LA01"]', (el) =>
      el.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: 1, clientY: 1 })),
    )
    await page.waitForSelector('[data-testid="side-panel"][data-area="LA01"]')
    await settle(page)
    const rows = await areaBreakdown(node, filters, { province: "LA01" }, { source: "naive" })
    expect(await page.textContent('[data-testid="panel-total"]')).toBe(
      expectedText(rows.find((r) => r.dimension === "total")?.n),
    )
    await shot(page, "ethnic-group-hmong")

    // the link reproduces the filter
    const other = await page.context().newPage()
    await other.goto(page.url())
    await waitForViews(other)
    expect(await other.inputValue('select[data-filter="ethnicGroup"]')).toBe("hmong")
    expect(await tableTexts(other)).toEqual(after)
    await other.close()
  })

  it("shows ethnicity x province as a sortable heat table, suppressed as the SQL says, and exports it", async () => {
    await page.goto(`${baseUrl}?lang=en`)
    await waitForViews(page)
    await page.waitForSelector('[data-testid="ethnicity-table"] td[data-cell="value"]')
    const rows = await ethnicityByProvince(node, {}, { source: "naive" })
    const n = new Map(rows.map((r) => [`${r.ethnic_group}|${r.province}`, r.n]))
    const cells = await page.$$eval('[data-testid="ethnicity-table"] td', (tds) =>
      tds.map((td) => [
        td.closest("tr")?.getAttribute("data-group"),
        td.getAttribute("data-pcode"),
        td.getAttribute("data-cell"),
        td.textContent,
      ]),
    )
    expect(cells.length).toBeGreaterThan(0)
    for (const [g, p, kind, text] of cells) {
      const count = n.get(`${g}|${p}`) ?? 0
      if (kind === "value") {
        expect(count, `${g} ${p}`).toBeGreaterThanOrEqual(THRESHOLD)
        expect(text).toBe(new Intl.NumberFormat("en").format(count))
      } else if (kind === "suppressed") expect(count, `${g} ${p}`).toBeGreaterThan(0)
      else expect(count, `${g} ${p}`).toBe(0)
    }
    await page.click('[data-testid="ethnicity-table"] button[data-sort-by="LA01"]')
    await page.waitForSelector('[data-testid="ethnicity-table"][data-sort="LA01"]')
    const la01 = await page.$$eval('[data-testid="ethnicity-table"] td[data-pcode="LA01"]', (tds) =>
      tds.map((td) =>
        td.getAttribute("data-cell") === "value" ? Number((td.textContent ?? "").replace(/,/g, "")) : 0,
      ),
    )
    expect(la01).toEqual([...la01].sort((a, b) => b - a))
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-export="ethnicity-csv"]'),
    ])
    const csv = await readFile((await download.path())!, "utf8")
    expect(csv).toContain("LA01")
    expect(csv).toContain(`suppressed (<${THRESHOLD})`)
    const numbers = csv
      .split(/\r?\n/)
      .filter((l) => !l.startsWith("\ufeff") && !l.startsWith('"#') && !l.startsWith("#"))
      .flatMap((l) => l.split(","))
      .filter((c) => /^\d+$/.test(c))
      .map(Number)
    expect(numbers.length).toBeGreaterThan(0)
    for (const v of numbers) expect(v).toBeGreaterThanOrEqual(THRESHOLD)
  })

  it("shows language needs per province, never below the threshold", async () => {
    await page.waitForSelector('[data-testid="language-needs"] tr[data-cell="value"]')
    const rows = new Map((await languageNeeds(node, {})).map((r) => [r.province, r]))
    const shown = await page.$$eval('[data-testid="language-needs"] tr', (trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-pcode"),
        tr.getAttribute("data-cell"),
        tr.querySelector("td")?.textContent,
      ]),
    )
    expect(shown).toHaveLength(18)
    for (const [p, kind, text] of shown) {
      const r = rows.get(p!)
      const share = r ? languageShare(r, THRESHOLD) : null
      if (share !== null) {
        expect(kind, p!).toBe("value")
        expect(text).toBe(`${new Intl.NumberFormat("en", { maximumFractionDigits: 0 }).format(share)} %`)
        expect(r!.not_lao).toBeGreaterThanOrEqual(THRESHOLD)
      } else expect(kind, p!).not.toBe("value")
    }
    expect(shown.find(([p]) => p === "LA18")![1]).not.toBe("value")
  })
})
