/**
 * The planning page in headless Chromium against the built app and the fixture publication (facts
 * plus the planning tables from e2e/planning-fixture.ts). Expected rankings are computed in Node with
 * the same planning functions over the same fixture cube, so the browser must agree with them.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { LegalBasis } from "@lao-protect/domain"
import { AreaEstimates, CpnCoverage, FactsInputs, PriorityScore, Shelters } from "@lao-protect/planning"
import type { NodeConnector } from "@lao-protect/warehouse/node"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { en } from "../src/i18n/en.ts"
import { translator } from "../src/i18n/index.ts"
import { planning as planningMessages } from "../src/i18n/planning.ts"
import { places } from "../src/pages/planning/inputs.ts"
import {
  completeInputs,
  districtEstimates,
  scoreWindows,
  withEstimates,
} from "../src/pages/planning/model.ts"
import { launch, shot } from "./browser.ts"
import { openFixture, THRESHOLD } from "./fixture.ts"

const baseUrl = inject("baseUrl")
const repoData = join(import.meta.dirname, "../../../data/planning")

let browser: Browser
let context: BrowserContext
let page: Page
let node: NodeConnector
const pageErrors: Array<string> = []
const consoleErrors: Array<string> = []

const weightsOnly = (c: PriorityScore.ComponentName): PriorityScore.Weights =>
  Object.fromEntries(PriorityScore.componentNames.map((x) => [x, x === c ? 1 : 0])) as never

/** The first-ranked district for these weights, computed in Node as the page should. */
async function expectedTop(
  weights: PriorityScore.Weights,
  filters: FactsInputs.FactsFilters = {},
): Promise<string> {
  return (await expectedRanking(weights, filters))[0]!
}

/** The five first-ranked districts, computed in Node as the page should. */
async function expectedRanking(
  weights: PriorityScore.Weights,
  filters: FactsInputs.FactsFilters = {},
): Promise<ReadonlyArray<string>> {
  const [{ y0, y1 } = { y0: 0, y1: 0 }] = await node.query<{ y0: number; y1: number }>(
    "SELECT min(year)::integer AS y0, max(year)::integer AS y1 FROM facts",
  )
  const inputs = await FactsInputs.priorityInputsFromFacts(
    node,
    {
      ...scoreWindows([y0, y1], null, null),
      // the facts cube is the planners' tier: the page computes from exact counts
      threshold: 1,
    },
    filters,
  )
  const coverage = CpnCoverage.parseCpnCoverage(
    readFileSync(join(repoData, "cpn-coverage.example.csv"), "utf8"),
    places,
  )
  const shelters = Shelters.parseShelters(
    readFileSync(join(repoData, "shelters.example.csv"), "utf8"),
    places,
  )
  const estimates = AreaEstimates.areaEstimates(
    await AreaEstimates.districtYearCountsFromFacts(node, filters),
    places,
    [{ from: y0, to: y1 }],
  )
  const scores = PriorityScore.priorityScores(
    withEstimates(
      completeInputs(inputs.districts, places),
      districtEstimates(estimates, [y0, y1]).byDistrict,
      places,
    ),
    { places, coverage: coverage.rows, shelters: shelters.rows, checkpointFlows: inputs.checkpointFlows },
    weights,
  )
  return scores
    .filter((s) => s.rank !== null && s.rank <= 5)
    .sort((a, b) => a.rank! - b.rank!)
    .map((s) => s.district)
}

const pageRanking = (p: Page) =>
  p.$$eval('[data-testid="ranking"] tbody tr', (rows) =>
    rows
      .map((r) => [Number(r.getAttribute("data-rank")), r.getAttribute("data-district")] as const)
      .filter(([rank]) => rank >= 1 && rank <= 5)
      .sort((a, b) => a[0] - b[0])
      .map(([, d]) => d),
  )

const topDistrict = (p: Page) =>
  p.getAttribute('[data-testid="top-district"]', "data-district", { timeout: 60_000 })

