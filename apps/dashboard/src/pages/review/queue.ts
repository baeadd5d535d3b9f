/**
 * The review queue file (`lao-protect submission review --export`) as the page reads it, and the
 * decisions file it gives back (`--apply`), in the shapes `@lao-protect/warehouse`'s `ReviewQueue`
 * defines; parsing checks every field, so a wrong file shows a reason instead of a broken table.
 */
import { ReviewQueue } from "@lao-protect/warehouse"
import type { MessageKey } from "../../i18n/index.ts"

export type QueueRecord = ReviewQueue.QueueRecord
export type QueueField = ReviewQueue.QueueField
export type QueuePair = ReviewQueue.QueuePair

export type Decision = "confirm" | "reject"
export const pairKey = (p: QueuePair) => `${p.left.id}\u0000${p.right.id}`

const isRecord = (r: unknown): r is QueueRecord => {
  const x = r as QueueRecord
  return typeof x?.id === "string" && typeof x.partner === "string" && typeof x.caseId === "string"
}

/** The pairs of a queue file, or the reason it is not one. */
export const parseQueue = (text: string): { pairs: ReadonlyArray<QueuePair> } | { error: string } => {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { error: "not JSON" }
  }
  const q = data as { kind?: unknown; version?: unknown; pairs?: unknown }
  if (q?.kind !== ReviewQueue.QUEUE_KIND || q.version !== 1)
    return { error: `kind is not ${ReviewQueue.QUEUE_KIND} v1` }
  if (!Array.isArray(q.pairs)) return { error: "no pairs" }
  for (const [i, p] of (q.pairs as Array<QueuePair>).entries()) {
    if (
      !isRecord(p?.left) ||
      !isRecord(p.right) ||
      typeof p.probability !== "number" ||
      !Array.isArray(p.fields)
    )
      return { error: `pair ${i + 1} is incomplete` }
  }
  return { pairs: q.pairs as ReadonlyArray<QueuePair> }
}

export const decisionsFile = (
  pairs: ReadonlyArray<QueuePair>,
  decided: ReadonlyMap<string, Decision>,
): ReviewQueue.DecisionsFile => ({
  kind: ReviewQueue.DECISIONS_KIND,
  version: 1 as const,
  decisions: pairs.flatMap((p) => {
    const d = decided.get(pairKey(p))
    return d ? [{ left: p.left.id, right: p.right.id, decision: d }] : []
  }),
})

export const FIELD_LABEL: Readonly<Record<string, MessageKey>> = {
  given: "reviewFieldGiven",
  family: "reviewFieldFamily",
  birth: "reviewFieldBirth",
  sex: "reviewFieldSex",
  place: "reviewFieldPlace",
  village: "reviewFieldVillage",
  identified: "reviewFieldIdentified",
}

const NAME_LEVELS: ReadonlyArray<MessageKey> = [
  "reviewDiffers",
  "reviewSimilar",
  "reviewClose",
  "reviewExact",
]
const LEVELS: Readonly<Record<string, ReadonlyArray<MessageKey>>> = {
  given: NAME_LEVELS,
  family: NAME_LEVELS,
  birth: ["reviewDiffers", "reviewYearOff", "reviewSameYear", "reviewSwapped", "reviewSameDate"],
  sex: ["reviewDiffers", "reviewExact"],
  place: ["reviewDiffers", "reviewSameProvince", "reviewSameDistrict"],
  village: ["reviewDiffers", "reviewExact"],
  identified: ["reviewApart", "reviewAfterClosed", "reviewWithin90Days"],
}

/** What a comparison level means, as a message key. */
export const levelLabel = (field: string, level: number): MessageKey =>
  level < 0 ? "reviewMissing" : (LEVELS[field]?.[level] ?? "reviewDiffers")
