/** De-identified, suppressed publication of the warehouse for the dashboard (docs/contracts.md 3). */

export {
  comparableReleases,
  DIFFERENCED_TABLES,
  DifferencingRisk,
  type IsolatingChange,
  isolatingChanges,
} from "./differencing.ts"
export {
  appendLedger,
  BudgetExceeded,
  type CountNode,
  checkBudget,
  checkEpsilon,
  consistentEstimates,
  EPSILON_RANGE,
  geometricNoise,
  geometricVariance,
  integerTopDown,
  type Ledger,
  type LedgerEntry,
  LedgerError,
  MECHANISM,
  nodeNoiseSd,
  noisyAggregates,
  privateTree,
  projectToSimplex,
  type Rng,
  readLedger,
  roundKeepingSum,
  secureRng,
  spent,
} from "./dp.ts"
export { hmacPads, readOrCreateKey } from "./key.ts"
export { type LinkagePublication, type LinkageSummary, linkagePublication } from "./linkage.ts"
export {
  type Aggregates,
  COARSENINGS,
  type Coarsening,
  coarsen,
  type Protected,
  type ProtectionDecision,
  protect,
  suppressAggregates,
} from "./protect.ts"
export {
  DEFAULT_DP_BUDGET,
  type DpOptions,
  type FirstPaint,
  type Manifest,
  type PublishOptions,
  type PublishResult,
  publish,
  type Tier,
} from "./publish.ts"
export { currentRelease, listReleases, ReleaseError, type ReleaseInfo, useRelease } from "./releases.ts"
export { CellTable, recoverable, UnprotectableCells } from "./suppression.ts"