async function setWeights(p: Page, weights: PriorityScore.Weights) {
  // raise the new non-zero weights first, so the set is never all zero on the way
  const order = [...PriorityScore.componentNames].sort((a, b) => weights[b] - weights[a])
  for (const c of order) await p.fill(`[data-weight="${c}"]`, String(weights[c]))
}

async function openPlanning(p: Page, lang = "en") {
  await p.goto(`${baseUrl}?page=planning&lang=${lang}`)
  await p.waitForSelector('.app[data-engine="ready"]', { timeout: 60_000 })
  await p.waitForSelector('[data-testid="page-planning"][data-planning="ready"]', { timeout: 60_000 })
  await p.waitForSelector('[data-testid="ranking"] tbody tr[data-rank="1"]', { timeout: 60_000 })
}

beforeAll(async () => {
  node = await openFixture()
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1400, height: 1100 }, acceptDownloads: true })
  page = await context.newPage()
  page.on("pageerror", (e) => pageErrors.push(String(e)))
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text())
  })
  await openPlanning(page)
})

afterAll(async () => {
  await browser?.close()
  await node?.close()
})

describe("planning page in Chromium", () => {
  it("labels the illustrative coverage and shelters, and shows the formula", async () => {
    expect(await page.getAttribute('[data-testid="input-coverage"]', "data-origin")).toBe("illustrative")
    expect(await page.textContent('[data-testid="origin-coverage"]')).toBe(
      planningMessages.en.planOriginIllustrative,
    )
    expect(await page.getAttribute('[data-testid="input-shelters"]', "data-origin")).toBe("illustrative")
    expect(await page.textContent('[data-testid="formula"]')).toBe(planningMessages.en.planFormula)
    await shot(page, "planning-cpn")
  })

  it("changing a weight changes the ranking, as computed in Node", async () => {
    const byDefault = await expectedTop(PriorityScore.defaultWeights)
    const byShelter = await expectedTop(weightsOnly("distanceToShelter"))
    // the fixture is such that the ranking must change: otherwise this test could not fail
    expect(byShelter).not.toBe(byDefault)
    expect(await topDistrict(page)).toBe(byDefault)
    await setWeights(page, weightsOnly("distanceToShelter"))
    await page.waitForSelector(`[data-testid="top-district"][data-district="${byShelter}"]`, {
      timeout: 10_000,
    })
    const firstRow = await page.getAttribute(
      '[data-testid="ranking"] tbody tr[data-rank="1"]',
      "data-district",
    )
    expect(firstRow).toBe(byShelter)
    // every component of the first district is shown: the ranking is explainable
    const cells = await page.$$eval(
      `[data-testid="ranking"] tbody tr[data-district="${byShelter}"] td[data-component]`,
      (tds) => tds.map((td) => td.getAttribute("data-component")),
    )
    expect(cells).toEqual([...PriorityScore.componentNames])
    await shot(page, "planning-weights-changed")
    await page.click('[data-testid="weights-reset"]')
    await page.waitForSelector(`[data-testid="top-district"][data-district="${byDefault}"]`, {
      timeout: 10_000,
    })
  })

  it("planners' tier: no score input is suppressed on screen, and the page says so", async () => {
    const flagged = await page.$$eval('[data-testid="ranking"] td.plan-flags', (tds) =>
      tds.map((td) => td.textContent ?? "").filter((s) => s.includes("suppressed")),
    )
    expect(flagged).toEqual([])
    expect(await page.textContent('[data-testid="planners-tier-note"]')).toContain("not suppressed")
  })

  it("adding N networks raises the covered share of child victims, on the map and in the table", async () => {
    await page.fill('[data-testid="whatif-n"]', "0")
    await page.waitForSelector('[data-testid="whatif-picks"] tbody:not(:has(tr))', { state: "attached" })
    const before = Number(await page.getAttribute('[data-testid="whatif-before"]', "data-value"))
    expect(Number(await page.getAttribute('[data-testid="whatif-after"]', "data-value"))).toBe(before)
    await page.fill('[data-testid="whatif-n"]', "5")
    await page.waitForSelector('[data-testid="whatif-picks"] tbody tr:nth-child(5)')
    const after = Number(await page.getAttribute('[data-testid="whatif-after"]', "data-value"))
    expect(after).toBeGreaterThan(before)
    const picks = await page.$$eval('[data-testid="whatif-picks"] tbody tr', (rows) =>
      rows.map((r) => r.getAttribute("data-district")),
    )
    expect(picks).toHaveLength(5)
    // the picks are outlined on the map
    await page.waitForSelector(`.planning-map path[data-pcode="${picks[0]}"][data-status="added"]`, {
      state: "attached",
      timeout: 20_000,
    })
    // "added" differs from "has a network" by dash, not only by colour
    expect(await page.getAttribute(`.planning-map path[data-pcode="${picks[0]}"]`, "stroke-dasharray")).toBe(
      "6 4",
    )
    const covered = await page.$('.planning-map path[data-status="covered"]')
    if (covered) expect(await covered.getAttribute("stroke-dasharray")).toBeNull()
    await shot(page, "planning-what-if")
  })

  it("toggling a district edits the coverage and survives a reload", async () => {
    const top = (await topDistrict(page)) as string
    await page.check(`[data-toggle="${top}"]`)
    await page.waitForSelector(`[data-testid="ranking"] tr[data-district="${top}"][data-covered="true"]`)
    expect(await page.getAttribute('[data-testid="input-coverage"]', "data-origin")).toBe("edited")
    expect(await topDistrict(page)).not.toBe(top)
    await openPlanning(page)
    expect(await page.getAttribute('[data-testid="input-coverage"]', "data-origin")).toBe("edited")
    expect(
      await page.getAttribute(`[data-testid="ranking"] tr[data-district="${top}"]`, "data-covered"),
    ).toBe("true")
    await page.click('[data-testid="reset-coverage"]')
    await page.waitForSelector('[data-testid="input-coverage"][data-origin="illustrative"]')
  })

  it("imports a coverage CSV in the browser and lists row errors with row, field and reason", async () => {
    const csv =
      "district_code,district_name,province,status\nLA0101,,LA01,active\nLA9999,,,active\n,Nowhere,LA01,active\nLA0102,,LA01,sometimes\n"
    await page.setInputFiles('[data-testid="import-coverage"]', {
      name: "coverage.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    })
    await page.waitForSelector('[data-testid="errors-coverage"]')
    const errors = await page.$$eval('[data-testid="errors-coverage"] tbody tr', (rows) =>
      rows.map((r) => [r.getAttribute("data-row"), r.getAttribute("data-field")]),
    )
    expect(errors).toEqual([
      ["3", "district_code"],
      ["4", "district_name"],
      ["5", "status"],
    ])
    expect(await page.getAttribute('[data-testid="input-coverage"]', "data-origin")).toBe("imported")
    expect(await page.textContent('[data-testid="plan-cpn"] .plan-input .note')).toContain("1")
    await shot(page, "planning-import-errors")
    await page.click('[data-testid="reset-coverage"]')
    await page.waitForSelector('[data-testid="input-coverage"][data-origin="illustrative"]')
  })

  it("the shared filters restrict the score inputs, as computed in Node", async () => {
    // With small-area estimates the first district can hold under a filter: compare the top 5.
    const all = await expectedRanking(PriorityScore.defaultWeights)
    const deported = await expectedRanking(PriorityScore.defaultWeights, { victimGroup: "deported_lao" })
    expect(deported).not.toEqual(all)
    await expect.poll(() => pageRanking(page), { timeout: 10_000 }).toEqual(all)
    await page.selectOption('[data-filter="victimGroup"]', "deported_lao")
    await expect.poll(() => pageRanking(page), { timeout: 10_000 }).toEqual(deported)
    await page.selectOption('[data-filter="victimGroup"]', "")
    await expect.poll(() => pageRanking(page), { timeout: 10_000 }).toEqual(all)
  })

  it("exports the map as a PNG with its context stamp", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-export-for="planning-map"] [data-export="png"]'),
    ])
    const bytes = readFileSync((await download.path()) as string)
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(bytes.length).toBeGreaterThan(10_000)
  })

  it("exports the ranked list as CSV with its context", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-testid="export-ranking"]'),
    ])
    const text = readFileSync((await download.path()) as string, "utf8")
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain(`# ${planningMessages.en.planCpnTitle}`)
    expect(text).toMatch(/# .*fixture-0001/)
    expect(text).toContain("rank,district,district_name,province,covered")
    expect(text).toContain("Weights: childRate=3")
    // the public version by default: small counts suppressed, the file says so
    expect(text).toContain(`Public version: counts below ${THRESHOLD} suppressed.`)
    expect(text).not.toContain("RESTRICTED")
    await page.check('[data-testid="export-restricted"]')
    const [restricted] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-testid="export-ranking"]'),
    ])
    const exact = readFileSync((await restricted.path()) as string, "utf8")
    expect(exact).toContain("RESTRICTED: planners' tier, counts not suppressed.")
    await page.uncheck('[data-testid="export-restricted"]')
    // estimates of exact counts stay in the restricted file; the public one has them banded and rounded
    const column = (csv: string, name: string) => {
      const cells = (l: string) => l.split(",").map((c) => c.replace(/^"|"$/g, ""))
      const lines = csv
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)
        .filter((l) => l !== "" && !/^"?#/.test(l))
      const at = cells(lines[0]!).indexOf(name)
      expect(at).toBeGreaterThan(0)
      return lines
        .slice(1)
        .map((l) => cells(l)[at] ?? "")
        .filter((v) => v !== "")
        .map(Number)
    }
    const twoDigits = (x: number) => x === Number(x.toPrecision(2))
    const pub = column(text, "child_rate_estimate_per_100k")
    expect(pub.length).toBeGreaterThan(100)
    expect(pub.every(twoDigits)).toBe(true)
    expect(column(text, "childRate_raw")).toEqual(pub)
    expect(column(exact, "child_rate_estimate_per_100k").some((x) => !twoDigits(x))).toBe(true)
    // every other component of the public version is scored on counts suppressed at the threshold:
    // a trend or share of a few cases is unknown there, not a ratio of exact small counts
    for (const c of ["trend_raw", "minorityShare_raw"]) {
      const known = (csv: string) => column(csv, c).length
      expect(known(text), c).toBeLessThan(known(exact))
    }
  })

  it("shows bed-night demand by province and month, and a scenario changes the demand", async () => {
    await page.waitForSelector('[data-testid="bed-nights-heatmap"] tbody tr[data-province="LA01"]')
    const months = await page.$$eval('[data-testid="bed-nights-heatmap"] thead th', (ths) => ths.length - 1)
    expect(months).toBe(24)
    const total = async () =>
      Number(((await page.textContent('[data-testid="scenario-total"]')) ?? "").replace(/[^0-9]/g, ""))
    const base = await total()
    await page.fill('[data-testid="scenario-pushback"]', "50")
    await page.waitForFunction(
      (b) =>
        Number(
          document.querySelector('[data-testid="scenario-total"]')?.textContent?.replace(/[^0-9]/g, ""),
        ) > b,
      base,
    )
    const pushed = await total()
    await page.fill('[data-testid="scenario-people"]', "200")
    await page.waitForFunction(
      (b) =>
        Number(
          document.querySelector('[data-testid="scenario-total"]')?.textContent?.replace(/[^0-9]/g, ""),
        ) > b,
      pushed,
    )
    expect(await page.textContent('[data-testid="scenario-explanation"]')).toContain("200")
    expect(await page.$$('[data-testid="shortfall"] td.plan-short')).not.toHaveLength(0)
    await page.waitForSelector('[data-testid="budget"] tr[data-service="total"]')
    await shot(page, "planning-shelter")
  })

  it("shows red flags by province with their legal basis, suppressed counts as such", async () => {
    const flag = '[data-testid="red-flags"] [data-flag="child_returned_without_bid"]'
    await page.waitForSelector(flag)
    expect(await page.textContent(`${flag} h5`)).toBe(planningMessages.en.planFlagChildNoBid)
    expect(await page.textContent(`${flag} [data-legal-basis="women_2004_art28"]`)).toBe(
      LegalBasis.legalBasisLabels.women_2004_art28.en,
    )
    // 57 since the flag covers every move of a child out of care (reintegration, follow-up, exits,
    // closure), not only the return (issue 13); it was 42 for returns alone.
    expect(await page.textContent(`${flag} tr[data-province="LA01"] td`)).toBe("57")
    // 14 since the flag covers every move out of care (it was below the threshold for returns alone).
    expect(await page.textContent(`${flag} tr[data-province="LA08"] td`)).toBe("14")
    await page.selectOption('[data-testid="lang-switch"]', "lo")
    await page.waitForSelector('.app[data-lang="lo"]')
    const lo = LegalBasis.legalBasisLabels.women_2004_art28.lo
    expect(await page.textContent(`${flag} [data-legal-basis="women_2004_art28"]`)).toBe(
      lo.trim() === "" ? `${LegalBasis.legalBasisLabels.women_2004_art28.en} *` : lo,
    )
    expect(await page.textContent(`${flag} h5`)).toBe(translator("lo")("planFlagChildNoBid"))
    await page
      .locator('[data-testid="plan-pipeline"]')
      .screenshot({ path: join(import.meta.dirname, "artifacts", "planning-pipeline-lo.png") })
    await page.selectOption('[data-testid="lang-switch"]', "en")
    await page.waitForSelector('.app[data-lang="en"]')
  })

  it("shows the funnel and stage durations with suppressed cells never as 0", async () => {
    await page.waitForSelector('[data-testid="funnel"] tr[data-province="LA01"]')
    const first = await page.textContent(
      '[data-testid="funnel"] tr[data-province="LA01"] td[data-step="identification"]',
    )
    expect(Number((first ?? "").replace(/[^0-9]/g, ""))).toBeGreaterThan(THRESHOLD)
    const suppressedCells = await page.$$eval('[data-testid="funnel"] td[data-cell="suppressed"]', (tds) =>
      tds.map((td) => td.textContent),
    )
    for (const s of suppressedCells) expect(s).toBe(en.suppressed.replace("{k}", String(THRESHOLD)))
    expect(
      await page.textContent(
        '[data-testid="durations"] tr[data-province="national"] td[data-stage="interim_care"]',
      ),
    ).toMatch(/^\d+ \(\d+\)$/)
  })

  it('says "not in this release" when the publication has no planning tables', async () => {
    const p = await context.newPage()
    await p.route("**/data/manifest.json", async (route) => {
      const res = await route.fetch()
      const manifest = (await res.json()) as { tables: Record<string, unknown> }
      for (const name of ["pipeline_funnel", "stage_durations", "bed_nights", "red_flag_counts"])
        delete manifest.tables[name]
      await route.fulfill({ response: res, json: manifest })
    })
    await openPlanning(p)
    for (const id of ["bed-nights", "funnel", "durations", "flags"])
      expect(await p.textContent(`[data-testid="${id}-missing"]`)).toBe(planningMessages.en.planNotInRelease)
    await p.close()
  })

  it("raised no page errors", () => {
    expect(pageErrors).toEqual([])
    expect(consoleErrors.filter((m) => /Content Security Policy|Content-Security-Policy/i.test(m))).toEqual(
      [],
    )
  })
})
