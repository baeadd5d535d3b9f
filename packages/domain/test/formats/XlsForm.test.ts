import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as CaseRow from "../../src/CaseRow.ts"
import * as Htcds from "../../src/formats/Htcds.ts"
import * as XlsForm from "../../src/formats/XlsForm.ts"
import { validRow } from "../arbitraries.ts"

const sheets = XlsForm.form()
const sheet = (name: string) => {
  const s = sheets.find((x) => x.name === name)!
  const [header, ...rows] = s.rows
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])))
}
const survey = sheet("survey")
const choices = sheet("choices")
const settings = sheet("settings")

describe("XlsForm structure", () => {
  it("has survey, choices and settings sheets", () => {
    expect(sheets.map((s) => s.name)).toEqual(["survey", "choices", "settings"])
  })

  it("names every question uniquely and asks every CaseRow column exactly once", () => {
    const names = survey.filter((r) => r.type !== "end_group").map((r) => r.name)
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) expect(n).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/)
    const questions = survey.filter((r) => !["begin_group", "end_group", "start", "end"].includes(r.type!))
    expect(questions.map((r) => r.name).sort()).toEqual([...CaseRow.columnNames].sort())
  })

  it("balances groups", () => {
    let depth = 0
    for (const r of survey) {
      if (r.type === "begin_group") depth++
      if (r.type === "end_group") depth--
      expect(depth).toBeGreaterThanOrEqual(0)
    }
    expect(depth).toBe(0)
  })

  it("has a choice list for every select_one / select_multiple, with unique names per list", () => {
    const lists = new Map<string, Array<string>>()
    for (const c of choices) lists.set(c.list_name!, [...(lists.get(c.list_name!) ?? []), c.name!])
    for (const r of survey.filter((r) => /^select_(one|multiple) /.test(r.type!))) {
      const list = r.type!.split(" ")[1]!
      expect(lists.has(list), `${r.name}: ${list}`).toBe(true)
    }
    for (const [list, names] of lists) expect(new Set(names).size, list).toBe(names.length)
    for (const c of choices) {
      expect(c["label::English (en)"], `${c.list_name}/${c.name}`).not.toBe("")
      expect(c["label::Lao (lo)"], `${c.list_name}/${c.name}`).not.toBe("")
    }
  })

  it("offers exactly the codes the schema allows", () => {
    for (const rule of CaseRow.caseRowRules.filter((r) => r.type === "code" || r.type === "list")) {
      const q = survey.find((r) => r.name === rule.column)!
      const list = q.type!.split(" ")[1]
      expect(
        choices.filter((c) => c.list_name === list).map((c) => c.name),
        rule.column,
      ).toEqual(rule.codes)
    }
  })

  it("marks required columns required and labels every question in English and Lao", () => {
    for (const rule of CaseRow.caseRowRules) {
      const q = survey.find((r) => r.name === rule.column)!
      if (rule.required) expect(q.required, rule.column).toBe("yes")
      expect(q["label::English (en)"]).not.toBe("")
      expect(q["label::Lao (lo)"]).not.toBe("")
    }
  })

  it("writes constraints from the schema's checks", () => {
    const q = (name: string) => survey.find((r) => r.name === name)!
    expect(q("case_id").constraint).toBe("regex(., '^[A-Za-z0-9._/-]{1,64}$')")
    expect(q("age_years").type).toBe("integer")
    expect(q("age_years").constraint).toBe(". >= 0 and . <= 120")
    expect(q("identification_date").constraint).toBe("(. >= date('1990-01-01')) and (. <= today())")
    expect(q("return_date").constraint).toBe(`. >= \${identification_date}`)
    expect(q("identification_province").type).toMatch(/^select_one /)
    expect(q("identification_district").choice_filter).toBe(
      `\${identification_province} = '' or province = \${identification_province}`,
    )
    expect(q("origin_district").choice_filter).toBe(
      `\${origin_province} = '' or province = \${origin_province}`,
    )
    expect(q("exit_date").relevant).toBe(`\${exit_reason} != ''`)
    expect(q("bid_date").required).toMatch(/\$\{age_years\} < 18.*\$\{return_date\} != ''/)
    expect(q("first_language").constraint).toBe("string-length(.) <= 64")
  })

  it("parses every expression it writes, and every reference names a question", () => {
    const names = new Set(survey.map((r) => r.name))
    let parsed = 0
    for (const r of survey) {
      for (const column of ["constraint", "relevant", "choice_filter", "required"] as const) {
        const text = r[column] ?? ""
        if (text === "" || text === "yes") continue
        const expr = XlsForm.parseExpression(text)
        parsed++
        for (const ref of XlsForm.references(expr))
          expect(names.has(ref), `${r.name}.${column}: ${ref}`).toBe(true)
      }
    }
    expect(parsed).toBeGreaterThan(10)
  })

  it("the case id regex agrees with the schema on sample ids", () => {
    const constraint = survey.find((r) => r.name === "case_id")!.constraint!
    const expr = XlsForm.parseExpression(constraint)
    if (expr._tag !== "Call" || expr.args[1]?._tag !== "String") throw new Error("not a regex call")
    const re = new RegExp(expr.args[1].value)
    for (const id of ["LWU-2024/0153", "a", "x".repeat(64)]) expect(re.test(id)).toBe(true)
    for (const id of ["", "has space", "x".repeat(65), "é"]) expect(re.test(id)).toBe(false)
  })

  it("rejects expressions outside the subset", () => {
    expect(() => XlsForm.parseExpression("now()")).toThrow(/unknown function/)
    expect(() => XlsForm.parseExpression("regex(., '[')")).toThrow(/invalid regular expression/)
    expect(() => XlsForm.parseExpression(". >= date('2024')")).toThrow(/YYYY-MM-DD/)
    expect(() => XlsForm.parseExpression(". > 1 )")).toThrow(/unexpected/)
    expect(() => XlsForm.parseExpression(". >")).toThrow(/end/)
  })

  it("has settings with form_id, version and default_language matching a label language", () => {
    expect(settings).toHaveLength(1)
    const s = settings[0]!
    expect(s.form_id).toBe(XlsForm.formId)
    expect(s.version).toMatch(/^[0-9a-f]{8}$/)
    expect(s.default_language).toBe("English (en)")
    expect(XlsForm.surveyHeader).toContain(`label::${s.default_language}`)
  })
})

