/**
 * A real planners-tier release (importFile + publish over partner CaseRow data with canary PII,
 * e2e/canary-publication.ts) served by the real server with tokens in a temporary access.json:
 * without a token the browser gets the sign-in page (not a broken map) and /data answers 401; a
 * wrong token is refused and logged without its text; the right one loads the data. Then a chart
 * CSV and the map CSV are exported through the UI and no canary may appear in the release folder,
 * the built app or the exported files (`assertNoCanaries` from the warehouse's hardening tests).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { createToken } from "@lao-protect/warehouse/access"
import { assertNoCanaries, findCanaries } from "@lao-protect/warehouse/testing"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { LOGIN_CSP } from "../server/csp.ts"
import { type Served, serve } from "../server/serve.ts"
import { launch, shot, waitForViews } from "./browser.ts"
import { type CanaryPublication, ID_CANARIES, writeCanaryPublication } from "./canary-publication.ts"

const dist = resolve(import.meta.dirname, "../dist")

let pub: CanaryPublication
let served: Served
let token: string
let accessFile: string
let logFile: string
let exportsDir: string
let browser: Browser
let context: BrowserContext
let page: Page
const requests: Array<string> = []
const pageErrors: Array<string> = []

const log = () => {
  try {
    return readFileSync(logFile, "utf8")
  } catch {
    return ""
  }
}

beforeAll(async () => {
  pub = await writeCanaryPublication()
  accessFile = join(pub.work, "access", "access.json")
  logFile = join(pub.work, "access", "access.log")
  exportsDir = join(pub.work, "exports")
  mkdirSync(exportsDir, { recursive: true })
  ;({ token } = await createToken(accessFile, "planners", { label: "canary test" }))
  served = await serve({ dist, dataRoot: pub.dataRoot, port: 0, access: { accessFile, logFile } })
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true })
  await context.addInitScript(() => {
    const seen: Array<string> = []
    ;(window as unknown as { __csp: Array<string> }).__csp = seen
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  context.on("request", (r) => requests.push(r.url()))
  page = await context.newPage()
  page.on("pageerror", (e) => pageErrors.push(String(e)))
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await served?.close()
  if (pub) rmSync(pub.work, { recursive: true, force: true })
})

const download = async (selector: string, name: string) => {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)])
  const bytes = readFileSync(await dl.path())
  writeFileSync(join(exportsDir, name), bytes)
  return bytes.toString("utf8")
}

describe("a planners release that is not synthetic", () => {
  it("is what publish wrote from the partner file, and the planted canaries are in the input", () => {
    expect(pub.manifest.tier).toBe("planners")
    expect(pub.manifest.synthetic).toBe(false)
    expect(pub.manifest.tables.facts).toBeDefined()
    // the scanner finds what it is looking for (so a clean result below means something)
    const hits = findCanaries(pub.work, ID_CANARIES).filter((h) => h.file.endsWith("partner-cases.csv"))
    expect(new Set(hits.map((h) => h.canary))).toEqual(new Set(ID_CANARIES))
  })

  it("without a token: /data is 401 and the browser shows the sign-in page, not a broken map", async () => {
    expect((await fetch(new URL("/data/manifest.json", served.url))).status).toBe(401)
    expect((await fetch(new URL("/data/facts.arrow", served.url))).status).toBe(401)
    const res = await page.goto(`${served.url}?lang=en`)
    expect(res?.status()).toBe(401)
    expect(res?.headers()["content-security-policy"]).toBe(LOGIN_CSP)
    await page.waitForSelector('[data-testid="login"] input[name="token"]')
    expect(await page.isVisible('[data-testid="login"] [data-message="required"]')).toBe(true)
    expect(await page.$(".leaflet-container")).toBeNull()
    expect(requests.filter((u) => u.includes("/data/"))).toEqual([])
    await shot(page, "login-required")
  })

  it("a wrong token: 401, and a log line with time, ip and reason but not the token", async () => {
    const wrong = `${token.slice(0, -6)}ZZZZZZ`
    await page.fill('input[name="token"]', wrong)
    const [res] = await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')])
    expect(res?.status()).toBe(401)
    expect(await page.isVisible('[data-message="wrong"]')).toBe(true)
    const lines = log()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { time: string; ip: string; reason: string })
    const last = lines.at(-1)!
    expect(last.reason).toMatch(/^wrong secret for token id [0-9a-f]{16}$/)
    expect(last.ip).toMatch(/127\.0\.0\.1/)
    expect(Number.isNaN(Date.parse(last.time))).toBe(false)
    // The secret is everything after the id; it may itself contain "_" (base64url).
    expect(log()).not.toContain(wrong.split("_").slice(2).join("_"))
    expect(log()).not.toContain(token.split("_").slice(2).join("_"))
  })

  it("the right token signs in with an HttpOnly cookie and the data loads", async () => {
    await page.fill('input[name="token"]', token)
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')])
    await waitForViews(page)
    const codes = await page.$$eval(".leaflet-overlay-pane path[data-pcode]", (els) =>
      [...new Set(els.map((e) => e.getAttribute("data-pcode")))].sort(),
    )
    expect(codes).toHaveLength(18)
    expect(await page.evaluate(() => document.cookie)).toBe("") // HttpOnly: not readable by scripts
    const cookies = await context.cookies()
    expect(cookies.find((c) => c.name === "lp_session")).toMatchObject({
      httpOnly: true,
      sameSite: "Strict",
      path: "/",
    })
    expect(await page.$('[data-testid="synthetic-badge"]')).toBeNull()
    await shot(page, "login-signed-in")
  })

  it("exports the map CSV and a chart CSV through the UI", async () => {
    const map = await download('[data-export-for="map"] [data-export="csv"]', "map.csv")
    expect(map.split("\r\n").length).toBeGreaterThan(18)
    await page.goto(`${served.url}?page=trends&lang=en`)
    await page.waitForSelector('[data-trends="ready"]', { timeout: 60_000 })
    await page.waitForTimeout(200)
    const chart = await download('[data-export-for="total"] [data-export="csv"]', "trend-total.csv")
    expect(chart).toContain("2024")
    const svg = await download('[data-export-for="total"] [data-export="svg"]', "trend-total.svg")
    expect(svg).toContain("<svg")
  })

  it("no canary in the release folder, the built app or the exported files", () => {
    assertNoCanaries(pub.releaseDir, ID_CANARIES)
    assertNoCanaries(dist, ID_CANARIES)
    assertNoCanaries(exportsDir, ID_CANARIES)
  })

  it("a session that ends while the app is open asks to sign in again, and comes back to the page", async () => {
    await page.goto(`${served.url}?page=trends&lang=en`)
    await page.waitForSelector('[data-trends="ready"]', { timeout: 60_000 })
    expect(await page.$('[data-testid="session-ended"]')).toBeNull()
    await context.clearCookies() // as when the 8-hour session expires or the token is revoked
    await page.click('[data-page="map"]') // the map asks the server for the CPN coverage file
    await page.waitForSelector('[data-testid="session-ended"]', { timeout: 30_000 })
    const href = await page.getAttribute('[data-testid="session-ended"] a', "href")
    expect(href).toMatch(/^\/login\?next=%2F%3F/)
    expect(decodeURIComponent(href!.slice("/login?next=".length))).toContain("page=map")
    await shot(page, "session-ended")
    await Promise.all([page.waitForNavigation(), page.click('[data-testid="session-ended"] a')])
    await page.fill('[data-testid="login"] input[name="token"]', token)
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')])
    await waitForViews(page)
    expect(new URL(page.url()).searchParams.get("page")).toBe("map")
    expect(await page.$('[data-testid="session-ended"]')).toBeNull()
  })

  it("broke no CSP rule and threw nothing", async () => {
    expect(await page.evaluate(() => (window as unknown as { __csp: Array<string> }).__csp)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
