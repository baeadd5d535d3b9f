/**
 * Node-only entry (`@lao-protect/warehouse/node`): the node-api connector, schema setup and import.
 * Browser code imports `@lao-protect/warehouse` (no native code) instead.
 */
export { type EnsureSampleOptions, type EnsureSampleResult, ensureSampleData } from "../sample/index.ts"
export { arrowTableFromColumns, insertArrowTable } from "./arrow.ts"
export { type NodeConnector, type OpenOptions, openWarehouse, toPlain } from "./NodeConnector.ts"
