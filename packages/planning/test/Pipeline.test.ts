import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { flagLegalBasis, funnel, redFlagCounts, redFlags, stageDurations } from "../src/Pipeline.ts"
import { planningTablesForPublication } from "../src/Publication.ts"
import { type CaseFixture, loadCases, openMemory, type TestDb } from "./helpers.ts"

// Interim care lasts 2, 4, 10 and 20 days in LA01 -> median 7, p90 17 (quantile_cont: positions 1.5 and 2.7)
const cases: ReadonlyArray<CaseFixture> = [
  {
    case_id: "C1",
    victim_group: "local_lao",
    origin_province: "LA01",
    age_years: 15,
    identification_date: "2024-01-01",
    interim_care_date: "2024-01-01",
    assessment_date: "2024-01-03",
    bid_date: "2024-01-05",
    bid_outcome: "return_home",
    bid_decided_by: "mlsw",
    return_date: "2024-01-06",
    reintegration_date: "2024-01-10",
    follow_up_date: "2024-02-01",
  },
  {
    case_id: "C2",
    victim_group: "deported_lao",
    origin_province: "LA01",
    age_years: 16,
    identification_date: "2024-01-01",
    interim_care_date: "2024-01-01",
    assessment_date: "2024-01-05",
    return_date: "2024-01-08",
  },
  {
    case_id: "C3",
    victim_group: "repatriated_lao",
    origin_province: "LA01",
    age_years: 30,
    identification_date: "2024-02-01",
    interim_care_date: "2024-02-01",
    return_date: "2024-02-11",
    reintegration_date: "2024-02-15",
  },
  {
    case_id: "C4",
    victim_group: "local_lao",
    origin_province: "LA01",
    date_of_birth: "2010-06-01",
    // disputed: 13 by the date of birth, 19 by the recorded age (a lost-contact exit needs no BID)
    age_years: 19,
    identification_date: "2024-03-01",
    interim_care_date: "2024-03-01",
    exit_reason: "lost_contact",
    exit_date: "2024-03-21",
  },
  {
    case_id: "C5",
    victim_group: "intercepted",
    origin_province: "LA02",
    age_years: 22,
    identification_date: "2024-04-01",
    exit_reason: "re_trafficked",
    exit_date: "2024-05-01",
  },
  // 17 at identification (18th birthday the next day); BID only after the return
  {
    case_id: "C6",
    victim_group: "local_lao",
    origin_district: "LA0205",
    date_of_birth: "2006-04-02",
    identification_date: "2024-04-01",
    return_date: "2024-04-10",
    bid_date: "2024-04-12",
  },
  // 18 on the day of identification: an adult, no BID required
  {
    case_id: "C7",
    victim_group: "local_lao",
    origin_province: "LA02",
    date_of_birth: "2006-04-01",
    identification_date: "2024-04-01",
    return_date: "2024-04-10",
  },
]

let conn: TestDb
beforeAll(async () => {
  conn = await openMemory()
  await loadCases(conn, cases)
})
afterAll(async () => {
  await conn.close()
})

describe("funnel", () => {
  it("counts cases reaching each stage and exits by province of origin", async () => {
    const rows = await funnel(conn)
    expect(rows.map((r) => [r.province, r.kind, r.step, r.n])).toEqual([
      ["LA01", "stage", "identification", 4],
      ["LA01", "stage", "interim_care", 4],
      ["LA01", "stage", "assessment_bid", 2],
      ["LA01", "stage", "return_reception", 3],
      ["LA01", "stage", "reintegration", 2],
      ["LA01", "stage", "follow_up", 1],
      ["LA01", "exit", "lost_contact", 1],
      ["LA02", "stage", "identification", 3],
      ["LA02", "stage", "assessment_bid", 1],
      ["LA02", "stage", "return_reception", 2],
      ["LA02", "exit", "re_trafficked", 1],
    ])
  })
})

describe("stage durations", () => {
  it("gives hand-computed median and p90 days per stage", async () => {
    const rows = await stageDurations(conn)
    const national = (stage: string) => rows.find((r) => r.scope === "national" && r.stage === stage)
    expect(national("interim_care")).toEqual({
      scope: "national",
      province: null,
      stage: "interim_care",
      n: 4,
      median_days: 7,
      p90_days: 17,
    })
    // identification -> next date: 0,0,0,0 (interim the same day), 30 (C5 exit), 9, 9 (C6, C7 return)
    expect(national("identification")).toMatchObject({ n: 7, median_days: 0 })
    expect(national("identification")!.p90_days).toBeCloseTo(17.4, 10)
    expect(
      rows.find((r) => r.scope === "province" && r.province === "LA01" && r.stage === "interim_care"),
    ).toMatchObject({ n: 4, median_days: 7, p90_days: 17 })
  })

  it("agrees with a direct DuckDB query, and drops groups under the minimum size", async () => {
    const direct = await conn.query<{ m: number; p: number }>(
      `select quantile_cont(d, 0.5) as m, quantile_cont(d, 0.9) as p
       from (select date_diff('day', interim_care_date, least(coalesce(assessment_date, bid_date, return_date, exit_date), coalesce(return_date, exit_date, assessment_date))) as d
             from cases where interim_care_date is not null)`,
    )
    const interim = (await stageDurations(conn)).find(
      (r) => r.scope === "national" && r.stage === "interim_care",
    )!
    expect([interim.median_days, interim.p90_days]).toEqual([direct[0]!.m, direct[0]!.p])
    const big = await stageDurations(conn, { minGroupSize: 4 })
    expect(big.every((r) => r.n >= 4)).toBe(true)
    expect(big.map((r) => `${r.scope}:${r.province}:${r.stage}`)).toEqual([
      "national:null:identification",
      "national:null:interim_care",
      "province:LA01:identification",
      "province:LA01:interim_care",
    ])
  })
})

