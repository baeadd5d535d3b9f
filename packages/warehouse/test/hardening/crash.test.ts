/**
 * Crash safety: the import and publish child processes are killed (SIGKILL) at random points spread
 * over the measured duration of a full run, some near its end (the commit, the switch). After each
 * kill the warehouse opens, passes integrity checks and holds exactly the state before or after the
 * import; the publication's current.json points to a complete release.
 * TRIALS (env CRASH_TRIALS, default 20 each) run two at a time.
 */
import { spawn } from "node:child_process"
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { tableFromIPC } from "apache-arrow"
import { beforeAll, describe, expect, it } from "vitest"
import { importFile } from "../../src/node/import/import-file.ts"
import { openWarehouse } from "../../src/node/index.ts"
import type { NodeConnector } from "../../src/node/NodeConnector.ts"
import type { Manifest } from "../../src/node/publish/index.ts"
import { publish } from "../../src/node/publish/index.ts"
import { domainModel } from "../../src/node/schema/domain-model.ts"
import { writeSynthCsv } from "../../src/node/synth/index.ts"

const TRIALS = Number(process.env.CRASH_TRIALS ?? 20)
const here = fileURLToPath(new URL(".", import.meta.url))
const loader = join(here, "../../../../tooling/sql-loader/register.mjs")

/** Spawn a child, kill it after `killAfterMs` (or let it finish); resolves with how it ended. */
const runChild = (script: string, args: string[], killAfterMs?: number) =>
  new Promise<{ ms: number; killed: boolean; code: number | null }>((resolve) => {
    const started = Date.now()
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--import", loader, join(here, script), ...args],
      {
        cwd: join(here, "../.."),
        stdio: ["ignore", "ignore", "pipe"],
      },
    )
    let stderr = ""
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString()
    })
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs)
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      if (code !== 0 && signal === null) process.stderr.write(stderr)
      resolve({ ms: Date.now() - started, killed: signal === "SIGKILL", code })
    })
  })

const killTimes = (duration: number, n: number, seed: number) => {
  // Deterministic spread: most trials uniform over the run, a quarter in its last 15 %.
  let s = seed
  const rnd = () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0
    return s / 2 ** 32
  }
  return Array.from({ length: n }, (_, i) =>
    Math.round(i % 4 === 3 ? duration * (0.85 + 0.2 * rnd()) : duration * 1.05 * rnd()),
  )
}

const inPairs = async <T, R>(items: ReadonlyArray<T>, f: (x: T, i: number) => Promise<R>) => {
  const out: R[] = []
  for (let i = 0; i < items.length; i += 2)
    out.push(...(await Promise.all(items.slice(i, i + 2).map((x, k) => f(x, i + k)))))
  return out
}

const stateHash = async (db: NodeConnector) => {
  const one = async (sql: string) => String((await db.query<{ h: string }>(sql))[0]!.h)
  return [
    await one(
      `SELECT md5(coalesce(string_agg(CAST(t AS VARCHAR), '\n' ORDER BY source, case_id), '')) AS h
       FROM (SELECT * EXCLUDE (import_id, imported_at) FROM cases) t`,
    ),
    await one(
      `SELECT md5(coalesce(string_agg(CAST(t AS VARCHAR), '\n' ORDER BY row_number, "column"), '')) AS h
       FROM (SELECT * EXCLUDE (import_id) FROM quarantine) t`,
    ),
    await one(
      `SELECT md5(coalesce(string_agg(CAST(t AS VARCHAR), '\n' ORDER BY ALL), '')) AS h FROM (
         SELECT file_name, sha256, rows_read, rows_accepted, rows_rejected, rows_inserted, rows_updated, status
         FROM import_log WHERE status = 'committed') t`,
    ),
  ].join(":")
}

