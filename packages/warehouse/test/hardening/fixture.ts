/**
 * A warehouse of synthetic cases plus planted rare cells (a province with one case in one year, a
 * district with two, a rare destination with a return) and canary PII, for the disclosure tests.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Place } from "@lao-protect/domain"
import { importFile } from "../../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../../src/node/index.ts"
import { domainModel } from "../../src/node/schema/domain-model.ts"
import { writeSynthCsv } from "../../src/node/synth/index.ts"
import { CANARIES } from "./canaries.ts"

export async function plantedWarehouse(
  options: { seed?: number; fromYear?: number; toYear?: number } = {},
): Promise<{ dir: string; db: NodeConnector }> {
  const dir = mkdtempSync(join(tmpdir(), "lp-hardening-"))
  const csv = join(dir, "synthetic.csv")
  await writeSynthCsv(csv, {
    seed: options.seed ?? 11,
    fromYear: options.fromYear ?? 2021,
    toYear: options.toYear ?? 2024,
  })
  const db = await openWarehouse(join(dir, "warehouse", "w.duckdb"))
  const r = await importFile(db, { file: csv, model: domainModel(), writeRejected: false })
  if (r.rejected !== 0) throw new Error(`synthetic rows rejected: ${r.rejected}`)
  const rare = Place.districtsOf("LA15")[0]!.code
  const twin = Place.districtsOf("LA03")[1]!.code
  const plant = async (n: number, tag: string, replace: string, params: string[]) => {
    await db.query(
      `INSERT INTO cases BY NAME SELECT * REPLACE (
         $1 || $2 || '-' || replace(CAST(case_id AS VARCHAR), 'SYN-', '') AS case_id, $3 AS victim_name, $4 AS phone, $5 AS village, $6 AS notes,
         $7 AS first_language, ${replace})
       FROM cases WHERE case_id NOT LIKE 'SYN-CANARY-%' ORDER BY case_id LIMIT ${n}`,
      [CANARIES[5], tag, ...CANARIES.slice(0, 5), ...params],
    )
  }
  // 1 case: LA15 in 2022 to Korea (a province-year, district-year and flow of one).
  await plant(
    1,
    "A",
    `$8 AS origin_province, $9 AS origin_district, DATE '2022-06-10' AS identification_date,
     'KOR' AS destination_country, NULL AS border_checkpoint, NULL AS return_date`,
    ["LA15", rare],
  )
  // 2 cases: one district of LA03 in 2023.
  await plant(
    2,
    "B",
    `$8 AS origin_province, $9 AS origin_district, DATE '2023-02-01' AS identification_date`,
    ["LA03", twin],
  )
  // 1 case from Vientiane Capital to Japan in 2024 that came back (a rare return flow).
  await plant(
    1,
    "C",
    `'LA01' AS origin_province, NULL AS origin_district, DATE '2024-03-03' AS identification_date,
     'JPN' AS destination_country, NULL AS border_checkpoint, DATE '2024-09-09' AS return_date`,
    [],
  )
  return { dir, db }
}
