import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  applyScenario,
  type BedNightRow,
  bedNights,
  bedNightsFromWarehouse,
  bedNightsWithCases,
  byProvinceMonth,
  type StageHistory,
  shortfall,
  staysOf,
} from "../src/BedNights.ts"
import { dayNumber, splitByMonth } from "../src/internal/dates.ts"
import { loadCases, openMemory, type TestDb } from "./helpers.ts"

const Q1 = { from: "2024-01-01", to: "2024-03-31" }

const histories: ReadonlyArray<StageHistory> = [
  // 28 Jan -> 3 Feb: nights 28,29,30,31 Jan and 1,2 Feb
  {
    victim_group: "local_lao",
    origin_province: "LA01",
    identification_date: "2024-01-27",
    interim_care_date: "2024-01-28",
    assessment_date: "2024-02-03",
  },
  // same-day interim care (no night); return 10 Feb -> reintegration 12 Feb in LA02 (from the district code)
  {
    victim_group: "local_lao",
    origin_district: "LA0203",
    identification_date: "2024-02-10",
    interim_care_date: "2024-02-10",
    assessment_date: "2024-02-10",
    return_date: "2024-02-10",
    reintegration_date: "2024-02-12",
  },
  // open-ended from 25 Mar: capped at 31 Mar (7 nights)
  {
    victim_group: "deported_lao",
    origin_province: "LA05",
    identification_date: "2024-03-25",
    interim_care_date: "2024-03-25",
  },
  // started before the window, ends at the BID on 2 Jan: only the night of 1 Jan counts, in the exploitation province
  {
    victim_group: "repatriated_lao",
    origin_province: "LA05",
    exploitation_district: "LA1601",
    identification_date: "2023-12-30",
    interim_care_date: "2023-12-30",
    bid_date: "2024-01-02",
  },
  // return without reintegration: ends at the exit on 5 Apr, window ends 31 Mar -> 30, 31 Mar
  {
    victim_group: "intercepted",
    origin_province: "LA05",
    identification_date: "2024-03-29",
    return_date: "2024-03-30",
    exit_reason: "lost_contact",
    exit_date: "2024-04-05",
  } as StageHistory,
  // no province known: still counted, province null
  {
    victim_group: "local_lao",
    identification_date: "2024-01-01",
    interim_care_date: "2024-01-01",
    closed_date: "2024-01-03",
  },
]

const expected: ReadonlyArray<BedNightRow> = [
  { province: "LA01", month: "2024-01", victim_group: "local_lao", stage: "interim_care", nights: 4 },
  { province: "LA01", month: "2024-02", victim_group: "local_lao", stage: "interim_care", nights: 2 },
  { province: "LA02", month: "2024-02", victim_group: "local_lao", stage: "return_reception", nights: 2 },
  { province: "LA05", month: "2024-03", victim_group: "deported_lao", stage: "interim_care", nights: 7 },
  { province: "LA05", month: "2024-03", victim_group: "intercepted", stage: "return_reception", nights: 2 },
  { province: "LA16", month: "2024-01", victim_group: "repatriated_lao", stage: "interim_care", nights: 1 },
  { province: null, month: "2024-01", victim_group: "local_lao", stage: "interim_care", nights: 2 },
]

const canonical = (rows: ReadonlyArray<BedNightRow>) =>
  [...rows].map((r) => ({ ...r })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

const day = fc
  .integer({ min: 0, max: 120 })
  .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
const maybeDay = fc.option(day, { nil: undefined })

/** A stage history in early 2024, each stage date present or not (`present` drops the missing), plus the given fields. */
const randomHistory = <F extends Record<string, fc.Arbitrary<unknown>>>(fields: F) =>
  fc.record({
    victim_group: fc.constantFrom("local_lao", "deported_lao", "intercepted"),
    origin_province: fc.option(fc.constantFrom("LA01", "LA05"), { nil: undefined }),
    identification_date: fc.constant("2024-01-01"),
    interim_care_date: maybeDay,
    assessment_date: maybeDay,
    bid_date: maybeDay,
    return_date: maybeDay,
    reintegration_date: maybeDay,
    follow_up_date: maybeDay,
    closed_date: maybeDay,
    exit_date: maybeDay,
    ...fields,
  })

/** The records without their undefined fields (absent columns, as loadCases expects). */
const present = (hs: ReadonlyArray<object>) =>
  hs.map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)))

