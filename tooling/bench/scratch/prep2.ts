import { ActiveIndex, prepareViewsSql } from "@lao-protect/warehouse"
import { openWarehouse } from "@lao-protect/warehouse/node"

const conn = await openWarehouse(":memory:", { config: { threads: "1" } })
await conn.exec(
  "CREATE TABLE facts AS SELECT * FROM read_parquet('/work/wt/xfilter/data/bench/1000000/data/published/releases/20261206T202732Z-4292e4/facts.parquet')",
)
for (const sorted of [true, false, true, false]) {
  const sql = sorted ? prepareViewsSql() : prepareViewsSql().replace("ORDER BY province, district, year", "")
  let t = performance.now()
  await conn.exec(sql)
  const prep = performance.now() - t
  const idx = new ActiveIndex(conn)
  await idx.prepare("sex", {})
  const times: number[] = []
  for (const p of ["LA01", "LA05", "LA13", "LA17"]) {
    t = performance.now()
    await idx.prepare("sex", {}, { province: p, district: null })
    times.push(performance.now() - t)
  }
  console.log(
    sorted ? "sorted" : "unsorted",
    "prepare",
    prep.toFixed(0),
    "area builds",
    times.map((x) => x.toFixed(0)).join(" "),
  )
}
