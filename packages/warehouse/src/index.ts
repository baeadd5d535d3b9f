/**
 * @lao-protect/warehouse main entry: browser-safe (no Node or native imports). The node-api
 * connector, schema setup and import are on `@lao-protect/warehouse/node`.
 */
export type { Connector, Param, Row } from "./Connector.ts"
export * as Publication from "./Publication.ts"
export * as ReviewQueue from "./ReviewQueue.ts"
export * from "./views/index.ts"
