/**
 * Match a partner file's headers to CaseRow columns: the column's own name, its aliases (English
 * and Lao labels, common spellings such as "Case ID", "Gender", "DOB"), case-insensitively and
 * ignoring spaces, punctuation and underscores; an explicit mapping file wins over all of them.
 */
import type { CaseModel } from "../schema/model.ts"

export const headerKey = (h: string): string =>
  h
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s_\-./()#:]+/gu, "")

export interface HeaderMatch {
  /** File header index -> CaseRow column (only matched headers). */
  readonly columns: ReadonlyMap<number, string>
  /** Headers that match nothing: kept in the raw JSON of rejected rows, not in `cases`. */
  readonly ignored: ReadonlyArray<string>
  /** Required CaseRow columns that no header provides. */
  readonly missingRequired: ReadonlyArray<string>
  /** CaseRow columns named by two headers. */
  readonly duplicated: ReadonlyArray<string>
  /** The same, with every header (as written in the file) that names the column. */
  readonly duplicates: ReadonlyArray<{ readonly column: string; readonly headers: ReadonlyArray<string> }>
}

export function matchHeaders(
  header: ReadonlyArray<string>,
  model: CaseModel,
  mapping: Readonly<Record<string, string>> = {},
  provided: ReadonlyArray<string> = [],
): HeaderMatch {
  const byKey = new Map<string, string>()
  for (const c of model.columns) {
    for (const a of [c.name, ...c.aliases]) if (!byKey.has(headerKey(a))) byKey.set(headerKey(a), c.name)
  }
  const explicit = new Map(Object.entries(mapping).map(([k, v]) => [headerKey(k), v]))
  const columns = new Map<number, string>()
  const ignored: string[] = []
  const seen = new Map<string, number>()
  const duplicated: string[] = []
  header.forEach((h, i) => {
    const key = headerKey(h)
    const target = explicit.get(key) ?? byKey.get(key)
    if (!target) {
      ignored.push(h)
      return
    }
    if (seen.has(target)) {
      if (!duplicated.includes(target)) duplicated.push(target)
      return
    }
    seen.set(target, i)
    columns.set(i, target)
  })
  const missingRequired = model.columns
    .filter((c) => c.required && !seen.has(c.name) && !provided.includes(c.name))
    .map((c) => c.name)
  const duplicates = duplicated.map((column) => ({
    column,
    headers: header.filter((h) => {
      const key = headerKey(h)
      return (explicit.get(key) ?? byKey.get(key)) === column
    }),
  }))
  return { columns, ignored, missingRequired, duplicated, duplicates }
}
