/**
 * Every view in both languages: axe-core (its source evaluated in the page, which the CSP cannot
 * block) must report no violation, and a screenshot of each lands in e2e/artifacts/views/
 * (git-ignored). The README shows two of them (README_SHOTS, copied to docs/screenshots/ by hand).
 */
import { mkdirSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { SLIDES } from "../src/presentation/Presentation.tsx"
import { ARTIFACTS, launch, settle, waitForViews } from "./browser.ts"

const baseUrl = inject("baseUrl")
const SHOTS = join(ARTIFACTS, "views")
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

interface View {
  readonly name: string
  readonly query: string
  readonly ready: (page: Page) => Promise<void>
}

const mapReady = async (page: Page) => {
  await waitForViews(page)
  await page.waitForSelector(".leaflet-overlay-pane path[data-pcode]", { timeout: 60_000 })
  await settle(page)
}

export const VIEWS: ReadonlyArray<View> = [
  { name: "map-provinces", query: "", ready: mapReady },
  {
    name: "map-province-selected",
    query: "sel=LA05&layers=flows,checkpoints,cpn,shelters",
    ready: async (page) => {
      await mapReady(page)
      await page.waitForSelector('[data-testid="panel-total"]')
    },
  },
  { name: "map-districts", query: "level=district&layers=checkpoints,cpn,shelters", ready: mapReady },
  // issue 21: the map's own measures, the checkpoint profile with its return trend, the trend ranking
  ...(["rate_eb&sel=LA05", "minority_share", "identified&ident=hotline"] as const).map((m) => ({
    name: `map-measure-${m.split("&")[0]!.replace("_", "-")}`,
    query: `measure=${m}`,
    ready: async (page: Page) => {
      await mapReady(page)
      await page.waitForSelector('[data-testid="area-table"][data-measure="ready"]', { timeout: 60_000 })
      await settle(page)
    },
  })),
  {
    name: "map-checkpoint-profile",
    query: "cp=T1&layers=flows,checkpoints",
    ready: async (page) => {
      await mapReady(page)
      await page.waitForSelector('[data-testid="cp-returns"]', { timeout: 60_000 })
      await page.waitForSelector(
        '[data-testid="checkpoint-ranking"] tr[data-trend]:not([data-trend="pending"])',
      )
      await settle(page)
    },
  },
  {
    name: "trends",
    query: "page=trends",
    ready: async (page) => {
      await page.waitForSelector('[data-trends="ready"]', { timeout: 60_000 })
      await page.waitForTimeout(300)
    },
  },
  {
    name: "planning",
    query: "page=planning",
    ready: async (page) => {
      await page.waitForSelector('[data-testid="page-planning"][data-planning="ready"]', { timeout: 60_000 })
      await page.waitForSelector('[data-testid="ranking"] tbody tr[data-rank="1"]', { timeout: 60_000 })
    },
  },
  {
    name: "brief",
    query: "page=brief&province=LA05",
    ready: async (page) => {
      await page.waitForSelector('[data-testid="brief-total"]', { timeout: 60_000 })
      await page.waitForTimeout(500)
    },
  },
  {
    name: "quality",
    query: "page=quality",
    ready: async (page) => {
      await page.waitForSelector('[data-testid="page-quality"][data-quality="ready"]', { timeout: 60_000 })
      await page.waitForTimeout(300)
    },
  },
  {
    name: "review",
    query: "page=review",
    ready: async (page) => {
      await page.waitForSelector('[data-testid="review-page"]', { timeout: 60_000 })
      await page.waitForTimeout(300)
    },
  },
  ...SLIDES.map((_, i) => ({
    name: `slide-${i + 1}`,
    query: `page=trends&present=1&slide=${i + 1}`,
    ready: async (page: Page) => {
      await page.waitForSelector(".presentation", { timeout: 60_000 })
      await page.waitForSelector('.app[data-engine="ready"]', { timeout: 60_000 })
      await page.waitForTimeout(800)
    },
  })),
]

interface Violation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: ReadonlyArray<{ readonly target: ReadonlyArray<string> }>
}

export async function axe(page: Page): Promise<Array<string>> {
  await page.evaluate(axeSource)
  const violations = (await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<unknown> }> }
    }
    return (await w.axe.run(document, { resultTypes: ["violations"] })).violations
  })) as Array<Violation>
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}) x${v.nodes.length}: ${v.help} [${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ")}]`,
  )
}

/** The two README screenshots (viewport only, copied to docs/screenshots/ by hand). */
const README_SHOTS = ["map-province-selected-en", "slide-9-lo"]

let browser: Browser
let page: Page
const pageErrors: Array<string> = []

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  browser = await launch()
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  page = await context.newPage()
  page.on("pageerror", (e) => pageErrors.push(String(e)))
})

afterAll(async () => {
  await browser?.close()
})

describe.each(["en", "lo"] as const)("every view in %s", (lang) => {
  it.each(VIEWS.map((v) => [v.name, v] as const))("%s has no axe violation", async (_, view) => {
    await page.goto(`${baseUrl}?lang=${lang}${view.query ? `&${view.query}` : ""}`)
    await view.ready(page)
    await page.screenshot({ path: join(SHOTS, `${view.name}-${lang}.png`), fullPage: true })
    if (README_SHOTS.includes(`${view.name}-${lang}`))
      await page.screenshot({ path: join(SHOTS, `readme-${view.name}-${lang}.png`) })
    expect(await axe(page)).toEqual([])
  })
})

describe("views", () => {
  it("throw nothing", () => {
    expect(pageErrors).toEqual([])
  })
})
