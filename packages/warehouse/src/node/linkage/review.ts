/**
 * The clerical review queue as a file: `reviewQueue` exports the pairs in the review band with the
 * agreement of every field and its weight (no names: the submissions have none), for the review
 * page of the dashboard; `applyDecisions` stores the file the page gives back. Decisions take effect
 * on the next `linkRecords`.
 */

import {
  DECISIONS_KIND,
  type DecisionsFile,
  QUEUE_KIND,
  type QueueRecord,
  type ReviewQueue,
} from "../../ReviewQueue.ts"
import type { NodeConnector } from "../NodeConnector.ts"
import { comparisons } from "./em.ts"
import { recordDecision } from "./link.ts"
import queueSql from "./review_queue.sql?raw"

export {
  DECISIONS_KIND,
  type DecisionsFile,
  QUEUE_KIND,
  type QueueField,
  type QueuePair,
  type QueueRecord,
  type ReviewQueue,
} from "../../ReviewQueue.ts"

export const reviewQueue = async (db: NodeConnector, limit = 500): Promise<ReviewQueue> => {
  const rows = await db.query(queueSql, [limit])
  const record = (row: Record<string, unknown>, side: "left" | "right"): QueueRecord => ({
    id: String(row[`${side}_record`]),
    partner: String(row[`${side}_partner`]),
    caseId: String(row[`${side}_case`]),
    year: row[`${side}_year`] === null ? null : Number(row[`${side}_year`]),
    province: (row[`${side}_province`] as string | null) ?? null,
    sex: (row[`${side}_sex`] as string | null) ?? null,
  })
  return {
    kind: QUEUE_KIND,
    version: 1,
    createdAt: new Date().toISOString(),
    pairs: rows.map((row) => ({
      left: record(row, "left"),
      right: record(row, "right"),
      probability: Number(row.match_probability),
      weight: Number(row.match_weight),
      fields: comparisons.map((c) => ({
        field: c,
        level: Number(row[`g_${c}`]),
        weight: Number(row[`w_${c}`]),
      })),
    })),
  }
}

/** Stores a decisions file from the review page; returns how many decisions were stored. */
export const applyDecisions = async (db: NodeConnector, file: unknown, reviewer: string): Promise<number> => {
  const f = file as Partial<DecisionsFile> | null
  if (f?.kind !== DECISIONS_KIND || f.version !== 1 || !Array.isArray(f.decisions))
    throw new Error(`not a review decisions file (expected kind "${DECISIONS_KIND}", version 1)`)
  let stored = 0
  for (const [i, d] of f.decisions.entries()) {
    if (
      typeof d?.left !== "string" ||
      typeof d.right !== "string" ||
      (d.decision !== "confirm" && d.decision !== "reject")
    )
      throw new Error(`decision ${i + 1}: needs left, right and decision "confirm" or "reject"`)
    await recordDecision(db, { left: d.left, right: d.right, decision: d.decision, reviewer })
    stored++
  }
  return stored
}
