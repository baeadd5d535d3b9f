/**
 * Issue 21's map measures and checkpoint trends in Chromium, checked against the same view SQL run
 * in Node on the fixture release (kept apart from consistency.spec.ts, which the one-number work
 * extends): the small-area rate, the minority share and the identification settings give each
 * province the count the count map, the panel and the export give; the checkpoints rank by trend
 * and a checkpoint's profile shows its returns per year and their trend.
 */
import { Place } from "@lao-protect/domain"
import {
  checkpointProfile,
  checkpointYears,
  identifiedVsOrigin,
  provinceCounts,
  provinceMeasures,
} from "@lao-protect/warehouse"
import type { NodeConnector } from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { byGap } from "../src/components/IdentifiedVsOrigin.tsx"
import { en } from "../src/i18n/en.ts"
import {
  ebRateValues,
  identifiedOriginCells,
  identifiedValues,
  minorityValues,
  provinceTotals,
} from "../src/lib/measures.ts"
import { suppress } from "../src/lib/suppress.ts"
import { compareTrends, windowTrend } from "../src/lib/trend.ts"
import { launch, settle, shot, waitForViews } from "./browser.ts"
import { openFixture, THRESHOLD } from "./fixture.ts"

const baseUrl = inject("baseUrl")
const PROVINCES = Place.provinces.map((p) => p.code as string)
let browser: Browser
let page: Page
let node: NodeConnector
let span: [number, number]

const countText = (n: number | undefined) => {
  const cell = suppress(n ?? 0, THRESHOLD)
  return cell.kind === "value"
    ? new Intl.NumberFormat("en").format(cell.n)
    : cell.kind === "suppressed"
      ? en.suppressed.replace("{k}", String(THRESHOLD))
      : en.noData
}
const fmt = (n: number, d: number) => new Intl.NumberFormat("en", { maximumFractionDigits: d }).format(n)

/** Every area-table row: the measure's text, its interval and its cases column. */
const table = (p: Page) =>
  p.$$eval('[data-testid="area-table"] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.getAttribute("data-pcode") ?? "",
        {
          value: r.querySelector("td")?.textContent ?? "",
          interval: r.querySelector('td[data-col="interval"]')?.textContent ?? "",
          cases: r.querySelector('td[data-col="cases"]')?.textContent ?? "",
          origin: r.querySelector('td[data-col="origin"]')?.textContent ?? "",
        },
      ]),
    ),
  )

const open = async (query: string) => {
  await page.goto(`${baseUrl}?lang=en&${query}`)
  await waitForViews(page)
  await page.waitForSelector('[data-testid="area-table"][data-measure="ready"]', { timeout: 60_000 })
  await settle(page)
}

beforeAll(async () => {
  node = await openFixture()
  const [y] = await node.query<{ y0: number; y1: number }>(
    "SELECT min(year) AS y0, max(year) AS y1 FROM facts",
  )
  span = [y!.y0, y!.y1]
  browser = await launch()
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 } })
  page = await context.newPage()
})
afterAll(async () => {
  await browser?.close()
  await node?.close()
})

