/**
 * The public version of the map's cells: where the publication holds the cell the map shows (no
 * code filter; every year or one year), the cell as publish flagged it, so a planners-tier CSV
 * agrees with the public release and the GeoJSON export, and cannot undo their complementary
 * suppression. Elsewhere the caller applies the threshold (`downloadCsv`). Null when the
 * publication has no such cells.
 */
import type { Connector, Publication } from "@lao-protect/warehouse"
import type { AppState } from "../lib/state.ts"
import type { Cell } from "../lib/suppress.ts"
import districtSql from "./published_district_cells.sql?raw"
import provinceSql from "./published_province_cells.sql?raw"

export const publishedYearOf = (state: AppState): number | null | undefined => {
  if (Object.values(state.codes).some((c) => c !== null)) return undefined
  if (state.yearFrom === null && state.yearTo === null) return null
  if (state.yearFrom !== null && state.yearFrom === state.yearTo) return state.yearFrom
  return undefined
}

export const publishedCells = async (
  conn: Connector | null | undefined,
  manifest: Publication.Manifest | null,
  state: AppState,
): Promise<ReadonlyMap<string, Cell> | null> => {
  const year = publishedYearOf(state)
  const table = state.level === "province" ? "province_year" : "district_year"
  if (!conn || !manifest || year === undefined || !manifest.tables[table]) return null
  const rows = await conn.query<{ code: string; n: number | null; suppressed: boolean }>(
    state.level === "province" ? provinceSql : districtSql,
    [year],
  )
  const k = manifest.threshold
  return new Map(
    rows.map((r): [string, Cell] => [
      r.code,
      r.suppressed || r.n === null
        ? { kind: "suppressed", k }
        : r.n === 0
          ? { kind: "no_data" }
          : { kind: "value", n: r.n },
    ]),
  )
}

/** An area's public cell: the published one, or (absent from the publication) no data or suppressed. */
export const publicCell = (
  published: ReadonlyMap<string, Cell>,
  code: string,
  screen: Cell,
  k: number,
): Cell => published.get(code) ?? (screen.kind === "no_data" ? screen : { kind: "suppressed", k })
