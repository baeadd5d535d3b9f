/**
 * The flat, one-row-per-case form of a case: the spreadsheet partners fill in, the CSV the
 * warehouse imports and the XLSForm field workers use. Every cell is a string (as in a CSV); an
 * empty string means "missing"; lists are `;`-separated codes; dates are ISO `YYYY-MM-DD`.
 *
 * One table, `columnSpecs`, is the single source of truth: the schema (`CaseRow`), the
 * machine-readable checks the warehouse turns into SQL (`caseRowRules`, `caseRowCrossFieldRules`),
 * the documented column list (`caseRowColumns`), the hand-written validator (`quickCheck`) and the
 * fast path of `decodeCaseRow` are all built from it (through `internal/rowChecks.ts`), so they
 * cannot drift apart.
 *
 * Importers convert dd/mm/yyyy, Excel serials and Buddhist Era years *before* decoding; this module
 * does not guess formats.
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import * as BestInterest from "./BestInterest.ts"
import * as Case from "./Case.ts"
import * as CaseStageModule from "./CaseStage.ts"
import * as CitizenshipModule from "./Citizenship.ts"
import * as ConsentModule from "./Consent.ts"
import { DecodeError, fromSchemaResult } from "./DecodeError.ts"
import * as Ethnicity from "./Ethnicity.ts"
import * as Exploitation from "./Exploitation.ts"
import * as ExploitationLength from "./ExploitationLength.ts"
import * as IdentificationSettingModule from "./IdentificationSetting.ts"
import type * as IsoDate from "./IsoDate.ts"
import { Pii } from "./internal/annotations.ts"
import { glossary } from "./internal/glossary.ts"
import {
  ageDisputedRow,
  type ChildSpec,
  type CrossFieldRule,
  compileCell,
  compileCrossField,
  type RowCheck,
} from "./internal/rowChecks.ts"
import type { Label } from "./Label.ts"
import * as LegalBasis from "./LegalBasis.ts"
import * as PartnerModule from "./Partner.ts"
import * as Perpetrator from "./Perpetrator.ts"
import * as Person from "./Person.ts"
import * as Place from "./Place.ts"
import * as Recruitment from "./Recruitment.ts"
import * as ServiceModule from "./Service.ts"
import * as TraffickingStatusModule from "./TraffickingStatus.ts"
import * as VictimGroupModule from "./VictimGroup.ts"

// ---------------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------------

export const columnNames = [
  "case_id",
  "source",
  "identification_date",
  "identifying_agency",
  "identification_setting",
  "victim_group",
  "sex",
  "date_of_birth",
  "age_years",
  "citizenship",
  "ethnicity",
  "first_language",
  "origin_district",
  "origin_province",
  "border_checkpoint",
  "destination_country",
  "exploitation_district",
  "exploitation_form",
  "industry",
  "means_of_control",
  "perpetrator_roles",
  "legal_basis",
  "interim_care_date",
  "assessment_date",
  "bid_date",
  "return_date",
  "reintegration_date",
  "follow_up_date",
  "closed_date",
  "exit_reason",
  "exit_date",
  "services",
  "referred_to",
  "consent",
  "victim_name",
  "phone",
  "village",
  "notes",
  "bid_outcome",
  "bid_decided_by",
  "trafficking_status",
  "recruitment_method",
  "recruiter_relationship",
  "age_at_recruitment",
  "exploitation_months",
  "identification_province",
  "identification_district",
] as const
export type ColumnName = (typeof columnNames)[number]

export type ColumnType = "string" | "date" | "int" | "code" | "list"

/** The checks on one column, in the form the warehouse generates SQL from. */
export interface ColumnRule {
  readonly column: ColumnName
  /** A required column must be non-empty. Every column must be present (possibly empty). */
  readonly required: boolean
  readonly type: ColumnType
  /** Vocabulary name for `code` and `list` columns (`Sex`, `DistrictCode`, ...). */
  readonly vocabulary?: string
  /** Allowed codes for `code` columns, or allowed items for `list` columns. */
  readonly codes?: ReadonlyArray<string>
  /** `list`: item separator; items are unique and non-empty. */
  readonly separator?: ";"
  /** `int`: inclusive bounds. `date`: inclusive lower bound (ISO date). */
  readonly min?: number | string
  readonly max?: number | string
  /** `date`: not after today's date when decoding. */
  readonly notInFuture?: boolean
  /** Regular expression (ECMAScript, `u` flag) a non-empty cell must match. */
  readonly pattern?: string
  readonly minLength?: number
  readonly maxLength?: number
  /** Personal data: kept in the warehouse, never published. */
  readonly pii: boolean
}

/** Documentation of one column, for importers, the XLSForm generator and the docs. */
export interface ColumnDoc {
  readonly column: ColumnName
  readonly label: Pick<Label, "en" | "lo" | "loNeedsReview">
  readonly description: string
  readonly example: string
  readonly required: boolean
  readonly pii: boolean
}

interface ColumnSpec extends Omit<ColumnRule, "column">, Omit<ColumnDoc, "column" | "required" | "pii"> {}

const literalsOf = (schema: Schema.Top): ReadonlyArray<string> => {
  const ast = schema.ast
  if (ast._tag === "Literal") return [String(ast.literal)]
  if (ast._tag === "Union") {
    return ast.types.map((member) => {
      if (member._tag !== "Literal") throw new Error(`not a literal union: ${member._tag}`)
      return String(member.literal)
    })
  }
  throw new Error(`not a literal union: ${ast._tag}`)
}

const codeColumn = (
  vocabulary: string,
  schema: Schema.Top,
  required: boolean,
): Pick<ColumnSpec, "type" | "vocabulary" | "codes" | "required"> => ({
  type: "code",
  vocabulary,
  codes: literalsOf(schema),
  required,
})

const listColumn = (
  vocabulary: string,
  schema: Schema.Top,
): Pick<ColumnSpec, "type" | "vocabulary" | "codes" | "required" | "separator"> => ({
  type: "list",
  vocabulary,
  codes: literalsOf(schema),
  separator: ";",
  required: false,
})

const date = (required: boolean): Pick<ColumnSpec, "type" | "required" | "pattern"> => ({
  type: "date",
  required,
  pattern: "^\\d{4}-\\d{2}-\\d{2}$",
})

const text = (maxLength: number): Pick<ColumnSpec, "type" | "required" | "maxLength"> => ({
  type: "string",
  required: false,
  maxLength,
})

const en = (en: string, lo: string) => ({ en, lo, loNeedsReview: true as const })
const lo = (enText: string, term: Parameters<typeof glossary>[0]) => ({ en: enText, lo: glossary(term) })

