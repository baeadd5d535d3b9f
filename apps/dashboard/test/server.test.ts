import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { CSP, CSP_HEADER } from "../server/csp.ts"
import { type Served, serve } from "../server/serve.ts"

let root: string
let served: Served

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "lao-protect-serve-"))
  const dist = join(root, "dist")
  mkdirSync(join(dist, "assets"), { recursive: true })
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>x</title>")
  writeFileSync(join(dist, "assets", "a.wasm"), new Uint8Array([0, 97, 115, 109]))
  const data = join(root, "data")
  mkdirSync(join(data, "published", "releases", "r1"), { recursive: true })
  mkdirSync(join(data, "published", "releases", "r2"), { recursive: true })
  writeFileSync(
    join(data, "published", "releases", "r1", "manifest.json"),
    '{"release":"r1","tier":"public"}',
  )
  writeFileSync(
    join(data, "published", "releases", "r2", "manifest.json"),
    '{"release":"r2","tier":"public"}',
  )
  writeFileSync(join(data, "published", "current.json"), '{"release":"r1"}')
  writeFileSync(join(data, "secret.txt"), "no")
  mkdirSync(join(data, "geo", "default"), { recursive: true })
  mkdirSync(join(data, "geo", "imported"), { recursive: true })
  writeFileSync(join(data, "geo", "imported", "provinces.geojson"), '{"source":"imported"}')
  // a stale local Natural Earth build must not shadow the committed boundaries
  writeFileSync(join(data, "geo", "default", "districts.geojson"), '{"source":"stale build"}')
  served = await serve({ dist, dataRoot: data, port: 0 })
})
afterAll(async () => {
  await served.close()
  rmSync(root, { recursive: true, force: true })
})

const get = (path: string) => fetch(new URL(path, served.url))

describe("server", () => {
  it("sends the CSP and security headers on every response", async () => {
    for (const path of ["/", "/data/manifest.json", "/nope.js"]) {
      const res = await get(path)
      expect(res.headers.get("content-security-policy")).toBe(CSP_HEADER)
      expect(res.headers.get("x-content-type-options")).toBe("nosniff")
    }
    expect(CSP_HEADER.startsWith(CSP)).toBe(true)
    expect(CSP).not.toMatch(/https?:|\*/)
  })

  it("serves wasm as application/wasm", async () => {
    const res = await get("/assets/a.wasm")
    expect(res.headers.get("content-type")).toBe("application/wasm")
  })

  it("resolves /data through current.json on every request", async () => {
    expect(await (await get("/data/manifest.json")).json()).toEqual({ release: "r1", tier: "public" })
    writeFileSync(join(root, "data", "published", "current.json"), '{"release":"r2"}')
    expect(await (await get("/data/manifest.json")).json()).toEqual({ release: "r2", tier: "public" })
  })

  it("prefers imported boundaries over the committed default ones", async () => {
    expect(await (await get("/geo/provinces.geojson")).json()).toEqual({ source: "imported" })
    const districts = (await (await get("/geo/districts.geojson")).json()) as {
      license: string
      features: unknown[]
    }
    expect(districts.license).toMatch(/CC BY 3\.0 IGO/)
    expect(districts.features).toHaveLength(148)
    const countries = (await (await get("/geo/countries.geojson")).json()) as { features: unknown[] }
    expect(countries.features.length).toBeGreaterThanOrEqual(6)
    expect((await get("/geo/other.geojson")).status).toBe(404)
  })

  it("never serves files outside its folders", async () => {
    for (const path of [
      "/data/../../secret.txt",
      "/data/%2e%2e/%2e%2e/secret.txt",
      "/..%2fdata%2fsecret.txt",
    ]) {
      const res = await get(path)
      expect(await res.text()).not.toBe("no")
    }
    expect((await get("/planning/cpn-coverage.csv")).status).toBe(204)
  })
})

describe("server log", () => {
  it("one line per request (method, path, status; no query string, header or token) and one per release change", async () => {
    const lines: Array<string> = []
    writeFileSync(join(root, "data", "published", "current.json"), '{"release":"r1"}')
    const logged = await serve({
      dist: join(root, "dist"),
      dataRoot: join(root, "data"),
      port: 0,
      log: (line) => lines.push(line),
    })
    try {
      // the line is written when the response closes, which may come after the client has read it
      const at = async (path: string, init?: RequestInit) => {
        const before = lines.length
        await (await fetch(new URL(path, logged.url), init)).text()
        for (let i = 0; i < 500 && !lines.slice(before).some((l) => / \d+ms$/.test(l)); i++)
          await new Promise((ok) => setTimeout(ok, 10))
      }
      await at("/data/manifest.json?token=lp_query_secret")
      await at("/nope.js", { headers: { Authorization: "Bearer lp_header_secret" } })
      writeFileSync(join(root, "data", "published", "current.json"), '{"release":"r2"}')
      await at("/data/manifest.json")
      await at("/geo/provinces.geojson", { method: "HEAD" })
      expect(lines.map((l) => l.replace(/ \d+ms$/, " Nms"))).toEqual([
        "Serving release r1.",
        "GET /data/manifest.json 200 Nms",
        "GET /nope.js 404 Nms",
        "Release changed: now serving r2 (was r1).",
        "GET /data/manifest.json 200 Nms",
        "HEAD /geo/provinces.geojson 200 Nms",
      ])
      expect(lines.join("\n")).not.toMatch(/secret|\?/)
    } finally {
      await logged.close()
    }
  })
})
