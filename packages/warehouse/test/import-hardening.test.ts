/**
 * Import fixes from the hardening and interop reviews: every physical record counted (rows with the
 * wrong number of cells rejected, not dropped), duplicate headers, long headers, bounded messages,
 * the child rule exactly as the domain's decoder, partial-column re-imports, and the key integrity
 * check that replaces the primary key. Real DuckDB files in a temp folder.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Domain from "@lao-protect/domain"
import fc from "fast-check"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { CsvScanner } from "../src/node/import/csv-scan.ts"
import { ImportError, importFile } from "../src/node/import/import-file.ts"
import { checkIntegrity, checkKeysUnique } from "../src/node/import/integrity.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"

const model = domainModel()
const HEADER = [
  "case_id",
  "source",
  "identification_date",
  "victim_group",
  "sex",
  "citizenship",
  "exploitation_form",
  "victim_name",
  "notes",
]
const row = (id: string, name = "", notes = "") => [
  id,
  "lwu",
  "2024-01-15",
  "local_lao",
  "female",
  "LAO",
  "forced_labour",
  name,
  notes,
]
const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)
const csv = (rows: ReadonlyArray<ReadonlyArray<string>>) =>
  `${rows.map((r) => r.map(cell).join(",")).join("\n")}\n`

let dir: string
let db: NodeConnector
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-import-h-"))
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
/**
 * The record scan fed `bytes` cut at the given offsets (sorted; repeats and offsets past the end
 * give empty chunks), or one byte at a time ("bytes"): every chunk boundary case at once.
 */
const scanInChunks = (bytes: Uint8Array, cuts: ReadonlyArray<number> | "bytes"): CsvScanner => {
  const s = new CsvScanner(",", 1 << 20)
  let at = 0
  // not bytes.map: a Uint8Array's map wraps offsets past 255, which left the rest in one chunk
  const points =
    cuts === "bytes" ? Array.from({ length: bytes.length }, (_, k) => k) : [...cuts].sort((a, b) => a - b)
  for (const c of points) {
    s.push(bytes.subarray(at, Math.max(at, c)))
    at = Math.max(at, c)
  }
  s.push(bytes.subarray(at))
  return s
}
const count = async (sql: string) => Number((await db.query<{ n: number }>(sql))[0]!.n)
const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected the import to fail")
    },
    (e: unknown) => e as Error,
  )

describe("every record is counted", () => {
  it("a last line of 100 MiB + ',lwu' fails with a short error naming the row, not a silent drop", async () => {
    const file = join(dir, "long-last.csv")
    const fd = openSync(file, "w")
    writeSync(fd, `${HEADER.join(",")}\n${csv([row("OK1")])}`)
    const chunk = Buffer.alloc(1 << 20, 0x61)
    for (let i = 0; i < 100; i++) writeSync(fd, chunk)
    writeSync(fd, ",lwu")
    closeSync(fd)
    const e = await failure(importFile(db, { file, model }))
    expect(e).toBeInstanceOf(ImportError)
    expect(e.message).toMatch(/^row 3 is 100\.0 MiB long/)
    expect(e.message.length).toBeLessThan(300)
    expect(e.message).not.toMatch(/Parallel CSV|full read/)
    expect(await count("SELECT count(*) AS n FROM cases")).toBe(0)
    expect(await count("SELECT count(*) AS n FROM import_log WHERE status = 'failed'")).toBe(1)
  })

  it("rows with too few or too many cells are rejected with a reason, with the right row numbers", async () => {
    const body = [
      HEADER.join(","),
      csv([row("A1")]).trim(),
      "aaaa,lwu",
      csv([row("A2", "", 'two\nlines "quoted"')]).trim(),
      [...row("A3"), "extra"].join(","),
      "",
      "x,lwu",
      csv([row("A4")]).trim(),
    ].join("\n")
    const file = write("cells.csv", `${body}\n\n`)
    const r = await importFile(db, { file, model })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([6, 3, 3])
    // Rows are records (the quoted line break does not start a row; the blank line is a row).
    expect(await db.query("SELECT case_id, row_number FROM cases ORDER BY row_number")).toEqual([
      { case_id: "A1", row_number: 2 },
      { case_id: "A2", row_number: 4 },
      { case_id: "A4", row_number: 8 },
    ])
    expect(
      await db.query(
        `SELECT row_number, "column", value, reason FROM quarantine WHERE import_id = $1 ORDER BY row_number`,
        [r.importId],
      ),
    ).toEqual([
      { row_number: 3, column: "row", value: "aaaa,lwu", reason: "row has 2 cells, the header has 9" },
      {
        row_number: 5,
        column: "row",
        value: [...row("A3"), "extra"].join(","),
        reason: "row has 10 cells, the header has 9 (line 6 of the file)",
      },
      {
        row_number: 7,
        column: "row",
        value: "x,lwu",
        reason: "row has 2 cells, the header has 9 (line 8 of the file)",
      },
    ])
    const rejected = readFileSync(r.rejectedFile!, "utf8")
    expect(rejected).toContain("row has 2 cells, the header has 9")
    expect((await checkIntegrity(db)).ok).toBe(true)
  })
})

