/**
 * The connection the planning page reads its published tables from: the engine's (with the facts
 * cube) in the planners tier; in the public tier, which has no facts cube, a DuckDB-WASM of its own
 * holding only the published tables (estimates, shelter demand), opened while the page is shown.
 */
import type { Connector } from "@lao-protect/warehouse"
import { useEffect, useState } from "react"
import { startPublishedTables } from "../../data/engine.ts"
import type { Engine } from "../../hooks/useEngine.ts"

export interface PlanningConn {
  readonly conn: Connector | null
  /** The reason the published tables could not be opened (public tier only). */
  readonly error: string | null
}

export function usePlanningConn(engine: Engine): PlanningConn {
  const [own, setOwn] = useState<PlanningConn>({ conn: null, error: null })
  const publicTier = engine.status === "summary_only" && engine.manifest !== null
  useEffect(() => {
    if (!publicTier || !engine.manifest) return
    let cancelled = false
    let conn: Connector | null = null
    startPublishedTables(engine.manifest).then(
      (c) => {
        conn = c
        if (cancelled) void c.close()
        else setOwn({ conn: c, error: null })
      },
      (e: unknown) => !cancelled && setOwn({ conn: null, error: e instanceof Error ? e.message : String(e) }),
    )
    return () => {
      cancelled = true
      void conn?.close()
    }
  }, [publicTier, engine.manifest])
  return engine.conn ? { conn: engine.conn, error: null } : own
}
