import { prepareViewsSql } from "@lao-protect/warehouse"
import { openWarehouse } from "@lao-protect/warehouse/node"

const conn = await openWarehouse(":memory:", { config: { threads: "1" } })
await conn.exec(
  "CREATE TABLE facts AS SELECT * FROM read_parquet('/work/wt/xfilter/data/bench/1000000/data/published/releases/20261206T202732Z-4292e4/facts.parquet')",
)
const stmts = prepareViewsSql()
  .split(";")
  .map((s) =>
    s
      .split("\n")
      .filter((l) => !l.startsWith("--"))
      .join("\n")
      .trim(),
  )
  .filter(Boolean)
const by: Record<string, number> = {}
for (const s of stmts) {
  const t = performance.now()
  await conn.exec(s)
  const k = s.startsWith("CREATE TYPE") ? "create type" : s.slice(0, 24)
  by[k] = (by[k] ?? 0) + performance.now() - t
}
console.log(by)
let t = performance.now()
await conn.exec("CREATE OR REPLACE TABLE x AS SELECT * FROM facts_k")
console.log("copy facts_k unsorted", performance.now() - t)
t = performance.now()
const cols = [
  "province",
  "district",
  "victim_group",
  "sex",
  "age_band",
  "ethnicity_family",
  "exploitation_form",
  "destination",
  "border_point",
  "stage",
  "ethnic_group",
]
await conn.query("SELECT " + cols.map((c) => "list(DISTINCT " + c + ") AS " + c).join(", ") + " FROM facts")
console.log("one-scan distinct", performance.now() - t)
