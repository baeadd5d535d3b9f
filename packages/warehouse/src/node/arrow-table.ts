/**
 * A whole DuckDB table as Arrow without one JavaScript value per text cell: for the facts cube
 * (a million rows at 1M cases), where `arrowTableFromColumns` spent most of `publish` and gigabytes
 * decoding and re-encoding strings. Text columns come out of DuckDB as small integer codes into
 * their sorted distinct values (read once), booleans as 0/1/2, and the Arrow buffers are filled
 * straight from those codes. Same Arrow types, values, nulls and row order as
 * `arrowTableFromColumns` over `SELECT * FROM <table> ORDER BY ALL` (test/arrow-table.test.ts
 * compares the IPC bytes); other column types fall back to one value per cell.
 * With `dictionary: true` text columns are written as Arrow dictionaries instead (`Dictionary<Int8 |
 * Int16 | Int32, Utf8>`, the sorted distinct values once plus one small index per row): the same
 * values for every reader (DuckDB reads them back as VARCHAR), a fraction of the bytes.
 */
import { type DuckDBConnection, DuckDBTypeId, type DuckDBValue } from "@duckdb/node-api"
import {
  Bool,
  type Data,
  type DataType,
  Dictionary,
  Int8,
  Int16,
  Int32,
  makeData,
  makeVector,
  Table,
  Utf8,
  type Vector,
  vectorFromArray,
} from "apache-arrow"
import { arrowTableFromColumns } from "./arrow.ts"

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`
const quoteText = (s: string) => `'${s.replaceAll("'", "''")}'`

type Kind = "text" | "bool" | "int8" | "int16" | "int32"

const kindOf = (typeId: DuckDBTypeId): Kind | undefined =>
  typeId === DuckDBTypeId.VARCHAR
    ? "text"
    : typeId === DuckDBTypeId.BOOLEAN
      ? "bool"
      : typeId === DuckDBTypeId.TINYINT
        ? "int8"
        : typeId === DuckDBTypeId.SMALLINT
          ? "int16"
          : typeId === DuckDBTypeId.INTEGER
            ? "int32"
            : undefined

/** Bitmap bytes as apache-arrow's builders leave them (rounded up to 64 bytes): the IPC writer copies the whole buffer. */
const bitmap = (length: number) => new Uint8Array(length === 0 ? 0 : (((length + 7) >> 3) + 63) & ~63)

const setBit = (bits: Uint8Array, i: number) => {
  bits[i >> 3] = bits[i >> 3]! | (1 << (i & 7))
}

export interface ArrowOfTableOptions {
  /** Text columns as `Dictionary<Int8 | Int16 | Int32, Utf8>` rather than `Utf8`. */
  readonly dictionary?: boolean
  /**
   * The table's rows are already in `ORDER BY ALL` order (it was created with `ORDER BY ALL` and
   * the connection preserves insertion order): they are read as they are, without sorting again.
   */
  readonly ordered?: boolean
}

/** The narrowest signed index type for `size` dictionary values. */
const indexType = (size: number) => (size <= 0x7f ? new Int8() : size <= 0x7fff ? new Int16() : new Int32())

