/** Issue 21: a border checkpoint opens its profile by mouse and by keyboard; checkpoints are ranked. */
import { Place } from "@lao-protect/domain"
import { borderPointCounts, checkpointProfile } from "@lao-protect/warehouse"
import type { NodeConnector } from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { en } from "../src/i18n/en.ts"
import { suppress } from "../src/lib/suppress.ts"
import { launch, settle, shot, waitForViews } from "./browser.ts"
import { openFixture, THRESHOLD } from "./fixture.ts"

const baseUrl = inject("baseUrl")
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

/** The profile on screen matches the same view SQL run in Node. */
const checkProfile = async (id: string) => {
  await page.waitForSelector(
    `[data-testid="checkpoint-profile"][data-checkpoint="${id}"] [data-testid="cp-years"]`,
  )
  await settle(page)
  expect(new URL(page.url()).searchParams.get("cp")).toBe(id)
  const rows = await checkpointProfile(node, {}, id, { source: "naive" })
  const total = rows.find((r) => r.dimension === "total")?.n
  expect(await page.textContent('[data-testid="checkpoint-total"]')).toBe(expectedText(total))
  const info = Place.checkpoints.find((c) => c.id === id)!
  expect(await page.textContent('[data-testid="checkpoint-kind"]')).toBe(info.kind)
  expect(await page.textContent('[data-testid="checkpoint-counterpart"]')).toBe(info.counterpart ?? en.none)
  const years = await page.$$eval('[data-testid="cp-years"] tr[data-code]', (trs) =>
    trs.map((tr) => tr.getAttribute("data-code")),
  )
  expect(years.sort()).toEqual(
    rows
      .filter((r) => r.dimension === "year")
      .map((r) => r.code)
      .sort(),
  )
  for (const dim of [
    "cp-provinces",
    "cp-destinations",
    "cp-victim-groups",
    "cp-ethnic-groups",
    "cp-sex",
    "cp-age",
  ])
    expect(
      await page.$$eval(`[data-testid="${dim}"] tr[data-code]`, (trs) => trs.length),
      dim,
    ).toBeGreaterThan(0)
}

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

describe("border checkpoint profile in Chromium", () => {
  it("ranks checkpoints by cases, suppressed ones last, as the view SQL says", async () => {
    const shown = await page.$$eval('[data-testid="checkpoint-ranking"] tr[data-checkpoint]', (trs) =>
      trs.map((tr) => [
        tr.getAttribute("data-checkpoint"),
        tr.querySelector("td:last-child")?.textContent ?? "",
      ]),
    )
    const counts = await borderPointCounts(node, {}, { source: "naive" })
    expect(shown).toHaveLength(counts.length)
    const byId = new Map(counts.map((c) => [c.border_point, c.n]))
    for (const [id, text] of shown) expect(text, id ?? "").toBe(expectedText(byId.get(id!)))
    const values = shown.map(([id]) => byId.get(id!)!).map((n) => (n >= THRESHOLD ? n : -1))
    expect(values).toEqual([...values].sort((a, b) => b - a))
  })

  it("opens a checkpoint's profile with a mouse click on the map", async () => {
    const top = await page.getAttribute(
      '[data-testid="checkpoint-ranking"] tr[data-checkpoint]',
      "data-checkpoint",
    )
    await page.click(`.leaflet-points-pane path[data-checkpoint="${top}"]`)
    await checkProfile(top!)
    await shot(page, "checkpoint-profile")
  })

  it("opens another checkpoint's profile with Enter on the map, and closes it", async () => {
    const ids = await page.$$eval('[data-testid="checkpoint-ranking"] tr[data-checkpoint]', (trs) =>
      trs.map((tr) => tr.getAttribute("data-checkpoint")),
    )
    const second = ids[1]!
    await page.focus(`.leaflet-points-pane path[data-checkpoint="${second}"]`)
    await page.keyboard.press("Enter")
    await checkProfile(second)
    await page.click('[data-testid="checkpoint-close"]')
    await page.waitForSelector('[data-testid="checkpoint-profile"]', { state: "detached" })
    expect(new URL(page.url()).searchParams.get("cp")).toBeNull()
  })

  it("the checkpoint filter highlights its circle on the map", async () => {
    const id = await page.getAttribute(
      '[data-testid="checkpoint-ranking"] tr[data-checkpoint]',
      "data-checkpoint",
    )
    await page.selectOption('select[data-filter="borderPoint"]', id!)
    await settle(page)
    expect(
      await page.getAttribute(`.leaflet-points-pane path[data-checkpoint="${id}"]`, "stroke-width"),
    ).toBe("4")
  })
})
