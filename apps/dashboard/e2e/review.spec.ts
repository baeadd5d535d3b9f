/**
 * The linkage review page in Chromium: a queue exported by the warehouse from a real linkage run on
 * the multi-partner synth, confirm one pair and reject another, download the decisions file and
 * store it with the warehouse's own `applyDecisions`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Linkage as Keys } from "@lao-protect/domain"
import { Linkage, type NodeConnector, openWarehouse, Synth } from "@lao-protect/warehouse/node"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { launch, shot } from "./browser.ts"

const baseUrl = inject("baseUrl")
let browser: Browser
let page: Page
let db: NodeConnector
let queueFile: string
let queue: Linkage.ReviewQueue
const pageErrors: Array<string> = []

beforeAll(async () => {
  db = await openWarehouse(":memory:")
  const encoder = Keys.makeEncoder("3d".repeat(32))
  const { tables } = Synth.multiPartnerTables({ seed: 11, persons: 1000, fromYear: 2015, toYear: 2024 })
  for (const [partner, table] of tables)
    await Linkage.loadSubmission(db, partner, Linkage.makeSubmission(encoder, table))
  await Linkage.linkRecords(db)
  queue = await Linkage.reviewQueue(db, 8)
  const dir = mkdtempSync(join(tmpdir(), "lp-review-"))
  queueFile = join(dir, "queue.json")
  writeFileSync(queueFile, JSON.stringify(queue))
  writeFileSync(join(dir, "bad.json"), JSON.stringify({ kind: "something else" }))
  browser = await launch()
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true })
  page = await context.newPage()
  page.on("pageerror", (e) => pageErrors.push(String(e)))
  await page.goto(`${baseUrl}?page=review&lang=en`)
  await page.waitForSelector('[data-testid="review-page"]', { timeout: 60_000 })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await db?.close()
})

describe("linkage review page in Chromium", () => {
  it("refuses a file that is not a review queue, with the reason", async () => {
    await page.setInputFiles('[data-testid="review-file"]', join(queueFile, "..", "bad.json"))
    await page.waitForSelector('[data-testid="review-error"]')
    expect(await page.textContent('[data-testid="review-error"]')).toContain("lao-protect-review-queue")
  })

  it("shows each pair's fields and weights, and gives back the reviewer's decisions", async () => {
    expect(queue.pairs.length).toBeGreaterThanOrEqual(2)
    await page.setInputFiles('[data-testid="review-file"]', queueFile)
    await page.waitForSelector('[data-testid="review-count"]')
    const rows = page.locator("tr[data-pair]")
    expect(await rows.count()).toBe(queue.pairs.length)
    const first = queue.pairs[0]!
    const given = first.fields.find((f) => f.field === "given")!
    const cell = rows.nth(0).locator('td[data-field="given"]')
    expect(Number(await cell.getAttribute("data-level"))).toBe(given.level)
    expect(await cell.textContent()).toContain(given.weight.toFixed(1))
    expect(await rows.nth(0).textContent()).toContain(first.left.id)
    const identified = first.fields.find((f) => f.field === "identified")!
    const dates = rows.nth(0).locator('td[data-field="identified"]')
    expect(Number(await dates.getAttribute("data-level"))).toBe(identified.level)
    expect(await dates.textContent()).toMatch(
      /within 90 days|after the earlier case closed|earlier case open|missing/,
    )
    expect(await page.textContent('[data-testid="review-page"]')).toContain("Identified")
    expect(await page.textContent('[data-testid="review-page"]')).not.toMatch(/SYNTHETIC|\+856/)

    await rows.nth(0).locator('[data-action="confirm"]').click()
    await rows.nth(1).locator('[data-action="reject"]').click()
    expect(await rows.nth(0).getAttribute("data-decision")).toBe("confirm")
    await shot(page, "review-queue")
    const [dl] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-testid="review-download"]'),
    ])
    const file = JSON.parse(readFileSync((await dl.path())!, "utf8"))
    expect(file.decisions).toEqual([
      { left: first.left.id, right: first.right.id, decision: "confirm" },
      { left: queue.pairs[1]!.left.id, right: queue.pairs[1]!.right.id, decision: "reject" },
    ])
    expect(await Linkage.applyDecisions(db, file, "browser-test")).toBe(2)
    const result = await Linkage.linkRecords(db)
    expect(result.confirmed).toBeGreaterThanOrEqual(1)
    expect(result.rejected).toBeGreaterThanOrEqual(1)
    expect(pageErrors).toEqual([])
  }, 120_000)
})
