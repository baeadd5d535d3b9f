import { mkdtemp, readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CaseRow, Place } from "@lao-protect/domain"
import { Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { importFile } from "../src/node/import/import-file.ts"
import { openWarehouse } from "../src/node/index.ts"
import type { NodeConnector } from "../src/node/NodeConnector.ts"
import { loadSyntheticCsv } from "../src/node/sample/load.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"
import { generateCases, metaPathOf, synthColumns, writeSynthCsv } from "../src/node/synth/index.ts"
import { checkpoints, provinces } from "../src/node/synth/reference.ts"

const years = { fromYear: 2005, toYear: 2024 } as const
let dir: string
let csv: string
let db: NodeConnector

const one = async <T extends Record<string, unknown>>(
  sql: string,
  params: ReadonlyArray<string | number> = [],
) => (await db.query<T>(sql, params))[0]!

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "synth-test-"))
  csv = join(dir, "a.csv")
  await writeSynthCsv(csv, { seed: 7, ...years })
  db = await openWarehouse(":memory:")
  await loadSyntheticCsv(db, csv)
  const ids = checkpoints.map((c) => c.id).join(",")
  const countries = checkpoints.map((c) => c.country ?? "AIR").join(",")
  await db.query(
    "CREATE TABLE checkpoint_country AS SELECT unnest(string_split($1, ',')) AS id, unnest(string_split($2, ',')) AS country",
    [ids, countries],
  )
})
afterAll(async () => {
  await db.close()
})

describe("synth: reference facts", () => {
  it("every domain province and checkpoint is generated from, with the domain's own facts", () => {
    expect(provinces.map((p) => p.code).sort()).toEqual(Place.provinces.map((p) => p.code).sort())
    expect(checkpoints.map((c) => c.id).sort()).toEqual(Place.checkpoints.map((c) => c.id).sort())
    for (const p of provinces) expect(p.population).toBe(Place.populationOf(p.code as Place.ProvinceCode))
    for (const c of checkpoints)
      expect(c.district).toBe(Place.checkpoint(c.id as Place.CheckpointId).district)
  })
})

describe("synth: determinism and labelling", () => {
  it("same seed gives byte-identical files, another seed differs", async () => {
    const b = join(dir, "b.csv")
    const c = join(dir, "c.csv")
    await writeSynthCsv(b, { seed: 7, ...years })
    await writeSynthCsv(c, { seed: 8, ...years })
    const [ba, bb, bc] = await Promise.all([readFile(csv), readFile(b), readFile(c)])
    expect(ba.equals(bb)).toBe(true)
    expect(ba.equals(bc)).toBe(false)
  })

  it("--cases N gives exactly N rows, spread over the years", async () => {
    const out = join(dir, "n.csv")
    const { meta } = await writeSynthCsv(out, { seed: 1, ...years, cases: 12_345 })
    expect(meta.cases).toBe(12_345)
    const n = await db.query<{ n: number; years: number }>(
      "SELECT count(*) AS n, count(DISTINCT year(identification_date)) AS years FROM read_csv($1, header = true)",
      [out],
    )
    expect(n[0]).toEqual({ n: 12_345, years: 20 })
  })

  it("every row is labelled synthetic and the sidecar says so", async () => {
    const meta = JSON.parse(await readFile(metaPathOf(csv), "utf8"))
    expect(meta.synthetic).toBe(true)
    const r = await one<{ n: number; syn: number }>(
      "SELECT count(*) AS n, count(*) FILTER (WHERE case_id LIKE 'SYN-7-%') AS syn FROM cases",
    )
    expect(r.syn).toBe(r.n)
    expect(meta.cases).toBe(r.n)
  })
})