const stageDate = (stage: CaseStageModule.CaseStage, example: string): ColumnSpec => ({
  ...date(false),
  pii: false,
  // "date ... began" + the stage's own Lao label: no English code inside a Lao header
  label: en(
    `Date ${stage} began`,
    stage === "closed"
      ? `ວັນທີ${CaseStageModule.labels[stage].lo}`
      : `ວັນທີເລີ່ມ ${CaseStageModule.labels[stage].lo}`,
  ),
  description: `Date the case entered the stage "${stage}". Empty if it never did.`,
  example,
})

/** The single source of truth for CaseRow: checks and documentation of every column. */
export const columnSpecs: { readonly [K in ColumnName]: ColumnSpec } = {
  case_id: {
    type: "string",
    required: true,
    minLength: 1,
    maxLength: 64,
    pattern: "^[A-Za-z0-9._/-]+$",
    pii: false,
    label: en("Case ID", "ລະຫັດກໍລະນີ"),
    description: "The reporting partner's own case number: 1-64 letters, digits, '.', '_', '/' or '-'.",
    example: "LWU-2024/0153",
  },
  source: {
    ...codeColumn("Partner", PartnerModule.Partner, true),
    pii: false,
    label: lo("Source", "source (of data)"),
    description: "Partner that reported this record.",
    example: "lwu",
  },
  identification_date: {
    ...date(true),
    min: "1990-01-01",
    notInFuture: true,
    pii: false,
    label: en("Identification date", "ວັນທີລະບຸຕົວ"),
    description: "Date the person was identified as a (presumed) victim; from 1990-01-01, not in the future.",
    example: "2024-03-15",
  },
  identifying_agency: {
    ...codeColumn("Partner", PartnerModule.Partner, false),
    pii: false,
    label: en("Identifying agency", "ອົງການທີ່ລະບຸຕົວ"),
    description: "Partner that identified the person.",
    example: "mps_atd",
  },
  identification_setting: {
    ...codeColumn("IdentificationSetting", IdentificationSettingModule.IdentificationSetting, false),
    pii: false,
    label: en("Identification setting", "ສະຖານທີ່ລະບຸຕົວ"),
    description: "Where the person was identified: border checkpoint, bus station, boat pier, hotline, ...",
    example: "bus_station",
  },
  victim_group: {
    ...codeColumn("VictimGroup", VictimGroupModule.VictimGroup, true),
    pii: false,
    label: en("Victim group", "ກຸ່ມຜູ້ຖືກເຄາະຮ້າຍ"),
    description: "One of the six protection groups.",
    example: "repatriated_lao",
  },
  sex: {
    ...codeColumn("Sex", Person.Sex, true),
    pii: false,
    label: lo("Sex", "sex (dimension)"),
    description: "Sex as the person states it; `unknown` if not recorded.",
    example: "female",
  },
  date_of_birth: {
    ...date(false),
    min: "1900-01-01",
    pii: true,
    label: en("Date of birth", "ວັນເດືອນປີເກີດ"),
    description: "Date of birth if known, from 1900-01-01 (personal data: never published).",
    example: "2007-06-02",
  },
  age_years: {
    type: "int",
    required: false,
    min: 0,
    max: 120,
    pattern: "^(0|[1-9][0-9]{0,2})$",
    pii: false,
    label: en("Age (years)", "ອາຍຸ (ປີ)"),
    description: "Age in whole years at identification, 0-120, when the date of birth is not known exactly.",
    example: "16",
  },
  citizenship: {
    ...codeColumn("Citizenship", CitizenshipModule.Citizenship, true),
    pii: false,
    label: en("Citizenship", "ສັນຊາດ"),
    description:
      "Citizenship, ISO 3166-1 alpha-3 (`LAO` for Lao citizens; any ISO 3166-1 country), `stateless` or `unknown`.",
    example: "LAO",
  },
  ethnicity: {
    ...codeColumn("EthnicGroup", Ethnicity.EthnicGroup, false),
    pii: false,
    label: lo("Ethnic group", "ethnicity"),
    description: "One of the 49 official ethnic groups, `other` or `unknown`.",
    example: "khmu",
  },
  first_language: {
    ...text(64),
    pii: false,
    label: en("First language", "ພາສາແມ່"),
    description: "First language, free text (helps to find an interpreter).",
    example: "Khmu",
  },
  origin_district: {
    ...codeColumn("DistrictCode", Place.DistrictCode, false),
    pii: false,
    label: en("District of origin", "ເມືອງບ້ານເກີດ"),
    description: "District P-code where the person lived before being trafficked.",
    example: "LA0601",
  },
  origin_province: {
    ...codeColumn("ProvinceCode", Place.ProvinceCode, false),
    pii: false,
    label: en("Province of origin", "ແຂວງບ້ານເກີດ"),
    description: "Province P-code of origin; must be the province of origin_district when both are given.",
    example: "LA06",
  },
  border_checkpoint: {
    ...codeColumn("CheckpointId", Place.CheckpointId, false),
    pii: false,
    label: lo("Border checkpoint", "border checkpoint"),
    description: "International checkpoint where the person crossed (out or back).",
    example: "T1",
  },
  destination_country: {
    ...codeColumn("CountryCode", Place.CountryCode, false),
    pii: false,
    label: lo("Destination", "destination (country)"),
    description: "Country where the person was exploited, ISO alpha-3; `LAO` for internal trafficking.",
    example: "THA",
  },
  exploitation_district: {
    ...codeColumn("DistrictCode", Place.DistrictCode, false),
    pii: false,
    label: en("District of exploitation", "ເມືອງທີ່ຖືກຂູດຮີດ"),
    description: "District P-code of exploitation inside Lao PDR (e.g. a special economic zone).",
    example: "LA0502",
  },
  exploitation_form: {
    ...codeColumn("ExploitationForm", Exploitation.ExploitationForm, true),
    pii: false,
    label: en("Form of exploitation", "ຮູບແບບການຂູດຮີດ"),
    description: "Main form of exploitation.",
    example: "forced_labour",
  },
  industry: {
    ...codeColumn("Industry", Exploitation.Industry, false),
    pii: false,
    label: en("Industry", "ຂະແໜງການ"),
    description: "Industry where the exploitation happened.",
    example: "fishing",
  },
  means_of_control: {
    ...listColumn("MeansOfControl", Exploitation.MeansOfControl),
    pii: false,
    label: en("Means of control", "ວິທີການຄວບຄຸມ"),
    description: "Means of control used, `;`-separated.",
    example: "debt_bondage;withholds_documents",
  },
  perpetrator_roles: {
    ...listColumn("PerpetratorRole", Perpetrator.PerpetratorRole),
    pii: false,
    label: en("Perpetrator roles", "ບົດບາດຂອງຜູ້ກະທຳຜິດ"),
    description: "Roles of the perpetrators involved, `;`-separated.",
    example: "recruiter;employer",
  },
  legal_basis: {
    ...listColumn("LegalBasisId", LegalBasis.LegalBasisId),
    pii: false,
    label: en("Legal basis", "ພື້ນຖານທາງກົດໝາຍ"),
    description: "Articles the case rests on (offence, protection), `;`-separated.",
    example: "penal_2017_art215;atip_2015_art2",
  },
  interim_care_date: stageDate("interim_care", "2024-03-16"),
  assessment_date: stageDate("assessment_bid", "2024-03-20"),
  bid_date: {
    ...date(false),
    pii: false,
    label: en("Best-interest determination date", "ວັນທີກຳນົດຜົນປະໂຫຍດອັນສູງສຸດຂອງເດັກ"),
    description:
      "Date of the best-interest determination; for a child (or a person whose age is unknown or disputed), required before any move out of care.",
    example: "2024-03-22",
  },
  return_date: stageDate("return_reception", "2024-04-02"),
  reintegration_date: stageDate("reintegration", "2024-04-10"),
  follow_up_date: stageDate("follow_up", "2024-10-10"),
  closed_date: stageDate("closed", "2025-04-10"),
  exit_reason: {
    ...codeColumn("ExitStage", CaseStageModule.ExitStage, false),
    pii: false,
    label: en("Exit reason", "ເຫດຜົນທີ່ອອກຈາກການຊ່ວຍເຫຼືອ"),
    description: "Why the case left protection early; requires exit_date.",
    example: "declined_assistance",
  },
  exit_date: {
    ...date(false),
    pii: false,
    label: en("Exit date", "ວັນທີອອກຈາກການຊ່ວຍເຫຼືອ"),
    description: "Date of the exit; requires exit_reason.",
    example: "2024-05-01",
  },
  services: {
    ...listColumn("Service", ServiceModule.Service),
    pii: false,
    label: en("Services", "ການບໍລິການ"),
    description: "Services provided, `;`-separated.",
    example: "shelter;medical;family_tracing",
  },
  referred_to: {
    ...codeColumn("Partner", PartnerModule.Partner, false),
    pii: false,
    label: en("Referred to", "ສົ່ງຕໍ່ໃຫ້"),
    description: "Partner the case was referred to.",
    example: "afesip",
  },
  consent: {
    ...codeColumn("Consent", ConsentModule.Consent, false),
    pii: false,
    label: en("Consent", "ການຍິນຍອມ"),
    description: "Whether the person consented to assistance and data recording: yes, no or unknown.",
    example: "yes",
  },
  victim_name: {
    ...text(200),
    pii: true,
    label: en("Name", "ຊື່"),
    description: "Name of the person (personal data: never published).",
    example: "Noy",
  },
  phone: {
    ...text(32),
    pii: true,
    label: en("Phone", "ເບີໂທລະສັບ"),
    description: "Phone number (personal data: never published).",
    example: "+856 20 5555 0000",
  },
  village: {
    ...text(200),
    pii: true,
    label: lo("Village", "village"),
    description: "Home village (personal data: never published).",
    example: "Ban Nongbua",
  },
  notes: {
    ...text(4000),
    pii: true,
    label: en("Notes", "ໝາຍເຫດ"),
    description: "Free-text notes (may identify the person: never published).",
    example: "Interpreter needed (Khmu).",
  },
  bid_outcome: {
    ...codeColumn("BidOutcome", BestInterest.BidOutcome, false),
    pii: false,
    label: en("Best-interest determination outcome", "ຜົນຂອງການກຳນົດຜົນປະໂຫຍດອັນສູງສຸດຂອງເດັກ"),
    description:
      "What the best-interest determination decided; required with bid_date before a child moves out of care.",
    example: "return_home",
  },
  bid_decided_by: {
    ...codeColumn("Partner", PartnerModule.Partner, false),
    pii: false,
    label: en("Best-interest determination made by", "ອົງການທີ່ກຳນົດຜົນປະໂຫຍດອັນສູງສຸດຂອງເດັກ"),
    description:
      "Body that made the best-interest determination; required with bid_date before a child moves out of care.",
    example: "mlsw",
  },
  trafficking_status: {
    ...codeColumn("TraffickingStatus", TraffickingStatusModule.TraffickingStatus, false),
    pii: false,
    label: en("Trafficking status", "ສະຖານະຜູ້ຖືກເຄາະຮ້າຍ"),
    description:
      "presumed (also when empty), confirmed, or not_a_victim (screened out: kept, but never counted as a victim in publications).",
    example: "confirmed",
  },
  recruitment_method: {
    ...codeColumn("RecruitmentMethod", Recruitment.RecruitmentMethod, false),
    pii: false,
    label: en("Recruitment method", "ວິທີການຊັກຊວນ"),
    description: "How the person was recruited (the main way; HTCDS vic_MethodOfRecruitment).",
    example: "job_offer",
  },
  recruiter_relationship: {
    ...codeColumn("RecruiterRelationship", Recruitment.RecruiterRelationship, false),
    pii: false,
    label: en("Recruiter's relationship to the person", "ຄວາມສຳພັນລະຫວ່າງຜູ້ຊັກຊວນ ແລະ ຜູ້ຖືກເຄາະຮ້າຍ"),
    description: "How the main recruiter was related to the person (CTDC recruiterRelation*).",
    example: "friend_acquaintance",
  },
  age_at_recruitment: {
    type: "int",
    required: false,
    min: 0,
    max: 120,
    pattern: "^(0|[1-9][0-9]{0,2})$",
    pii: false,
    label: en("Age at recruitment (years)", "ອາຍຸຕອນຖືກຊັກຊວນ (ປີ)"),
    description:
      "Age in whole years when recruited, 0-120; not above the age at identification (age_years, or from date_of_birth).",
    example: "15",
  },
  exploitation_months: {
    type: "int",
    required: false,
    min: 0,
    max: ExploitationLength.MAX_MONTHS,
    pattern: "^(0|[1-9][0-9]{0,3})$",
    pii: false,
    label: en("Length of exploitation (months)", "ໄລຍະເວລາທີ່ຖືກຂູດຮີດ (ເດືອນ)"),
    description: `Whole months the person was exploited (0 = less than a month), 0-${ExploitationLength.MAX_MONTHS}; not longer than the time since recruitment (or birth).`,
    example: "8",
  },
  identification_province: {
    ...codeColumn("ProvinceCode", Place.ProvinceCode, false),
    pii: false,
    label: en("Province of identification", "ແຂວງທີ່ລະບຸຕົວ"),
    description:
      "Province P-code where the person was identified (the checkpoint's, shelter's or office's province; for a hotline call, where the person was); must be the province of identification_district when both are given. Not derived from border_checkpoint: the crossing may not be where the person was identified.",
    example: "LA13",
  },
  identification_district: {
    ...codeColumn("DistrictCode", Place.DistrictCode, false),
    pii: false,
    label: en("District of identification", "ເມືອງທີ່ລະບຸຕົວ"),
    description: "District P-code where the person was identified.",
    example: "LA1301",
  },
}

