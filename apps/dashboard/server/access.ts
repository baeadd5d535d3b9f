/**
 * Access control for the served release (docs/privacy.md, "Access tokens for the planners tier").
 *
 * A release is *protected* when its manifest is not synthetic and its tier is not "public" (the
 * planners tier carries the microdata-equivalent facts cube; an unreadable manifest or an unknown
 * tier is protected too: fail closed). `mode: "required"` (`--require-token`, REQUIRE_TOKEN=1)
 * protects every release, which is how the synthetic fixture is tested; `mode: "off"` (`--no-auth`)
 * protects none, and the server refuses it for a protected release on a non-loopback host.
 *
 * Credentials: `Authorization: Bearer <token>` (checked with the warehouse's `verifyAccess`, scrypt)
 * or a session cookie set by the login form (POST /login): HttpOnly, SameSite=Strict, Path=/, 8 hours.
 * The cookie holds a random session id, never the token. Sessions and verified bearer tokens are
 * re-checked against access.json every 30 s, so a revoked token stops working within that time.
 *
 * Failures are appended to access.log as `{ time, ip, reason }` (by `verifyAccess`, and here for
 * requests without credentials and for rate-limited attempts); the token is never logged. After
 * `freeAttempts` failures from one ip every further attempt waits `baseDelayMs * 2^(n - free)`
 * (capped at `maxDelayMs`); attempts during the wait get 429 with Retry-After, even with a right token.
 * One verification per ip runs at a time. A success clears the ip's count.
 */
import { createHash, randomBytes } from "node:crypto"
import { existsSync, readFileSync, statSync } from "node:fs"
import { appendFile, mkdir } from "node:fs/promises"
import type { IncomingMessage } from "node:http"
import { dirname, join } from "node:path"
import { type AccessPaths, readAccessFile, verifyAccess } from "@lao-protect/warehouse/access"

export type AuthMode = "auto" | "required" | "off"

export interface AccessOptions {
  /** auto (default): protected releases need a token; required: every release; off: none. */
  readonly mode?: AuthMode
  /** Default `<dataRoot>/warehouse/access.json` (where `lao-protect access create-token` writes). */
  readonly accessFile?: string
  /** Default `<dataRoot>/warehouse/access.log`. */
  readonly logFile?: string
  /** Failures per ip before delays start (default 5). */
  readonly freeAttempts?: number
  /** First delay after the free attempts (default 1 s), doubled on every further failure. */
  readonly baseDelayMs?: number
  /** Longest delay (default 15 minutes). */
  readonly maxDelayMs?: number
  /** Session lifetime (default 8 hours). */
  readonly sessionMs?: number
  /** Clock, for tests. */
  readonly now?: () => number
}

export const SESSION_COOKIE = "lp_session"
const RECHECK_MS = 30_000
const FORGET_FAILURES_MS = 60 * 60 * 1000

export interface Protection {
  readonly protected: boolean
  readonly tier: string
  readonly synthetic: boolean
}

const manifestCache = new Map<string, { mtimeMs: number; protection: Protection }>()

/** Whether the release in `releaseDir` needs a token in "auto" mode (fail closed on a bad manifest). */
export function releaseProtection(releaseDir: string): Protection {
  const file = join(releaseDir, "manifest.json")
  if (!existsSync(file)) return { protected: true, tier: "unknown", synthetic: false }
  const mtimeMs = statSync(file).mtimeMs
  const cached = manifestCache.get(file)
  if (cached && cached.mtimeMs === mtimeMs) return cached.protection
  let protection: Protection
  try {
    const m = JSON.parse(readFileSync(file, "utf8")) as {
      tier?: unknown
      synthetic?: unknown
      syntheticInputs?: unknown
    }
    const tier = typeof m.tier === "string" ? m.tier : "unknown"
    // The same proof publish applies: synthetic only with the recorded synth inputs it came from.
    const synthetic =
      m.synthetic === true &&
      Array.isArray(m.syntheticInputs) &&
      m.syntheticInputs.length > 0 &&
      m.syntheticInputs.every(
        (i: unknown) =>
          typeof i === "object" &&
          i !== null &&
          /^[0-9a-f]{64}$/.test(String((i as { sha256?: unknown }).sha256)),
      )
    protection = { protected: !synthetic && tier !== "public", tier, synthetic }
  } catch {
    // An unreadable or malformed manifest fails closed: the release is treated as protected.
    protection = { protected: true, tier: "unknown", synthetic: false }
  }
  manifestCache.set(file, { mtimeMs, protection })
  return protection
}