describe("synth: distributions over 20 years (lao-facts 6c)", () => {
  it("85-250 identified victims every year", async () => {
    const r = await one<{ lo: number; hi: number; years: number }>(
      "SELECT min(n) AS lo, max(n) AS hi, count(*) AS years FROM (SELECT year(identification_date) y, count(*) n FROM cases GROUP BY y)",
    )
    expect(r.years).toBe(20)
    expect(r.lo).toBeGreaterThanOrEqual(85)
    expect(r.hi).toBeLessThanOrEqual(250)
  })

  it("sex, age, destination and ethnicity shares are within the target ranges", async () => {
    const r = await one<Record<string, number>>(`
      SELECT
        avg(CASE WHEN sex = 'female' THEN 1 ELSE 0 END) AS female,
        avg(CASE WHEN age_years < 18 THEN 1 ELSE 0 END) FILTER (WHERE age_years IS NOT NULL) AS children,
        avg(CASE WHEN destination_country = 'THA' THEN 1 ELSE 0 END) AS tha,
        avg(CASE WHEN destination_country = 'CHN' THEN 1 ELSE 0 END) AS chn,
        avg(CASE WHEN destination_country = 'LAO' THEN 1 ELSE 0 END) AS lao,
        avg(CASE WHEN destination_country NOT IN ('THA', 'CHN', 'LAO') THEN 1 ELSE 0 END) AS other,
        avg(CASE WHEN ethnicity <> 'lao' THEN 1 ELSE 0 END) FILTER (WHERE ethnicity IS NOT NULL AND citizenship = 'LAO') AS minorities,
        avg(CASE WHEN victim_group = 'foreign_in_lao' THEN 1 ELSE 0 END) AS foreign_share,
        avg(CASE WHEN exploitation_form = 'forced_marriage' THEN 1 ELSE 0 END) FILTER (WHERE destination_country = 'CHN') AS chn_marriage,
        avg(CASE WHEN exit_reason = 're_trafficked' THEN 1 ELSE 0 END) AS re_trafficked
      FROM cases`)
    expect(r.female).toBeGreaterThanOrEqual(0.75)
    expect(r.female).toBeLessThanOrEqual(0.9)
    expect(r.children).toBeGreaterThanOrEqual(0.45)
    expect(r.children).toBeLessThanOrEqual(0.7)
    expect(r.tha).toBeGreaterThanOrEqual(0.45)
    expect(r.tha).toBeLessThanOrEqual(0.7)
    expect(r.chn).toBeGreaterThanOrEqual(0.15)
    expect(r.chn).toBeLessThanOrEqual(0.4)
    expect(r.lao).toBeGreaterThanOrEqual(0.05)
    expect(r.lao).toBeLessThanOrEqual(0.25)
    expect(r.other).toBeGreaterThanOrEqual(0.01)
    expect(r.other).toBeLessThanOrEqual(0.05)
    expect(r.minorities).toBeGreaterThanOrEqual(0.5)
    expect(r.foreign_share).toBeLessThanOrEqual(0.16)
    expect(r.chn_marriage).toBeGreaterThanOrEqual(0.5)
    expect(r.re_trafficked).toBeGreaterThan(0)
  })

  it("domestic (SEZ) exploitation rises over the years and sits in SEZ districts", async () => {
    const r = await one<{ early: number; late: number; gt: number }>(`
      SELECT
        avg(CASE WHEN destination_country = 'LAO' THEN 1 ELSE 0 END) FILTER (WHERE year(identification_date) < 2010) AS early,
        avg(CASE WHEN destination_country = 'LAO' THEN 1 ELSE 0 END) FILTER (WHERE year(identification_date) >= 2021) AS late,
        avg(CASE WHEN exploitation_district = 'LA0502' THEN 1 ELSE 0 END) FILTER (WHERE destination_country = 'LAO' AND year(identification_date) >= 2021) AS gt
      FROM cases`)
    expect(r.late).toBeGreaterThan(r.early * 1.8)
    expect(r.gt).toBeGreaterThan(0.3)
  })
})

