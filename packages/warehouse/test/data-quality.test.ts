/** Data quality per partner and import: counts reconcile, reasons grouped, completeness by year. */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { importFile } from "../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { completeness, importQuality, mostMissing } from "../src/node/quality/data-quality.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"

const model = domainModel()
let dir: string
let db: NodeConnector
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-quality-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
})
afterEach(async () => {
  await db.close()
})

describe("data quality", () => {
  it("per import: read = accepted + rejected, rejected by reason; per partner and year: completeness", async () => {
    const head = "case_id,source,identification_date,victim_group,sex,citizenship,exploitation_form,age_years"
    const file = join(dir, "lwu.csv")
    writeFileSync(
      file,
      [
        head,
        "A1,lwu,2023-01-15,local_lao,female,LAO,forced_labour,17",
        "A2,lwu,2024-01-15,local_lao,female,LAO,forced_labour,",
        "A3,lwu,2024-02-15,local_lao,zz,LAO,forced_labour,30",
        "A4,lwu,2024-03-15,local_lao,yy,LAO,forced_labour,",
        "A5,lwu,2024-02-30,local_lao,female,LAO,forced_labour,",
      ].join("\n"),
    )
    await importFile(db, { file, model })
    const [q] = await importQuality(db)
    expect(q).toMatchObject({ source: "lwu", fileName: "lwu.csv", rowsRead: 5, accepted: 2, rejected: 3 })
    expect(q!.rejectedByReason).toEqual([
      {
        column: "sex",
        reason:
          "not a known code: expected one of female, male, transgender_woman, transgender_man, non_binary, unknown",
        rows: 2,
      },
      {
        column: "identification_date",
        reason: "not a real date: write YYYY-MM-DD or dd/mm/yyyy (day first)",
        rows: 1,
      },
    ])
    const c = await completeness(db, model)
    const age = c.filter((r) => r.column === "age_years").map((r) => [r.source, r.year, r.cases, r.filled])
    expect(age).toEqual([
      ["lwu", 2023, 1, 1],
      ["lwu", 2024, 1, 0],
    ])
    expect(mostMissing(c, "lwu", 40).find((m) => m.column === "age_years")!.missing).toBe(0.5)
    expect(mostMissing(c, "lwu", 1)[0]!.missing).toBe(1)
  })
})
