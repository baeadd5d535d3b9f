/**
 * Minimal RFC 4180 CSV reading and writing for the planning input and export files.
 * Reading skips blank lines and lines starting with `#` (the example files carry an
 * "illustrative" banner that way). Writing is for spreadsheets opened by people: UTF-8 with a BOM
 * so Excel reads Lao script, and text cells that look like formulas are neutralised.
 */

export interface CsvRecord {
  /** 1-based line number in the file where the record starts (what a planner sees in an editor). */
  readonly line: number
  readonly cells: ReadonlyArray<string>
}

export interface CsvTable {
  readonly header: ReadonlyArray<string>
  readonly records: ReadonlyArray<CsvRecord>
}

export function parseCsv(text: string): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const out: CsvRecord[] = []
  let cells: string[] = []
  let cell = ""
  let quoted = false
  let line = 1
  let recordLine = 1
  let atRecordStart = true
  let comment = false
  const endRecord = () => {
    cells.push(cell)
    const blank = cells.length === 1 && cells[0]!.trim() === ""
    if (!comment && !blank) out.push({ line: recordLine, cells })
    cells = []
    cell = ""
    comment = false
    atRecordStart = true
  }
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!
    if (atRecordStart) {
      recordLine = line
      atRecordStart = false
      if (ch === "#") comment = true
    }
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"'
          i++
        } else quoted = false
      } else {
        if (ch === "\n") line++
        cell += ch
      }
      continue
    }
    if (comment) {
      if (ch === "\n") {
        line++
        comment = false
        cells = []
        cell = ""
        atRecordStart = true
      }
      continue
    }
    if (ch === '"' && cell === "") quoted = true
    else if (ch === ",") {
      cells.push(cell)
      cell = ""
    } else if (ch === "\r" && src[i + 1] === "\n") {
      // CRLF: the \n ends the record
    } else if (ch === "\n") {
      endRecord()
      line++
    } else cell += ch
  }
  if (!atRecordStart && !comment) endRecord()
  const [head, ...records] = out
  return { header: (head?.cells ?? []).map((h) => h.trim()), records }
}

/** Records as objects keyed by header name; missing trailing cells are "" and cells are trimmed. */
export function recordsAsObjects(
  table: CsvTable,
): ReadonlyArray<{ line: number; values: Record<string, string> }> {
  return table.records.map((r) => {
    const values: Record<string, string> = {}
    table.header.forEach((h, i) => {
      values[h] = (r.cells[i] ?? "").trim()
    })
    return { line: r.line, values }
  })
}

export type CsvCell = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/

/**
 * One cell: numbers and booleans as written; text that a spreadsheet would run as a formula
 * (starting with = + - @ tab or CR) is prefixed with a single quote (OWASP "CSV injection"); then
 * quoted when it holds a comma, quote or line break. null/undefined become an empty cell.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ""
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : ""
  if (typeof value === "boolean") return value ? "true" : "false"
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A whole file: BOM, header row, CRLF line ends (what Excel expects). */
export function toCsv(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  const lines = [header.map(csvCell).join(","), ...rows.map((r) => r.map(csvCell).join(","))]
  return `\uFEFF${lines.join("\r\n")}\r\n`
}