describe("synth: consistency of routes, groups and stages", () => {
  it("a checkpoint leads to the destination country (Lao victims) or from the citizenship country (foreign victims)", async () => {
    const r = await one<{ bad: number; checked: number }>(`
      SELECT
        count(*) FILTER (WHERE k.country <> 'AIR' AND k.country <> CASE WHEN c.victim_group = 'foreign_in_lao' THEN c.citizenship ELSE c.destination_country END) AS bad,
        count(*) AS checked
      FROM cases c JOIN checkpoint_country k ON k.id = c.border_checkpoint`)
    expect(r.checked).toBeGreaterThan(1000)
    expect(r.bad).toBe(0)
    const unknown = await one<{ n: number }>(
      "SELECT count(*) AS n FROM cases WHERE border_checkpoint IS NOT NULL AND border_checkpoint NOT IN (SELECT id FROM checkpoint_country)",
    )
    expect(unknown.n).toBe(0)
    const internal = await one<{ n: number }>(
      "SELECT count(*) AS n FROM cases WHERE destination_country = 'LAO' AND victim_group <> 'foreign_in_lao' AND border_checkpoint IS NOT NULL",
    )
    expect(internal.n).toBe(0)
  })

  it("victim groups follow the route", async () => {
    const r = await one<Record<string, number>>(`
      SELECT
        count(*) FILTER (WHERE victim_group IN ('repatriated_lao', 'deported_lao') AND destination_country = 'LAO') AS returned_from_laos,
        count(*) FILTER (WHERE victim_group = 'local_lao' AND destination_country <> 'LAO') AS local_abroad,
        count(*) FILTER (WHERE victim_group = 'foreign_in_lao' AND (citizenship = 'LAO' OR destination_country <> 'LAO' OR origin_province IS NOT NULL)) AS foreign_bad,
        count(*) FILTER (WHERE victim_group <> 'foreign_in_lao' AND citizenship <> 'LAO') AS lao_bad,
        count(*) FILTER (WHERE origin_district IS NOT NULL AND left(origin_district, 4) <> origin_province) AS place_bad
      FROM cases`)
    expect(r).toEqual({ returned_from_laos: 0, local_abroad: 0, foreign_bad: 0, lao_bad: 0, place_bad: 0 })
  })

  it("stage dates follow the stages, children return only after a BID, exits are paired, services match stages", async () => {
    const r = await one<Record<string, number>>(`
      WITH d AS (
        SELECT *, list_filter([identification_date, interim_care_date, assessment_date, bid_date, return_date,
          reintegration_date, follow_up_date, closed_date], x -> x IS NOT NULL) AS ds
        FROM cases
      )
      SELECT
        count(*) FILTER (WHERE ds <> list_sort(ds)) AS out_of_order,
        count(*) FILTER (WHERE age_years < 18 AND return_date IS NOT NULL AND bid_date IS NULL) AS child_no_bid,
        count(*) FILTER (WHERE (exit_reason IS NULL) <> (exit_date IS NULL)) AS unpaired_exit,
        count(*) FILTER (WHERE exit_date < identification_date) AS exit_before,
        count(*) FILTER (WHERE list_contains(services, 'shelter') <> (interim_care_date IS NOT NULL)) AS shelter_bad,
        count(*) FILTER (WHERE list_contains(services, 'follow_up_visit') <> (follow_up_date IS NOT NULL)) AS follow_up_bad,
        count(*) FILTER (WHERE greatest(identification_date, closed_date, exit_date, follow_up_date) > DATE '2024-12-31') AS future,
        count(*) FILTER (WHERE date_of_birth IS NOT NULL AND date_sub('year', date_of_birth, identification_date) <> age_years) AS dob_bad
      FROM d`)
    expect(r).toEqual({
      out_of_order: 0,
      child_no_bid: 0,
      unpaired_exit: 0,
      exit_before: 0,
      shelter_bad: 0,
      follow_up_bad: 0,
      future: 0,
      dob_bad: 0,
    })
    const exits = await db.query<{ exit_reason: string }>(
      "SELECT DISTINCT exit_reason FROM cases WHERE exit_reason IS NOT NULL ORDER BY 1",
    )
    expect(exits.map((e) => e.exit_reason)).toEqual([
      "declined_assistance",
      "lost_contact",
      "re_trafficked",
      "referred_elsewhere",
    ])
  })

  it("PII columns hold clearly fake values only", async () => {
    const r = await one<Record<string, number>>(`
      SELECT
        count(*) FILTER (WHERE victim_name IS NOT NULL) AS names,
        count(*) FILTER (WHERE victim_name IS NOT NULL AND NOT starts_with(victim_name, 'Fake ')) AS real_looking_names,
        count(*) FILTER (WHERE phone IS NOT NULL AND NOT regexp_full_match(phone, '\\+856 20 5555 \\d{4}')) AS bad_phones,
        count(*) FILTER (WHERE village IS NOT NULL) AS villages
      FROM cases`)
    expect(r.names).toBeGreaterThan(0)
    expect(r.villages).toBeGreaterThan(0)
    expect(r.real_looking_names).toBe(0)
    expect(r.bad_phones).toBe(0)
  })
})

