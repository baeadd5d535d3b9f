/**
 * Privacy-preserving record linkage at the Secretariat: partner submissions in, persons out.
 * See `link.ts` for the model and `submission.ts` for the file partners send.
 */
export { type Comparison, comparisons, type Model, type Param } from "./em.ts"
export { pairwiseQuality, type Quality } from "./evaluate.ts"
export {
  blockOnly,
  type Decision,
  defaultLinkOptions,
  ensureLinkTables,
  type LinkOptions,
  type LinkResult,
  linkRecords,
  recordDecision,
} from "./link.ts"
export {
  applyDecisions,
  DECISIONS_KIND,
  type DecisionsFile,
  QUEUE_KIND,
  type QueueField,
  type QueuePair,
  type QueueRecord,
  type ReviewQueue,
  reviewQueue,
} from "./review.ts"
export {
  type LoadResult,
  linkColumns,
  loadSubmission,
  makeSubmission,
  piiColumns,
  type RejectedRow,
  SubmissionError,
  submissionColumns,
} from "./submission.ts"
