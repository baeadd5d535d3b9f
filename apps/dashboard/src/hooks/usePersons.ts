/**
 * The published person counts (issue 19) from the release's own tables, loaded into DuckDB-WASM with
 * the rest of the release: persons and cases by province and by year, and referrals between
 * provinces. Shown exactly as published (a suppressed cell stays suppressed); null while loading or
 * when the release has no linked records.
 */
import type { Connector } from "@lao-protect/warehouse"
import { useEffect, useState } from "react"
import type { Manifest } from "../data/release.ts"
import { reportFailure } from "../lib/report.ts"

export interface PersonsCell {
  readonly cases: number | null
  readonly persons: number | null
  readonly suppressed: boolean
}
export interface PersonsData {
  readonly provinces: ReadonlyArray<PersonsCell & { readonly province: string | null }>
  readonly years: ReadonlyArray<PersonsCell & { readonly year: number }>
  readonly referrals: ReadonlyArray<{
    readonly from: string
    readonly to: string
    readonly n: number | null
    readonly suppressed: boolean
  }>
}

/** Does this release carry the person tables? */
export const hasPersons = (manifest: Manifest | null): boolean =>
  manifest?.tables?.persons_province !== undefined && manifest?.tables?.persons_year !== undefined

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

export function usePersons(
  conn: Connector | null,
  manifest: Manifest | null,
  wanted: boolean,
): PersonsData | null {
  const [data, setData] = useState<PersonsData | null>(null)
  const available = hasPersons(manifest)
  const withReferrals = manifest?.tables?.referrals !== undefined
  useEffect(() => {
    if (!conn || !available || !wanted || data) return
    let cancelled = false
    Promise.all([
      conn.query(
        "SELECT province, cases, persons, suppressed FROM persons_province ORDER BY province NULLS LAST",
      ),
      conn.query("SELECT year, cases, persons, suppressed FROM persons_year ORDER BY year"),
      withReferrals
        ? conn.query(
            "SELECT from_province, to_province, n, suppressed FROM referrals ORDER BY n DESC NULLS LAST, from_province, to_province",
          )
        : Promise.resolve([]),
    ]).then(([provinces, years, referrals]) => {
      if (cancelled) return
      setData({
        provinces: provinces.map((r) => ({
          province: (r.province as string | null) ?? null,
          cases: num(r.cases),
          persons: num(r.persons),
          suppressed: Boolean(r.suppressed),
        })),
        years: years.map((r) => ({
          year: Number(r.year),
          cases: num(r.cases),
          persons: num(r.persons),
          suppressed: Boolean(r.suppressed),
        })),
        referrals: referrals.map((r) => ({
          from: String(r.from_province),
          to: String(r.to_province),
          n: num(r.n),
          suppressed: Boolean(r.suppressed),
        })),
      })
    }, reportFailure("loading the person counts"))
    return () => {
      cancelled = true
    }
  }, [conn, available, withReferrals, wanted, data])
  return data
}