describe("issue 21 map measures agree with the count map, the panel and the view SQL", () => {
  it("small-area rates: planning's estimate per province, its interval, and the province's own count", async () => {
    await open("measure=rate_eb")
    const counts = new Map(
      (await provinceCounts(node, {}, { source: "naive" })).map((r) => [r.province ?? "", r.n]),
    )
    const expected = ebRateValues(
      PROVINCES,
      (c) => suppress(counts.get(c) ?? 0, THRESHOLD),
      (c) => counts.get(c) ?? 0,
      span[1] - span[0] + 1,
    )
    const shown = await table(page)
    for (const code of PROVINCES) {
      const e = expected.get(code)!
      expect(shown[code]!.cases, `${code} cases`).toBe(countText(counts.get(code)))
      if (e.value === null) {
        expect(shown[code]!.value, code).toBe(countText(counts.get(code)))
        expect(shown[code]!.interval, code).toBe("")
      } else {
        expect(shown[code]!.value, code).toBe(fmt(e.value, 1))
        expect(shown[code]!.interval, code).toBe(
          `${fmt(e.interval!.lower, 1)}\u2013${fmt(e.interval!.upper, 1)}`,
        )
      }
    }
    // LA18 has 3 cases: hidden under the release's rule, no estimate drawn
    expect(await page.getAttribute('.leaflet-overlay-pane path[data-pcode="LA18"]', "data-cell")).toBe(
      "suppressed",
    )
    const label = await page.getAttribute('.leaflet-overlay-pane path[data-pcode="LA01"]', "aria-label")
    expect(label).toContain(`${fmt(expected.get("LA01")!.value!, 1)} per 100,000 a year (90%:`)
    expect(await page.textContent('[data-testid="measure-note"]')).toContain("2015 census")
    expect(await page.textContent(".legend h3")).toContain("small-area estimate")
    // the same number in the side panel
    await page.click('[data-testid="area-table"] tr[data-pcode="LA01"] button')
    await settle(page)
    await expect
      .poll(() => page.textContent('[data-testid="panel-total"]'), { timeout: 30_000 })
      .toBe(countText(counts.get("LA01")))
    const e = expected.get("LA01")!
    expect(await page.textContent('[data-testid="panel-measure"]')).toContain(
      `${fmt(e.value!, 1)} per 100,000 a year (90%: ${fmt(e.interval!.lower, 1)}\u2013${fmt(e.interval!.upper, 1)}); cases: ${countText(counts.get("LA01"))}`,
    )
    await shot(page, "measure-rate-eb")
  })

  it("minority share: every group but Lao among recorded groups, hidden when either part is small", async () => {
    await open("measure=minority_share")
    const totals = provinceTotals(await provinceMeasures(node, {}))
    const expected = minorityValues(PROVINCES, totals, THRESHOLD)
    const shown = await table(page)
    for (const code of PROVINCES) {
      const e = expected.get(code)!
      expect(shown[code]!.value, code).toBe(
        e.value === null
          ? e.cell.kind === "suppressed"
            ? en.suppressed.replace("{k}", String(THRESHOLD))
            : en.noData
          : fmt(e.value, 0),
      )
      if (e.interval)
        expect(shown[code]!.interval).toBe(`${fmt(e.interval.lower, 0)}\u2013${fmt(e.interval.upper, 0)}`)
    }
    expect(await page.textContent('[data-testid="measure-note"]')).toContain(`reach ${THRESHOLD}.`)
  })

  it("identification settings: cases identified at a setting per province, following the shared filters", async () => {
    await open("measure=identified")
    await page.selectOption('select[data-control="ident"]', "hotline")
    await settle(page)
    expect(new URL(page.url()).searchParams.get("ident")).toBe("hotline")
    expect(new URL(page.url()).searchParams.get("measure")).toBe("identified")
    const check = async (filters: { ethnicGroup?: string }) => {
      const expected = identifiedValues(
        PROVINCES,
        provinceTotals(await provinceMeasures(node, filters)),
        "hotline",
        THRESHOLD,
      )
      await expect
        .poll(
          async () =>
            Object.fromEntries(Object.entries(await table(page)).map(([code, r]) => [code, r.value])),
          { timeout: 30_000 },
        )
        .toEqual(
          Object.fromEntries(
            PROVINCES.map((code) => {
              const e = expected.get(code)!
              return [
                code,
                countText(e.cell.kind === "value" ? e.cell.n : e.cell.kind === "suppressed" ? 1 : 0),
              ]
            }),
          ),
        )
    }
    await check({})
    expect(await page.textContent(".legend h3")).toContain("Hotline")
    await page.selectOption('select[data-filter="ethnicGroup"]', "hmong")
    await settle(page)
    await page.waitForSelector('[data-testid="area-table"][data-measure="ready"]')
    await check({ ethnicGroup: "hmong" })
    await shot(page, "measure-identified-hotline-hmong")
  })
})

