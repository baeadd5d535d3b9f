/**
 * One number everywhere: a release written by the real `publish` (synthetic cases, planners tier)
 * served by the real server, and for every province the first paint, the live map table, the side
 * panel's total and per-year series and the province brief give the number the facts cube holds
 * under the release's screen rule; the small multiples show every province; legend classes never
 * overlap. Runs on a 300-case release (the national scale of a year) and, with
 * LP_CONSISTENCY_SAMPLE=1, on the sample `pnpm start` ships (SAMPLE_SEED, 2005-2024; slow).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { Place } from "@lao-protect/domain"
import {
  domainModel,
  importFile,
  type NodeConnector,
  openWarehouse,
  publish,
  recordSyntheticFile,
  SAMPLE_SEED,
  writeSynthCsv,
} from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Served, serve } from "../server/serve.ts"
import { en } from "../src/i18n/en.ts"
import { screenThreshold, suppress } from "../src/lib/suppress.ts"
import { launch, settle, waitForViews } from "./browser.ts"

const RELEASES: ReadonlyArray<{ name: string; seed: number; cases?: number }> = [
  { name: "300 cases", seed: 14, cases: 300 },
  ...(process.env.LP_CONSISTENCY_SAMPLE === "1"
    ? [{ name: "the pnpm start sample", seed: SAMPLE_SEED }]
    : []),
]
const PROVINCES = Place.provinces.map((p) => p.code)

describe.each(RELEASES)("every view agrees on $name", ({ seed, cases }) => {
  let dataRoot: string
  let served: Served
  let browser: Browser
  let page: Page
  let facts: NodeConnector
  let k: number
  let firstPaint: { provinces: Array<{ province: string; n: number | null; suppressed: boolean }> }
  const totals = new Map<string, number>()
  const perYear = new Map<string, number>()
  let years: [number, number]

  /** The text every view shows for a raw count under the release's screen rule (English). */
  const text = (n: number | undefined) => {
    const cell = suppress(n ?? 0, k)
    return cell.kind === "value"
      ? new Intl.NumberFormat("en").format(cell.n)
      : cell.kind === "suppressed"
        ? en.suppressed.replace("{k}", String(k))
        : en.noData
  }

  beforeAll(async () => {
    dataRoot = mkdtempSync(join(tmpdir(), "lao-protect-consistency-"))
    const csv = join(dataRoot, "synthetic.csv")
    const written = await writeSynthCsv(csv, {
      seed,
      fromYear: 2005,
      toYear: 2024,
      ...(cases ? { cases } : {}),
    })
    const wh = await openWarehouse(join(dataRoot, "warehouse", "w.duckdb"))
    let dir: string
    try {
      await recordSyntheticFile(wh, written)
      await importFile(wh, { file: csv, model: domainModel(), writeRejected: false })
      const result = await publish({
        warehouse: wh,
        out: join(dataRoot, "published"),
        keyFile: join(dataRoot, "warehouse", "publish.key"),
      })
      dir = result.dir
      k = screenThreshold(result.manifest)
    } finally {
      await wh.close()
    }
    firstPaint = JSON.parse(readFileSync(join(dir, "first_paint.json"), "utf8"))
    facts = await openWarehouse(":memory:")
    await facts.query("CREATE TABLE facts AS SELECT * FROM read_parquet($1)", [join(dir, "facts.parquet")])
    for (const r of await facts.query<{ province: string; n: number }>(
      "SELECT province, CAST(sum(n) AS INTEGER) AS n FROM facts WHERE province IS NOT NULL GROUP BY ALL",
    ))
      totals.set(r.province, r.n)
    for (const r of await facts.query<{ province: string; year: number; n: number }>(
      "SELECT province, year, CAST(sum(n) AS INTEGER) AS n FROM facts WHERE province IS NOT NULL GROUP BY ALL",
    ))
      perYear.set(`${r.province}|${r.year}`, r.n)
    const [span] = await facts.query<{ y0: number; y1: number }>(
      "SELECT min(year) AS y0, max(year) AS y1 FROM facts",
    )
    years = [span!.y0, span!.y1]
    const appDir = resolve(import.meta.dirname, "..")
    served = await serve({ dist: join(appDir, "dist"), dataRoot, port: 0 })
    browser = await launch()
    page = await (await browser.newContext({ viewport: { width: 1400, height: 1100 } })).newPage()
    await page.goto(served.url)
    await waitForViews(page)
  }, 900_000)

  afterAll(async () => {
    await browser?.close()
    await served?.close()
    await facts?.close()
    if (dataRoot) rmSync(dataRoot, { recursive: true, force: true })
  })

  it("the first paint and the live map show the same number or mark for every province", async () => {
    const table = await page.$$eval('[data-testid="area-table"] tbody tr', (rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute("data-pcode"), r.querySelector("td")?.textContent])),
    )
    const painted = new Map(firstPaint.provinces.map((p) => [p.province, p]))
    for (const code of PROVINCES) {
      const fp = painted.get(code)
      const fpText = fp?.suppressed ? en.suppressed.replace("{k}", String(k)) : text(fp?.n ?? 0)
      expect(fpText, `first paint ${code}`).toBe(text(totals.get(code)))
      expect(table[code], `map table ${code}`).toBe(text(totals.get(code)))
    }
  })

  it("the side panel's total and per-year series are the province's, and the brief agrees", async () => {
    for (const code of PROVINCES) {
      await page.click(`[data-testid="area-table"] tr[data-pcode="${code}"] button`)
      await settle(page)
      await page.waitForSelector(`[data-testid="side-panel"][data-area="${code}"]`)
      await expect
        .poll(() => page.textContent('[data-testid="panel-total"]'), {
          timeout: 30_000,
          message: `panel total ${code}`,
        })
        .toBe(text(totals.get(code)))
      const series = await page.$$eval('[data-testid="chart-years"] tr', (rows) =>
        Object.fromEntries(
          rows.map((r) => [r.getAttribute("data-code"), r.querySelector("td")?.textContent ?? ""]),
        ),
      )
      for (let y = years[0]; y <= years[1]; y++) {
        const n = perYear.get(`${code}|${y}`)
        if (n === undefined) expect(series[String(y)] ?? en.noData, `${code} ${y}`).toBe(en.noData)
        else expect(series[String(y)], `panel ${code} ${y}`).toBe(text(n))
      }
    }
    for (const code of ["LA16", "LA18", PROVINCES[0]!]) {
      await page.click(`[data-testid="area-table"] tr[data-pcode="${code}"] button`)
      await settle(page)
      await page.click('[data-testid="open-brief"]')
      await page.waitForSelector(
        `[data-testid="page-brief"][data-province="${code}"] [data-testid="brief-total"]`,
      )
      await expect
        .poll(() => page.textContent('[data-testid="brief-total"]'), {
          timeout: 30_000,
          message: `brief ${code}`,
        })
        .toBe(text(totals.get(code)))
      await page.click('nav.pages button[data-page="map"]')
      await waitForViews(page)
    }
  }, 300_000)

  it("the national per-year series and each one-dimension filter give the cube's numbers", async () => {
    await page.click('[data-testid="side-panel"] header button')
    await settle(page)
    const national = await page.$$eval('[data-testid="chart-years"] tr', (rows) =>
      Object.fromEntries(
        rows.map((r) => [r.getAttribute("data-code"), r.querySelector("td")?.textContent ?? ""]),
      ),
    )
    for (const r of await facts.query<{ year: number; n: number }>(
      "SELECT year, CAST(sum(n) AS INTEGER) AS n FROM facts GROUP BY ALL",
    ))
      expect(national[String(r.year)], `national ${r.year}`).toBe(text(r.n))
    const FILTERS = [
      ["victimGroup", "victim_group"],
      ["sex", "sex"],
      ["ageBand", "age_band"],
      ["ethnicityFamily", "ethnicity_family"],
      ["exploitationForm", "exploitation_form"],
      ["destination", "destination"],
      ["borderPoint", "border_point"],
      ["stage", "stage"],
    ] as const
    for (const [filter, column] of FILTERS) {
      const [top] = await facts.query<{ v: string }>(
        `SELECT CAST(${column} AS VARCHAR) AS v FROM facts WHERE ${column} IS NOT NULL GROUP BY ALL ORDER BY sum(n) DESC, v LIMIT 1`,
      )
      if (!top) continue
      await page.selectOption(`select[data-filter="${filter}"]`, top.v)
      await settle(page)
      const expected = new Map(
        (
          await facts.query<{ province: string; n: number }>(
            `SELECT province, CAST(sum(n) AS INTEGER) AS n FROM facts WHERE province IS NOT NULL AND CAST(${column} AS VARCHAR) = $1 GROUP BY ALL`,
            [top.v],
          )
        ).map((r) => [r.province, r.n]),
      )
      await expect
        .poll(
          () =>
            page.$$eval('[data-testid="area-table"] tbody tr', (rows) =>
              Object.fromEntries(
                rows.map((r) => [r.getAttribute("data-pcode"), r.querySelector("td")?.textContent]),
              ),
            ),
          { timeout: 30_000, message: `${filter} = ${top.v}` },
        )
        .toEqual(Object.fromEntries(PROVINCES.map((code) => [code, text(expected.get(code))])))
      await page.selectOption(`select[data-filter="${filter}"]`, "")
      await settle(page)
    }
  }, 300_000)

  it("the legend's classes never overlap and the header carries no developer timing", async () => {
    const labels = await page.$$eval('.legend [data-legend="class"]', (els) =>
      els.map((e) => e.textContent ?? ""),
    )
    const ranges = labels.map((l) => l.split("\u2013").map((s) => Number(s.replace(/,/g, ""))))
    for (let i = 1; i < ranges.length; i++)
      expect(ranges[i]![0], labels.join(" | ")).toBeGreaterThan(ranges[i - 1]!.at(-1)!)
    expect(await page.textContent("header.top")).not.toMatch(/\bms\b|Updated in/)
  })

  it("the by-province small multiples show every province", async () => {
    await page.click('nav.pages button[data-page="trends"]')
    await page.waitForSelector('[data-testid="page-trends"]')
    await page.selectOption('select[data-control="breakdown"]', "province")
    await page.waitForSelector('[data-testid="small-multiples"]')
    const panels = await page.$$eval('[data-testid="small-multiples"] [data-panel]', (els) =>
      els.map((e) => e.getAttribute("data-panel")),
    )
    for (const code of PROVINCES) expect(panels, code).toContain(`province-${code}`)
  })
})
