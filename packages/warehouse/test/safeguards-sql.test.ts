/**
 * The importer's generated SQL (real DuckDB) gives the domain decoder's verdict on random
 * histories drawn for the child safeguards and the citation dates, and refuses each bypass of
 * issue 13. The domain's side (decoder = fast path = quickCheck = XLSForm) is in
 * packages/domain/test/fuzz/safeguards.test.ts; the generators are shared.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CaseRow } from "@lao-protect/domain"
// Test-only: the domain's generators, so both packages draw the same histories.
import { safeguardRow } from "@lao-protect/domain/test/arbitraries"
import { bypassRows } from "@lao-protect/domain/test/safeguard-rows"
import { Result } from "effect"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { importFile } from "../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"
import { enumsOf } from "../src/node/schema/model.ts"

const dir = mkdtempSync(join(tmpdir(), "safeguards-sql-"))
let db: NodeConnector | undefined
afterAll(async () => db?.close())

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
const toCsv = (rows: ReadonlyArray<CaseRow.CaseRow>) =>
  [
    CaseRow.columnNames.join(","),
    ...rows.map((r) => CaseRow.columnNames.map((c) => cell(r[c])).join(",")),
  ].join("\n")

let file = 0
/** Imports the rows into a fresh `cases` and returns the accepted case ids. */
const importedIds = async (rows: ReadonlyArray<CaseRow.CaseRow>): Promise<Set<string>> => {
  await db?.close()
  db = await openWarehouse(":memory:")
  const path = join(dir, `rows-${file++}.csv`)
  writeFileSync(path, toCsv(rows))
  const result = await importFile(db, { file: path, model: domainModel(), writeRejected: false })
  expect(result.accepted + result.rejected).toBe(rows.length)
  const accepted = await db!.query<{ case_id: string }>("SELECT case_id FROM cases")
  return new Set(accepted.map((r) => r.case_id))
}

const codes = (column: CaseRow.ColumnName) => CaseRow.columnSpecs[column].codes ?? []

/** Safeguard histories, half of them citing random articles (some not yet in force on the case's dates). */
const row = fc
  .record({
    row: safeguardRow,
    cite: fc.option(
      fc.uniqueArray(fc.constantFrom(...codes("legal_basis")), { minLength: 1, maxLength: 3 }),
      {
        nil: undefined,
      },
    ),
  })
  .map(({ row, cite }) => ({
    ...row,
    // free text plays no part in these rules; the importer trims it, the decoder does not
    first_language: "",
    victim_name: "",
    phone: "",
    village: "",
    notes: "",
    ...(cite === undefined ? {} : { legal_basis: cite.join(";") }),
  }))

describe("importer SQL = domain decoder on the safeguards and citation dates", () => {
  it("accepts exactly the rows the decoder accepts (random histories, real DuckDB)", async () => {
    const rows = fc
      .sample(row, { numRuns: 600, seed: 13 })
      .map((r, i) => ({ ...r, case_id: `P${i}` }) as CaseRow.CaseRow)
    const expected = new Set(
      rows.filter((r) => Result.isSuccess(CaseRow.decodeCaseRow(r))).map((r) => r.case_id),
    )
    const got = await importedIds(rows)
    const disagree = rows
      .filter((r) => expected.has(r.case_id) !== got.has(r.case_id))
      .map((r) => ({
        decoder: expected.has(r.case_id),
        sql: got.has(r.case_id),
        issues: CaseRow.quickCheck(r),
        row: r,
      }))
    expect(disagree.slice(0, 3)).toEqual([])
    // both outcomes are exercised
    expect(expected.size).toBeGreaterThan(100)
    expect(rows.length - expected.size).toBeGreaterThan(100)
  }, 120_000)

  it("refuses each bypass of issue 13, naming the rule", async () => {
    const rows = Object.values(bypassRows).map((r, i) => ({ ...r, case_id: `B${i}` }))
    expect(await importedIds(rows)).toEqual(new Set())
    const reasons = await db!.query<{ row_number: number; reason: string }>(
      "SELECT row_number, reason FROM quarantine WHERE reason LIKE '%child_move_needs_bid%' ORDER BY row_number",
    )
    expect(new Set(reasons.map((r) => r.row_number)).size).toBe(rows.length)
  })

  it("warns age_disputed on an accepted row whose age and date of birth disagree", async () => {
    const disputed = bypassRows["age 16 with a date of birth making the person 30"]!
    const fixed = { ...disputed, bid_date: "2024-03-16", bid_outcome: "return_home", bid_decided_by: "mlsw" }
    expect(await importedIds([fixed])).toEqual(new Set([fixed.case_id]))
    const warnings = await db!.query<{ message: string }>("SELECT message FROM import_warning")
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining("age_disputed")])
  })

  // The insert tests the child BID rule's three checks as one condition and looks codes up by
  // their ENUM position: the reasons must still name the column the decoder names.
  it("names bid_date, bid_outcome or bid_decided_by for a child moved without a complete BID", async () => {
    const fixed = {
      ...bypassRows["age 16 with a date of birth making the person 30"]!,
      bid_date: "2024-03-16",
      bid_outcome: "return_home",
      bid_decided_by: "mlsw",
    }
    const rows = [
      { ...fixed, case_id: "ALL", bid_date: "", bid_outcome: "", bid_decided_by: "" },
      { ...fixed, case_id: "OUTCOME", bid_outcome: "" },
      { ...fixed, case_id: "BY", bid_decided_by: "" },
      { ...fixed, case_id: "OK" },
    ]
    expect(await importedIds(rows)).toEqual(new Set(["OK"]))
    const found = await db!.query<{ row_number: number; column: string }>(
      `SELECT row_number, "column" FROM quarantine WHERE reason LIKE '%child_move_needs_bid%' ORDER BY row_number`,
    )
    expect(found.map((r) => [r.row_number, r.column])).toEqual([
      [2, "bid_date"],
      [3, "bid_outcome"],
      [4, "bid_decided_by"],
    ])
    rows.slice(0, 3).forEach((row, i) => {
      expect(CaseRow.quickCheck(row).map((issue) => issue.path)).toContain(found[i]!.column)
    })
  })

  it("every ENUM in the warehouse lists its codes in the model's order (the checks look codes up by position)", async () => {
    await importedIds([])
    for (const e of enumsOf(domainModel())) {
      const [r] = await db!.query<{ codes: string[] }>(
        `SELECT enum_range(NULL::"${e.name}")::VARCHAR[] AS codes`,
      )
      expect([...r!.codes]).toEqual([...e.codes])
    }
  })
})
