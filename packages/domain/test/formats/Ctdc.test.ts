import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Exploitation from "../../src/Exploitation.ts"
import * as Ctdc from "../../src/formats/Ctdc.ts"
import * as Person from "../../src/Person.ts"
import { validRow } from "../arbitraries.ts"

describe("Ctdc layouts", () => {
  it("has the 27 variables of the 2024 synthetic dataset and the legacy 62 (+ Datasource)", () => {
    expect(Ctdc.syntheticVariables).toHaveLength(27)
    expect(new Set(Ctdc.syntheticVariables).size).toBe(27)
    expect(Ctdc.legacyVariables).toHaveLength(63)
    expect(new Set(Ctdc.legacyVariables).size).toBe(63)
    expect(Ctdc.detectLayout(Ctdc.syntheticVariables)).toBe("synthetic2024")
    expect(Ctdc.detectLayout(Ctdc.legacyVariables)).toBe("legacy")
    expect(Ctdc.detectLayout(["case_id"])).toBeUndefined()
  })
})

describe("Ctdc crosswalk, cell by cell", () => {
  it("gender", () => {
    expect(Ctdc.sexToGender).toEqual({
      female: "Woman",
      male: "Man",
      transgender_woman: "Trans/Transgender/NonConforming",
      transgender_man: "Trans/Transgender/NonConforming",
      non_binary: "Trans/Transgender/NonConforming",
      unknown: "",
    })
  })

  it("age bands, written as CTDC writes them and read from every spelling", () => {
    const written: Record<Person.AgeBand, string> = {
      "0-8": "0--8",
      "9-17": "9--17",
      "18-20": "18--20",
      "21-23": "21--23",
      "24-26": "24--26",
      "27-29": "27--29",
      "30-38": "30--38",
      "39-47": "39--47",
      "48+": "48+",
      unknown: "",
    }
    for (const band of Person.ageBandCodes) {
      expect(Ctdc.ageBandToCtdc(band)).toBe(written[band])
      expect(Ctdc.ageBandFromCtdc(written[band])).toBe(band)
    }
    expect(Ctdc.ageBandFromCtdc("9-17")).toBe("9-17")
    expect(Ctdc.ageBandFromCtdc("09--17")).toBe("9-17")
    expect(Ctdc.ageBandFromCtdc("9\u201417")).toBe("9-17")
    expect(Ctdc.ageBandFromCtdc("10--17")).toBe("unknown")
  })

  it("means of control: each of our codes sets at most one flag; every flag listed", () => {
    const expected: Record<Exploitation.MeansOfControl, string | null> = {
      debt_bondage: "meansDebtBondageEarnings",
      takes_earnings: "meansDebtBondageEarnings",
      restricts_movement: "meansDenyBasicNeeds",
      threats: "meansThreats",
      physical_abuse: "meansAbusePsyPhySex",
      sexual_abuse: "meansAbusePsyPhySex",
      psychological_abuse: "meansAbusePsyPhySex",
      withholds_documents: "meansWithholdDocs",
      withholds_necessities: "meansDenyBasicNeeds",
      false_promises: "meansFalsePromises",
      drugs_alcohol: "meansDrugsAlcohol",
      threats_law_enforcement: "meansThreats",
      threatens_family: "meansThreats",
      excessive_working_hours: "meansExcessiveWorkHours",
      restricts_medical_care: "meansDenyBasicNeeds",
      restricts_financial_access: "meansDebtBondageEarnings",
      limits_access_to_children: "meansThreats",
      other: null,
    }
    for (const code of Exploitation.meansCodes) {
      const flags = Ctdc.meansVariables.filter((v) => Ctdc.meansCrosswalk[v].includes(code))
      expect(flags, code).toEqual(expected[code] === null ? [] : [expected[code]])
    }
  })

  it("forms of exploitation: every known form sets exactly one is* flag, unknown none", () => {
    const expected: Record<Exploitation.ExploitationForm, string | null> = {
      sexual_exploitation: "isSexualExploit",
      forced_labour: "isForcedLabour",
      forced_marriage: "isOtherExploit",
      child_labour: "isForcedLabour",
      servitude: "isOtherExploit",
      forced_begging: "isForcedLabour",
      online_scam: "isOtherExploit",
      organ_removal: "isOtherExploit",
      forced_adoption: "isOtherExploit",
      surrogacy: "isOtherExploit",
      forced_military_service: "isOtherExploit",
      other: "isOtherExploit",
      unknown: null,
    }
    for (const form of Exploitation.formCodes)
      expect(
        Ctdc.exploitVariables.filter((v) => Ctdc.exploitCrosswalk[v].includes(form)),
        form,
      ).toEqual(expected[form] === null ? [] : [expected[form]])
  })

  it("industries set a sector flag only for labour exploitation", () => {
    const row = (exploitation_form: string, industry: string) =>
      Ctdc.toSyntheticRow(Ctdc.fromCaseRow({ ...base, exploitation_form, industry }))
    const base = fc.sample(validRow, { numRuns: 1, seed: 11 })[0]!
    expect(row("forced_labour", "construction").typeOfLabourConstruction).toBe("1")
    expect(row("forced_labour", "agriculture").typeOfLabourAgriculture).toBe("1")
    expect(row("forced_labour", "domestic_work").typeOfLabourDomesticWork).toBe("1")
    expect(row("forced_labour", "hospitality").typeOfLabourHospitality).toBe("1")
    expect(row("forced_labour", "fishing").typeOfLabourAgriculture).toBe("")
    expect(row("sexual_exploitation", "hospitality").typeOfLabourHospitality).toBe("")
  })

  it("country of exploitation is LAO for internal exploitation with a district only", () => {
    const base = fc.sample(validRow, { numRuns: 1, seed: 5 })[0]!
    const r = Ctdc.fromCaseRow({ ...base, destination_country: "", exploitation_district: "LA0101" })
    expect(r.countryOfExploitation).toBe("LAO")
    const none = Ctdc.fromCaseRow({ ...base, destination_country: "", exploitation_district: "" })
    expect(none.countryOfExploitation).toBeNull()
  })
})

