/**
 * Links partner records to persons in DuckDB: candidate pairs from blocking rules on keyed hashes,
 * comparison levels per field, Fellegi-Sunter weights estimated by EM (`em.ts`), an automatic-link
 * threshold and a clerical-review band on the match probability, reviewers' decisions applied over
 * the model (a confirmed pair links, a rejected one never does), and persons as connected
 * components of the links. Every pair keeps its levels and per-field weights (`link_candidates`),
 * so each link can be explained; nothing is merged in place, so a link is undone by a decision and
 * a re-run.
 */
import type { NodeConnector } from "../NodeConnector.ts"
import { type Comparison, comparisons, estimate, estimateU, type Model, type Pattern } from "./em.ts"
import blockRefineSql from "./link_block_refine.sql?raw"
import blockReportSql from "./link_block_report.sql?raw"
import blockSizesSql from "./link_block_sizes.sql?raw"
import blockSkipSql from "./link_block_skip.sql?raw"
import blockedSql from "./link_blocked.sql?raw"
import candidatePairsSql from "./link_candidate_pairs.sql?raw"
import decidedSql from "./link_decided.sql?raw"
import edgesSql from "./link_edges.sql?raw"
import keysSql from "./link_keys.sql?raw"
import macrosSql from "./link_macros.sql?raw"
import pairsSql from "./link_pairs.sql?raw"
import patternsSql from "./link_patterns.sql?raw"
import scoresSql from "./link_scores.sql?raw"
import tablesSql from "./link_tables.sql?raw"
import tfSql from "./link_tf.sql?raw"
import trainSql from "./link_train.sql?raw"
import uPairsSql from "./link_u_pairs.sql?raw"
import uSampleSql from "./link_u_sample.sql?raw"

export interface LinkOptions {
  /** Pairs at or above this match probability are linked without review. */
  readonly autoLinkProbability?: number
  /** Pairs at or above this (and below the auto threshold) go to clerical review. */
  readonly reviewProbability?: number
  /** Random record pairs drawn to estimate u. */
  readonly uSample?: number
  readonly maxIterations?: number
  /** Records on the left side of each training rule's pairs (a sample above this). */
  readonly trainingRecords?: number
  /**
   * A block (records sharing one blocking key) that would give more candidate pairs than this is
   * split by sex and province of origin; a sub-block still above it is skipped and reported.
   */
  readonly maxBlockPairs?: number
  /** Called with the wall time of each phase (for the bench). */
  readonly profile?: (phase: string, ms: number) => void
}

export const defaultLinkOptions = {
  autoLinkProbability: 0.95,
  reviewProbability: 0.6,
  uSample: 300_000,
  maxIterations: 100,
  trainingRecords: 20_000,
  maxBlockPairs: 5_000,
} as const

/** What the block-size cap did to one blocking rule. */
export interface BlockingRule {
  readonly rule: string
  /** Blocks above the cap, split by sex and province of origin. */
  readonly split: number
  /** Sub-blocks still above the cap, skipped (their records keep the other rules). */
  readonly skipped: number
  readonly skippedRecords: number
}

export interface LinkResult {
  readonly runId: string
  readonly records: number
  readonly candidatePairs: number
  readonly blocking: ReadonlyArray<BlockingRule>
  readonly autoLinks: number
  readonly reviewPairs: number
  readonly confirmed: number
  readonly rejected: number
  readonly persons: number
  readonly model: Model
  readonly milliseconds: number
}

/**
 * The blocking step alone (a bare DuckDB self-join on the blocking keys, no block-size cap): the
 * bench's baseline. Returns the number of pairs it gives.
 */
export const blockOnly = async (db: NodeConnector): Promise<number> => {
  await db.exec(blockedSql)
  const [row] = await db.query<{ n: number }>("SELECT count(*) AS n FROM link_bare")
  await db.exec("DROP TABLE link_bare")
  return row!.n
}

