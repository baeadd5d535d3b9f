import { readFileSync } from "node:fs"
import { join } from "node:path"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import * as Case from "../src/Case.ts"
import * as CaseRow from "../src/CaseRow.ts"
import * as Ctdc from "../src/formats/Ctdc.ts"
import * as Htcds from "../src/formats/Htcds.ts"
import * as Recruitment from "../src/Recruitment.ts"
import * as Vocabulary from "../src/Vocabulary.ts"
import { caseRow, issues, roundTrip, verdicts, xlsForm } from "./rows.ts"

// vic_MethodOfRecruitment's value names in UNMigration/HTCDS "HTCDS Field Reference.md".
const htcdsMethods = [
  "Abduction",
  "Educational Facility",
  "Familial",
  "Internet (social media, online advertisement)",
  "International Marriage Broker (IMB)",
  "Intimate partner/marriage proposition",
  "Job offer/advertisement",
  "Posing as Benefactor",
  "Public Area",
  "Offer of Accommodation",
  "Shelter",
  "Smuggling, ransom",
  "Work",
  "Other",
  "Unknown",
]

describe("Recruitment method", () => {
  it("has one code per HTCDS vic_MethodOfRecruitment value, one to one", () => {
    expect(Object.values(Recruitment.methodToHtcds).sort()).toEqual([...htcdsMethods].sort())
    expect(Recruitment.methodCodes).toHaveLength(htcdsMethods.length)
  })

  it("is an optional CaseRow column: empty accepted, an unknown code refused naming field, value and the codes", () => {
    expect(verdicts(caseRow())).toEqual({ schema: true, fast: true, quick: true, form: true })
    const bad = issues(caseRow({ recruitment_method: "broker" }))
    expect(bad).toHaveLength(1)
    expect(bad[0]!.path).toBe("recruitment_method")
    expect(bad[0]!.message).toMatch(
      /recruitment_method: "broker" is not one of job_offer, internet, .*unknown/,
    )
  })

  it.each(Recruitment.methodCodes)(
    "%s round-trips CaseRow -> Case -> CaseRow -> HTCDS -> CaseRow",
    (code) => {
      const row = caseRow({ recruitment_method: code })
      const { case: c, row: back } = roundTrip(row)
      expect(c.recruitment?.method).toBe(code)
      expect(back).toEqual(row)
      const htcds = Htcds.fromCaseRow(back)
      expect(htcds.vic_MethodOfRecruitment).toBe(Recruitment.methodToHtcds[code])
      expect(Htcds.toCaseRowCells(htcds).recruitment_method).toBe(code)
    },
  )

  it("reads an HTCDS multi-select cell by its first value, labels as well as codes", () => {
    expect(Htcds.toCaseRowCells({ vic_MethodOfRecruitment: "Smuggling, ransom" }).recruitment_method).toBe(
      "smuggling",
    )
    expect(
      Htcds.toCaseRowCells({ vic_MethodOfRecruitment: "Job offer/advertisement;Work" }).recruitment_method,
    ).toBe("job_offer")
  })
})

describe("Recruiter's relationship", () => {
  it("has the relationships of the issue and every CTDC recruiterRelation* flag is reachable", () => {
    expect(Recruitment.relationshipCodes).toEqual([
      "family",
      "intimate_partner",
      "friend_acquaintance",
      "broker_agent",
      "employer",
      "stranger",
      "other",
      "unknown",
    ])
    const expected: Record<Recruitment.RecruiterRelationship, ReadonlyArray<string>> = {
      family: ["recruiterRelationFamily"],
      intimate_partner: ["recruiterRelationIntimatePartner"],
      friend_acquaintance: ["recruiterRelationFriend"],
      broker_agent: ["recruiterRelationOther"],
      employer: ["recruiterRelationOther"],
      stranger: ["recruiterRelationOther"],
      other: ["recruiterRelationOther"],
      unknown: [],
    }
    for (const code of Recruitment.relationshipCodes) {
      const record = Ctdc.fromCaseRow(caseRow({ recruiter_relationship: code }))
      expect([...record.recruiter], code).toEqual(expected[code])
      expect(Ctdc.readSynthetic(Ctdc.toSyntheticRow(record))).toEqual(record)
    }
    // a perpetrator who is an employer is not the recruiter's relationship
    expect([...Ctdc.fromCaseRow(caseRow({ perpetrator_roles: "employer" })).recruiter]).toEqual([])
  })

  it.each(Recruitment.relationshipCodes)("%s round-trips through Case and HTCDS", (code) => {
    const row = caseRow({ recruiter_relationship: code })
    const { case: c, row: back } = roundTrip(row)
    expect(c.recruitment?.recruiterRelationship).toBe(code)
    expect(back).toEqual(row)
    expect(Htcds.toCaseRowCells(Htcds.fromCaseRow(back)).recruiter_relationship).toBe(code)
  })

  it("refuses an unknown relationship with the allowed codes", () => {
    const [issue] = issues(caseRow({ recruiter_relationship: "uncle" }))
    expect(issue!.message).toMatch(/recruiter_relationship: "uncle" is not one of family, .*unknown/)
  })

  it("labels need review except the glossary's 'no data'; both vocabularies are in the translators' catalogue", () => {
    expect(Recruitment.relationshipLabels.unknown.loNeedsReview).toBeUndefined()
    expect(Recruitment.relationshipLabels.broker_agent.loNeedsReview).toBe(true)
    const concepts = new Set(Vocabulary.catalogue().map((r) => r.concept))
    expect(concepts.has("RecruitmentMethod") && concepts.has("RecruiterRelationship")).toBe(true)
  })
})

