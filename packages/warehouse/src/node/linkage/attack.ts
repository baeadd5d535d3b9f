/**
 * Attacks on a submission's Bloom filters, for the privacy doc (issue 19). `frequencyAttack` is what
 * an attacker without the secret can do (Kuzu et al. 2011, Christen et al. 2017): identical names
 * give identical filters, so ranking the filters by frequency and the dictionary names by their known
 * frequency pairs them up. `dictionaryAttack` is what anyone holding the secret can do: encode every
 * dictionary name and look the filters up. Both return, per record, the guessed folded name or null.
 */
import type { Linkage } from "@lao-protect/domain"

export interface DictionaryName {
  readonly given: string
  readonly family: string
}

const byFrequency = <T>(values: ReadonlyArray<T>): Array<T> => {
  const counts = new Map<T, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v)
}

/**
 * Without the key: the i-th most frequent filter is guessed to be the i-th most frequent name.
 * `filters` are one string per record (e.g. bfGiven, or bfGiven + bfFamily); `ranked` the
 * attacker's names, most frequent first, already folded the way the filters were built.
 */
export const frequencyAttack = (
  filters: ReadonlyArray<string>,
  ranked: ReadonlyArray<string>,
): Array<string | null> => {
  const order = byFrequency(filters.filter((f) => f !== ""))
  const guess = new Map(order.map((f, i) => [f, ranked[i] ?? null]))
  return filters.map((f) => (f === "" ? null : (guess.get(f) ?? null)))
}

/** With the key: every dictionary name is encoded and matched exactly. */
export const dictionaryAttack = (
  encoder: Linkage.Encoder,
  filters: ReadonlyArray<string>,
  folded: ReadonlyArray<string>,
): Array<string | null> => {
  const table = new Map(folded.map((name) => [encoder.bloom(name), name]))
  return filters.map((f) => table.get(f) ?? null)
}

/** Distinct names in the order of their total frequency in the attacker's ranked list of full names. */
export const rankedDistinct = (names: ReadonlyArray<string>): Array<string> => {
  const seen = new Set<string>()
  const out: Array<string> = []
  for (const n of names)
    if (!seen.has(n)) {
      seen.add(n)
      out.push(n)
    }
  return out
}
