/**
 * Record linkage quality and cost at `--persons N`: the multi-partner synth (default noise) is
 * encoded and loaded as partner submissions, then linked; precision, recall and F1 of the automatic
 * links against the ground truth, next to an exact match on the keyed hashes of name + date of
 * birth in the same run; the share of records sent to review; and the linkage time against the
 * bare DuckDB self-join on the blocking keys (alternating which goes first).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Linkage as Keys } from "@lao-protect/domain"
import { Linkage, openWarehouse, Synth } from "@lao-protect/warehouse/node"
import { argOf, emit, peakRssKb } from "../child.ts"

const persons = Number(argOf("persons"))
const runs = Number(argOf("runs") ?? 1)
// DuckDB's default memory limit (80 % of RAM) got the 100k run killed on a shared machine: cap it
// and let it spill to a temporary folder instead.
const memoryLimit = argOf("memory") ?? "3GB"
const scratch = argOf("tmp") ?? tmpdir()
mkdirSync(scratch, { recursive: true })
const spill = mkdtempSync(join(scratch, "lp-linkage-"))
process.on("exit", () => rmSync(spill, { recursive: true, force: true }))
const db = await openWarehouse(":memory:", {
  config: {
    memory_limit: memoryLimit,
    temp_directory: spill,
  },
})
const encoder = Keys.makeEncoder("5e".repeat(32))
const t0 = performance.now()
const { tables, truth } = Synth.multiPartnerTables({ seed: 19, persons, fromYear: 2010, toYear: 2024 })
for (const [partner, table] of tables) {
  await Linkage.loadSubmission(db, `${partner}.csv`, Linkage.makeSubmission(encoder, table))
}
const encodeSeconds = (performance.now() - t0) / 1000
await db.exec("CREATE TABLE link_truth (record_id VARCHAR, person_id VARCHAR)")
await db.query(
  "INSERT INTO link_truth SELECT unnest(string_split($1, chr(10))), unnest(string_split($2, chr(10)))",
  [truth.map((t) => t[0]).join("\n"), truth.map((t) => String(t[1])).join("\n")],
)
const linkSeconds: number[] = []
const bareSeconds: number[] = []
let result: Linkage.LinkResult | undefined
let blocked = 0
const bare = async () => {
  const t = performance.now()
  blocked = await Linkage.blockOnly(db)
  bareSeconds.push((performance.now() - t) / 1000)
}
for (let r = 0; r < runs; r++) {
  if (r % 2 === 1) await bare()
  const t = performance.now()
  result = await Linkage.linkRecords(db, {
    profile: (phase, ms) => process.stderr.write(`  linkage phase ${phase}: ${(ms / 1000).toFixed(1)} s\n`),
  })
  linkSeconds.push((performance.now() - t) / 1000)
  if (r % 2 === 0) await bare()
}
const quality = await Linkage.pairwiseQuality(db, "link_truth", "link_persons")
await db.exec(`CREATE TABLE exact_baseline AS
  SELECT record_id, coalesce(given || '|' || family || '|' || dob, record_id) AS person_id FROM link_records`)
const baseline = await Linkage.pairwiseQuality(db, "link_truth", "exact_baseline")
const [review] = await db.query<{ n: number }>(
  `SELECT count(DISTINCT x) AS n FROM (SELECT l AS x FROM link_candidates WHERE outcome = 'review'
   UNION ALL SELECT r FROM link_candidates WHERE outcome = 'review')`,
)
await db.close()
rmSync(spill, { recursive: true, force: true })
emit({
  persons,
  records: result!.records,
  candidatePairs: result!.candidatePairs,
  blockedPairs: blocked,
  blocking: result!.blocking,
  memoryLimit,
  autoLinks: result!.autoLinks,
  reviewPairs: result!.reviewPairs,
  reviewRecordShare: review!.n / result!.records,
  quality,
  baseline,
  linkSeconds,
  bareSeconds,
  encodeSeconds,
  maxRssKb: peakRssKb(),
})
