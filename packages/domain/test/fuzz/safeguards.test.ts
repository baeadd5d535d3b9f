/**
 * The child safeguards agree in every layer of the domain on random histories: the Effect decoder,
 * the fast path, the hand-written check (`quickCheck`) and the generated XLSForm's rules evaluated
 * as ODK would (`XlsForm.formIssues`). The importer's SQL is compared on the same generator in
 * packages/warehouse/test/safeguards-sql.test.ts.
 */
import * as Result from "effect/Result"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as CaseRow from "../../src/CaseRow.ts"
import * as XlsForm from "../../src/formats/XlsForm.ts"
import { safeguardRow } from "../arbitraries.ts"

describe("child safeguards: decoder = fast path = quickCheck = XLSForm", () => {
  it("give the same verdict on random histories", () => {
    let refused = 0
    let accepted = 0
    fc.assert(
      fc.property(safeguardRow, (row) => {
        const schema = Result.isFailure(CaseRow.decodeCaseRowWithSchema(row))
        const fast = Result.isFailure(CaseRow.decodeCaseRow(row))
        const quick = CaseRow.quickCheck(row).length > 0
        const form = XlsForm.formIssues(row).length > 0
        expect({ fast, quick, form }).toEqual({ fast: schema, quick: schema, form: schema })
        if (schema) refused++
        else accepted++
      }),
      { numRuns: 1000 },
    )
    // both outcomes are exercised
    expect(refused).toBeGreaterThan(100)
    expect(accepted).toBeGreaterThan(100)
  }, 120_000)
})
