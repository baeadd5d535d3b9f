/**
 * Browser-only entry (`@lao-protect/warehouse/wasm`): the DuckDB-WASM connector for the dashboard.
 * Node code uses `@lao-protect/warehouse/node` instead.
 */
export {
  type OpenWasmOptions,
  openWasm,
  rowsOf,
  type WasmBundleUrls,
  type WasmConnector,
} from "./WasmConnector.ts"
