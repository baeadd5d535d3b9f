/**
 * `pnpm start` as a user runs it, through pnpm and turbo: one log line per request (method, path,
 * status; never the query string), a line when the release served changes, and Ctrl-C (SIGINT to
 * the whole process group, as a terminal sends it) exits 0 with one "stopped" line. Serves a small
 * data folder (LAO_PROTECT_DATA) with the app global-setup.ts built.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const repoRoot = resolve(import.meta.dirname, "../../..")
let dataRoot: string
let child: ChildProcess
let output = ""
let url = ""

const release = (id: string) => {
  const dir = join(dataRoot, "published", "releases", id)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ release: id, tier: "public", synthetic: true }))
}
const point = (id: string) =>
  writeFileSync(join(dataRoot, "published", "current.json"), JSON.stringify({ release: id }))

const waitFor = (pattern: RegExp, timeoutMs = 150_000) =>
  new Promise<RegExpMatchArray>((ok, fail) => {
    const started = Date.now()
    const poll = setInterval(() => {
      const match = output.match(pattern)
      if (match) {
        clearInterval(poll)
        ok(match)
      } else if (Date.now() - started > timeoutMs || child.exitCode !== null) {
        clearInterval(poll)
        fail(new Error(`no ${pattern} in the output of pnpm start:\n${output}`))
      }
    }, 50)
  })

beforeAll(async () => {
  dataRoot = mkdtempSync(join(tmpdir(), "lao-protect-start-"))
  release("r1")
  release("r2")
  point("r1")
  child = spawn("pnpm", ["start"], {
    cwd: repoRoot,
    detached: true, // its own process group, so the test can signal the group like a terminal does
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LAO_PROTECT_DATA: dataRoot, FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  })
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString()
  })
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString()
  })
  url = (await waitFor(/Lao Protect dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/))[1]!
})

afterAll(() => {
  if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL")
  rmSync(dataRoot, { recursive: true, force: true })
})

describe("pnpm start", () => {
  it("says which release it serves, logs each request without its query string, and notices a new release", async () => {
    expect(output).toContain("Serving release r1.")
    expect((await fetch(new URL("data/manifest.json?token=lp_secret_query", url))).status).toBe(200)
    await waitFor(/GET \/data\/manifest\.json 200 \d+ms/)
    point("r2")
    const res = await fetch(new URL("data/manifest.json", url))
    expect(await res.json()).toMatchObject({ release: "r2" })
    await waitFor(/Release changed: now serving r2 \(was r1\)\./)
    expect((await fetch(new URL("geo/nothing.geojson", url))).status).toBe(404)
    await waitFor(/GET \/geo\/nothing\.geojson 404 \d+ms/)
    expect(output).not.toContain("lp_secret_query")
    expect(output).not.toContain("?")
  })

  it("Ctrl-C exits 0 with one line saying it stopped", async () => {
    const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)))
    process.kill(-child.pid!, "SIGINT")
    expect(await exited).toBe(0)
    expect(output.split("\n").filter((l) => /stopped/i.test(l))).toHaveLength(1)
    expect(output).toMatch(/Lao Protect dashboard stopped\./)
    expect(output).not.toMatch(/ELIFECYCLE|Command failed|ERR_/)
  })
})
