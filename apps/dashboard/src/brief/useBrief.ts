/** The province's breakdown (destinations, border checkpoints, ...) from the map's named view. */
import {
  type BreakdownRow,
  type Connector,
  type Filters,
  areaBreakdown as query,
} from "@lao-protect/warehouse"
import { useEffect, useState } from "react"

export type AreaBreakdownRows = ReadonlyArray<BreakdownRow>

export function useAreaBreakdown(
  conn: Connector | null,
  filters: Filters,
  province: string | null,
): AreaBreakdownRows | null {
  const [rows, setRows] = useState<AreaBreakdownRows | null>(null)
  const key = JSON.stringify([filters, province])
  useEffect(() => {
    if (!conn || province === null) return
    let stale = false
    query(conn, filters, { province }, { source: "preaggregated" })
      .then((r) => !stale && setRows(r))
      .catch((err: unknown) => console.error("brief query failed", err))
    return () => {
      stale = true
    }
  }, [conn, key])
  return rows
}
