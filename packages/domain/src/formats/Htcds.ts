/**
 * IOM's Human Trafficking Case Data Standard (HTCDS v2.0): the crosswalk between a CaseRow and one
 * row of an HTCDS case sheet, as data, and the two conversions.
 *
 * Field names and picklist values follow the standard's published toolkit (github.com/UNMigration/HTCDS:
 * "HTCDS Field Reference.md", "Field Definitions.md", Toolkit/Survey/htcds_xlsform.xml and the Excel
 * templates, whose hidden first row holds the field names `prefix_FieldName`). Where HTCDS has no
 * equivalent (district P-code, ethnic group, border checkpoint, legal basis, protection stages, ...)
 * the value travels in a documented extension field `lao_*`. Where a mapping loses detail (our
 * `online_scam` is HTCDS `Other`), the exact code is also written to an extension field, and only
 * then, so a reader that knows the extension gets the code back and one that does not still reads
 * valid HTCDS.
 *
 * Personal data (name, phone, village, date of birth, notes) is written only when asked for
 * (`includePii`). This module maps text to text; decoding stays with `CaseRow`.
 */
import * as Result from "effect/Result"
import type * as Case from "../Case.ts"
import * as CaseRow from "../CaseRow.ts"
import * as CaseStage from "../CaseStage.ts"
import * as Citizenship from "../Citizenship.ts"
import type { DecodeError } from "../DecodeError.ts"
import type * as Exploitation from "../Exploitation.ts"
import * as Partner from "../Partner.ts"
import type * as Person from "../Person.ts"
import * as Place from "../Place.ts"
import * as Recruitment from "../Recruitment.ts"

export const version = "2.0"
export const sourceUrl = "https://github.com/UNMigration/HTCDS"

/** One row of an HTCDS sheet: field name -> cell text ("" = empty). */
export type HtcdsRecord = Readonly<Record<string, string>>

export interface FieldSpec {
  readonly field: string
  /** The label HTCDS shows (row 2 of the Excel template), or ours for an extension. */
  readonly label: string
  /** `htcds`: a field of the standard; `extension`: ours, prefixed `lao_`. */
  readonly kind: "htcds" | "extension"
  readonly pii: boolean
  readonly hxl: string
}

const h = (field: string, label: string, hxl: string, pii = false): FieldSpec => ({
  field,
  label,
  kind: "htcds",
  pii,
  hxl,
})
const x = (field: string, label: string, hxl: string, pii = false): FieldSpec => ({
  field,
  label,
  kind: "extension",
  pii,
  hxl,
})

