/**
 * The dashboard's cross-filter state and how it becomes bound parameters. Every view query carries the
 * same fixed WHERE template (`FILTER_WHERE`), so `$1`..`$11` always mean the same filter and a value is
 * never written into SQL text. `null` means "no filter on this dimension".
 */
import type { Param } from "../Connector.ts"

export interface Filters {
  readonly yearFrom?: number | null | undefined
  readonly yearTo?: number | null | undefined
  readonly victimGroup?: string | null | undefined
  readonly sex?: string | null | undefined
  readonly ageBand?: string | null | undefined
  readonly ethnicityFamily?: string | null | undefined
  readonly exploitationForm?: string | null | undefined
  readonly destination?: string | null | undefined
  readonly borderPoint?: string | null | undefined
  readonly stage?: string | null | undefined
  /** One of the 49 ethnic groups (`ethnic_group` of the cube), finer than `ethnicityFamily`. */
  readonly ethnicGroup?: string | null | undefined
}

/** The code filters (every key but the year range) in parameter order; planning binds them after its own years. */
export const CODE_FILTER_KEYS = [
  "victimGroup",
  "sex",
  "ageBand",
  "ethnicityFamily",
  "exploitationForm",
  "destination",
  "borderPoint",
  "stage",
  "ethnicGroup",
] as const satisfies ReadonlyArray<keyof Filters>

/** Code filters on the facts cube; null or absent = every value. */
export type CodeFilters = Omit<Filters, "yearFrom" | "yearTo">

/** The filter keys in parameter order: `FILTER_KEYS[i]` is bound to `$${i + 1}`. */
export const FILTER_KEYS = ["yearFrom", "yearTo", ...CODE_FILTER_KEYS] as const satisfies ReadonlyArray<
  keyof Filters
>

/** The WHERE template every view .sql file contains verbatim (a unit test checks it). */
export const FILTER_WHERE = `($1 IS NULL OR year >= $1)
  AND ($2 IS NULL OR year <= $2)
  AND ($3 IS NULL OR victim_group = $3)
  AND ($4 IS NULL OR sex = $4)
  AND ($5 IS NULL OR age_band = $5)
  AND ($6 IS NULL OR ethnicity_family = $6)
  AND ($7 IS NULL OR exploitation_form = $7)
  AND ($8 IS NULL OR destination = $8)
  AND ($9 IS NULL OR border_point = $9)
  AND ($10 IS NULL OR stage = $10)
  AND ($11 IS NULL OR ethnic_group = $11)`

/** `$1`..`$11` for a filter state; unset filters bind NULL. */
export const filterParams = (filters: Filters): Array<Param> =>
  FILTER_KEYS.map((key) => {
    const value = filters[key]
    return value === undefined ? null : value
  })

/** The groups whose movement is a return to Laos: their flows are drawn from abroad back home. */
export const RETURN_GROUPS = ["deported_lao", "repatriated_lao", "self_returned"] as const