describe("Ctdc round trips", () => {
  it("CaseRow -> 2024 row -> record is the same record", () => {
    fc.assert(
      fc.property(validRow, (row) => {
        const record = Ctdc.fromCaseRow(row)
        const written = Ctdc.toSyntheticRow(record)
        expect(Object.keys(written)).toEqual([...Ctdc.syntheticVariables])
        for (const v of [...Ctdc.meansVariables, ...Ctdc.exploitVariables, ...Ctdc.labourVariables])
          expect(["", "1"]).toContain(written[v])
        expect(Ctdc.readSynthetic(written)).toEqual(record)
      }),
      { numRuns: 300 },
    )
  })

  it("reads the later sectorOf* spellings", () => {
    const r = Ctdc.readSynthetic({
      sectorOfLabourConstruction: "1",
      sectorOfSexProstitution: "1.0",
      gender: "Woman",
    })
    expect([...r.labour]).toEqual(["typeOfLabourConstruction"])
    expect([...r.sexTypes]).toEqual(["typeOfSexProstitution"])
    expect(r.sex).toBe("female")
  })

  it("reads a legacy row into the same record shape", () => {
    const legacy: Record<string, string> = Object.fromEntries(Ctdc.legacyVariables.map((v) => [v, "-99"]))
    Object.assign(legacy, {
      yearOfRegistration: "2016",
      Datasource: "Case Management",
      gender: "Female",
      ageBroad: "9--17",
      majorityStatus: "Minor",
      citizenship: "LA",
      CountryOfExploitation: "TH",
      meansOfControlDebtBondage: "1",
      meansOfControlRestrictsMedicalCare: "1",
      meansOfControlThreats: "0",
      isSexAndLabour: "1",
      typeOfLabourAgriculture: "1",
      typeOfLabourAquafarming: "1",
      recruiterRelationFamily: "1",
    })
    const r = Ctdc.readLegacy(legacy)
    expect(r).toEqual({
      yearOfRegistration: 2016,
      sex: "female",
      ageBand: "9-17",
      citizenship: "LAO",
      countryOfExploitation: "THA",
      traffickMonths: null,
      means: new Set(["meansDebtBondageEarnings", "meansDenyBasicNeeds"]),
      exploit: new Set(["isForcedLabour", "isSexualExploit"]),
      labour: new Set(["typeOfLabourAgriculture"]),
      sexTypes: new Set(),
      recruiter: new Set(["recruiterRelationFamily"]),
    })
  })

  it("reads headers in any case, Transgender/NonConforming, ZZ as unknown and every legacy means label", () => {
    const r = Ctdc.readSynthetic({
      YEAROFREGISTRATION: "2021",
      Gender: "Transgender/NonConforming",
      citizenship: "ZZ",
      CountryofExploitation: "TH",
      meansdebtbondageearnings: "1",
    })
    expect(r).toMatchObject({
      yearOfRegistration: 2021,
      sex: "non_binary",
      citizenship: null,
      countryOfExploitation: "THA",
    })
    expect([...r.means]).toEqual(["meansDebtBondageEarnings"])
    expect(Ctdc.detectLayout(["yearofregistration", "MEANSOFCONTROLCONCATENATED"])).toBe("legacy")
    const labels = [
      "Debt bondage",
      "Takes earnings",
      "Restricts financial access",
      "Threats",
      "Psychological abuse",
      "Physical abuse",
      "Sexual abuse",
      "False promises",
      "Psychoactive substances",
      "Restricts movement",
      "Restricts medical care",
      "Excessive working hours",
      "Uses children",
      "Threat of law enforcement",
      "Withholds necessities",
      "Withholds documents",
      "Other",
      "Not specified",
    ]
    expect(Ctdc.legacyMeansLabels(labels.join(";")).unknown).toEqual([])
    expect(Ctdc.legacyMeansLabels("Debt bondage; Magic").unknown).toEqual(["Magic"])
    const legacy = Ctdc.readLegacy({ gender: "Female", meansOfControlConcatenated: labels.join(";") })
    expect(legacy.means).toEqual(new Set(Ctdc.meansVariables))
  })

  it("falls back to the concatenated legacy columns when the flags are missing", () => {
    const r = Ctdc.readLegacy({
      gender: "Male",
      citizenship: "00",
      typeOfExploitConcatenated: "Forced labour",
      meansOfControlConcatenated: "Debt bondage;Psychoactive substances",
    })
    expect([...r.exploit]).toEqual(["isForcedLabour"])
    expect(r.means).toEqual(new Set(["meansDebtBondageEarnings", "meansDrugsAlcohol"]))
    expect(r.citizenship).toBeNull()
    expect(r.sex).toBe("male")
  })
})