/** Columns of an HTCDS case sheet written by `fromCaseRow`, in order. */
export const fields: ReadonlyArray<FieldSpec> = [
  x("lao_case_id", "Case ID (Lao extension)", "#meta+id"),
  x("lao_source", "Reporting partner code (Lao extension)", "#org+code+reporting"),
  x("lao_identification_date", "Identification date (Lao extension)", "#date+identified"),
  h(
    "vic_TraffickingStatusDecisionMakingOrg",
    "Trafficking Status Decision Making Organization",
    "#org+type+identifying",
  ),
  x("lao_identifying_agency", "Identifying agency code (Lao extension)", "#org+code+identifying"),
  x("lao_identification_setting", "Identification setting (Lao extension)", "#loc+type+identified"),
  x(
    "lao_identification_adm1_pcode",
    "Province of identification, P-code (Lao extension)",
    "#adm1+code+identified",
  ),
  x(
    "lao_identification_adm2_pcode",
    "District of identification, P-code (Lao extension)",
    "#adm2+code+identified",
  ),
  x("lao_victim_group", "Victim group (Lao extension)", "#group+code"),
  h("prs_FirstName", "First Name", "#respondee+name", true),
  h("prs_SecondName", "Second Name", "#respondee+name+family", true),
  h("prs_Birthdate", "Birthdate", "#date+birth", true),
  h("prs_Gender", "Gender", "#respondee+sex"),
  x("lao_age_years", "Age in years at identification (Lao extension)", "#respondee+age"),
  h("prs_Citizenship", "Citizenship", "#country+code+v_iso2+nationality"),
  x(
    "lao_citizenship",
    "Citizenship when not a country: stateless or unknown (Lao extension)",
    "#status+nationality+code",
  ),
  x("lao_ethnic_group", "Ethnic group (Lao extension)", "#respondee+ethnicity+code"),
  x("lao_first_language", "First language (Lao extension)", "#respondee+language"),
  h("prs_MobilePhone", "Mobile Phone", "#contact+phone", true),
  h("prs_MailingCity", "Mailing City", "#loc+name+village", true),
  x("lao_adm1_pcode", "Province of origin, P-code (Lao extension)", "#adm1+code+origin"),
  x("lao_adm2_pcode", "District of origin, P-code (Lao extension)", "#adm2+code+origin"),
  x("lao_border_checkpoint", "Border checkpoint (Lao extension)", "#loc+code+border"),
  h("vic_LocationOfExploitation", "Location of Exploitation", "#country+code+v_iso2+dest"),
  x(
    "lao_exploitation_adm2_pcode",
    "District of exploitation in Lao PDR, P-code (Lao extension)",
    "#adm2+code+dest",
  ),
  h("vic_TypeOfExploitation", "Type of Exploitation", "#indicator+exploitation"),
  x(
    "lao_exploitation_form",
    "Form of exploitation, exact code (Lao extension)",
    "#indicator+exploitation+code",
  ),
  h("vic_ForcedLabourIndustry", "Forced Labour Industry", "#sector+isic"),
  x("lao_industry", "Industry, exact code (Lao extension)", "#sector+code"),
  h("vic_MethodsOfControl", "Methods of Control", "#indicator+control+list"),
  h("vic_MethodOfRecruitment", "Method of Recruitment", "#indicator+recruitment"),
  x(
    "lao_recruiter_relationship",
    "Recruiter's relationship to the person (Lao extension)",
    "#indicator+recruiter+relation+code",
  ),
  x("lao_age_at_recruitment", "Age at recruitment (Lao extension)", "#respondee+age+recruited"),
  x(
    "lao_exploitation_months",
    "Length of exploitation in months (Lao extension)",
    "#indicator+exploitation+months",
  ),
  x("lao_trafficking_status", "Trafficking status (Lao extension)", "#status+trafficking+code"),
  x("lao_perpetrator_roles", "Perpetrator roles (Lao extension)", "#indicator+perpetrator+list"),
  x("lao_legal_basis", "Legal basis (Lao extension)", "#meta+legal+list"),
  h("cas_Status", "Status", "#status+case"),
  x("lao_interim_care_date", "Interim care date (Lao extension)", "#date+interim_care"),
  x("lao_assessment_date", "Assessment date (Lao extension)", "#date+assessment"),
  x("lao_bid_date", "Best-interest determination date (Lao extension)", "#date+bid"),
  x("lao_bid_outcome", "Best-interest determination outcome (Lao extension)", "#indicator+bid+outcome+code"),
  x("lao_bid_decided_by", "Best-interest determination made by (Lao extension)", "#org+code+bid"),
  x("lao_return_date", "Return date (Lao extension)", "#date+return"),
  x("lao_reintegration_date", "Reintegration date (Lao extension)", "#date+reintegration"),
  x("lao_follow_up_date", "Follow-up date (Lao extension)", "#date+follow_up"),
  x("lao_closed_date", "Closed date (Lao extension)", "#date+closed"),
  h("cas_ReasonForCaseClosure", "Reason for Case Closure", "#status+exit+reason"),
  x("lao_exit_reason", "Exit reason code (Lao extension)", "#status+exit+code"),
  x("lao_exit_date", "Exit date (Lao extension)", "#date+exit"),
  x("lao_services", "Services (Lao extension)", "#service+list"),
  h("cas_ReferredOrganisation", "Referred Organisation", "#org+name+referred"),
  x("lao_referred_to", "Referred to, partner code (Lao extension)", "#org+code+referred"),
  h("con_Consent", "Consent", "#status+consent"),
  x("lao_consent", "Consent, exact code (Lao extension)", "#status+consent+code"),
  x("lao_notes", "Notes (Lao extension)", "#description+notes", true),
]

const fieldByName = new Map(fields.map((f) => [f.field, f]))
export const fieldNames: ReadonlyArray<string> = fields.map((f) => f.field)

// ---------------------------------------------------------------------------------------------
// Value maps (each one is a row of the crosswalk in docs/interop.md)

/** prs_Gender, the IOM gender values of the HTCDS toolkit (v1.0+). */
export const sexToGender: { readonly [K in Person.Sex]: string } = {
  female: "Feminine",
  male: "Masculine",
  transgender_woman: "TransgenderFeminine",
  transgender_man: "TransgenderMasculine",
  non_binary: "NonConforming",
  unknown: "NonSpecifiedUnknown",
}

/** Gender values read back, including the pre-1.0 values of the Field Reference. Keys are lower case without spaces. */
export const genderToSex: Readonly<Record<string, Person.Sex>> = {
  feminine: "female",
  female: "female",
  transgenderfeminine: "transgender_woman",
  masculine: "male",
  male: "male",
  transgendermasculine: "transgender_man",
  nonconforming: "non_binary",
  transgender: "non_binary",
  "transgender/nonconforming": "non_binary",
  nonspecifiedunknown: "unknown",
  notspecified: "unknown",
  unknown: "unknown",
}

