/**
 * The `Connector` on @duckdb/node-api: the CLI, tests and benchmarks open the warehouse file with it.
 * Rows come back as plain JS (BIGINT as number when safe, DATE as "YYYY-MM-DD"); bulk data should go
 * through `read_csv`, Arrow or the appender on `raw`, never through `query` row by row.
 * It deliberately knows nothing about cases: schema and import live in `../schema` and `../import`.
 */
import { chmodSync, existsSync, mkdirSync } from "node:fs"
import { dirname } from "node:path"
import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
  type DuckDBValueConverter,
  type JS,
  JSDuckDBValueConverter,
  timestampValue,
} from "@duckdb/node-api"
import type { Table } from "apache-arrow"
import type { Connector, Param, Row } from "../Connector.ts"
import { arrowTableFromColumns, insertArrowTable } from "./arrow.ts"

/**
 * No extension is ever downloaded or loaded behind the user's back (the project promises no
 * outside requests, and an extension is code): what the warehouse needs is built in.
 */
const SAFE_CONFIG: Readonly<Record<string, string>> = {
  autoinstall_known_extensions: "false",
  autoload_known_extensions: "false",
}

/**
 * Limit DuckDB's file access to the given files and folders from now on (irreversible for this
 * connection): a query can then read or write nothing else, whatever SQL it runs.
 */
export async function restrictFileAccess(
  db: NodeConnector,
  allowed: { readonly files?: ReadonlyArray<string>; readonly directories?: ReadonlyArray<string> },
): Promise<void> {
  const list = (xs: ReadonlyArray<string> = []) =>
    `[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(", ")}]`
  await db.exec(`SET allowed_paths = ${list(allowed.files)}`)
  await db.exec(`SET allowed_directories = ${list(allowed.directories)}`)
  await db.exec("SET enable_external_access = false")
}

/** A node-api `Connector` that also exposes the raw connection, for appenders and streaming. */
export interface NodeConnector extends Connector {
  readonly runtime: "node"
  readonly path: string
  readonly instance: DuckDBInstance
  readonly raw: DuckDBConnection
}

export interface OpenOptions {
  /** DuckDB configuration options, e.g. `{ threads: "2" }`. */
  readonly config?: Readonly<Record<string, string>>
  /**
   * Limit DuckDB's file access to these files and folders (see `restrictFileAccess`); the CLI
   * passes what each command was given. Omitted: unrestricted (tests, benchmarks).
   */
  readonly access?: { readonly files?: ReadonlyArray<string>; readonly directories?: ReadonlyArray<string> }
}

const plainConverter: DuckDBValueConverter<unknown> = (value, type, converter) => {
  if (value === null) return null
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT: {
      const big = value as bigint
      return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER)
        ? Number(big)
        : big
    }
    case DuckDBTypeId.DATE:
      return String(value)
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ: {
      const js = JSDuckDBValueConverter(value, type, JSDuckDBValueConverter)
      return js instanceof Date && !Number.isNaN(js.getTime()) ? js.toISOString() : String(value)
    }
    default:
      return JSDuckDBValueConverter(value, type, converter as unknown as DuckDBValueConverter<JS>)
  }
}

/** Convert one DuckDB value with the warehouse's conventions (exported for streaming readers). */
export const toPlain = (value: DuckDBValue, type: DuckDBType): unknown =>
  plainConverter(value, type, plainConverter)

const toDuckValue = (p: Param): DuckDBValue =>
  p instanceof Date ? timestampValue(BigInt(p.getTime()) * 1000n) : (p as DuckDBValue)

const bind = (params?: ReadonlyArray<Param>): DuckDBValue[] | undefined =>
  params && params.length > 0 ? params.map(toDuckValue) : undefined

/** Open (or create) a warehouse file, or `":memory:"`. Parent folders are created. */
export async function openWarehouse(path: string, options: OpenOptions = {}): Promise<NodeConnector> {
  // A folder we create is owner-only; an existing one (the user's own) is left as it is.
  if (path !== ":memory:" && !existsSync(dirname(path)))
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const instance = await DuckDBInstance.create(path, { ...SAFE_CONFIG, ...options.config })
  // The warehouse holds names, phones and villages: owner-only, like the key and the access file.
  if (path !== ":memory:") for (const f of [path, `${path}.wal`]) if (existsSync(f)) chmodSync(f, 0o600)
  const raw = await instance.connect()
  let closed = false
  const connector: NodeConnector = {
    runtime: "node",
    path,
    instance,
    raw,
    async query<T extends Row = Row>(sql: string, params?: ReadonlyArray<Param>) {
      const reader = await raw.runAndReadAll(sql, bind(params))
      return reader.convertRowObjects(plainConverter) as unknown as ReadonlyArray<T>
    },
    async arrow(sql: string, params?: ReadonlyArray<Param>): Promise<Table> {
      const reader = await raw.runAndReadAll(sql, bind(params))
      return arrowTableFromColumns(reader.columnNames(), reader.columnTypes(), reader.getColumns())
    },
    async exec(sql: string) {
      await raw.run(sql)
    },
    async insertArrowIPC(name: string, bytes: Uint8Array) {
      await insertArrowTable(raw, name, bytes)
    },
    async close() {
      if (closed) return
      closed = true
      raw.closeSync()
      instance.closeSync()
    },
  }
  if (options.access) await restrictFileAccess(connector, options.access)
  return connector
}
