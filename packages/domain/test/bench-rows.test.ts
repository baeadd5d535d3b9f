/**
 * The decode benchmark's rows (bench/rows.ts) must follow the domain's current rules: when the
 * rules grew and the generator did not, most rows failed, the decoder took its slow path on them,
 * and the benchmark reported a 5x slowdown that was only stale data.
 */
import { describe, expect, it } from "vitest"
import { generateRows } from "../bench/rows.ts"
import { decodeCaseRow } from "../src/CaseRow.ts"

const validShare = (rows: ReadonlyArray<Record<string, string>>) =>
  rows.filter((r) => decodeCaseRow(r)._tag === "Success").length / rows.length

describe("bench rows", () => {
  it("are all valid when asked for no invalid ones", () => {
    expect(validShare(generateRows(3000, 7, 0))).toBe(1)
  })

  it("break one rule in about the share asked for", () => {
    const share = 1 - validShare(generateRows(3000, 7, 0.05))
    expect(share).toBeGreaterThan(0.03)
    expect(share).toBeLessThan(0.07)
  })
})
