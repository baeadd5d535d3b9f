import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { coveredDistricts, parseCpnCoverage } from "../src/CpnCoverage.ts"
import { fromDomain } from "../src/Gazetteer.ts"
import { parseShelters, placesByProvince } from "../src/Shelters.ts"
import { tinyPlaces } from "./helpers.ts"

const cpnHeader = "district_code,district_name,province,status,since_year,source,illustrative"

describe("parseCpnCoverage", () => {
  it("resolves codes and names (any spelling, province to disambiguate)", () => {
    const text = [
      "# ILLUSTRATIVE example",
      cpnHeader,
      "LA9001,,,active,2009,pilot,yes",
      ",saysettha,LA90,planned,,,yes",
      ",Xaysetha,Otherprovince,active,,,no",
    ].join("\n")
    const { rows, errors } = parseCpnCoverage(text, tinyPlaces)
    expect(errors).toEqual([])
    expect(rows).toEqual([
      {
        district: "LA9001",
        province: "LA90",
        status: "active",
        sinceYear: 2009,
        source: "pilot",
        illustrative: true,
      },
      { district: "LA9002", province: "LA90", status: "planned", source: "", illustrative: true },
      { district: "LA9101", province: "LA91", status: "active", source: "", illustrative: false },
    ])
    expect([...coveredDistricts(rows)]).toEqual(["LA9001", "LA9101"])
  })

  it("reports every bad row with its line, column and reason, and lets none through", () => {
    const text = [
      cpnHeader,
      "LA9999,,,active,,,yes", // line 2: unknown code
      ",Nowhere,,active,,,yes", // line 3: unknown name
      ",Xaysetha,,active,,,yes", // line 4: ambiguous
      "LA9001,,,maybe,20x9,,yes", // line 5: bad status and year
      "LA9001,Gamma,,active,,,yes", // line 6: code and name disagree
      "LA9003,,LA91,active,,,yes", // line 7: wrong province
      "LA9003,,,active,,,yes", // line 8: fine
      "LA9003,,,active,,,yes", // line 9: duplicate
    ].join("\n")
    const { rows, errors } = parseCpnCoverage(text, tinyPlaces)
    expect(rows.map((r) => r.district)).toEqual(["LA9003"])
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, "district_code"],
      [3, "district_name"],
      [4, "district_name"],
      [5, "status"],
      [5, "since_year"],
      [6, "district_code"],
      [7, "district_code"],
      [9, "district_code"],
    ])
    expect(errors[0]!.reason).toBe("unknown district code LA9999")
    expect(errors[2]!.reason).toContain("ambiguous (LA9002, LA9101)")
    expect(errors[5]!.reason).toContain('is Alpha, not "Gamma"')
    expect(errors[6]!.reason).toContain("is in LA90, not LA91")
    expect(errors[7]!.reason).toContain("already listed on line 8")
  })

  it("reports missing columns once", () => {
    expect(parseCpnCoverage("district_code,status\nLA9001,active", tinyPlaces).errors).toEqual([
      { row: 1, field: "district_name", reason: "missing column in the header row" },
      { row: 1, field: "province", reason: "missing column in the header row" },
    ])
  })
})

describe("parseShelters", () => {
  const header = "shelter_id,name,province,district,places,operator,illustrative"
  it("parses places by province and reports bad rows", () => {
    const text = [
      header,
      "S1,Shelter A (illustrative),LA90,Alpha,12,lwu,yes",
      "S2,Shelter B (illustrative),Test Province,,8,afesip,yes",
      "S3,Shelter C,LA90,LA9101,5,lwu,yes", // district in another province
      "S4,Shelter D,LA99,,5,lwu,yes", // unknown province
      "S5,Shelter E,LA90,,-1,someone,yes", // bad places and operator
      "S1,Shelter F,LA91,,3,mlsw,no", // duplicate id
    ].join("\n")
    const { rows, errors } = parseShelters(text, tinyPlaces)
    expect(rows).toEqual([
      {
        id: "S1",
        name: "Shelter A (illustrative)",
        province: "LA90",
        district: "LA9001",
        places: 12,
        operator: "lwu",
        illustrative: true,
      },
      {
        id: "S2",
        name: "Shelter B (illustrative)",
        province: "LA90",
        places: 8,
        operator: "afesip",
        illustrative: true,
      },
    ])
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [4, "district"],
      [5, "province"],
      [6, "places"],
      [6, "operator"],
      [7, "shelter_id"],
    ])
    expect([...placesByProvince(rows)]).toEqual([["LA90", 20]])
  })
})

describe("example input files", () => {
  it("are labelled illustrative in every row", () => {
    for (const file of ["cpn-coverage.example.csv", "shelters.example.csv", "unit-costs.example.csv"]) {
      const text = readFileSync(new URL(`../../../data/planning/${file}`, import.meta.url), "utf8")
      expect(text.startsWith("# ILLUSTRATIVE")).toBe(true)
      const lines = text.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"))
      expect(lines.slice(1).every((l) => l.trimEnd().endsWith(",yes"))).toBe(true)
    }
  })
})

describe("example files against the domain's reference places", () => {
  it("parse with no row errors: 15 CPN districts in 5 provinces, 6 shelters", () => {
    const places = fromDomain()
    const read = (f: string) => readFileSync(new URL(`../../../data/planning/${f}`, import.meta.url), "utf8")
    const cpn = parseCpnCoverage(read("cpn-coverage.example.csv"), places)
    expect(cpn.errors).toEqual([])
    expect(cpn.rows).toHaveLength(15)
    expect(new Set(cpn.rows.map((r) => r.province)).size).toBe(5)
    expect(cpn.rows.find((r) => r.status === "planned")?.district).toBe("LA1701")
    const shelters = parseShelters(read("shelters.example.csv"), places)
    expect(shelters.errors).toEqual([])
    expect(shelters.rows).toHaveLength(6)
  })

  it("resolves a repeated district name only with its province", () => {
    const places = fromDomain()
    const text = `${cpnHeader}\n,Xaysetha,,active,,,yes\n,Xaysetha,Attapeu,active,,,yes`
    const { rows, errors } = parseCpnCoverage(text, places)
    expect(rows.map((r) => r.district)).toEqual(["LA1701"])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ row: 2, field: "district_name" })
    expect(errors[0]!.reason).toContain("LA0103")
  })
})
