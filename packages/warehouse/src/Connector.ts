/**
 * The one data interface: run SQL with bound parameters, get rows or Arrow.
 * Implemented by `./node` (@duckdb/node-api) and `./wasm` (@duckdb/duckdb-wasm) so that the
 * same `.sql` files run in Node (CLI, tests, benchmarks) and in the browser (dashboard worker).
 * It deliberately knows nothing about cases or publications.
 */
import type { Table } from "apache-arrow"

/** A value bound to a positional parameter (`$1`, `$2`, ...). Never interpolate values into SQL. */
export type Param = string | number | boolean | null | bigint | Date

/** A result row: BIGINT/HUGEINT become `number` when safe, DATE/TIMESTAMP become ISO strings. */
export type Row = Record<string, unknown>

export interface Connector {
  readonly runtime: "node" | "wasm"
  /** Run a query and return its rows as plain objects. Aggregate in SQL: never select a large table. */
  query<T extends Row = Row>(sql: string, params?: ReadonlyArray<Param>): Promise<ReadonlyArray<T>>
  /** Run a query and return an Arrow table (apache-arrow 17, the major duckdb-wasm uses). */
  arrow(sql: string, params?: ReadonlyArray<Param>): Promise<Table>
  /** Run one or more statements that return nothing (DDL, COPY, transactions). */
  exec(sql: string): Promise<void>
  /** Load an Arrow IPC stream as a table (the browser's offline path: no extension needed). */
  insertArrowIPC(name: string, bytes: Uint8Array): Promise<void>
  close(): Promise<void>
}
