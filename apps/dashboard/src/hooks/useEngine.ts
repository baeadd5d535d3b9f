import type { Connector } from "@lao-protect/warehouse"
import { useEffect, useState } from "react"
import { NoFactsCube, startEngine } from "../data/engine.ts"
import { type FirstPaint, loadFirstPaint, loadManifest, type Manifest } from "../data/release.ts"

export type EngineStatus = "loading" | "ready" | "failed" | "summary_only"

export interface Engine {
  readonly manifest: Manifest | null
  readonly firstPaint: FirstPaint | null
  readonly conn: Connector | null
  readonly status: EngineStatus
  readonly error: string | null
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/** Loads the small summary first (to paint at once) and starts DuckDB-WASM in parallel. */
export function useEngine(): Engine {
  const [engine, setEngine] = useState<Engine>({
    manifest: null,
    firstPaint: null,
    conn: null,
    status: "loading",
    error: null,
  })
  useEffect(() => {
    let cancelled = false
    let conn: Connector | null = null
    loadFirstPaint()
      .then((firstPaint) => !cancelled && setEngine((e) => ({ ...e, firstPaint })))
      .catch((err: unknown) => {
        if (!cancelled) setEngine((e) => ({ ...e, status: "failed", error: messageOf(err) }))
      })
    loadManifest()
      .then(async (manifest) => {
        if (cancelled) return
        setEngine((e) => ({ ...e, manifest }))
        conn = await startEngine(manifest)
        if (cancelled) return void conn.close()
        setEngine((e) => ({ ...e, conn, status: "ready" }))
      })
      .catch((err: unknown) => {
        if (!cancelled) {
          setEngine((e) => ({
            ...e,
            status: err instanceof NoFactsCube ? "summary_only" : "failed",
            error: messageOf(err),
          }))
        }
      })
    return () => {
      cancelled = true
      void conn?.close()
    }
  }, [])
  return engine
}
