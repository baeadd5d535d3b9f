import { Linkage } from "@lao-protect/domain"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openWarehouse } from "../src/node/index.ts"
import { pairwiseQuality } from "../src/node/linkage/evaluate.ts"
import { blockOnly, ensureLinkTables, linkRecords, recordDecision } from "../src/node/linkage/link.ts"
import { applyDecisions, reviewQueue } from "../src/node/linkage/review.ts"
import { loadSubmission, makeSubmission } from "../src/node/linkage/submission.ts"
import type { NodeConnector } from "../src/node/NodeConnector.ts"
import { linkagePublication } from "../src/node/publish/linkage.ts"
import { synthColumns } from "../src/node/synth/generate.ts"
import { multiPartnerTables } from "../src/node/synth/multi-partner.ts"

const secret = "5e".repeat(32)
let db: NodeConnector
let lambda = 0

const loadTruth = async (truth: ReadonlyArray<readonly [string, number, number]>) => {
  await db.exec("CREATE OR REPLACE TABLE link_truth (record_id VARCHAR, person_id VARCHAR, episode INTEGER)")
  const ids = truth.map((t) => t[0]).join("\n")
  const persons = truth.map((t) => String(t[1])).join("\n")
  const episodes = truth.map((t) => String(t[2])).join("\n")
  await db.query(
    `INSERT INTO link_truth SELECT unnest(string_split($1, chr(10))), unnest(string_split($2, chr(10))),
      unnest(string_split($3, chr(10)))::INTEGER`,
    [ids, persons, episodes],
  )
}

beforeAll(async () => {
  db = await openWarehouse(":memory:")
  const encoder = Linkage.makeEncoder(secret)
  const { tables, truth } = multiPartnerTables({ seed: 19, persons: 2000, fromYear: 2012, toYear: 2024 })
  for (const [partner, table] of tables) {
    const result = await loadSubmission(db, `${partner}.csv`, makeSubmission(encoder, table), {
      expectedKeyId: encoder.keyId,
    })
    expect(result.rejected).toEqual([])
  }
  await loadTruth(truth)
}, 120_000)
afterAll(async () => {
  await db.close()
})