/** Every row of `table`, in `ORDER BY ALL` order, as one Arrow record batch. */
export async function arrowOfTable(
  raw: DuckDBConnection,
  table: string,
  options: ArrowOfTableOptions = {},
): Promise<Table> {
  const describe = await raw.runAndReadAll(`SELECT * FROM ${quoteIdent(table)} LIMIT 0`)
  const names = describe.columnNames()
  const kinds = describe.columnTypes().map((t) => kindOf(t.typeId))
  if (kinds.some((k) => k === undefined)) {
    const all = await raw.runAndReadAll(
      `SELECT * FROM ${quoteIdent(table)}${options.ordered ? "" : " ORDER BY ALL"}`,
    )
    return arrowTableFromColumns(all.columnNames(), all.columnTypes(), all.getColumns())
  }
  const cols = names.map(quoteIdent)
  const textCols = names.flatMap((_, i) => (kinds[i] === "text" ? [i] : []))
  // The sorted distinct values of each text column (small: codes, not free text).
  const dictionaries = new Map<number, string[]>()
  if (textCols.length > 0) {
    const reader = await raw.runAndReadAll(
      `SELECT ${textCols.map((i) => `list(DISTINCT ${cols[i]} ORDER BY ${cols[i]}) FILTER (WHERE ${cols[i]} IS NOT NULL)`).join(", ")} FROM ${quoteIdent(table)}`,
    )
    const row = reader.getRows()[0] ?? []
    textCols.forEach((c, j) => {
      const list = row[j] as { items: ReadonlyArray<DuckDBValue> } | null
      dictionaries.set(
        c,
        (list?.items ?? []).map((v) => String(v)),
      )
    })
  }
  const select = names.map((_, i) => {
    const c = cols[i]!
    switch (kinds[i]) {
      case "text": {
        const dict = dictionaries.get(i)!
        return dict.length === 0
          ? "0::INTEGER"
          : `CASE WHEN ${c} IS NULL THEN 0 ELSE list_position([${dict.map(quoteText).join(", ")}], ${c}) END::INTEGER`
      }
      case "bool":
        return `CASE WHEN ${c} IS NULL THEN 0 WHEN ${c} THEN 2 ELSE 1 END::UTINYINT`
      default:
        return c
    }
  })
  const [counted] = (await raw.runAndReadAll(`SELECT count(*) FROM ${quoteIdent(table)}`)).getRows()
  const length = Number(counted![0])
  // One typed array per column, filled chunk by chunk (0 stands for NULL in text and bool codes).
  const codes = names.map((_, i) =>
    kinds[i] === "int8"
      ? new Int8Array(length)
      : kinds[i] === "int16"
        ? new Int16Array(length)
        : new Int32Array(length),
  )
  const valid = names.map(() => bitmap(length))
  const nulls = names.map(() => 0)
  const result = await raw.stream(
    `SELECT ${select.join(", ")} FROM ${quoteIdent(table)}${options.ordered ? "" : ` ORDER BY ${cols.join(", ")}`}`,
  )
  let at = 0
  for (;;) {
    const chunk = await result.fetchChunk()
    if (!chunk || chunk.rowCount === 0) break
    if (at + chunk.rowCount > length) throw new Error(`${table} grew while it was read`)
    for (let i = 0; i < names.length; i++) {
      const out = codes[i]!
      const bits = valid[i]!
      const coded = kinds[i] === "text" || kinds[i] === "bool"
      const vector = chunk.getColumnVector(i)
      for (let r = 0, n = chunk.rowCount; r < n; r++) {
        const v = vector.getItem(r) as number | null
        if (v === null || (coded && v === 0)) nulls[i]!++
        else {
          setBit(bits, at + r)
          out[at + r] = v
        }
      }
    }
    at += chunk.rowCount
  }
  if (at !== length) throw new Error(`${table} changed while it was read`)
  const vectors: Record<string, Vector> = {}
  const encoder = new TextEncoder()
  names.forEach((name, i) => {
    const kind = kinds[i]!
    const nullCount = nulls[i]!
    const nullBitmap = nullCount > 0 ? valid[i]! : null
    const code = codes[i]!
    let data: Data<DataType>
    if (kind === "text" && options.dictionary) {
      const values = dictionaries.get(i)!
      const type = new Dictionary(new Utf8(), indexType(values.length))
      const indices =
        type.indices instanceof Int8
          ? new Int8Array(length)
          : type.indices instanceof Int16
            ? new Int16Array(length)
            : new Int32Array(length)
      for (let r = 0; r < length; r++) {
        const c = code[r]!
        if (c !== 0) indices[r] = c - 1
      }
      data = makeData({
        type,
        length,
        nullCount,
        nullBitmap,
        data: indices,
        dictionary: vectorFromArray(values, new Utf8()),
      } as Parameters<typeof makeData>[0]) as Data<DataType>
    } else if (kind === "text") {
      const dict = dictionaries.get(i)!.map((s) => encoder.encode(s))
      const offsets = new Int32Array(length + 1)
      let bytes = 0
      for (let r = 0; r < length; r++) {
        const c = code[r]!
        if (c !== 0) bytes += dict[c - 1]!.length
        offsets[r + 1] = bytes
      }
      const values = new Uint8Array(bytes)
      for (let r = 0; r < length; r++) {
        const c = code[r]!
        if (c !== 0) values.set(dict[c - 1]!, offsets[r]!)
      }
      data = makeData({
        type: new Utf8(),
        length,
        nullCount,
        nullBitmap,
        valueOffsets: offsets,
        data: values,
      })
    } else if (kind === "bool") {
      const bits = bitmap(length)
      for (let r = 0; r < length; r++) if (code[r] === 2) setBit(bits, r)
      data = makeData({ type: new Bool(), length, nullCount, nullBitmap, data: bits })
    } else {
      const type = kind === "int8" ? new Int8() : kind === "int16" ? new Int16() : new Int32()
      data = makeData({ type, length, nullCount, nullBitmap, data: code } as Parameters<
        typeof makeData
      >[0]) as Data<DataType>
    }
    vectors[name] = makeVector(data)
  })
  return new Table(vectors)
}
