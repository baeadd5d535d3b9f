/**
 * `mapping suggest`: a starting mapping file for a partner's sheet, from its headers and the
 * distinct values it holds. Headers are matched as the importer matches them; each value of a code
 * column that is not already a code is looked up among the codes' English and Lao labels and, for
 * the rest, as the only label it begins (`F` -> female); what still matches nothing is listed for
 * the user to fill in. Place columns list the names the place lookup does not know. Nothing is
 * written to the warehouse.
 */
import { readFileSync } from "node:fs"
import type { CaseModel, ColumnSpec } from "../schema/model.ts"
import { sniffCsv, splitCsvRecords } from "./csv-text.ts"
import { matchHeaders } from "./headers.ts"
import { readJson, readNdjson } from "./records.ts"
import { type ValueMapping, valueKey } from "./value-mapping.ts"
import { readXlsx } from "./xlsx.ts"

export interface MappingSuggestion {
  readonly mapping: ValueMapping
  /** CaseRow column -> the file's values that match no code, label or place. */
  readonly unmatched: Readonly<Record<string, ReadonlyArray<string>>>
  /** Headers that name no CaseRow column. */
  readonly ignored: ReadonlyArray<string>
  /** Required columns no header gives: fill `set` or add a header. */
  readonly missingRequired: ReadonlyArray<string>
}

/** Header and rows of a CSV, XLSX, JSON or NDJSON file, as text. */
export function readSheet(
  file: string,
  sheet?: string,
): { header: ReadonlyArray<string>; rows: ReadonlyArray<ReadonlyArray<string | null>> } {
  const bytes = readFileSync(file)
  const lower = file.toLowerCase()
  if (lower.endsWith(".xlsx")) {
    const [first, ...rest] = readXlsx(bytes, sheet).rows
    return { header: (first?.cells ?? []).map((c) => c.trim()), rows: rest.map((r) => r.cells) }
  }
  let text = new TextDecoder("utf-8").decode(bytes)
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
    const t = lower.endsWith(".json") ? readJson(text) : readNdjson(text)
    return { header: t.header, rows: t.rows.map((r) => r.cells) }
  }
  const { delimiter } = sniffCsv(bytes.subarray(0, 1 << 16))
  const [first, ...rest] = splitCsvRecords(text, delimiter).records
  return { header: first?.cells ?? [], rows: rest.map((r) => r.cells) }
}

const codeForm = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_")

function suggestCode(c: ColumnSpec, value: string): string | undefined {
  const e = c.enum
  if (!e) return undefined
  if (e.codes.includes(codeForm(value))) return codeForm(value)
  const key = valueKey(value)
  const labels = Object.entries(e.labels ?? {})
  const exact = labels.filter(([, ls]) => ls.some((l) => valueKey(l) === key))
  if (exact.length === 1) return exact[0]![0]
  const prefix = labels.filter(([, ls]) => ls.some((l) => valueKey(l).startsWith(key)))
  return prefix.length === 1 ? prefix[0]![0] : undefined
}

const MAX_VALUES = 500

export function suggestMapping(file: string, model: CaseModel, sheet?: string): MappingSuggestion {
  const { header, rows } = readSheet(file, sheet)
  const match = matchHeaders(header, model)
  const columns: Record<string, string> = {}
  const values: Record<string, Record<string, string>> = {}
  const unmatched: Record<string, string[]> = {}
  const miss = (column: string, v: string) => {
    unmatched[column] = [...(unmatched[column] ?? []), v]
  }
  const word = (column: string, v: string, code: string) => {
    values[column] = { ...values[column], [v]: code }
  }
  for (const [i, name] of match.columns) {
    columns[header[i]!] = name
    const c = model.columns.find((x) => x.name === name)!
    if (c.kind !== "code" && c.kind !== "codes" && c.kind !== "place") continue
    const distinct = new Set<string>()
    for (const r of rows) {
      const cell = r[i]?.trim()
      if (!cell) continue
      for (const part of c.kind === "codes" ? cell.split(";") : [cell]) {
        const v = part.trim()
        if (v && distinct.size < MAX_VALUES) distinct.add(v)
      }
    }
    for (const v of [...distinct].sort()) {
      if (c.kind === "place") {
        const m =
          c.place === "province"
            ? model.places.province(v)
            : c.place === "district"
              ? model.places.district(v)
              : c.place === "checkpoint"
                ? model.places.checkpoint(v)
                : model.places.country(v)
        if ("unknown" in m) miss(name, v)
        continue
      }
      if (c.enum?.codes.includes(codeForm(v))) continue
      const code = suggestCode(c, v)
      if (code !== undefined) word(name, v, code)
      else miss(name, v)
    }
  }
  for (const [name, vs] of Object.entries(unmatched)) for (const v of vs) word(name, v, "")
  const set = Object.fromEntries(match.missingRequired.map((c) => [c, ""]))
  return {
    mapping: { columns, values, set },
    unmatched,
    ignored: match.ignored,
    missingRequired: match.missingRequired,
  }
}
