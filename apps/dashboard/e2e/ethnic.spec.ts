/** Issue 21: the ethnic group is a shared filter like the family; map, flows, panel and URL follow it. */
import { Ethnicity } from "@lao-protect/domain"
import { areaBreakdown, flowCounts, provinceCounts } from "@lao-protect/warehouse"
import type { NodeConnector } from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
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
})
