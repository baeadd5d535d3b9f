/**
 * Every table planning hands to the publish step (and the planners' direct reads that share their
 * SQL), over a seeded 4,000-case `cases` table, against SHA-256 digests written by the code before
 * the 1M-case speed-up of the bed-night, stage-duration and red-flag queries (issue 22): a rewrite
 * for speed must publish the same rows, in the same order, to the last bit.
 */
import { createHash } from "node:crypto"
import { Place, VictimGroup } from "@lao-protect/domain"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { areaEstimatesFromWarehouse } from "../src/AreaEstimates.ts"
import { bedNightsFromWarehouse } from "../src/BedNights.ts"
import { fromDomain } from "../src/Gazetteer.ts"
import { redFlags, stageDurations } from "../src/Pipeline.ts"
import { planningTablesForPublication } from "../src/Publication.ts"
import { shelterTablesForPublication } from "../src/ShelterDemand.ts"
import { loadCases, openMemory, type TestDb } from "./helpers.ts"

/** mulberry32: a small seeded generator, so the cases are the same on every machine. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * Stage histories with the shapes the queries must get right: missing and same-day dates, a date
 * before identification, open stays, both stays of a case in one province and month, no known
 * province, disputed ages, and 2% of case ids held by a second source (counted once per cell).
 */
function seededCases(n: number, seed: number): Array<Record<string, string | number | null>> {
  const r = seeded(seed)
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(r() * xs.length)]!
  const districts = Place.provinces.flatMap((p) => Place.districtsOf(p.code).map((d) => d.code))
  const exits = ["declined_assistance", "lost_contact", "re_trafficked", "referred_elsewhere"]
  const out: Array<Record<string, string | number | null>> = []
  for (let i = 0; i < n; i++) {
    const shared = i > 0 && r() < 0.02
    const id = Date.UTC(2016, 0, 1) + Math.floor(r() * 6 * 365) * DAY
    let last = id
    const next = (p: number) => {
      if (r() >= p) return null
      if (r() < 0.05) return iso(id - Math.floor(r() * 30) * DAY)
      last += Math.floor(r() ** 2 * 200) * DAY
      return iso(last)
    }
    const origin = r()
    const district = pick(districts)
    const age = r()
    const bid = r() < 0.6
    const exit = r() < 0.15
    const row = {
      case_id: `P${i}`,
      source: "partner_a",
      identification_date: iso(id),
      victim_group: pick(VictimGroup.codes),
      origin_province: origin < 0.1 ? district.slice(0, 4) : null,
      origin_district: origin >= 0.18 ? district : null,
      exploitation_district: r() < 0.25 ? pick(districts) : null,
      age_years: age < 0.3 ? null : age < 0.4 ? null : 10 + Math.floor(r() * 30),
      date_of_birth:
        age < 0.3 || (age >= 0.4 && r() < 0.2) ? iso(id - Math.floor((8 + r() * 30) * 365.25) * DAY) : null,
      interim_care_date: next(0.7),
      assessment_date: next(0.5),
      bid_date: bid ? next(1) : null,
      bid_outcome: bid && r() < 0.8 ? "return_home" : null,
      bid_decided_by: bid && r() < 0.8 ? "mlsw" : null,
      return_date: next(0.6),
      reintegration_date: next(0.5),
      follow_up_date: next(0.4),
      closed_date: next(0.2),
      exit_reason: exit ? pick(exits) : null,
      exit_date: exit ? next(1) : null,
    }
    // a case a second partner also reported: the same id and history, from another source
    out.push(shared ? { ...out[Math.floor(r() * i)]!, source: "partner_b" } : row)
  }
  return out
}

const CASES = 4000
const THRESHOLD = 5