/** vic_TypeOfExploitation. */
export const formToType: { readonly [K in Exploitation.ExploitationForm]: string } = {
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

/** HTCDS types read back; the HTCDS-only types are `other`. */
export const typeToForm: Readonly<Record<string, Exploitation.ExploitationForm>> = {
  SexualExploitation: "sexual_exploitation",
  ForcedLabour: "forced_labour",
  ForcedMarriage: "forced_marriage",
  ChildLabour: "child_labour",
  Servitude: "servitude",
  ForcedBegging: "forced_begging",
  ForcedMilitaryByNonStateActors: "forced_military_service",
  OrganRemoval: "organ_removal",
  ForcedAdoption: "forced_adoption",
  Surrogacy: "surrogacy",
  Other: "other",
}

/** vic_ForcedLabourIndustry (ISIC rev. 4 sections, as HTCDS spells them). `unknown` is left empty. */
export const industryToIsic: { readonly [K in Exploitation.Industry]: string } = {
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
}

export const isicToIndustry: Readonly<Record<string, Exploitation.Industry>> = {
  A_AgricultureForestryAndFishing: "agriculture",
  C_Manufacturing: "factory",
  F_Construction: "construction",
  T_ActivitiesOfHouseholdsAsEmployers: "domestic_work",
  R_ArtsEntertainmentAndRecreation: "entertainment",
  I_AccommodationAndFoodServiceActivities: "hospitality",
  J_InformationAndCommunication: "scam_compound",
  S_OtherServiceActivities: "other",
}

/** vic_MethodsOfControl (Field Reference value names). Every code has its own value: lossless. */
export const meansToMethod: { readonly [K in Exploitation.MeansOfControl]: string } = {
  debt_bondage: "DebtBondage",
  takes_earnings: "TakesEarnings",
  restricts_movement: "RestrictsMovement",
  threats: "Threats",
  physical_abuse: "PhysicalAbuse",
  sexual_abuse: "SexualAbuse",
  psychological_abuse: "PsychologicalAbuse",
  withholds_documents: "WithholdsDocuments",
  withholds_necessities: "WithholdsNecessities",
  false_promises: "FalsePromises",
  drugs_alcohol: "PsychoactiveSubstances",
  threats_law_enforcement: "ThreatOfLawEnforcement",
  threatens_family: "ThreatensChildrenFamily",
  excessive_working_hours: "ExcessiveWorkingHours",
  restricts_medical_care: "RestrictsMedicalCare",
  restricts_financial_access: "RestrictsFinancialAccess",
  limits_access_to_children: "UsesChildren",
  other: "Other",
}

/** Methods read back, including the toolkit XLSForm's spellings. */
export const methodToMeans: Readonly<Record<string, Exploitation.MeansOfControl>> = {
  ...Object.fromEntries(Object.entries(meansToMethod).map(([code, method]) => [method, code])),
  PhysicalThreats: "threats",
  ThreatsLawEnforcement: "threats_law_enforcement",

  PsychoactiveSubstance: "drugs_alcohol",
}

/** vic_TraffickingStatusDecisionMakingOrg: the kind of organisation, from the partner's type. */
export const agencyToOrgType = (partner: Partner.Partner): string => {
  if (partner === "mps_atd") return "Police"
  if (partner === "prosecutor") return "CourtOrProsecution"
  switch (Partner.typeOf(partner)) {
    case "government":
      return "NonPoliceGovernmentalOrganization"
    case "ngo":
      return "NGO"
    default:
      return "Other"
  }
}

/** cas_Status from the stages a row records. */
export const caseStatus = (row: CaseRow.CaseRow): string => {
  if (row.exit_reason === "referred_elsewhere") return "ClosedReferred"
  if (row.closed_date !== "" || row.exit_reason !== "") return "Closed"
  if (row.follow_up_date !== "") return "FollowUp"
  return "Active"
}

export const consentToAgreement: Readonly<Record<string, string>> = { yes: "TRUE", no: "FALSE", unknown: "" }

// ---------------------------------------------------------------------------------------------
// Crosswalk as data (rendered in docs/interop.md, tested cell by cell)

export interface CrosswalkRow {
  readonly column: CaseRow.ColumnName
  /** The HTCDS field, or null when HTCDS has none. */
  readonly htcds: string | null
  /** The extension field holding the exact value (always, or only when the HTCDS value is lossy). */
  readonly extension: string | null
  readonly note: string
}

export const crosswalk: ReadonlyArray<CrosswalkRow> = [
  {
    column: "case_id",
    htcds: null,
    extension: "lao_case_id",
    note: "HTCDS has no case identifier field (case systems generate their own).",
  },
  { column: "source", htcds: null, extension: "lao_source", note: "The partner that reported the record." },
  {
    column: "identification_date",
    htcds: null,
    extension: "lao_identification_date",
    note: "Read from cas_IncomingReferralDate when the extension is missing.",
  },
  {
    column: "identifying_agency",
    htcds: "vic_TraffickingStatusDecisionMakingOrg",
    extension: "lao_identifying_agency",
    note: "HTCDS records the kind of organisation (Police, NGO, ...), not which one: lossy, the code is always in the extension.",
  },
  {
    column: "identification_setting",
    htcds: null,
    extension: "lao_identification_setting",
    note: "Where the person was identified (bus station, border checkpoint, hotline, ...); we found no HTCDS field for it.",
  },
  {
    column: "identification_province",
    htcds: null,
    extension: "lao_identification_adm1_pcode",
    note: "Province P-code where the person was identified; no HTCDS field in the field list we read (and no CTDC variable).",
  },
  {
    column: "identification_district",
    htcds: null,
    extension: "lao_identification_adm2_pcode",
    note: "District P-code where the person was identified; no HTCDS equivalent.",
  },
  {
    column: "victim_group",
    htcds: null,
    extension: "lao_victim_group",
    note: "Lao protection group; no HTCDS equivalent.",
  },
  { column: "sex", htcds: "prs_Gender", extension: null, note: "IOM gender values; lossless." },
  {
    column: "date_of_birth",
    htcds: "prs_Birthdate",
    extension: null,
    note: "PII: written only with includePii.",
  },
  {
    column: "age_years",
    htcds: null,
    extension: "lao_age_years",
    note: "HTCDS 1.0 'Age at Entry into Trafficking' is a different age (at recruitment).",
  },
  {
    column: "citizenship",
    htcds: "prs_Citizenship",
    extension: "lao_citizenship",
    note: "ISO 3166-1 alpha-2 in HTCDS, alpha-3 here; lossless. stateless and unknown have no ISO code: prs_Citizenship stays empty and the code goes to the extension.",
  },
  { column: "ethnicity", htcds: null, extension: "lao_ethnic_group", note: "49 official Lao ethnic groups." },
  { column: "first_language", htcds: null, extension: "lao_first_language", note: "Free text." },
  {
    column: "origin_district",
    htcds: null,
    extension: "lao_adm2_pcode",
    note: "District P-code of origin; no HTCDS equivalent.",
  },
  { column: "origin_province", htcds: null, extension: "lao_adm1_pcode", note: "Province P-code of origin." },
  {
    column: "border_checkpoint",
    htcds: null,
    extension: "lao_border_checkpoint",
    note: "HTCDS transit events (hte_) are a separate table; a case row has no place for them.",
  },
  {
    column: "destination_country",
    htcds: "vic_LocationOfExploitation",
    extension: null,
    note: "Written as ISO alpha-2; read back as any country code or name.",
  },
  {
    column: "exploitation_district",
    htcds: null,
    extension: "lao_exploitation_adm2_pcode",
    note: "District of exploitation inside Lao PDR.",
  },
  {
    column: "exploitation_form",
    htcds: "vic_TypeOfExploitation",
    extension: "lao_exploitation_form",
    note: "online_scam has no HTCDS type (written Other, exact code in the extension). HTCDS-only types (organ removal, forced military, ...) read as other.",
  },
  {
    column: "industry",
    htcds: "vic_ForcedLabourIndustry",
    extension: "lao_industry",
    note: "ISIC sections: fishing and agriculture share A, begging and other share S, unknown is empty; the exact code goes to the extension when lossy.",
  },
  {
    column: "means_of_control",
    htcds: "vic_MethodsOfControl",
    extension: null,
    note: "';'-separated (the HTCDS multi-select template's delimiter); lossless. HTCDS-only methods read as the nearest code.",
  },
  {
    column: "perpetrator_roles",
    htcds: null,
    extension: "lao_perpetrator_roles",
    note: "HTCDS per_RoleInProcess sits on the perpetrator's own record, not on the victim's row.",
  },
  { column: "legal_basis", htcds: null, extension: "lao_legal_basis", note: "Lao legal articles." },
  {
    column: "interim_care_date",
    htcds: null,
    extension: "lao_interim_care_date",
    note: "Protection stages; HTCDS has only cas_Status.",
  },
  { column: "assessment_date", htcds: null, extension: "lao_assessment_date", note: "" },
  { column: "bid_date", htcds: null, extension: "lao_bid_date", note: "" },
  { column: "bid_outcome", htcds: null, extension: "lao_bid_outcome", note: "" },
  { column: "bid_decided_by", htcds: null, extension: "lao_bid_decided_by", note: "" },
  { column: "return_date", htcds: null, extension: "lao_return_date", note: "" },
  { column: "reintegration_date", htcds: null, extension: "lao_reintegration_date", note: "" },
  { column: "follow_up_date", htcds: null, extension: "lao_follow_up_date", note: "" },
  {
    column: "closed_date",
    htcds: null,
    extension: "lao_closed_date",
    note: "cas_Status is derived from the stages.",
  },
  {
    column: "trafficking_status",
    htcds: null,
    extension: "lao_trafficking_status",
    note: "The HTCDS field reference we read lists no trafficking-status values; the code travels in the extension.",
  },
  {
    column: "recruitment_method",
    htcds: "vic_MethodOfRecruitment",
    extension: null,
    note: "One HTCDS value name per code (Recruitment.methodToHtcds); lossless. HTCDS allows several: the first is read back.",
  },
  {
    column: "recruiter_relationship",
    htcds: null,
    extension: "lao_recruiter_relationship",
    note: "No HTCDS field; CTDC exports set recruiterRelation* from it.",
  },
  {
    column: "age_at_recruitment",
    htcds: null,
    extension: "lao_age_at_recruitment",
    note: "HTCDS 1.0 had 'Age at Entry into Trafficking'; v2.0 has no such field.",
  },
  { column: "exploitation_months", htcds: null, extension: "lao_exploitation_months", note: "" },
  {
    column: "exit_reason",
    htcds: "cas_ReasonForCaseClosure",
    extension: "lao_exit_reason",
    note: "HTCDS holds free text (the English label); the code is in the extension.",
  },
  { column: "exit_date", htcds: null, extension: "lao_exit_date", note: "" },
  {
    column: "services",
    htcds: null,
    extension: "lao_services",
    note: "HTCDS support plans are a separate table.",
  },
  {
    column: "referred_to",
    htcds: "cas_ReferredOrganisation",
    extension: "lao_referred_to",
    note: "HTCDS holds the organisation (its English name here); the code goes to the extension.",
  },
  {
    column: "consent",
    htcds: "con_Consent",
    extension: "lao_consent",
    note: "HTCDS 2.0 core con_Consent, TRUE/FALSE; 'unknown' is empty in HTCDS and kept in the extension. The deprecated vic_AgreementToManagePersonalData is still read.",
  },
  {
    column: "victim_name",
    htcds: "prs_FirstName",
    extension: null,
    note: "PII. The whole name; read back as First + Second Name.",
  },
  { column: "phone", htcds: "prs_MobilePhone", extension: null, note: "PII." },
  {
    column: "village",
    htcds: "prs_MailingCity",
    extension: null,
    note: "PII. Home village as the mailing city.",
  },
  {
    column: "notes",
    htcds: null,
    extension: "lao_notes",
    note: "PII. HTCDS case comments are a separate table.",
  },
]

// ---------------------------------------------------------------------------------------------
// CaseRow -> HTCDS

export interface WriteOptions {
  /** Write the personal data fields (name, phone, village, date of birth, notes). Default false. */
  readonly includePii?: boolean
}

const iso2 = (iso3: string): string => {
  if (iso3 === "") return ""
  const found = Place.countryResult(iso3)
  return Result.isSuccess(found) ? found.success.iso2 : ""
}
const mapList = (cell: string, f: (code: string) => string): string =>
  cell === "" ? "" : cell.split(";").map(f).join(";")

/** One HTCDS record from a valid row. Every field of `fields` is present ("" when empty). */
export const fromCaseRow = (row: CaseRow.CaseRow, options: WriteOptions = {}): HtcdsRecord => {
  const out: Record<string, string> = Object.fromEntries(fieldNames.map((f) => [f, ""]))
  const set = (field: string, value: string) => {
    if (!fieldByName.has(field)) throw new Error(`not an HTCDS sheet field: ${field}`)
    out[field] = value
  }
  set("lao_case_id", row.case_id)
  set("lao_source", row.source)
  set("lao_identification_date", row.identification_date)
  if (row.identifying_agency !== "") {
    set("vic_TraffickingStatusDecisionMakingOrg", agencyToOrgType(row.identifying_agency as Partner.Partner))
    set("lao_identifying_agency", row.identifying_agency)
  }
  set("lao_identification_setting", row.identification_setting)
  set("lao_identification_adm1_pcode", row.identification_province)
  set("lao_identification_adm2_pcode", row.identification_district)
  set("lao_victim_group", row.victim_group)
  set("prs_Gender", sexToGender[row.sex as Person.Sex])
  // Without personal data the date of birth is dropped: keep the age it gives, or the person would
  // become "age unknown" (presumed a child) on the way back.
  set("lao_age_years", options.includePii === true ? row.age_years : CaseRow.ageWithoutDateOfBirth(row))
  set("prs_Citizenship", iso2(row.citizenship))
  if (!Citizenship.isCountry(row.citizenship as Citizenship.Citizenship))
    set("lao_citizenship", row.citizenship)
  set("lao_ethnic_group", row.ethnicity)
  set("lao_first_language", row.first_language)
  set("lao_adm1_pcode", row.origin_province)
  set("lao_adm2_pcode", row.origin_district)
  set("lao_border_checkpoint", row.border_checkpoint)
  set("vic_LocationOfExploitation", iso2(row.destination_country))
  set("lao_exploitation_adm2_pcode", row.exploitation_district)
  const form = row.exploitation_form as Exploitation.ExploitationForm
  set("vic_TypeOfExploitation", formToType[form])
  if (typeToForm[formToType[form]] !== form) set("lao_exploitation_form", form)
  if (row.industry !== "") {
    const industry = row.industry as Exploitation.Industry
    const isic = industryToIsic[industry]
    set("vic_ForcedLabourIndustry", isic)
    if (isicToIndustry[isic] !== industry) set("lao_industry", industry)
  }
  set(
    "vic_MethodsOfControl",
    mapList(row.means_of_control, (m) => meansToMethod[m as Exploitation.MeansOfControl]),
  )
  set(
    "vic_MethodOfRecruitment",
    row.recruitment_method === ""
      ? ""
      : Recruitment.methodToHtcds[row.recruitment_method as Recruitment.RecruitmentMethod],
  )
  set("lao_recruiter_relationship", row.recruiter_relationship)
  set("lao_age_at_recruitment", row.age_at_recruitment)
  set("lao_exploitation_months", row.exploitation_months)
  set("lao_trafficking_status", row.trafficking_status)
  set("lao_perpetrator_roles", row.perpetrator_roles)
  set("lao_legal_basis", row.legal_basis)
  set("cas_Status", caseStatus(row))
  set("lao_interim_care_date", row.interim_care_date)
  set("lao_assessment_date", row.assessment_date)
  set("lao_bid_date", row.bid_date)
  set("lao_bid_outcome", row.bid_outcome)
  set("lao_bid_decided_by", row.bid_decided_by)
  set("lao_return_date", row.return_date)
  set("lao_reintegration_date", row.reintegration_date)
  set("lao_follow_up_date", row.follow_up_date)
  set("lao_closed_date", row.closed_date)
  if (row.exit_reason !== "") {
    set("cas_ReasonForCaseClosure", CaseStage.labels[row.exit_reason as CaseStage.CaseStage].en)
    set("lao_exit_reason", row.exit_reason)
  }
  set("lao_exit_date", row.exit_date)
  set("lao_services", row.services)
  if (row.referred_to !== "") {
    set("cas_ReferredOrganisation", Partner.partners[row.referred_to as Partner.Partner].en)
    set("lao_referred_to", row.referred_to)
  }
  if (row.consent !== "") {
    set("con_Consent", consentToAgreement[row.consent] ?? "")
    if (row.consent === "unknown") set("lao_consent", row.consent)
  }
  if (options.includePii === true) {
    set("prs_FirstName", row.victim_name)
    set("prs_Birthdate", row.date_of_birth)
    set("prs_MobilePhone", row.phone)
    set("prs_MailingCity", row.village)
    set("lao_notes", row.notes)
  }
  return out
}

/** The HTCDS record of a case, or why the case needs more than one row. */
export const fromCase = (
  c: Case.Case,
  options: WriteOptions = {},
): Result.Result<HtcdsRecord, CaseRow.CaseNotFlattenable> =>
  Result.map(CaseRow.fromCase(c), (row) => fromCaseRow(row, options))

// ---------------------------------------------------------------------------------------------
// HTCDS -> CaseRow

export interface ReadOptions {
  /** Values for empty cells, e.g. `{ source: "iom", victim_group: "repatriated_lao" }`. */
  readonly defaults?: Readonly<Partial<Record<CaseRow.ColumnName, string>>>
}

const key = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, "")

