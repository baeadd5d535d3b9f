/**
 * Access tiers in the server (server/access.ts) over real HTTP: which releases need a token, bearer
 * and cookie sign-in, the sign-in page under its own CSP, failures logged without the token, the
 * rate limit, revocation, --no-auth refused on a network address, no open redirect.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createToken, revokeToken } from "@lao-protect/warehouse/access"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { AccessOptions } from "../server/access.ts"
import { CSP_HEADER, LOGIN_CSP } from "../server/csp.ts"
import { handler, type Served, serve } from "../server/serve.ts"

let root: string
let token: string
let tokenId: string
const open: Array<Served> = []

const manifest = (tier: string, synthetic: boolean) =>
  JSON.stringify({
    release: "r1",
    tier,
    synthetic,
    ...(synthetic ? { syntheticInputs: [{ sha256: "a".repeat(64), seed: 1, cases: 10 }] } : {}),
  })

/** A data root with one release (the given manifest) and a token in its own access.json. */
function dataRoot(name: string, tier: string, synthetic: boolean): string {
  const data = join(root, name)
  mkdirSync(join(data, "published", "releases", "r1"), { recursive: true })
  writeFileSync(join(data, "published", "releases", "r1", "manifest.json"), manifest(tier, synthetic))
  writeFileSync(join(data, "published", "releases", "r1", "facts.arrow"), "FACTS")
  writeFileSync(join(data, "published", "current.json"), '{"release":"r1"}')
  mkdirSync(join(data, "warehouse"), { recursive: true })
  writeFileSync(join(data, "warehouse", "access.json"), readFileSync(join(root, "access.json")))
  mkdirSync(join(data, "planning"), { recursive: true })
  writeFileSync(join(data, "planning", "shelters.csv"), "shelter_id,name\nS1,Secret shelter\n")
  return data
}

async function start(data: string, access: AccessOptions = {}): Promise<Served> {
  const s = await serve({ dist: join(root, "dist"), dataRoot: data, port: 0, access })
  open.push(s)
  return s
}

const logOf = (data: string) => {
  try {
    return readFileSync(join(data, "warehouse", "access.log"), "utf8")
  } catch {
    return ""
  }
}

const login = (s: Served, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(new URL("/login", s.url), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: s.url.slice(0, -1), ...headers },
    body: new URLSearchParams(form).toString(),
  })

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "lao-protect-access-"))
  mkdirSync(join(root, "dist", "assets"), { recursive: true })
  writeFileSync(join(root, "dist", "index.html"), "<!doctype html><title>app</title>")
  writeFileSync(join(root, "dist", "assets", "a.js"), "1")
  ;({ token, id: tokenId } = await createToken(join(root, "access.json"), "planners", { label: "test" }))
})

afterAll(async () => {
  for (const s of open) await s.close()
  rmSync(root, { recursive: true, force: true })
})

