/**
 * Pairwise precision, recall and F1 of a clustering of records against the truth, computed in SQL
 * from cluster sizes (pairs in one predicted person, pairs of one true person, pairs in both).
 * `truthTable` and `predictedTable` both have columns (record_id, person_id).
 */
import type { NodeConnector } from "../NodeConnector.ts"
import evaluateSql from "./link_evaluate.sql?raw"

export interface Quality {
  readonly truePairs: number
  readonly predictedPairs: number
  readonly correctPairs: number
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

export const pairwiseQuality = async (
  db: NodeConnector,
  truthTable: string,
  predictedTable: string,
): Promise<Quality> => {
  if (![truthTable, predictedTable].every((t) => /^[a-z_][a-z0-9_]*$/u.test(t)))
    throw new Error("pairwiseQuality: table names must be plain identifiers")
  const sql = evaluateSql.replaceAll("{truth}", truthTable).replaceAll("{predicted}", predictedTable)
  const [row] = await db.query<{ t: number; p: number; c: number }>(sql)
  const precision = row!.p === 0 ? 1 : row!.c / row!.p
  const recall = row!.t === 0 ? 1 : row!.c / row!.t
  return {
    truePairs: row!.t,
    predictedPairs: row!.p,
    correctPairs: row!.c,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  }
}
