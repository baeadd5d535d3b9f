/**
 * The one suppression rule for every number the dashboard shows (contracts.md section 3): a count
 * below the publication threshold k is "suppressed (< k)", never 0 and never the true value; a count
 * of zero (no records) is "no data". Nothing else in the app decides this.
 */
export type Cell =
  | { readonly kind: "no_data" }
  | { readonly kind: "suppressed"; readonly k: number }
  | { readonly kind: "value"; readonly n: number }

/**
 * The threshold every view applies on screen, as the release states it (`screen` in the manifest,
 * decided once at publish): `published` hides counts below the publication threshold (and the first
 * paint carries publish's complementary flags); `exact` (the planners tier) hides nothing, which is
 * threshold 1: no count of one or more is below it.
 */
export const screenThreshold = (release: {
  readonly screen: "exact" | "published"
  readonly threshold: number
}): number => (release.screen === "exact" ? 1 : release.threshold)

/** True when the screen rule hides nothing (the planners tier's exact counts). */
export const hidesNothing = (k: number): boolean => k <= 1

export const suppress = (n: number | null | undefined, k: number): Cell => {
  if (n === null || n === undefined || n === 0) return { kind: "no_data" }
  if (n < k) return { kind: "suppressed", k }
  return { kind: "value", n }
}

/**
 * Suppress a breakdown whose total is shown beside it. When exactly one category is suppressed its
 * count could be recovered as total minus the others, so the next smallest shown category is
 * suppressed too (complementary suppression).
 */
export const suppressSeries = <T extends { readonly n: number }>(
  rows: ReadonlyArray<T>,
  k: number,
): Array<T & { readonly cell: Cell }> => {
  const out = rows.map((row) => ({ ...row, cell: suppress(row.n, k) }))
  const suppressed = out.filter((r) => r.cell.kind === "suppressed").length
  if (suppressed === 1) {
    const visible = out.filter((r) => r.cell.kind === "value").sort((a, b) => a.n - b.n)
    const smallest = visible[0]
    if (smallest) smallest.cell = { kind: "suppressed", k }
  }
  return out
}

/**
 * A cell held to a stricter threshold `k` (an export's rule: the publication's threshold when the
 * screen shows exact counts): a value below `k` becomes suppressed, a suppressed mark names `k`.
 */
export const atThreshold = (cell: Cell, k: number): Cell => {
  if (cell.kind === "no_data") return cell
  if (cell.kind === "value") return cell.n < k ? { kind: "suppressed", k } : cell
  return cell.k < k ? { kind: "suppressed", k } : cell
}
