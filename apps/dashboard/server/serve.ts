/**
 * The dashboard's static server: the built app from `dist`, the current release under /data/
 * (resolved through data/published/current.json on every request, so a new release shows without a
 * restart), boundaries under /geo/ (imported preferred over default) and the optional planning input
 * under /planning/. Every response carries the Content-Security-Policy; nothing outside those folders
 * is reachable. Used by `pnpm start` and by the browser tests.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { extname, join, normalize, resolve, sep } from "node:path"
import { CSP_HEADER } from "./csp.ts"

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

export const boundaryFile = (dataRoot: string, name: string): string | null => {
  for (const source of ["imported", "default"]) {
    const file = join(dataRoot, "geo", source, name)
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

export const handler = (options: ServeOptions) => {
  const dist = resolve(options.dist)
  const dataRoot = resolve(options.dataRoot)
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed")
    let path: string
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname)
    } catch {
      return send(res, 400, "bad request")
    }
    if (path.startsWith("/data/")) {
      const release = currentReleaseDir(dataRoot)
      const file = release ? inside(release, path.slice("/data/".length)) : null
      return isFile(file) ? sendFile(req, res, file, "no-cache") : send(res, 404, "not found")
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
      if (isFile(file)) return sendFile(req, res, file, "no-cache")
      res.writeHead(204, SECURITY_HEADERS)
      return void res.end()
    }
    const file = inside(dist, path === "/" ? "index.html" : path)
    if (isFile(file)) {
      return sendFile(
        req,
        res,
        file,
        path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      )
    }
    if (extname(path) === "" && isFile(join(dist, "index.html"))) {
      return sendFile(req, res, join(dist, "index.html"), "no-cache")
    }
    return send(res, 404, "not found")
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