/** Checks per column, in column order: generate SQL validation from this. */
export const caseRowRules: ReadonlyArray<ColumnRule> = columnNames.map((column) => {
  const { label: _label, description: _description, example: _example, ...rule } = columnSpecs[column]
  return { column, ...rule }
})

/** Column documentation, in column order. */
export const caseRowColumns: ReadonlyArray<ColumnDoc> = columnNames.map((column) => {
  const spec = columnSpecs[column]
  return {
    column,
    label: spec.label,
    description: spec.description,
    example: spec.example,
    required: spec.required,
    pii: spec.pii,
  }
})

// ---------------------------------------------------------------------------------------------
// Cross-field rules (contracts.md section 2)
// ---------------------------------------------------------------------------------------------

/** Stage dates in the order the stages are entered; each present date is >= every present date before it. */
export const stageDateColumns = [
  "identification_date",
  "interim_care_date",
  "assessment_date",
  "bid_date",
  "return_date",
  "reintegration_date",
  "follow_up_date",
  "exit_date",
  "closed_date",
] as const satisfies ReadonlyArray<ColumnName>

export type { ChildSpec }

/** The dates on which an article can be cited: from the earliest in-force day to the last repeal day. */
const citableDates = (id: LegalBasis.LegalBasisId): { id: string; from?: string; until?: string } => {
  const i = LegalBasis.instrumentOf(id)
  const start = LegalBasis.dateRange(i.inForce)
  const end = i.repealed === null ? undefined : LegalBasis.dateRange(i.repealed)
  return {
    id,
    ...(start === undefined ? {} : { from: start.earliest }),
    ...(end === undefined ? {} : { until: end.latest }),
  }
}