/**
 * A value name or label reduced to letters and digits, so that a template's dropdown label
 * ("Agriculture, forestry and fishing", "Physical threats") meets its value name
 * (`A_AgricultureForestryAndFishing`, `PhysicalThreats`).
 */
const looseKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "")

/** A value map that also answers to the values' labels and, for ISIC, without the section letter. */
const byLabel = <V>(map: Readonly<Record<string, V>>): ((text: string) => V | undefined) => {
  const loose = new Map<string, V>()
  for (const [name, v] of Object.entries(map)) {
    loose.set(looseKey(name), v)
    const section = /^[A-U]_(.+)$/.exec(name)
    if (section) loose.set(looseKey(section[1]!), v)
  }
  return (text) => map[text] ?? loose.get(looseKey(text))
}
const typeOf = byLabel(typeToForm)
const industryOf = byLabel(isicToIndustry)
const methodOf = byLabel(methodToMeans)
const sexOf = byLabel(genderToSex)
const recruitmentOf = byLabel(
  Object.fromEntries(Object.entries(Recruitment.methodToHtcds).map(([code, value]) => [value, code])),
)

/**
 * The parts of a multi-select cell: `;` or `,` separated (the Excel templates), or, as a Kobo
 * export of IOM's XLSForm writes them, space separated value names; a cell that is one known
 * value or label as a whole (labels have spaces) stays one part.
 */