describe("linkage on 2,000 synthetic persons from five partners", () => {
  it("links with precision >= 0.98 and recall >= 0.9, better than exact name + date of birth", async () => {
    const result = await linkRecords(db)
    lambda = result.model.lambda
    const quality = await pairwiseQuality(db, "link_truth", "link_persons")
    await db.exec(`CREATE OR REPLACE TABLE exact_baseline AS
      SELECT record_id, coalesce(given || family || dob, record_id) AS person_id FROM link_records`)
    const baseline = await pairwiseQuality(db, "link_truth", "exact_baseline")
    console.log(
      JSON.stringify({ quality, baseline, autoLinks: result.autoLinks, review: result.reviewPairs }),
    )
    expect(quality.precision).toBeGreaterThanOrEqual(0.98)
    expect(quality.recall).toBeGreaterThanOrEqual(0.9)
    expect(quality.f1).toBeGreaterThan(baseline.f1)
    expect(result.model.converged).toBe(true)
  }, 120_000)

  it("explains every pair: the per-field weights add up to the match weight", async () => {
    const [row] = await db.query<{ bad: number; n: number }>(
      `SELECT count(*) FILTER (WHERE abs(match_weight - ($1 + w_given + w_family + w_birth + w_sex + w_place + w_village + w_identified)) > 1e-9) AS bad,
        count(*) AS n FROM link_candidates`,
      [Math.log2(lambda / (1 - lambda))],
    )
    expect(row!.n).toBeGreaterThan(1000)
    expect(row!.bad).toBe(0)
    const [agree] = await db.query<{ w: number }>(
      "SELECT min(w_given) AS w FROM link_candidates WHERE g_given = 3",
    )
    expect(agree!.w).toBeGreaterThan(0)
  })

  it("weighs an exact full-name agreement by the full name's frequency: a common name far less than a rare one", async () => {
    await linkRecords(db)
    const rows = await db.query<{ w: number; expected: number; n: number; independent: number }>(
      `WITH names AS (
         SELECT least(given, family) AS a, greatest(given, family) AS b, count(*) AS n
         FROM link_records WHERE given IS NOT NULL AND family IS NOT NULL GROUP BY ALL),
       parts AS (
         SELECT 'g' AS k, given AS v, count(*) / sum(count(*)) OVER () AS f FROM link_records WHERE given IS NOT NULL GROUP BY ALL
         UNION ALL
         SELECT 'f', family, count(*) / sum(count(*)) OVER () FROM link_records WHERE family IS NOT NULL GROUP BY ALL),
       m AS (SELECT (SELECT m FROM link_params WHERE comparison = 'given' AND level = 3) AS mg,
                    (SELECT m FROM link_params WHERE comparison = 'family' AND level = 3) AS mf),
       total AS (SELECT count(*) AS t FROM link_records WHERE given IS NOT NULL AND family IS NOT NULL)
       SELECT c.w_given + c.w_family AS w, log2(m.mg * m.mf / (greatest(names.n - 2, 1) / total.t)) AS expected,
         names.n, log2(m.mg / pg.f) + log2(m.mf / pf.f) AS independent
       FROM link_candidates c JOIN link_records lr ON lr.rid = c.l
       JOIN names ON names.a = least(lr.given, lr.family) AND names.b = greatest(lr.given, lr.family)
       JOIN parts pg ON pg.k = 'g' AND pg.v = lr.given
       JOIN parts pf ON pf.k = 'f' AND pf.v = lr.family
       CROSS JOIN m CROSS JOIN total
       WHERE c.g_given = 3 AND c.g_family = 3`,
    )
    expect(rows.length).toBeGreaterThan(1000)
    for (const r of rows) expect(Math.abs(r.w - r.expected)).toBeLessThan(1e-9)
    const rare = rows.filter((r) => Number(r.n) === 2)
    const common = rows.filter((r) => Number(r.n) >= 10)
    expect(rare.length).toBeGreaterThan(0)
    expect(common.length).toBeGreaterThan(0)
    const mean = (xs: ReadonlyArray<{ w: number }>) => xs.reduce((a, r) => a + r.w, 0) / xs.length
    // a name shared by one person's two reports keeps its full weight; one shared by 10+ reports loses 3+ bits
    expect(mean(rare) - mean(common)).toBeGreaterThan(3)
    expect(Math.min(...rare.map((r) => r.w))).toBeGreaterThan(Math.max(...common.map((r) => r.w)))
    // common full names are more frequent than the product of their parts says (given and clan go together),
    // so the full-name weight is below what two independent agreements would give
    expect(mean(common)).toBeLessThan(mean(common.map((r) => ({ w: r.independent }))))
  }, 120_000)

  it("weighs identification dates: within 90 days for a link, after the earlier case closed less against than while it was open", async () => {
    const result = await linkRecords(db)
    const weight = (level: number) =>
      result.model.params.find((p) => p.comparison === "identified" && p.level === level)!.weight
    expect(weight(2)).toBeGreaterThan(3)
    expect(weight(1)).toBeLessThan(0)
    expect(weight(0)).toBeLessThan(weight(1) - 2)
    const [row] = await db.query<{ bad: number; again: number; n: number }>(
      `SELECT count(*) FILTER (WHERE g_identified <> CASE
         WHEN abs(date_diff('day', l.identification_date, r.identification_date)) <= 90 THEN 2
         WHEN l.identification_date < r.identification_date AND l.closed_date <= r.identification_date THEN 1
         WHEN r.identification_date < l.identification_date AND r.closed_date <= l.identification_date THEN 1
         ELSE 0 END) AS bad,
         count(*) FILTER (WHERE g_identified = 1) AS again, count(*) AS n
       FROM link_candidates c JOIN link_records l ON l.rid = c.l JOIN link_records r ON r.rid = c.r`,
    )
    expect(row!.n).toBeGreaterThan(1000)
    expect(row!.again).toBeGreaterThan(0)
    expect(row!.bad).toBe(0)
  }, 120_000)

  it("applies reviewers' decisions on the next run: a rejected link splits, a confirmed one joins", async () => {
    const [auto] = await db.query<{ left_record: string; right_record: string }>(
      `SELECT left_record, right_record FROM link_candidates c
       WHERE outcome = 'auto' AND (SELECT count(*) FROM link_persons p WHERE p.person_id =
         (SELECT person_id FROM link_persons WHERE record_id = c.left_record)) = 2
       ORDER BY left_record, right_record LIMIT 1`,
    )
    const [far] = await db.query<{ a: string; b: string }>(
      `SELECT a.record_id AS a, b.record_id AS b FROM link_persons a, link_persons b
       WHERE a.person_id < b.person_id AND a.record_id < b.record_id ORDER BY a.record_id, b.record_id LIMIT 1`,
    )
    await recordDecision(db, {
      left: auto!.left_record,
      right: auto!.right_record,
      decision: "reject",
      reviewer: "dm1",
    })
    await recordDecision(db, { left: far!.b, right: far!.a, decision: "confirm", reviewer: "dm1" })
    const result = await linkRecords(db)
    expect(result.rejected).toBeGreaterThanOrEqual(1)
    const person = async (record: string) =>
      (
        await db.query<{ p: string }>("SELECT person_id AS p FROM link_persons WHERE record_id = $1", [
          record,
        ])
      )[0]!.p
    expect(await person(auto!.left_record)).not.toBe(await person(auto!.right_record))
    expect(await person(far!.a)).toBe(await person(far!.b))
    // undoing the decision restores the automatic link
    await db.query(
      "DELETE FROM link_decisions WHERE $1 IN (left_record, right_record) AND $2 IN (left_record, right_record)",
      [auto!.left_record, auto!.right_record],
    )
    await linkRecords(db)
    expect(await person(auto!.left_record)).toBe(await person(auto!.right_record))
  }, 120_000)
})

