/**
 * Arrow in and out of @duckdb/node-api, which has no native Arrow API: query results are converted
 * column by column with explicit Arrow types (so a SMALLINT stays Int16 in a published file), and an
 * Arrow IPC stream is loaded through the appender. Meant for result-sized data (aggregates, cubes),
 * not for moving a million raw rows through JavaScript.
 */
import {
  type DuckDBConnection,
  DuckDBDataChunk,
  type DuckDBListType,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
  dateValue,
  listValue,
  timestampValue,
} from "@duckdb/node-api"
import {
  Bool,
  type DataType,
  DateDay,
  Dictionary,
  Field,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  List,
  Table,
  TimestampMillisecond,
  Type,
  tableFromIPC,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Utf8,
  type Vector,
  vectorFromArray,
} from "apache-arrow"

const MS_PER_DAY = 86_400_000

function arrowType(t: DuckDBType): DataType {
  switch (t.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return new Bool()
    case DuckDBTypeId.TINYINT:
      return new Int8()
    case DuckDBTypeId.SMALLINT:
      return new Int16()
    case DuckDBTypeId.INTEGER:
      return new Int32()
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
      return new Int64()
    case DuckDBTypeId.UTINYINT:
      return new Uint8()
    case DuckDBTypeId.USMALLINT:
      return new Uint16()
    case DuckDBTypeId.UINTEGER:
      return new Uint32()
    case DuckDBTypeId.UBIGINT:
      return new Uint64()
    case DuckDBTypeId.FLOAT:
      return new Float32()
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
      return new Float64()
    case DuckDBTypeId.DATE:
      return new DateDay()
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return new TimestampMillisecond()
    case DuckDBTypeId.ENUM:
      return new Dictionary(new Utf8(), new Int32())
    case DuckDBTypeId.LIST:
      return new List(new Field("item", arrowType((t as DuckDBListType).valueType), true))
    default:
      return new Utf8()
  }
}

function arrowValue(v: DuckDBValue, t: DuckDBType): unknown {
  if (v === null) return null
  switch (t.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return v
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UBIGINT:
      return v as bigint
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return v as number
    case DuckDBTypeId.DECIMAL:
      return Number(String(v))
    case DuckDBTypeId.DATE:
      return new Date((v as { days: number }).days * MS_PER_DAY)
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return Number((v as { micros: bigint }).micros / 1000n)
    case DuckDBTypeId.LIST: {
      const vt = (t as DuckDBListType).valueType
      return (v as { items: readonly DuckDBValue[] }).items.map((x) => arrowValue(x, vt))
    }
    default:
      return String(v)
  }
}

/** Build an Arrow table from a node-api result's columns, with types chosen from the DuckDB types. */
export function arrowTableFromColumns(
  names: ReadonlyArray<string>,
  types: ReadonlyArray<DuckDBType>,
  columns: ReadonlyArray<ReadonlyArray<DuckDBValue>>,
): Table {
  const vectors: Record<string, Vector> = {}
  names.forEach((name, i) => {
    const t = types[i]!
    const values = (columns[i] ?? []).map((v) => arrowValue(v, t))
    vectors[name] = vectorFromArray(values, arrowType(t))
  })
  return new Table(vectors)
}

function duckType(t: DataType): string {
  switch (t.typeId) {
    case Type.Bool:
      return "BOOLEAN"
    case Type.Int: {
      const { bitWidth, isSigned } = t as unknown as { bitWidth: number; isSigned: boolean }
      const base = { 8: "TINYINT", 16: "SMALLINT", 32: "INTEGER", 64: "BIGINT" }[bitWidth] ?? "BIGINT"
      return isSigned ? base : `U${base}`
    }
    case Type.Float:
      return (t as unknown as { precision: number }).precision === 1 ? "FLOAT" : "DOUBLE"
    case Type.Date:
      return "DATE"
    case Type.Timestamp:
      return "TIMESTAMP"
    case Type.List:
      return `${duckType((t as List).children[0]!.type)}[]`
    default:
      return "VARCHAR"
  }
}

function duckValue(v: unknown, t: DataType): DuckDBValue {
  if (v === null || v === undefined) return null
  switch (t.typeId) {
    case Type.Date:
      return dateValue(Math.floor(Number(v) / MS_PER_DAY))
    case Type.Timestamp:
      return timestampValue(BigInt(Math.round(Number(v))) * 1000n)
    case Type.Int:
      return (t as unknown as { bitWidth: number }).bitWidth === 64 ? BigInt(v as bigint) : Number(v)
    case Type.Float:
      return Number(v)
    case Type.Bool:
      return Boolean(v)
    case Type.List: {
      const child = (t as List).children[0]!.type
      return listValue(Array.from(v as Iterable<unknown>, (x) => duckValue(x, child)))
    }
    default:
      return String(v)
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`

const CHUNK_ROWS = 2048

/** Replace table `name` with the contents of an Arrow IPC stream (or file). */
export async function insertArrowTable(
  raw: DuckDBConnection,
  name: string,
  bytes: Uint8Array,
): Promise<void> {
  const table = tableFromIPC(bytes)
  const fields = table.schema.fields
  const cols = fields.map((f) => `${quoteIdent(f.name)} ${duckType(f.type)}`).join(", ")
  await raw.run(`CREATE OR REPLACE TABLE ${quoteIdent(name)} (${cols})`)
  const appender = await raw.createAppender(name)
  try {
    const vectors = fields.map((_, i) => table.getChildAt(i)!)
    const types = fields.map((_, i) => appender.columnType(i))
    // a data chunk at a time: one call into DuckDB per 2,048 rows instead of one per value
    for (let start = 0; start < table.numRows; start += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, table.numRows - start)
      const chunk = DuckDBDataChunk.create(types, rows)
      chunk.setColumns(
        fields.map((f, c) =>
          Array.from({ length: rows }, (_, k) => duckValue(vectors[c]!.get(start + k), f.type)),
        ),
      )
      appender.appendDataChunk(chunk)
    }
    appender.flushSync()
  } finally {
    appender.closeSync()
  }
}