const splitMulti = (cell: string, known: (part: string) => unknown = () => undefined): Array<string> => {
  const t = cell.trim()
  if (t === "") return []
  const parts = /[;,]/.test(t) && known(t) === undefined ? t.split(/[;,]/) : [t]
  return parts.flatMap((p) => {
    const s = p.trim()
    if (s === "") return []
    if (known(s) !== undefined || !/\s/.test(s)) return [s]
    const words = s.split(/\s+/)
    return words.every((w) => known(w) !== undefined) ? words : [s]
  })
}

/**
 * Field names as partners' sheets spell them: case, underscores and Kobo group paths aside
 * (`prs_First_Name`, `person/prs_FirstName`), and the template's `Traffickin` for `Trafficking`.
 */
const fieldKey = (field: string): string =>
  looseKey(field.slice(field.lastIndexOf("/") + 1)).replace(/traf+ickin(?!g)|traf+icking/g, "trafficking")

/** vic_TraffickingStatusDecisionMakingOrg values that name one partner. */
const orgTypeToAgency: Readonly<Record<string, Partner.Partner>> = {
  police: "mps_atd",
  courtorprosecution: "prosecutor",
}

const countryCode = (text: string): string => {
  if (text.trim() === "") return ""
  const m = Place.findCountry(text)
  return m._tag === "Found" ? m.value.iso3 : text.trim()
}