describe("review queue file", () => {
  it("exports the review band with every field's level and weight, and stores the decisions given back", async () => {
    await linkRecords(db)
    const queue = await reviewQueue(db, 20)
    expect(queue.kind).toBe("lao-protect-review-queue")
    expect(queue.pairs.length).toBeGreaterThan(0)
    expect(queue.pairs.length).toBeLessThanOrEqual(20)
    const first = queue.pairs[0]!
    expect(first.probability).toBeGreaterThanOrEqual(0.6)
    expect(first.probability).toBeLessThan(0.95)
    expect(first.fields.map((f) => f.field)).toEqual([
      "given",
      "family",
      "birth",
      "sex",
      "place",
      "village",
      "identified",
    ])
    expect(JSON.stringify(queue)).not.toMatch(/victim_name|SYNTHETIC record|\+856/)
    const stored = await applyDecisions(
      db,
      {
        kind: "lao-protect-review-decisions",
        version: 1,
        decisions: [{ left: first.left.id, right: first.right.id, decision: "reject" }],
      },
      "dm2",
    )
    expect(stored).toBe(1)
    await linkRecords(db)
    const [row] = await db.query<{ outcome: string }>(
      "SELECT outcome FROM link_candidates WHERE left_record IN ($1, $2) AND right_record IN ($1, $2)",
      [first.left.id, first.right.id],
    )
    expect(row!.outcome).toBe("rejected")
    await expect(applyDecisions(db, { kind: "other" }, "dm2")).rejects.toThrow(/not a review decisions file/)
  }, 120_000)
})

