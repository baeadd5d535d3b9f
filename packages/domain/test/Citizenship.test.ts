import { readFileSync } from "node:fs"
import * as Result from "effect/Result"
import * as fc from "fast-check"
import countries from "i18n-iso-countries"
import { describe, expect, it } from "vitest"
import { isoCountriesFile, isoCountriesSource } from "../scripts/iso-countries.ts"
import * as CaseRow from "../src/CaseRow.ts"
import * as Citizenship from "../src/Citizenship.ts"
import * as Htcds from "../src/formats/Htcds.ts"
import * as Place from "../src/Place.ts"
import { caseRow, issues, roundTrip, verdicts, xlsForm } from "./rows.ts"

describe("Citizenship", () => {
  it("the committed ISO 3166-1 list is what scripts/iso-countries.ts generates from i18n-iso-countries", () => {
    expect(readFileSync(isoCountriesFile, "utf8")).toBe(isoCountriesSource())
  })

  it("is every ISO 3166-1 country (alpha-3), plus stateless and unknown", () => {
    const alpha3 = countries.getAlpha3Codes() as Record<string, string>
    const iso3 = Object.keys(alpha3).filter((c) => alpha3[c] !== "XK")
    expect(iso3).toHaveLength(249)
    expect([...Place.CountryCode.literals].sort()).toEqual([...iso3].sort())
    expect(Citizenship.codes).toHaveLength(251)
    expect(Citizenship.codes.slice(-2)).toEqual(["stateless", "unknown"])
    // the curated countries keep their names, variants and Lao names
    expect(Place.country("LAO").nameLo).toBe("ລາວ")
    expect(Place.country("THA").neighbour).toBe(true)
  })

  it("every citizenship an older file used still decodes; any other ISO country, stateless and unknown too", () => {
    for (const code of [
      "LAO",
      "THA",
      "CHN",
      "VNM",
      "MMR",
      "KHM",
      "MYS",
      "KOR",
      "FJI",
      "NOR",
      "stateless",
      "unknown",
    ])
      expect(verdicts(caseRow({ citizenship: code })), code).toEqual({
        schema: true,
        fast: true,
        quick: true,
        form: true,
      })
    expect(issues(caseRow({ citizenship: "XXX" }))[0]!.path).toBe("citizenship")
  })

  it("stateless and unknown are citizenships, not destinations", () => {
    expect(verdicts(caseRow({ destination_country: "stateless" })).quick).toBe(false)
    expect(verdicts(caseRow({ destination_country: "unknown" })).quick).toBe(false)
    expect(verdicts(caseRow({ destination_country: "FJI" })).quick).toBe(true)
  })

  it("find: codes, names, ICAO XXA/XXX, ambiguous names with their candidates; never throws", () => {
    expect(Citizenship.find("LAO")).toEqual(Result.succeed("LAO"))
    expect(Citizenship.find("la")).toEqual(Result.succeed("LAO"))
    expect(Citizenship.find(" Stateless ")).toEqual(Result.succeed("stateless"))
    expect(Citizenship.find("XXA")).toEqual(Result.succeed("stateless"))
    expect(Citizenship.find("XXX")).toEqual(Result.succeed("unknown"))
    expect(Citizenship.find("Norway")).toEqual(Result.succeed("NOR"))
    const congo = Citizenship.find("Congo")
    expect(Result.isFailure(congo) && [...congo.failure.candidates].sort()).toEqual(["COD", "COG"])
    const none = Citizenship.find("Atlantis")
    expect(Result.isFailure(none) && none.failure.message).toBe(
      '"Atlantis" is not a country, "stateless" or "unknown"',
    )
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = Citizenship.find(x)
        expect(Result.isSuccess(r) || r.failure._tag === "CitizenshipNotFound").toBe(true)
      }),
    )
  })

  it.each(["LAO", "NOR", "stateless", "unknown"])("%s round-trips through Case and HTCDS", (code) => {
    const row = caseRow({ citizenship: code })
    const { case: c, row: back } = roundTrip(row)
    expect(c.victim.citizenship).toBe(code)
    expect(back).toEqual(row)
    const htcds = Htcds.fromCaseRow(back)
    expect(htcds.prs_Citizenship).toBe(
      Citizenship.isCountry(code as never) ? Place.country(code as never).iso2 : "",
    )
    expect(htcds.lao_citizenship).toBe(Citizenship.isCountry(code as never) ? "" : code)
    expect(Htcds.toCaseRowCells(htcds).citizenship).toBe(code)
  })

  it("the XLSForm lists every citizenship with an autocomplete, the JSON Schema every code", () => {
    const q = xlsForm("citizenship", "citizenship")
    expect(q.type).toBe("select_one citizenship")
    expect(q.choices).toEqual([...Citizenship.codes])
    const schema = JSON.parse(
      readFileSync(new URL("../json-schema/CaseRow.schema.json", import.meta.url), "utf8"),
    )
    expect(schema.$defs.CaseRow.properties.citizenship.allOf[0].enum).toEqual([...Citizenship.codes])
    expect(CaseRow.columnSpecs.citizenship.vocabulary).toBe("Citizenship")
  })
})
