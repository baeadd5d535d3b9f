/**
 * @lao-protect/cli as a library: the wiring the command line uses, for other Node entry points
 * (the dashboard's `pnpm start`) that need the same publication as `lao-protect publish`.
 */
import {
  type EnsureSampleOptions,
  type EnsureSampleResult,
  ensureSampleData,
} from "@lao-protect/warehouse/node"
import { estimateTables, plannersTables } from "./planning-tables.ts"

export { estimateTables, plannersTables }

/** The sample publication with planning's tables, as `lao-protect publish` would write it. */
export const ensureSampleRelease = (options: EnsureSampleOptions): Promise<EnsureSampleResult> =>
  ensureSampleData({ plannersTables, estimateTables, ...options })
