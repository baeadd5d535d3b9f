/**
 * The field's reference inside the bench: Mosaic's flights benchmark (uwdata/mosaic-selection-benchmarks)
 * replayed from its own query logs in the same headless Chromium and DuckDB-WASM bundle as our
 * cross-filter figure. Inputs live beside the clone in ../shared/anchors/mosaic-flights (or
 * LAO_PROTECT_SHARED_ANCHORS): flights.parquet and the std (raw GROUP BYs) and opt (pre-aggregated
 * `mosaic.cube_*` tables) interaction logs.
 *
 * The table at each size follows Mosaic's own recipe (bin/upsample.js, src/run.js): delay clamped to
 * [-60, 180] and distance to 3000, then jittered copies appended (time + random(), delay and distance
 * times 1 +- 0.5 random()), and the first N rows taken. flights.parquet holds 100,000 rows, so 10k and
 * 100k are the real flights and 1M and 10M are upsampled, as in Mosaic's paper.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { DuckDBInstance } from "@duckdb/node-api"
import { makeTable, tableToIPC } from "apache-arrow"
import { repoRoot } from "./child.ts"
import { benchDir } from "./data.ts"

export const anchorSourceDir = (): string =>
  process.env.LAO_PROTECT_SHARED_ANCHORS ?? resolve(repoRoot, "../shared/anchors/mosaic-flights")

export interface AnchorSource {
  readonly dir: string
  readonly parquet: string
  readonly logs: { readonly opt: string; readonly std: string }
}

const FILES = ["flights.parquet", "opt-flights.json", "std-flights.json"] as const

/** The anchor's inputs, or the reason the figure is skipped. */
export const findAnchor = (dir: string = anchorSourceDir()): AnchorSource | { readonly skipped: string } => {
  const missing = FILES.filter((f) => !existsSync(join(dir, f)))
  if (missing.length > 0)
    return {
      skipped: `Mosaic anchor skipped: ${missing.join(", ")} not in ${dir} (set LAO_PROTECT_SHARED_ANCHORS)`,
    }
  return {
    dir,
    parquet: join(dir, "flights.parquet"),
    logs: { opt: join(dir, "opt-flights.json"), std: join(dir, "std-flights.json") },
  }
}

export interface LogEntry {
  readonly stage: string
  readonly query: string
  readonly activeView?: string
  readonly updateId?: number
  readonly brushSize?: number
}

/** One interaction: the queries Mosaic's benchmark runs together (in parallel) and times as one. */
export interface Task {
  readonly stage: "init" | "create" | "update"
  readonly activeView: string
  readonly updateId: number
  readonly queries: ReadonlyArray<string>
}

/**
 * Groups consecutive log entries the way Mosaic's src/benchmark.js does: a new task whenever
 * `${stage}-${activeView}-${updateId}` changes.
 */
export const tasksOf = (log: ReadonlyArray<LogEntry>): Task[] => {
  const tasks: Array<Task & { queries: string[] }> = []
  let key: string | null = null
  for (const [i, e] of log.entries()) {
    if (e.stage !== "init" && e.stage !== "create" && e.stage !== "update")
      throw new Error(`Mosaic log entry ${i}: unknown stage ${JSON.stringify(e.stage)}`)
    if (typeof e.query !== "string" || e.query.length === 0)
      throw new Error(`Mosaic log entry ${i}: field query is missing or empty`)
    const k = `${e.stage}-${e.activeView ?? "none"}-${e.updateId ?? "x"}`
    if (k !== key) {
      tasks.push({
        stage: e.stage,
        activeView: e.activeView ?? "none",
        updateId: e.updateId ?? -1,
        queries: [],
      })
      key = k
    }
    tasks.at(-1)!.queries.push(e.query)
  }
  return tasks
}

/**
 * Every `init` and `create` task, and every `every`-th `update` task (all brush sizes and views stay
 * represented: the log walks each view and brush size in turn).
 */
export const strideTasks = (tasks: ReadonlyArray<Task>, every: number): Task[] => {
  let n = 0
  return tasks.filter((t) => t.stage !== "update" || n++ % every === 0)
}

export const readTasks = (file: string): Task[] =>
  tasksOf(JSON.parse(readFileSync(file, "utf8")) as ReadonlyArray<LogEntry>)

const RECIPE_VERSION = 1
const CLAMPED = `SELECT time, GREATEST(-60, LEAST(delay, 180))::SMALLINT AS delay,
  LEAST(distance, 3000)::SMALLINT AS distance FROM read_parquet($1)`
const JITTERED = `SELECT LEAST(23.99, time + random())::FLOAT AS time,
  GREATEST(-60, LEAST(FLOOR(delay + (0.5 - random()) * delay), 180))::SMALLINT AS delay,
  LEAST(FLOOR(distance + (0.5 - random()) * distance), 3000)::SMALLINT AS distance FROM base`

/**
 * The flights table of `rows` rows as an Arrow IPC stream (what the page loads without DuckDB-WASM's
 * Parquet extension, which it would download), cached in `dir`: written under a temporary name,
 * renamed when complete, recipe last, so an interrupted run leaves nothing the next run would trust.
 */
export async function ensureFlights(
  source: AnchorSource,
  rows: number,
  log: (s: string) => void,
  dir: string = join(benchDir, "anchor"),
): Promise<string> {
  mkdirSync(dir, { recursive: true })
  const out = join(dir, `flights-${rows}.arrows`)
  const recipeFile = `${out}.recipe.json`
  const recipe = JSON.stringify({ version: RECIPE_VERSION, rows, source: source.parquet })
  if (existsSync(out) && existsSync(recipeFile) && readFileSync(recipeFile, "utf8") === recipe) return out
  rmSync(recipeFile, { force: true })
  log(`preparing Mosaic's flights table at ${rows.toLocaleString("en")} rows -> ${out} (not timed)`)
  const db = await DuckDBInstance.create(":memory:", { threads: "1" })
  const conn = await db.connect()
  try {
    await conn.run(`CREATE TABLE base AS ${CLAMPED}`, [source.parquet])
    const base = Number((await conn.runAndReadAll("SELECT count(*) FROM base")).getRows()[0]![0])
    if (base === 0) throw new Error(`${source.parquet} has no rows`)
    await conn.run("SELECT setseed(0.42)")
    const copies = Math.max(0, Math.ceil(rows / base) - 1)
    const query = ["SELECT * FROM base", ...Array.from({ length: copies }, () => JITTERED)].join(
      " UNION ALL ",
    )
    const time = new Float32Array(rows)
    const delay = new Int16Array(rows)
    const distance = new Int16Array(rows)
    const result = await conn.stream(`SELECT * FROM (${query}) LIMIT ${rows}`)
    let at = 0
    for (
      let chunk = await result.fetchChunk();
      chunk && chunk.rowCount > 0;
      chunk = await result.fetchChunk()
    ) {
      const [t, d, s] = [0, 1, 2].map((i) => chunk!.getColumnValues(i) as Array<number | null>)
      for (let r = 0; r < chunk.rowCount; r++) {
        time[at] = t![r] ?? Number.NaN
        delay[at] = d![r] ?? 0
        distance[at] = s![r] ?? 0
        at++
      }
    }
    if (at !== rows) throw new Error(`flights at ${rows} rows: produced ${at}`)
    const bytes = tableToIPC(makeTable({ delay, time, distance }), "stream")
    writeFileSync(`${out}.tmp`, bytes)
    renameSync(`${out}.tmp`, out)
    writeFileSync(recipeFile, recipe)
    return out
  } finally {
    conn.closeSync()
    db.closeSync()
  }
}
