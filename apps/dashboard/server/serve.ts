/**
 * The dashboard's static server: the built app from `dist`, the current release under /data/
 * (resolved through data/published/current.json on every request, so a new release shows without a
 * restart), boundaries under /geo/ (a deployment's imported files in data/geo/imported, else the
 * committed defaults in apps/dashboard/boundaries) and the optional planning input
 * under /planning/. Every response carries the Content-Security-Policy; nothing outside those folders
 * is reachable. Used by `pnpm start` and by the browser tests.
 *
 * Access (server/access.ts): when the current release is protected (planners tier, not synthetic) or
 * `access.mode` is "required", /data/* and /planning/* need a session cookie from the sign-in form
 * (GET/POST /login, POST /logout) or `Authorization: Bearer <token>`, else 401 (429 while an ip is
 * rate-limited); the app's page itself is replaced by the sign-in page, so a visitor without a token
 * sees a form, not a broken map. Boundaries and the app's code are public, except the linkage review
 * page's code (`assets/ReviewPage-*`, for data managers): served only with a planners-tier release and
 * behind the same token as its data; never with a public release (404).
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { basename, extname, join, normalize, resolve, sep } from "node:path"
import { AccessGate, type AccessOptions, clientIp, isLoopback, releaseProtection } from "./access.ts"
import { CSP_HEADER, LOGIN_CSP } from "./csp.ts"
import { allowedHostnames, hostAllowed } from "./host-check.ts"
import { type LoginMessage, loginCss, loginPage, safeNext } from "./login.ts"

export const MIME: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".geojson": "application/geo+json; charset=utf-8",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
}

export interface ServeOptions {
  /** The built app (apps/dashboard/dist). */
  readonly dist: string
  /** The repository's data folder: published/, geo/, planning/. */
  readonly dataRoot: string
  readonly host?: string
  /** Preferred port; the next free one is taken when it is busy. 0 = any free port. */
  readonly port?: number
  /** Token checks for protected releases (server/access.ts); default mode "auto". */
  readonly access?: AccessOptions
  /**
   * One line per request (`GET /data/facts.arrow 200 4ms`: the path without its query string, never
   * a header, cookie or form field) and one when the release served changes. Default: silent.
   */
  readonly log?: (line: string) => void
  /** Host names to answer besides the addresses bound to (e.g. an HTTPS proxy's name); see host-check.ts. */
  readonly allowedHosts?: ReadonlyArray<string>
}

export interface Served {
  readonly url: string
  readonly port: number
  readonly server: Server
  close(): Promise<void>
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CSP_HEADER,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
}

/** A path under `base`, or null when the request tries to leave it. */
const inside = (base: string, rel: string): string | null => {
  const full = resolve(base, `.${sep}${normalize(rel).replace(/^([/\\])+/, "")}`)
  return full === base || full.startsWith(base + sep) ? full : null
}

export const currentReleaseDir = (dataRoot: string): string | null => {
  const pointer = join(dataRoot, "published", "current.json")
  if (!existsSync(pointer)) return null
  const { release } = JSON.parse(readFileSync(pointer, "utf8")) as { release?: unknown }
  if (typeof release !== "string" || !/^[A-Za-z0-9._-]+$/.test(release)) return null
  return join(dataRoot, "published", "releases", release)
}

/** The release current.json points to, or null (the name only, as currentReleaseDir checks it). */
const currentRelease = (dataRoot: string): string | null => {
  const dir = currentReleaseDir(dataRoot)
  return dir === null ? null : basename(dir)
}

/** The request's path for the log: never its query string, which may carry a token. */
export const requestPath = (raw: string | undefined): string => {
  try {
    return new URL(raw ?? "/", "http://localhost").pathname
  } catch {
    return "(unparseable)"
  }
}

/** The project's default boundaries, committed (built by `pnpm --filter @lao-protect/dashboard build:boundaries`). */
export const COMMITTED_BOUNDARIES = resolve(import.meta.dirname, "../boundaries")

export const boundaryFile = (dataRoot: string, name: string): string | null => {
  for (const file of [join(dataRoot, "geo", "imported", name), join(COMMITTED_BOUNDARIES, name)]) {
    if (existsSync(file)) return file
  }
  return null
}

const send = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" })
  res.end(body)
}

const sendFile = (req: IncomingMessage, res: ServerResponse, file: string, cache: string) => {
  const stat = statSync(file)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": MIME[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": stat.size,
    "Cache-Control": cache,
  })
  if (req.method === "HEAD") return void res.end()
  createReadStream(file).pipe(res)
}

const isFile = (file: string | null): file is string =>
  file !== null && existsSync(file) && statSync(file).isFile()

