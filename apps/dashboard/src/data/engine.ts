/**
 * Starts DuckDB-WASM (the eh bundle only, self-hosted through Vite `?url`) and loads the release's
 * facts cube; `facts_k` (the cube with ENUM keys the cross-filter indexes are built from) is built
 * after ready, and the release's other Arrow tables load when a query first names them (`onDemand.ts`).
 * Nothing here talks to another origin.
 */

import { type Connector, Publication, prepareViews } from "@lao-protect/warehouse"
import { reportFailure } from "../lib/report.ts"
import { fetchProtected } from "./http.ts"
import { withCubeOnDemand, withTablesOnDemand } from "./onDemand.ts"
import { takeEngine } from "./prestart.ts"
import type { Manifest } from "./release.ts"

const fetchBytes = async (url: string): Promise<Uint8Array> => {
  const res = await fetchProtected(url)
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`)
  return new Uint8Array(await res.arrayBuffer())
}

/** A release without the facts cube (the `public` tier): the app can only show the published summary. */
export class NoFactsCube extends Error {
  constructor() {
    super("this release has no facts cube")
  }
}

/** Each step of the start as a User Timing measure `engine:<step>` (read by tooling/bench). */
const timed = async <T>(step: string, f: () => Promise<T>): Promise<T> => {
  const start = performance.now()
  try {
    return await f()
  } finally {
    performance.measure(`engine:${step}`, { start, end: performance.now() })
  }
}

/**
 * Fetched, checked against the contract and split into integer codes and the view that gives the
 * text back (`factCodes.ts`) while DuckDB instantiates; Apache Arrow loads with the engine's chunk.
 */
const fetchFacts = async () => {
  const [{ splitFacts }, bytes] = await Promise.all([
    import("./factCodes.ts"),
    timed("fetch_facts", () => fetchBytes("/data/facts.arrow")),
  ])
  const facts = await timed("split_facts", async () => splitFacts(bytes))
  const problem = Publication.factColumnsProblem(facts.columns)
  if (problem) throw new Publication.ContractMismatch("facts.arrow", problem)
  return facts
}

export async function startEngine(manifest: Manifest): Promise<Connector> {
  if (manifest.tables && !manifest.tables.facts) throw new NoFactsCube()
  const [conn, facts] = await Promise.all([timed("instantiate", takeEngine), fetchFacts()])
  await timed("insert_facts", () => conn.insertArrowIPC(facts.table, facts.codes))
  await timed("facts_view", () => conn.exec(facts.viewSql))
  // optional published tables: the views only need facts, the pages that read them load them;
  // facts_k is built after ready (the first interaction reads facts, then asks for it)
  return withCubeOnDemand(
    withTablesOnDemand(conn, otherTables(manifest), async (name, file) =>
      timed(`load:${name}`, async () =>
        conn.insertArrowIPC(name, await fetchBytes(`/data/${encodeURIComponent(file)}`)),
      ),
    ),
    () => timed("prepare_views", () => prepareViews(conn)),
  )
}

/**
 * The published tables of a release without a facts cube (the public tier: estimates, summaries),
 * for the pages that read them with SQL; no views are prepared (they need the cube).
 */
export async function startPublishedTables(manifest: Manifest): Promise<Connector> {
  const conn = await takeEngine()
  for (const [name, file] of otherTables(manifest)) {
    try {
      await conn.insertArrowIPC(name, await fetchBytes(`/data/${encodeURIComponent(file)}`))
    } catch (err) {
      reportFailure(`loading published table ${name}`)(err)
    }
  }
  return conn
}

/** The release's Arrow tables other than the facts cube, as [name, file]. */
const otherTables = (manifest: Manifest): ReadonlyArray<readonly [string, string]> =>
  Object.entries(manifest.tables ?? {})
    .filter(([name, t]) => name !== "facts" && t.file.endsWith(".arrow") && /^[a-z_][a-z0-9_]*$/.test(name))
    .map(([name, t]) => [name, t.file] as const)
