/**
 * `pnpm bench`: every figure at 10k, 100k and 1M synthetic cases (`--10m` adds 10M), each against a
 * baseline measured in the same run, written to BENCHMARKS.md and bench-results.json at the repo root.
 * `pnpm bench:quick`: the same figures at 10k, compared with the committed bench-results.json; exits 1
 * when a ratio regressed beyond its tolerance. Options: --sizes 10000,100000 --only import,domain
 * --runs N --steps N (cross-filter steps, default 60) --anchor-std-every N (default 10)
 * --crossfilter-detail (per step and per query of the cross-filter session, src/detail.ts).
 * Groups: import, domain, publish, dashboard, linkage, anchor (Mosaic's flights replay, src/anchor.ts).
 * A group whose input another group makes (publish needs a warehouse, dashboard and anchor a
 * publication) prepares it untimed when that group was not asked for, so any `--only` works on a
 * bare clone and after an interrupted run.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { type AnchorSource, ensureFlights, findAnchor, readTasks, strideTasks, type Task } from "./anchor.ts"
import { repoRoot, runWorker } from "./child.ts"
import { cliProcessFigure, cliProcessRuns } from "./cli-process.ts"
import { compareFigures, comparisonTable, hasRegression } from "./compare.ts"
import {
  appDist,
  buildDashboard,
  buildStamp,
  bytesFigure,
  dashboardFigures,
  harnessDist,
  measureBytes,
} from "./dashboard.ts"
import { benchDir, dashboardDataRoot, ensureCsv, sizeDir, tmpDir } from "./data.ts"
import { IMPORT_GOAL_TEXT, importGoal, PUBLISH_GOAL_TEXT, publishGoal } from "./goals.ts"
import { linkageFigures, linkageIds } from "./linkage.ts"
import { gitState, machine, versions } from "./machine.ts"
import { mergeResults } from "./merge.ts"
import { renderMarkdown } from "./report.ts"
import { scalingRows } from "./scaling.ts"
import { summarize } from "./stats.ts"
import type { BenchResults, Figure, Group } from "./types.ts"

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "10m": { type: "boolean", default: false },
    sizes: { type: "string" },
    only: { type: "string" },
    runs: { type: "string" },
    steps: { type: "string", default: "60" },
    "anchor-std-every": { type: "string", default: "10" },
    "no-write": { type: "boolean", default: false },
    "crossfilter-detail": { type: "boolean", default: false },
  },
})
const quick = values.quick
const sizes = values.sizes
  ? values.sizes.split(",").map(Number)
  : quick
    ? [10_000]
    : [10_000, 100_000, 1_000_000, ...(values["10m"] ? [10_000_000] : [])]
const groups = new Set<Group>(
  (values.only?.split(",") ?? ["import", "domain", "publish", "dashboard", "linkage", "anchor"]) as Group[],
)
const unknownGroups = [...groups].filter(
  (g) => !["import", "domain", "publish", "dashboard", "linkage", "anchor"].includes(g),
)
if (unknownGroups.length > 0) {
  console.error(
    `unknown group(s) ${unknownGroups.join(", ")}: use import, domain, publish, dashboard, linkage, anchor`,
  )
  process.exit(2)
}
/** The partner file of the whole-process import figure: hundreds to thousands of rows is a real one. */
const PARTNER_FILE_ROWS = 1_000
const runsFor = (size: number) => (values.runs ? Number(values.runs) : size <= 100_000 ? 5 : 3)
const steps = Number(values.steps)
const started = performance.now()
const log = (s: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${s}\n`)
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 200)

const figures: Figure[] = []
/** Figure ids start with their group's name. */
const groupOf = (id: string) => id.split(".")[0] as Group
const notMeasured = (
  id: string,
  group: Group,
  title: string,
  size: number,
  reason: string,
  goal?: string,
  better: Figure["better"] = "higher",
): Figure => ({
  id,
  group,
  title,
  size,
  better,
  notMeasured: reason,
  ...(goal ? { goal: { text: goal, pass: null } } : {}),
})

interface ImportRun {
  seconds: number
  rows: number
  maxRssKb: number
  accepted?: number
  rejected?: number
}

async function importFigures(size: number, csv: string): Promise<Figure[]> {
  const dir = sizeDir(size)
  const runs = runsFor(size)
  const imports: ImportRun[] = []
  const bares: ImportRun[] = []
  const varcharBares: ImportRun[] = []
  const clean = (db: string) => {
    rmSync(db, { force: true })
    rmSync(`${db}.wal`, { force: true })
  }
  const importDb = join(dir, "import.duckdb")
  const bareDb = join(dir, "bare.duckdb")
  for (let r = 0; r < runs; r++) {
    const bare = async () => {
      clean(bareDb)
      bares.push(
        await runWorker<ImportRun>("import-once.ts", ["--mode", "bare", "--file", csv, "--db", bareDb]),
      )
      clean(bareDb)
      varcharBares.push(
        await runWorker<ImportRun>("import-once.ts", [
          "--mode",
          "bare-varchar",
          "--file",
          csv,
          "--db",
          bareDb,
        ]),
      )
      clean(bareDb)
    }
    if (r % 2 === 0) await bare()
    clean(importDb)
    imports.push(
      await runWorker<ImportRun>("import-once.ts", ["--mode", "import", "--file", csv, "--db", importDb]),
    )
    if (r % 2 === 1) await bare()
    log(
      `  import run ${r + 1}/${runs}: import ${imports.at(-1)!.seconds.toFixed(2)} s, bare read_csv ${bares.at(-1)!.seconds.toFixed(2)} s`,
    )
  }
  // The last import is the warehouse the publish figure reads.
  const warehouse = join(dir, "warehouse.duckdb")
  clean(warehouse)
  renameSync(importDb, warehouse)
  writeFileSync(`${warehouse}.recipe.json`, warehouseRecipe(size))
  const rate = (x: ImportRun) => x.rows / x.seconds
  const last = imports.at(-1)!
  const mb = (x: ImportRun) => x.maxRssKb / 1024
  return [
    {
      id: "import.throughput",
      group: "import",
      title: "Validated import throughput (importFile, quarantine split)",
      size,
      measured: summarize(imports.map(rate)),
      unit: "rows/s",
      baseline: {
        ...summarize(bares.map(rate)),
        label: "bare DuckDB read_csv of the same file into a table (default type sniffing)",
      },
      ratio: summarize(imports.map((x, i) => bares[i]!.seconds / x.seconds)),
      ratioLabel: "import throughput / bare read_csv throughput",
      better: "higher",
      goal: importGoal(size, summarize(imports.map((x, i) => bares[i]!.seconds / x.seconds)).median),
      costSeconds: summarize(imports.map((x) => x.seconds)).median,
      note: `rows read ${last.rows.toLocaleString("en")}, accepted ${last.accepted?.toLocaleString("en")}, rejected (quarantined) ${last.rejected?.toLocaleString("en")}; bare median ${summarize(bares.map((x) => x.seconds)).median.toFixed(2)} s (all-text read_csv for comparison: ${summarize(varcharBares.map((x) => x.seconds)).median.toFixed(2)} s, ratio ${summarize(imports.map((x, i) => varcharBares[i]!.seconds / x.seconds)).median.toFixed(2)}x), import median ${summarize(imports.map((x) => x.seconds)).median.toFixed(2)} s`,
    },
    {
      id: "import.peak_rss",
      group: "import",
      title: "Import peak memory (RSS high-water mark of the importing process)",
      size,
      measured: summarize(imports.map(mb)),
      unit: "MB",
      baseline: { ...summarize(bares.map(mb)), label: "same for the bare read_csv process" },
      ratio: summarize(imports.map((x, i) => x.maxRssKb / bares[i]!.maxRssKb)),
      ratioLabel: "import RSS / bare RSS",
      better: "lower",
    },
  ]
}

async function domainFigures(size: number): Promise<Figure[]> {
  const title = "CaseRow decode (Effect decoder, all errors)"
  const goal = ">= 200,000 rows/s in Node"
  if (size > 1_000_000)
    return [
      notMeasured(
        "domain.decode",
        "domain",
        title,
        size,
        "10M distinct rows as JS objects do not fit the heap; decode rate does not depend on size",
        goal,
      ),
    ]
  const runs = runsFor(size)
  const r = await runWorker<{ effectRates: number[]; handRates: number[]; valid: number; rows: number }>(
    "decode.ts",
    ["--rows", String(size), "--runs", String(runs)],
    { heapMb: 12_000 },
  )
  const ratio = summarize(r.effectRates.map((e, i) => e / r.handRates[i]!))
  const measured = summarize(r.effectRates)
  log(
    `  decode: Effect ${Math.round(measured.median).toLocaleString("en")} rows/s, ratio to hand-written ${ratio.median.toFixed(2)}`,
  )
  return [
    {
      id: "domain.decode",
      group: "domain",
      title,
      size,
      measured,
      unit: "rows/s",
      baseline: { ...summarize(r.handRates), label: "hand-written validator of the same rules (quickCheck)" },
      ratio,
      ratioLabel: "Effect / hand-written (rows/s)",
      better: "higher",
      goal: { text: goal, pass: measured.median >= 200_000 },
      costSeconds: size / measured.median,
      note: `${r.valid.toLocaleString("en")} of ${r.rows.toLocaleString("en")} rows valid (the generator breaks one rule in about 5%)`,
    },
  ]
}

/** The warehouse is the import of this size's CSV: stale when the CSV's recipe changed. */
const warehouseRecipe = (size: number) => readFileSync(join(sizeDir(size), "cases.recipe.json"), "utf8")

/**
 * The warehouse the publish figure reads: the import figure leaves it; when that did not run (or an
 * earlier run was interrupted, or the CSV changed), one untimed import makes it. Complete or absent:
 * the import writes elsewhere and is renamed, the recipe written last.
 */
async function ensureWarehouse(size: number, csv: string): Promise<string> {
  const dir = sizeDir(size)
  const db = join(dir, "warehouse.duckdb")
  const recipeFile = `${db}.recipe.json`
  if (existsSync(db) && existsSync(recipeFile) && readFileSync(recipeFile, "utf8") === warehouseRecipe(size))
    return db
  log(`  preparing the warehouse for ${size.toLocaleString("en")} cases (one import, not timed)`)
  const tmp = join(dir, "warehouse.tmp.duckdb")
  for (const f of [tmp, `${tmp}.wal`, recipeFile, db, `${db}.wal`]) rmSync(f, { force: true })
  await runWorker("import-once.ts", ["--mode", "import", "--file", csv, "--db", tmp])
  renameSync(tmp, db)
  writeFileSync(recipeFile, warehouseRecipe(size))
  // A publication made from another warehouse is stale.
  rmSync(join(dashboardDataRoot(size), "published"), { recursive: true, force: true })
  return db
}

/** The publication the browser figures serve: the publish figure leaves it, else one untimed publish. */
async function ensurePublication(size: number, csv: string): Promise<void> {
  if (existsSync(join(dashboardDataRoot(size), "published", "current.json"))) return
  const db = await ensureWarehouse(size, csv)
  log(`  preparing the publication for ${size.toLocaleString("en")} cases (one publish, not timed)`)
  await runWorker(
    "publish.ts",
    ["--db", db, "--out", join(dashboardDataRoot(size), "published"), "--runs", "1"],
    { heapMb: 8192 },
  )
}

async function publishFigures(size: number, csv: string): Promise<Figure[]> {
  const db = await ensureWarehouse(size, csv)
  const out = join(dashboardDataRoot(size), "published")
  const r = await runWorker<{
    publishSeconds: number[]
    parquetSeconds: number[]
    facts: number
    cases: number
    maxRssKb: number
  }>("publish.ts", ["--db", db, "--out", out, "--runs", String(runsFor(size))], { heapMb: 8192 })
  const measured = summarize(r.publishSeconds)
  log(
    `  publish: ${measured.median.toFixed(2)} s, bare Parquet ${summarize(r.parquetSeconds).median.toFixed(2)} s`,
  )
  return [
    {
      id: "publish.dataset",
      group: "publish",
      title: "Produce the dashboard dataset (publish: de-identify, cube, suppression, Arrow + Parquet)",
      size,
      measured,
      unit: "s",
      baseline: {
        ...summarize(r.parquetSeconds),
        label: "DuckDB COPY of the same cases to Parquet, no disclosure control",
      },
      ratio: summarize(r.publishSeconds.map((p, i) => p / r.parquetSeconds[i]!)),
      ratioLabel: "publish time / bare Parquet time",
      better: "lower",
      goal: publishGoal(
        size,
        summarize(r.publishSeconds.map((p, i) => p / r.parquetSeconds[i]!)).median,
        r.maxRssKb / 1024,
      ),
      costSeconds: measured.median,
      note: `${r.cases.toLocaleString("en")} cases -> ${r.facts.toLocaleString("en")} facts rows; publishing process peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB`,
    },
  ]
}

const dashboardIds: ReadonlyArray<[string, string, string | undefined, Figure["better"]]> = [
  [
    "dashboard.first_paint",
    "Time to first map paint (cold load)",
    "< 1500 ms on localhost (1M cases)",
    "lower",
  ],
  [
    "dashboard.wasm_ready",
    "DuckDB-WASM ready with the release loaded (cold load)",
    "<= 1.5x a bare instantiate (1M cases)",
    "lower",
  ],
  ["dashboard.crossfilter_p50", "Cross-filter latency p50", ">= 5x faster than naive (1M cases)", "higher"],
  [
    "dashboard.crossfilter_p95",
    "Cross-filter latency p95",
    "p95 < 100 ms and >= 5x faster than naive (1M cases)",
    "higher",
  ],
]

const anchorIds: ReadonlyArray<[string, string, string | undefined, Figure["better"]]> = [
  [
    "anchor.crossfilter_p50_vs_mosaic",
    "Our cross-filter p50 against Mosaic's opt replay p50",
    undefined,
    "lower",
  ],
  [
    "anchor.crossfilter_p95_vs_mosaic",
    "Our cross-filter p95 against Mosaic's opt replay p95",
    "<= 2x Mosaic opt p95 (1M)",
    "lower",
  ],
  ["anchor.mosaic_opt_p95", "Mosaic flights replay p95: opt against std", undefined, "higher"],
]

const newest = (path: string): number => {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let max = st.mtimeMs
  for (const e of readdirSync(path))
    if (e !== "node_modules" && !e.startsWith(".")) max = Math.max(max, newest(join(path, e)))
  return max
}

/** Both builds finished and are newer than everything they are built from (quick mode reuses them). */
const dashboardBuildFresh = async (): Promise<boolean> => {
  const built = [buildStamp, join(appDist, "index.html"), join(harnessDist, "bench/crossfilter.html")]
  if (!built.every(existsSync)) return false
  const { buildInputs } = await import("@lao-protect/dashboard/scripts/freshness")
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs))
  const inputs = [...buildInputs(join(repoRoot, "apps/dashboard")), join(repoRoot, "apps/dashboard/bench")]
  return inputs.every((i) => newest(i) < builtAt)
}

async function main(): Promise<void> {
  const loadAtStart = machine().loadAverage1m
  const git = gitState()
  log(`sizes ${sizes.join(", ")}; groups ${[...groups].join(", ")}; ${quick ? "quick" : "full"} mode`)
  // Scratch left by an interrupted run (workers' DuckDB spill folders).
  rmSync(tmpDir, { recursive: true, force: true })
  let anchor: { source: AnchorSource; opt: Task[]; std: Task[]; stdEvery: number } | null = null
  if (groups.has("anchor")) {
    const found = findAnchor()
    if ("skipped" in found) {
      log(found.skipped)
      groups.delete("anchor")
    } else {
      const stdEvery = Number(values["anchor-std-every"])
      anchor = {
        source: found,
        opt: readTasks(found.logs.opt),
        std: strideTasks(readTasks(found.logs.std), stdEvery),
        stdEvery,
      }
    }
  }
  if (groups.size === 0) {
    log("nothing left to measure: bench-results.json and BENCHMARKS.md unchanged")
    return
  }
  const browserFigures = groups.has("dashboard") || groups.has("anchor")
  let dashboardReady: string | null = null
  if (browserFigures) {
    try {
      if (!quick || !(await dashboardBuildFresh())) await buildDashboard(log)
      else log("reusing the dashboard builds in data/bench/dashboard (newer than their sources)")
      if (groups.has("dashboard")) figures.push(bytesFigure(measureBytes()))
    } catch (e) {
      dashboardReady = `production build failed: ${firstLine(e)}`
      if (groups.has("dashboard"))
        figures.push(
          notMeasured(
            "dashboard.js_gzip",
            "dashboard",
            "JavaScript shipped, gzip",
            0,
            dashboardReady,
            "< 350 kB gzip",
            "lower",
          ),
        )
    }
  }
  if (groups.has("import")) {
    const title = "A 1,000-row partner file: `lao-protect import`, whole process"
    try {
      const csv = await ensureCsv(PARTNER_FILE_ROWS, log)
      const r = await cliProcessRuns(csv, join(benchDir, "cli-process"), runsFor(PARTNER_FILE_ROWS))
      const figure = cliProcessFigure(r, PARTNER_FILE_ROWS)
      log(
        `  1,000-row import, whole process: ${figure.measured!.median.toFixed(2)} s, --help ${figure.baseline!.median.toFixed(2)} s (${figure.ratio!.median.toFixed(2)}x)`,
      )
      figures.push(figure)
    } catch (e) {
      log(`  import process figure failed: ${firstLine(e)}`)
      figures.push(
        notMeasured(
          "import.partner_file_process",
          "import",
          title,
          0,
          firstLine(e),
          "< 2x `lao-protect --help`",
          "lower",
        ),
      )
    }
  }
  for (const size of sizes) {
    log(`== ${size.toLocaleString("en")} cases`)
    const csv = await ensureCsv(size, log)
    const guarded = async (
      group: Group,
      ids: ReadonlyArray<[string, string, string | undefined, Figure["better"]]>,
      f: () => Promise<Figure[]>,
    ) => {
      if (!groups.has(group)) return
      try {
        figures.push(...(await f()))
      } catch (e) {
        log(`  ${group} failed: ${firstLine(e)}`)
        for (const [id, title, goal, better] of ids)
          figures.push(notMeasured(id, groupOf(id), title, size, firstLine(e), goal, better))
      }
    }
    await guarded(
      "import",
      [
        ["import.throughput", "Validated import throughput", IMPORT_GOAL_TEXT, "higher"],
        ["import.peak_rss", "Import peak memory", undefined, "lower"],
      ],
      () => importFigures(size, csv),
    )
    await guarded(
      "publish",
      [["publish.dataset", "Produce the dashboard dataset", PUBLISH_GOAL_TEXT, "lower"]],
      () => publishFigures(size, csv),
    )
    await guarded(
      "domain",
      [["domain.decode", "CaseRow decode", ">= 200,000 rows/s in Node", "higher"]],
      () => domainFigures(size),
    )
    // linkage is measured in persons, at 10k and 100k only
    if (size <= 100_000) await guarded("linkage", linkageIds, () => linkageFigures(size, log))
    if (browserFigures) {
      const ids = [
        ...(groups.has("dashboard") ? dashboardIds : []),
        ...(groups.has("anchor") ? anchorIds : []),
      ]
      const group: Group = groups.has("dashboard") ? "dashboard" : "anchor"
      const unmeasured = (reason: string) => {
        for (const [id, title, goal, better] of ids)
          figures.push(notMeasured(id, groupOf(id), title, size, reason, goal, better))
      }
      if (dashboardReady !== null) unmeasured(dashboardReady)
      else {
        let prepared: string | null = null
        try {
          await ensurePublication(size, csv)
        } catch (e) {
          prepared = `no publication for this size: ${firstLine(e)}`
          log(`  ${prepared}`)
        }
        if (prepared !== null) unmeasured(prepared)
        else
          await guarded(group, ids, async () =>
            dashboardFigures({
              size,
              runs: Math.min(runsFor(size), 3),
              steps,
              dataRoot: dashboardDataRoot(size),
              log,
              dashboard: groups.has("dashboard"),
              detail: values["crossfilter-detail"],
              anchor: anchor
                ? {
                    flightsFile: await ensureFlights(anchor.source, size, log),
                    opt: anchor.opt,
                    std: anchor.std,
                    stdEvery: anchor.stdEvery,
                  }
                : null,
            }),
          )
      }
    }
  }
  const results: BenchResults = {
    schema: 1,
    date: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    sizes,
    machine: {
      ...machine(),
      loadAverage1m: `${loadAtStart} at start, ${machine().loadAverage1m} at end (2 cores)`,
    },
    versions: { ...versions(), "git commit": git.commit!, "uncommitted tracked files": git.uncommitted! },
    figures,
    scaling: scalingRows(figures),
    durationSeconds: Math.round((performance.now() - started) / 1000),
  }
  const committedFile = join(repoRoot, "bench-results.json")
  if (quick) {
    writeFileSync(join(benchDir, "quick-results.json"), `${JSON.stringify(results, null, 2)}\n`)
    const committed = existsSync(committedFile)
      ? (JSON.parse(readFileSync(committedFile, "utf8")) as BenchResults)
      : null
    if (!committed) {
      log("no committed bench-results.json to compare with: run `pnpm bench` and commit it")
      process.exitCode = 1
      return
    }
    const rows = compareFigures(figures, committed.figures)
    console.log(
      `\nquick benchmark (${results.durationSeconds} s) against bench-results.json of ${committed.date}:\n`,
    )
    console.log(comparisonTable(rows))
    if (hasRegression(rows)) {
      console.log("\nFAIL: at least one ratio regressed beyond its tolerance")
      process.exitCode = 1
    } else console.log("\nOK: no ratio regressed beyond its tolerance")
    return
  }
  if (values["no-write"]) {
    console.log(JSON.stringify(results, null, 2))
    return
  }
  const committed = existsSync(committedFile)
    ? (JSON.parse(readFileSync(committedFile, "utf8")) as BenchResults)
    : null
  const partial = values.only !== undefined || values.sizes !== undefined
  const written = partial && committed ? mergeResults(committed, results, groups, sizes) : results
  if (written !== results)
    log("partial run: its figures replace the same groups and sizes in bench-results.json")
  writeFileSync(committedFile, `${JSON.stringify(written, null, 2)}\n`)
  const markdown = join(repoRoot, "BENCHMARKS.md")
  writeFileSync(markdown, renderMarkdown(written, existsSync(markdown) ? readFileSync(markdown, "utf8") : ""))
  log(`wrote BENCHMARKS.md and bench-results.json (${results.durationSeconds} s)`)
}

await main()