describe("publication after linkage", () => {
  it("counts persons and cases separately and re-trafficking close to the truth", async () => {
    await linkRecords(db)
    const publication = await linkagePublication(db, { threshold: 10 })
    const [truth] = await db.query<{ persons: number; again: number; cases: number }>(
      `SELECT count(DISTINCT person_id) AS persons, count(DISTINCT person_id) FILTER (WHERE episode > 0) AS again,
        count(*) AS cases FROM link_truth`,
    )
    const s = publication!.summary
    expect(s.cases).toBe(truth!.cases)
    expect(s.persons).toBeLessThan(s.cases)
    // measured: 6% more persons than the truth at this size (recall 0.93 leaves some cases unlinked)
    expect(Math.abs(s.persons - truth!.persons) / truth!.persons).toBeLessThan(0.08)
    expect(s.linkedCases).toBeGreaterThan(0)
    expect(Math.abs(s.reTraffickedPersons - truth!.again)).toBeLessThanOrEqual(
      Math.max(5, truth!.again * 0.2),
    )
    const years = publication!.tables.persons_year!
    expect(years.numRows).toBeGreaterThan(5)
    const again = publication!.tables.retrafficking_province_year!
    const shown = again.getChild("n")!.toArray() as Int32Array
    const suppressed = again.getChild("suppressed")!.toArray()
    for (let i = 0; i < again.numRows; i++) if (suppressed[i]) expect(shown[i]).toBe(0)
  }, 120_000)
  it("publishes referrals between provinces and persons by province, with small cells suppressed", async () => {
    const small = await openWarehouse(":memory:")
    try {
      await ensureLinkTables(small)
      // 12 persons with a case in LA01 and a later one in LA02; 3 from LA02 to LA03; each record its own row
      const rows: Array<string> = []
      let rid = 0
      const add = (person: string, province: string, date: string) => {
        rid += 1
        rows.push(`(${rid}, 'r${rid}', 'p', 'c${rid}', 's', '${province}', DATE '${date}', 'k', '${person}')`)
      }
      for (let i = 0; i < 12; i++) {
        add(`A${i}`, "LA01", "2020-01-05")
        add(`A${i}`, "LA02", "2021-03-01")
      }
      for (let i = 0; i < 3; i++) {
        add(`B${i}`, "LA02", "2019-02-01")
        add(`B${i}`, "LA03", "2019-06-01")
      }
      for (let i = 0; i < 20; i++) add(`C${i}`, "LA04", "2022-01-01")
      await small.exec(`CREATE TEMP TABLE rows_in (rid INTEGER, record_id VARCHAR, partner VARCHAR, case_id VARCHAR,
        submission VARCHAR, origin_province VARCHAR, identification_date DATE, key_id VARCHAR, person VARCHAR);
        INSERT INTO rows_in VALUES ${rows.join(", ")};
        INSERT INTO link_records (rid, record_id, partner, case_id, submission, origin_province, identification_date, key_id)
          SELECT rid, record_id, partner, case_id, submission, origin_province, identification_date, key_id FROM rows_in;
        CREATE TABLE link_persons AS SELECT rid, record_id, partner, case_id, person AS person_id FROM rows_in;`)
      const published = await linkagePublication(small, { threshold: 10 })
      const referrals = published!.tables.referrals!.toArray().map((r) => ({ ...r.toJSON() }))
      expect(referrals).toEqual([
        { from_province: "LA01", to_province: "LA02", n: 12, suppressed: false },
        { from_province: "LA02", to_province: "LA03", n: null, suppressed: true },
      ])
      const provinces = published!.tables.persons_province!.toArray().map((r) => ({ ...r.toJSON() }))
      // LA03 alone (3 persons) would be recovered from the total: LA01 (the smallest other) is hidden with it
      expect(provinces).toEqual([
        { province: "LA01", cases: null, persons: null, suppressed: true },
        { province: "LA02", cases: 15, persons: 15, suppressed: false },
        { province: "LA03", cases: null, persons: null, suppressed: true },
        { province: "LA04", cases: 20, persons: 20, suppressed: false },
      ])
    } finally {
      await small.close()
    }
  })
  it("publishes nothing about persons when no linkage ran", async () => {
    const empty = await openWarehouse(":memory:")
    expect(await linkagePublication(empty, { threshold: 10 })).toBeUndefined()
    await empty.close()
  })
})