/** Candidate pairs into `link_blocked`, with every block capped at `maxBlockPairs` pairs. */
const blockCapped = async (db: NodeConnector, maxBlockPairs: number): Promise<Array<BlockingRule>> => {
  if (!Number.isSafeInteger(maxBlockPairs) || maxBlockPairs < 1)
    throw new Error(`maxBlockPairs must be a positive integer, got ${maxBlockPairs}`)
  await db.exec(`SET VARIABLE link_max_block_pairs = ${maxBlockPairs}`)
  await db.exec(keysSql)
  await db.exec(blockSizesSql)
  await db.exec(blockRefineSql)
  await db.exec(blockSizesSql)
  await db.exec(blockSkipSql)
  const report = await db.query<{ rule: string; split: number; skipped: number; skipped_records: number }>(
    blockReportSql,
  )
  await db.exec(candidatePairsSql)
  await db.exec("DROP TABLE link_keys; DROP TABLE link_block_sizes")
  return report.map((r) => ({
    rule: r.rule,
    split: Number(r.split),
    skipped: Number(r.skipped),
    skippedRecords: Number(r.skipped_records),
  }))
}

export const ensureLinkTables = async (db: NodeConnector): Promise<void> => {
  await db.exec(tablesSql)
  await db.exec(macrosSql)
}

/** Training blocking rules and the comparisons each one forces to agree. */
// Pairs sharing only a given or only a family name are mostly namesakes at 10k persons, and EM
// then learns "same name" instead of "same person": train on the full name and on the birth date.
const trainingRules: ReadonlyArray<readonly [string, ReadonlyArray<Comparison>]> = [
  ["name", ["given", "family"]],
  ["dob", ["birth"]],
]

const patternsOf = (rows: ReadonlyArray<Record<string, unknown>>): Array<Pattern> =>
  rows.map((row) => ({ gamma: comparisons.map((c) => Number(row[`g_${c}`])), n: Number(row.n) }))

export const linkRecords = async (db: NodeConnector, options: LinkOptions = {}): Promise<LinkResult> => {
  const started = Date.now()
  const o = { ...defaultLinkOptions, ...options }
  let mark = Date.now()
  const phase = (name: string) => {
    const now = Date.now()
    o.profile?.(name, now - mark)
    mark = now
  }
  await ensureLinkTables(db)
  const blocking = await blockCapped(db, o.maxBlockPairs)
  await db.exec(pairsSql)
  await db.exec("DROP TABLE link_blocked")
  phase("candidate pairs")
  const [size] = await db.query<{ n: number }>("SELECT count(*) AS n FROM link_records")
  await db.exec(uSampleSql)
  const u = estimateU(patternsOf(await db.query(uPairsSql, [o.uSample, Math.max(1, size!.n)])))
  phase("u from random pairs")
  const modulus = Math.max(1, Math.ceil(size!.n / o.trainingRecords))
  const sessions = []
  for (const [rule, excluded] of trainingRules) {
    sessions.push({ excluded, patterns: patternsOf(await db.query(trainSql, [rule, modulus])) })
  }
  phase("training sessions")
  const totalPairs = (size!.n * (size!.n - 1)) / 2
  const model = estimate(sessions, patternsOf(await db.query(patternsSql)), u, totalPairs, {
    maxIterations: o.maxIterations,
  })
  phase("EM")
  await db.exec(
    "CREATE OR REPLACE TABLE link_params (comparison VARCHAR, level INTEGER, m DOUBLE, u DOUBLE, weight DOUBLE)",
  )
  for (const p of model.params) {
    await db.query("INSERT INTO link_params VALUES ($1, $2, $3, $4, $5)", [
      p.comparison,
      p.level,
      p.m,
      p.u,
      p.weight,
    ])
  }
  await db.exec(tfSql)
  await db.query(scoresSql, [Math.log2(model.lambda / (1 - model.lambda))])
  await db.query(decidedSql, [o.autoLinkProbability, o.reviewProbability])
  phase("scores and decisions")
  await clusterPersons(db)
  phase("persons")
  const [counts] = await db.query<{
    records: number
    pairs: number
    auto: number
    review: number
    confirmed: number
    rejected: number
    persons: number
  }>(
    `SELECT
      (SELECT count(*) FROM link_records) AS records,
      (SELECT count(*) FROM link_candidates) AS pairs,
      (SELECT count(*) FROM link_candidates WHERE outcome = 'auto') AS auto,
      (SELECT count(*) FROM link_candidates WHERE outcome = 'review') AS review,
      (SELECT count(*) FROM link_candidates WHERE outcome = 'confirmed') AS confirmed,
      (SELECT count(*) FROM link_candidates WHERE outcome = 'rejected') AS rejected,
      (SELECT count(DISTINCT person_id) FROM link_persons) AS persons`,
  )
  const runId = `link-${new Date(started).toISOString()}`
  await db.query("INSERT INTO link_runs VALUES ($1, $2::TIMESTAMP, $3, $4, $5, $6, $7, $8, $9, $10, $11)", [
    runId,
    new Date(started).toISOString(),
    counts!.records,
    counts!.pairs,
    counts!.auto,
    counts!.review,
    counts!.persons,
    model.lambda,
    o.autoLinkProbability,
    o.reviewProbability,
    model.iterations,
  ])
  return {
    runId,
    records: counts!.records,
    candidatePairs: counts!.pairs,
    blocking,
    autoLinks: counts!.auto,
    reviewPairs: counts!.review,
    confirmed: counts!.confirmed,
    rejected: counts!.rejected,
    persons: counts!.persons,
    model,
    milliseconds: Date.now() - started,
  }
}

