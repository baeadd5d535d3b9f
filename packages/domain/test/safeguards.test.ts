/**
 * Each bypass of the child safeguards listed in issue 13, shown refused by every layer of the
 * domain: the Effect decoder, the fast path, the hand-written check, the stage machine (through
 * `Case.advance`) and the generated XLSForm. The importer's SQL is checked on the same rows in the
 * warehouse (`packages/warehouse/test/safeguards-sql.test.ts`).
 */
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import * as CaseRow from "../src/CaseRow.ts"
import * as CaseStage from "../src/CaseStage.ts"
import * as XlsForm from "../src/formats/XlsForm.ts"
import type { IsoDate } from "../src/IsoDate.ts"
import * as Person from "../src/Person.ts"
import { bypassRows } from "./safeguard-rows.ts"

const refusedEverywhere = (row: CaseRow.CaseRow) => {
  const decoded = CaseRow.decodeCaseRow(row)
  const schema = CaseRow.decodeCaseRowWithSchema(row)
  const quick = CaseRow.quickCheck(row)
  const form = XlsForm.formIssues(row)
  return {
    decoded: Result.isFailure(decoded),
    schema: Result.isFailure(schema),
    quick: quick.length > 0,
    form: form.length > 0,
    messages: quick.map((i) => i.message),
  }
}

describe("the bypasses of issue 13 are refused", () => {
  for (const [name, row] of Object.entries(bypassRows)) {
    it(name, () => {
      const verdict = refusedEverywhere(row)
      expect(verdict).toMatchObject({ decoded: true, schema: true, quick: true, form: true })
      expect(verdict.messages.join("\n")).toMatch(/child_move_needs_bid/)
    })
  }

  it("the fixed rows are accepted (the refusals are about the BID, nothing else)", () => {
    for (const [name, row] of Object.entries(bypassRows)) {
      const fixed = { ...row, bid_date: "2024-03-16", bid_outcome: "return_home", bid_decided_by: "mlsw" }
      expect(CaseRow.quickCheck(fixed), name).toEqual([])
      expect(XlsForm.formIssues(fixed), name).toEqual([])
    }
  })

  it("the stage machine refuses the same moves with a typed error naming the rule and its basis", () => {
    const start = (
      child: boolean | undefined,
      bid?: { date: string; outcome?: string; decidedBy?: string },
    ) => ({
      history: [CaseStage.start("2024-01-10" as IsoDate)],
      child,
      bestInterestDetermination: bid,
    })
    for (const to of ["return_reception", "reintegration", "declined_assistance", "re_trafficked"] as const) {
      const r = CaseStage.transition(start(undefined), to, { date: "2024-02-01" as IsoDate })
      expect(Result.isFailure(r) && r.failure._tag, to).toBe("BestInterestDeterminationRequired")
      if (Result.isFailure(r) && r.failure._tag === "BestInterestDeterminationRequired") {
        expect(r.failure.rule).toBe("child_move_needs_bid")
        expect(r.failure.message).toContain("children_2023_law")
      }
    }
    // lost contact and referral are not decisions about the child
    for (const to of ["lost_contact", "referred_elsewhere"] as const)
      expect(Result.isSuccess(CaseStage.transition(start(true), to, { date: "2024-02-01" as IsoDate }))).toBe(
        true,
      )
    // a BID dated years before identification does not count
    const old = CaseStage.transition(
      start(true, { date: "2019-01-01", outcome: "return_home", decidedBy: "mlsw" }),
      "return_reception",
      {
        date: "2024-02-01" as IsoDate,
      },
    )
    expect(Result.isFailure(old)).toBe(true)
    // a BID without outcome or deciding body does not count
    const bare = CaseStage.transition(start(true, { date: "2024-01-20" }), "return_reception", {
      date: "2024-02-01" as IsoDate,
    })
    expect(Result.isFailure(bare)).toBe(true)
    const full = CaseStage.transition(
      start(true, { date: "2024-01-20", outcome: "return_home", decidedBy: "mlsw" }),
      "return_reception",
      {
        date: "2024-02-01" as IsoDate,
      },
    )
    expect(Result.isSuccess(full)).toBe(true)
  })

  it("age 16 with a date of birth making the person 30 is a child, and flagged as disputed", () => {
    const person = { ageYears: 16, dateOfBirth: "1994-01-01" }
    expect(Person.isChild(person, "2024-03-15")).toBe(true)
    expect(Person.ageDisputed(person, "2024-03-15")).toBe(true)
    expect(Person.presumedChild({}, "2024-03-15")).toBe(true)
    expect(
      CaseRow.caseRowWarnings(bypassRows["age 16 with a date of birth making the person 30"]!).map(
        (w) => w.flag,
      ),
    ).toEqual(["age_disputed"])
  })
})
