/**
 * JSON (an array of objects) and NDJSON (one object per line) as header + rows of text cells, the
 * same shape the xlsx reader gives, so every format goes through the same staging table.
 */
import { jsonTooDeep, MAX_JSON_DEPTH } from "./file-checks.ts"

export interface Tabular {
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<{ readonly rowNumber: number; readonly cells: ReadonlyArray<string | null> }>
}

export class RecordsError extends Error {
  override readonly name = "RecordsError"
}

const cellText = (v: unknown): string | null => {
  if (v === null || v === undefined) return null
  if (typeof v === "string") return v
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v)
  if (Array.isArray(v)) return v.map((x) => cellText(x) ?? "").join(";")
  return JSON.stringify(v)
}

export function tabularFromRecords(records: ReadonlyArray<unknown>, what: string): Tabular {
  const header: string[] = []
  const index = new Map<string, number>()
  const rows = records.map((rec, i) => {
    if (rec === null || typeof rec !== "object" || Array.isArray(rec))
      throw new RecordsError(`${what} ${i + 1} is not an object`)
    const cells: (string | null)[] = []
    for (const [k, v] of Object.entries(rec)) {
      let at = index.get(k)
      if (at === undefined) {
        at = header.length
        header.push(k)
        index.set(k, at)
      }
      cells[at] = cellText(v)
    }
    return { rowNumber: i + 1, cells }
  })
  return { header, rows }
}

const tooDeep = (line: number, name: string) =>
  new RecordsError(
    `${name} nests arrays or objects more than ${MAX_JSON_DEPTH} deep (line ${line}): a case import is an array of flat objects, one per case; nothing was imported`,
  )

export function readJson(text: string, name = "the file"): Tabular {
  const deep = jsonTooDeep(text)
  if (deep !== undefined) throw tooDeep(deep, name)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new RecordsError(`not valid JSON (${e instanceof Error ? e.message : String(e)})`)
  }
  if (!Array.isArray(data)) throw new RecordsError("a JSON import must be an array of objects, one per case")
  if (data.length === 0)
    throw new RecordsError(
      `${name} is an empty JSON array: it holds no cases; export the cases again (an array of objects, one per case); nothing was imported`,
    )
  return tabularFromRecords(data, "record")
}

export function readNdjson(text: string, name = "the file"): Tabular {
  const records: unknown[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return
    if (jsonTooDeep(line) !== undefined) throw tooDeep(i + 1, name)
    try {
      records.push(JSON.parse(line))
    } catch {
      throw new RecordsError(`line ${i + 1} is not valid JSON`)
    }
  })
  if (records.length === 0)
    throw new RecordsError(`${name} holds no records (no line with a JSON object); nothing was imported`)
  return tabularFromRecords(records, "record")
}
