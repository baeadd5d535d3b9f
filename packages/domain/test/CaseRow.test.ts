import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Case from "../src/Case.ts"
import * as CaseRow from "../src/CaseRow.ts"
import { compileCell } from "../src/internal/rowChecks.ts"
import * as Place from "../src/Place.ts"
import { junk, validRow } from "./arbitraries.ts"

const base: CaseRow.CaseRow = {
  ...CaseRow.emptyRow(),
  case_id: "LWU-2024/0153",
  source: "lwu",
  identification_date: "2024-03-15",
  victim_group: "repatriated_lao",
  sex: "female",
  age_years: "16",
  citizenship: "LAO",
  exploitation_form: "forced_labour",
  interim_care_date: "2024-03-16",
  assessment_date: "2024-03-20",
  bid_date: "2024-03-22",
  bid_outcome: "return_home",
  bid_decided_by: "mlsw",
  return_date: "2024-04-02",
  destination_country: "THA",
  origin_district: "LA0601",
  origin_province: "LA06",
}

const messages = (input: unknown): ReadonlyArray<string> => {
  const result = CaseRow.decodeCaseRow(input)
  return Result.isFailure(result) ? result.failure.issues.map((i) => i.message) : []
}

describe("decodeCaseRow: one message per problem, for a case worker", () => {
  it("accepts a valid row", () => {
    expect(messages(base)).toEqual([])
  })

  it.each([
    [
      "sex",
      "F",
      'sex: "F" is not one of female, male, transgender_woman, transgender_man, non_binary, unknown',
    ],
    ["case_id", "", "case_id: is required but empty"],
    ["case_id", "a b", `case_id: "a b" is not valid: ${CaseRow.columnSpecs.case_id.description}`],
    ["case_id", "x".repeat(65), "case_id: is 65 characters long; at most 64 are allowed"],
    [
      "identification_date",
      "15/03/2024",
      'identification_date: "15/03/2024" is not a date written YYYY-MM-DD',
    ],
    ["identification_date", "2023-02-29", 'identification_date: "2023-02-29" is not a real calendar date'],
    ["identification_date", "1989-12-31", 'identification_date: "1989-12-31" is before 1990-01-01'],
    ["identification_date", "2999-01-01", 'identification_date: "2999-01-01" is in the future'],
    ["age_years", "16.5", 'age_years: "16.5" is not a whole number'],
    ["age_years", "121", 'age_years: "121" is not between 0 and 120'],
    ["origin_district", "LA9999", 'origin_district: "LA9999" is not a known DistrictCode'],
    ["identification_province", "LA99", 'identification_province: "LA99" is not one of LA01, LA02'],
    ["identification_province", "Savannakhet", 'identification_province: "Savannakhet" is not one of LA01'],
    ["identification_district", "LA9999", 'identification_district: "LA9999" is not a known DistrictCode'],
    ["means_of_control", "threats;threats", 'means_of_control: "threats" is listed twice'],
    ["means_of_control", "threats;", 'means_of_control: "threats;" has an empty item'],
    ["services", "shelter;spa", 'services: "spa" is not one of shelter, medical'],
    ["consent", "Y", 'consent: "Y" is not one of yes, no, unknown'],
  ] as const)("%s = %j", (column, value, expected) => {
    const got = messages({ ...base, [column]: value })
    expect(got.length).toBe(1)
    expect(got[0]).toContain(expected)
  })

  it("reports a missing column, an unknown column and a non-text cell", () => {
    const { sex: _sex, ...withoutSex } = base
    expect(messages({ ...withoutSex, sexe: "female", age_years: 16 })).toEqual([
      "sexe: unknown field (check the spelling of the column or field name)",
      "sex: this field is missing",
      "age_years: expected text, got 16",
    ])
  })

  it("reports all field problems at once", () => {
    expect(messages({ ...base, sex: "F", citizenship: "Lao", exploitation_form: "" })).toHaveLength(3)
  })

  it("explains a record that is not a row", () => {
    expect(messages("junk")).toEqual(['expected a record (an object with named fields), got "junk"'])
    expect(messages(null)).toHaveLength(1)
  })

  describe("cross-field rules", () => {
    it("stage dates follow the order of the stages", () => {
      expect(messages({ ...base, interim_care_date: "2024-03-10" })).toEqual([
        "interim_care_date: 2024-03-10 is before identification_date (2024-03-15); stage dates must follow the order of the stages",
      ])
    })
    it("a child cannot return without a best-interest determination", () => {
      const noBid = { ...base, bid_date: "", bid_outcome: "", bid_decided_by: "" }
      expect(messages(noBid)).toEqual([
        "bid_date: is required: the person was a child at identification and has a return_date; a best-interest determination (date between identification and the move, outcome, deciding body) must come first (rule child_move_needs_bid, legal basis guideline_2020_referral, children_2023_law)",
      ])
      expect(messages({ ...noBid, age_years: "19" })).toEqual([])
      expect(messages({ ...noBid, age_years: "", date_of_birth: "2010-01-01" })).toHaveLength(1)
      expect(messages({ ...noBid, age_years: "", date_of_birth: "2000-01-01" })).toEqual([])
      expect(messages({ ...base, bid_date: "" })).toHaveLength(3)
    })
    it("a date of birth is not after the identification date", () => {
      expect(messages({ ...base, age_years: "", date_of_birth: "2024-03-16" })).toEqual([
        "date_of_birth: 2024-03-16 is after identification_date (2024-03-15): a person is born before being identified (check the day and month order)",
      ])
      expect(messages({ ...base, age_years: "", date_of_birth: "2024-03-15" })).toEqual([])
      expect(messages({ ...base, date_of_birth: "2024-03-16", identification_date: "" })).not.toContain(
        expect.stringMatching(/^date_of_birth: .* is after/),
      )
    })
    it("exit_reason and exit_date go together", () => {
      expect(messages({ ...base, exit_date: "2024-05-01" })).toEqual([
        "exit_reason: is required when exit_date is given",
      ])
      expect(messages({ ...base, exit_reason: "lost_contact" })).toEqual([
        "exit_date: is required when exit_reason is given",
      ])
      expect(messages({ ...base, exit_reason: "lost_contact", exit_date: "2024-05-01" })).toEqual([])
    })
    it("origin_province matches origin_district", () => {
      expect(messages({ ...base, origin_province: "LA05" })).toEqual([
        `origin_province: "LA05" does not match origin_district LA0601, which is in ${Place.provinceOfDistrict("LA0601")}`,
      ])
    })
    it("identification_province matches identification_district (and each may come alone)", () => {
      const elsewhere = Place.provinceOfDistrict("LA0601") === "LA05" ? "LA04" : "LA05"
      expect(
        messages({ ...base, identification_district: "LA0601", identification_province: elsewhere }),
      ).toEqual([
        `identification_province: "${elsewhere}" does not match identification_district LA0601, which is in ${Place.provinceOfDistrict("LA0601")}`,
      ])
      expect(
        CaseRow.quickCheck({
          ...base,
          identification_district: "LA0601",
          identification_province: elsewhere,
        }),
      ).toEqual([
        {
          path: "identification_province",
          message: `identification_province: "${elsewhere}" does not match identification_district LA0601, which is in ${Place.provinceOfDistrict("LA0601")}`,
        },
      ])
      expect(messages({ ...base, identification_province: "LA13" })).toEqual([])
      expect(messages({ ...base, identification_district: "LA0601" })).toEqual([])
      expect(
        messages({ ...base, identification_province: "LA06", identification_district: "LA0601" }),
      ).toEqual([])
    })
    it("the dated stages form a path of the stage machine", () => {
      expect(
        messages({
          ...base,
          interim_care_date: "",
          assessment_date: "",
          return_date: "",
          closed_date: "2024-04-01",
        }),
      ).toEqual(["closed_date: a case cannot move from identification to closed (see the stage machine)"])
    })
  })
})

