/**
 * A real (not synthetic) planners-tier publication built the way a data manager builds one: a
 * partner CSV of CaseRow data goes through the warehouse's `importFile`, then `Publish.publish`.
 * The CSV is synthetic data re-labelled as partner data (case ids "PRT-…", no .meta.json sidecar, so
 * the release is not marked synthetic) with canary PII planted in 40 rows: names, phones, villages,
 * notes, first languages and case ids. None of them may reach the release, the build or an export.
 */
import { mkdirSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { domainModel, importFile, openWarehouse, Publish, Synth } from "@lao-protect/warehouse/node"
import { CANARIES } from "@lao-protect/warehouse/testing"

/** The warehouse's canaries, with a case-id prefix that does not make the release synthetic. */
export const ID_CANARIES: ReadonlyArray<string> = [...CANARIES.slice(0, 5), "PRT-CANARY-"]

export interface CanaryPublication {
  readonly dataRoot: string
  readonly releaseDir: string
  readonly manifest: Publish.Manifest
  readonly work: string
}

export async function writeCanaryPublication(): Promise<CanaryPublication> {
  const work = mkdtempSync(join(tmpdir(), "lao-protect-canary-"))
  const synth = join(work, "synth.csv")
  await Synth.writeSynthCsv(synth, { seed: 7, fromYear: 2021, toYear: 2024 })
  const partner = join(work, "partner-cases.csv")
  const staging = await openWarehouse(":memory:")
  try {
    const [name, phone, village, notes, language, idPrefix] = ID_CANARIES
    await staging.query(
      `COPY (
         SELECT * EXCLUDE (n) REPLACE (
           CASE WHEN n <= 40 THEN $6 || lpad(CAST(n AS VARCHAR), 4, '0') ELSE replace(case_id, 'SYN-', 'PRT-') END AS case_id,
           CASE WHEN n <= 40 THEN $1 ELSE victim_name END AS victim_name,
           CASE WHEN n <= 40 THEN $2 ELSE phone END AS phone,
           CASE WHEN n <= 40 THEN $3 ELSE village END AS village,
           CASE WHEN n <= 40 THEN $4 ELSE notes END AS notes,
           CASE WHEN n <= 40 THEN $5 ELSE first_language END AS first_language
         )
         FROM (SELECT *, row_number() OVER () AS n FROM read_csv('${synth}', all_varchar = true, header = true))
       ) TO '${partner}' (HEADER, DELIMITER ',')`,
      [name!, phone!, village!, notes!, language!, idPrefix!],
    )
  } finally {
    await staging.close()
  }
  const dataRoot = join(work, "data")
  mkdirSync(join(dataRoot, "warehouse"), { recursive: true })
  const db = await openWarehouse(join(dataRoot, "warehouse", "warehouse.duckdb"))
  try {
    const imported = await importFile(db, { file: partner, model: domainModel(), writeRejected: false })
    if (imported.rejected !== 0) throw new Error(`canary rows rejected: ${imported.rejected}`)
    const planted = await db.query<{ n: number }>(
      "SELECT CAST(count(*) AS INTEGER) AS n FROM cases WHERE victim_name = $1 AND starts_with(CAST(case_id AS VARCHAR), $2)",
      [ID_CANARIES[0]!, ID_CANARIES[5]!],
    )
    if (planted[0]?.n !== 40) throw new Error(`expected 40 planted canary cases, found ${planted[0]?.n}`)
    const result = await Publish.publish({
      warehouse: db,
      out: join(dataRoot, "published"),
      keyFile: join(dataRoot, "warehouse", "publish.key"),
      tier: "planners",
    })
    return { dataRoot, releaseDir: result.dir, manifest: result.manifest, work }
  } finally {
    await db.close()
  }
}