describe("where victims are identified against where they come from (issue 21)", () => {
  it("identified in the province: the facts cube's count per province, the origin beside it, under the filters", async () => {
    await open("measure=identified_here")
    expect(await page.textContent(".legend h3")).toContain("Cases identified in the province")
    const check = async (filters: { ethnicGroup?: string }, where: string) => {
      const cells = identifiedOriginCells(await identifiedVsOrigin(node, filters), THRESHOLD)
      const expected = Object.fromEntries(
        PROVINCES.map((code) => {
          const c = cells.get(code)
          const text = (cell: typeof c extends undefined ? never : NonNullable<typeof c>["identified"]) =>
            countText(cell.kind === "value" ? cell.n : cell.kind === "suppressed" ? 1 : 0)
          return [code, c ? `${text(c.identified)}|${text(c.origin)}` : `${en.noData}|${en.noData}`]
        }),
      )
      await expect
        .poll(
          async () =>
            Object.fromEntries(
              Object.entries(await table(page)).map(([code, r]) => [code, `${r.value}|${r.origin}`]),
            ),
          { timeout: 30_000 },
        )
        .toEqual(expected)
      // one province against the cube itself, not only against the view
      const [la01] = await node.query<{ n: number }>(
        `SELECT CAST(sum(n) AS INTEGER) AS n FROM facts WHERE identification_province = 'LA01' AND ${where}`,
      )
      expect((await table(page)).LA01!.value).toBe(countText(la01!.n))
      // the comparison ranks the largest gap (many from there, few identified there) first
      const order = await page.$$eval('[data-testid="identified-origin-table"] tbody tr', (rows) =>
        rows.map((r) => r.getAttribute("data-pcode") ?? ""),
      )
      expect(order).toEqual(byGap(PROVINCES, cells))
      return cells
    }
    const cells = await check({}, "true")
    const la06 = cells.get("LA06")!
    const label = await page.getAttribute('.leaflet-overlay-pane path[data-pcode="LA06"]', "aria-label")
    expect(label).toContain(
      `${countText(la06.identified.kind === "value" ? la06.identified.n : 0)} identified here; ${countText(la06.origin.kind === "value" ? la06.origin.n : 0)} from here`,
    )
    expect(await page.textContent('[data-testid="measure-note"]')).toContain(
      "where the person was identified",
    )
    await page.selectOption('select[data-filter="ethnicGroup"]', "hmong")
    await settle(page)
    await page.waitForSelector('[data-testid="area-table"][data-measure="ready"]')
    await check({ ethnicGroup: "hmong" }, "ethnic_group = 'hmong'")
    await shot(page, "measure-identified-here-hmong")
  })
})

describe("checkpoint trends", () => {
  it("rank checkpoints by trend (last three years against the three before), as the view SQL says", async () => {
    await open("layers=checkpoints")
    await page.selectOption('select[data-control="checkpoint-rank"]', "trend")
    await page.waitForSelector('[data-testid="checkpoint-ranking"][data-rank-by="trend"]')
    await page.waitForSelector(
      '[data-testid="checkpoint-ranking"] tr[data-trend]:not([data-trend="pending"])',
    )
    const rows = await page.$$eval('[data-testid="checkpoint-ranking"] tr[data-checkpoint]', (trs) =>
      trs.map(
        (tr) => [tr.getAttribute("data-checkpoint") ?? "", tr.getAttribute("data-trend") ?? ""] as const,
      ),
    )
    const series = new Map<string, Map<number, number>>()
    for (const r of await checkpointYears(node, {}, { source: "naive" })) {
      const s = series.get(r.border_point) ?? new Map<number, number>()
      s.set(r.year, (s.get(r.year) ?? 0) + r.n)
      series.set(r.border_point, s)
    }
    const trends = new Map([...series].map(([id, s]) => [id, windowTrend(s, span[0], span[1], THRESHOLD)]))
    for (const [id, call] of rows) expect(call, id).toBe(trends.get(id)!.call)
    const ordered = rows.map(([id]) => trends.get(id)!)
    for (let i = 1; i < ordered.length; i++)
      expect(compareTrends(ordered[i - 1]!, ordered[i]!)).toBeLessThanOrEqual(0)
    expect(await page.textContent('[data-testid="checkpoint-trend-note"]')).toContain(
      `${span[1] - 2}\u2013${span[1]}`,
    )
  })

  it("a checkpoint's profile shows its returns per year and their trend", async () => {
    await open("layers=checkpoints&cp=T1")
    await page.waitForSelector(
      '[data-testid="checkpoint-profile"][data-checkpoint="T1"] [data-testid="cp-returns"]',
    )
    const profile = await checkpointProfile(node, {}, "T1", { source: "naive" })
    const returns = new Map(
      profile
        .filter((r) => r.dimension === "year" && r.code?.endsWith("|return"))
        .map((r) => [Number(r.code!.split("|")[0]), r.n]),
    )
    const shown = await page.$$eval('[data-testid="cp-returns"] tr[data-code]', (trs) =>
      Object.fromEntries(
        trs.map((tr) => [tr.getAttribute("data-code"), tr.querySelector("td")?.textContent ?? ""]),
      ),
    )
    for (let y = span[0]; y <= span[1]; y++)
      expect(shown[String(y)], String(y)).toBe(countText(returns.get(y)))
    expect(await page.getAttribute('[data-testid="cp-return-trend"]', "data-trend")).toBe(
      windowTrend(returns, span[0], span[1], THRESHOLD).call,
    )
    await shot(page, "checkpoint-return-trend")
  })
})
