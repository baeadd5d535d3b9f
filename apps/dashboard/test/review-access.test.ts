/**
 * The linkage review page is for data managers (issue 19): its code is served only with a
 * planners-tier release, behind the same token as that release's data, and never with a public one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createToken } from "@lao-protect/warehouse/access"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Served, serve } from "../server/serve.ts"

let root: string
let token: string
const open: Array<Served> = []
const CHUNK = "/assets/ReviewPage-Bx9_k2.js"

function dataRoot(name: string, tier: string, synthetic: boolean): string {
  const data = join(root, name)
  const release = join(data, "published", "releases", "r1")
  mkdirSync(release, { recursive: true })
  writeFileSync(
    join(release, "manifest.json"),
    JSON.stringify({
      release: "r1",
      tier,
      synthetic,
      ...(synthetic ? { syntheticInputs: [{ sha256: "a".repeat(64), seed: 1, cases: 10 }] } : {}),
    }),
  )
  writeFileSync(join(data, "published", "current.json"), '{"release":"r1"}')
  mkdirSync(join(data, "warehouse"), { recursive: true })
  writeFileSync(join(data, "warehouse", "access.json"), readFileSync(join(root, "access.json")))
  return data
}

const start = async (data: string): Promise<Served> => {
  const s = await serve({ dist: join(root, "dist"), dataRoot: data, port: 0 })
  open.push(s)
  return s
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "lao-protect-review-access-"))
  mkdirSync(join(root, "dist", "assets"), { recursive: true })
  writeFileSync(join(root, "dist", "index.html"), "<!doctype html><title>app</title>")
  writeFileSync(join(root, "dist", "assets", "index-a1.js"), "APP")
  writeFileSync(join(root, "dist", CHUNK.slice(1)), "REVIEW_CODE")
  writeFileSync(join(root, "dist", "assets", "ReviewPage-Bx9_k2.css"), "REVIEW_CSS")
  ;({ token } = await createToken(join(root, "access.json"), "planners", { label: "test" }))
})

afterAll(async () => {
  for (const s of open) await s.close()
  rmSync(root, { recursive: true, force: true })
})

describe("the linkage review page's code", () => {
  it("is not served with a public release, even with a token; the rest of the app is", async () => {
    const s = await start(dataRoot("public", "public", false))
    for (const path of [CHUNK, "/assets/ReviewPage-Bx9_k2.css"]) {
      const res = await fetch(new URL(path, s.url))
      expect(res.status).toBe(404)
      expect(await res.text()).not.toContain("REVIEW")
      const withToken = await fetch(new URL(path, s.url), { headers: { Authorization: `Bearer ${token}` } })
      expect(withToken.status).toBe(404)
    }
    expect(await (await fetch(new URL("/assets/index-a1.js", s.url))).text()).toBe("APP")
  })

  it("needs the planners token with a real planners release, and is never cached publicly", async () => {
    const s = await start(dataRoot("planners", "planners", false))
    const without = await fetch(new URL(CHUNK, s.url))
    expect(without.status).toBe(401)
    expect(await without.text()).not.toContain("REVIEW")
    const wrong = await fetch(new URL(CHUNK, s.url), {
      headers: { Authorization: `Bearer lpt_0000000000000000_${"A".repeat(43)}` },
    })
    expect(wrong.status).toBe(401)
    const ok = await fetch(new URL(CHUNK, s.url), { headers: { Authorization: `Bearer ${token}` } })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toBe("REVIEW_CODE")
    expect(ok.headers.get("cache-control")).toBe("private, no-store")
  })

  it("is served with a synthetic planners release (no token needed there), and refused for an unreadable manifest", async () => {
    const s = await start(dataRoot("synthetic", "planners", true))
    expect(await (await fetch(new URL(CHUNK, s.url))).text()).toBe("REVIEW_CODE")
    const broken = dataRoot("broken", "planners", false)
    writeFileSync(join(broken, "published", "releases", "r1", "manifest.json"), "{not json")
    const b = await start(broken)
    expect(
      (await fetch(new URL(CHUNK, b.url), { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(404)
  })
})
