import { Linkage } from "@lao-protect/domain"
import { pairwiseQuality } from "./src/linkage/evaluate.ts"
import { linkRecords } from "./src/linkage/link.ts"
import { loadSubmission, makeSubmission } from "./src/linkage/submission.ts"
import { openWarehouse } from "./src/node/index.ts"
import { multiPartnerTables } from "./src/synth/multi-partner.ts"
const persons = Number(process.argv[2] ?? 2000)
const db = await openWarehouse(":memory:")
const encoder = Linkage.makeEncoder("5e".repeat(32))
let t = Date.now()
const { tables, truth } = multiPartnerTables({ seed: 19, persons, fromYear: 2012, toYear: 2024 })
for (const [partner, table] of tables) await loadSubmission(db, partner, makeSubmission(encoder, table))
console.log("load ms", Date.now() - t)
await db.exec("CREATE TABLE link_truth (record_id VARCHAR, person_id VARCHAR)")
await db.query("INSERT INTO link_truth SELECT unnest(string_split($1, chr(10))), unnest(string_split($2, chr(10)))", [truth.map(t=>t[0]).join("\n"), truth.map(t=>String(t[1])).join("\n")])
for (const auto of [0.95]) {
  const r = await linkRecords(db, { autoLinkProbability: auto, profile: (p, ms) => console.log(p, ms) })
  const q = await pairwiseQuality(db, "link_truth", "link_persons")
  console.log(auto, r.milliseconds, r.candidatePairs, r.autoLinks, r.reviewPairs, r.model.lambda.toExponential(2), JSON.stringify(q))
}
