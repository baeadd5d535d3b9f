/**
 * Rejection reasons a case worker can act on: the explanation of a rejected row lists every problem
 * the importer's checks found, after `--source`, Buddhist Era dates, place names and code words are
 * converted, and nothing else. The oracle is the domain's own row check run on the row as the
 * importer converted it (the test knows each conversion it wrote into the file).
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { importFile } from "../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"

const model = domainModel()
let dir: string
let db: NodeConnector
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-explain-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
})
afterEach(async () => {
  await db.close()
})
const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)
const csv = (rows: ReadonlyArray<ReadonlyArray<string>>) =>
  `${rows.map((r) => r.map(cell).join(",")).join("\n")}\n`

/** A cell as written in the file and the value the importer should convert it to (raw when invalid). */
type Cell = readonly [written: string, converted: string]
const pick = (...cells: ReadonlyArray<Cell>) => fc.constantFrom(...cells)
const columns = {
  identification_date: pick(
    ["2024-06-15", "2024-06-15"],
    ["15/06/2567", "2024-06-15"],
    ["2567-06-15", "2024-06-15"],
    ["31/02/2567", "31/02/2567"],
    ["2024-13-01", "2024-13-01"],
  ),
  victim_group: pick(["local_lao", "local_lao"], ["Local Lao", "local_lao"], ["nobody", "nobody"]),
  sex: pick(["female", "female"], ["Female", "female"], ["MALE", "male"], ["zz", "zz"], ["", ""]),
  age_years: pick(["", ""], ["30", "30"], [" 17 ", "17"], ["abc", "abc"], ["200", "200"]),
  citizenship: pick(["LAO", "LAO"], ["Lao", "LAO"], ["Thailand", "THA"], ["Atlantis", "Atlantis"]),
  origin_province: pick(["", ""], ["Vientiane Capital", "LA01"], ["Narnia", "Narnia"]),
  origin_district: pick(["", ""], ["Xaythany", "LA0106"], ["Pakse", "LA1601"], ["Nowhere", "Nowhere"]),
  exploitation_form: pick(
    ["forced_labour", "forced_labour"],
    ["Forced Labour", "forced_labour"],
    ["zzz", "zzz"],
  ),
}
type Name = keyof typeof columns
const names = Object.keys(columns) as Name[]

/** Pakse is in Champasak: with a province of Vientiane Capital it is not resolved (wrong province). */
const convert = (r: Record<Name, Cell>): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const n of names) if (r[n][1] !== "") out[n] = r[n][1]
  if (r.origin_district[0] === "Pakse" && r.origin_province[0] === "Vientiane Capital")
    out.origin_district = "Pakse"
  // The province is derived from the district when the file gives none.
  if (!out.origin_province && out.origin_district === "LA0106") out.origin_province = "LA01"
  if (!out.origin_province && out.origin_district === "LA1601") out.origin_province = "LA16"
  return out
}

const rejectedRows = async (file: string) =>
  db.query<{ row: string; column: string; reason: string; explanation: string }>(
    `SELECT "row", "column", reason, explanation FROM read_csv($1, all_varchar = true, header = true)`,
    [file],
  )

describe("the rejected file's explanation", () => {
  it("lists exactly the problems the importer's checks find, after every conversion", async () => {
    let k = 0
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record(columns), { minLength: 20, maxLength: 40 }), async (rows) => {
        const header = ["case_id", ...names]
        const file = join(dir, `p${k++}.csv`)
        writeFileSync(file, csv([header, ...rows.map((r, i) => [`C${i}`, ...names.map((n) => r[n][0])])]))
        const result = await importFile(db, { file, model, source: "lwu" })
        expect(result.accepted + result.rejected).toBe(rows.length)
        const lines = result.rejectedFile ? await rejectedRows(result.rejectedFile) : []
        const byRow = new Map<number, typeof lines>()
        for (const l of lines) byRow.set(Number(l.row), [...(byRow.get(Number(l.row)) ?? []), l])
        rows.forEach((r, i) => {
          const domain = model.explain!({ case_id: `C${i}`, source: "lwu", ...convert(r) })
          const expected = [...new Set(domain.map((x) => x.column))].sort()
          const found = byRow.get(i + 2) ?? []
          expect({ row: i + 2, columns: [...new Set(found.map((l) => l.column))].sort() }).toEqual({
            row: i + 2,
            columns: expected,
          })
          // Each line's explanation names every problem of its row, and the reason is one of them.
          for (const l of found) {
            expect(l.explanation).toContain(l.reason)
            expect(l.explanation.split("; ")).toHaveLength(found.length)
          }
        })
        await db.exec("DELETE FROM cases")
      }),
      { numRuns: 6, seed: 160016, endOnFailure: true },
    )
  }, 120_000)

  it("a district in the wrong province is reported as such, not as unknown", async () => {
    const file = join(dir, "wrong.csv")
    writeFileSync(
      file,
      csv([
        [
          "case_id",
          "source",
          "identification_date",
          "victim_group",
          "sex",
          "citizenship",
          "exploitation_form",
          "origin_province",
          "origin_district",
        ],
        [
          "W1",
          "lwu",
          "2024-01-15",
          "local_lao",
          "female",
          "LAO",
          "forced_labour",
          "Vientiane Capital",
          "Pakse",
        ],
      ]),
    )
    const r = await importFile(db, { file, model })
    expect(r.rejected).toBe(1)
    const [line] = await rejectedRows(r.rejectedFile!)
    expect(line!.column).toBe("origin_district")
    expect(line!.reason).toContain(
      '"Pakse" is a district of LA16, not of the origin_province given ("Vientiane Capital")',
    )
    expect(line!.reason).not.toMatch(/unknown/)
  })
})
