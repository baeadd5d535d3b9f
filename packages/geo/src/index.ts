/**
 * @lao-protect/geo: builds the dashboard's default boundaries from registry packages and the
 * domain's district centres (`buildDefaultBoundaries`), and imports official boundary files with the
 * same property contract (`importBoundaries`). Build-time and CLI code only: the dashboard reads the
 * files it writes, never this package.
 */
export {
  ATTRIBUTION,
  type BuildOptions,
  type BuildResult,
  buildDefaultBoundaries,
} from "./build-boundaries.ts"
export { defaultSimplify, type SimplifyOptions } from "./geometry.ts"
export {
  formatReport,
  type ImportOptions,
  type ImportReport,
  importBoundaries,
  type Level,
  type MatchedBy,
  type MatchedFeature,
  type UnmatchedFeature,
} from "./import-boundaries.ts"
export type { BoundaryMeta, BoundaryProperties } from "./output.ts"