describe("synth: valid CaseRows", () => {
  it("every row of 20 years decodes with the domain's decodeCaseRow", () => {
    const failures: string[] = []
    let n = 0
    for (const row of generateCases({ seed: 11, ...years })) {
      n++
      const decoded = CaseRow.decodeCaseRow(Object.fromEntries(synthColumns.map((c, i) => [c, row[i]!])))
      if (Result.isFailure(decoded)) failures.push(`${row[0]}: ${decoded.failure.message}`)
    }
    expect(n).toBeGreaterThan(2000)
    expect(failures.slice(0, 5)).toEqual([])
  })

  it("the validated importer accepts every synthetic row", async () => {
    const conn = await openWarehouse(":memory:")
    try {
      const result = await importFile(conn, { file: csv, model: domainModel(), writeRejected: false })
      expect({ rejected: result.rejected, warnings: result.warnings }).toEqual({ rejected: 0, warnings: 0 })
      const [r] = await conn.query<{ n: number; syn: number }>(
        "SELECT count(*) AS n, count(*) FILTER (WHERE starts_with(case_id, 'SYN-')) AS syn FROM cases",
      )
      expect(r!.syn).toBe(r!.n)
      expect(r!.n).toBe(result.rowsRead)
    } finally {
      await conn.close()
    }
  })
})

describe("synth: the register's optional details", () => {
  it("trafficking status, recruitment and length of exploitation are filled for part of the cases, within the rules", async () => {
    const s = await one<{
      n: number
      status: number
      screenedOut: number
      method: number
      relation: number
      months: number
      ageRec: number
      aboveAge: number
      tooLong: number
      familyByFamily: number
      familial: number
    }>(`SELECT count(*)::INT AS n,
          count(trafficking_status)::INT AS status,
          count(*) FILTER (WHERE trafficking_status = 'not_a_victim')::INT AS screenedOut,
          count(recruitment_method)::INT AS method,
          count(recruiter_relationship)::INT AS relation,
          count(exploitation_months)::INT AS months,
          count(age_at_recruitment)::INT AS ageRec,
          count(*) FILTER (WHERE age_at_recruitment > age_years)::INT AS aboveAge,
          count(*) FILTER (WHERE exploitation_months > 12 * (age_years - coalesce(age_at_recruitment, 0)) + 11)::INT AS tooLong,
          count(*) FILTER (WHERE recruitment_method = 'familial' AND recruiter_relationship = 'family')::INT AS familyByFamily,
          count(*) FILTER (WHERE recruitment_method = 'familial' AND recruiter_relationship IS NOT NULL)::INT AS familial
        FROM cases`)
    // a register fills these for some cases only: the data-quality page must show partial completeness
    expect(s.status / s.n).toBeGreaterThan(0.85)
    expect(s.status / s.n).toBeLessThan(0.95)
    expect(s.screenedOut).toBe(0)
    expect(s.method / s.n).toBeGreaterThan(0.7)
    expect(s.method / s.n).toBeLessThan(0.8)
    expect(s.relation).toBeLessThan(s.method)
    expect(s.months / s.n).toBeGreaterThan(0.55)
    expect(s.months / s.n).toBeLessThan(0.65)
    expect(s.ageRec).toBeGreaterThan(0)
    expect(s.ageRec).toBeLessThan(s.months)
    expect(s.aboveAge).toBe(0)
    expect(s.tooLong).toBe(0)
    // recruited by family means a family recruiter
    expect(s.familyByFamily).toBe(s.familial)
  })

  it("every method is one the form of exploitation makes plausible (marriage brokers only for forced marriage)", async () => {
    const r = await one<{ broker: number; brokerOutsideMarriage: number }>(
      `SELECT count(*) FILTER (WHERE recruitment_method = 'marriage_broker')::INT AS broker,
              count(*) FILTER (WHERE recruitment_method = 'marriage_broker' AND exploitation_form <> 'forced_marriage')::INT AS brokerOutsideMarriage
         FROM cases`,
    )
    expect(r.broker).toBeGreaterThan(0)
    expect(r.brokerOutsideMarriage).toBe(0)
  })
})
