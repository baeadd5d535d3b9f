/**
 * What planning asks of a database: run SQL with bound parameters and get rows back. Every
 * `@lao-protect/warehouse` Connector (node-api or DuckDB-WASM) satisfies it. It is declared here,
 * not imported, so that the warehouse's publish step can compute the planning tables without a
 * package dependency cycle.
 */
export type SqlParam = string | number | boolean | null | bigint | Date

export interface Queryable {
  query<T extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: ReadonlyArray<SqlParam>,
  ): Promise<ReadonlyArray<T>>
}
