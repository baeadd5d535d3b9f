/**
 * `pnpm start`: from a fresh clone, make sure there is something to show, then serve it.
 * 1. sample data (a synthetic publication) when data/published/current.json is missing;
 * 2. boundaries: data/geo/imported when a deployment imported its own, else the committed defaults
 *    (apps/dashboard/boundaries);
 * 3. `vite build` when dist is missing or older than its sources;
 * 4. serve dist + /data + /geo with the CSP on 127.0.0.1:4173 (or HOST / PORT; the next free port if
 *    busy), from the repository's data/ folder (or LAO_PROTECT_DATA), logging one line per request;
 *    Ctrl-C (SIGINT) or SIGTERM closes the server, prints "stopped" and exits 0.
 * Access (README "Access"): a planners release that is not synthetic needs a token from
 * data/warehouse/access.json; `--require-token` (REQUIRE_TOKEN=1) asks for one for any release,
 * `--no-auth` for none (refused for a protected release on a non-loopback `--host` / HOST).
 * Run with `node --import tsx --import ../../tooling/sql-loader/register.mjs` so `.sql?raw` imports work.
 */
import { existsSync } from "node:fs"
import { join, resolve } from "node:path"
import { isLoopback } from "../server/access.ts"
import { serve } from "../server/serve.ts"
import { buildApp, needsBuild } from "./freshness.ts"

const appDir = resolve(import.meta.dirname, "..")
const repoRoot = resolve(appDir, "../..")
/** LAO_PROTECT_DATA: serve another data folder as it is (no sample data or boundaries are made for it). */
const customData = process.env.LAO_PROTECT_DATA
const dataRoot = customData ? resolve(customData) : join(repoRoot, "data")

async function ensureSample(): Promise<void> {
  if (existsSync(join(dataRoot, "published", "current.json"))) return
  console.log("No publication yet: creating synthetic sample data …")
  const { ensureSampleRelease } = await import("@lao-protect/cli")
  const { release } = await ensureSampleRelease({ root: repoRoot })
  console.log(`Sample release ${release} published.`)
}

if (customData) console.log(`Serving the data folder ${dataRoot} (LAO_PROTECT_DATA).`)
else await ensureSample()
if (needsBuild(appDir)) {
  console.log("Building the dashboard …")
  await buildApp(appDir)
}
const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const optionValue = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const requireToken = flag("--require-token") || process.env.REQUIRE_TOKEN === "1"
const noAuth = flag("--no-auth")
if (requireToken && noAuth) {
  console.error("--require-token and --no-auth contradict each other.")
  process.exit(2)
}
const host = optionValue("--host") ?? process.env.HOST ?? "127.0.0.1"
const port = process.env.PORT ? Number(process.env.PORT) : 4173
let served: Awaited<ReturnType<typeof serve>>
try {
  served = await serve({
    dist: join(appDir, "dist"),
    dataRoot,
    host,
    port,
    access: { mode: requireToken ? "required" : noAuth ? "off" : "auto" },
    log: (line) => console.log(line),
    allowedHosts: args.flatMap((a, i) => (a === "--allowed-host" && args[i + 1] ? [args[i + 1]!] : [])),
  })
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
if (!isLoopback(host))
  console.warn(
    `Listening on ${host}, reachable from the network: tokens and data cross it in clear over HTTP; put an HTTPS proxy in front.`,
  )
if (noAuth) console.warn("--no-auth: no token is asked for any release.")
console.log(`Lao Protect dashboard: ${served.url}`)

// Ctrl-C reaches every process of the terminal's group, and pnpm and turbo forward it once more:
// a second signal must not kill the server halfway through closing.
let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  served.close().then(
    () => {
      console.log("Lao Protect dashboard stopped.")
      process.exit(0)
    },
    (err: unknown) => {
      console.error("stopping the server failed:", err instanceof Error ? err.message : err)
      process.exit(1)
    },
  )
}
process.on("SIGINT", stop)
process.on("SIGTERM", stop)
