/**
 * Validated import vs a bare `read_csv` of the same CSV into a table, side by side in one run.
 * usage: tsx --import ../../tooling/sql-loader/register.mjs bench/import.bench.ts [--rows N] [--json out.json]
 * The CSV comes from a small seeded generator (realistic distributions are the synth package's job).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { importFile } from "../src/import/import-file.ts"
import { openWarehouse } from "../src/node/NodeConnector.ts"
import { domainModel } from "../src/schema/domain-model.ts"
import type { CaseModel } from "../src/schema/model.ts"

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    json: { type: "string" },
    keep: { type: "boolean" },
  },
})
const rows = Number(values.rows)

function mulberry32(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function generateCsv(model: CaseModel, n: number, path: string, seed = 42): void {
  const rnd = mulberry32(seed)
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(rnd() * xs.length)]!
  const codes = (name: string) => model.columns.find((c) => c.name === name)?.enum?.codes ?? []
  const districts = codes("origin_district")
  const header = model.columns.map((c) => c.name)
  const out: string[] = [header.join(",")]
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  for (let i = 0; i < n; i++) {
    const ident = new Date(Date.UTC(2015, 0, 1) + Math.floor(rnd() * 3000) * 86_400_000)
    const dob = new Date(ident.getTime() - (14 + Math.floor(rnd() * 30)) * 365.25 * 86_400_000)
    const row: Record<string, string> = {
      case_id: `B-${i}`,
      source: pick(codes("source")),
      identification_date:
        rnd() < 0.1
          ? `${ident.getUTCDate()}/${ident.getUTCMonth() + 1}/${ident.getUTCFullYear()}`
          : iso(ident),
      victim_group: pick(codes("victim_group")),
      sex: pick(codes("sex")),
      date_of_birth: iso(dob),
      citizenship: "LAO",
      ethnicity: pick(codes("ethnicity")),
      origin_district: pick(districts),
      destination_country: pick(["THA", "CHN", "LAO"]),
      exploitation_form: pick(codes("exploitation_form")),
      industry: pick(codes("industry")),
      services: `${pick(codes("services"))};${pick(codes("services"))}`,
      interim_care_date: iso(new Date(ident.getTime() + 86_400_000)),
      notes: rnd() < 0.01 ? "2023-02-30" : "",
    }
    if (rnd() < 0.005) row.identification_date = "2023-02-30"
    if (rows > 0 && i % 1000 === 999) row.case_id = `B-${i - 1}`
    out.push(header.map((h) => row[h] ?? "").join(","))
    if (out.length >= 50_000) {
      writeFileSync(path, `${out.join("\n")}\n`, { flag: i < 50_000 ? "w" : "a" })
      out.length = 0
    }
  }
  writeFileSync(path, out.length ? `${out.join("\n")}\n` : "", { flag: "a" })
}

const model = domainModel()
const dir = mkdtempSync(join(tmpdir(), "lp-bench-"))
mkdirSync(dir, { recursive: true })
const csv = join(dir, "cases.csv")
let t = performance.now()
generateCsv(model, rows, csv)
console.log(`generated ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`)

const bare = await openWarehouse(join(dir, "bare.duckdb"))
t = performance.now()
await bare.query("CREATE TABLE raw AS SELECT * FROM read_csv($1, header = true, all_varchar = true)", [csv])
const bareS = (performance.now() - t) / 1000
await bare.close()

const db = await openWarehouse(join(dir, "import.duckdb"))
t = performance.now()
const r = await importFile(db, { file: csv, model, writeRejected: true })
const importS = (performance.now() - t) / 1000
await db.close()

const result = {
  rows,
  bareReadCsvSeconds: +bareS.toFixed(3),
  importSeconds: +importS.toFixed(3),
  ratio: +(bareS / importS).toFixed(3),
  accepted: r.accepted,
  rejected: r.rejected,
  warnings: r.warnings,
}
console.log(result)
console.log(`validated import runs at ${result.ratio}x the throughput of a bare read_csv (target >= 0.5)`)
if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`)
if (values.keep) console.log(`kept ${dir}`)
else rmSync(dir, { recursive: true, force: true })