describe("submissions", () => {
  it("refuse rows made with another secret or with malformed encodings, naming row and field", async () => {
    const mine = Linkage.makeEncoder(secret)
    const theirs = Linkage.makeEncoder("77".repeat(32))
    const table = {
      header: synthColumns,
      rows: [row("A-1", "Souksavanh Phommachanh"), row("A-2", "Noy Keomany")],
    }
    const good = makeSubmission(mine, table)
    const bad = makeSubmission(theirs, table)
    const bfAt = good.header.indexOf("link_bf_given")
    const broken = [...good.rows[1]!]
    broken[bfAt] = "zz"
    const result = await loadSubmission(
      db,
      "mixed.csv",
      { header: good.header, rows: [good.rows[0]!, bad.rows[0]!, broken] },
      { expectedKeyId: mine.keyId },
    )
    expect(result.accepted + result.rejected.length).toBe(3)
    expect(result.rejected).toEqual([
      { row: 2, field: "link_key_id", reason: expect.stringContaining("another secret") },
      { row: 3, field: "link_bf_given", reason: expect.stringContaining("Bloom filter") },
    ])
  })
  it("carry no name, phone, village, notes or date of birth", () => {
    const submission = makeSubmission(Linkage.makeEncoder(secret), {
      header: synthColumns,
      rows: [row("A-3", "Phetsamone Keomany")],
    })
    const text = JSON.stringify(submission.rows)
    expect(text).not.toMatch(/Phetsamone|Keomany|5555|Nongbone|2006-03-07/)
  })
})

const row = (caseId: string, name: string): Array<string> =>
  synthColumns.map((c) =>
    c === "case_id"
      ? caseId
      : c === "source"
        ? "lwu"
        : c === "victim_name"
          ? name
          : c === "phone"
            ? "+856 20 5555 0101"
            : c === "village"
              ? "Ban Nongbone"
              : c === "date_of_birth"
                ? "2006-03-07"
                : c === "identification_date"
                  ? "2024-01-10"
                  : "",
  )

describe("block-size cap", () => {
  it("gives the bare blocking join's pairs when no block reaches the cap", async () => {
    const bare = await blockOnly(db)
    const result = await linkRecords(db, { maxBlockPairs: 1_000_000_000 })
    expect(result.candidatePairs).toBe(bare)
    expect(result.blocking.every((r) => r.split === 0 && r.skipped === 0)).toBe(true)
    expect(result.blocking.map((r) => r.rule)).toContain("family+year+-1")
  }, 120_000)

  it("splits blocks above the cap by sex and province, skips what stays above it, and reports both", async () => {
    const full = await linkRecords(db)
    const capped = await linkRecords(db, { maxBlockPairs: 3 })
    expect(capped.candidatePairs).toBeLessThan(full.candidatePairs)
    const split = capped.blocking.reduce((a, r) => a + r.split, 0)
    const skipped = capped.blocking.reduce((a, r) => a + r.skipped, 0)
    expect(split).toBeGreaterThan(0)
    expect(skipped).toBeGreaterThan(0)
    expect(capped.blocking.reduce((a, r) => a + r.skippedRecords, 0)).toBeGreaterThanOrEqual(skipped * 2)
    const quality = await pairwiseQuality(db, "link_truth", "link_persons")
    expect(quality.precision).toBeGreaterThanOrEqual(0.98)
    await expect(linkRecords(db, { maxBlockPairs: 0 })).rejects.toThrow(/maxBlockPairs/)
  }, 180_000)
})
