/**
 * JSON (an array of objects) and NDJSON (one object per line) as header + rows of text cells, the
 * same shape the xlsx reader gives, so every format goes through the same staging table.
 */
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

export function readJson(text: string): Tabular {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new RecordsError(`not valid JSON (${e instanceof Error ? e.message : String(e)})`)
  }
  if (!Array.isArray(data)) throw new RecordsError("a JSON import must be an array of objects, one per case")
  return tabularFromRecords(data, "record")
}

export function readNdjson(text: string): Tabular {
  const records: unknown[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return
    try {
      records.push(JSON.parse(line))
    } catch {
      throw new RecordsError(`line ${i + 1} is not valid JSON`)
    }
  })
  return tabularFromRecords(records, "record")
}
