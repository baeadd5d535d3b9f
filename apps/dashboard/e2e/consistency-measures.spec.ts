/**
 * One number everywhere, for issue 21's map measures (beside consistency.spec.ts, which the one-number
 * work owns): a release written by the real `publish` (300 synthetic cases, planners tier) served by
 * the real server. For every province the small-area rate's table, tooltip and CSV export carry the
 * province's own count (the number the count map and the side panel give) and planning's estimate
 * from it; the identification-setting and minority measures give the facts cube's numbers in the
 * table, the selected province's panel and the CSV.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { readCsv } from "@lao-protect/csv"
import { Place } from "@lao-protect/domain"
import { type NodeConnector, openWarehouse } from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Served, serve } from "../server/serve.ts"
import { en } from "../src/i18n/en.ts"
import { ebRateValues, shareValue } from "../src/lib/measures.ts"
import { screenThreshold, suppress } from "../src/lib/suppress.ts"
import { launch, settle, waitForViews } from "./browser.ts"
import { syntheticRelease } from "./release-tables.ts"

const PROVINCES = Place.provinces.map((p) => p.code as string)

describe("issue 21's map measures agree with the count map, the panel and the export", () => {
  let dataRoot: string
  let served: Served
  let browser: Browser
  let page: Page
  let facts: NodeConnector
  let k: number
  /** The publication's threshold: what the default (public-rule) CSV applies. */
  let threshold: number
  let years: [number, number]
  const totals = new Map<string, number>()
  /** The context rows of the last CSV export. */
  let notes: ReadonlyArray<string> = []

  const text = (n: number | undefined) => {
    const cell = suppress(n ?? 0, k)
    return cell.kind === "value"
      ? new Intl.NumberFormat("en").format(cell.n)
      : cell.kind === "suppressed"
        ? en.suppressed.replace("{k}", String(k))
        : en.noData
  }
  /** A count as the CSV writes it (defaultCsvLabels). */
  const csvCount = (n: number | undefined) => {
    const cell = suppress(n ?? 0, k)
    return cell.kind === "value"
      ? String(cell.n)
      : cell.kind === "suppressed"
        ? `suppressed (<${k})`
        : "no data"
  }
  /** The default CSV shows no count below the publication's threshold, nor a value computed from one. */
  const heldToThreshold = (csv: Map<string, ReadonlyArray<string>>) => {
    for (const [code, row] of csv) {
      if (row[2] === `suppressed (<${threshold})` || row[2] === "no data")
        for (const cell of row.slice(3))
          expect(Number.isFinite(Number(cell)) && cell !== "", `${code} ${cell}`).toBe(false)
      else expect(Number(row[2]), `${code} count`).toBeGreaterThanOrEqual(threshold)
    }
  }
  const fmt = (n: number, d: number) => new Intl.NumberFormat("en", { maximumFractionDigits: d }).format(n)
  const byProvince = async (sql: string): Promise<Map<string, number>> =>
    new Map((await facts.query<{ province: string; n: number }>(sql)).map((r) => [r.province, r.n] as const))
  const table = () =>
    page.$$eval('[data-testid="area-table"] tbody tr', (rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute("data-pcode") ?? "",
          {
            value: r.querySelector("td")?.textContent ?? "",
            cases: r.querySelector('td[data-col="cases"]')?.textContent ?? "",
          },
        ]),
      ),
    )
  const open = async (query: string) => {
    await page.goto(`${served.url}?lang=en&${query}`)
    await waitForViews(page)
    await page.waitForSelector('[data-testid="area-table"][data-measure="ready"]', { timeout: 60_000 })
    await settle(page)
  }
  /**
   * The map's CSV export as rows keyed by province code (context rows dropped): the exact one, which
   * is the screen in this planners-tier release, or the default one, held to the publication's rule.
   */
  const exported = async (
    which: "csv-exact" | "csv" = "csv-exact",
  ): Promise<Map<string, ReadonlyArray<string>>> => {
    const [dl] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`[data-export-for="map"] [data-export="${which}"]`),
    ])
    const all = readCsv(readFileSync((await dl.path())!, "utf8"))
    notes = all.filter((r) => r.cells[0]!.startsWith("#")).map((r) => r.cells[0]!)
    const records = all.filter((r) => !r.cells[0]!.startsWith("#"))
    return new Map(records.slice(1).map((r) => [r.cells[0]!, r.cells] as const))
  }

  beforeAll(async () => {
    dataRoot = mkdtempSync(join(tmpdir(), "lao-protect-consistency-measures-"))
    const result = await syntheticRelease(dataRoot, { seed: 21, cases: 300 })
    const dir = result.dir
    k = screenThreshold(result.manifest)
    threshold = result.manifest.threshold
    facts = await openWarehouse(":memory:")
    await facts.query("CREATE TABLE facts AS SELECT * FROM read_parquet($1)", [join(dir, "facts.parquet")])
    for (const [p, n] of await byProvince(
      "SELECT province, CAST(sum(n) AS INTEGER) AS n FROM facts WHERE province IS NOT NULL GROUP BY ALL",
    ))
      totals.set(p, n)
    const [span] = await facts.query<{ y0: number; y1: number }>(
      "SELECT min(year) AS y0, max(year) AS y1 FROM facts",
    )
    years = [span!.y0, span!.y1]
    served = await serve({ dist: join(resolve(import.meta.dirname, ".."), "dist"), dataRoot, port: 0 })
    browser = await launch()
    page = await (
      await browser.newContext({ viewport: { width: 1400, height: 1100 }, acceptDownloads: true })
    ).newPage()
  }, 900_000)

  afterAll(async () => {
    await browser?.close()
    await served?.close()
    await facts?.close()
    if (dataRoot) rmSync(dataRoot, { recursive: true, force: true })
  })

  it("small-area rates: each province's count is the count map's, the estimate is planning's, the CSV agrees", async () => {
    await open("measure=rate_eb")
    const expected = ebRateValues(
      PROVINCES,
      (c) => suppress(totals.get(c) ?? 0, k),
      (c) => totals.get(c) ?? 0,
      years[1] - years[0] + 1,
    )
    const shown = await table()
    const csv = await exported()
    for (const code of PROVINCES) {
      const e = expected.get(code)!
      expect(shown[code]!.cases, `${code} cases`).toBe(text(totals.get(code)))
      expect(shown[code]!.value, code).toBe(e.value === null ? text(totals.get(code)) : fmt(e.value, 1))
      const row = csv.get(code)!
      expect(row[2], `${code} CSV count`).toBe(csvCount(totals.get(code)))
      if (e.value !== null) {
        expect(Number(row[3]), `${code} CSV rate`).toBeCloseTo(e.value, 6)
        expect(Number(row[4]), `${code} CSV lower`).toBeCloseTo(e.interval!.lower, 6)
        expect(Number(row[5]), `${code} CSV upper`).toBeCloseTo(e.interval!.upper, 6)
      }
    }
    expect(notes.join("\n")).toContain("2015 census by province")
    heldToThreshold(await exported("csv"))
    expect(notes.join("\n")).toContain("2015 census by province")
    // the busiest province: the panel's total is the table's count, the panel line its estimate
    const top = [...totals].sort((a, b) => b[1] - a[1])[0]![0]
    await page.click(`[data-testid="area-table"] tr[data-pcode="${top}"] button`)
    await settle(page)
    await expect
      .poll(() => page.textContent('[data-testid="panel-total"]'), { timeout: 30_000 })
      .toBe(text(totals.get(top)))
    expect(await page.textContent('[data-testid="panel-measure"]')).toContain(
      `${fmt(expected.get(top)!.value!, 1)} per 100,000 a year`,
    )
  }, 300_000)

  it("identified at border checkpoints: the cube's count per province in the table, the panel and the CSV", async () => {
    await open("measure=identified&ident=border_checkpoint")
    const identified = await byProvince(
      "SELECT province, CAST(sum(n) AS INTEGER) AS n FROM facts WHERE province IS NOT NULL AND identification_setting = 'border_checkpoint' GROUP BY ALL",
    )
    expect([...identified.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    const shown = await table()
    const csv = await exported()
    for (const code of PROVINCES) {
      expect(shown[code]!.value, code).toBe(text(identified.get(code)))
      expect(shown[code]!.cases, code).toBe(text(identified.get(code)))
      expect(csv.get(code)![2], `${code} CSV`).toBe(csvCount(identified.get(code)))
    }
    const held = await exported("csv")
    heldToThreshold(held)
    expect([...held.values()].filter((r) => r[2] === `suppressed (<${threshold})`).length).toBeGreaterThan(0)
    const top = [...identified].sort((a, b) => b[1] - a[1])[0]![0]
    await page.click(`[data-testid="area-table"] tr[data-pcode="${top}"] button`)
    await settle(page)
    await expect
      .poll(() => page.textContent('[data-testid="panel-total"]'), { timeout: 30_000 })
      .toBe(text(totals.get(top)))
    expect(await page.textContent('[data-testid="panel-measure"]')).toContain(
      `${text(identified.get(top))} identified (Border checkpoint)`,
    )
  }, 300_000)

  it("minority share: every recorded group but Lao, as the cube gives it", async () => {
    await open("measure=minority_share")
    const recorded = await byProvince(
      "SELECT province, CAST(sum(n) AS INTEGER) AS n FROM facts WHERE province IS NOT NULL AND ethnic_group NOT IN ('unknown', 'other') GROUP BY ALL",
    )
    const minority = await byProvince(
      "SELECT province, CAST(sum(n) AS INTEGER) AS n FROM facts WHERE province IS NOT NULL AND ethnic_group NOT IN ('unknown', 'other', 'lao') GROUP BY ALL",
    )
    const shown = await table()
    let withShare = 0
    for (const code of PROVINCES) {
      const s = shareValue(minority.get(code) ?? 0, recorded.get(code) ?? 0, k)
      if (s.value !== null) withShare++
      expect(shown[code]!.value, code).toBe(
        s.value !== null
          ? fmt(s.value, 0)
          : s.cell.kind === "suppressed"
            ? en.suppressed.replace("{k}", String(k))
            : en.noData,
      )
    }
    expect(withShare).toBeGreaterThan(0)
    // the screen hides nothing in this release: no "shown only when ... reach 1" in the note
    expect(await page.textContent('[data-testid="measure-note"]')).not.toContain("reach")
    // the default CSV: a share only where its minority part and the rest both reach the publication's threshold
    const held = await exported("csv")
    heldToThreshold(held)
    for (const code of PROVINCES) {
      const part = minority.get(code) ?? 0
      const rest = (recorded.get(code) ?? 0) - part
      const row = held.get(code)!
      if (part < threshold || rest < threshold)
        expect(Number.isFinite(Number(row[3])) && row[3] !== "", `${code} share`).toBe(false)
    }
  }, 300_000)
})