/** How old the person was at identification: the columns every child rule reads. */
export const childSpec: ChildSpec = {
  ageColumn: "age_years",
  dateOfBirthColumn: "date_of_birth",
  at: "identification_date",
  under: 18,
}

/**
 * The `age_years` to write when a row leaves without its date of birth (personal data): the
 * recorded age; the age the date of birth gives when none was recorded; the younger of the two when
 * they disagree on childhood, so the presumption of childhood survives the export.
 */
export const ageWithoutDateOfBirth = (row: Readonly<Record<ColumnName, string>>): string => {
  if (row.date_of_birth === "") return row.age_years
  const fromDob = Person.ageAt({ dateOfBirth: row.date_of_birth }, row.identification_date)!
  if (row.age_years === "") return String(fromDob)
  return ageDisputedRow(row, childSpec) ? String(Math.min(fromDob, Number(row.age_years))) : row.age_years
}

/**
 * Warnings on a valid row: not errors, but reported on import and in the red flags. `age_disputed`:
 * the recorded age and the date of birth disagree on whether the person was a child (the person is
 * treated as a child).
 */
export const caseRowWarnings = (
  row: Readonly<Record<ColumnName, string>>,
): ReadonlyArray<{ readonly flag: "age_disputed"; readonly column: ColumnName; readonly message: string }> =>
  ageDisputedRow(row, childSpec)
    ? [
        {
          flag: "age_disputed",
          column: "age_years",
          message: `age_years ${row.age_years} and date_of_birth ${row.date_of_birth} disagree on whether the person was under 18 at identification: treated as a child (presumption of childhood)`,
        },
      ]
    : []

