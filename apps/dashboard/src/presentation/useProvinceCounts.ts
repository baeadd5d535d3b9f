/** Province counts under the filters (the map's named view), for the map slide and the brief. */
import { type Connector, type Filters, type ProvinceCount, provinceCounts } from "@lao-protect/warehouse"
import { useEffect, useState } from "react"

export function useProvinceCounts(
  conn: Connector | null,
  filters: Filters,
): ReadonlyArray<ProvinceCount> | null {
  const [rows, setRows] = useState<ReadonlyArray<ProvinceCount> | null>(null)
  const key = JSON.stringify(filters)
  useEffect(() => {
    if (!conn) return
    let stale = false
    provinceCounts(conn, filters, { source: "preaggregated" })
      .then((r) => !stale && setRows(r))
      .catch((err: unknown) => console.error("province query failed", err))
    return () => {
      stale = true
    }
  }, [conn, key])
  return rows
}
