/**
 * Node-only entry (`@lao-protect/warehouse/node`): the node-api connector, schema setup, import,
 * synthetic data, publication and official statistics. Browser code imports
 * `@lao-protect/warehouse` (no native code) instead.
 */

export type { Connector, Param, Row } from "../Connector.ts"
export { arrowTableFromColumns, insertArrowTable } from "./arrow.ts"
export { rawCsvText } from "./export/csv.ts"
export { exportCtdc } from "./export/ctdc.ts"
export { exportGazetteer } from "./export/gazetteer.ts"
export { exportGeojson, type Layer, layers } from "./export/geojson.ts"
export { exportHtcds } from "./export/htcds.ts"
export { importPartnerFile, type PartnerFormat, PartnerFormatError } from "./export/partner-import.ts"
export { csvLine } from "./import/csv-text.ts"
export { CtdcImportError, type CtdcImportResult, importCtdc } from "./import/ctdc.ts"
export {
  type FileFormat,
  ImportError,
  type ImportOptions,
  type ImportResult,
  importFile,
} from "./import/import-file.ts"
export { checkIntegrity, type IntegrityReport } from "./import/integrity.ts"
export { type Progress, silentProgress } from "./import/progress.ts"
export { type MappingSuggestion, suggestMapping } from "./import/suggest-mapping.ts"
export { MappingError, parseMapping, type ValueMapping, withSets } from "./import/value-mapping.ts"
export * as Linkage from "./linkage/index.ts"
export {
  type NodeConnector,
  type OpenOptions,
  openWarehouse,
  restrictFileAccess,
  toPlain,
} from "./NodeConnector.ts"
export { importUnodcGlotip, OfficialImportError } from "./official-stats/import-glotip.ts"
export * as OfficialStats from "./official-stats/index.ts"
export { scratchDirOf } from "./private-files.ts"
export { DifferencingRisk, type IsolatingChange } from "./publish/differencing.ts"
export { BudgetExceeded, EPSILON_RANGE, LedgerError } from "./publish/dp.ts"
export * as Publish from "./publish/index.ts"
export {
  DEFAULT_DP_BUDGET,
  type PlannersTables,
  type PublishOptions,
  type PublishResult,
  publish,
  type Tier,
} from "./publish/publish.ts"
export {
  type Completeness,
  completeness,
  type ImportQuality,
  importQuality,
  mostMissing,
} from "./quality/data-quality.ts"
export { qualityTables } from "./quality/publication.ts"
export {
  type EnsureSampleOptions,
  type EnsureSampleResult,
  ensureSampleData,
  SAMPLE_SEED,
} from "./sample/index.ts"
export { domainModel } from "./schema/domain-model.ts"
export { type MigrationResult, migrate } from "./schema/migrate.ts"
export * as Synth from "./synth/index.ts"
export { recordSyntheticFile, SyntheticProofError } from "./synth/record.ts"
export { writeSynthCsv } from "./synth/write.ts"
export { writeXlsx } from "./xlsx-write/index.ts"
