import { describe, expect, it } from "vitest"
import { childBidConditions, jsonSchemas } from "../src/internal/jsonSchema.ts"
import { bypassRows } from "./safeguard-rows.ts"

describe("JSON Schema snapshots (json-schema/*.schema.json)", () => {
  for (const [name, document] of Object.entries(jsonSchemas())) {
    it(`${name} matches the committed file`, async () => {
      await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot(
        `../json-schema/${name}.schema.json`,
      )
    })
  }
})

// Just enough of JSON Schema for the if/then conditions (properties, const, enum, pattern,
// minLength, not, allOf), so the test does not trust its own generator.
type S = Record<string, unknown>
const holds = (s: S, v: unknown): boolean => {
  if (s.const !== undefined && v !== s.const) return false
  if (Array.isArray(s.enum) && !s.enum.includes(v)) return false
  if (typeof s.pattern === "string" && !(typeof v === "string" && new RegExp(s.pattern, "u").test(v)))
    return false
  if (typeof s.minLength === "number" && !(typeof v === "string" && v.length >= s.minLength)) return false
  if (s.not !== undefined && holds(s.not as S, v)) return false
  if (Array.isArray(s.allOf) && !s.allOf.every((x) => holds(x as S, v))) return false
  if (s.properties !== undefined)
    for (const [k, sub] of Object.entries(s.properties as Record<string, S>))
      if (!holds(sub, (v as Record<string, unknown>)[k])) return false
  if (s.if !== undefined && holds(s.if as S, v) && !holds(s.then as S, v)) return false
  return true
}

describe("CaseRow JSON Schema: the child BID rule where JSON Schema can express it", () => {
  const conditions = { allOf: childBidConditions() }
  it("refuses the bypasses that need no date arithmetic, and accepts them once the BID is complete", () => {
    const expressible = Object.entries(bypassRows).filter(
      ([, r]) => r.date_of_birth === "" && r.bid_date === "" && r.bid_outcome === "",
    )
    expect(expressible.length).toBeGreaterThanOrEqual(5)
    for (const [name, row] of expressible) {
      expect(holds(conditions, row), name).toBe(false)
      expect(
        holds(conditions, {
          ...row,
          bid_date: "2024-03-16",
          bid_outcome: "return_home",
          bid_decided_by: "mlsw",
        }),
        name,
      ).toBe(true)
    }
    // a lost-contact exit needs no BID; an adult needs none
    const base = bypassRows["a child exits by declining assistance without a BID"]!
    expect(holds(conditions, { ...base, exit_reason: "lost_contact" })).toBe(true)
    expect(holds(conditions, { ...base, age_years: "30" })).toBe(true)
  })
})
