/** De-identified, suppressed publication of the warehouse for the dashboard (docs/contracts.md 3). */

export { hmacPads, readOrCreateKey } from "./key.ts"
export {
  type FirstPaint,
  type Manifest,
  type PublishOptions,
  type PublishResult,
  publish,
  suppressAggregates,
  type Tier,
} from "./publish.ts"
export { CellTable, recoverable } from "./suppression.ts"
