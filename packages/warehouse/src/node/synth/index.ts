/**
 * Synthetic, clearly labelled case data for demos, tests and benchmarks. Never mixed silently
 * with real data: ids start with `SYN-` and every file has a `.meta.json` sidecar for people to read;
 * what makes a release synthetic is `recordSyntheticFile` (record.ts), nothing in the file itself.
 */
export {
  generateCases,
  SYNTHETIC_ID_PREFIX,
  type SynthOptions,
  type SynthRow,
  synthColumns,
  yearCounts,
} from "./generate.ts"
export { commonNames } from "./lao-names.ts"
export {
  defaultNoise,
  generateMultiPartner,
  type MultiPartnerOptions,
  type MultiPartnerTables,
  multiPartners,
  multiPartnerTables,
  type Noise,
  type PartnerReport,
} from "./multi-partner.ts"
export { makeRng, type Rng } from "./prng.ts"
export { recordSyntheticFile, SyntheticProofError } from "./record.ts"
export { metaPathOf, type SynthMeta, type SynthResult, writeSynthCsv } from "./write.ts"