describe("rows ending in empty cells past the header (a trailing comma, as Excel writes)", () => {
  it("are read as the header's cells, the same by the record scan and DuckDB; a row with a real extra cell is still rejected", async () => {
    const body = [
      HEADER.join(","),
      `${csv([row("T1")]).trim()},`,
      `${csv([row("T2")]).trim()},,""`,
      `${csv([row("T3")]).trim()},x`,
      csv([row("T4")]).trim(),
    ].join("\r\n")
    const file = write("trailing.csv", `${body}\r\n`)
    const r = await importFile(db, { file, model })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([4, 3, 1])
    expect(await db.query("SELECT case_id, row_number FROM cases ORDER BY row_number")).toEqual([
      { case_id: "T1", row_number: 2 },
      { case_id: "T2", row_number: 3 },
      { case_id: "T4", row_number: 5 },
    ])
    const q = await db.query<{ row_number: number; reason: string }>(
      "SELECT row_number, reason FROM quarantine WHERE import_id = $1",
      [r.importId],
    )
    expect(q).toEqual([{ row_number: 4, reason: "row has 10 cells, the header has 9" }])
  })
})

describe("the record scanner", () => {
  const scan = (bytes: Uint8Array, cuts: ReadonlyArray<number>) => scanInChunks(bytes, cuts).finish()
  it("counts records, lines and odd rows the same however the file is cut into chunks", () => {
    const cellArb = fc.constantFrom(
      "a",
      "",
      '""',
      "ລາວ",
      "a longer plain cell of many bytes",
      '"q,"',
      '"x""y"',
      '"l1\nl2"',
      '"c\r\nd"',
      '"a long quoted cell, with a comma and ""quotes"" inside"',
    )
    const recArb = fc.array(cellArb, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(","))
    fc.assert(
      fc.property(
        fc.array(recArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.nat(200), { maxLength: 6 }),
        (recs, eol, cuts) => {
          const bytes = Buffer.from(`h1,h2,h3\n${recs.join(eol)}${eol}`)
          const whole = scan(bytes, [])
          expect(scan(bytes, cuts)).toEqual(whole)
          // A record that is one empty cell is a blank line: skipped, listed with 0 cells.
          expect(whole.records).toBe(recs.filter((r) => r !== "").length)
          // Empty cells past the header's three (a trailing comma) are dropped, as DuckDB does.
          const read = (cells: ReadonlyArray<string>) => {
            const filled = cells.findLastIndex((c) => c !== "" && c !== '""') + 1
            return cells.length > 3 && filled <= 3 ? 3 : cells.length
          }
          expect(whole.odd.map((o) => o.cells)).toEqual(
            recs
              .map((r) => (r === "" ? 0 : r.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)))
              .filter((cells) => cells === 0 || read(cells) !== 3)
              .map((cells) => (cells === 0 ? 0 : cells.length)),
          )
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe("which columns are empty", () => {
  // Empty cells as written (nothing, or a quoted empty string) and cells that are not.
  const cellArb = fc.constantFrom("", '""', "x", '"a,b"', " ", '" "', "ລາວ", '"q""q"')
  const empty = (c: string) => c === "" || c === '""'

  it("the record scan lists exactly the columns whose every cell is empty, however the file is cut, and DuckDB reads them as empty", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellArb, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.oneof(fc.array(fc.nat(120), { maxLength: 8 }), fc.constant("bytes" as const)),
        async (records, eol, finalBreak, cuts) => {
          const text = `h1,h2,h3${eol}${records.map((r) => r.join(",")).join(eol)}${finalBreak ? eol : ""}`
          const bytes = Buffer.from(text)
          const s = scanInChunks(bytes, cuts)
          const listed = s.finish().emptyColumns
          // A data row of three empty cells written without quotes is a line of two commas, not blank.
          expect(listed).toEqual([0, 1, 2].filter((col) => records.every((r) => empty(r[col]!))))
          const file = write("empty.csv", text)
          const [duck] = await db.query<{ c0: boolean; c1: boolean; c2: boolean }>(
            `SELECT bool_and(coalesce(c0, '') = '') AS c0, bool_and(coalesce(c1, '') = '') AS c1,
               bool_and(coalesce(c2, '') = '') AS c2
             FROM read_csv($1, delim = ',', quote = '"', escape = '"', header = true, auto_detect = false,
                           columns = {c0: 'VARCHAR', c1: 'VARCHAR', c2: 'VARCHAR'})`,
            [file],
          )
          for (const col of listed) expect([duck!.c0, duck!.c1, duck!.c2][col]).toBe(true)
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe("which columns are trimmed", () => {
  // Cells as they would be typed: plain, with ASCII or Unicode spaces around (what DuckDB's trim
  // removes), with spaces DuckDB keeps (tab), Lao text, and quoted cells with spaces inside quotes.
  const spaced = ["\u0020", "\u00a0", "\u1680", "\u2003", "\u202f", "\u205f", "\u3000"]
  const contentArb = fc.oneof(
    fc.constantFrom("female", "", "ລາວ", "ກ", "ນາງ ຄຳ", "2024-01-15", "x\ty", "–", "“q”", "\u00e0", "\t"),
    fc
      .tuple(
        fc.constantFrom(...spaced, ""),
        fc.constantFrom("lwu", "ລາວ", "a b"),
        fc.constantFrom(...spaced, ""),
      )
      .map(([a, b, c]) => `${a}${b}${c}`),
  )
  const cellArb = fc
    .tuple(contentArb, fc.boolean())
    .map(([c, quoted]) => (quoted || /[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c))

  it("the record scan marks every column where DuckDB's trim would change a cell, however the file is cut", async () => {
    const zs = /^[\p{Zs}]|[\p{Zs}]$/u
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellArb, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        // Random cuts, or every byte in its own chunk (every boundary case at once).
        fc.oneof(fc.array(fc.nat(300), { maxLength: 8 }), fc.constant("bytes" as const)),
        async (records, eol, cuts) => {
          const text = `h1,h2,h3${eol}${records.map((r) => r.join(",")).join(eol)}${eol}`
          const bytes = Buffer.from(text)
          const s = scanInChunks(bytes, cuts)
          const padded = new Set(s.finish().paddedColumns)
          const whole = new CsvScanner(",", 1 << 20)
          whole.push(bytes)
          expect([...padded]).toEqual(whole.finish().paddedColumns)
          const file = write("pad.csv", text)
          const changed = await db.query<{ c0: boolean; c1: boolean; c2: boolean }>(
            `SELECT coalesce(bool_or(c0 <> trim(c0)), false) AS c0, coalesce(bool_or(c1 <> trim(c1)), false) AS c1,
               coalesce(bool_or(c2 <> trim(c2)), false) AS c2
             FROM read_csv($1, delim = ',', quote = '"', escape = '"', header = true, auto_detect = false,
                           columns = {c0: 'VARCHAR', c1: 'VARCHAR', c2: 'VARCHAR'})`,
            [file],
          )
          const duck = changed[0]!
          ;[duck.c0, duck.c1, duck.c2].forEach((ch, col) => {
            if (ch) expect(padded.has(col)).toBe(true)
          })
          // And no column is marked without a reason: some cell starts or ends with a space-like character.
          for (const col of padded) {
            const contents = records.map((r) => {
              const c = r[col]!
              return c.startsWith('"') ? c.slice(1, -1).replaceAll('""', '"') : c
            })
            expect(
              contents.some((c) => zs.test(c) || /^[\u2000-\u206f]|[\u2000-\u206f\u3000]$/u.test(c)),
            ).toBe(true)
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it("cells with spaces around them import trimmed; other columns are read as they are", async () => {
    const file = write(
      "spaces.csv",
      csv([
        HEADER,
        ["P1", " lwu", "2024-01-15\u00a0", "local_lao", "\u3000female", "LAO", "forced_labour", "ນາງ ກ", "a"],
        ["P2", "lwu", "2024-01-16", "local_lao", "male", "LAO", "forced_labour", "", "\u2003"],
      ]),
    )
    const r = await importFile(db, { file, model })
    expect([r.accepted, r.rejected]).toEqual([2, 0])
    const rows = await db.query<Record<string, string | null>>(
      "SELECT case_id, source::VARCHAR AS source, strftime(identification_date, '%Y-%m-%d') AS d, sex::VARCHAR AS sex, victim_name, notes FROM cases ORDER BY case_id",
    )
    expect(rows).toEqual([
      { case_id: "P1", source: "lwu", d: "2024-01-15", sex: "female", victim_name: "ນາງ ກ", notes: "a" },
      { case_id: "P2", source: "lwu", d: "2024-01-16", sex: "male", victim_name: null, notes: null },
    ])
  })
})

describe("the rejected file", () => {
  it("explains every rejected row, in file order, with its reasons", async () => {
    const bad = (i: number) => {
      const r = row(`R${i}`)
      r[2] = "2024-02-30"
      return r
    }
    const n = 10_005
    const file = write("many-bad.csv", csv([HEADER, ...Array.from({ length: n }, (_, i) => bad(i))]))
    const r = await importFile(db, { file, model })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([n, 0, n])
    const rows = await db.query<{ row: string; explanation: string | null; reason: string }>(
      `SELECT "row", explanation, reason FROM read_csv($1, all_varchar = true, header = true) ORDER BY "row"::INTEGER`,
      [r.rejectedFile!],
    )
    expect(rows).toHaveLength(n)
    expect(rows.map((x) => Number(x.row))).toEqual(Array.from({ length: n }, (_, i) => i + 2))
    expect(rows.every((x) => x.explanation === `identification_date: ${x.reason}`)).toBe(true)
    expect(rows.every((x) => x.reason.startsWith("not a real date"))).toBe(true)
  }, 60_000)
})

describe("headers", () => {
  it("duplicate columns (also after aliases) fail the file, naming them", async () => {
    const file = write(
      "dup.csv",
      csv([
        [...HEADER, "sex"],
        [...row("D1"), "male"],
      ]),
    )
    const e = await failure(importFile(db, { file, model }))
    expect(e.message).toMatch(/^duplicate columns: sex \("sex" and "sex"\)/)
    const alias = write(
      "alias.csv",
      csv([
        [...HEADER.map((h) => (h === "sex" ? "Sex" : h)), "gender"],
        [...row("D1"), "male"],
      ]),
    )
    const e2 = await failure(importFile(db, { file: alias, model }))
    expect(e2.message).toMatch(/duplicate columns: sex \("Sex" and "gender"\)/)
    expect(await count("SELECT count(*) AS n FROM cases")).toBe(0)
  })

  it("a header over 64 KiB (10,000 long column names) is read", async () => {
    const extra = Array.from(
      { length: 10_000 - HEADER.length },
      (_, i) => `an unknown column with a long name ${i}`,
    )
    const file = write(
      "wide.csv",
      csv([
        [...HEADER, ...extra],
        [...row("W1"), ...extra.map(() => "v")],
      ]),
    )
    const r = await importFile(db, { file, model })
    expect([r.rowsRead, r.accepted]).toEqual([1, 1])
    expect(r.ignoredHeaders.length).toBe(extra.length)
  })

  it("a one-line file of 20 MB: a short error, not the whole header", async () => {
    const file = write("one.csv", `case_id,${"x".repeat(20_000_000)}`)
    const e = await failure(importFile(db, { file, model }))
    expect(e.message.length).toBeLessThan(400)
    const short = write("short.csv", `case_id,${"y".repeat(1_000_000)}\n1,2\n`)
    const e2 = await failure(importFile(db, { file: short, model }))
    expect(e2.message).toMatch(/^missing required columns: .*…/)
    expect(e2.message.length).toBeLessThan(600)
  })
})

describe("the child rule, the birth-date rule and the stage path are the domain's", () => {
  const columns = Domain.CaseRow.columnNames as ReadonlyArray<string>
  const date = fc.option(
    fc.constantFrom(
      "2000-02-29",
      "2006-06-15",
      "2006-06-16",
      "2010-01-01",
      "2020-03-01",
      "2021-06-15",
      "2022-01-10",
      // After one or both identification dates, and the same day.
      "2024-01-01",
      "2024-06-15",
      "2024-06-16",
      // Edge dates (issue 20, item 8): year 0 (DuckDB reads 1 BC), before 1000, before 1900, not a
      // real day, and an age of 120 or 121 at either identification date.
      "0000-01-01",
      "0999-12-31",
      "1899-12-31",
      "1900-01-01",
      "2023-02-29",
      "1903-06-15",
      "1904-06-15",
      "1904-06-16",
      "1902-02-28",
      "1903-03-01",
    ),
    { nil: "" },
  )
  const rowArb = fc.record({
    identification_date: fc.constantFrom("2024-06-15", "2023-02-28"),
    date_of_birth: date,
    age_years: fc.constantFrom("", "5", "17", "18", "30"),
    interim_care_date: fc.constantFrom("", "2024-07-01"),
    assessment_date: fc.constantFrom("", "2024-07-02"),
    bid_date: fc.constantFrom("", "2024-07-03"),
    return_date: fc.constantFrom("", "2024-07-04"),
    reintegration_date: fc.constantFrom("", "2024-08-01"),
    exit_date: fc.constantFrom("", "2024-09-01"),
    exit_reason: fc.constantFrom("", "declined_assistance", "re_trafficked"),
    closed_date: fc.constantFrom("", "2024-10-01"),
    slash: fc.boolean(),
  })

  it("the importer accepts exactly the rows decodeCaseRow accepts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 40, maxLength: 80 }), async (rows) => {
        const records = rows.map(({ slash, ...r }, i) => ({
          ...Domain.CaseRow.emptyRow(),
          case_id: `P${i}`,
          source: "lwu",
          victim_group: "local_lao",
          sex: "female",
          citizenship: "LAO",
          exploitation_form: "forced_labour",
          ...r,
          ...(slash && r.date_of_birth ? { date_of_birth: r.date_of_birth } : {}),
        }))
        // The file gets some dates day first (dd/mm/yyyy); the domain sees them normalised.
        const cells = records.map((r, i) =>
          columns.map((c) => {
            const v = (r as Record<string, string>)[c] ?? ""
            return rows[i]!.slash && c === "date_of_birth" && v
              ? `${v.slice(8)}/${v.slice(5, 7)}/${v.slice(0, 4)}`
              : v
          }),
        )
        const file = write(`p-${Math.random().toString(36).slice(2)}.csv`, csv([[...columns], ...cells]))
        const r = await importFile(db, { file, model })
        const accepted = new Set(
          (
            await db.query<{ case_id: string }>("SELECT case_id FROM cases WHERE import_id = $1", [
              r.importId,
            ])
          ).map((x) => x.case_id),
        )
        const mismatches = records.filter(
          (rec) =>
            ((Domain.CaseRow.decodeCaseRow(rec) as { _tag: string })._tag === "Success") !==
            accepted.has(rec.case_id),
        )
        expect(mismatches).toEqual([])
        // The rejected file explains each row with the problems the domain decoder finds (its
        // columns), for the cells as the importer converted them (dates day first normalised).
        if (r.rejected > 0) {
          const explained = await db.query<{ row: string; column: string }>(
            'SELECT DISTINCT "row", "column" FROM read_csv($1, all_varchar = true, header = true)',
            [r.rejectedFile!],
          )
          const byRow = new Map<number, string[]>()
          for (const { row, column } of explained)
            byRow.set(Number(row), [...(byRow.get(Number(row)) ?? []), column])
          expect(byRow.size).toBe(r.rejected)
          for (const [row, found] of byRow) {
            const decoded = Domain.CaseRow.decodeCaseRow(records[row - 2]!) as {
              failure?: { issues: ReadonlyArray<{ path: string }> }
            }
            const expected = [...new Set((decoded.failure?.issues ?? []).map((i) => String(i.path)))]
            expect(found.sort()).toEqual(expected.sort())
          }
        }
        await db.exec("DELETE FROM cases")
      }),
      { numRuns: 4, seed: 20240615, endOnFailure: true },
    )
  }, 120_000)

  it.each([
    ["date_of_birth", "0000-01-01", /not a real (calendar )?date/],
    ["date_of_birth", "01/01/0000", /not a real (calendar )?date/],
    ["date_of_birth", "0999-12-31", /not a real (calendar )?date/],
    ["date_of_birth", "1899-12-31", /before 1900-01-01/],
    ["date_of_birth", "1903-06-14", /more than 120 years before identification_date \(2024-06-15\)/],
    ["date_of_birth", "2023-02-29", /not a real (calendar )?date/],
    ["identification_date", "0000-01-01", /not a real (calendar )?date/],
    ["return_date", "0000-01-01", /not a real (calendar )?date/],
  ])(
    "%s %s: the importer and the decoder both reject it, for the same reason",
    async (column, value, reason) => {
      const record = {
        ...Domain.CaseRow.emptyRow(),
        case_id: "E1",
        source: "lwu",
        identification_date: "2024-06-15",
        victim_group: "local_lao",
        sex: "female",
        citizenship: "LAO",
        exploitation_form: "forced_labour",
        [column]: value,
      }
      const file = write(
        `edge-${Math.random().toString(36).slice(2)}.csv`,
        csv([[...columns], columns.map((c) => (record as Record<string, string>)[c] ?? "")]),
      )
      const r = await importFile(db, { file, model })
      expect(r.rejected).toBe(1)
      const stored = await db.query<{ column: string; reason: string }>(
        'SELECT "column", reason FROM quarantine WHERE import_id = $1',
        [r.importId],
      )
      expect(stored.map((q) => q.column)).toEqual([column])
      expect(stored[0]!.reason).toMatch(reason)
      const decoded = Domain.CaseRow.decodeCaseRow(
        value.includes("/") ? { ...record, [column]: "0000-01-01" } : record,
      ) as { _tag: string; failure?: { issues: ReadonlyArray<{ path: unknown; message: string }> } }
      expect(decoded._tag).toBe("Failure")
      const issues = decoded.failure!.issues
      expect(issues.map((i) => String(i.path))).toEqual([column])
      expect(issues[0]!.message).toMatch(reason)
    },
  )

  it("an age of exactly 120 at identification is accepted by both, 121 by neither", async () => {
    const base = {
      ...Domain.CaseRow.emptyRow(),
      source: "lwu",
      identification_date: "2024-02-29",
      victim_group: "local_lao",
      sex: "female",
      citizenship: "LAO",
      exploitation_form: "forced_labour",
    }
    const records = [
      { ...base, case_id: "A120", date_of_birth: "1904-02-29" },
      { ...base, case_id: "A120b", date_of_birth: "1904-03-01" },
      { ...base, case_id: "A121", date_of_birth: "1903-02-28" },
      { ...base, case_id: "A121b", date_of_birth: "1903-03-01", identification_date: "2024-03-01" },
    ]
    const file = write(
      "ages.csv",
      csv([
        [...columns],
        ...records.map((rec) => columns.map((c) => (rec as Record<string, string>)[c] ?? "")),
      ]),
    )
    const r = await importFile(db, { file, model })
    const accepted = (
      await db.query<{ id: string }>("SELECT case_id AS id FROM cases WHERE import_id = $1 ORDER BY 1", [
        r.importId,
      ])
    ).map((x) => x.id)
    const decoded = records
      .filter((rec) => (Domain.CaseRow.decodeCaseRow(rec) as { _tag: string })._tag === "Success")
      .map((rec) => rec.case_id)
    expect(accepted).toEqual(["A120", "A120b"])
    expect(decoded).toEqual(accepted)
  })

  it("age_years and a date of birth that disagree on childhood: treated as a child, with an age_disputed warning", async () => {
    const cols = [
      ...HEADER,
      "date_of_birth",
      "age_years",
      "return_date",
      "bid_date",
      "bid_outcome",
      "bid_decided_by",
    ]
    const file = write(
      "child.csv",
      csv([
        cols,
        [...row("C1"), "1990-01-01", "16", "2024-02-01", "", "", ""],
        [...row("C2"), "2010-01-01", "30", "2024-02-01", "", "", ""],
        [...row("C3"), "1990-01-01", "34", "2024-02-01", "", "", ""],
        [...row("C4"), "1990-01-01", "16", "2024-02-01", "2024-01-20", "return_home", "mlsw"],
      ]),
    )
    const r = await importFile(db, { file, model })
    expect(await db.query("SELECT case_id FROM cases ORDER BY case_id")).toEqual([
      { case_id: "C3" },
      { case_id: "C4" },
    ])
    expect(r.rejected).toBe(2)
    const warnings = await db.query<{ message: string }>("SELECT message FROM import_warning")
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^age_disputed: age_years 16 and date_of_birth 1990-01-01/),
    ])
    expect(r.warnings).toBe(1)
  })
})

describe("partial-column re-import", () => {
  it("columns absent from the file keep their stored values; an empty cell in a present column empties", async () => {
    const full = write("full.csv", csv([HEADER, row("R1", "Keo", "first note"), row("R2", "Noy", "note 2")]))
    await importFile(db, { file: full, model })
    const partial = write(
      "partial.csv",
      csv([
        [
          "case_id",
          "source",
          "identification_date",
          "victim_group",
          "sex",
          "citizenship",
          "exploitation_form",
          "notes",
        ],
        ["R1", "lwu", "2024-01-16", "local_lao", "male", "LAO", "forced_labour", "corrected"],
        ["R2", "lwu", "2024-01-15", "local_lao", "female", "LAO", "forced_labour", ""],
      ]),
    )
    const r = await importFile(db, { file: partial, model })
    expect([r.accepted, r.updated]).toEqual([2, 2])
    expect(
      await db.query(
        "SELECT case_id, victim_name, notes, sex::VARCHAR AS sex, identification_date AS d FROM cases ORDER BY case_id",
      ),
    ).toEqual([
      { case_id: "R1", victim_name: "Keo", notes: "corrected", sex: "male", d: "2024-01-16" },
      { case_id: "R2", victim_name: "Noy", notes: null, sex: "female", d: "2024-01-15" },
    ])
    expect(await checkIntegrity(db)).toEqual({ ok: true, duplicateKeys: [], unreconciledImports: [] })
  })
})

describe("integrity without a primary key", () => {
  it("checkIntegrity finds a duplicated key written behind the importer's back", async () => {
    const file = write("a.csv", csv([HEADER, row("K1")]))
    await importFile(db, { file, model })
    expect((await checkIntegrity(db)).ok).toBe(true)
    await db.exec("INSERT INTO cases SELECT * FROM cases")
    const report = await checkIntegrity(db)
    expect(report.duplicateKeys).toEqual([{ source: "lwu", caseId: "K1", n: 2 }])
  })

  it("the pre-COMMIT check throws when a key the import touched is twice in cases", async () => {
    const r = await importFile(db, { file: write("a.csv", csv([HEADER, row("K1"), row("K2")])), model })
    await expect(checkKeysUnique(db, r.importId, false)).resolves.toBeUndefined()
    await expect(checkKeysUnique(db, r.importId, true)).resolves.toBeUndefined()
    await db.exec("INSERT INTO cases SELECT * FROM cases WHERE case_id = 'K2'")
    await expect(checkKeysUnique(db, r.importId, false)).rejects.toThrow(
      /internal error: .*lwu\/K2 \(2 times\)/,
    )
    await expect(checkKeysUnique(db, r.importId, true)).rejects.toThrow(/lwu\/K2/)
  })
})
