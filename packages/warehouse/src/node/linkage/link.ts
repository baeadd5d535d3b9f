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
import blockedSql from "./link_blocked.sql?raw"
import decidedSql from "./link_decided.sql?raw"
import edgesSql from "./link_edges.sql?raw"
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
  /** Called with the wall time of each phase (for the bench). */
  readonly profile?: (phase: string, ms: number) => void
}

export const defaultLinkOptions = {
  autoLinkProbability: 0.95,
  reviewProbability: 0.6,
  uSample: 300_000,
  maxIterations: 100,
  trainingRecords: 20_000,
} as const

export interface LinkResult {
  readonly runId: string
  readonly records: number
  readonly candidatePairs: number
  readonly autoLinks: number
  readonly reviewPairs: number
  readonly confirmed: number
  readonly rejected: number
  readonly persons: number
  readonly model: Model
  readonly milliseconds: number
}

/** The blocking step alone (a bare DuckDB self-join on the blocking keys): the bench's baseline. */
export const blockOnly = async (db: NodeConnector): Promise<number> => {
  await db.exec(blockedSql)
  const [row] = await db.query<{ n: number }>("SELECT count(*) AS n FROM link_blocked")
  return row!.n
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
  await db.exec(blockedSql)
  await db.exec(pairsSql)
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