const sendLogin = (
  res: ServerResponse,
  status: number,
  options: Parameters<typeof loginPage>[0],
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Security-Policy": LOGIN_CSP,
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    ...headers,
  })
  res.end(loginPage(options))
}

const denied = (res: ServerResponse, status: 401 | 429 | 503, retryAfterS?: number) => {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    ...(status === 401 ? { "WWW-Authenticate": 'Bearer realm="lao-protect"' } : {}),
    ...(retryAfterS ? { "Retry-After": String(retryAfterS) } : {}),
  })
  res.end(
    status === 401
      ? "a planners token is required: sign in at /login or send Authorization: Bearer <token>"
      : status === 429
        ? "too many failed attempts: try again later"
        : "refusing to serve a protected release without tokens on a network address",
  )
}

const readForm = (req: IncomingMessage, limit = 8192) =>
  new Promise<URLSearchParams | null>((ok) => {
    if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers["content-type"] ?? "")) return ok(null)
    let size = 0
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => {
      size += c.length
      if (size > limit) {
        req.destroy()
        ok(null)
      } else chunks.push(c)
    })
    req.on("end", () => ok(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))))
    req.on("error", () => ok(null))
  })

/**
 * A POST must come from this server's own pages (no cross-site login or logout). Browsers say so in
 * Sec-Fetch-Site (with Referrer-Policy no-referrer Chromium sends `Origin: null` on form posts);
 * otherwise the Origin must be this host; a client that sends neither (curl, scripts) is not a browser.
 */