export const caseRowCrossFieldRules: ReadonlyArray<CrossFieldRule> = [
  {
    id: "stage_dates_in_order",
    kind: "dateOrder",
    columns: stageDateColumns,
    description:
      "Stage dates are not before identification_date and follow the order of the stages (an exit comes after the last stage reached and before closure); equal dates are allowed.",
  },
  {
    id: "born_before_identification",
    kind: "notAfter",
    column: "date_of_birth",
    notAfter: "identification_date",
    reason: "a person is born before being identified (check the day and month order)",
    atMostYears: {
      years: 120,
      reason: "an age over 120 at identification, as age_years allows at most 120 (check the year)",
    },
    description:
      "date_of_birth, when given, is not after identification_date, nor more than 120 years before it (the age_years bound).",
  },
  {
    id: "child_move_needs_bid",
    kind: "childBid",
    child: childSpec,
    bid: { date: "bid_date", outcome: "bid_outcome", decidedBy: "bid_decided_by" },
    moves: ["return_date", "reintegration_date", "follow_up_date"],
    exit: { reason: "exit_reason", date: "exit_date", exempt: BestInterest.exitsWithoutBid },
    closed: "closed_date",
    legalBasis: (
      ["guideline_2010_sec7", "guideline_2020_referral", "children_2006_art38", "children_2023_law"] as const
    ).map(citableDates),
    description:
      "Presumption of childhood: a person is a child unless what is known of the age (date_of_birth, age_years) says 18 or over at identification; when the two disagree, a child. A child's return_date, reintegration_date, follow_up_date, exit_date (except lost_contact and referred_elsewhere) and closed_date (except after those exits) need a bid_date between identification_date and the first of those dates, with bid_outcome and bid_decided_by.",
  },
  {
    id: "legal_basis_in_force",
    kind: "citableBy",
    column: "legal_basis",
    dates: stageDateColumns,
    from: Object.fromEntries(
      LegalBasis.articles.flatMap((a) => {
        const from = LegalBasis.citableRange(a.instrument).from
        return from === undefined ? [] : [[a.id, from]]
      }),
    ),
    description:
      "Every article in legal_basis was (or may have been) in force by the case's last date (identification or a later stage): a case cannot rest on a law adopted after everything in it happened. A repealed article stays citable: the offence may predate the repeal.",
  },
  {
    id: "bid_outcome_needs_date",
    kind: "requiredWhen",
    column: "bid_date",
    when: { column: "bid_outcome", codes: BestInterest.outcomeCodes },
    reason: "a best-interest determination has a date",
    description: "bid_outcome needs bid_date.",
  },
  {
    id: "bid_body_needs_date",
    kind: "requiredWhen",
    column: "bid_date",
    when: { column: "bid_decided_by", codes: PartnerModule.codes },
    reason: "a best-interest determination has a date",
    description: "bid_decided_by needs bid_date.",
  },
  {
    id: "child_labour_needs_child",
    kind: "childOnly",
    column: "exploitation_form",
    codes: ["child_labour"],
    child: childSpec,
    reason: "use forced_labour for an adult, or correct the age",
    description:
      "exploitation_form child_labour needs a person who was (or is presumed) under 18 at identification.",
  },
  {
    id: "foreign_group_not_lao",
    kind: "excludes",
    when: { column: "victim_group", codes: ["foreign_in_lao"] },
    column: "citizenship",
    codes: ["LAO"],
    reason: "a foreign victim in Lao PDR is not a Lao citizen (use local_lao, or correct the citizenship)",
    description: "victim_group foreign_in_lao cannot have citizenship LAO.",
  },
  {
    id: "repatriation_needs_destination",
    kind: "requiredWhen",
    column: "destination_country",
    when: { column: "victim_group", codes: ["repatriated_lao", "deported_lao"] },
    reason: "a person repatriated or deported to Lao PDR came back from a destination country",
    description: "victim_group repatriated_lao or deported_lao needs destination_country.",
  },
  {
    id: "exit_reason_and_date_together",
    kind: "together",
    columns: ["exit_reason", "exit_date"],
    description: "exit_date requires exit_reason and exit_reason requires exit_date.",
  },
  {
    id: "stage_path_allowed",
    kind: "stagePath",
    start: "identification",
    steps: [
      { column: "interim_care_date", stage: "interim_care" },
      { column: "assessment_date", stage: "assessment_bid" },
      { column: "return_date", stage: "return_reception" },
      { column: "reintegration_date", stage: "reintegration" },
      { column: "follow_up_date", stage: "follow_up" },
      { column: "exit_date", stageColumn: "exit_reason" },
      { column: "closed_date", stage: "closed" },
    ],
    allowed: CaseStageModule.transitions.map((t) => [t.from, t.to] as const),
    description:
      "The stages with a date, in order, are a path the stage machine allows (CaseStage.transitions), e.g. a case cannot be closed straight after identification without an exit reason.",
  },
  {
    id: "recruited_before_identification",
    kind: "ageSpan",
    column: "age_at_recruitment",
    perYear: 1,
    slack: 0,
    child: childSpec,
    reason:
      "a person is recruited before being identified, so the age at recruitment cannot exceed the age at identification",
    description:
      "age_at_recruitment is not above the age at identification: age_years, and the age from date_of_birth, when given.",
  },
  {
    id: "exploitation_after_recruitment",
    kind: "ageSpan",
    column: "exploitation_months",
    perYear: 12,
    slack: 11,
    since: "age_at_recruitment",
    child: childSpec,
    reason: "exploitation cannot last longer than the time between recruitment (or birth) and identification",
    description:
      "exploitation_months is at most 12 x (age at identification - age_at_recruitment) + 11 (whole years hide up to 11 months), for age_years and the age from date_of_birth when given (age_at_recruitment 0 when empty).",
  },
  {
    id: "origin_province_matches_district",
    kind: "provinceOfDistrict",
    district: "origin_district",
    province: "origin_province",
    pairs: Object.fromEntries(Place.DistrictCode.literals.map((d) => [d, Place.provinceOfDistrict(d)])),
    description: "When both are given, origin_province is the province of origin_district.",
  },
  {
    id: "identification_province_matches_district",
    kind: "provinceOfDistrict",
    district: "identification_district",
    province: "identification_province",
    pairs: Object.fromEntries(Place.DistrictCode.literals.map((d) => [d, Place.provinceOfDistrict(d)])),
    description: "When both are given, identification_province is the province of identification_district.",
  },
]

// ---------------------------------------------------------------------------------------------
// The schema
// ---------------------------------------------------------------------------------------------

const cellChecks: { readonly [K in ColumnName]: (cell: string) => string | undefined } = Object.fromEntries(
  columnNames.map((column) => [column, compileCell(columnSpecs[column])]),
) as never

const jsonSchemaOf = (spec: ColumnSpec): Record<string, unknown> => {
  const optional = (pattern: string) => (spec.required ? pattern : `^(?:${pattern.slice(1, -1)})?$`)
  switch (spec.type) {
    case "code":
      return { enum: spec.required ? spec.codes : ["", ...(spec.codes ?? [])] }
    case "list": {
      const item = `(?:${(spec.codes ?? []).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`
      return { pattern: `^(?:${item}(?:;${item})*)?$` }
    }
    case "date":
    case "int":
      return { pattern: optional(spec.pattern!) }
    case "string":
      return {
        ...(spec.pattern === undefined ? {} : { pattern: optional(spec.pattern) }),
        ...(spec.minLength === undefined ? {} : { minLength: spec.minLength }),
        ...(spec.maxLength === undefined ? {} : { maxLength: spec.maxLength }),
      }
  }
}

const columnSchema = (column: ColumnName) => {
  const spec = columnSpecs[column]
  const check = cellChecks[column]
  const rule = caseRowRules.find((r) => r.column === column)!
  return Schema.String.check(
    Schema.makeFilter((cell: string) => check(cell), {
      expected: spec.description,
      // JSON Schema cannot express calendar validity, int bounds on text or "not in the future": looser.
      toJsonSchema: () => [jsonSchemaOf(spec), spec.type === "date" || spec.type === "int"] as never,
      columnRule: rule,
    }),
  ).annotate({
    title: spec.label.en,
    description: spec.description,
    examples: [spec.example],
    ...(spec.pii ? { [Pii]: true } : {}),
  })
}

type Fields = { readonly [K in ColumnName]: Schema.String }

const fields = Object.fromEntries(
  columnNames.map((column) => [column, columnSchema(column)]),
) as unknown as Fields

const crossField: RowCheck = compileCrossField(caseRowCrossFieldRules)

/** The cell checks alone, without the cross-field rules (for benchmarks and partial checks). */
export const CaseRowCells = /*#__PURE__*/ Schema.Struct(fields)