describe("Ctdc publication threshold", () => {
  const row = (over: Partial<Ctdc.SyntheticRow>): Ctdc.SyntheticRow =>
    ({ ...Object.fromEntries(Ctdc.syntheticVariables.map((v) => [v, ""])), ...over }) as Ctdc.SyntheticRow

  it("releases groups of k exactly, generalises small groups, drops what stays small", () => {
    const common = {
      yearOfRegistration: "2020",
      gender: "Woman",
      citizenship: "LAO",
      CountryOfExploitation: "THA",
    }
    const rows = [
      ...Array.from({ length: 10 }, () => row({ ...common, ageBroad: "9--17" })),
      ...Array.from({ length: 6 }, () => row({ ...common, ageBroad: "18--20" })),
      ...Array.from({ length: 4 }, () => row({ ...common, ageBroad: "21--23" })),
      row({
        yearOfRegistration: "2021",
        gender: "Man",
        ageBroad: "48+",
        citizenship: "VNM",
        CountryOfExploitation: "LAO",
      }),
    ]
    const { rows: out, summary } = Ctdc.applyThreshold(rows, 10)
    expect(summary).toMatchObject({ k: 10, input: 21, released: 20, dropped: 1, smallestGroup: 10 })
    expect(summary.byStep.map((s) => s.records)).toEqual([10, 10, 0, 0])
    expect(out.filter((r) => r.ageBroad === "9--17")).toHaveLength(10)
    expect(out.filter((r) => r.ageBroad === "")).toHaveLength(10)
    expect(out.some((r) => r.citizenship === "VNM")).toBe(false)
  })

  it("every released combination of quasi-identifiers has at least k rows (any k)", () => {
    const cell = (values: ReadonlyArray<string>) => fc.constantFrom(...values)
    const arb = fc.array(
      fc.record({
        yearOfRegistration: cell(["2019", "2020"]),
        gender: cell(["Woman", "Man", ""]),
        ageBroad: cell(["9--17", "18--20", "48+"]),
        citizenship: cell(["LAO", "VNM"]),
        CountryOfExploitation: cell(["THA", "CHN", ""]),
      }),
      { maxLength: 200 },
    )
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 15 }), (qis, k) => {
        const { rows: out, summary } = Ctdc.applyThreshold(qis.map(row), k)
        expect(summary.released + summary.dropped).toBe(qis.length)
        const sizes = new Map<string, number>()
        for (const r of out) {
          const key = Ctdc.quasiIdentifiers.map((q) => r[q]).join("|")
          sizes.set(key, (sizes.get(key) ?? 0) + 1)
        }
        for (const n of sizes.values()) expect(n).toBeGreaterThanOrEqual(k)
      }),
    )
  })

  it("rejects a k that is not a positive integer", () => {
    expect(() => Ctdc.applyThreshold([], 0)).toThrow(/positive integer/)
  })
})