describe("Kobo / ODK exports", () => {
  it("maps export headers to columns, ignoring metadata and per-option columns", () => {
    expect(XlsForm.columnOfHeader("person/sex")).toBe("sex")
    expect(XlsForm.columnOfHeader("person-sex")).toBe("sex")
    expect(XlsForm.columnOfHeader("identification.case_id")).toBe("case_id")
    expect(XlsForm.columnOfHeader("sex")).toBe("sex")
    expect(XlsForm.columnOfHeader("exploitation/means_of_control/threats")).toBeUndefined()
    for (const h of [
      "_uuid",
      "_submission_time",
      "_id",
      "meta/instanceID",
      "__version__",
      "start",
      "end",
      "_index",
    ])
      expect(XlsForm.columnOfHeader(h), h).toBeUndefined()
  })

  it("a submission exported by Kobo reads back as the same row", () => {
    fc.assert(
      fc.property(validRow, fc.uuid(), (row, uuid) => {
        const submission = XlsForm.toKoboSubmission(row, {
          uuid,
          submissionTime: "2024-05-01T10:00:00",
          index: 1,
        })
        const back = XlsForm.toCaseRowCells(submission)
        for (const column of CaseRow.columnNames) {
          const trimmed = ["first_language", "victim_name", "phone", "village", "notes"].includes(column)
            ? row[column].trim()
            : row[column]
          expect(back[column], column).toBe(trimmed)
        }
        expect(XlsForm.looksLikeKobo(Object.keys(submission))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})

describe("XlsForm with HTCDS names (form xlsform --htcds)", () => {
  const htcds = XlsForm.form({ htcds: true })
  const [header, ...rows] = htcds.find((s) => s.name === "survey")!.rows
  const col = (h: string) => header!.indexOf(h)
  const names = new Set(rows.map((r) => r[col("name")]!))

  it("names the questions as HTCDS fields, a superset of IOM's form, and every reference resolves", () => {
    for (const n of ["prs_Gender", "prs_FirstName", "prs_Birthdate", "vic_TypeOfExploitation", "con_Consent"])
      expect(names.has(n), n).toBe(true)
    expect(names.has("lao_case_id")).toBe(true)
    expect(names.has("sex")).toBe(false)
    for (const r of rows)
      for (const h of ["required", "constraint", "relevant", "choice_filter"])
        for (const m of (r[col(h)] ?? "").matchAll(/\$\{([A-Za-z0-9_]+)\}/g))
          expect(names.has(m[1]!), m[1]).toBe(true)
    expect(htcds.find((s) => s.name === "settings")!.rows[1]![1]).toBe(`${XlsForm.formId}_htcds`)
  })

  it("an export of it (space-separated multi-selects) reads back through the HTCDS reader unchanged", () => {
    const lists = new Set<string>(CaseRow.caseRowRules.filter((r) => r.type === "list").map((r) => r.column))
    fc.assert(
      fc.property(validRow, (row) => {
        const submission: Record<string, string> = {}
        for (const c of CaseRow.columnNames)
          submission[`group/${XlsForm.htcdsNames[c]}`] = lists.has(c) ? row[c].split(";").join(" ") : row[c]
        const back = Htcds.toCaseRowCells(submission)
        for (const c of CaseRow.columnNames.filter((x) => x !== "victim_name" && x !== "notes"))
          expect(back[c], c).toBe(row[c])
      }),
      { numRuns: 200 },
    )
  })
})
