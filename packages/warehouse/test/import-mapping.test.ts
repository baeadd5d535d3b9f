/**
 * A partner's own register: own headers, own value words (`F`, `Female`, `ຍິງ`, `Police`), no
 * citizenship column. The mapping file's value words and `set` make every row land; the suggested
 * mapping finds the headers, the labels and the words it cannot match.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { ImportError, importFile } from "../src/node/import/import-file.ts"
import { suggestMapping } from "../src/node/import/suggest-mapping.ts"
import { MappingError, parseMapping, valueKey, withSets } from "../src/node/import/value-mapping.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"

const model = domainModel()
let dir: string
let db: NodeConnector
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-mapping-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
})
afterEach(async () => {
  await db.close()
})
const write = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

const REGISTER = [
  "No.,Date found,Gender,Kind of victim,Exploitation type,Agency",
  "K-1,2024-01-15,F,repatriated from abroad,Forced Labour,Police",
  "K-2,2024-01-16, female ,local,Sexual exploitation,police",
  "K-3,2024-01-17,ຍິງ,local,Forced Labour,Police",
  "K-4,2024-01-18,Male,local,Forced Labour,Police",
  "K-5,2024-01-19,X,local,Forced Labour,Police",
].join("\n")

describe("value mapping", () => {
  it("maps value words per column (case, spaces and Lao script) and --set fills a missing column", async () => {
    const file = write("register.csv", `${REGISTER}\n`)
    const mapping = withSets(
      parseMapping(
        {
          columns: {
            "No.": "case_id",
            "Date found": "identification_date",
            "Exploitation type": "exploitation_form",
            Agency: "identifying_agency",
            "Kind of victim": "victim_group",
          },
          values: {
            sex: { F: "female", ຍິງ: "female" },
            victim_group: { "Repatriated from abroad": "repatriated_lao", local: "local_lao" },
            exploitation_form: { "Sexual exploitation": "sexual_exploitation" },
            identifying_agency: { police: "mps_atd" },
          },
        },
        model,
      ),
      ["citizenship=LAO"],
      model,
    )
    const r = await importFile(db, {
      file,
      model,
      source: "lwu",
      mapping: mapping.columns,
      values: mapping.values,
      set: mapping.set,
    })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([5, 4, 1])
    const rows = await db.query<Record<string, string>>(
      "SELECT case_id, sex::VARCHAR AS sex, victim_group::VARCHAR AS g, citizenship::VARCHAR AS c, exploitation_form::VARCHAR AS f FROM cases ORDER BY case_id",
    )
    expect(rows).toEqual([
      { case_id: "K-1", sex: "female", g: "repatriated_lao", c: "LAO", f: "forced_labour" },
      { case_id: "K-2", sex: "female", g: "local_lao", c: "LAO", f: "sexual_exploitation" },
      { case_id: "K-3", sex: "female", g: "local_lao", c: "LAO", f: "forced_labour" },
      { case_id: "K-4", sex: "male", g: "local_lao", c: "LAO", f: "forced_labour" },
    ])
    const rejected = await db.query<{ row: string; column: string; value: string }>(
      `SELECT "row", "column", value FROM read_csv($1, all_varchar = true, header = true)`,
      [r.rejectedFile!],
    )
    expect(rejected).toEqual([{ row: "6", column: "sex", value: "X" }])
  })

  it("without the mapping the same file is missing required columns, and --set names them", async () => {
    const file = write("register.csv", `${REGISTER}\n`)
    await expect(importFile(db, { file, model, source: "lwu" })).rejects.toThrow(/missing required columns/)
  })

  it("rejects a mapping that names no CaseRow column or lists a word twice", () => {
    expect(() => parseMapping({ values: { gender: { F: "female" } } }, model)).toThrow(MappingError)
    expect(() => parseMapping({ values: { sex: { F: "female", " f ": "male" } } }, model)).toThrow(
      /listed twice/,
    )
    expect(() => withSets(parseMapping({}, model), ["nope=1"], model)).toThrow(/not a CaseRow column/)
    // The old flat shape still reads as header -> column.
    expect(parseMapping({ Gender: "sex" }, model).columns).toEqual({ Gender: "sex" })
    expect(valueKey(" ຍິງ\u00a0 ")).toBe(valueKey("ຍິງ"))
  })

  it("an import with a bad mapping fails before reading rows", async () => {
    const file = write("register.csv", `${REGISTER}\n`)
    await expect(importFile(db, { file, model, set: { nationality: "LAO" } })).rejects.toThrow(ImportError)
  })
})

describe("mapping suggest", () => {
  it("matches headers, labels and initials, and lists the words it cannot match", () => {
    const file = write("register.csv", `${REGISTER}\n`)
    const s = suggestMapping(file, model)
    expect(s.mapping.columns).toMatchObject({ Gender: "sex" })
    expect(s.mapping.values.sex).toMatchObject({ F: "female", ຍິງ: "female", X: "" })
    // Already a code (any case): not listed.
    expect(s.mapping.values.sex).not.toHaveProperty("Male")
    expect(s.unmatched.sex).toEqual(["X"])
    expect(s.missingRequired).toContain("citizenship")
    expect(s.mapping.set).toHaveProperty("citizenship", "")
  })
})
