/**
 * Property-based fuzzing of importFile for every format (CSV with each delimiter, JSON, NDJSON,
 * xlsx): files of valid rows with hostile cells (quotes, delimiters, newlines, formulas, Unicode,
 * control characters, huge and malformed values). Each import either commits with counts that
 * reconcile (rows read = accepted + rejected = rows written; quarantine has a row number and a
 * reason for every rejected row; cases hold exactly the accepted rows) or fails with one short
 * ImportError and writes nothing. Each file holds 1-100 rows ("inputs", about 50 on average): FUZZ_RUNS (default 300)
 * inputs per format, i.e. FUZZ_RUNS/50 files; nightly FUZZ_RUNS=100000.
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ImportError, importFile } from "../../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../../src/node/index.ts"
import { domainModel } from "../../src/node/schema/domain-model.ts"
import { migrate } from "../../src/node/schema/migrate.ts"
import { writeXlsx } from "../helpers/xlsx-writer.ts"

const RUNS = Number(process.env.FUZZ_RUNS ?? 300)
const FILES = Math.max(3, Math.ceil(RUNS / 50))

const HEADER = [
  "case_id",
  "source",
  "identification_date",
  "victim_group",
  "sex",
  "age_years",
  "citizenship",
  "origin_district",
  "destination_country",
  "exploitation_form",
  "means_of_control",
  "return_date",
  "bid_date",
  "victim_name",
  "notes",
] as const

const valid = {
  source: fc.constantFrom("lwu", "afesip", "iom", "mlsw"),
  identification_date: fc.constantFrom("2024-01-15", "2019-07-01", "15/03/2024", "2567-01-15", "45000"),
  victim_group: fc.constantFrom("local_lao", "repatriated_lao", "deported_lao"),
  sex: fc.constantFrom("female", "male", "unknown"),
  age_years: fc.constantFrom("", "16", "30"),
  citizenship: fc.constantFrom("LAO", "THA"),
  origin_district: fc.constantFrom("", "LA0101", "Pakse", "Phonthong", "ປາກເຊ"),
  destination_country: fc.constantFrom("", "THA", "CHN", "LAO"),
  exploitation_form: fc.constantFrom("forced_labour", "sexual_exploitation", "forced_marriage"),
  means_of_control: fc.constantFrom("", "debt_bondage", "debt_bondage;threats"),
  return_date: fc.constantFrom("", "2024-03-01"),
  bid_date: fc.constantFrom("", "2024-02-01"),
  victim_name: fc.constantFrom("", "ນາງ ສີ", "Nguyễn Thị"),
  notes: fc.constantFrom("", "note, with comma; and semicolon"),
}

const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    '=HYPERLINK("http://x","click")',
    '"',
    '""',
    'a"b',
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    "line1\nline2",
    "\u0000",
    "\ufeff",
    "\u202e",
    "null",
    "NULL",
    "2024-02-30",
    "-1",
    "121",
    "1e400",
    "LA9999",
    "x".repeat(5000),
  ),
)

const cellsOf = (r: Record<string, string>) => HEADER.map((h) => r[h] ?? "")

const rowArb = (i: number) =>
  fc
    .tuple(
      fc.record(valid),
      fc.array(fc.tuple(fc.constantFrom(...HEADER), hostile), { maxLength: 3 }),
      fc.nat(5),
    )
    .map(([base, edits, dup]) => {
      const r: Record<string, string> = { case_id: `R${i}-${dup === 0 ? "dup" : i}`, ...base }
      for (const [c, v] of edits) r[c] = v
      return cellsOf(r)
    })

const fileArb = fc
  .integer({ min: 1, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rowArb(i))))

const csvCell = (c: string, delim: string) =>
  c.includes('"') || c.includes(delim) || /[\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c

const encode = (format: string, rows: ReadonlyArray<ReadonlyArray<string>>): string | Uint8Array => {
  const header = [...HEADER]
  switch (format) {
    case "csv,":
    case "csv;":
    case "csv\t": {
      const d = format.slice(3)
      return [header, ...rows].map((r) => r.map((c) => csvCell(c, d)).join(d)).join("\r\n") + "\r\n"
    }
    case "json":
      return JSON.stringify(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))))
    case "ndjson":
      return rows.map((r) => JSON.stringify(Object.fromEntries(header.map((h, i) => [h, r[i]])))).join("\n")
    default:
      return writeXlsx([{ name: "Cases", rows: [header, ...rows] }])
  }
}
const extension = (format: string) => (format.startsWith("csv") ? "csv" : format)

let dir: string
let db: NodeConnector
const model = domainModel()
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-import-fuzz-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
  await migrate(db, model)
})
afterAll(async () => {
  await db?.close()
})

const n = async (sql: string, params: string[] = []) =>
  Number((await db.query<{ n: number }>(sql, params))[0]!.n)

describe.each(["csv,", "csv;", "csv\t", "json", "ndjson", "xlsx"])("fuzz: importFile %j", (format) => {
  it("commits with reconciled counts and a reason per rejected row, or fails with one clear error", async () => {
    let k = 0
    await fc.assert(
      fc.asyncProperty(fileArb, async (rows) => {
        const file = join(dir, `f${k++}-${Math.random().toString(36).slice(2)}.${extension(format)}`)
        writeFileSync(file, encode(format, rows))
        const casesBefore = await n("SELECT count(*) AS n FROM cases")
        const started = Date.now()
        const outcome = await importFile(db, { file, model, source: "lwu" }).then(
          (r) => ({ r }),
          (e: unknown) => ({ e }),
        )
        expect(Date.now() - started).toBeLessThan(30_000)
        if ("e" in outcome) {
          expect(outcome.e).toBeInstanceOf(ImportError)
          expect((outcome.e as Error).message.length).toBeGreaterThan(0)
          expect((outcome.e as Error).message.length).toBeLessThan(1000)
          expect(await n("SELECT count(*) AS n FROM cases")).toBe(casesBefore)
          return
        }
        const r = outcome.r
        expect(r.status).toBe("committed")
        const written =
          format === "xlsx" ? rows.filter((row) => row.some((c) => c.trim() !== "")).length : rows.length
        expect(r.rowsRead).toBe(written)
        expect(r.accepted + r.rejected).toBe(r.rowsRead)
        expect(
          await n("SELECT count(DISTINCT row_number) AS n FROM quarantine WHERE import_id = $1", [
            r.importId,
          ]),
        ).toBe(r.rejected)
        expect(
          await n(
            "SELECT count(*) AS n FROM quarantine WHERE import_id = $1 AND (reason IS NULL OR reason = '' OR row_number < 1)",
            [r.importId],
          ),
        ).toBe(0)
        expect(await n("SELECT count(*) AS n FROM cases WHERE import_id = $1", [r.importId])).toBe(r.accepted)
      }),
      { numRuns: FILES },
    )
  }, 300_000)
})
