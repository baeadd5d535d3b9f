/**
 * Age at recruitment and length of exploitation agree with the age at identification in every layer
 * of the domain on random rows: the Effect decoder, the fast path, `quickCheck` and the generated
 * XLSForm's constraints evaluated as ODK would. The importer's SQL is compared on the same generator
 * in packages/warehouse/test/vocabularies.test.ts.
 */
import * as Result from "effect/Result"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as CaseRow from "../../src/CaseRow.ts"
import * as XlsForm from "../../src/formats/XlsForm.ts"
import { spanRow } from "../arbitraries.ts"

const spanRules = new Set(["age_at_recruitment", "exploitation_months"])

describe("age spans: decoder = fast path = quickCheck = XLSForm", () => {
  it("give the same verdict on random ages, recruitment ages and lengths", () => {
    let refusedBySpan = 0
    let accepted = 0
    fc.assert(
      fc.property(spanRow, (row) => {
        const schema = CaseRow.decodeCaseRowWithSchema(row)
        const fast = Result.isFailure(CaseRow.decodeCaseRow(row))
        const quick = CaseRow.quickCheck(row).length > 0
        const form = XlsForm.formIssues(row).length > 0
        const refused = Result.isFailure(schema)
        expect({ fast, quick, form }).toEqual({ fast: refused, quick: refused, form: refused })
        if (!refused) accepted++
        else if (schema.failure.issues.some((i) => spanRules.has(String(i.path)))) refusedBySpan++
      }),
      { numRuns: 1000 },
    )
    expect(refusedBySpan).toBeGreaterThan(100)
    expect(accepted).toBeGreaterThan(100)
  }, 120_000)
})
