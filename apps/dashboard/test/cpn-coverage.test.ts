import { readFileSync } from "node:fs"
import { CpnCoverage } from "@lao-protect/planning"
import { describe, expect, it } from "vitest"
import { coverageForMap, parseInput } from "../src/pages/planning/inputs.ts"

const example = readFileSync(
  new URL("../../../data/planning/cpn-coverage.example.csv", import.meta.url),
  "utf8",
)
const covered = (text: string) => [
  ...CpnCoverage.coveredDistricts(parseInput("cpn-coverage", text, "served").rows),
]

describe("the map's CPN coverage: the planning input and parser", () => {
  it("reads planning's documented file (banner comment, codes or names + province), not as empty", async () => {
    const districts = covered(example)
    expect(districts.length).toBeGreaterThanOrEqual(10)
    expect(districts).toContain("LA0601")
    expect(districts.every((d) => /^LA\d{4}$/.test(d))).toBe(true)
    // with nothing served the map draws the same list, labelled illustrative
    expect(await coverageForMap()).toEqual({ districts: [...districts].sort(), illustrative: true })
  })

  it("draws active networks only and leaves out a row planning rejects", () => {
    const text =
      "district_code,district_name,province,status\nLA0101,,LA01,active\n,Nambak,LA06,planned\nLA9999,,LA01,active\n"
    expect(covered(text)).toEqual(["LA0101"])
  })
})