const citizenshipCode = (text: string): string => {
  if (text.trim() === "") return ""
  const found = Citizenship.find(text)
  return Result.isSuccess(found) ? found.success : text.trim()
}

const partnerCode = (text: string): string => {
  const t = text.trim()
  if (t === "") return ""
  if ((Partner.codes as ReadonlyArray<string>).includes(t)) return t
  const found = Partner.codes.find(
    (code) => key(Partner.partners[code].en) === key(t) || key(Partner.partners[code].short) === key(t),
  )
  return found ?? t
}

/**
 * The CaseRow cells an HTCDS record describes (every column present, not yet validated: run it
 * through `CaseRow.decodeCaseRow` or the warehouse import). Unknown HTCDS values are passed through
 * unchanged so that validation reports them instead of this function hiding them.
 */
export const toCaseRowCells = (
  record: Readonly<Record<string, string | undefined>>,
  options: ReadOptions = {},
): { -readonly [K in CaseRow.ColumnName]: string } => {
  const byKey = new Map<string, string>()
  for (const [k, v] of Object.entries(record)) {
    const fk = fieldKey(k)
    if (v !== undefined && (v.trim() !== "" || !byKey.has(fk))) byKey.set(fk, v)
  }
  const get = (field: string): string => (byKey.get(fieldKey(field)) ?? "").trim()
  // Free text keeps its spaces; codes and dates are trimmed.
  const text = (field: string): string => byKey.get(fieldKey(field)) ?? ""
  const row = CaseRow.emptyRow()
  const first = (...values: ReadonlyArray<string>): string => values.find((v) => v !== "") ?? ""
  row.case_id = get("lao_case_id")
  row.source = get("lao_source")
  row.identification_date = first(get("lao_identification_date"), get("cas_IncomingReferralDate"))
  row.identifying_agency = first(
    partnerCode(get("lao_identifying_agency")),
    orgTypeToAgency[looseKey(get("vic_TraffickingStatusDecisionMakingOrg"))] ?? "",
  )
  row.identification_setting = get("lao_identification_setting")
  row.identification_province = get("lao_identification_adm1_pcode")
  row.identification_district = get("lao_identification_adm2_pcode")
  row.victim_group = get("lao_victim_group")
  const gender = get("prs_Gender")
  row.sex = gender === "" ? "" : (genderToSex[key(gender)] ?? sexOf(gender) ?? gender)
  row.date_of_birth = get("prs_Birthdate")
  row.age_years = get("lao_age_years")
  row.citizenship = citizenshipCode(
    first(get("lao_citizenship"), get("prs_Citizenship"), get("prs_Nationality")),
  )
  row.ethnicity = get("lao_ethnic_group")
  row.first_language = text("lao_first_language")
  row.origin_province = get("lao_adm1_pcode")
  row.origin_district = get("lao_adm2_pcode")
  row.border_checkpoint = get("lao_border_checkpoint")
  row.destination_country = countryCode(get("vic_LocationOfExploitation"))
  row.exploitation_district = get("lao_exploitation_adm2_pcode")
  const types = splitMulti(get("vic_TypeOfExploitation"), typeOf)
  row.exploitation_form = first(
    get("lao_exploitation_form"),
    types.length === 0 ? "" : (typeOf(types[0]!) ?? types[0]!),
  )
  const isic = get("vic_ForcedLabourIndustry")
  row.industry = first(get("lao_industry"), isic === "" ? "" : (industryOf(isic) ?? isic))
  // Our own codes too (`debt_bondage drugs_alcohol` from the HTCDS-named XLSForm).
  const meansOf = (m: string) => (Object.hasOwn(meansToMethod, m) ? m : methodOf(m))
  const means = splitMulti(get("vic_MethodsOfControl"), meansOf).map((m) => meansOf(m) ?? m)
  row.means_of_control = [...new Set(means)].join(";")
  // Code lists: `;`-separated, or space-separated as a Kobo export writes a select_multiple.
  const codes = (field: string) =>
    get(field)
      .split(/[;\s]+/)
      .filter((c) => c !== "")
      .join(";")
  const recruitment = splitMulti(get("vic_MethodOfRecruitment"), recruitmentOf)
  row.recruitment_method =
    recruitment.length === 0
      ? ""
      : Object.hasOwn(Recruitment.methodToHtcds, recruitment[0]!)
        ? recruitment[0]!
        : (recruitmentOf(recruitment[0]!) ?? recruitment[0]!)
  row.recruiter_relationship = get("lao_recruiter_relationship")
  row.age_at_recruitment = get("lao_age_at_recruitment")
  row.exploitation_months = get("lao_exploitation_months")
  row.trafficking_status = get("lao_trafficking_status")
  row.perpetrator_roles = codes("lao_perpetrator_roles")
  row.legal_basis = codes("lao_legal_basis")
  row.interim_care_date = get("lao_interim_care_date")
  row.assessment_date = get("lao_assessment_date")
  row.bid_date = get("lao_bid_date")
  row.bid_outcome = get("lao_bid_outcome")
  row.bid_decided_by = get("lao_bid_decided_by")
  row.return_date = get("lao_return_date")
  row.reintegration_date = get("lao_reintegration_date")
  row.follow_up_date = get("lao_follow_up_date")
  row.closed_date = get("lao_closed_date")
  row.exit_reason = get("lao_exit_reason")
  row.exit_date = get("lao_exit_date")
  row.services = codes("lao_services")
  row.referred_to = first(get("lao_referred_to"), partnerCode(get("cas_ReferredOrganisation")))
  const agreement = first(get("con_Consent"), get("vic_AgreementToManagePersonalData")).toUpperCase()
  row.consent = first(
    get("lao_consent"),
    agreement === "TRUE" || agreement === "YES"
      ? "yes"
      : agreement === "FALSE" || agreement === "NO"
        ? "no"
        : agreement === "UNKNOWN"
          ? "unknown"
          : "",
  )

  row.victim_name = [text("prs_FirstName"), text("prs_MiddleName"), text("prs_SecondName")]
    .filter((s) => s !== "")
    .join(" ")
  row.phone = first(text("prs_MobilePhone"), text("prs_HomePhone"))
  row.village = text("prs_MailingCity")
  row.notes = text("lao_notes")
  for (const [column, value] of Object.entries(options.defaults ?? {}))
    if (value !== undefined && row[column as CaseRow.ColumnName] === "")
      row[column as CaseRow.ColumnName] = value
  return row
}

