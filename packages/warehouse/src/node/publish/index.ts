/** De-identified, suppressed publication of the warehouse for the dashboard (docs/contracts.md 3). */

export {
  appendLedger,
  BudgetExceeded,
  checkBudget,
  geometricNoise,
  geometricVariance,
  type Ledger,
  type LedgerEntry,
  MECHANISM,
  noisyAggregates,
  type Rng,
  readLedger,
  secureRng,
  spent,
} from "./dp.ts"
export { hmacPads, readOrCreateKey } from "./key.ts"
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
export { CellTable, recoverable, UnprotectableCells } from "./suppression.ts"
