/**
 * One import run in its own process: `--mode import` runs the validated importFile (typed checks,
 * quarantine split, rejected CSV), `--mode bare` a bare read_csv of the same file into a table with
 * DuckDB's default type sniffing (the baseline), `--mode bare-varchar` the same with every
 * column read as text (reported beside it, for comparison).
 * Only the load is timed (not opening the database); maxRSS covers the whole process.
 */
import { domainModel, importFile, openWarehouse } from "@lao-protect/warehouse/node"
import { argOf, emit } from "../child.ts"

const mode = argOf("mode")
const file = argOf("file")!
const db = await openWarehouse(argOf("db")!)
const t0 = performance.now()
if (mode === "bare" || mode === "bare-varchar") {
  await db.query(
    mode === "bare"
      ? "CREATE TABLE raw AS SELECT * FROM read_csv($1)"
      : "CREATE TABLE raw AS SELECT * FROM read_csv($1, header = true, all_varchar = true)",
    [file],
  )
  const seconds = (performance.now() - t0) / 1000
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>("SELECT count(*) AS n FROM raw")
  await db.close()
  emit({ seconds, rows: n })
} else {
  const r = await importFile(db, { file, model: domainModel(), writeRejected: true })
  const seconds = (performance.now() - t0) / 1000
  await db.close()
  emit({ seconds, rows: r.rowsRead, accepted: r.accepted, rejected: r.rejected })
}
