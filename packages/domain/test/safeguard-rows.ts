/** The rows of issue 13's child-safeguard bypasses (shared by the domain and warehouse tests). */
import * as CaseRow from "../src/CaseRow.ts"

const base: CaseRow.CaseRow = {
  ...CaseRow.emptyRow(),
  case_id: "BYPASS-1",
  source: "lwu",
  identification_date: "2024-03-15",
  victim_group: "repatriated_lao",
  sex: "female",
  citizenship: "LAO",
  destination_country: "THA",
  exploitation_form: "sexual_exploitation",
  interim_care_date: "2024-03-16",
}

export const bypassRows: Readonly<Record<string, CaseRow.CaseRow>> = {
  "age unknown, moved to return and reception without a BID": { ...base, return_date: "2024-04-02" },
  "a child moved to reintegration without a BID": {
    ...base,
    age_years: "15",
    reintegration_date: "2024-04-02",
  },
  "a child moved to follow-up without a BID": {
    ...base,
    age_years: "15",
    reintegration_date: "2024-04-02",
    follow_up_date: "2024-06-02",
  },
  "a child's case closed without a BID": {
    ...base,
    age_years: "15",
    reintegration_date: "2024-04-02",
    closed_date: "2024-06-02",
  },
  "a child exits by declining assistance without a BID": {
    ...base,
    age_years: "15",
    exit_reason: "declined_assistance",
    exit_date: "2024-04-02",
  },
  "a child exits as re-trafficked without a BID": {
    ...base,
    age_years: "15",
    exit_reason: "re_trafficked",
    exit_date: "2024-04-02",
  },
  "a BID dated years before identification": {
    ...base,
    age_years: "15",
    bid_date: "2019-01-01",
    bid_outcome: "return_home",
    bid_decided_by: "mlsw",
    return_date: "2024-04-02",
  },
  "a BID without outcome or deciding body": {
    ...base,
    age_years: "15",
    bid_date: "2024-03-20",
    return_date: "2024-04-02",
  },
  "age 16 with a date of birth making the person 30": {
    ...base,
    age_years: "16",
    date_of_birth: "1994-01-01",
    return_date: "2024-04-02",
  },
}
