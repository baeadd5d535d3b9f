/**
 * A partner's mapping file: which header is which CaseRow column, which of the partner's value words
 * is which code (per column; matched case-, space- and Unicode-form-insensitively, so `F`, ` f `,
 * `Female` and `ຍິງ` can all be listed), and values for columns the file lacks (`set`). The old
 * flat shape `{"Partner header": "column"}` is still read. Checked against the model before any
 * row is read; mapping words are applied in the generated SQL (one CASE per mapped column).
 */
import type { CaseModel } from "../schema/model.ts"

export interface ValueMapping {
  /** Partner header -> CaseRow column. */
  readonly columns: Readonly<Record<string, string>>
  /** CaseRow column -> (partner value word -> code). */
  readonly values: Readonly<Record<string, Readonly<Record<string, string>>>>
  /** CaseRow column -> value for every row whose cell is missing or empty. */
  readonly set: Readonly<Record<string, string>>
}

export const emptyMapping: ValueMapping = { columns: {}, values: {}, set: {} }

export class MappingError extends Error {
  override readonly name = "MappingError"
}

/**
 * The key a value word is matched on, in JS and (as `lp_vkey`) in SQL: NFC, lower case, without
 * spaces (including no-break and zero-width spaces, common in Lao text).
 */
export const valueKey = (v: string): string =>
  v
    .normalize("NFC")
    .toLowerCase()
    .replace(/[ \t\r\n\u00a0\u200b]+/gu, "")
export const valueKeySql = (x: string): string =>
  `regexp_replace(lower(nfc_normalize(${x})), '[ \\t\\r\\n\\x{00A0}\\x{200B}]+', '', 'g')`

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v)

const strings = (v: unknown, where: string): Record<string, string> => {
  if (!isRecord(v)) throw new MappingError(`${where} must be an object of "text": "text"`)
  const out: Record<string, string> = {}
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== "string")
      throw new MappingError(`${where}: "${k}" must map to text, not ${JSON.stringify(x)}`)
    out[k] = x
  }
  return out
}

/** Reads a parsed mapping file (either shape) and checks every column it names against the model. */
export function parseMapping(json: unknown, model: CaseModel): ValueMapping {
  if (!isRecord(json)) throw new MappingError("the mapping file must be a JSON object")
  const structured = ["columns", "values", "set"].some((k) => k in json)
  const columns = structured
    ? json.columns === undefined
      ? {}
      : strings(json.columns, "columns")
    : strings(json, "mapping")
  const values: Record<string, Record<string, string>> = {}
  if (structured && json.values !== undefined) {
    if (!isRecord(json.values))
      throw new MappingError(`values must be an object: {"column": {"word": "code"}}`)
    for (const [column, words] of Object.entries(json.values))
      values[column] = strings(words, `values.${column}`)
  }
  const set = structured && json.set !== undefined ? strings(json.set, "set") : {}
  // An empty code or value is a blank `mapping suggest` left for the user: not a mapping yet.
  const filled = (r: Record<string, string>) =>
    Object.fromEntries(Object.entries(r).filter(([, v]) => v !== ""))
  return checkMapping(
    {
      columns,
      values: Object.fromEntries(Object.entries(values).map(([c, words]) => [c, filled(words)])),
      set: filled(set),
    },
    model,
  )
}

export function checkMapping(m: ValueMapping, model: CaseModel): ValueMapping {
  const known = (c: string) => model.columns.some((x) => x.name === c)
  for (const [header, target] of Object.entries(m.columns))
    if (!known(target))
      throw new MappingError(`mapping: "${header}" points to "${target}", which is not a CaseRow column`)
  for (const column of Object.keys(m.values))
    if (!known(column)) throw new MappingError(`values: "${column}" is not a CaseRow column`)
  for (const column of Object.keys(m.set))
    if (!known(column)) throw new MappingError(`set: "${column}" is not a CaseRow column`)
  for (const [column, words] of Object.entries(m.values)) {
    const seen = new Map<string, string>()
    for (const [word, code] of Object.entries(words)) {
      const k = valueKey(word)
      const before = seen.get(k)
      if (before !== undefined && before !== code)
        throw new MappingError(`values.${column}: "${word}" is listed twice, as "${before}" and "${code}"`)
      seen.set(k, code)
    }
  }
  return m
}

/** Merges `--set column=value` arguments over the file's `set`. */
export function withSets(m: ValueMapping, sets: ReadonlyArray<string>, model: CaseModel): ValueMapping {
  const set: Record<string, string> = { ...m.set }
  for (const s of sets) {
    const at = s.indexOf("=")
    if (at < 1) throw new MappingError(`--set needs column=value: ${s}`)
    set[s.slice(0, at).trim()] = s.slice(at + 1)
  }
  return checkMapping({ ...m, set }, model)
}

/** The value words of each column, keyed for matching (`valueKey`). */
export const valueWords = (m: ValueMapping): ReadonlyMap<string, ReadonlyMap<string, string>> =>
  new Map(
    Object.entries(m.values)
      .filter(([, words]) => Object.keys(words).length > 0)
      .map(([column, words]) => [column, new Map(Object.entries(words).map(([w, c]) => [valueKey(w), c]))]),
  )