export const CaseRow = CaseRowCells.check(
  Schema.makeFilter(
    (row) => crossField(row as never).map(([column, message]) => ({ path: [column], issue: message })),
    {
      title: "Cross-field rules",
      description: caseRowCrossFieldRules.map((r) => r.description).join(" "),
    },
  ),
).annotate({
  identifier: "CaseRow",
  title: "Case row",
  description:
    "One case as a flat row of text cells (CSV/XLSForm). Every column is present; an empty string means missing; lists are ';'-separated codes; dates are YYYY-MM-DD. This JSON Schema checks formats, codes, lengths and patterns only; it cannot express, and the @lao-protect/domain decoder enforces: calendar validity, 'not in the future' (Lao time), the order of the stage dates, the stage path, the presumption of childhood and the child BID rule (a child, or a person whose age is unknown or disputed, needs bid_date, bid_outcome and bid_decided_by between identification and any move out of care), child_labour only for a child, foreign_in_lao not LAO, a destination for repatriated and deported persons, the province of origin_district and of identification_district, legal_basis articles in force by the case's dates, age_at_recruitment not above the age at identification, and exploitation_months not longer than the time since recruitment.",
})
export type CaseRow = typeof CaseRow.Type

export const parseOptions: SchemaAST.ParseOptions = {
  errors: "all",
  onExcessProperty: "error",
  reportInput: true,
}

// Never JIT-compiled: the JIT builds code with `new Function`, which the dashboard's strict CSP
// (no 'unsafe-eval') refuses, and `decodeCaseRow` sends valid rows down its own fast path anyway.
const decodeRow = /*#__PURE__*/ Schema.decodeUnknownResult(CaseRow, parseOptions)

/**
 * A row's own fields only: an object whose prototype is not a plain object's (a class instance,
 * `Object.create(row)`) is copied field by field, so inherited properties never count as cells.
 * Plain records (the bulk path) are used as they are. A throwing getter throws here.
 */
const ownFields = (input: unknown): unknown => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input
  const proto = Object.getPrototypeOf(input)
  if (proto === Object.prototype || proto === null) return input
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(input)) out[key] = (input as Record<string, unknown>)[key]
  return out
}

/** The Effect decoder alone (no fast path): the full, typed issue list. Never throws. */
export const decodeCaseRowWithSchema = (input: unknown): Result.Result<CaseRow, DecodeError> => {
  try {
    return fromSchemaResult("CaseRow", decodeRow(ownFields(input)))
  } catch (cause) {
    return Result.fail(
      new DecodeError({
        subject: "CaseRow",
        issues: [{ path: "", message: `could not be read: ${String(cause)}` }],
      }),
    )
  }
}

const columnSet = new Set<string>(columnNames)
const cellCheckList = columnNames.map((column) => cellChecks[column])

/**
 * The fast path of `decodeCaseRow`: the decoded row when `input` is valid, `undefined` when it is
 * not or may not be (the caller then runs the Effect decoder, the authority on every verdict and
 * message). It accepts only what the schema's decoder accepts, checked with the schema's own
 * functions:
 * - a non-array object whose own enumerable keys are exactly the columns and which has no own
 *   symbol key (so no excess property, as `onExcessProperty: "error"` requires, and no column is
 *   missing or inherited);
 * - every cell a string passing its cell check (`cellChecks`: the filter on each schema field);
 * - the cross-field rules (`crossField`: the schema's row filter) on the output.
 * The output is what Effect builds: a fresh plain object, each cell read once, columns in schema
 * order. Rows whose keys come in column order (every CSV/XLSForm reader here) are copied with one
 * spread; other orders are copied column by column.
 */
const decodeValid = (input: unknown): CaseRow | undefined => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined
  const keys = Object.keys(input)
  if (keys.length !== columnNames.length) return undefined
  let inColumnOrder = true
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== columnNames[i]) {
      inColumnOrder = false
      break
    }
  }
  // Distinct own keys, as many as the columns, all columns: exactly the columns.
  if (!inColumnOrder) for (let i = 0; i < keys.length; i++) if (!columnSet.has(keys[i]!)) return undefined
  if (Object.getOwnPropertySymbols(input).length !== 0) return undefined
  let out: Record<string, unknown>
  let cells: Array<unknown>
  if (inColumnOrder) {
    out = { ...input }
    cells = Object.values(out)
  } else {
    out = {}
    cells = new Array(columnNames.length)
    for (let i = 0; i < columnNames.length; i++) {
      const column = columnNames[i]!
      out[column] = cells[i] = (input as Record<string, unknown>)[column]
    }
  }
  if (cells.length !== columnNames.length) return undefined // keys changed under us (a proxy)
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]
    if (typeof cell !== "string" || cellCheckList[i]!(cell) !== undefined) return undefined
  }
  return crossField(out as Record<string, string>).length === 0 ? (out as CaseRow) : undefined
}

/**
 * Decodes one row, reporting every problem at once. Never throws. A valid row takes the fast path
 * (`decodeValid`, the same checks without the Effect runtime); any other input goes to the Effect
 * decoder, which reports every issue.
 */
export const decodeCaseRow = (input: unknown): Result.Result<CaseRow, DecodeError> => {
  let own: unknown
  try {
    own = ownFields(input)
  } catch (cause) {
    // a throwing getter, reported as the Effect decoder reports it
    return Result.fail(
      new DecodeError({
        subject: "CaseRow",
        issues: [{ path: "", message: `could not be read: ${String(cause)}` }],
      }),
    )
  }
  let valid: CaseRow | undefined
  try {
    valid = decodeValid(own)
  } catch {
    valid = undefined // a throwing getter or proxy: let the Effect decoder report it
  }
  return valid === undefined ? decodeCaseRowWithSchema(own) : Result.succeed(valid)
}

/**
 * The same rules as `decodeCaseRow`, hand-written without Effect for bulk checks: returns the
 * issues (empty when the row is valid). Messages are identical; issue order may differ.
 */
export const quickCheck = (
  input: unknown,
  options: { readonly crossField?: boolean } = {},
): Array<{ readonly path: string; readonly message: string }> => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return [{ path: "", message: "expected a record (an object with named fields)" }]
  }
  try {
    return quickCheckRecord(ownFields(input) as Record<string, unknown>, options)
  } catch (e) {
    // A getter that throws, as the decoder reports it: a typed issue, never an exception.
    return [{ path: "", message: `could not be read: ${String(e)}` }]
  }
}

