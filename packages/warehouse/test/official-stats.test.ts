import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import {
  glotipMappingSource,
  glotipMeasureMapping,
  importUnodcGlotip,
  OfficialImportError,
  officialStatsForPublication,
  parseCsvRecords,
  referenceSeries,
} from "../src/node/official-stats/index.ts"
import { writeXlsx } from "./helpers/xlsx-writer.ts"

const repoRoot = resolve(fileURLToPath(new URL("../../../", import.meta.url)))
const FIXTURE = join(repoRoot, "data/fixtures/unodc/glotip-fixture.csv")

let dir: string
let db: NodeConnector
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-official-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
})
afterEach(async () => {
  await db.close()
  rmSync(dir, { recursive: true, force: true })
})

const count = async (sql: string, params: ReadonlyArray<string | number> = []) =>
  Number((await db.query<{ n: number }>(sql, params))[0]!.n)

/** The fixture's records (header and below), for building variants of it. */
const fixtureRecords = (): string[][] => {
  const text = readFileSync(FIXTURE, "utf8").replace(/^\ufeff/, "")
  const records = parseCsvRecords(text, ",").map((r) => [...r.cells])
  const at = records.findIndex((r) => r[0] === "Iso3_code")
  return records.slice(at).filter((r) => r.some((c) => c !== ""))
}