describe("rules, schema and documentation come from one source", () => {
  it("has exactly the contract's columns, in order", () => {
    expect(CaseRow.caseRowRules.map((r) => r.column)).toEqual(CaseRow.columnNames)
    expect(CaseRow.caseRowColumns.map((c) => c.column)).toEqual(CaseRow.columnNames)
    expect(Object.keys(CaseRow.CaseRow.fields)).toEqual(CaseRow.columnNames)
  })
  it("reads every column rule back from the schema AST", () => {
    for (const rule of CaseRow.caseRowRules) expect(CaseRow.ruleFromAst(rule.column)).toBe(rule)
  })
  it("flags personal data", () => {
    expect(CaseRow.caseRowRules.filter((r) => r.pii).map((r) => r.column)).toEqual([
      "date_of_birth",
      "victim_name",
      "phone",
      "village",
      "notes",
    ])
  })
  it("documents every column with an example that decodes", () => {
    for (const doc of CaseRow.caseRowColumns) {
      expect(doc.label.en.length).toBeGreaterThan(0)
      expect(doc.label.lo.length).toBeGreaterThan(0)
      expect(compileCell(CaseRow.columnSpecs[doc.column])(doc.example), doc.column).toBeUndefined()
    }
  })
})

describe("place of identification", () => {
  const row = { ...base, identification_province: "LA06", identification_district: "LA0601" }
  it("becomes the case's identification.province and .district, and comes back", () => {
    const c = Result.getOrThrow(CaseRow.decodeCaseRowToCase(row))
    expect(c.identification.province).toBe("LA06")
    expect(c.identification.district).toBe("LA0601")
    expect(Result.getOrThrow(CaseRow.fromCase(c))).toEqual(row)
  })
  it("a case whose identification district lies in another province is refused", () => {
    const encoded = CaseRow.toCaseEncoded(row)
    const bad = { ...encoded, identification: { ...encoded.identification, province: "LA05" } }
    const result = Case.decodeCase(bad)
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result))
      expect(result.failure.message).toContain('"LA05" does not match identification.district LA0601')
  })
})

