/**
 * The dashboard's cross-filter state and how it becomes bound parameters. Every view query carries the
 * same fixed WHERE template (`FILTER_WHERE`, generated from the publication contract's `FACT_FILTERS`),
 * so `$1`..`$11` always mean the same filter and a value is never written into SQL text. `null` means "no filter on this dimension".
 */
import type { Param } from "../Connector.ts"
import { FACT_FILTERS, type FactFilter } from "../Publication.ts"

/** A code filter's key (victimGroup, sex, ...): one per `FACT_FILTERS` entry of the contract. */
export type CodeFilterKey = FactFilter["key"]

/** The year range, then one optional code per filter column of the facts cube (`ethnicGroup`: one of the 49 groups). */
export type Filters = {
  readonly yearFrom?: number | null | undefined
  readonly yearTo?: number | null | undefined
} & { readonly [K in CodeFilterKey]?: string | null | undefined }

/** The code filters (every key but the year range) in parameter order; planning binds them after its own years. */
type KeysOf<T extends ReadonlyArray<{ readonly key: string }>> = {
  readonly [I in keyof T]: T[I] extends { readonly key: infer K } ? K : never
}
export const CODE_FILTER_KEYS = FACT_FILTERS.map((f) => f.key) as unknown as KeysOf<typeof FACT_FILTERS>

/** Code filters on the facts cube; null or absent = every value. */
export type CodeFilters = Omit<Filters, "yearFrom" | "yearTo">

/** The filter keys in parameter order: `FILTER_KEYS[i]` is bound to `$${i + 1}`. */
export const FILTER_KEYS = ["yearFrom", "yearTo", ...CODE_FILTER_KEYS] as const satisfies ReadonlyArray<
  keyof Filters
>

/** The WHERE template for a list of filter columns (the contract's, unless a test passes another). */
export const filterWhere = (filters: ReadonlyArray<{ readonly column: string }> = FACT_FILTERS): string =>
  [
    "($1 IS NULL OR year >= $1)",
    "($2 IS NULL OR year <= $2)",
    ...filters.map((f, i) => `($${i + 3} IS NULL OR ${f.column} = $${i + 3})`),
  ].join("\n  AND ")

/** The WHERE template every view .sql file contains verbatim (a unit test checks it against the contract). */
export const FILTER_WHERE = filterWhere()

/** `$1`..`$11` for a filter state; unset filters bind NULL. */
export const filterParams = (filters: Filters): Array<Param> =>
  FILTER_KEYS.map((key) => {
    const value = filters[key]
    return value === undefined ? null : value
  })

/** The groups whose movement is a return to Laos: their flows are drawn from abroad back home. */
export const RETURN_GROUPS = ["deported_lao", "repatriated_lao", "self_returned"] as const
