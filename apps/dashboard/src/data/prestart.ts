/**
 * Starts DuckDB-WASM as the app's first module runs, before React renders the map (at 1M cases
 * about a third of the start was spent before the instantiate began): as soon as the manifest says
 * the release has a facts cube, the worker is created, so its script loads while DuckDB-WASM's
 * JavaScript and Apache Arrow (a chunk of their own, kept out of the start bundle) load.
 * `engine.ts` takes the started engine once; nothing is loaded that the app did not load before.
 */
import mainWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url"
import mainModule from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url"
import type { Connector } from "@lao-protect/warehouse"

/** The self-hosted eh bundle (also the benchmark page's bare instantiate). */
export const bundle = { mainModule, mainWorker } as const

interface Opening {
  /** Resolves once the instantiate is posted to the worker (or the connector's module failed to load). */
  readonly posted: Promise<void>
  readonly conn: Promise<Connector>
}

const connector = () => import("@lao-protect/warehouse/wasm")

/** A new DuckDB-WASM instance (eh bundle), the worker created before the connector's module loads. */
const opening = (module = connector()): Opening => {
  const worker = new Worker(new URL(mainWorker, location.href).href)
  // openWasm posts the instantiate to the worker before its first await
  const conn = module.then(
    ({ openWasm }) => openWasm(bundle, { worker }),
    (err: unknown) => {
      worker.terminate()
      throw err
    },
  )
  return {
    posted: module.then(
      () => undefined,
      () => undefined,
    ),
    conn,
  }
}

const openEngine = (): Promise<Connector> => opening().conn

/**
 * Whether the served release has a facts cube (the rule of `startEngine`): only then is the engine
 * started early. A `public` tier release has none, and its map must not download the wasm (its
 * planning page starts the engine when opened). Any failure here leaves the start to the app.
 */
const hasFactsCube = (manifest: unknown): boolean => {
  const m = manifest as { tables?: Record<string, unknown> } | null
  return m !== null && typeof m === "object" && (!m.tables || m.tables.facts !== undefined)
}

/** The manifest's JSON as the prestart read it; rejects on any failure (the app then reads it itself). */
const readManifest = async (): Promise<unknown> => {
  const res = await fetch("/data/manifest.json", { cache: "no-cache" })
  if (!res.ok) throw new Error(`/data/manifest.json: HTTP ${res.status}`)
  return res.json()
}

let manifestRead: Promise<unknown> | null = null

/**
 * The manifest JSON the prestart fetched (once), so the app does not fetch it a second time at
 * start; null when there was no prestart or it was taken already.
 */
export const takePrestartManifest = (): Promise<unknown> | null => {
  const read = manifestRead
  manifestRead = null
  return read
}

let early: Promise<Connector | null> | null = null

/**
 * Starts the engine if the release has a facts cube. Resolves once the instantiate is posted to the
 * worker, when there is nothing to start, or after `waitMs`, whichever comes first: the app's first
 * render waits for it (`prestartNow.ts`), since a busy main thread would hold the instantiate back.
 */
export const prestartEngine = (waitMs = 0): Promise<void> => {
  if (early) return Promise.resolve()
  // the connector's JavaScript (not the wasm) loads while the manifest is fetched
  const module = connector()
  // a failure to load it fails the engine's start, reported by whoever takes the engine
  module.catch(() => undefined)
  const manifest = readManifest()
  // a failure is the app's to report: it reads the manifest again (`loadManifest`)
  manifest.catch(() => undefined)
  manifestRead = manifest
  const decided = manifest.then(
    (m) => (hasFactsCube(m) ? opening(module) : null),
    () => null,
  )
  early = decided.then((o) => o?.conn ?? null)
  // a failure is reported by whoever takes it
  early.catch(() => undefined)
  return Promise.race([
    decided.then(
      (o) => o?.posted,
      () => undefined,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, waitMs)),
  ])
}

/** The engine `prestartEngine` started (once), else a new one. */
export const takeEngine = async (): Promise<Connector> => {
  const started = early
  early = null
  return (await started) ?? openEngine()
}
