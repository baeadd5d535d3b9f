import { rmSync } from "node:fs"

const t00 = performance.now()
const { domainModel, importFile, openWarehouse } = await import("@lao-protect/warehouse/node")
const tLoad = performance.now() - t00
const file = process.argv[2]!
const dbp = "/tmp/zz-imp.duckdb"
for (let i = 0; i < 3; i++) {
  rmSync(dbp, { force: true })
  rmSync(`${dbp}.wal`, { force: true })
  rmSync(`${file}.rejected.csv`, { force: true })
  const t0 = performance.now()
  const db = await openWarehouse(dbp)
  const tOpen = performance.now() - t0
  const phases: string[] = []
  const t1 = performance.now()
  await importFile(db, {
    file,
    model: domainModel(),
    writeRejected: true,
    profile: (p, ms) => phases.push(`${p} ${ms.toFixed(0)}`),
  })
  const tImp = performance.now() - t1
  const t2 = performance.now()
  await db.query("CREATE TABLE raw AS SELECT * FROM read_csv($1)", [file])
  const tBare = performance.now() - t2
  await db.close()
  console.error(
    `modules ${tLoad.toFixed(0)} ms, open ${tOpen.toFixed(0)}, import ${tImp.toFixed(0)} (bare ${tBare.toFixed(0)}): ${phases.join(", ")}`,
  )
}