const quickCheckRecord = (
  record: Record<string, unknown>,
  options: { readonly crossField?: boolean },
): Array<{ readonly path: string; readonly message: string }> => {
  let issues: Array<{ readonly path: string; readonly message: string }> | undefined
  const add = (path: string, message: string) => {
    if (issues === undefined) issues = []
    issues.push({ path, message: `${path}: ${message}` })
  }
  for (const key in record)
    if (!columnSet.has(key)) add(key, "unknown field (check the spelling of the column or field name)")
  for (let i = 0; i < columnNames.length; i++) {
    const column = columnNames[i]!
    const cell = record[column]
    if (cell === undefined && !(column in record)) add(column, "this field is missing")
    else if (typeof cell !== "string") add(column, `expected text, got ${typeof cell}`)
    else {
      const message = cellChecks[column](cell)
      if (message !== undefined) add(column, message)
    }
  }
  if (issues === undefined && options.crossField !== false) {
    for (const [column, message] of crossField(record as Record<string, string>)) add(column, message)
  }
  return issues ?? []
}

/** An empty row (every column ""), handy for building rows in code and tests. */
export const emptyRow = (): { -readonly [K in ColumnName]: string } =>
  Object.fromEntries(columnNames.map((c) => [c, ""])) as never

/** The rule of a column, read back from the schema AST (tests check it is the same object as `caseRowRules`). */
export const ruleFromAst = (column: ColumnName): ColumnRule | undefined => {
  const ast = SchemaAST.toType(CaseRow.ast)
  if (ast._tag !== "Objects") return undefined
  const ps = ast.propertySignatures.find((p) => p.name === column)
  const filter = ps?.type.checks?.[0]
  return filter?.annotations?.columnRule as ColumnRule | undefined
}

// ---------------------------------------------------------------------------------------------
// CaseRow <-> Case
// ---------------------------------------------------------------------------------------------

/** A case holds something a single row cannot (a second referral, a dated route event, ...). */
export class CaseNotFlattenable extends /*#__PURE__*/ Schema.TaggedError<CaseNotFlattenable>()(
  "CaseNotFlattenable",
  {
    caseId: Schema.String,
    reasons: Schema.Array(Schema.String),
  },
) {
  override get message(): string {
    return `Case ${this.caseId} cannot be written as one row:\n${this.reasons.map((r) => `  - ${r}`).join("\n")}`
  }
}

const stageColumns = [
  ["interim_care_date", "interim_care"],
  ["assessment_date", "assessment_bid"],
  ["return_date", "return_reception"],
  ["reintegration_date", "reintegration"],
  ["follow_up_date", "follow_up"],
] as const satisfies ReadonlyArray<readonly [ColumnName, CaseStageModule.CaseStage]>

const columnOfStage: Partial<Record<CaseStageModule.CaseStage, ColumnName>> = Object.fromEntries(
  stageColumns.map(([column, stage]) => [stage, column]),
)

const list = (cell: string): Array<string> => (cell === "" ? [] : cell.split(";"))
const some = <K extends string, V>(key: K, value: V | undefined | ""): { [P in K]?: V } =>
  value === undefined || value === "" ? {} : ({ [key]: value } as { [P in K]?: V })

const whoOfRow = (row: CaseRow): CaseStageModule.Who => ({
  sex: row.sex,
  child: Person.isChild(
    {
      ...(row.date_of_birth === "" ? {} : { dateOfBirth: row.date_of_birth }),
      ...(row.age_years === "" ? {} : { ageYears: Number(row.age_years) }),
    },
    row.identification_date,
  ),
})

/** The JSON form of the case a valid row describes (decode it with `Case.decodeCase`). */
export const toCaseEncoded = (row: CaseRow): typeof Case.Case.Encoded => {
  const date = row.identification_date
  const bid =
    row.bid_date === ""
      ? undefined
      : {
          date: row.bid_date,
          ...some("outcome", row.bid_outcome as BestInterest.BidOutcome | ""),
          ...some("decidedBy", row.bid_decided_by as PartnerModule.Partner | ""),
        }
  const who = whoOfRow(row)
  const history: Array<CaseStageModule.StageEntry> = [CaseStageModule.start(date as IsoDate.IsoDate, { who })]
  const push = (stage: CaseStageModule.CaseStage, at: string) => {
    const from = history[history.length - 1]!.stage
    history.push({
      stage,
      date: at as IsoDate.IsoDate,
      legalBasis: CaseStageModule.defaultLegalBasis(from, stage, at, who),
    })
  }
  for (const [column, stage] of stageColumns) if (row[column] !== "") push(stage, row[column])
  if (row.exit_reason !== "" && row.exit_date !== "")
    push(row.exit_reason as CaseStageModule.CaseStage, row.exit_date)
  if (row.closed_date !== "") push("closed", row.closed_date)
  const route: Array<typeof Case.RouteEvent.Encoded> = []
  if (row.border_checkpoint !== "")
    route.push({ _tag: "transit", location: { _tag: "checkpoint", id: row.border_checkpoint as never } })
  if (row.destination_country !== "") {
    route.push({
      _tag: "exploitation",
      location: { _tag: "country", code: row.destination_country as never },
    })
  }
  if (row.exploitation_district !== "") {
    route.push({
      _tag: "exploitation",
      location: { _tag: "district", code: row.exploitation_district as never },
    })
  }
  return {
    id: row.case_id,
    source: row.source as never,
    identification: {
      date,
      ...some("agency", row.identifying_agency as PartnerModule.Partner | ""),
      ...some(
        "setting",
        row.identification_setting as IdentificationSettingModule.IdentificationSetting | "",
      ),
      ...some("province", row.identification_province as Place.ProvinceCode | ""),
      ...some("district", row.identification_district as Place.DistrictCode | ""),
    },
    victim: {
      sex: row.sex as never,
      ...some("dateOfBirth", row.date_of_birth),
      ...(row.age_years === "" ? {} : { ageYears: Number(row.age_years) }),
      citizenship: row.citizenship as never,
      ...some("ethnicity", row.ethnicity as never),
      ...some("firstLanguage", row.first_language),
      ...some("name", row.victim_name),
      ...some("phone", row.phone),
      ...some("village", row.village),
    },
    victimGroup: row.victim_group as never,
    ...some("originDistrict", row.origin_district as never),
    ...some("originProvince", row.origin_province as never),
    route,
    exploitation: {
      form: row.exploitation_form as never,
      ...some("industry", row.industry as never),
      meansOfControl: list(row.means_of_control) as never,
      perpetrators: list(row.perpetrator_roles) as never,
      ...(row.exploitation_months === "" ? {} : { lengthMonths: Number(row.exploitation_months) }),
    },
    ...some("traffickingStatus", row.trafficking_status as TraffickingStatusModule.TraffickingStatus | ""),
    ...(row.recruitment_method === "" && row.recruiter_relationship === "" && row.age_at_recruitment === ""
      ? {}
      : {
          recruitment: {
            ...some("method", row.recruitment_method as Recruitment.RecruitmentMethod | ""),
            ...some(
              "recruiterRelationship",
              row.recruiter_relationship as Recruitment.RecruiterRelationship | "",
            ),
            ...(row.age_at_recruitment === "" ? {} : { ageAtRecruitment: Number(row.age_at_recruitment) }),
          },
        }),
    legalBasis: list(row.legal_basis) as never,
    stageHistory: history as never,
    services: list(row.services) as never,
    referrals: list(row.referred_to) as never,
    ...some("consent", row.consent as never),
    ...(bid === undefined ? {} : { bestInterestDetermination: bid }),
    ...some("notes", row.notes),
  }
}

