/**
 * Hardening, round two (issue 20): each test here failed on the code before its fix.
 * Real DuckDB files in a temp folder.
 */
import { createHash } from "node:crypto"
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { importFile } from "../../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../../src/node/index.ts"
import { domainModel } from "../../src/node/schema/domain-model.ts"

const model = domainModel()
const HEADER = "case_id,source,identification_date,victim_group,sex,citizenship,exploitation_form"
const line = (id: string) => `${id},lwu,2024-01-15,local_lao,female,LAO,forced_labour`
const csv = (...ids: string[]) => `${[HEADER, ...ids.map(line)].join("\n")}\n`

let dir: string
let db: NodeConnector
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-round2-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
})
afterEach(async () => {
  await db.close()
})
const write = (name: string, content: string) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}
const ids = async () =>
  (await db.query<{ id: string }>("SELECT case_id AS id FROM cases ORDER BY 1")).map((r) => r.id)

describe("paths are read literally (1)", () => {
  it("imports partner[1].csv itself, not partner1.csv, and logs the checksum of its bytes", async () => {
    write("partner1.csv", csv("P1-A", "P1-B"))
    const tricky = write("partner[1].csv", csv("BRACKET-A"))
    const r = await importFile(db, { file: tricky, model, writeRejected: false })
    expect(await ids()).toEqual(["BRACKET-A"])
    expect(r.sha256).toBe(createHash("sha256").update(readFileSync(tricky)).digest("hex"))
    const again = await importFile(db, { file: join(dir, "partner1.csv"), model, writeRejected: false })
    expect(again.status).toBe("committed")
    expect(await ids()).toEqual(["BRACKET-A", "P1-A", "P1-B"])
  })

  it.each(["a*.csv", "a?.csv", "{a,b}.csv"])("reads %s literally", async (name) => {
    write("ab.csv", csv("OTHER"))
    const r = await importFile(db, { file: write(name, csv("MINE")), model, writeRejected: false })
    expect(r.accepted).toBe(1)
    expect(await ids()).toEqual(["MINE"])
  })

  it("leaves no link behind in the warehouse's scratch folder", async () => {
    await importFile(db, { file: write("x[2].csv", csv("X")), model, writeRejected: false })
    const scratch = join(dir, ".lao-protect-tmp")
    expect(statSync(scratch).mode & 0o777).toBe(0o700)
    const { readdirSync } = await import("node:fs")
    expect(readdirSync(scratch)).toEqual([])
  })
})
