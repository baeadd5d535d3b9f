/**
 * Node-only entry (`@lao-protect/warehouse/node`): the node-api connector, schema setup, import,
 * synthetic data, publication and official statistics. Browser code imports
 * `@lao-protect/warehouse` (no native code) instead.
 */

export {
  type FileFormat,
  ImportError,
  type ImportOptions,
  type ImportResult,
  importFile,
} from "../import/import-file.ts"
export { checkIntegrity, type IntegrityReport } from "../import/integrity.ts"
export * as OfficialStats from "../official-stats/index.ts"
export * as Publish from "../publish/index.ts"
export { type EnsureSampleOptions, type EnsureSampleResult, ensureSampleData } from "../sample/index.ts"
export { domainModel } from "../schema/domain-model.ts"
export { type MigrationResult, migrate } from "../schema/migrate.ts"
export * as Synth from "../synth/index.ts"
export { arrowTableFromColumns, insertArrowTable } from "./arrow.ts"
export { type NodeConnector, type OpenOptions, openWarehouse, toPlain } from "./NodeConnector.ts"