/** The case a row describes. A decoded row always converts; the `Result` guards hand-built rows. */
export const toCase = (row: CaseRow): Result.Result<Case.Case, DecodeError> =>
  Case.decodeCase(toCaseEncoded(row))

/** Decodes a row and converts it to a case in one step, with all issues reported. */
export const decodeCaseRowToCase = (input: unknown): Result.Result<Case.Case, DecodeError> =>
  Result.flatMap(decodeCaseRow(input), toCase)

const sameList = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

/** The row of a case, or why it needs more than one row. `fromCase(toCase(row)) = row`. */
export const fromCase = (c: Case.Case): Result.Result<CaseRow, CaseNotFlattenable> => {
  const reasons: Array<string> = []
  const row = emptyRow()
  row.case_id = c.id
  row.source = c.source
  row.identification_date = c.identification.date
  row.identifying_agency = c.identification.agency ?? ""
  row.identification_setting = c.identification.setting ?? ""
  row.identification_province = c.identification.province ?? ""
  row.identification_district = c.identification.district ?? ""
  row.victim_group = c.victimGroup
  row.sex = c.victim.sex
  row.date_of_birth = c.victim.dateOfBirth ?? ""
  row.age_years = c.victim.ageYears === undefined ? "" : String(c.victim.ageYears)
  row.citizenship = c.victim.citizenship
  row.ethnicity = c.victim.ethnicity ?? ""
  row.first_language = c.victim.firstLanguage ?? ""
  row.victim_name = c.victim.name ?? ""
  row.phone = c.victim.phone ?? ""
  row.village = c.victim.village ?? ""
  row.origin_district = c.originDistrict ?? ""
  row.origin_province = c.originProvince ?? ""
  for (const [i, event] of c.route.entries()) {
    const at = `route[${i}]`
    if (event.date !== undefined) reasons.push(`${at} has a date; a row has no column for route dates`)
    const loc = event.location
    const set = (column: ColumnName, value: string) => {
      if (row[column] !== "") reasons.push(`${at}: a row holds only one ${column}`)
      else row[column] = value
    }
    if (event._tag === "transit" && loc._tag === "checkpoint") set("border_checkpoint", loc.id)
    else if (event._tag === "exploitation" && loc._tag === "country") set("destination_country", loc.code)
    else if (event._tag === "exploitation" && loc._tag === "district") set("exploitation_district", loc.code)
    else reasons.push(`${at}: a ${event._tag} event at a ${loc._tag} has no column in a row`)
  }
  row.exploitation_form = c.exploitation.form
  row.industry = c.exploitation.industry ?? ""
  row.means_of_control = c.exploitation.meansOfControl.join(";")
  row.perpetrator_roles = c.exploitation.perpetrators.join(";")
  row.exploitation_months =
    c.exploitation.lengthMonths === undefined ? "" : String(c.exploitation.lengthMonths)
  row.trafficking_status = c.traffickingStatus ?? ""
  row.recruitment_method = c.recruitment?.method ?? ""
  row.recruiter_relationship = c.recruitment?.recruiterRelationship ?? ""
  row.age_at_recruitment =
    c.recruitment?.ageAtRecruitment === undefined ? "" : String(c.recruitment.ageAtRecruitment)
  row.legal_basis = c.legalBasis.join(";")
  let previous: CaseStageModule.CaseStage | undefined
  const who: CaseStageModule.Who = { sex: c.victim.sex, child: c.isChild }
  for (const [i, entry] of c.stageHistory.entries()) {
    const at = `stageHistory[${i}]`
    const expected =
      previous === undefined
        ? CaseStageModule.defaultIdentificationBasis(entry.date, who)
        : CaseStageModule.defaultLegalBasis(previous, entry.stage, entry.date, who)
    if (!sameList(entry.legalBasis, expected)) {
      reasons.push(
        `${at} cites ${entry.legalBasis.join(", ") || "nothing"}; a row can only imply the table's ${expected.join(", ")}`,
      )
    }
    if (entry.responsible !== undefined)
      reasons.push(`${at} names a responsible partner; a row has no column for it`)
    previous = entry.stage
    if (i === 0) continue
    const column: ColumnName | undefined =
      entry.stage === "closed"
        ? "closed_date"
        : CaseStageModule.isExit(entry.stage)
          ? "exit_date"
          : columnOfStage[entry.stage]
    if (column === undefined || row[column] !== "") {
      reasons.push(`${at}: stage ${entry.stage} appears more than once or cannot be written in a row`)
      continue
    }
    row[column] = entry.date
    if (column === "exit_date") row.exit_reason = entry.stage
  }
  row.bid_date = c.bestInterestDetermination?.date ?? ""
  row.bid_outcome = c.bestInterestDetermination?.outcome ?? ""
  row.bid_decided_by = c.bestInterestDetermination?.decidedBy ?? ""
  if (row.bid_date === "" && (row.bid_outcome !== "" || row.bid_decided_by !== ""))
    reasons.push("bestInterestDetermination has no date")
  row.services = c.services.join(";")
  if (c.referrals.length > 1) reasons.push("a row holds only one referral (referred_to)")
  row.referred_to = c.referrals[0] ?? ""
  row.consent = c.consent ?? ""
  row.notes = c.notes ?? ""
  if (reasons.length > 0) return Result.fail(new CaseNotFlattenable({ caseId: c.id, reasons }))
  const checked = decodeCaseRow(row)
  return Result.isSuccess(checked)
    ? Result.succeed(checked.success)
    : Result.fail(
        new CaseNotFlattenable({ caseId: c.id, reasons: checked.failure.issues.map((i) => i.message) }),
      )
}
