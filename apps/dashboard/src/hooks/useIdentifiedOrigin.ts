import { identifiedVsOrigin, Publication } from "@lao-protect/warehouse"
import { useEffect, useState } from "react"
import { fetchProtected } from "../data/http.ts"
import {
  type IdentifiedOriginCells,
  identifiedOriginCells,
  type PublishedProvinceYear,
  publishedSpanCells,
} from "../lib/measures.ts"
import { type AppState, filtersOf } from "../lib/state.ts"
import type { Engine } from "./useEngine.ts"

export type IdentifiedOriginState =
  | { readonly status: "idle" | "pending" }
  /** The release has no place of identification (published before it existed). */
  | { readonly status: "unavailable" }
  | {
      readonly status: "ready"
      readonly cells: ReadonlyMap<string, IdentifiedOriginCells>
      /** `cube`: the planners' facts cube under every filter; `published`: the suppressed tables, years only. */
      readonly from: "cube" | "published"
    }

const readTable = async (file: string): Promise<ReadonlyArray<PublishedProvinceYear>> => {
  const res = await fetchProtected(`/data/${encodeURIComponent(file)}`)
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`)
  const { tableFromIPC } = await import("apache-arrow")
  return tableFromIPC(new Uint8Array(await res.arrayBuffer()))
    .toArray()
    .map((r) => {
      const o = r.toJSON() as Record<string, unknown>
      return {
        province: (o.province as string | null) ?? null,
        year: o.year === null || o.year === undefined ? null : Number(o.year),
        level: String(o.level),
        n: o.n === null || o.n === undefined ? null : Number(o.n),
        suppressed: Boolean(o.suppressed),
      }
    })
}

/**
 * Per province, cases identified there and cases originating there, while `active`: from the facts
 * cube under the shared filters (planners tier, screen rule `k`), else from the published
 * `identified_province_year` and `province_year` tables over the years of the filter (their
 * suppression flags as published; the other filters cannot apply to them).
 */
export function useIdentifiedOrigin(
  engine: Pick<Engine, "conn" | "manifest">,
  state: AppState,
  k: number,
  active: boolean,
): IdentifiedOriginState {
  const [result, setResult] = useState<IdentifiedOriginState>({ status: "idle" })
  const key = JSON.stringify(filtersOf(state))
  const tables = engine.manifest?.tables
  const identifiedFile = tables?.[Publication.IDENTIFIED_PROVINCE_YEAR]?.file
  const originFile = tables?.province_year?.file
  const threshold = engine.manifest?.threshold ?? k
  const { conn } = engine
  useEffect(() => {
    if (!active) return
    let live = true
    setResult({ status: "pending" })
    const filters = JSON.parse(key) as ReturnType<typeof filtersOf>
    const done = (r: IdentifiedOriginState) => live && setResult(r)
    if (conn)
      identifiedVsOrigin(conn, filters).then(
        (rows) => done({ status: "ready", cells: identifiedOriginCells(rows, k), from: "cube" }),
        () => done({ status: "unavailable" }),
      )
    else if (identifiedFile && originFile) {
      const span: readonly [number, number] | null =
        (filters.yearFrom ?? null) === null && (filters.yearTo ?? null) === null
          ? null
          : [filters.yearFrom ?? 0, filters.yearTo ?? 9999]
      Promise.all([readTable(identifiedFile), readTable(originFile)]).then(
        ([ip, py]) => {
          const identified = publishedSpanCells(ip, span, threshold)
          const origin = publishedSpanCells(py, span, threshold)
          const codes = new Set([...identified.keys(), ...origin.keys()])
          const cells = new Map(
            [...codes].map((c) => [
              c,
              {
                identified: identified.get(c) ?? ({ kind: "no_data" } as const),
                origin: origin.get(c) ?? ({ kind: "no_data" } as const),
              },
            ]),
          )
          done({ status: "ready", cells, from: "published" })
        },
        () => done({ status: "unavailable" }),
      )
    } else done({ status: "unavailable" })
    return () => {
      live = false
    }
  }, [conn, key, active, k, identifiedFile, originFile, threshold])
  return active ? result : { status: "idle" }
}