describe("importUnodcGlotip: the CSV fixture", () => {
  it("skips the title rows, reads every data row, and the counts reconcile", async () => {
    const r = await importUnodcGlotip(db, FIXTURE)
    expect(r.headerRow).toBe(4) // title row, a note row with a line break inside quotes, then the names
    // Row 57 gives row 5's statistic again with another value: both kept, flagged as a conflict.
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([53, 48, 5])
    expect(r.accepted + r.rejected).toBe(r.rowsRead)
    expect([r.suppressed, r.missing]).toEqual([2, 9])
    expect(await count("select count(*) as n from official_stats")).toBe(48)
    expect(await count("select count(*) as n from official_stats where conflict")).toBe(2)
    expect(await count("select count(distinct row_number) as n from official_stats_quarantine")).toBe(5)
    expect(
      await count(
        "select count(*) as n from official_stats where iso3 in ('Iso3_code', '') or country like 'Global Report%'",
      ),
    ).toBe(0)
    const log = await db.query(
      "select header_row, rows_read, rows_accepted, rows_rejected from official_stats_import",
    )
    expect(log).toEqual([{ header_row: 4, rows_read: 53, rows_accepted: 48, rows_rejected: 5 }])
  })

  it('keeps "<5" as suppressed below 5: not zero, not missing', async () => {
    await importUnodcGlotip(db, FIXTURE)
    const rows = await db.query(
      `select iso3, sex, age, year, value, value_text, suppressed, suppressed_below, missing from official_stats
       where suppressed order by iso3`,
    )
    expect(rows).toEqual([
      {
        iso3: "LAO",
        sex: "Male",
        age: "Adult",
        year: 2019,
        value: null,
        value_text: "<5",
        suppressed: true,
        suppressed_below: 5,
        missing: false,
      },
      {
        iso3: "THA",
        sex: "Male",
        age: "Minor",
        year: 2021,
        value: null,
        value_text: "<5",
        suppressed: true,
        suppressed_below: 5,
        missing: false,
      },
    ])
    expect(await count("select count(*) as n from official_stats where value = 0")).toBe(0)
  })

  it('marks "..", empty, "n.a." and "-" as missing with no value', async () => {
    await importUnodcGlotip(db, FIXTURE)
    const texts = await db.query(
      "select coalesce(value_text, '(empty)') as t, count(*) as n from official_stats where missing group by t order by t",
    )
    expect(texts).toEqual([
      { t: "(empty)", n: 1 },
      { t: "-", n: 1 },
      { t: "..", n: 6 },
      { t: "n.a.", n: 1 },
    ])
    expect(
      await count(
        "select count(*) as n from official_stats where missing and (value is not null or suppressed)",
      ),
    ).toBe(0)
  })

  it("reads thousands separators and rates, and keeps quoted commas in text", async () => {
    await importUnodcGlotip(db, FIXTURE)
    expect(
      await db.query(
        "select year, value, value_text from official_stats where iso3 = 'THA' and sex = 'Total' order by year",
      ),
    ).toEqual([
      { year: 2020, value: 1043, value_text: "1,043" },
      { year: 2021, value: 1187, value_text: "1,187" },
    ])
    expect(
      await db.query("select value from official_stats where unit = 'Rate per 100,000 population'"),
    ).toEqual([{ value: 1.5 }])
  })

  it("quarantines bad rows with row number, field and reason", async () => {
    const r = await importUnodcGlotip(db, FIXTURE)
    expect(r.quarantine).toEqual([
      { rowNumber: 53, field: "Year", value: "20x1", reason: "not a year" },
      {
        rowNumber: 54,
        field: "txtVALUE",
        value: "12,5",
        reason: 'not a number, a suppressed value such as "<5", or a missing marker (.., -, n.a.)',
      },
      { rowNumber: 55, field: "Iso3_code", value: "LA", reason: "not an ISO 3166-1 alpha-3 code" },
      { rowNumber: 56, field: "Indicator", value: null, reason: "required" },
      {
        rowNumber: 58,
        field: "(row)",
        value: null,
        reason: "1 cell(s) beyond the last column: the row is shifted",
      },
    ])
    const raw = await db.query<{ raw: string }>(
      "select raw from official_stats_quarantine where row_number = 53",
    )
    expect(JSON.parse(raw[0]!.raw)).toMatchObject({ Iso3_code: "LAO", Year: "20x1", txtVALUE: "100" })
  })

  it("re-importing the same file is idempotent; two different values of one statistic are both kept, flagged", async () => {
    const first = await importUnodcGlotip(db, FIXTURE)
    const snapshot = await db.query(
      "select * exclude (import_id, imported_at) from official_stats order by row_number",
    )
    const again = await importUnodcGlotip(db, FIXTURE)
    expect([again.rowsRead, again.accepted, again.rejected, again.replaced]).toEqual([53, 48, 5, 48])
    expect(
      await db.query("select * exclude (import_id, imported_at) from official_stats order by row_number"),
    ).toEqual(snapshot)
    expect(await count("select count(*) as n from official_stats_quarantine")).toBe(first.quarantine.length)
    expect(await count("select count(*) as n from official_stats_import")).toBe(2)
    expect(
      await db.query(
        "select value from official_stats where iso3 = 'LAO' and year = 2019 and sex = 'Total' and age = 'Total' and dimension = 'Total' and unit = 'Counts' and indicator = 'Detected trafficking victims' order by value",
      ),
    ).toEqual([{ value: 96 }, { value: 99 }])
  })

  it("rolls back everything when the import fails part-way", async () => {
    await importUnodcGlotip(db, FIXTURE)
    const before = await db.query("select * from official_stats order by row_number")
    // The log is written last: make that insert fail after the rows were replaced.
    await db.exec("DROP TABLE official_stats_import; CREATE VIEW official_stats_import AS SELECT 1 AS x")
    const file = join(dir, "copy.csv")
    copyFileSync(FIXTURE, file)
    await expect(importUnodcGlotip(db, file)).rejects.toBeInstanceOf(OfficialImportError)
    expect(await db.query("select * from official_stats order by row_number")).toEqual(before)
    expect(await count("select count(*) as n from official_stats_quarantine")).toBe(5)
  })
})

