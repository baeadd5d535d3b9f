import { describe, expect, it } from "vitest"
import { formatDate, formatNumber, LAO_MONTHS } from "../src/lib/format.ts"

describe("locale formatting", () => {
  it("writes dates with Lao month names in the Lao UI (Intl, not by hand)", () => {
    expect(formatDate("lo", "2026-01-01T00:00:00Z")).toMatch(/ມັງກອນ/)
    expect(formatDate("en", "2026-01-01T00:00:00Z")).toBe("January 1, 2026")
  })

  it("the fallback month names are CLDR's (for browsers without Lao locale data)", () => {
    const f = new Intl.DateTimeFormat("lo", { month: "long", timeZone: "UTC" })
    expect(LAO_MONTHS).toEqual(
      Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2026, i, 15)))),
    )
  })

  it("never shows a broken date", () => {
    expect(formatDate("lo", "not a date")).toBe("not a date")
  })

  it("formats numbers by locale", () => {
    expect(formatNumber("en", 12345)).toBe("12,345")
    expect(formatNumber("lo", 12345)).toMatch(/12.345/)
  })
})
