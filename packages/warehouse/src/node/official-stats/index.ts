/**
 * Official statistics beside case data: import of UNODC GLOTIP files into `official_stats`, the
 * yearly reference series for the Trends view and the rows the publication carries. Node-only
 * (the import uses the DuckDB appender); `measure-mapping.ts` alone is browser-safe.
 */

export {
  type GlotipMeasureMapping,
  type GlotipSelector,
  glotipMappingSource,
  glotipMeasureMapping,
  type MappingMatch,
} from "../../official-stats/measure-mapping.ts"
export {
  ensureOfficialStatsTables,
  type GlotipImportOptions,
  type GlotipImportResult,
  importUnodcGlotip,
  OfficialImportError,
  type QuarantinedField,
} from "./import-glotip.ts"
export {
  GlotipFormatError,
  glotipColumns,
  parseCsvRecords,
  readGlotipCsv,
  readGlotipXlsx,
} from "./read-glotip.ts"
export {
  type OfficialStatRow,
  officialStatsForPublication,
  officialStatsPublicationSql,
  type ReferencePoint,
  type ReferenceSeriesOptions,
  referenceSeries,
} from "./series.ts"