describe("which releases need a token", () => {
  it("a non-synthetic planners release, and an unknown tier (fail closed): 401 without a token", async () => {
    for (const [name, tier] of [
      ["planners", "planners"],
      ["unknown", "fixture"],
    ] as const) {
      const data = dataRoot(name, tier, false)
      const s = await start(data)
      const res = await fetch(new URL("/data/facts.arrow", s.url))
      expect(res.status).toBe(401)
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/)
      expect(res.headers.get("content-security-policy")).toBe(CSP_HEADER)
      expect(await res.text()).not.toContain("FACTS")
      // shelter lists are planning inputs of the same deployment: behind the same door
      expect((await fetch(new URL("/planning/shelters.csv", s.url))).status).toBe(401)
      expect(logOf(data)).toContain('"reason":"no token or session"')
    }
  })

  it("a manifest that says synthetic without the recorded synth inputs is protected", async () => {
    for (const [name, extra] of [
      ["claim-only", {}],
      ["empty-proof", { syntheticInputs: [] }],
      ["bad-proof", { syntheticInputs: [{ sha256: "SYN-" }] }],
    ] as const) {
      const data = dataRoot(name, "planners", false)
      const file = join(data, "published", "releases", "r1", "manifest.json")
      writeFileSync(file, JSON.stringify({ release: "r1", tier: "planners", synthetic: true, ...extra }))
      const s = await start(data)
      expect((await fetch(new URL("/data/facts.arrow", s.url))).status).toBe(401)
    }
  })

  it("public and synthetic releases are served without one; --require-token asks for any", async () => {
    const pub = await start(dataRoot("public", "public", false))
    expect(await (await fetch(new URL("/data/facts.arrow", pub.url))).text()).toBe("FACTS")
    const synth = dataRoot("synthetic", "planners", true)
    const open = await start(synth)
    expect((await fetch(new URL("/data/facts.arrow", open.url))).status).toBe(200)
    const required = await start(synth, { mode: "required" })
    expect((await fetch(new URL("/data/facts.arrow", required.url))).status).toBe(401)
    const ok = await fetch(new URL("/data/facts.arrow", required.url), {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(ok.status).toBe(200)
    expect(ok.headers.get("cache-control")).toBe("private, no-store")
    expect(await ok.text()).toBe("FACTS")
  })
})

describe("signing in", () => {
  it("shows a script-free sign-in page under its own CSP instead of the app", async () => {
    const s = await start(dataRoot("page", "planners", false))
    for (const path of ["/", "/index.html", "/?page=planning&lang=lo"]) {
      const res = await fetch(new URL(path, s.url))
      expect(res.status).toBe(401)
      expect(res.headers.get("content-security-policy")).toBe(LOGIN_CSP)
      const html = await res.text()
      expect(html).toContain('<form method="post" action="/login"')
      expect(html).not.toMatch(/<script|\son[a-z]+=/i)
      expect(html).not.toContain("<title>app</title>")
    }
    expect(LOGIN_CSP).toContain("script-src 'none'")
    expect(LOGIN_CSP).toContain("form-action 'self'")
    expect((await fetch(new URL("/login.css", s.url))).status).toBe(200)
    // the app's code is not secret
    expect((await fetch(new URL("/assets/a.js", s.url))).status).toBe(200)
  })

  it("wrong token: 401 and a log line without the token; right token: an HttpOnly SameSite=Strict cookie", async () => {
    const data = dataRoot("cookie", "planners", false)
    const s = await start(data)
    const wrong = `${token.slice(0, -4)}AAAA`
    const bad = await login(s, { token: wrong, next: "/?page=trends" })
    expect(bad.status).toBe(401)
    expect(await bad.text()).toContain('data-message="wrong"')
    const viaHeader = await fetch(new URL("/data/facts.arrow", s.url), {
      headers: { Authorization: `Bearer ${wrong}` },
    })
    expect(viaHeader.status).toBe(401)
    const log = logOf(data)
    expect(log).toContain(`"reason":"wrong secret for token id ${tokenId}"`)
    expect(log).toMatch(/"time":"\d{4}-\d\d-\d\dT/)
    expect(log).toMatch(/"ip":"(::ffff:)?127\.0\.0\.1"/)
    expect(log).not.toContain(wrong)
    // The secret is everything after the id; it may itself contain "_" (base64url).
    const secretOf = (t: string) => t.split("_").slice(2).join("_")
    expect(secretOf(wrong).length).toBeGreaterThan(8)
    expect(log).not.toContain(secretOf(wrong))
    expect(log).not.toContain(secretOf(token))

    const good = await login(s, { token: ` ${token}\n`, next: "/?page=trends" })
    expect(good.status).toBe(303)
    expect(good.headers.get("location")).toBe("/?page=trends")
    const cookie = good.headers.get("set-cookie") ?? ""
    expect(cookie).toMatch(/^lp_session=[A-Za-z0-9_-]{43};/)
    for (const attr of ["HttpOnly", "SameSite=Strict", "Path=/"]) expect(cookie).toContain(attr)
    expect(cookie).not.toContain(token.split("_").slice(2).join("_"))
    const session = cookie.split(";")[0]!
    const data1 = await fetch(new URL("/data/facts.arrow", s.url), { headers: { Cookie: session } })
    expect(await data1.text()).toBe("FACTS")
    expect(await (await fetch(new URL("/", s.url), { headers: { Cookie: session } })).text()).toContain(
      "<title>app</title>",
    )
    // signing out ends the session
    const out = await fetch(new URL("/logout", s.url), {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: session, Origin: s.url.slice(0, -1) },
    })
    expect(out.status).toBe(303)
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0")
    expect((await fetch(new URL("/data/facts.arrow", s.url), { headers: { Cookie: session } })).status).toBe(
      401,
    )
  })

  it("refuses cross-site posts and never redirects off the origin", async () => {
    const s = await start(dataRoot("redirect", "planners", false))
    expect((await login(s, { token }, { Origin: "http://evil.example" })).status).toBe(403)
    // what Chromium sends for a cross-site form post under Referrer-Policy: no-referrer
    expect((await login(s, { token }, { Origin: "null", "Sec-Fetch-Site": "cross-site" })).status).toBe(403)
    for (const next of [
      "//evil.example/",
      "https://evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
    ]) {
      const res = await login(s, { token, next })
      expect(res.status).toBe(303)
      expect(res.headers.get("location")).toBe("/")
    }
    const page = await (await fetch(new URL('/login?next="><script>x()</script>', s.url))).text()
    expect(page).not.toContain("<script>")
  })

  it("a revoked token stops working, sessions included, within the re-check interval", async () => {
    let now = Date.now()
    const data = dataRoot("revoke", "planners", false)
    const own = await createToken(join(data, "warehouse", "access.json"), "planners")
    const s = await start(data, { now: () => now })
    const session = ((await login(s, { token: own.token })).headers.get("set-cookie") ?? "").split(";")[0]!
    const get = (headers: Record<string, string>) => fetch(new URL("/data/facts.arrow", s.url), { headers })
    expect((await get({ Cookie: session })).status).toBe(200)
    expect((await get({ Authorization: `Bearer ${own.token}` })).status).toBe(200)
    await revokeToken(join(data, "warehouse", "access.json"), own.id)
    now += 31_000
    expect((await get({ Cookie: session })).status).toBe(401)
    expect((await get({ Authorization: `Bearer ${own.token}` })).status).toBe(401)
    expect(logOf(data)).toContain(`token id ${own.id} was revoked`)
  })
})

describe("rate limit", () => {
  it("after N failures an ip waits, doubling, even with the right token; the wait is logged", async () => {
    let now = Date.now()
    const data = dataRoot("limit", "planners", false)
    const s = await start(data, { freeAttempts: 3, baseDelayMs: 10_000, now: () => now })
    const bearer = (t: string) =>
      fetch(new URL("/data/facts.arrow", s.url), { headers: { Authorization: `Bearer ${t}` } })
    for (let i = 0; i < 3; i++) expect((await bearer("lpt_nonsense")).status).toBe(401)
    const limited = await bearer(token)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get("retry-after"))).toBe(10)
    const form = await login(s, { token })
    expect(form.status).toBe(429)
    expect(await form.text()).toContain('data-message="rate-limited"')
    expect(logOf(data)).toContain('"reason":"rate limited"')
    now += 10_001
    expect((await bearer("lpt_nonsense")).status).toBe(401) // 4th failure: 20 s
    expect(Number((await bearer(token)).headers.get("retry-after"))).toBe(20)
    now += 20_001
    expect((await bearer(token)).status).toBe(200) // success clears the count
    expect((await bearer("lpt_nonsense")).status).toBe(401)
    expect((await bearer(token)).status).toBe(200)
    expect(logOf(data)).not.toContain(token)
  })
})

