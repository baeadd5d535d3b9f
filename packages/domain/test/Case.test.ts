import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import * as Case from "../src/Case.ts"
import * as CaseRow from "../src/CaseRow.ts"
import type { IsoDate } from "../src/IsoDate.ts"

const row: CaseRow.CaseRow = {
  ...CaseRow.emptyRow(),
  case_id: "MLSW-2023/12",
  source: "mlsw",
  identification_date: "2023-06-01",
  victim_group: "repatriated_lao",
  sex: "male",
  age_years: "15",
  citizenship: "LAO",
  exploitation_form: "forced_labour",
  industry: "fishing",
  border_checkpoint: "T2",
  destination_country: "THA",
  interim_care_date: "2023-06-02",
  assessment_date: "2023-06-10",
  bid_date: "2023-06-12",
  bid_outcome: "return_home",
  bid_decided_by: "mlsw",
  referred_to: "iom",
  victim_name: "Somchai",
  notes: "speaks Lao",
}
const aCase = () => Result.getOrThrow(CaseRow.decodeCaseRowToCase(row))

describe("Case", () => {
  it("marks personal data for publication to drop", () => {
    expect(Case.piiPaths()).toEqual([
      "victim.dateOfBirth",
      "victim.name",
      "victim.phone",
      "victim.village",
      "notes",
    ])
  })
  it("advances through the stage machine and refuses a child's return without a best-interest determination", () => {
    const c = aCase()
    expect(c.isChild).toBe(true)
    const returned = Case.advance(c, "return_reception", { date: "2023-07-01" as IsoDate })
    expect(Result.isSuccess(returned) && returned.success.currentStage).toBe("return_reception")
    const { bestInterestDetermination: _bid, ...rest } = c
    const withoutBid = new Case.Case(rest, { disableChecks: true })
    const refused = Case.advance(withoutBid, "return_reception", { date: "2023-07-01" as IsoDate })
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("BestInterestDeterminationRequired")
  })
  it("rejects a case whose history breaks the machine, with a case-worker message", () => {
    const json = Case.encodeCase(aCase())
    const broken = {
      ...json,
      stageHistory: [...json.stageHistory, { stage: "identification", date: "2023-06-20", legalBasis: [] }],
    }
    const result = Case.decodeCase(broken)
    expect(Result.isFailure(result) && result.failure.issues.map((i) => i.message)).toEqual([
      'stageHistory: A case in "assessment_bid" cannot move to "identification"; allowed: return_reception, reintegration, declined_assistance, lost_contact, re_trafficked, referred_elsewhere',
    ])
  })
  it("refuses to flatten what a row cannot hold", () => {
    const json = Case.encodeCase(aCase())
    const detailed = Result.getOrThrow(
      Case.decodeCase({
        ...json,
        referrals: ["iom", "afesip"],
        route: [
          ...json.route,
          { _tag: "recruitment", location: { _tag: "district", code: "LA1301" }, date: "2023-01-01" },
        ],
      }),
    )
    const flat = CaseRow.fromCase(detailed)
    expect(Result.isFailure(flat) && flat.failure.reasons).toEqual([
      "route[2] has a date; a row has no column for route dates",
      "route[2]: a recruitment event at a district has no column in a row",
      "a row holds only one referral (referred_to)",
    ])
  })
})
