import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import fc from "fast-check"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { neutraliseCsvCell } from "../src/node/import/csv-text.ts"
import { ImportError, importFile } from "../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { migrate } from "../src/node/schema/migrate.ts"
import { testModel } from "./helpers/model.ts"
import { writeXlsx } from "./helpers/xlsx-writer.ts"

const HEADER = [
  "case_id",
  "source",
  "identification_date",
  "sex",
  "citizenship",
  "origin_district",
  "origin_province",
  "notes",
]
const good = (id: string, notes = "") => [id, "afesip", "2024-01-15", "female", "THA", "Pakse", "", notes]

let dir: string
let db: NodeConnector
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-import-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
})
afterEach(async () => {
  await db.close()
})

const csv = (rows: ReadonlyArray<ReadonlyArray<string>>, delim = ",", eol = "\n") =>
  rows
    .map((r) => r.map((c) => (/[",;\t\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(delim))
    .join(eol) + eol
const write = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}
const count = async (sql: string) => Number((await db.query<{ n: number }>(sql))[0]!.n)
const model = testModel()

describe("import: formats", () => {
  it.each([
    ["comma", ",", "\n", ""],
    ["semicolon", ";", "\n", ""],
    ["tab", "\t", "\n", ""],
    ["BOM + CRLF", ";", "\r\n", "\ufeff"],
  ])("CSV %s", async (_, delim, eol, bom) => {
    const file = write("a.csv", bom + csv([HEADER, good("A1", "x, y; z"), good("A2")], delim, eol))
    const r = await importFile(db, { file, model })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([2, 2, 0])
    expect(
      await db.query("select case_id, origin_district, origin_province, notes from cases order by case_id"),
    ).toEqual([
      { case_id: "A1", origin_district: "LA1601", origin_province: "LA16", notes: "x, y; z" },
      { case_id: "A2", origin_district: "LA1601", origin_province: "LA16", notes: null },
    ])
  })

  it("xlsx: first sheet and named sheet, Excel serial dates", async () => {
    const bytes = writeXlsx([
      { name: "Other", rows: [HEADER, good("X1")] },
      { name: "Cases 2024", rows: [HEADER, ["S1", "lwu", 45306, "male", "LAO", "Chanthabuly", "", "ລາວ"]] },
    ])
    const file = write("a.xlsx", bytes)
    expect((await importFile(db, { file, model })).accepted).toBe(1)
    const r = await importFile(db, { file, model, sheet: "Cases 2024" })
    expect([r.rowsRead, r.accepted]).toEqual([1, 1])
    expect(await db.query("select identification_date d, notes from cases where case_id = 'S1'")).toEqual([
      { d: "2024-01-15", notes: "ລາວ" },
    ])
    await expect(importFile(db, { file, model, sheet: "Nope" })).rejects.toThrow(/no sheet named "Nope"/)
  })

  it("JSON array and NDJSON, row numbers are record indexes", async () => {
    const recs = [
      Object.fromEntries(HEADER.map((h, i) => [h, good("J1")[i]])),
      { ...Object.fromEntries(HEADER.map((h, i) => [h, good("J2")[i]])), sex: "zz" },
    ]
    const r1 = await importFile(db, { file: write("a.json", JSON.stringify(recs)), model })
    expect([r1.rowsRead, r1.accepted, r1.rejected]).toEqual([2, 1, 1])
    expect(await db.query("select row_number from quarantine")).toEqual([{ row_number: 2 }])
    const nd = recs.map((r) => JSON.stringify({ ...r, case_id: `N${r.case_id}` })).join("\n")
    const r2 = await importFile(db, { file: write("a.ndjson", nd), model })
    expect([r2.rowsRead, r2.accepted, r2.rejected]).toEqual([2, 1, 1])
  })

  it("headers by alias (Case ID, Gender, Lao label) and by mapping file", async () => {
    const file = write(
      "a.csv",
      csv([
        ["Case ID", "Partner code", "Date identified", "ເພດ", "citizenship"],
        ["M1", "mlsw", "15/01/2024", "Male", "LAO"],
      ]),
    )
    const r = await importFile(db, { file, model, mapping: { "Partner code": "source" } })
    expect(r.accepted).toBe(1)
  })
})

describe("import: bad files and rows", () => {
  it("missing required columns: a clear error naming them, nothing imported, failure logged", async () => {
    const file = write(
      "a.csv",
      csv([
        ["case_id", "notes"],
        ["A", "b"],
      ]),
    )
    await expect(importFile(db, { file, model })).rejects.toThrow(
      /missing required columns: source, identification_date, sex/,
    )
    expect(await count("select count(*) n from cases")).toBe(0)
    expect(await count("select count(*) n from import_log where status = 'failed'")).toBe(1)
  })

  it("invalid UTF-8: clear error, nothing imported", async () => {
    const bytes = Buffer.concat([
      Buffer.from(csv([HEADER, good("A1")])),
      Buffer.from([0x42, 0xff, 0xfe, 0x2c, 0x0a]),
    ])
    await expect(importFile(db, { file: write("a.csv", bytes), model })).rejects.toThrow(/not UTF-8/)
    expect(await count("select count(*) n from cases")).toBe(0)
    expect(await count("select count(*) n from quarantine")).toBe(0)
  })

  it("truncated file (unterminated quote): clear error, nothing imported", async () => {
    const file = write("a.csv", `${csv([HEADER, good("A1")])}A2,afesip,"2024-01`)
    await expect(importFile(db, { file, model })).rejects.toThrow(ImportError)
    expect(await count("select count(*) n from cases")).toBe(0)
  })

  it("quarantines duplicates, impossible/future dates, unknown places, with one reason per column", async () => {
    const rows = [
      HEADER,
      good("A1"),
      good("A1"),
      ["B1", "afesip", "2023-02-30", "female", "THA", "", "", ""],
      ["B2", "afesip", "2999-01-01", "female", "THA", "", "", ""],
      ["B3", "afesip", "2024-01-01", "female", "XYZ", "Atlantis", "", ""],
      ["B4", "afesip", "2024-01-01", "female", "THA", "Phonthong", "", ""],
      ["B5", "afesip", "2024-01-01", "female", "THA", "Phonthong", "Luang Prabang", ""],
    ]
    const file = write("a.csv", csv(rows))
    const r = await importFile(db, { file, model })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([7, 2, 5])
    const q = await db.query<{ row_number: number; column: string; reason: string }>(
      `select row_number, "column", reason from quarantine order by row_number, "column"`,
    )
    expect(q.map((x) => [x.row_number, x.column])).toEqual([
      [3, "case_id"],
      [4, "identification_date"],
      [5, "identification_date"],
      [6, "citizenship"],
      [6, "origin_district"],
      [7, "origin_district"],
    ])
    expect(q[0]!.reason).toMatch(/duplicate case id .*row 2/)
    expect(q[2]!.reason).toMatch(/future/)
    expect(q[5]!.reason).toMatch(/several districts/)
    expect(await db.query("select origin_district, origin_province from cases where case_id = 'B5'")).toEqual(
      [{ origin_district: "LA0612", origin_province: "LA06" }],
    )
    const rejected = readFileSync(`${file}.rejected.csv`, "utf8")
    expect(rejected.split("\r\n").filter(Boolean)).toHaveLength(1 + q.length)
  })

  it("a date column is read the same whether all its texts are ISO (bare cast) or they mix formats", async () => {
    const row = (id: string, d: string) => [id, "afesip", d, "female", "THA", "", "", ""]
    const iso = write("iso.csv", csv([HEADER, row("I1", "2024-01-15"), row("I2", "2023-12-31")]))
    const mixed = write(
      "mixed.csv",
      csv([
        HEADER,
        row("M1", "15/01/2024"),
        row("M2", "2024-01-16"),
        row("M3", "2567-01-17"),
        row("M4", "2024-02-30"),
      ]),
    )
    expect((await importFile(db, { file: iso, model })).accepted).toBe(2)
    const r = await importFile(db, { file: mixed, model })
    expect([r.accepted, r.rejected, r.warnings]).toEqual([3, 1, 1])
    expect(await db.query("select case_id, identification_date d from cases order by case_id")).toEqual([
      { case_id: "I1", d: "2024-01-15" },
      { case_id: "I2", d: "2023-12-31" },
      { case_id: "M1", d: "2024-01-15" },
      { case_id: "M2", d: "2024-01-16" },
      { case_id: "M3", d: "2024-01-17" },
    ])
  })

  it("Buddhist Era years convert with a warning", async () => {
    const file = write("a.csv", csv([HEADER, ["E1", "afesip", "15/01/2567", "female", "THA", "", "", ""]]))
    const r = await importFile(db, { file, model })
    expect(r.warnings).toBe(1)
    expect(await db.query("select identification_date d from cases")).toEqual([{ d: "2024-01-15" }])
    expect(await count("select count(*) n from import_warning where value = '15/01/2567'")).toBe(1)
  })

  it("Lao and Thai text survive byte for byte; formula cells are kept but neutralised in rejected.csv", async () => {
    const lao = "ນາງ ສີ ພອນ ໄຊຍະວົງ ຂໍ້ມູນ"
    const thai = "ผู้เสียหาย ภาษาไทย"
    const file = write(
      "a.csv",
      csv([
        HEADER,
        good("L1", lao),
        good("L2", thai),
        good("F1", '=HYPERLINK("x")'),
        [...good("F2").slice(0, 3), "=1+1", ...good("F2", "@SUM(A1)").slice(4)],
      ]),
    )
    await importFile(db, { file, model })
    const rows = await db.query<{ notes: string }>(
      "select notes from cases where case_id in ('L1','L2','F1') order by case_id",
    )
    expect(rows.map((r) => Buffer.from(r.notes))).toEqual([
      Buffer.from('=HYPERLINK("x")'),
      Buffer.from(lao),
      Buffer.from(thai),
    ])
    const rejected = readFileSync(`${file}.rejected.csv`, "utf8")
    expect(rejected).toContain("'=1+1")
    expect(rejected).toContain("'@SUM(A1)")
    expect(rejected).not.toMatch(/,=1\+1/)
    expect(neutraliseCsvCell("-2")).toBe("'-2")
    expect(neutraliseCsvCell("ລາວ")).toBe("ລາວ")
  })
})

describe("import: idempotence, corrections, transactions", () => {
  it("re-importing the same file changes nothing and is logged; a corrected file updates, never duplicates", async () => {
    const file = write("a.csv", csv([HEADER, good("A1"), good("A2")]))
    await importFile(db, { file, model })
    const again = await importFile(db, { file, model })
    expect(again.status).toBe("already_imported")
    expect(await count("select count(*) n from cases")).toBe(2)
    expect(await count("select count(*) n from import_log where status = 'already_imported'")).toBe(1)
    write("a.csv", csv([HEADER, good("A1", "corrected"), good("A3")]))
    const r = await importFile(db, { file, model })
    expect([r.inserted, r.updated]).toEqual([1, 1])
    expect(await count("select count(*) n from cases")).toBe(3)
    expect(await count("select count(*) n from cases where case_id = 'A1' and notes = 'corrected'")).toBe(1)
  })

  it("counts always reconcile: accepted + rejected = read, accepted = the good rows", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }), async (flags) => {
        const mem = await openWarehouse(":memory:")
        try {
          const rows = flags.map((ok, i) =>
            ok ? good(`P${i}`) : [`P${i}`, "afesip", "2024-13-01", "female", "THA", "", "", ""],
          )
          const file = write(`p${flags.length}-${flags.join("").length}.csv`, csv([HEADER, ...rows]))
          const r = await importFile(mem, { file, model, writeRejected: false })
          const goodCount = flags.filter(Boolean).length
          expect(r.accepted + r.rejected).toBe(r.rowsRead)
          expect(r.accepted).toBe(goodCount)
          expect(Number((await mem.query<{ n: number }>("select count(*) n from cases"))[0]!.n)).toBe(
            goodCount,
          )
        } finally {
          await mem.close()
        }
      }),
      { numRuns: 15 },
    )
  })

  it("a warehouse created with an older enum set migrates and keeps its rows", async () => {
    const old = testModel({ sexCodes: ["female", "male"] })
    await importFile(db, { file: write("a.csv", csv([HEADER, good("A1")])), model: old })
    const r = await migrate(db, testModel())
    expect(r.action).toBe("migrated")
    expect(await count("select count(*) n from cases where sex = 'female'")).toBe(1)
    await importFile(db, {
      file: write("b.csv", csv([HEADER, [...good("A2").slice(0, 3), "non_binary", ...good("A2").slice(4)]])),
      model: testModel(),
    })
    expect(await count("select count(*) n from cases")).toBe(2)
    expect((await migrate(db, testModel())).action).toBe("current")
  })

  it("SIGKILL during an import leaves the warehouse exactly as before", async () => {
    await importFile(db, { file: write("seed.csv", csv([HEADER, good("S1")])), model })
    await db.close()
    const lines = [HEADER.join(",")]
    for (let i = 0; i < 300_000; i++) lines.push(`K${i},afesip,2024-01-15,female,THA,Pakse,,note ${i}`)
    const big = write("big.csv", `${lines.join("\n")}\n`)
    const here = fileURLToPath(new URL(".", import.meta.url))
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--import",
        join(here, "../../../tooling/sql-loader/register.mjs"),
        join(here, "helpers/import-child.ts"),
        join(dir, "w.duckdb"),
        big,
      ],
      { cwd: join(here, ".."), stdio: ["ignore", "pipe", "inherit"] },
    )
    await new Promise<void>((resolve) =>
      child.stdout.on("data", (d: Buffer) => d.toString().includes("started") && resolve()),
    )
    await new Promise((r) => setTimeout(r, 400))
    child.kill("SIGKILL")
    await new Promise((r) => child.on("exit", r))
    db = await openWarehouse(join(dir, "w.duckdb"))
    expect(await count("select count(*) n from cases")).toBe(1)
    expect(await count("select count(*) n from import_log where status = 'committed'")).toBe(1)
  })
})
