import * as Result from "effect/Result"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Case from "../../src/Case.ts"
import * as CaseRow from "../../src/CaseRow.ts"
import * as Exploitation from "../../src/Exploitation.ts"
import * as Htcds from "../../src/formats/Htcds.ts"
import type * as Person from "../../src/Person.ts"
import { validRow } from "../arbitraries.ts"

const piiColumns: ReadonlyArray<CaseRow.ColumnName> = [
  "victim_name",
  "phone",
  "village",
  "notes",
  "date_of_birth",
]

describe("Htcds crosswalk", () => {
  it("has one row per CaseRow column, and every field it names is a sheet field", () => {
    expect(Htcds.crosswalk.map((r) => r.column).sort()).toEqual([...CaseRow.columnNames].sort())
    const fields = new Set(Htcds.fieldNames)
    for (const row of Htcds.crosswalk) {
      expect(row.htcds !== null || row.extension !== null, row.column).toBe(true)
      if (row.htcds !== null) expect(fields.has(row.htcds), row.htcds).toBe(true)
      if (row.extension !== null) expect(fields.has(row.extension), row.extension).toBe(true)
    }
  })

  it("names extension fields lao_* and HTCDS fields with the standard's prefixes", () => {
    for (const f of Htcds.fields) {
      if (f.kind === "extension") expect(f.field).toMatch(/^lao_[a-z0-9_]+$/)
      else expect(f.field).toMatch(/^(prs|vic|cas|per|hte|org|con)_[A-Z][A-Za-z]+$/)
    }
    expect(new Set(Htcds.fieldNames).size).toBe(Htcds.fieldNames.length)
  })

  it("maps sex to the IOM gender values, cell by cell, and back", () => {
    const expected: Record<Person.Sex, string> = {
      female: "Feminine",
      male: "Masculine",
      transgender_woman: "TransgenderFeminine",
      transgender_man: "TransgenderMasculine",
      non_binary: "NonConforming",
      unknown: "NonSpecifiedUnknown",
    }
    expect(Htcds.sexToGender).toEqual(expected)
    for (const [sex, gender] of Object.entries(expected))
      expect(Htcds.genderToSex[gender.toLowerCase()]).toBe(sex)
    expect(Htcds.genderToSex["transgender/nonconforming"]).toBe("non_binary")
  })

  it("maps forms of exploitation cell by cell; only online_scam and unknown need the extension", () => {
    const expected: Record<Exploitation.ExploitationForm, string> = {
      sexual_exploitation: "SexualExploitation",
      forced_labour: "ForcedLabour",
      forced_marriage: "ForcedMarriage",
      child_labour: "ChildLabour",
      servitude: "Servitude",
      forced_begging: "ForcedBegging",
      online_scam: "Other",
      organ_removal: "OrganRemoval",
      forced_adoption: "ForcedAdoption",
      surrogacy: "Surrogacy",
      forced_military_service: "ForcedMilitaryByNonStateActors",
      other: "Other",
      unknown: "Other",
    }
    expect(Htcds.formToType).toEqual(expected)
    const lossy = Exploitation.formCodes.filter((f) => Htcds.typeToForm[Htcds.formToType[f]] !== f)
    expect(lossy).toEqual(["online_scam", "unknown"])
    expect(Htcds.typeToForm.OrganRemoval).toBe("organ_removal")
  })

  it("maps industries to ISIC sections cell by cell", () => {
    expect(Htcds.industryToIsic).toEqual({
      fishing: "A_AgricultureForestryAndFishing",
      agriculture: "A_AgricultureForestryAndFishing",
      factory: "C_Manufacturing",
      construction: "F_Construction",
      domestic_work: "T_ActivitiesOfHouseholdsAsEmployers",
      entertainment: "R_ArtsEntertainmentAndRecreation",
      hospitality: "I_AccommodationAndFoodServiceActivities",
      scam_compound: "J_InformationAndCommunication",
      begging: "S_OtherServiceActivities",
      other: "S_OtherServiceActivities",
      unknown: "",
    })
    const lossy = Exploitation.industryCodes.filter(
      (i) => Htcds.isicToIndustry[Htcds.industryToIsic[i]] !== i,
    )
    expect(lossy).toEqual(["fishing", "begging", "unknown"])
  })

  it("maps every means of control to its own HTCDS method (lossless) and reads the toolkit's spellings", () => {
    const methods = Object.values(Htcds.meansToMethod)
    expect(new Set(methods).size).toBe(Exploitation.meansCodes.length)
    for (const m of Exploitation.meansCodes) expect(Htcds.methodToMeans[Htcds.meansToMethod[m]]).toBe(m)
    expect(Htcds.methodToMeans.PhysicalThreats).toBe("threats")
    expect(Htcds.methodToMeans.PsychoactiveSubstance).toBe("drugs_alcohol")
  })

  it("writes the organisation type of the identifying agency", () => {
    expect(Htcds.agencyToOrgType("mps_atd")).toBe("Police")
    expect(Htcds.agencyToOrgType("prosecutor")).toBe("CourtOrProsecution")
    expect(Htcds.agencyToOrgType("mlsw")).toBe("NonPoliceGovernmentalOrganization")
    expect(Htcds.agencyToOrgType("afesip")).toBe("NGO")
    expect(Htcds.agencyToOrgType("iom")).toBe("Other")
  })
})