describe("importUnodcGlotip: layouts", () => {
  it("reads the same rows from an .xlsx with title rows above the names", async () => {
    const records = fixtureRecords()
    const xlsx = writeXlsx([
      {
        name: "data_glotip",
        rows: [
          ["Global Report on Trafficking in Persons (test fixture)"],
          ["Notes: <5 = suppressed"],
          ...records,
        ],
      },
    ])
    const file = join(dir, "glotip.xlsx")
    writeFileSync(file, xlsx)
    const r = await importUnodcGlotip(db, file)
    expect(r.headerRow).toBe(3)
    expect([r.rowsRead, r.accepted, r.rejected, r.suppressed, r.missing]).toEqual([53, 48, 5, 2, 9])
    // Excel row numbers: two title rows, the names on row 3, 47 good rows, then the bad year.
    expect(r.quarantine[0]).toMatchObject({ field: "Year", value: "20x1", rowNumber: 51 })
  })

  it("finds the header with a semicolon delimiter, LF endings and no title rows", async () => {
    const records = fixtureRecords().slice(0, 6)
    const text = `${records.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c}"` : c)).join(";")).join("\n")}\n`
    const file = join(dir, "semi.csv")
    writeFileSync(file, text)
    const r = await importUnodcGlotip(db, file)
    expect([r.headerRow, r.rowsRead, r.accepted]).toEqual([1, 5, 5])
  })

  it("stops with a clear message when no header row is found, and writes nothing", async () => {
    const file = join(dir, "not-glotip.csv")
    writeFileSync(file, "a,b,c\n1,2,3\n")
    await expect(importUnodcGlotip(db, file)).rejects.toThrow(/no header row naming Iso3_code and txtVALUE/)
    expect(
      await count("select count(*) as n from information_schema.tables where table_name = 'official_stats'"),
    ).toBe(0)
  })
})

describe("referenceSeries", () => {
  const series = async (measure: string) =>
    (await referenceSeries(db, { iso3: "LAO", measures: [measure] })).map((p) => [
      p.year,
      p.suppressed ? `<${p.suppressedBelow}` : p.missing ? "missing" : p.value,
    ])

  it("gives the LAO yearly series as in the fixture, with suppressed and missing flags", async () => {
    await importUnodcGlotip(db, FIXTURE)
    expect(await series("victims_total")).toEqual([
      [2019, 96],
      [2019, 99],
      [2020, 142],
      [2021, 110],
    ])
    expect(await series("victims_female")).toEqual([
      [2019, 80],
      [2020, 121],
      [2021, 92],
    ])
    expect(await series("victims_male")).toEqual([
      [2019, 16],
      [2020, 21],
      [2021, 18],
    ])
    expect(await series("victims_minor")).toEqual([
      [2019, 55],
      [2020, "missing"],
      [2021, 75],
    ])
    expect(await series("victims_adult")).toEqual([
      [2019, 41],
      [2020, "missing"],
      [2021, 35],
    ])
    expect(await series("victims_men")).toEqual([
      [2019, "<5"],
      [2020, "missing"],
      [2021, 5],
    ])
    expect(await series("form_sexual_exploitation")).toEqual([
      [2019, 30],
      [2020, 21],
      [2021, 25],
    ])
    expect(await series("form_forced_labour")).toEqual([
      [2019, 20],
      [2020, 39],
      [2021, 28],
    ])
    expect(await series("form_forced_marriage")).toEqual([
      [2019, "missing"],
      [2020, 66],
      [2021, 40],
    ])
  })

  it("leaves out what does not match our definitions, other countries, rates and rejected rows", async () => {
    await importUnodcGlotip(db, FIXTURE)
    const all = await referenceSeries(db)
    const measures = new Set(all.map((p) => p.measure))
    for (const m of ["form_other", "victims_by_citizenship", "persons_convicted", "victims_rate"])
      expect(measures.has(m)).toBe(false)
    expect(
      all.every(
        (p) => p.iso3 === "LAO" && p.unit === "Counts" && p.indicator === "Detected trafficking victims",
      ),
    ).toBe(true)
    // 9 sex/age series of 3 years + 4 forms of exploitation; begging is mapped but not in the file;
    // plus the conflicting second 2019 total, flagged.
    expect(all).toHaveLength(9 * 3 + 3 * 3 + 1)
    expect(all.filter((p) => p.conflict).map((p) => [p.measure, p.year, p.value])).toEqual([
      ["victims_total", 2019, 96],
      ["victims_total", 2019, 99],
    ])
    expect(all.filter((p) => p.suppressed)).toHaveLength(1)
    expect((await referenceSeries(db, { iso3: "THA", measures: ["victims_boys"] }))[0]).toMatchObject({
      year: 2021,
      value: null,
      suppressed: true,
      suppressedBelow: 5,
    })
  })

  it("reads files labelled as UNODC publishes them: age bands, forms and empty categories", async () => {
    const head =
      "Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,Year,Unit of measurement,txtVALUE,Source"
    const r = (dimension: string, category: string, sex: string, age: string, year: number, value: string) =>
      `LAO,Lao People's Democratic Republic,Asia,South-eastern Asia,Detected trafficking victims,${dimension},${category},${sex},${age},${year},Counts,${value},National authorities`
    const file = join(dir, "glotip-real-labels.csv")
    writeFileSync(
      file,
      [
        head,
        r("Total", "Total", "Total", "0 to 17 years", 2022, "40"),
        r("Total", "Total", "Female", "0 to 17 years", 2022, "31"),
        r("Total", "Total", "Male", "18 years or over", 2022, "7"),
        r("by form of exploitation", "Sexual exploitation", "Total", "Total", 2022, "25"),
        r("by form of exploitation", "Forced labour", "Total", "Total", 2022, "12"),
        r("by form of exploitation", "Other forms", "Total", "Total", 2022, "3"),
        r("by citizenship", "", "Total", "Total", 2022, "58"),
      ].join("\n"),
    )
    const imported = await importUnodcGlotip(db, file)
    expect([imported.rowsRead, imported.accepted, imported.rejected]).toEqual([7, 7, 0])
    const all = await referenceSeries(db, { iso3: "LAO" })
    const at = (measure: string) => all.filter((p) => p.measure === measure).map((p) => [p.year, p.value])
    expect(at("victims_minor")).toEqual([[2022, 40]])
    expect(at("victims_girls")).toEqual([[2022, 31]])
    expect(at("victims_men")).toEqual([[2022, 7]])
    expect(at("form_sexual_exploitation")).toEqual([[2022, 25]])
    expect(at("form_forced_labour")).toEqual([[2022, 12]])
    // Empty category: kept as a statistic of its own (the by-citizenship measure).
    expect(
      await db.query("select category, value from official_stats where dimension = 'by citizenship'"),
    ).toEqual([{ category: "", value: 58 }])
  })

  it("uses the latest import when a newer edition repeats a statistic", async () => {
    await importUnodcGlotip(db, FIXTURE)
    const records = fixtureRecords()
    const header = records[0]!
    const row = [...records[1]!] // LAO total 2019
    row[header.indexOf("txtVALUE")] = "97"
    const file = join(dir, "glotip-2026.csv")
    writeFileSync(file, `${[header, row].map((r) => r.join(",")).join("\n")}\n`)
    await importUnodcGlotip(db, file)
    expect((await series("victims_total"))[0]).toEqual([2019, 97])
  })

  it("returns nothing (not an error) before any import", async () => {
    expect(await referenceSeries(db)).toEqual([])
    expect(await officialStatsForPublication(db)).toEqual([])
  })
})

describe("the mapping and the publication rows", () => {
  it("names the source and says why each unmatched statistic does not match", () => {
    expect(glotipMappingSource.publisher).toContain("UNODC")
    for (const m of glotipMeasureMapping) {
      expect(m.note.length).toBeGreaterThan(20)
      expect(m.ours === null).toBe(m.match === "not_comparable")
    }
    expect(new Set(glotipMeasureMapping.map((m) => m.measure)).size).toBe(glotipMeasureMapping.length)
  })

  it("carries every accepted statistic once, flags kept, values not recomputed", async () => {
    await importUnodcGlotip(db, FIXTURE)
    await importUnodcGlotip(db, FIXTURE)
    const rows = await officialStatsForPublication(db)
    expect(rows).toHaveLength(48)
    expect(rows.filter((r) => r.suppressed).map((r) => [r.iso3, r.value, r.suppressed_below])).toEqual([
      ["LAO", null, 5],
      ["THA", null, 5],
    ])
    expect(rows.filter((r) => r.missing)).toHaveLength(9)
    expect(await officialStatsForPublication(db, { iso3: "tha" })).toHaveLength(3)
  })
})
