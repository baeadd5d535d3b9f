/**
 * The linkage review queue file (`lao-protect submission review --export`) and the decisions file a
 * reviewer gives back (`--apply`): their shapes, once, for the Node side that writes and applies them
 * and the dashboard's review page that reads and writes them. Browser-safe: types and constants only.
 */
export const QUEUE_KIND = "lao-protect-review-queue"
export const DECISIONS_KIND = "lao-protect-review-decisions"

export interface QueueRecord {
  readonly id: string
  readonly partner: string
  readonly caseId: string
  readonly year: number | null
  readonly province: string | null
  readonly sex: string | null
}

export interface QueueField {
  readonly field: string
  /** -1 missing on either side; higher = closer agreement (see `levelNames`). */
  readonly level: number
  readonly weight: number
}

export interface QueuePair {
  readonly left: QueueRecord
  readonly right: QueueRecord
  readonly probability: number
  readonly weight: number
  readonly fields: ReadonlyArray<QueueField>
}

export interface ReviewQueue {
  readonly kind: typeof QUEUE_KIND
  readonly version: 1
  readonly createdAt: string
  readonly pairs: ReadonlyArray<QueuePair>
}

export interface DecisionsFile {
  readonly kind: typeof DECISIONS_KIND
  readonly version: 1
  readonly decisions: ReadonlyArray<{ left: string; right: string; decision: "confirm" | "reject" }>
}
