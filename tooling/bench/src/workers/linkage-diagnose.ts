/**
 * Where the linkage errs at `--persons N` (not part of `pnpm bench`): links the multi-partner synth
 * as the bench does, then breaks the false links down by the levels that agreed and the name
 * frequency, and the missed true pairs by why they were missed (never a candidate, below review,
 * in review). `--db file` keeps the database for further queries.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Linkage as Keys } from "@lao-protect/domain"
import { Linkage, openWarehouse, Synth } from "@lao-protect/warehouse/node"
import { argOf } from "../child.ts"

const persons = Number(argOf("persons"))
const spill = mkdtempSync(join(tmpdir(), "lp-linkage-"))
process.on("exit", () => rmSync(spill, { recursive: true, force: true }))
const db = await openWarehouse(argOf("db") ?? ":memory:", {
  config: { memory_limit: argOf("memory") ?? "3GB", temp_directory: spill },
})
const encoder = Keys.makeEncoder("5e".repeat(32))
const { tables, truth } = Synth.multiPartnerTables({ seed: 19, persons, fromYear: 2010, toYear: 2024 })
for (const [partner, table] of tables) {
  await Linkage.loadSubmission(db, `${partner}.csv`, Linkage.makeSubmission(encoder, table))
}
await db.exec("CREATE OR REPLACE TABLE link_truth (record_id VARCHAR, person_id VARCHAR)")
await db.query(
  "INSERT INTO link_truth SELECT unnest(string_split($1, chr(10))), unnest(string_split($2, chr(10)))",
  [truth.map((t) => t[0]).join("\n"), truth.map((t) => String(t[1])).join("\n")],
)
const result = await Linkage.linkRecords(db, {
  profile: (phase, ms) => process.stderr.write(`  ${phase}: ${(ms / 1000).toFixed(1)} s\n`),
})
const quality = await Linkage.pairwiseQuality(db, "link_truth", "link_persons")
console.log(
  JSON.stringify({
    persons,
    pairs: result.candidatePairs,
    auto: result.autoLinks,
    review: result.reviewPairs,
    quality,
  }),
)
console.log(JSON.stringify(result.blocking))
console.log(
  result.model.params
    .map(
      (p) =>
        `${p.comparison}${p.level} m=${p.m.toFixed(4)} u=${p.u.toExponential(2)} w=${p.weight.toFixed(2)}`,
    )
    .join("\n"),
)
await db.exec(
  `CREATE OR REPLACE TABLE diag_truth AS SELECT r.rid, t.person_id FROM link_truth t JOIN link_records r USING (record_id)`,
)
await db.exec(`CREATE OR REPLACE TABLE diag_cand AS
  SELECT c.*, tl.person_id = tr.person_id AS is_match,
    t.tf_given * (SELECT count(given) FROM link_records) AS n_given,
    t.tf_family * (SELECT count(family) FROM link_records) AS n_family
  FROM link_candidates c JOIN diag_truth tl ON tl.rid = c.l JOIN diag_truth tr ON tr.rid = c.r
  JOIN link_tf t ON t.rid = c.l`)
const show = async (title: string, sql: string) => {
  console.log(`\n## ${title}`)
  const rows = await db.query<Record<string, unknown>>(sql)
  for (const r of rows)
    console.log(
      Object.values(r)
        .map((v) => (typeof v === "number" ? Number(v.toFixed(3)) : String(v)))
        .join("\t"),
    )
}
await show(
  "auto/review edges: match vs not",
  `SELECT outcome, is_match, count(*) n FROM diag_cand WHERE outcome <> 'none' GROUP BY ALL ORDER BY ALL`,
)
await show(
  "false auto edges by levels (given family birth sex place village | n | mean weight | median n_given n_family)",
  `SELECT g_given, g_family, g_birth, g_sex, g_place, g_village, count(*) n, avg(match_weight) w, median(n_given) ng, median(n_family) nf
   FROM diag_cand WHERE outcome = 'auto' AND NOT is_match GROUP BY ALL ORDER BY n DESC LIMIT 25`,
)
await show(
  "true edges by levels, same patterns as the false ones (auto share)",
  `WITH f AS (SELECT g_given, g_family, g_birth, g_sex, g_place, g_village, count(*) nf FROM diag_cand WHERE outcome = 'auto' AND NOT is_match GROUP BY ALL)
   SELECT f.*, count(c.l) FILTER (WHERE c.is_match) n_true, count(c.l) FILTER (WHERE c.is_match AND c.outcome='auto') n_true_auto
   FROM f LEFT JOIN diag_cand c USING (g_given, g_family, g_birth, g_sex, g_place, g_village) GROUP BY ALL ORDER BY nf DESC LIMIT 25`,
)
await db.exec(`CREATE OR REPLACE TABLE diag_true_pairs AS
  SELECT a.rid AS l, b.rid AS r FROM diag_truth a JOIN diag_truth b ON a.person_id = b.person_id AND a.rid < b.rid`)
await show(
  "true pairs: candidate outcome (null = never a candidate) and whether clustered together",
  `SELECT c.outcome, pa.person_id = pb.person_id AS clustered, count(*) n
   FROM diag_true_pairs t LEFT JOIN diag_cand c ON c.l = t.l AND c.r = t.r
   JOIN link_persons pa ON pa.rid = t.l JOIN link_persons pb ON pb.rid = t.r GROUP BY ALL ORDER BY ALL`,
)
await show(
  "missed true pairs (not clustered) that are candidates: levels",
  `SELECT c.outcome, g_given, g_family, g_birth, g_sex, g_place, g_village, count(*) n, avg(match_weight) w
   FROM diag_true_pairs t JOIN diag_cand c ON c.l = t.l AND c.r = t.r
   JOIN link_persons pa ON pa.rid = t.l JOIN link_persons pb ON pb.rid = t.r
   WHERE pa.person_id <> pb.person_id GROUP BY ALL ORDER BY n DESC LIMIT 25`,
)
await show(
  "missed true pairs never candidates: comparison levels",
  `WITH m AS (SELECT t.* FROM diag_true_pairs t LEFT JOIN diag_cand c ON c.l = t.l AND c.r = t.r WHERE c.l IS NULL)
   SELECT lk_name(l.given, r.given, l.bf_given, r.bf_given, l.ones_given, r.ones_given) gg,
     lk_name(l.family, r.family, l.bf_family, r.bf_family, l.ones_family, r.ones_family) ff,
     lk_birth(l.dob, r.dob, l.dob_sorted, r.dob_sorted, l.birth_year, r.birth_year) gb,
     lk_place(l.origin_district, r.origin_district, l.origin_province, r.origin_province) gp, count(*) n
   FROM m JOIN link_records l ON l.rid = m.l JOIN link_records r ON r.rid = m.r GROUP BY ALL ORDER BY n DESC LIMIT 20`,
)
console.log("{}")