const sameOrigin = (req: IncomingMessage): boolean => {
  const site = req.headers["sec-fetch-site"]
  if (site !== undefined) return site === "same-origin" || site === "none"
  const origin = req.headers.origin
  if (origin === undefined || origin === "null") return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

/** The review page's lazy chunk (Vite names it after the module): data managers only. */
const REVIEW_CODE = /^\/assets\/ReviewPage-[\w-]+\.(js|css)$/

export const handler = (options: ServeOptions) => {
  const dist = resolve(options.dist)
  const dataRoot = resolve(options.dataRoot)
  const gate = new AccessGate(dataRoot, options.access)
  const networked = !isLoopback(options.host ?? "127.0.0.1")
  /** Does the current release need credentials, and is serving it refused outright? */
  const policy = () => {
    const release = currentReleaseDir(dataRoot)
    const protection = release ? releaseProtection(release) : null
    return {
      needsToken: gate.needsToken(protection),
      refused: gate.mode === "off" && networked && (protection?.protected ?? false),
      tier: protection?.tier ?? "unknown",
    }
  }
  const hosts = allowedHostnames(options.host ?? "127.0.0.1", options.allowedHosts)
  const inner = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req, hosts)) return send(res, 421, "this server does not answer to that host name")
    let path: string
    let url: URL
    try {
      url = new URL(req.url ?? "/", "http://localhost")
      path = decodeURIComponent(url.pathname)
    } catch {
      return send(res, 400, "bad request")
    }
    if (path === "/login" || path === "/logout") {
      const { needsToken } = policy()
      if (req.method === "POST") {
        if (!sameOrigin(req)) return send(res, 403, "cross-site form post refused")
        if (path === "/logout") {
          res.writeHead(303, {
            ...SECURITY_HEADERS,
            "Set-Cookie": gate.endSession(req),
            Location: "/login?out=1",
          })
          return void res.end()
        }
        const form = await readForm(req)
        const next = safeNext(form?.get("next"))
        const token = form?.get("token")?.trim() ?? ""
        const result = await gate.verifyToken(token, clientIp(req))
        if (!result.ok) {
          const message: LoginMessage = result.status === 429 ? "rate-limited" : "wrong"
          return sendLogin(
            res,
            result.status,
            { message, next, retryAfterS: result.retryAfterS },
            result.retryAfterS ? { "Retry-After": String(result.retryAfterS) } : {},
          )
        }
        res.writeHead(303, {
          ...SECURITY_HEADERS,
          "Set-Cookie": gate.startSession(result.tokenId),
          Location: next,
        })
        return void res.end()
      }
      if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed")
      if (path === "/logout") return send(res, 405, "sign out with the form on /login")
      const signedIn = (await gate.session(req)) !== null
      if (!needsToken && !signedIn) {
        res.writeHead(303, { ...SECURITY_HEADERS, Location: "/" })
        return void res.end()
      }
      const message: LoginMessage = signedIn
        ? "signed-in"
        : url.searchParams.has("out")
          ? "signed-out"
          : "required"
      return sendLogin(res, 200, { message, next: url.searchParams.get("next") ?? "/", signedIn })
    }
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed")
    if (path === "/login.css") {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        "Content-Type": "text/css; charset=utf-8",
        "Cache-Control": "no-cache",
      })
      return void res.end(loginCss(dist))
    }
    const reviewCode = REVIEW_CODE.test(path)
    if (reviewCode && policy().tier !== "planners") return send(res, 404, "not found")
    const guarded = path.startsWith("/data/") || path.startsWith("/planning/") || reviewCode
    const appPage =
      path === "/" ||
      path === "/index.html" ||
      (extname(path) === "" && !guarded && !path.startsWith("/geo/"))
    let protectedData = false
    if (guarded || appPage) {
      const { needsToken, refused } = policy()
      if (refused && guarded) return denied(res, 503)
      if (needsToken) {
        protectedData = true
        if (appPage) {
          if ((await gate.session(req)) === null)
            return sendLogin(
              res,
              401,
              { message: "required", next: `${url.pathname}${url.search}` },
              { "WWW-Authenticate": 'Bearer realm="lao-protect"' },
            )
        } else {
          const check = await gate.check(req)
          if (!check.ok) return denied(res, check.status, check.retryAfterS)
        }
      }
    }
    const dataCache = protectedData ? "private, no-store" : "no-cache"
    if (path.startsWith("/data/")) {
      const release = currentReleaseDir(dataRoot)
      const file = release ? inside(release, path.slice("/data/".length)) : null
      return isFile(file) ? sendFile(req, res, file, dataCache) : send(res, 404, "not found")
    }
    if (path.startsWith("/geo/")) {
      const name = path.slice("/geo/".length)
      const file = /^(provinces|districts|countries)\.geojson$/.test(name)
        ? boundaryFile(dataRoot, name)
        : null
      return isFile(file) ? sendFile(req, res, file, "no-cache") : send(res, 404, "not found")
    }
    const planningInput = /^\/planning\/(cpn-coverage|shelters|unit-costs)\.csv$/.exec(path)
    if (planningInput) {
      // optional input: 204 tells the app to use its illustrative list, without a console error
      const file = join(dataRoot, "planning", `${planningInput[1]}.csv`)
      if (isFile(file)) return sendFile(req, res, file, dataCache)
      res.writeHead(204, SECURITY_HEADERS)
      return void res.end()
    }
    const file = inside(dist, path === "/" ? "index.html" : path)
    if (isFile(file)) {
      return sendFile(
        req,
        res,
        file,
        reviewCode
          ? dataCache
          : path.startsWith("/assets/")
            ? "public, max-age=31536000, immutable"
            : "no-cache",
      )
    }
    if (extname(path) === "" && isFile(join(dist, "index.html"))) {
      return sendFile(req, res, join(dist, "index.html"), "no-cache")
    }
    return send(res, 404, "not found")
  }
  const log = options.log
  let servedRelease = log ? currentRelease(dataRoot) : null
  if (log) log(servedRelease ? `Serving release ${servedRelease}.` : "No release published yet.")
  return (req: IncomingMessage, res: ServerResponse) => {
    if (log) {
      const started = performance.now()
      let release: string | null
      try {
        release = currentRelease(dataRoot)
      } catch {
        release = servedRelease // an unreadable current.json: the request itself answers 500 and reports it
      }
      if (release !== servedRelease) {
        log(`Release changed: now serving ${release ?? "no release"} (was ${servedRelease ?? "none"}).`)
        servedRelease = release
      }
      res.once("close", () =>
        log(
          `${req.method} ${requestPath(req.url)} ${res.statusCode} ${Math.round(performance.now() - started)}ms`,
        ),
      )
    }
    inner(req, res).catch((err: unknown) => {
      console.error("server error:", err instanceof Error ? err.message : err)
      if (!res.headersSent) send(res, 500, "server error")
      else res.destroy()
    })
  }
}

const listen = (server: Server, port: number, host: string) =>
  new Promise<number>((ok, fail) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off("listening", onListening)
      fail(err)
    }
    const onListening = () => {
      server.off("error", onError)
      ok((server.address() as AddressInfo).port)
    }
    server.once("error", onError)
    server.once("listening", onListening)
    server.listen(port, host)
  })

export async function serve(options: ServeOptions): Promise<Served> {
  const host = options.host ?? "127.0.0.1"
  if (options.access?.mode === "off" && !isLoopback(host)) {
    const release = currentReleaseDir(resolve(options.dataRoot))
    const protection = release ? releaseProtection(release) : null
    if (protection?.protected)
      throw new Error(
        `--no-auth refused: the current release is ${protection.tier} tier and not synthetic, and ${host} is not a loopback address`,
      )
  }
  const server = createServer(handler(options))
  const preferred = options.port ?? 4173
  let port = -1
  for (const candidate of preferred === 0
    ? [0]
    : [...Array.from({ length: 20 }, (_, i) => preferred + i), 0]) {
    try {
      port = await listen(server, candidate, host)
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err
    }
  }
  return {
    url: `http://${host}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