/** Written by the code before the speed-up (commit cd1942c) over the same cases. */
const expected: Record<string, { rows: number; sha256: string }> = {
  pipeline_funnel: { rows: 190, sha256: "7a06f7172d769766e9fde7df54fe29aaa3549cbb16a215860a3576249485deee" },
  stage_durations: { rows: 120, sha256: "feed1ea9a2a97c688ccf1ed235c4a3158b0afa78518b10cc460dd8b68ddecd81" },
  bed_nights: { rows: 1349, sha256: "201ce3adbc1646efe29f72a5172bf6f5824a7b7cec7f4cc7aa581f06285d7329" },
  red_flag_counts: { rows: 76, sha256: "a1e7dca7524ff6f60485bd9e13db8ef26fbb497c9804ecb7cc8ae3113da8838f" },
  shelter_demand: { rows: 810, sha256: "44fe28baa89e9d5eb05d3c5405df10640cbd395a52752b0d1ed7d35e93f63be7" },
  shelter_forecast: { rows: 76, sha256: "eff75626950f6899a4783861dc2d9aef33d08bda33baf973e04acbfbba933679" },
  length_of_stay: { rows: 36, sha256: "33cf3b35799f1d10141377ec202fa543dbd730402145744b0d30aa2f7ebd3446" },
  shelter_backtest: { rows: 6, sha256: "d5f0a8b81ce148fc33c93ea5cfca4958ef563bf0a5e87ba9ef926934a728e1eb" },
  area_estimates: { rows: 2988, sha256: "2fd59a57dc425ea61ebcfd1884bcc17a0fa97d3a22dfc385548cfc8de036101d" },
  bed_nights_detail: {
    rows: 12090,
    sha256: "8d09918c4c7bb3f43bebdf151a22018e1741b495e6dee0948d284c413e8f433b",
  },
  stage_durations_all: {
    rows: 120,
    sha256: "d80de6da6acd03528a1f1e05deb385f48f4f6e6ed69456948b48a096edc91010",
  },
  red_flags: { rows: 2757, sha256: "08efd0342f0f2e411e70d28a3ea732be21e6d122d02265f60ba832d9cccea6a2" },
}

const digest = (rows: unknown) => createHash("sha256").update(JSON.stringify(rows)).digest("hex")

describe("the publication's planning and estimate tables", () => {
  let db: TestDb
  beforeAll(async () => {
    db = await openMemory()
    await loadCasesInBulk(db, seededCases(CASES, 20261206))
  })
  afterAll(() => db.close())

  it("are the rows the code before the speed-up published", async () => {
    const planning = await planningTablesForPublication(db, { threshold: THRESHOLD })
    const flags = await redFlags(db, { asOf: planning.meta.asOf })
    const shelter = await shelterTablesForPublication(db, { threshold: THRESHOLD })
    const tables: Record<string, ReadonlyArray<unknown>> = {
      pipeline_funnel: planning.pipeline_funnel,
      stage_durations: planning.stage_durations,
      bed_nights: planning.bed_nights,
      red_flag_counts: planning.red_flag_counts,
      ...shelter,
      area_estimates: await areaEstimatesFromWarehouse(db, fromDomain(), { threshold: THRESHOLD }),
      bed_nights_detail: await bedNightsFromWarehouse(db, planning.meta.window),
      stage_durations_all: await stageDurations(db),
      // the list is ordered by flag, province and case id: two rows of one id (two sources) may come
      // either way, so its digest is over the rows in text order, and its order is checked below
      red_flags: flags.map((f) => JSON.stringify(f)).sort(),
    }
    const got = Object.fromEntries(
      Object.entries(tables).map(([name, rows]) => [name, { rows: rows.length, sha256: digest(rows) }]),
    )
    console.log(JSON.stringify(got, null, 2))
    expect(got).toEqual(expected)
    const key = (f: (typeof flags)[number]) => [f.flag, f.province ?? "\uffff", f.caseId] as const
    for (let i = 1; i < flags.length; i++) {
      const [a, b] = [key(flags[i - 1]!), key(flags[i]!)]
      expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])))).toBe(true)
    }
  })
})

/** One INSERT of literal rows (loadCases binds one row at a time). */
async function loadCasesInBulk(db: TestDb, rows: ReadonlyArray<Record<string, string | number | null>>) {
  await loadCases(db, [])
  const names = Object.keys(rows[0]!)
  const literal = (v: string | number | null) =>
    v === null ? "null" : typeof v === "number" ? String(v) : `'${v.replaceAll("'", "''")}'`
  await db.exec(
    `insert into cases (${names.join(", ")}) values ${rows
      .map((row) => `(${names.map((n) => literal(row[n] ?? null)).join(", ")})`)
      .join(",\n")}`,
  )
}