describe("--no-auth", () => {
  it("is refused for a protected release on a non-loopback host, allowed on loopback", async () => {
    const data = dataRoot("noauth", "planners", false)
    await expect(
      serve({ dist: join(root, "dist"), dataRoot: data, host: "0.0.0.0", port: 0, access: { mode: "off" } }),
    ).rejects.toThrow(/--no-auth refused/)
    const local = await start(data, { mode: "off" })
    expect((await fetch(new URL("/data/facts.arrow", local.url))).status).toBe(200)
    // a release switched to a protected one while running: refused at request time too
    const server = createServer(
      handler({ dist: join(root, "dist"), dataRoot: data, host: "0.0.0.0", access: { mode: "off" } }),
    )
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok))
    const { port } = server.address() as AddressInfo
    const res = await fetch(`http://127.0.0.1:${port}/data/facts.arrow`)
    expect(res.status).toBe(503)
    expect(await res.text()).not.toContain("FACTS")
    server.closeAllConnections()
    await new Promise<void>((ok) => server.close(() => ok()))
  })
})

describe("DNS rebinding", () => {
  it("answers only Host names of the bound address (421 otherwise), even with --no-auth on loopback", async () => {
    const data = dataRoot("rebinding", "planners", false)
    const s = await start(data, { mode: "off" })
    const { request } = await import("node:http")
    const get = (host: string) =>
      new Promise<number>((ok, fail) => {
        const req = request(new URL("/data/facts.arrow", s.url), { headers: { Host: host } }, (res) => {
          res.resume()
          ok(res.statusCode ?? 0)
        })
        req.on("error", fail)
        req.end()
      })
    const port = new URL(s.url).port
    expect(await get(`evil.example:${port}`)).toBe(421)
    expect(await get("attacker.test")).toBe(421)
    expect(await get(`127.0.0.1.evil.example:${port}`)).toBe(421)
    expect(await get(`127.0.0.1:${port}`)).toBe(200)
    expect(await get(`localhost:${port}`)).toBe(200)
    expect(await get(`[::1]:${port}`)).toBe(200)
  })

  it("hostnameOf reads names, IPv6 literals and ports, and rejects junk", async () => {
    const { hostnameOf, allowedHostnames } = await import("../server/host-check.ts")
    expect(hostnameOf("LocalHost:4173")).toBe("localhost")
    expect(hostnameOf("[::1]:80")).toBe("::1")
    expect(hostnameOf("a b")).toBeNull()
    expect(hostnameOf(undefined)).toBeNull()
    expect(allowedHostnames("10.1.2.3").has("localhost")).toBe(false)
    expect(allowedHostnames("10.1.2.3", ["dash.example.org"]).has("dash.example.org")).toBe(true)
  })
})
