/**
 * Starts DuckDB-WASM (the eh bundle only, self-hosted through Vite `?url`), loads the release's
 * Arrow tables and builds `facts_k` (the cube with ENUM keys the cross-filter indexes are built from).
 * Nothing here talks to another origin.
 */

import mainWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url"
import mainModule from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url"
import { type Connector, Publication, prepareViews } from "@lao-protect/warehouse"
import { openWasm } from "@lao-protect/warehouse/wasm"
import { reportFailure } from "../lib/report.ts"
import { fetchProtected } from "./http.ts"
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

export async function startEngine(manifest: Manifest): Promise<Connector> {
  if (manifest.tables && !manifest.tables.facts) throw new NoFactsCube()
  const [conn, facts] = await Promise.all([
    openWasm({ mainModule, mainWorker }),
    fetchBytes("/data/facts.arrow"),
  ])
  await conn.insertArrowIPC("facts", facts)
  const columns = await conn.query<{ name: string }>(
    "SELECT name FROM pragma_table_info('facts') ORDER BY cid",
  )
  const problem = Publication.factColumnsProblem(columns.map((c) => c.name))
  if (problem) throw new Publication.ContractMismatch("facts.arrow", problem)
  await loadOtherTables(conn, manifest)
  await prepareViews(conn)
  return conn
}

/**
 * The published tables of a release without a facts cube (the public tier: estimates, summaries),
 * for the pages that read them with SQL; no views are prepared (they need the cube).
 */
export async function startPublishedTables(manifest: Manifest): Promise<Connector> {
  const conn = await openWasm({ mainModule, mainWorker })
  await loadOtherTables(conn, manifest)
  return conn
}

async function loadOtherTables(conn: Connector, manifest: Manifest): Promise<void> {
  const others = Object.entries(manifest.tables ?? {}).filter(
    ([name, t]) => name !== "facts" && t.file.endsWith(".arrow") && /^[a-z_][a-z0-9_]*$/.test(name),
  )
  for (const [name, t] of others) {
    try {
      await conn.insertArrowIPC(name, await fetchBytes(`/data/${encodeURIComponent(t.file)}`))
    } catch (err) {
      // optional published tables: the views only need facts
      reportFailure(`loading published table ${name}`)(err)
    }
  }
}