describe("Age at recruitment", () => {
  const age = (cells: Partial<Record<CaseRow.ColumnName, string>>) => verdicts(caseRow(cells))
  const yes = { schema: true, fast: true, quick: true, form: true }
  const no = { schema: false, fast: false, quick: false, form: false }

  it("cannot exceed the recorded age at identification, in every layer", () => {
    expect(age({ age_years: "16", age_at_recruitment: "16" })).toEqual(yes)
    expect(age({ age_years: "16", age_at_recruitment: "14" })).toEqual(yes)
    expect(age({ age_years: "16", age_at_recruitment: "17" })).toEqual(no)
    const [issue] = issues(caseRow({ age_years: "16", age_at_recruitment: "17" }))
    expect(issue).toEqual({
      path: "age_at_recruitment",
      message:
        "age_at_recruitment: 17 is more than 16 (age_years 16): a person is recruited before being identified, so the age at recruitment cannot exceed the age at identification (rule recruited_before_identification)",
    })
  })

  it("cannot exceed the age the date of birth gives (whole years, a birthday the day after)", () => {
    // 15 on 2024-03-15: born 2008-03-16
    expect(age({ date_of_birth: "2008-03-16", age_at_recruitment: "15" })).toEqual(yes)
    expect(age({ date_of_birth: "2008-03-16", age_at_recruitment: "16" })).toEqual(no)
    expect(age({ date_of_birth: "2008-03-15", age_at_recruitment: "16" })).toEqual(yes)
  })

  it("is a whole number 0-120 and optional", () => {
    for (const bad of ["-1", "121"]) expect(age({ age_at_recruitment: bad }), bad).toEqual(no)
    // the XLSForm's integer widget cannot hold these; the other layers refuse them
    for (const bad of ["15.5", "fifteen"])
      expect({ ...age({ age_at_recruitment: bad }), form: false }, bad).toEqual(no)
    expect(age({ age_at_recruitment: "" })).toEqual(yes)
  })

  it("is on the Case, checked there too, and round-trips", () => {
    const row = caseRow({ age_years: "16", age_at_recruitment: "13", recruitment_method: "job_offer" })
    expect(roundTrip(row).case.recruitment).toEqual({ method: "job_offer", ageAtRecruitment: 13 })
    const c = CaseRow.toCaseEncoded(caseRow({ age_years: "16" }))
    const bad = { ...c, recruitment: { ageAtRecruitment: 20 } }
    const decoded = Case.decodeCase(bad)
    expect(Result.isFailure(decoded) && decoded.failure.issues.map((i) => i.path)).toEqual([
      "recruitment.ageAtRecruitment",
    ])
  })

  it("the XLSForm asks it as an integer with the same rule as a constraint", () => {
    const q = xlsForm("age_at_recruitment", "")
    expect(q.type).toBe("integer")
    expect(q.constraint).toContain(`$\{age_years}`)
    expect(q.constraint).toContain(`$\{date_of_birth}`)
  })
})

describe("the generated files carry the new columns", () => {
  const schema = JSON.parse(
    readFileSync(join(import.meta.dirname, "../json-schema/CaseRow.schema.json"), "utf8"),
  )
  const props = schema.$defs.CaseRow.properties
  const enumOf = (column: string) => props[column].allOf[0].enum

  it("JSON Schema: recruitment columns with their codes", () => {
    const text = JSON.stringify(props)
    for (const code of [...Recruitment.methodCodes, ...Recruitment.relationshipCodes])
      expect(text).toContain(code)
    expect(enumOf("recruitment_method")).toEqual(["", ...Recruitment.methodCodes])
    expect(enumOf("recruiter_relationship")).toEqual(["", ...Recruitment.relationshipCodes])
    expect(JSON.stringify(props.age_at_recruitment)).toContain("pattern")
  })

  it("XLSForm: select_one questions listing every code", () => {
    const method = xlsForm("recruitment_method", "recruitment_method")
    expect(method.type).toBe("select_one recruitment_method")
    expect(method.choices).toEqual([...Recruitment.methodCodes])
    const relation = xlsForm("recruiter_relationship", "recruiter_relationship")
    expect(relation.choices).toEqual([...Recruitment.relationshipCodes])
  })
})

describe("a Kobo submission of the generated form carries every new column back", () => {
  it("recruitment, status, length, transgender sex, stateless citizenship, limited access to children", async () => {
    const XlsForm = await import("../src/formats/XlsForm.ts")
    const row = caseRow({
      sex: "transgender_man",
      citizenship: "stateless",
      age_years: "20",
      trafficking_status: "confirmed",
      recruitment_method: "internet",
      recruiter_relationship: "intimate_partner",
      age_at_recruitment: "18",
      exploitation_months: "30",
      means_of_control: "limits_access_to_children",
    })
    expect(verdicts(row)).toEqual({ schema: true, fast: true, quick: true, form: true })
    const submission = XlsForm.toKoboSubmission(row, {
      uuid: "u1",
      submissionTime: "2024-03-15T10:00:00Z",
      index: 1,
    })
    const back = XlsForm.toCaseRowCells(submission)
    for (const column of [
      "sex",
      "citizenship",
      "trafficking_status",
      "recruitment_method",
      "recruiter_relationship",
      "age_at_recruitment",
      "exploitation_months",
      "means_of_control",
    ] as const)
      expect(back[column], column).toBe(row[column])
  })
})
