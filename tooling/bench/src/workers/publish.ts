/**
 * Publication cost: `publish` (de-identification, facts cube, suppressed aggregates, Arrow + Parquet,
 * atomic switch) against DuckDB writing the same `cases` rows straight to Parquet with no disclosure
 * control, alternating which goes first. Planning's tables and estimates are passed as the CLI passes them. The last release stays current for the dashboard figures.
 */
import { rmSync } from "node:fs"
import { join } from "node:path"
import { estimateTables, plannersTables } from "@lao-protect/cli"
import { openWarehouse, publish } from "@lao-protect/warehouse/node"
import { argOf, emit } from "../child.ts"

const wh = await openWarehouse(argOf("db")!)
const out = argOf("out")!
const runs = Number(argOf("runs") ?? 3)
const parquet = join(out, "..", "bare.parquet")
const [{ n } = { n: 0 }] = await wh.query<{ n: number }>("SELECT count(*) AS n FROM cases")

const runPublish = async () => {
  rmSync(out, { recursive: true, force: true })
  const t0 = performance.now()
  const r = await publish({
    warehouse: wh,
    out,
    keyFile: join(out, "..", "publish.key"),
    plannersTables,
    estimateTables,
  })
  return { seconds: (performance.now() - t0) / 1000, facts: r.manifest.counts.facts }
}
const runParquet = async () => {
  rmSync(parquet, { force: true })
  const t0 = performance.now()
  await wh.query(`COPY (SELECT * FROM cases) TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`)
  return (performance.now() - t0) / 1000
}

const publishSeconds: number[] = []
const parquetSeconds: number[] = []
let facts = 0
for (let r = 0; r < runs; r++) {
  if (r % 2 === 1) parquetSeconds.push(await runParquet())
  const p = await runPublish()
  publishSeconds.push(p.seconds)
  facts = p.facts
  if (r % 2 === 0) parquetSeconds.push(await runParquet())
}
rmSync(parquet, { force: true })
await wh.close()
emit({ cases: n, facts, publishSeconds, parquetSeconds })
