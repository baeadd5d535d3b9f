import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { budget, budgetCsv, type CaseMixRow, parseUnitCosts, serviceDemand } from "../src/ServiceDemand.ts"

const mix: ReadonlyArray<CaseMixRow> = [
  { victim_group: "local_lao", age: "child", cases: 10 },
  { victim_group: "deported_lao", age: "adult", cases: 20 },
  { victim_group: "foreign_in_lao", age: "unknown", cases: 5 },
]

describe("serviceDemand", () => {
  it("multiplies cases by shares and units, with group overrides", () => {
    const d = new Map(serviceDemand(mix).map((r) => [r.service, r]))
    // medical: 10 x 1 + 20 x 0.9 + 5 x 0.9 (unknown age -> adult rates)
    expect(d.get("medical")!.units).toBeCloseTo(32.5, 10)
    // follow-up visits: 10 x 1 x 4 + 20 x 1 x 3 + foreign victims 0
    expect(d.get("follow_up_visit")!.units).toBeCloseTo(100, 10)
    // family tracing: 10 x 0.8 + 20 x 0.3 + 5 x 1 (override)
    expect(d.get("family_tracing")).toMatchObject({ units: 19, cases: 19 })
    // counselling sessions: 10 x 8 + 20 x 0.8 x 6 + 5 x 0.8 x 6
    expect(d.get("psychological_counselling")!.units).toBeCloseTo(200, 10)
  })

  it("takes the planner's rates", () => {
    const d = serviceDemand(mix.slice(0, 1), {
      child: {
        ...Object.fromEntries(
          [
            "medical",
            "psychological_counselling",
            "legal_counselling",
            "family_tracing",
            "vocational_training",
            "follow_up_visit",
          ].map((s) => [s, { share: 0, unitsPerCase: 0 }]),
        ),
        legal_counselling: { share: 0.5, unitsPerCase: 2 },
      } as never,
      adult: {} as never,
    })
    expect(d.map((r) => r.units)).toEqual([0, 0, 10, 0, 0, 0])
  })
})

describe("unit costs and budget", () => {
  const example = readFileSync(
    new URL("../../../data/planning/unit-costs.example.csv", import.meta.url),
    "utf8",
  )

  it("parses the illustrative example file", () => {
    const { rows, errors } = parseUnitCosts(example)
    expect(errors).toEqual([])
    expect(rows.find((r) => r.service === "medical")).toEqual({
      service: "medical",
      unit: "case",
      usd: 60,
      lak: 1_290_000,
      notes: "initial examination and treatment",
      illustrative: true,
    })
  })

  it("reports bad rows", () => {
    const { rows, errors } = parseUnitCosts(
      "service,unit,usd,lak\nmassage,hour,5,100\nmedical,case,-1,abc\nmedical,case,1,2\nmedical,case,1,2",
    )
    expect(rows).toHaveLength(1)
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, "service"],
      [3, "usd"],
      [3, "lak"],
      [5, "service"],
    ])
  })

  it("builds a donor-readable budget with totals, and says what is missing", () => {
    const { rows } = parseUnitCosts(example)
    const lines = budget(
      [
        { service: "medical", units: 32.5 },
        { service: "shelter", units: 100 },
        { service: "social_counselling", units: 3 },
      ],
      rows,
    )
    expect(lines.map((l) => [l.service, l.units, l.unitCost, l.total])).toEqual([
      ["medical", 33, 60, 1980],
      ["shelter", 100, 12, 1200],
      ["social_counselling", 3, null, null],
      ["total", 0, null, 3180],
    ])
    expect(lines.at(-1)!.notes).toBe("incomplete: no cost for social_counselling")
    expect(budget([{ service: "medical", units: 2 }], rows, "LAK")[0]!.total).toBe(2_580_000)
    const csv = budgetCsv(lines)
    expect(csv.split("\r\n")[0]).toBe("\uFEFFservice,units,unit,unit_cost_usd,total_usd,notes")
    expect(csv.split("\r\n")[1]).toBe(
      "medical,33,case,60,1980,initial examination and treatment (illustrative cost)",
    )
  })
})
