/**
 * Validated import vs a bare `read_csv` of the same CSV into a table, side by side in one run.
 * usage: tsx --import ../../tooling/sql-loader/register.mjs bench/import.bench.ts [--rows N] [--repeat 3]
 *        [--json out.json] [--csv existing.csv] [--keep]
 * Bare load and import alternate (fresh database files each time); the reported ratio is the median
 * of the per-run ratios, so a noisy shared machine affects both sides of each pair alike.
 * The CSV comes from a small seeded generator (realistic distributions are the synth package's job).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { importFile } from "../src/node/import/import-file.ts"
import { openWarehouse } from "../src/node/NodeConnector.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"
import type { CaseModel } from "../src/node/schema/model.ts"

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    json: { type: "string" },
    keep: { type: "boolean" },
    repeat: { type: "string", default: "3" },
    /** Reuse an existing CaseRow CSV instead of generating one (`--rows` is then only a label). */
    csv: { type: "string" },
  },
})
const rows = Number(values.rows)
const repeat = Math.max(1, Number(values.repeat))

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

const cpuSeconds = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

const model = domainModel()
const dir = mkdtempSync(join(tmpdir(), "lp-bench-"))
mkdirSync(dir, { recursive: true })
const csv = values.csv ?? join(dir, "cases.csv")
let t = performance.now()
if (!values.csv) {
  generateCsv(model, rows, csv)
  console.log(`generated ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`)
}

// The baseline: DuckDB's own read_csv of the same file into a table, with its normal sniffing
// (dialect and column types), as a user would write it. Each run uses a fresh database file.
const BASELINE = "CREATE TABLE bare AS SELECT * FROM read_csv($1)"
const runs: Array<{
  bare: number
  import: number
  ratio: number
  cpuRatio: number
  phases: Record<string, number>
}> = []
let last: Awaited<ReturnType<typeof importFile>> | undefined
for (let i = 0; i < repeat; i++) {
  const bare = await openWarehouse(join(dir, `bare-${i}.duckdb`))
  t = performance.now()
  let cpu = process.cpuUsage()
  await bare.query(BASELINE, [csv])
  const bareS = (performance.now() - t) / 1000
  const bareCpu = cpuSeconds(process.cpuUsage(cpu))
  await bare.close()
  rmSync(join(dir, `bare-${i}.duckdb`), { force: true })

  const db = await openWarehouse(join(dir, `import-${i}.duckdb`))
  const phases: Record<string, number> = {}
  t = performance.now()
  cpu = process.cpuUsage()
  last = await importFile(db, {
    file: csv,
    model,
    writeRejected: true,
    profile: (phase, ms) => {
      phases[phase] = (phases[phase] ?? 0) + ms / 1000
    },
  })
  const importS = (performance.now() - t) / 1000
  const importCpu = cpuSeconds(process.cpuUsage(cpu))
  await db.close()
  rmSync(join(dir, `import-${i}.duckdb`), { force: true })
  const run = {
    bare: bareS,
    import: importS,
    ratio: bareS / importS,
    cpuRatio: bareCpu / importCpu,
    phases,
  }
  runs.push(run)
  console.log(
    `run ${i + 1}/${repeat}: bare ${bareS.toFixed(2)} s, import ${importS.toFixed(2)} s, ratio ${run.ratio.toFixed(3)} (cpu ${run.cpuRatio.toFixed(3)}) | ${Object.entries(
      phases,
    )
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(", ")}`,
  )
}
const r = last!
const phaseNames = [...new Set(runs.flatMap((x) => Object.keys(x.phases)))]
const result = {
  rows,
  baseline: BASELINE,
  repeat,
  bareReadCsvSeconds: +median(runs.map((x) => x.bare)).toFixed(3),
  importSeconds: +median(runs.map((x) => x.import)).toFixed(3),
  /** Median of the per-run ratios (bare / import, each pair measured back to back). */
  ratio: +median(runs.map((x) => x.ratio)).toFixed(3),
  ratios: runs.map((x) => +x.ratio.toFixed(3)),
  /** The same ratio on process CPU time (user + system, all DuckDB threads): less sensitive to other load. */
  cpuRatio: +median(runs.map((x) => x.cpuRatio)).toFixed(3),
  phasesMedianSeconds: Object.fromEntries(
    phaseNames.map((p) => [p, +median(runs.map((x) => x.phases[p] ?? 0)).toFixed(3)]),
  ),
  accepted: r.accepted,
  rejected: r.rejected,
  warnings: r.warnings,
}
console.log(result)
console.log(
  `validated import runs at ${result.ratio}x the throughput of a bare read_csv (median of ${repeat}; target >= 0.5)`,
)
if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`)
if (values.keep) console.log(`kept ${dir}`)
else rmSync(dir, { recursive: true, force: true })