describe("red flags", () => {
  it("flags children returned without a prior BID, overdue follow-ups and repeat victims, with legal bases", async () => {
    const flags = await redFlags(conn, { asOf: "2024-12-31" })
    expect(flags.map((f) => [f.flag, f.caseId, f.province, f.detail])).toEqual([
      [
        "age_disputed",
        "C4",
        "LA01",
        "age_years 19 and the date of birth disagree on whether the person was under 18: treated as a child",
      ],
      ["child_returned_without_bid", "C2", "LA01", "no BID recorded"],
      ["child_returned_without_bid", "C6", "LA02", "BID recorded after the move out of care (2024-04-12)"],
      ["no_follow_up", "C3", "LA01", "no follow-up recorded"],
      ["repeat_victim", "C5", "LA02", "re-trafficked"],
    ])
    expect(flags[1]!.legalBasis).toEqual(flagLegalBasis.child_returned_without_bid)
    expect(flags[1]!.legalBasis).toContain("guideline_2010_sec7")
  })

  it("uses the follow-up period and the as-of date", async () => {
    const short = await redFlags(conn, { asOf: "2024-12-31", followUpDays: 20 })
    expect(short.filter((f) => f.flag === "no_follow_up").map((f) => [f.caseId, f.detail])).toEqual([
      ["C1", "first follow-up 22 days after reintegration"],
      ["C3", "no follow-up recorded"],
    ])
    // C3's 90 days end on 15 May: not yet overdue on 1 March
    expect((await redFlags(conn, { asOf: "2024-03-01" })).some((f) => f.flag === "no_follow_up")).toBe(false)
    await expect(redFlags(conn, { asOf: "2024-03-01", followUpDays: -1 })).rejects.toThrow(RangeError)
  })

  it("counts the same flags by province in DuckDB as redFlags lists (the publication's red_flag_counts)", async () => {
    for (const options of [{ asOf: "2024-12-31" }, { asOf: "2024-12-31", followUpDays: 20 }]) {
      const listed = new Map<string, number>()
      for (const f of await redFlags(conn, options))
        listed.set(`${f.province}|${f.flag}`, (listed.get(`${f.province}|${f.flag}`) ?? 0) + 1)
      const counted = new Map(
        (await redFlagCounts(conn, options)).map((r) => [`${r.province}|${r.flag}`, r.n]),
      )
      expect(counted).toEqual(listed)
    }
    expect(
      (await redFlagCounts(conn, { asOf: "2024-12-31", followUpDays: 20 })).find(
        (r) => r.flag === "no_follow_up",
      ),
    ).toEqual({ province: "LA01", flag: "no_follow_up", n: 2 })
    await expect(redFlagCounts(conn, { asOf: "31/12/2024" })).rejects.toThrow(RangeError)
  })
})

describe("planningTablesForPublication", () => {
  it("suppresses small cells as null (never 0) and leaks no case ids", async () => {
    const t = await planningTablesForPublication(conn, { threshold: 2, asOf: "2024-12-31" })
    expect(t.meta).toEqual({
      threshold: 2,
      window: { from: "2024-01-01", to: "2024-12-31" },
      followUpDays: 90,
      asOf: "2024-12-31",
    })
    expect(t.pipeline_funnel.find((r) => r.province === "LA01" && r.step === "follow_up")).toEqual({
      province: "LA01",
      kind: "stage",
      step: "follow_up",
      n: null,
      suppressed: true,
    })
    expect(
      t.pipeline_funnel.find((r) => r.province === "LA01" && r.step === "return_reception"),
    ).toMatchObject({ n: 3, suppressed: false })
    // LA01 January: C1 2 + 4 nights, C2 4 + 24 nights (return stay still open); April: C2 alone -> suppressed
    expect(t.bed_nights.find((r) => r.province === "LA01" && r.month === "2024-01")).toEqual({
      province: "LA01",
      month: "2024-01",
      nights: 34,
      cases: 2,
      suppressed: false,
    })
    expect(t.bed_nights.find((r) => r.province === "LA01" && r.month === "2024-04")).toMatchObject({
      nights: null,
      cases: null,
      suppressed: true,
    })
    expect(t.red_flag_counts.every((r) => r.suppressed && r.n === null)).toBe(true)
    expect(t.red_flag_counts.map((r) => [r.flag, r.province])).toEqual([
      ["child_returned_without_bid", "LA01"],
      ["child_returned_without_bid", "LA02"],
      ["age_disputed", "LA01"],
      ["no_follow_up", "LA01"],
      ["repeat_victim", "LA02"],
    ])
    expect(
      t.stage_durations.find(
        (r) => r.scope === "province" && r.province === "LA02" && r.stage === "identification",
      ),
    ).toMatchObject({ n: 3, suppressed: false })
    expect(JSON.stringify(t)).not.toMatch(/"C\d"|case_id/)
    const all = [...t.pipeline_funnel, ...t.bed_nights, ...t.red_flag_counts]
    expect(all.some((r) => Object.values(r).includes(0))).toBe(false)
  })
})
