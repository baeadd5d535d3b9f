/**
 * What planning asks of a database: the warehouse's `Connector` (node-api or DuckDB-WASM), of which
 * it only runs `query` with bound parameters.
 */
import type { Connector, Param } from "@lao-protect/warehouse"

export type SqlParam = Param

export type Queryable = Pick<Connector, "query">
