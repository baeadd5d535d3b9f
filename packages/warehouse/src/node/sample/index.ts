export {
  type EnsureSampleOptions,
  type EnsureSampleResult,
  ensureSampleData,
  SAMPLE_SEED,
  SAMPLE_YEARS,
} from "./ensure.ts"
export { loadSyntheticCsv } from "./load.ts"
