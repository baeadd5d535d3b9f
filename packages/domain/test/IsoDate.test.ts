import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as IsoDate from "../src/IsoDate.ts"

describe("IsoDate.isValid", () => {
  it("accepts exactly the real days written YYYY-MM-DD", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1000-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }),
        (d) => {
          expect(IsoDate.isValid(d.toISOString().slice(0, 10))).toBe(true)
        },
      ),
    )
    for (const bad of [
      "999x-01-01",
      "2024-1a-05",
      "2024-02-30",
      "2023-02-29",
      "2024-13-01",
      "2024-00-10",
      "2024-01-00",
      "24-01-01",
      "2024/01/01",
      "２０２４-01-01",
      " 2024-01-01",
    ]) {
      expect(IsoDate.isValid(bad), bad).toBe(false)
    }
    expect(IsoDate.isValid("2024-02-29")).toBe(true)
    expect(IsoDate.isValid("2000-02-29")).toBe(true)
    expect(IsoDate.isValid("1900-02-29")).toBe(false)
  })
  it("agrees with Date on random strings of the right shape", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9x]{4}-[0-9]{2}-[0-9]{2}$/), (s) => {
        const parsed = new Date(`${s}T00:00:00Z`)
        const viaDate =
          !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === s && s >= "1000"
        expect(IsoDate.isValid(s)).toBe(viaDate)
      }),
    )
  })
  it("computes ages by calendar", () => {
    expect(IsoDate.age("2006-03-15", "2024-03-14")).toBe(17)
    expect(IsoDate.age("2006-03-15", "2024-03-15")).toBe(18)
  })
})