/** Connected components of the links by min-label propagation (a few rounds: clusters are small). */
const clusterPersons = async (db: NodeConnector): Promise<void> => {
  await db.exec(`CREATE OR REPLACE TEMP TABLE link_edges AS ${edgesSql}`)
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE link_edges2 AS SELECT l AS a, r AS b FROM link_edges UNION ALL SELECT r, l FROM link_edges`,
  )
  await db.exec("CREATE OR REPLACE TEMP TABLE link_cc AS SELECT rid, rid AS comp FROM link_records")
  for (let round = 0; round < 100; round++) {
    await db.exec(`CREATE OR REPLACE TEMP TABLE link_cc_next AS
      SELECT c.rid, least(c.comp, coalesce(min(n.comp), c.comp)) AS comp
      FROM link_cc c LEFT JOIN link_edges2 e ON e.a = c.rid LEFT JOIN link_cc n ON n.rid = e.b
      GROUP BY c.rid, c.comp`)
    const [changed] = await db.query<{ n: number }>(
      "SELECT count(*) AS n FROM link_cc_next x JOIN link_cc c USING (rid) WHERE x.comp <> c.comp",
    )
    await db.exec("DROP TABLE link_cc; ALTER TABLE link_cc_next RENAME TO link_cc")
    if (changed!.n === 0) break
  }
  await db.exec(`CREATE OR REPLACE TABLE link_persons AS
    SELECT r.rid, r.record_id, r.partner, r.case_id,
      'P-' || substr(sha256(min(r.record_id) OVER (PARTITION BY c.comp)), 1, 12) AS person_id
    FROM link_cc c JOIN link_records r USING (rid)`)
}

export interface Decision {
  readonly left: string
  readonly right: string
  readonly decision: "confirm" | "reject"
  readonly reviewer: string
  readonly note?: string
}

/** Stores (or replaces) a reviewer's decision on a pair of records; the next run applies it. */
export const recordDecision = async (db: NodeConnector, d: Decision): Promise<void> => {
  await ensureLinkTables(db)
  const [a, b] = d.left < d.right ? [d.left, d.right] : [d.right, d.left]
  const [known] = await db.query<{ n: number }>(
    "SELECT count(*) AS n FROM link_records WHERE record_id IN ($1, $2)",
    [a, b],
  )
  if (known!.n !== 2) throw new Error(`link decision: unknown record ${a} or ${b}`)
  await db.query(`INSERT OR REPLACE INTO link_decisions VALUES ($1, $2, $3, $4, now()::TIMESTAMP, $5)`, [
    a,
    b,
    d.decision,
    d.reviewer,
    d.note ?? null,
  ])
}
