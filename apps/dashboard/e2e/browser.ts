/** Chromium from Debian (Playwright cannot download browsers here), launched the same way by every spec. */
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { type Browser, chromium, type Page } from "playwright-core"

export const ARTIFACTS = join(import.meta.dirname, "artifacts")

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  })
}

/** Wait until DuckDB-WASM is up and the views answered for the current state. */
export async function waitForViews(page: Page): Promise<void> {
  await page.waitForSelector('.app[data-engine="ready"][data-views="ready"]', { timeout: 60_000 })
}

/** Wait for the next view refresh after an interaction (the status shows the query time). */
export async function settle(page: Page): Promise<void> {
  await waitForViews(page)
  await page.waitForTimeout(300)
  await waitForViews(page)
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })
