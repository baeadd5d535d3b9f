/** fast-check arbitraries for valid CaseRow values, built by walking the stage machine. */
import * as fc from "fast-check"
import * as BestInterest from "../src/BestInterest.ts"
import * as CaseRow from "../src/CaseRow.ts"
import * as CaseStage from "../src/CaseStage.ts"
import { yearsBetween } from "../src/internal/date.ts"
import { presumedChildRow } from "../src/internal/rowChecks.ts"

const DAY = 86_400_000
export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

const codes = (column: CaseRow.ColumnName): ReadonlyArray<string> => CaseRow.columnSpecs[column].codes ?? []
const code = (column: CaseRow.ColumnName) => fc.constantFrom(...codes(column))
const maybe = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: "" })
const listOf = (column: CaseRow.ColumnName) =>
  fc.uniqueArray(code(column), { maxLength: 4 }).map((items) => items.join(";"))

const stageColumn: Partial<Record<CaseStage.CaseStage, CaseRow.ColumnName>> = {
  interim_care: "interim_care_date",
  assessment_bid: "assessment_date",
  return_reception: "return_date",
  reintegration: "reintegration_date",
  follow_up: "follow_up_date",
  closed: "closed_date",
}

const provinceOf = (district: string): string =>
  CaseRow.caseRowCrossFieldRules.flatMap((rule) =>
    rule.kind === "provinceOfDistrict" ? [rule.pairs[district]!] : [],
  )[0]!

export const validRow: fc.Arbitrary<CaseRow.CaseRow> = fc
  .record({
    case_id: fc.stringMatching(/^[A-Za-z0-9._/-]{1,64}$/),
    source: code("source"),
    idDay: fc.integer({ min: 0, max: 12_500 }),
    identifying_agency: maybe(code("identifying_agency")),
    identification_setting: maybe(code("identification_setting")),
    victim_group: code("victim_group"),
    sex: code("sex"),
    ageMode: fc.constantFrom("none", "age", "dob", "both"),
    age: fc.integer({ min: 0, max: 120 }),
    dobDaysBefore: fc.integer({ min: 0, max: 30_000 }),
    citizenship: code("citizenship"),
    ethnicity: maybe(code("ethnicity")),
    first_language: fc.string({ maxLength: 64 }),
    origin_district: maybe(code("origin_district")),
    withProvince: fc.boolean(),
    identification_district: maybe(code("identification_district")),
    idPlace: fc.constantFrom("none", "province", "district", "both"),
    identification_province: code("identification_province"),
    border_checkpoint: maybe(code("border_checkpoint")),
    destination_country: maybe(code("destination_country")),
    exploitation_district: maybe(code("exploitation_district")),
    exploitation_form: code("exploitation_form"),
    industry: maybe(code("industry")),
    means_of_control: listOf("means_of_control"),
    perpetrator_roles: listOf("perpetrator_roles"),
    legal_basis: listOf("legal_basis"),
    choices: fc.array(fc.nat(), { maxLength: 7 }),
    gaps: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 8, maxLength: 8 }),
    wantBid: fc.boolean(),
    bid_outcome: code("bid_outcome"),
    bid_decided_by: code("bid_decided_by"),
    services: listOf("services"),
    referred_to: maybe(code("referred_to")),
    consent: maybe(code("consent")),
    victim_name: fc.string({ maxLength: 40 }),
    phone: fc.string({ maxLength: 32 }),
    village: fc.string({ maxLength: 40 }),
    notes: fc.string({ maxLength: 200 }),
    trafficking_status: maybe(code("trafficking_status")),
    recruitment_method: maybe(code("recruitment_method")),
    recruiter_relationship: maybe(code("recruiter_relationship")),
    recruitedYearsBefore: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    monthsShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
  .map((r) => {
    const row = CaseRow.emptyRow()
    const idDate = addDays("1990-01-01", r.idDay)
    Object.assign(row, {
      case_id: r.case_id,
      source: r.source,
      identification_date: idDate,
      identifying_agency: r.identifying_agency,
      identification_setting: r.identification_setting,
      victim_group: r.victim_group,
      sex: r.sex,
      age_years: r.ageMode === "age" || r.ageMode === "both" ? String(r.age) : "",
      date_of_birth: r.ageMode === "dob" || r.ageMode === "both" ? addDays(idDate, -r.dobDaysBefore) : "",
      citizenship: r.citizenship,
      ethnicity: r.ethnicity,
      first_language: r.first_language,
      origin_district: r.origin_district,
      origin_province:
        r.withProvince && r.origin_district !== ""
          ? CaseRow.caseRowCrossFieldRules.flatMap((rule) =>
              rule.kind === "provinceOfDistrict" ? [rule.pairs[r.origin_district]!] : [],
            )[0]!
          : "",
      identification_province:
        r.idPlace === "province"
          ? r.identification_province
          : r.idPlace === "both" && r.identification_district !== ""
            ? provinceOf(r.identification_district)
            : "",
      identification_district:
        r.idPlace === "district" || r.idPlace === "both" ? r.identification_district : "",
      border_checkpoint: r.border_checkpoint,
      destination_country: r.destination_country,
      exploitation_district: r.exploitation_district,
      exploitation_form: r.exploitation_form,
      industry: r.industry,
      means_of_control: r.means_of_control,
      perpetrator_roles: r.perpetrator_roles,
      legal_basis: r.legal_basis,
      services: r.services,
      referred_to: r.referred_to,
      consent: r.consent,
      victim_name: r.victim_name,
      phone: r.phone,
      village: r.village,
      notes: r.notes,
      trafficking_status: r.trafficking_status,
      recruitment_method: r.recruitment_method,
      recruiter_relationship: r.recruiter_relationship,
    })
    // Recruitment age and length of exploitation, consistent with the age at identification.
    const ages = [
      ...(row.age_years === "" ? [] : [Number(row.age_years)]),
      ...(row.date_of_birth === "" ? [] : [yearsBetween(row.date_of_birth, idDate)]),
    ]
    const ageAtId = ages.length === 0 ? 120 : Math.min(...ages)
    const recruited =
      r.recruitedYearsBefore === undefined ? undefined : Math.max(0, ageAtId - r.recruitedYearsBefore)
    row.age_at_recruitment = recruited === undefined ? "" : String(recruited)
    if (r.monthsShare !== undefined)
      row.exploitation_months = String(
        Math.min(1200, Math.floor(r.monthsShare * (12 * (ageAtId - (recruited ?? 0)) + 11))),
      )
    // Walk the stage machine from identification with non-decreasing dates.
    let stage: CaseStage.CaseStage = "identification"
    let date = idDate
    let bidAnchor = idDate
    let moved = false
    r.choices.forEach((choice, i) => {
      // A row holds one date per stage: walk forward only (no failed return, no re-assessment).
      const options = CaseStage.allowedFrom(stage).filter((to) => CaseStage.rank(to) > CaseStage.rank(stage))
      if (options.length === 0) return
      const from = stage
      stage = options[choice % options.length]!
      date = addDays(date, r.gaps[i] ?? 0)
      if (CaseStage.isExit(stage)) {
        row.exit_reason = stage
        row.exit_date = date
      } else row[stageColumn[stage]!] = date
      if (!moved && CaseStage.rank(stage) <= CaseStage.rank("assessment_bid")) bidAnchor = date
      if (BestInterest.moveNeedsBid(from, stage)) moved = true
    })
    // Anyone presumed a child (age unknown or under 18 by either measure) gets a full BID first.
    const child = presumedChildRow(row, CaseRow.childSpec)
    if ((child && moved) || r.wantBid) {
      row.bid_date = bidAnchor
      row.bid_outcome = r.bid_outcome
      row.bid_decided_by = r.bid_decided_by
    }
    return row as CaseRow.CaseRow
  })
  .filter((row) => CaseRow.decodeCaseRow(row)._tag === "Success")

/** Junk: anything, or rows with random cells and random keys. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom(...CaseRow.columnNames, "extra", "__proto__", "constructor"), fc.anything()),
  validRow.chain((row) =>
    fc
      .record({
        column: fc.constantFrom(...CaseRow.columnNames),
        value: fc.oneof(fc.string(), fc.anything()),
      })
      .map(({ column, value }) => ({ ...row, [column]: value })),
  ),
)

/**
 * Random histories for the child safeguards: a valid row whose age, date of birth and BID are then
 * redrawn (age unknown, disputed, child or adult; BID missing, partial, early or late), so about
 * half break a safeguard. Other rules stay satisfied except where the BID date itself breaks the
 * order of the stage dates.
 */
export const safeguardRow: fc.Arbitrary<CaseRow.CaseRow> = fc
  .record({
    row: validRow,
    age: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    dobYears: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    dobDays: fc.integer({ min: 0, max: 364 }),
    bid: fc.constantFrom("keep", "none", "date_only", "no_body", "no_outcome", "early", "late", "full_at_id"),
    lateDays: fc.integer({ min: 1, max: 400 }),
  })
  .map(({ row, age, dobYears, dobDays, bid, lateDays }) => {
    const r = { ...row }
    r.age_years = age === undefined ? "" : String(age)
    r.date_of_birth =
      dobYears === undefined
        ? ""
        : (() => {
            const y = Number(r.identification_date.slice(0, 4)) - dobYears
            const candidate = addDays(
              `${y}${r.identification_date.slice(4)}`.replace("-02-29", "-02-28"),
              -dobDays,
            )
            return [candidate, r.identification_date].sort()[0]!
          })()
    const full = (date: string) => {
      r.bid_date = date
      r.bid_outcome = "return_home"
      r.bid_decided_by = "mlsw"
    }
    switch (bid) {
      case "none":
        r.bid_date = r.bid_outcome = r.bid_decided_by = ""
        break
      case "date_only":
        full(r.bid_date === "" ? r.identification_date : r.bid_date)
        r.bid_outcome = r.bid_decided_by = ""
        break
      case "no_body":
        full(r.bid_date === "" ? r.identification_date : r.bid_date)
        r.bid_decided_by = ""
        break
      case "no_outcome":
        full(r.bid_date === "" ? r.identification_date : r.bid_date)
        r.bid_outcome = ""
        break
      case "early":
        full(addDays(r.identification_date, -lateDays))
        break
      case "late":
        full(addDays(r.bid_date === "" ? r.identification_date : r.bid_date, lateDays))
        break
      case "full_at_id":
        full(r.identification_date)
        break
    }
    return r as CaseRow.CaseRow
  })

/**
 * Random recruitment ages and lengths of exploitation on a valid row whose age (recorded, from the
 * date of birth, both or neither) is redrawn too, so that about half break the `ageSpan` rules
 * (recruited_before_identification, exploitation_after_recruitment).
 */
export const spanRow: fc.Arbitrary<CaseRow.CaseRow> = fc
  .record({
    row: validRow,
    age: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    dobDaysBefore: fc.option(fc.integer({ min: 0, max: 40 * 366 }), { nil: undefined }),
    recruited: fc.option(fc.integer({ min: 0, max: 45 }), { nil: undefined }),
    months: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  })
  .map(({ row, age, dobDaysBefore, recruited, months }) => {
    const r = { ...row }
    r.age_years = age === undefined ? "" : String(age)
    r.date_of_birth = dobDaysBefore === undefined ? "" : addDays(r.identification_date, -dobDaysBefore)
    r.age_at_recruitment = recruited === undefined ? "" : String(recruited)
    r.exploitation_months = months === undefined ? "" : String(months)
    // a full BID, so the child safeguards never decide the verdict
    r.bid_date = r.bid_date === "" ? r.identification_date : r.bid_date
    r.bid_outcome = "return_home"
    r.bid_decided_by = "mlsw"
    // child_labour needs a child: keep the exploitation rules out of the verdict
    if (r.exploitation_form === "child_labour") r.exploitation_form = "forced_labour"
    return r as CaseRow.CaseRow
  })