describe("bedNights (pure)", () => {
  it("splits stays across months, counts no night for same-day stays, caps open stays at `to`", () => {
    expect(canonical(bedNights(histories, Q1))).toEqual(canonical(expected))
  })

  it("splits a stay across a year boundary (30 Dec -> 2 Jan: 2 nights in Dec, 1 in Jan)", () => {
    const rows = bedNights([histories[3]!], { from: "2023-12-01", to: "2024-01-31" })
    expect(rows.map((r) => [r.month, r.nights])).toEqual([
      ["2023-12", 2],
      ["2024-01", 1],
    ])
  })

  it("counts the night of `to` but not the night of the leaving day", () => {
    const h: StageHistory = {
      victim_group: "local_lao",
      origin_province: "LA01",
      identification_date: "2024-02-28",
      interim_care_date: "2024-02-28",
      assessment_date: "2024-03-01",
    }
    expect(bedNights([h], { from: "2024-02-01", to: "2024-02-29" }).map((r) => r.nights)).toEqual([2])
    expect(bedNights([h], { from: "2024-02-29", to: "2024-02-29" }).map((r) => r.nights)).toEqual([1])
    expect(bedNights([h], { from: "2024-03-01", to: "2024-03-31" })).toEqual([])
  })

  it("sums by province and month", () => {
    expect(byProvinceMonth(bedNights(histories, Q1)).find((r) => r.province === "LA05")).toEqual({
      province: "LA05",
      month: "2024-03",
      nights: 9,
    })
  })

  it("rejects a window that ends before it starts and dates that do not exist", () => {
    expect(() => bedNights(histories, { from: "2024-02-01", to: "2024-01-31" })).toThrow(RangeError)
    expect(() => bedNights(histories, { from: "2023-02-29", to: "2023-03-31" })).toThrow(RangeError)
  })
})

describe("scenario and shortfall", () => {
  it("applies group multipliers and one-off events transparently", () => {
    const rows = applyScenario(
      bedNights(histories, Q1),
      {
        multipliers: { deported_lao: 1.3 },
        events: [
          { label: "SEZ raid", province: "LA05", arrival: "2024-03-30", people: 20, averageStayNights: 5 },
        ],
      },
      Q1,
    )
    const deported = rows.find((r) => r.victim_group === "deported_lao")!
    expect(deported.baseNights).toBe(7)
    expect(deported.nights).toBeCloseTo(9.1, 10)
    expect(deported.explanation).toContain("x 1.3")
    const event = rows.filter((r) => r.explanation.startsWith("event"))
    // 30 and 31 March inside the window; 1-3 April fall outside it
    expect(event.map((r) => [r.province, r.month, r.nights, r.baseNights])).toEqual([
      ["LA05", "2024-03", 40, 0],
    ])
    const untouched = rows.find((r) => r.province === "LA01" && r.month === "2024-01")!
    expect(untouched).toMatchObject({ nights: 4, baseNights: 4, explanation: "measured" })
  })

  it("computes average occupied beds against places, per month inside the window", () => {
    const demand = [
      { province: "LA05", month: "2024-03", nights: 62 },
      { province: "LA05", month: "2024-01", nights: 17 },
      { province: null, month: "2024-01", nights: 100 },
    ]
    const rows = shortfall(
      demand,
      new Map([
        ["LA05", 1],
        ["LA01", 3],
      ]),
      { from: "2024-01-15", to: "2024-03-31" },
    )
    const la05 = rows.filter((r) => r.province === "LA05")
    expect(la05.map((r) => [r.month, r.days, r.averageOccupied, r.shortfall, r.occupancy])).toEqual([
      ["2024-01", 17, 1, 0, 1],
      ["2024-02", 29, 0, 0, 0],
      ["2024-03", 31, 2, 1, 2],
    ])
    expect(
      rows.filter((r) => r.province === "LA01").every((r) => r.demandNights === 0 && r.places === 3),
    ).toBe(true)
    expect(rows.some((r) => r.province === null)).toBe(false)
  })
})