/** Integrity of a warehouse file: counts reconcile per import, no orphans, unique keys, CHECKPOINT. */
const integrity = async (db: NodeConnector): Promise<string[]> => {
  const problems: string[] = []
  const q = async (sql: string) => db.query<Record<string, unknown>>(sql)
  for (const r of await q(
    `SELECT l.import_id, l.rows_accepted, l.rows_rejected,
       (SELECT count(*) FROM cases c WHERE c.import_id = l.import_id) AS cases,
       (SELECT count(DISTINCT row_number) FROM quarantine q WHERE q.import_id = l.import_id) AS rejected
     FROM import_log l WHERE l.status = 'committed'`,
  )) {
    if (Number(r.cases) !== Number(r.rows_accepted)) problems.push(`import ${r.import_id}: ${r.cases} cases`)
    if (Number(r.rejected) !== Number(r.rows_rejected))
      problems.push(`import ${r.import_id}: ${r.rejected} rejects`)
  }
  const [orphans] = await q(
    "SELECT count(*) AS n FROM quarantine WHERE import_id NOT IN (SELECT import_id FROM import_log WHERE status = 'committed')",
  )
  if (Number(orphans!.n) > 0) problems.push(`${orphans!.n} orphan quarantine rows`)
  const [orphanCases] = await q(
    "SELECT count(*) AS n FROM cases WHERE CAST(import_id AS VARCHAR) NOT IN (SELECT import_id FROM import_log WHERE status = 'committed')",
  )
  if (Number(orphanCases!.n) > 0) problems.push(`${orphanCases!.n} cases from no committed import`)
  const [keys] = await q("SELECT count(*) AS n, count(DISTINCT (source, case_id)) AS k FROM cases")
  if (Number(keys!.n) !== Number(keys!.k)) problems.push("duplicate (source, case_id)")
  const [running] = await q("SELECT count(*) AS n FROM import_log WHERE status = 'running'")
  if (Number(running!.n) > 0) problems.push("an import is still 'running'")
  await db.exec("CHECKPOINT")
  return problems
}

describe("crash safety: import killed at random points", () => {
  let dir: string
  let base: string
  let big: string
  let before: string
  let after: string
  let duration: number

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "lp-crash-"))
    const small = join(dir, "small.csv")
    await writeSynthCsv(small, { seed: 3, fromYear: 2020, toYear: 2021 })
    big = join(dir, "big.csv")
    await writeSynthCsv(big, { seed: 4, fromYear: 2022, toYear: 2024, cases: 25_000 })
    // Some rows the import must reject, so quarantine and rejected.csv are part of the commit.
    const lines = readFileSync(big, "utf8").split("\n")
    for (let i = 1; i < lines.length; i += 500) lines[i] = lines[i]!.replace(",female,", ",F,")
    writeFileSync(big, lines.join("\n"))
    base = join(dir, "base.duckdb")
    const db = await openWarehouse(base)
    await importFile(db, { file: small, model: domainModel(), writeRejected: false })
    before = await stateHash(db)
    await db.close()
    // The full run: its state is "after", its duration spreads the kill times.
    const full = join(dir, "full.duckdb")
    copyFileSync(base, full)
    const run = await runChild("import-child.ts", [full, big])
    expect(run.code).toBe(0)
    duration = run.ms
    const done = await openWarehouse(full)
    after = await stateHash(done)
    expect(await integrity(done)).toEqual([])
    expect(
      Number((await done.query<{ n: number }>("SELECT count(*) AS n FROM quarantine"))[0]!.n),
    ).toBeGreaterThan(0)
    await done.close()
    expect(after).not.toBe(before)
  }, 120_000)

  it(`${TRIALS} kills: the warehouse opens, is consistent and is exactly before or after`, async () => {
    const outcomes = await inPairs(killTimes(duration, TRIALS, 7), async (ms, i) => {
      const db = join(dir, `trial-${i}.duckdb`)
      copyFileSync(base, db)
      const run = await runChild("import-child.ts", [db, big], ms)
      const w = await openWarehouse(db)
      try {
        const problems = await integrity(w)
        const h = await stateHash(w)
        return {
          ms,
          killed: run.killed,
          problems,
          state: h === before ? "before" : h === after ? "after" : "other",
        }
      } finally {
        await w.close()
      }
    })
    expect(outcomes.filter((o) => o.problems.length > 0 || o.state === "other")).toEqual([])
    expect(outcomes.length).toBe(TRIALS)
    // The trials did hit the import while it ran (not all before it started or after it ended).
    expect(outcomes.filter((o) => o.killed && o.state === "before").length).toBeGreaterThan(0)
  }, 600_000)
})