/** 127.0.0.0/8, ::1 and localhost; 0.0.0.0 and :: listen on every interface and are not. */
export const isLoopback = (host: string): boolean =>
  host === "localhost" ||
  host === "::1" ||
  /^127\.\d+\.\d+\.\d+$/.test(host) ||
  /^::ffff:127\.\d+\.\d+\.\d+$/i.test(host)

export const clientIp = (req: IncomingMessage): string => req.socket.remoteAddress ?? "unknown"

const cookieOf = (req: IncomingMessage, name: string): string | undefined => {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=")
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export type Check =
  | { readonly ok: true; readonly tokenId: string }
  | { readonly ok: false; readonly status: 401 | 429; readonly retryAfterS?: number; readonly reason: string }

interface Grant {
  readonly tokenId: string
  readonly expires: number
  checkedAt: number
}

interface Failures {
  count: number
  last: number
  lockedUntil: number
}

export class AccessGate {
  readonly mode: AuthMode
  readonly paths: AccessPaths
  private readonly freeAttempts: number
  private readonly baseDelayMs: number
  private readonly maxDelayMs: number
  private readonly sessionMs: number
  private readonly now: () => number
  private readonly sessions = new Map<string, Grant>()
  private readonly bearers = new Map<string, Grant>()
  private readonly failures = new Map<string, Failures>()
  private readonly inflight = new Set<string>()

  constructor(dataRoot: string, options: AccessOptions = {}) {
    this.mode = options.mode ?? "auto"
    this.paths = {
      accessFile: options.accessFile ?? join(dataRoot, "warehouse", "access.json"),
      logFile: options.logFile ?? join(dataRoot, "warehouse", "access.log"),
    }
    this.freeAttempts = options.freeAttempts ?? 5
    this.baseDelayMs = options.baseDelayMs ?? 1000
    this.maxDelayMs = options.maxDelayMs ?? 15 * 60 * 1000
    this.sessionMs = options.sessionMs ?? 8 * 60 * 60 * 1000
    this.now = options.now ?? Date.now
  }

  /** Does a request for this release need credentials? */
  needsToken(protection: Protection | null): boolean {
    if (this.mode === "off") return false
    if (this.mode === "required") return true
    return protection?.protected ?? false
  }

  /** One JSON line `{ time, ip, reason }`, the format `verifyAccess` writes; never a token. */
  async log(ip: string, reason: string): Promise<void> {
    const line = { time: new Date(this.now()).toISOString(), ip, reason }
    await mkdir(dirname(this.paths.logFile), { recursive: true })
    await appendFile(this.paths.logFile, `${JSON.stringify(line)}\n`, { mode: 0o600 })
  }

  /** Milliseconds this ip must still wait before its next attempt (0 = may try). */
  private waitFor(ip: string): number {
    const f = this.failures.get(ip)
    if (!f) return 0
    if (this.now() - f.last > FORGET_FAILURES_MS) {
      this.failures.delete(ip)
      return 0
    }
    return Math.max(0, f.lockedUntil - this.now())
  }

  private failed(ip: string): void {
    const now = this.now()
    if (this.failures.size > 10_000)
      for (const [k, f] of this.failures) if (now - f.last > FORGET_FAILURES_MS) this.failures.delete(k)
    const f = this.failures.get(ip) ?? { count: 0, last: now, lockedUntil: 0 }
    f.count += 1
    f.last = now
    if (f.count >= this.freeAttempts)
      f.lockedUntil = now + Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (f.count - this.freeAttempts))
    this.failures.set(ip, f)
  }

  /** A grant is good while unexpired and its token is still in access.json, unrevoked, planners. */
  private async stillValid(grant: Grant): Promise<boolean> {
    if (this.now() > grant.expires) return false
    if (this.now() - grant.checkedAt < RECHECK_MS) return true
    try {
      const record = (await readAccessFile(this.paths.accessFile)).tokens.find((t) => t.id === grant.tokenId)
      if (!record || record.revokedAt || record.tier !== "planners") return false
    } catch {
      // An unreadable access file fails closed: the session ends and the user signs in again.
      return false
    }
    grant.checkedAt = this.now()
    return true
  }

  /** The session behind the request's cookie, if any and still valid. */
  async session(req: IncomingMessage): Promise<string | null> {
    const id = cookieOf(req, SESSION_COOKIE)
    const grant = id ? this.sessions.get(id) : undefined
    if (!id || !grant) return null
    if (await this.stillValid(grant)) return grant.tokenId
    this.sessions.delete(id)
    return null
  }

  /** Verify a token typed or sent by `ip`, with the rate limit; logs every failure. */
  async verifyToken(token: string, ip: string): Promise<Check> {
    const wait = this.waitFor(ip)
    if (wait > 0 || this.inflight.has(ip)) {
      await this.log(ip, wait > 0 ? "rate limited" : "concurrent attempt refused")
      return {
        ok: false,
        status: 429,
        retryAfterS: Math.max(1, Math.ceil(wait / 1000)),
        reason: "rate limited",
      }
    }
    const key = createHash("sha256").update(token).digest("hex")
    const cached = this.bearers.get(key)
    if (cached && (await this.stillValid(cached))) return { ok: true, tokenId: cached.tokenId }
    this.bearers.delete(key)
    this.inflight.add(ip)
    try {
      const result = await verifyAccess({ authorization: `Bearer ${token}` }, this.paths, { ip })
      if (!result.ok) {
        this.failed(ip)
        return { ok: false, status: 401, reason: result.reason }
      }
      this.failures.delete(ip)
      if (this.bearers.size > 1000) this.bearers.clear()
      this.bearers.set(key, {
        tokenId: result.tokenId,
        expires: this.now() + this.sessionMs,
        checkedAt: this.now(),
      })
      return { ok: true, tokenId: result.tokenId }
    } finally {
      this.inflight.delete(ip)
    }
  }

  /** Check a request for protected content: session cookie, else bearer token. */
  async check(req: IncomingMessage): Promise<Check> {
    const ip = clientIp(req)
    const fromSession = await this.session(req)
    if (fromSession) return { ok: true, tokenId: fromSession }
    const auth = req.headers.authorization
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(auth)
      if (!m) {
        await this.log(ip, "Authorization is not a Bearer token")
        this.failed(ip)
        return { ok: false, status: 401, reason: "not a bearer token" }
      }
      return this.verifyToken(m[1]!, ip)
    }
    // no credentials at all: logged, not counted (a page opened before signing in is not a guess)
    await this.log(ip, "no token or session")
    return { ok: false, status: 401, reason: "no token or session" }
  }

  /** A new session for a verified token: the Set-Cookie value. */
  startSession(tokenId: string): string {
    const id = randomBytes(32).toString("base64url")
    if (this.sessions.size > 10_000)
      for (const [k, g] of this.sessions) if (this.now() > g.expires) this.sessions.delete(k)
    this.sessions.set(id, { tokenId, expires: this.now() + this.sessionMs, checkedAt: this.now() })
    return `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${Math.floor(this.sessionMs / 1000)}`
  }

  /** Forget the request's session: the Set-Cookie value that clears the cookie. */
  endSession(req: IncomingMessage): string {
    const id = cookieOf(req, SESSION_COOKIE)
    if (id) this.sessions.delete(id)
    return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`
  }
}