describe("Htcds round trip", () => {
  it("CaseRow -> HTCDS -> CaseRow keeps every column (with personal data)", () => {
    fc.assert(
      fc.property(validRow, (row) => {
        const back = Htcds.toCaseRowCells(Htcds.fromCaseRow(row, { includePii: true }))
        expect(back).toEqual({ ...row })
      }),
      { numRuns: 300 },
    )
  })

  it("without includePii, personal data is not written and every other column survives", () => {
    fc.assert(
      fc.property(validRow, (row) => {
        const record = Htcds.fromCaseRow(row)
        for (const f of Htcds.fields.filter((f) => f.pii)) expect(record[f.field]).toBe("")
        const back = Htcds.toCaseRowCells(record)
        // the age the dropped date of birth gave is kept, so a known adult does not become "age unknown"
        const age = CaseRow.ageWithoutDateOfBirth(row)
        for (const column of CaseRow.columnNames)
          expect(back[column], column).toBe(
            piiColumns.includes(column) ? "" : column === "age_years" ? age : row[column],
          )
        expect(Result.isSuccess(CaseRow.decodeCaseRow(back))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it("Case -> HTCDS -> Case gives the same case", () => {
    fc.assert(
      fc.property(validRow, (row) => {
        const c = Result.getOrThrow(CaseRow.toCase(row))
        const record = Result.getOrThrow(Htcds.fromCase(c, { includePii: true }))
        const back = Htcds.toCase(record)
        expect(Result.isSuccess(back)).toBe(true)
        if (Result.isSuccess(back)) expect(Case.encodeCase(back.success)).toEqual(Case.encodeCase(c))
      }),
      { numRuns: 100 },
    )
  })

  it("writes the extension for a lossy value only", () => {
    const row = { ...CaseRow.emptyRow(), exploitation_form: "online_scam", industry: "fishing" }
    const base = fc.sample(validRow, { numRuns: 1, seed: 7 })[0]!
    const record = Htcds.fromCaseRow({ ...base, ...row, consent: "yes" } as CaseRow.CaseRow)
    expect(record.vic_TypeOfExploitation).toBe("Other")
    expect(record.lao_exploitation_form).toBe("online_scam")
    expect(record.vic_ForcedLabourIndustry).toBe("A_AgricultureForestryAndFishing")
    expect(record.lao_industry).toBe("fishing")
    expect(record.con_Consent).toBe("TRUE")
    expect(record).not.toHaveProperty("vic_AgreementToManagePersonalData")
    expect(record.lao_consent).toBe("")
    const plain = Htcds.fromCaseRow({ ...base, exploitation_form: "forced_labour", industry: "construction" })
    expect(plain.lao_exploitation_form).toBe("")
    expect(plain.lao_industry).toBe("")
  })
})

describe("Htcds reading IOM's template and a Kobo export of IOM's XLSForm", () => {
  it("reads dropdown labels as well as value names, the template's spellings and con_Consent", () => {
    const cells = Htcds.toCaseRowCells(
      {
        prs_First_Name: "Noy",
        prs_Second_Name: "Phommachanh",
        prs_Gender: "Female",
        prs_Nationality: "LA",
        vic_TypeOfExploitation: "Forced labour",
        vic_ForcedLabourIndustry: "Agriculture, forestry and fishing",
        vic_Methods_of_Control: "Physical threats; Restricts financial access",
        vic_TraffickinStatusDecisionMakingOrg: "Police",
        con_Consent: "TRUE",
      },
      { defaults: { case_id: "T-1", source: "iom", victim_group: "repatriated_lao" } },
    )
    expect(cells).toMatchObject({
      victim_name: "Noy Phommachanh",
      sex: "female",
      citizenship: "LAO",
      exploitation_form: "forced_labour",
      industry: "agriculture",
      means_of_control: "threats;restricts_financial_access",
      identifying_agency: "mps_atd",
      consent: "yes",
    })
  })

  it("splits a Kobo export's space-separated multi-selects and strips its group paths", () => {
    const cells = Htcds.toCaseRowCells({
      "victim/vic_Methods_of_Control": "PhysicalThreats DebtBondage RestrictsFinancialAccess",
      "victim/vic_TypeOfExploitation": "SexualExploitation",
      "person/prs_Gender": "Male",
    })
    expect(cells.means_of_control).toBe("threats;debt_bondage;restricts_financial_access")
    expect(cells.exploitation_form).toBe("sexual_exploitation")
    expect(cells.sex).toBe("male")
    // An unknown word is passed on whole, for validation to report.
    expect(Htcds.toCaseRowCells({ vic_Methods_of_Control: "DebtBondage Nonsense" }).means_of_control).toBe(
      "DebtBondage Nonsense",
    )
  })

  it("a template with 1,000 pre-numbered rows and 5 filled ones gives 5 records", () => {
    const rows: string[][] = [
      ["", "prs_Gender", "vic_TypeOfExploitation"],
      ["", "Gender", "Type of Exploitation"],
    ]
    for (let i = 1; i <= 1000; i++)
      rows.push([String(i), i <= 5 ? "Female" : "", i <= 5 ? "Forced labour" : ""])
    const records = Htcds.recordsFromSheet(rows)
    expect(records.map((r) => r.rowNumber)).toEqual([3, 4, 5, 6, 7])
    expect(records[0]!.record).toEqual({ prs_Gender: "Female", vic_TypeOfExploitation: "Forced labour" })
  })
})

describe("Htcds reading partner sheets", () => {
  it("reads a record that uses only HTCDS fields, with defaults for what HTCDS lacks", () => {
    const record = {
      prs_Gender: "Feminine",
      prs_Citizenship: "LA",
      vic_TypeOfExploitation: "ForcedLabour;SexualExploitation",
      vic_ForcedLabourIndustry: "F_Construction",
      vic_MethodsOfControl: "PhysicalThreats;DebtBondage;ThreatOfLawEnforcement",
      vic_LocationOfExploitation: "Thailand",
      vic_AgreementToManagePersonalData: "TRUE",
      cas_IncomingReferralDate: "2024-01-02",
      cas_ReferredOrganisation: "AFESIP",
    }
    const cells = Htcds.toCaseRowCells(record, {
      defaults: { case_id: "IOM-1", source: "iom", victim_group: "repatriated_lao" },
    })
    expect(cells).toMatchObject({
      sex: "female",
      citizenship: "LAO",
      exploitation_form: "forced_labour",
      industry: "construction",
      means_of_control: "threats;debt_bondage;threats_law_enforcement",
      destination_country: "THA",
      consent: "yes",
      identification_date: "2024-01-02",
      referred_to: "afesip",
    })
    expect(Result.isSuccess(CaseRow.decodeCaseRow(cells))).toBe(true)
  })

  it("passes unknown values through so validation reports them", () => {
    const cells = Htcds.toCaseRowCells({ prs_Gender: "Robot" })
    const decoded = CaseRow.decodeCaseRow(cells)
    expect(cells.sex).toBe("Robot")
    expect(Result.isFailure(decoded)).toBe(true)
  })

  it("skips the label row of the template layout, and keeps data when there is none", () => {
    const base = fc.sample(validRow, { numRuns: 2, seed: 3 })
    const rows = Htcds.sheetRows(base.map((r) => Htcds.fromCaseRow(r)))
    const records = Htcds.recordsFromSheet(rows)
    expect(records.map((r) => r.rowNumber)).toEqual([3, 4])
    expect(records[0]!.record.lao_case_id).toBe(base[0]!.case_id)
    const noLabels = Htcds.recordsFromSheet([rows[0]!, ...rows.slice(2)])
    expect(noLabels.map((r) => r.rowNumber)).toEqual([2, 3])
    expect(Htcds.looksLikeHtcds(rows[0]!)).toBe(true)
    expect(Htcds.looksLikeHtcds(["case_id", "sex"])).toBe(false)
  })
})