/** The case an HTCDS record describes, with every problem reported at once. */
export const toCase = (
  record: Readonly<Record<string, string | undefined>>,
  options: ReadOptions = {},
): Result.Result<Case.Case, DecodeError> => CaseRow.decodeCaseRowToCase(toCaseRowCells(record, options))

// ---------------------------------------------------------------------------------------------
// Sheet layout

/** Row 1 field names, row 2 labels, then one row per record (the HTCDS Excel template layout). */
export const sheetRows = (records: ReadonlyArray<HtcdsRecord>): Array<Array<string>> => [
  [...fieldNames],
  fields.map((f) => f.label),
  ...records.map((r) => fieldNames.map((f) => r[f] ?? "")),
]

const labelKeys = new Map(fields.map((f) => [fieldKey(f.field), looseKey(f.label)]))

/**
 * Records from sheet rows: the first row holds field names; the second is skipped when it holds
 * the fields' labels (as in the HTCDS templates: most of its filled cells under known fields are
 * their labels). Returns the data rows with their 1-based sheet row.
 */
export const recordsFromSheet = (
  rows: ReadonlyArray<ReadonlyArray<string>>,
): Array<{ readonly rowNumber: number; readonly record: Record<string, string> }> => {
  const [names, second, ...rest] = rows
  if (names === undefined) return []
  const header = names.map((n) => n.trim())
  const filledKnown = header.flatMap((field, i) => {
    const label = labelKeys.get(fieldKey(field))
    const cell = looseKey(second?.[i] ?? "")
    return label !== undefined && cell !== "" ? [label === cell] : []
  })
  const labelHits = filledKnown.filter((hit) => hit).length
  const secondIsLabels = second !== undefined && labelHits > 0 && labelHits * 2 >= filledKnown.length
  const data = secondIsLabels ? rest : second === undefined ? [] : [second, ...rest]
  const firstDataRow = secondIsLabels ? 3 : 2
  // IOM's template pre-numbers its rows in an unnamed first column: a row with nothing under a
  // named field is not a record.
  return data.flatMap((cells, i) =>
    header.some((f, j) => f !== "" && (cells[j] ?? "").trim() !== "")
      ? [
          {
            rowNumber: firstDataRow + i,
            record: Object.fromEntries(header.flatMap((f, j) => (f === "" ? [] : [[f, cells[j] ?? ""]]))),
          },
        ]
      : [],
  )
}

/** True when a header row looks like an HTCDS sheet (field names with the HTCDS prefixes). */
export const looksLikeHtcds = (header: ReadonlyArray<string>): boolean =>
  header.filter((h) => /^(prs|vic|cas|hte|per|org|con)_/.test(h.trim().slice(h.lastIndexOf("/") + 1)))
    .length >= 2 || header.some((h) => h.trim() === "lao_case_id")