describe("crash safety: publish killed at random points", () => {
  let dir: string
  let keyFile: string
  let duration: number
  // Two independent streams (own warehouse copy and publication) so trials run two at a time.
  const stream = (s: number) => ({ db: join(dir, `w${s}.duckdb`), out: join(dir, `published${s}`) })

  const checkPublication = async (scratch: NodeConnector, out: string): Promise<string[]> => {
    const problems: string[] = []
    const current = JSON.parse(readFileSync(join(out, "current.json"), "utf8")) as { release: string }
    const releasesDir = join(out, "releases")
    for (const release of readdirSync(releasesDir).filter((r) => !r.startsWith(".tmp-"))) {
      const rd = join(releasesDir, release)
      if (!existsSync(join(rd, "manifest.json"))) {
        problems.push(`${release}: no manifest`)
        continue
      }
      const m = JSON.parse(readFileSync(join(rd, "manifest.json"), "utf8")) as Manifest
      if (!existsSync(join(rd, "first_paint.json"))) problems.push(`${release}: no first_paint.json`)
      for (const [name, t] of Object.entries(m.tables)) {
        if (!existsSync(join(rd, t.file)) || !t.parquet || !existsSync(join(rd, t.parquet))) {
          problems.push(`${release}: ${name} missing`)
          continue
        }
        const arrowRows = tableFromIPC(readFileSync(join(rd, t.file))).numRows
        const [pq] = await scratch.query<{ n: number }>("SELECT count(*) AS n FROM read_parquet($1)", [
          join(rd, t.parquet),
        ])
        if (arrowRows !== t.rows || Number(pq!.n) !== t.rows) problems.push(`${release}: ${name} row count`)
      }
    }
    if (!existsSync(join(releasesDir, current.release, "manifest.json")))
      problems.push(`current.json points to ${current.release}, which is incomplete`)
    return problems
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "lp-crash-pub-"))
    const csv = join(dir, "s.csv")
    await writeSynthCsv(csv, { seed: 5, fromYear: 2005, toYear: 2024 })
    keyFile = join(dir, "publish.key")
    const { db, out } = stream(0)
    const w = await openWarehouse(db)
    await importFile(w, { file: csv, model: domainModel(), writeRejected: false })
    await publish({ warehouse: w, out, keyFile })
    await publish({ warehouse: w, out: stream(1).out, keyFile })
    await w.close()
    copyFileSync(db, stream(1).db)
    const run = await runChild("publish-child.ts", [db, out, keyFile, "planners"])
    expect(run.code).toBe(0)
    duration = run.ms
  }, 120_000)

  it(`${TRIALS} kills: current.json always points to a complete release`, async () => {
    const scratch = await openWarehouse(":memory:")
    try {
      const outcomes: Array<{ ms: number; killed: boolean; problems: string[] }> = []
      const times = killTimes(duration, TRIALS, 11)
      // Within a stream trials are sequential: one process at a time may open a warehouse file.
      await Promise.all(
        [0, 1].map(async (s) => {
          const { db, out } = stream(s)
          for (const ms of times.filter((_, i) => i % 2 === s)) {
            const run = await runChild("publish-child.ts", [db, out, keyFile, "planners"], ms)
            outcomes.push({ ms, killed: run.killed, problems: await checkPublication(scratch, out) })
          }
        }),
      )
      expect(outcomes.filter((o) => o.problems.length > 0)).toEqual([])
      expect(outcomes.some((o) => o.killed)).toBe(true)
    } finally {
      await scratch.close()
    }
  }, 600_000)
})
