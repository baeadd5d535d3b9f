/**
 * Starts DuckDB-WASM as the app's first module runs, before React, the map and the manifest (at 1M
 * cases about a third of the start was spent before the instantiate began): the worker is created
 * at once, so its script loads while DuckDB-WASM's JavaScript and Apache Arrow (a chunk of their
 * own, kept out of the start bundle) load. `engine.ts` takes the started engine once; every page
 * starts the engine, so nothing is loaded that was not loaded before.
 */
import mainWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url"
import mainModule from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url"
import type { Connector } from "@lao-protect/warehouse"

export const bundle = { mainModule, mainWorker } as const

/** A new DuckDB-WASM instance (eh bundle), the worker created before the connector's module loads. */
export const openEngine = (): Promise<Connector> => {
  const worker = new Worker(new URL(mainWorker, location.href).href)
  return import("@lao-protect/warehouse/wasm").then(
    ({ openWasm }) => openWasm(bundle, { worker }),
    (err: unknown) => {
      worker.terminate()
      throw err
    },
  )
}

let early: Promise<Connector> | null = null

export const prestartEngine = (): void => {
  early ??= openEngine()
  // a failure is reported by whoever takes it
  early.catch(() => undefined)
}

/** The engine `prestartEngine` started (once), else a new one. */
export const takeEngine = (): Promise<Connector> => {
  const started = early ?? openEngine()
  early = null
  return started
}