describe("bed_nights_by_province_month.sql", () => {
  let conn: TestDb
  beforeAll(async () => {
    conn = await openMemory()
  })
  afterAll(async () => {
    await conn.close()
  })

  it("equals the pure function on the hand-made histories", async () => {
    await loadCases(conn, histories as never)
    expect(canonical(await bedNightsFromWarehouse(conn, Q1))).toEqual(canonical(expected))
  })

  it("equals the pure function on random histories", async () => {
    const history = randomHistory({
      exploitation_district: fc.option(fc.constantFrom("LA1601"), { nil: undefined }),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(history, { maxLength: 6 }), async (hs) => {
        const clean = present(hs) as unknown as StageHistory[]
        await loadCases(conn, clean as never)
        const window = { from: "2024-01-20", to: "2024-03-10" }
        expect(canonical(await bedNightsFromWarehouse(conn, window))).toEqual(
          canonical(bedNights(clean, window)),
        )
      }),
      { numRuns: 25 },
    )
  })
})

describe("bed_nights_cases_by_province_month.sql (the publication's bed_nights)", () => {
  let conn: TestDb
  beforeAll(async () => {
    conn = await openMemory()
  })
  afterAll(async () => {
    await conn.close()
  })

  /** The rules of `bedNights`, by province and month, with the distinct case ids behind each cell. */
  const reference = (
    hs: ReadonlyArray<StageHistory & { case_id: string }>,
    window: { from: string; to: string },
  ) => {
    const cells = new Map<
      string,
      { province: string | null; month: string; nights: number; ids: Set<string> }
    >()
    for (const h of hs)
      for (const stay of staysOf(h)) {
        const first = Math.max(dayNumber(stay.start), dayNumber(window.from))
        const last = Math.min(
          stay.end === null ? dayNumber(window.to) : dayNumber(stay.end) - 1,
          dayNumber(window.to),
        )
        for (const { month, nights } of splitByMonth(first, last)) {
          const k = `${stay.province}|${month}`
          const c = cells.get(k) ?? { province: stay.province, month, nights: 0, ids: new Set<string>() }
          c.nights += nights
          c.ids.add(h.case_id)
          cells.set(k, c)
        }
      }
    return [...cells.values()]
      .map((c) => ({ province: c.province, month: c.month, nights: c.nights, cases: c.ids.size }))
      .sort((a, b) => {
        const [p, q] = [a.province ?? "\uffff", b.province ?? "\uffff"]
        return p < q ? -1 : p > q ? 1 : a.month < b.month ? -1 : 1
      })
  }

  it("counts a case once in a cell where both its stays are, and an id two sources share once", async () => {
    const both = {
      victim_group: "local_lao",
      origin_province: "LA01",
      identification_date: "2024-01-02",
      interim_care_date: "2024-01-02",
      return_date: "2024-01-10",
      reintegration_date: "2024-02-05",
    } as const
    await loadCases(conn, [
      { ...both, case_id: "A", source: "p1" },
      { ...both, case_id: "A", source: "p2" },
      { ...both, case_id: "B", source: "p1", exploitation_district: "LA0501" },
      { ...both, case_id: "C", source: "p1" },
    ])
    // January in LA01: A's and C's interim care (8 nights) and return (22), A's from both sources; B's return
    expect(await bedNightsWithCases(conn, Q1)).toEqual([
      { province: "LA01", month: "2024-01", nights: 112, cases: 3 },
      { province: "LA01", month: "2024-02", nights: 16, cases: 3 },
      { province: "LA05", month: "2024-01", nights: 8, cases: 1 },
    ])
  })

  it("equals the rules counted in JavaScript on random histories with shared ids", async () => {
    const history = randomHistory({
      case_id: fc.constantFrom("A", "B", "C", "D", "E", "F"),
      exploitation_district: fc.option(fc.constantFrom("LA0101", "LA1601"), { nil: undefined }),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(history, { maxLength: 8 }), async (hs) => {
        const clean = present(hs) as unknown as Array<StageHistory & { case_id: string }>
        await loadCases(conn, clean as never)
        const window = { from: "2024-01-20", to: "2024-03-10" }
        expect(await bedNightsWithCases(conn, window)).toEqual(reference(clean, window))
      }),
      { numRuns: 40 },
    )
  })
})
