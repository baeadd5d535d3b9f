import { type Connector, provinceMeasures } from "@lao-protect/warehouse"
import { useEffect, useState } from "react"
import { type ProvinceTotals, provinceTotals } from "../lib/measures.ts"
import { type AppState, filtersOf } from "../lib/state.ts"

export type MeasuresState =
  | { readonly status: "idle" | "pending" }
  /** The release predates the identification setting (its facts have no such column). */
  | { readonly status: "unavailable" }
  | { readonly status: "ready"; readonly totals: ReadonlyMap<string, ProvinceTotals> }

/** Per-province ethnicity and identification totals under the shared filters, while `active`. */
export function useProvinceMeasures(conn: Connector | null, state: AppState, active: boolean): MeasuresState {
  const [result, setResult] = useState<MeasuresState>({ status: "idle" })
  const key = JSON.stringify(filtersOf(state))
  useEffect(() => {
    if (!conn || !active) return
    let live = true
    setResult({ status: "pending" })
    provinceMeasures(conn, JSON.parse(key)).then(
      (rows) => live && setResult({ status: "ready", totals: provinceTotals(rows) }),
      () => live && setResult({ status: "unavailable" }),
    )
    return () => {
      live = false
    }
  }, [conn, key, active])
  return active ? result : { status: "idle" }
}
