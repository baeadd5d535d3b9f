/**
 * The data-quality tables of a release: planners tier only, counts that reconcile with the import,
 * small counts hidden, no partner cell text; a public release carries none of them.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { tableFromIPC } from "apache-arrow"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { importFile } from "../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { publish } from "../src/node/publish/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"
import { QUALITY_TABLES } from "../src/Publication.ts"

const model = domainModel()
let dir: string
let wh: NodeConnector
const head =
  "case_id,source,identification_date,victim_group,sex,citizenship,exploitation_form,age_years,origin_province,date_of_birth"
const row = (id: string, date: string, sex: string, province: string, age = "17", birth = "") =>
  `${id},lwu,${date},local_lao,${sex},LAO,forced_labour,${age},${province},${birth}`

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-quality-pub-"))
  wh = await openWarehouse(join(dir, "w.duckdb"))
  const rows = [
    ...Array.from({ length: 12 }, (_, i) => row(`G${i}`, "2024-01-15", "female", "LA01", i < 4 ? "" : "17")),
    ...Array.from({ length: 11 }, (_, i) => row(`S${i}`, "2024-01-15", "zz", "LA01")),
    ...Array.from({ length: 10 }, (_, i) => row(`P${i}`, "2024-01-15", "female", "Secretville")),
    ...Array.from({ length: 3 }, (_, i) => row(`D${i}`, "2024-02-30", "female", "LA01")),
    row("G0", "2024-01-15", "female", "LA01"),
    // accepted with a disputed-age warning that names the date of birth
    ...Array.from({ length: 10 }, (_, i) =>
      row(`W${i}`, "2024-01-15", "female", "LA01", "17", `1990-05-0${(i % 9) + 1}`),
    ),
  ]
  const file = join(dir, "lwu.csv")
  writeFileSync(file, `${[head, ...rows].join("\n")}\n`)
  const r = await importFile(wh, { file, model, writeRejected: false })
  expect(r).toMatchObject({ rowsRead: 47, accepted: 22, rejected: 25, warnings: 10 })
})
afterAll(async () => {
  await wh.close()
})

const read = (release: string, name: string) =>
  tableFromIPC(readFileSync(join(release, `${name}.arrow`)))
    .toArray()
    .map((r) => r.toJSON() as Record<string, unknown>)

describe("data quality in a release", () => {
  it("planners tier: imports, reasons and completeness, counts below the threshold hidden, no cell text", async () => {
    const out = join(dir, "planners")
    const { dir: release, manifest } = await publish({ warehouse: wh, out, keyFile: join(dir, "k.key") })
    expect(manifest.threshold).toBe(10)
    for (const t of QUALITY_TABLES) expect(manifest.tables[t]).toBeDefined()
    const [imp, ...more] = read(release, "quality_imports")
    expect(more).toEqual([])
    expect(imp).toMatchObject({
      source: "lwu",
      rows_read: 47,
      accepted: 22,
      rejected: 25,
      updated: 0,
      duplicates: null, // 1 duplicate id: fewer than 10
      suppressed: true,
    })
    expect(imp!.imported).toMatch(/^\d{4}-\d{2}$/)
    expect(typeof imp!.lag_days).toBe("number")
    const reasons = read(release, "quality_reasons").map((r) => [
      r.kind,
      r.column,
      r.reason,
      r.rows,
      r.suppressed,
    ])
    expect(reasons).toContainEqual([
      "rejected",
      "sex",
      "not a known code: expected one of female, male, transgender_woman, transgender_man, non_binary, unknown",
      11,
      false,
    ])
    expect(reasons).toContainEqual(["rejected", "origin_province", 'unknown province "…"', 10, false])
    expect(reasons.find((r) => r[1] === "identification_date")?.slice(3)).toEqual([null, true])
    const disputed = reasons.filter((r) => r[0] === "warning" && String(r[2]).startsWith("age_disputed"))
    expect(disputed).toHaveLength(1)
    expect(disputed[0]!.slice(3)).toEqual([10, false])
    expect(String(disputed[0]![2])).toContain("age_years … and date_of_birth … disagree")
    for (const r of reasons) expect(String(r[2])).not.toMatch(/\d{4}-\d{2}-\d{2}|1990/)
    const bytes = readdirSync(release)
      .filter((f) => f.startsWith("quality_"))
      .map((f) => readFileSync(join(release, f)).toString("latin1"))
      .join("")
    expect(bytes).not.toContain("Secretville")
    const age = read(release, "quality_completeness").find((r) => r.column === "age_years")
    expect(age).toMatchObject({ source: "lwu", year: 2024, cases: 22, filled: 18, suppressed: false })
  })

  it("public tier: no data-quality table is written", async () => {
    const out = join(dir, "public")
    const { dir: release, manifest } = await publish({
      warehouse: wh,
      out,
      keyFile: join(dir, "k.key"),
      tier: "public",
    })
    for (const t of QUALITY_TABLES) expect(manifest.tables[t]).toBeUndefined()
    expect(readdirSync(release).filter((f) => f.startsWith("quality_"))).toEqual([])
  })
})