describe("properties", () => {
  it("every valid row survives decode, toCase, fromCase unchanged", () => {
    fc.assert(
      fc.property(validRow, (row) => {
        const decoded = CaseRow.decodeCaseRow(row)
        expect(Result.isSuccess(decoded)).toBe(true)
        const c = CaseRow.decodeCaseRowToCase(row)
        if (Result.isFailure(c)) throw new Error(c.failure.message)
        const back = CaseRow.fromCase(c.success)
        if (Result.isFailure(back)) throw new Error(back.failure.message)
        expect(back.success).toEqual(row)
      }),
      { numRuns: 300 },
    )
  })

  it("every case built from a row survives encode then decode unchanged", () => {
    fc.assert(
      fc.property(validRow, (row) => {
        const c = Result.getOrThrow(CaseRow.decodeCaseRowToCase(row))
        const json = JSON.parse(JSON.stringify(Case.encodeCase(c)))
        const again = Case.decodeCase(json)
        if (Result.isFailure(again)) throw new Error(again.failure.message)
        expect(Case.encodeCase(again.success)).toEqual(Case.encodeCase(c))
      }),
      { numRuns: 200 },
    )
  })

  it("junk never throws and always yields a typed result", () => {
    fc.assert(
      fc.property(junk, (input) => {
        const row = CaseRow.decodeCaseRow(input)
        const c = Case.decodeCase(input)
        expect(Result.isResult(row) && Result.isResult(c)).toBe(true)
        if (Result.isFailure(row)) expect(row.failure.issues.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
  })
})

describe("JSON Schema", () => {
  it("lists every column as required text", () => {
    const doc = Schema.toJsonSchemaDocument(CaseRow.CaseRow) as unknown as {
      definitions: Record<string, { required: string[] }>
    }
    expect(doc.definitions.CaseRow!.required).toEqual([...CaseRow.columnNames])
  })
})
