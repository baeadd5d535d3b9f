import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { parseCpnCsv } from "../src/data/release.ts"

const example = readFileSync(
  new URL("../../../data/planning/cpn-coverage.example.csv", import.meta.url),
  "utf8",
)

describe("the map's CPN coverage reader", () => {
  it("reads planning's documented file (banner comment, codes or names + province), not as empty", () => {
    const districts = parseCpnCsv(example)
    expect(districts.length).toBeGreaterThanOrEqual(10)
    expect(districts).toContain("LA0601")
    expect(districts.every((d) => /^LA\d{4}$/.test(d))).toBe(true)
  })

  it("resolves a district given by name and leaves out a row planning rejects", () => {
    const text =
      "district_code,district_name,province,status\nLA0101,,LA01,active\n,Nambak,LA06,planned\nLA9999,,LA01,active\n"
    const districts = parseCpnCsv(text)
    expect(districts).toHaveLength(2)
    expect(districts[0]).toBe("LA0101")
  })
})
