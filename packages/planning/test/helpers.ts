/**
 * Test helpers: an in-memory DuckDB `Connector`, a `cases` table with the CaseRow columns the
 * planning SQL reads, and a small hand-made Gazetteer.
 */
import { DuckDBDateValue, DuckDBInstance } from "@duckdb/node-api"
import { type Gazetteer, makeGazetteer } from "../src/Gazetteer.ts"
import type { Queryable, SqlParam } from "../src/Sql.ts"

export interface TestDb extends Queryable {
  exec(sql: string): Promise<void>
  close(): Promise<void>
}

const plain = (v: unknown): unknown =>
  typeof v === "bigint" ? Number(v) : v instanceof DuckDBDateValue ? v.toString() : v

/** Real DuckDB in memory (node-api), answering like the warehouse's connector: plain JS rows. */
export async function openMemory(): Promise<TestDb> {
  const instance = await DuckDBInstance.create(":memory:")
  const conn = await instance.connect()
  return {
    async query<T extends Record<string, unknown>>(sql: string, params: ReadonlyArray<SqlParam> = []) {
      const reader = await conn.runAndReadAll(sql, params.length ? ([...params] as never) : undefined)
      return reader
        .getRowObjects()
        .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])) as T)
    },
    async exec(sql: string) {
      await conn.run(sql)
    },
    async close() {
      conn.closeSync()
      instance.closeSync()
    },
  }
}

const CASE_COLUMNS = `
  case_id VARCHAR, source VARCHAR, identification_date DATE, victim_group VARCHAR, sex VARCHAR,
  age_years INTEGER, date_of_birth DATE, origin_district VARCHAR, origin_province VARCHAR,
  border_checkpoint VARCHAR, destination_country VARCHAR, exploitation_district VARCHAR,
  exploitation_form VARCHAR, ethnicity VARCHAR, interim_care_date DATE, assessment_date DATE, bid_date DATE,
  bid_outcome VARCHAR, bid_decided_by VARCHAR,
  return_date DATE, reintegration_date DATE, follow_up_date DATE, closed_date DATE,
  exit_reason VARCHAR, exit_date DATE, services VARCHAR[], legal_basis VARCHAR[]`

export type CaseFixture = Partial<Record<string, string | number | null | ReadonlyArray<string>>>

/** Creates `cases` and inserts the rows with bound parameters (a handful of rows: fine row by row). */
export async function loadCases(conn: TestDb, rows: ReadonlyArray<CaseFixture>): Promise<void> {
  await conn.exec(`create or replace table cases (${CASE_COLUMNS})`)
  const names = CASE_COLUMNS.split(",").map((c) => c.trim().split(/\s+/)[0]!)
  for (const [i, row] of rows.entries()) {
    const values = names.map((n): SqlParam => {
      const v = row[n]
      if (n === "case_id") return typeof v === "string" ? v : `C${i + 1}`
      if (typeof v === "object" && v !== null) return v.join(";")
      return v ?? null
    })
    const placeholders = names.map((n, j) =>
      n === "services" || n === "legal_basis" ? `string_split($${j + 1}, ';')` : `$${j + 1}`,
    )
    await conn.query(`insert into cases (${names.join(", ")}) values (${placeholders.join(", ")})`, values)
  }
}

/**
 * Four districts of a made-up province LA90 on the meridian 102E, at 18, 19, 20 and 21N (so distances
 * are whole degrees of latitude and min-max ratios are exact), areas 100, 300, 600 and 1000 km2
 * sharing 10,000 children (500, 1500, 3000, 5000 by area); one district of LA91 with its own child
 * figure. Checkpoint T90 is 0.1 degree (11 km) north of LA9002, T91 sits on LA9101.
 */
export const tinyPlaces: Gazetteer = makeGazetteer({
  provinces: [
    { code: "LA90", name: "Testprovince", aliases: ["Test Province"], childPopulation: 10_000 },
    { code: "LA91", name: "Otherprovince", aliases: [] },
  ],
  districts: [
    { code: "LA9001", province: "LA90", name: "Alpha", aliases: ["Alfa"], lat: 18, lon: 102, areaKm2: 100 },
    {
      code: "LA9002",
      province: "LA90",
      name: "Xaysetha",
      aliases: ["Saysettha"],
      lat: 19,
      lon: 102,
      areaKm2: 300,
    },
    { code: "LA9003", province: "LA90", name: "Gamma", aliases: [], lat: 20, lon: 102, areaKm2: 600 },
    { code: "LA9004", province: "LA90", name: "Delta", aliases: [], lat: 21, lon: 102, areaKm2: 1000 },
    {
      code: "LA9101",
      province: "LA91",
      name: "Xaysetha",
      aliases: [],
      lat: 15,
      lon: 107,
      childPopulation: 5_000,
    },
  ],
  checkpoints: [
    { id: "T90", district: "LA9002", lat: 19.1, lon: 102 },
    { id: "T91", district: "LA9101", lat: 15, lon: 107 },
  ],
})
