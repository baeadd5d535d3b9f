/**
 * The planners-tier data-quality tables of the browser tests' release: a small partner file with
 * real problems (unknown codes, an impossible date, a duplicate id, a misspelt province) imported by
 * the real importer into an in-memory warehouse, then the tables exactly as `publish` writes them
 * (`qualityTables`, same SQL and threshold).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { domainModel, importFile, openWarehouse, qualityTables } from "@lao-protect/warehouse/node"
import { tableToIPC } from "apache-arrow"

const HEAD =
  "case_id,source,identification_date,victim_group,sex,citizenship,exploitation_form,age_years,origin_province"
const row = (id: string, source: string, date: string, sex: string, province: string, age = "17") =>
  `${id},${source},${date},local_lao,${sex},LAO,forced_labour,${age},${province}`

/** Two partners over two years; `afesip` has problems above and below the threshold. */
export const QUALITY_ROWS = [
  ...Array.from({ length: 14 }, (_, i) =>
    row(`A${i}`, "afesip", "2023-03-10", "female", "LA01", i < 5 ? "" : "16"),
  ),
  ...Array.from({ length: 12 }, (_, i) => row(`B${i}`, "afesip", "2024-05-10", "female", "LA16")),
  ...Array.from({ length: 11 }, (_, i) => row(`S${i}`, "afesip", "2024-05-10", "zz", "LA01")),
  ...Array.from({ length: 3 }, (_, i) => row(`D${i}`, "afesip", "2024-02-30", "female", "LA01")),
  row("A0", "afesip", "2023-03-10", "female", "LA01"),
  ...Array.from({ length: 15 }, (_, i) => row(`L${i}`, "lwu", "2024-06-01", "male", "LA06", "30")),
]

/** Write the `quality_*` tables into a release folder; returns their manifest `tables` entries. */
export async function writeQualityTables(releaseDir: string, threshold: number) {
  const dir = mkdtempSync(join(tmpdir(), "lp-e2e-quality-"))
  const db = await openWarehouse(":memory:", { config: { threads: "1" } })
  try {
    // one file per partner, as partners send them
    for (const partner of ["afesip", "lwu"]) {
      const file = join(dir, `${partner}.csv`)
      const rows = QUALITY_ROWS.filter((r) => r.split(",")[1] === partner)
      writeFileSync(file, `${[HEAD, ...rows].join("\n")}\n`)
      await importFile(db, { file, model: domainModel(), writeRejected: false })
    }
    const tables = await qualityTables(db, domainModel(), { threshold })
    const entries: Record<string, { file: string; rows: number }> = {}
    for (const [name, table] of Object.entries(tables)) {
      writeFileSync(join(releaseDir, `${name}.arrow`), tableToIPC(table, "stream"))
      entries[name] = { file: `${name}.arrow`, rows: table.numRows }
    }
    return entries
  } finally {
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
