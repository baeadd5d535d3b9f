/**
 * The `Connector` on DuckDB-WASM, for the dashboard (browser only). DuckDB runs in its own Web Worker;
 * the caller passes the self-hosted URLs of ONE bundle (the exception-handling "eh" build, imported with
 * Vite `?url`), so nothing is fetched from a CDN. Extension autoloading is switched off: offline, an
 * extension download would fail or, worse, leak a request. Single-threaded on purpose (no COOP/COEP).
 * It deliberately knows nothing about publications: loading releases lives in the app.
 */
import {
  AsyncDuckDB,
  type AsyncDuckDBConnection,
  type AsyncPreparedStatement,
  ConsoleLogger,
  LogLevel,
} from "@duckdb/duckdb-wasm"
import type { Table } from "apache-arrow"
import type { Connector, Param, Row } from "../Connector.ts"

export interface WasmBundleUrls {
  /** URL of `duckdb-eh.wasm`. */
  readonly mainModule: string
  /** URL of `duckdb-browser-eh.worker.js`. */
  readonly mainWorker: string
}

export interface WasmConnector extends Connector {
  readonly runtime: "wasm"
  readonly db: AsyncDuckDB
  readonly raw: AsyncDuckDBConnection
}

const plain = (value: unknown): unknown => {
  if (typeof value === "bigint") {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value
  }
  if (value instanceof Date) return value.toISOString()
  return value
}

/** Arrow result -> plain rows (only for result-sized tables: aggregate in SQL first). */
export const rowsOf = <T extends Row>(table: Table): ReadonlyArray<T> => {
  const names = table.schema.fields.map((f) => f.name)
  const columns = names.map((_, i) => table.getChildAt(i))
  const rows: Array<T> = []
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {}
    names.forEach((name, i) => {
      row[name] = plain(columns[i]?.get(r) ?? null)
    })
    rows.push(row as T)
  }
  return rows
}

/** JSON-serialisable parameter for the worker (DuckDB-WASM binds prepared parameters from JSON). */
const wire = (p: Param): unknown =>
  typeof p === "bigint" ? Number(p) : p instanceof Date ? p.toISOString() : p

export interface OpenWasmOptions {
  /** Log DuckDB-WASM's internal messages to the console (default: warnings only). */
  readonly verbose?: boolean
  /**
   * The worker of `bundle.mainWorker`, already created (the dashboard creates it before Apache Arrow
   * and this module have loaded, so the worker script loads meanwhile); created here when absent.
   */
  readonly worker?: Worker
}

export async function openWasm(
  bundle: WasmBundleUrls,
  options: OpenWasmOptions = {},
): Promise<WasmConnector> {
  const base = typeof location === "undefined" ? undefined : location.href
  const absolute = (url: string) => (base ? new URL(url, base).href : url)
  const worker = options.worker ?? new Worker(absolute(bundle.mainWorker))
  const db = new AsyncDuckDB(new ConsoleLogger(options.verbose ? LogLevel.DEBUG : LogLevel.WARNING), worker)
  await db.instantiate(absolute(bundle.mainModule))
  await db.open({ query: { castBigIntToDouble: false } })
  const raw = await db.connect()
  await raw.query("SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;")
  const statements = new Map<string, Promise<AsyncPreparedStatement>>()
  const prepared = (sql: string) => {
    let stmt = statements.get(sql)
    if (!stmt) {
      stmt = raw.prepare(sql)
      statements.set(sql, stmt)
      stmt.catch(() => statements.delete(sql))
    }
    return stmt
  }
  const run = async (sql: string, params?: ReadonlyArray<Param>): Promise<Table> =>
    params && params.length > 0 ? (await prepared(sql)).query(...params.map(wire)) : raw.query(sql)
  let closed = false
  return {
    runtime: "wasm",
    db,
    raw,
    async query<T extends Row = Row>(sql: string, params?: ReadonlyArray<Param>) {
      return rowsOf<T>(await run(sql, params))
    },
    arrow: run,
    async exec(sql: string) {
      await raw.query(sql)
    },
    async insertArrowIPC(name: string, bytes: Uint8Array) {
      await raw.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`)
      await raw.insertArrowFromIPCStream(bytes, { name, create: true })
    },
    async close() {
      if (closed) return
      closed = true
      const failures: unknown[] = []
      for (const stmt of statements.values()) await stmt.then((s) => s.close()).catch((e) => failures.push(e))
      await raw.close()
      await db.terminate()
      worker.terminate()
      if (failures.length > 0) throw new AggregateError(failures, "closing prepared statements failed")
    },
  }
}
