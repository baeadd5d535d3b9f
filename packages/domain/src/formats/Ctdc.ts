/**
 * The Counter Trafficking Data Collaborative (CTDC) layouts: the 27-variable Global Synthetic
 * Dataset (2024 release) that we write, and the 62-variable legacy Global Dataset (codebook v6,
 * 2017; the 2020-2021 files add `Datasource`) that we also read. Both are read into one normalised
 * record (`CtdcRecord`) in our codes, so a partner's CTDC extract and ours compare field by field.
 *
 * Sources: https://www.ctdatacollaborative.org/page/global-synthetic-dataset (variables as in the
 * published CSV: yearOfRegistration, gender Man/Woman/Trans/Transgender/NonConforming, ageBroad
 * "0--8" ... "48+", citizenship and CountryOfExploitation ISO alpha-3, traffickMonths, flags 1 or
 * empty); CTDC Data Codebook v6 (2017) for the legacy layout (ISO alpha-2 countries, -99 missing,
 * flags 0/1, `*Concatenated` lists).
 *
 * Age bands are the CTDC bands (`Person.AgeBand`); CTDC writes them with a double hyphen ("9--17")
 * so spreadsheets do not read them as dates, and so do we. The publication threshold (k-anonymity
 * over the quasi-identifiers) is `applyThreshold`, pure. This module does not read files.
 */
import type * as CaseRow from "../CaseRow.ts"
import * as Person from "../Person.ts"
import * as Place from "../Place.ts"

export const syntheticUrl = "https://www.ctdatacollaborative.org/page/global-synthetic-dataset"
export const codebookUrl =
  "https://www.ctdatacollaborative.org/page/global-dataset (CTDC Data Codebook v6, 2017)"

// ---------------------------------------------------------------------------------------------
// Variables

export const meansVariables = [
  "meansDebtBondageEarnings",
  "meansThreats",
  "meansAbusePsyPhySex",
  "meansFalsePromises",
  "meansDrugsAlcohol",
  "meansDenyBasicNeeds",
  "meansExcessiveWorkHours",
  "meansWithholdDocs",
] as const
export type MeansVariable = (typeof meansVariables)[number]

export const exploitVariables = ["isForcedLabour", "isSexualExploit", "isOtherExploit"] as const
export type ExploitVariable = (typeof exploitVariables)[number]

export const labourVariables = [
  "typeOfLabourAgriculture",
  "typeOfLabourConstruction",
  "typeOfLabourDomesticWork",
  "typeOfLabourHospitality",
] as const
export type LabourVariable = (typeof labourVariables)[number]

export const sexVariables = ["typeOfSexProstitution", "typeOfSexPornography"] as const
export type SexVariable = (typeof sexVariables)[number]

export const recruiterVariables = [
  "recruiterRelationIntimatePartner",
  "recruiterRelationFriend",
  "recruiterRelationFamily",
  "recruiterRelationOther",
] as const
export type RecruiterVariable = (typeof recruiterVariables)[number]

/** The 27 variables of the 2024 Global Synthetic Dataset, in the published column order. */
export const syntheticVariables = [
  "yearOfRegistration",
  "gender",
  "ageBroad",
  "citizenship",
  "CountryOfExploitation",
  "traffickMonths",
  ...meansVariables,
  ...exploitVariables,
  ...labourVariables,
  ...sexVariables,
  ...recruiterVariables,
] as const
export type SyntheticVariable = (typeof syntheticVariables)[number]

/** Later synthetic releases spell the sector flags `sectorOf...`; read as the same variables. */
const syntheticAliases: Readonly<Record<string, SyntheticVariable>> = {
  sectorOfLabourAgriculture: "typeOfLabourAgriculture",
  sectorOfLabourConstruction: "typeOfLabourConstruction",
  sectorOfLabourDomesticWork: "typeOfLabourDomesticWork",
  sectorOfLabourHospitality: "typeOfLabourHospitality",
  sectorOfSexProstitution: "typeOfSexProstitution",
  sectorOfSexPornography: "typeOfSexPornography",
  meansAbusePsyPhysSex: "meansAbusePsyPhySex",
}

const legacyMeans = [
  "DebtBondage",
  "TakesEarnings",
  "RestrictsFinancialAccess",
  "Threats",
  "PsychologicalAbuse",
  "PhysicalAbuse",
  "SexualAbuse",
  "FalsePromises",
  "PsychoactiveSubstances",
  "RestrictsMovement",
  "RestrictsMedicalCare",
  "ExcessiveWorkingHours",
  "UsesChildren",
  "ThreatOfLawEnforcement",
  "WithholdsNecessities",
  "WithholdsDocuments",
  "Other",
  "NotSpecified",
] as const
const legacyLabour = [
  "Agriculture",
  "Aquafarming",
  "Begging",
  "Construction",
  "DomesticWork",
  "Hospitality",
  "IllicitActivities",
  "Manufacturing",
  "MiningOrDrilling",
  "Peddling",
  "Transportation",
  "Other",
  "NotSpecified",
] as const

/** The legacy Global Dataset columns (62 variables of codebook v6, plus `Datasource` since 2020). */
export const legacyVariables = [
  "yearOfRegistration",
  "Datasource",
  "gender",
  "ageBroad",
  "majorityStatus",
  "majorityStatusAtExploit",
  "majorityEntry",
  "citizenship",
  ...legacyMeans.map((m) => `meansOfControl${m}`),
  "meansOfControlConcatenated",
  "isForcedLabour",
  "isSexualExploit",
  "isOtherExploit",
  "isSexAndLabour",
  "isForcedMarriage",
  "isForcedMilitary",
  "isOrganRemoval",
  "isSlaveryAndPractices",
  "typeOfExploitConcatenated",
  ...legacyLabour.map((l) => `typeOfLabour${l}`),
  "typeOfLabourConcatenated",
  "typeOfSexProstitution",
  "typeOfSexPornography",
  "typeOfSexRemoteInteractiveServices",
  "typeOfSexPrivateSexualServices",
  "typeOfSexConcatenated",
  "isAbduction",
  "RecruiterRelationship",
  "CountryOfExploitation",
  "recruiterRelationIntimatePartner",
  "recruiterRelationFriend",
  "recruiterRelationFamily",
  "recruiterRelationOther",
  "recruiterRelationUnknown",
] as const

// ---------------------------------------------------------------------------------------------
// Value maps (the crosswalk; docs/interop.md renders them)

/** `gender` in the 2024 synthetic layout. `unknown` is empty. */
export const sexToGender: { readonly [K in Person.Sex]: string } = {
  female: "Woman",
  male: "Man",
  transgender_woman: "Trans/Transgender/NonConforming",
  transgender_man: "Trans/Transgender/NonConforming",
  non_binary: "Trans/Transgender/NonConforming",
  unknown: "",
}

const genderToSex: Readonly<Record<string, Person.Sex>> = {
  woman: "female",
  female: "female",
  man: "male",
  male: "male",
  "trans/transgender/nonconforming": "non_binary",
  "transgender/nonconforming": "non_binary",
  nonconforming: "non_binary",
  transgender: "non_binary",
  unknown: "unknown",
}

/** ageBroad as CTDC writes it ("9--17"); `unknown` is empty. */
export const ageBandToCtdc = (band: Person.AgeBand): string =>
  band === "unknown" ? "" : band.replace("-", "--")

/** ageBroad read back from "9--17", "9-17", "9—17" (em dash), "09--17" or "9 - 17". */
export const ageBandFromCtdc = (text: string): Person.AgeBand => {
  const t = text
    .trim()
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, "")
  if (t === "48+") return "48+"
  const m = /^0?(\d+)-+0?(\d+)$/.exec(t)
  if (m === null) return "unknown"
  const code = `${Number(m[1])}-${Number(m[2])}`
  return (Person.ageBandCodes as ReadonlyArray<string>).includes(code) ? (code as Person.AgeBand) : "unknown"
}

/** Which of our means of control set each CTDC 2024 means flag (several of ours share one flag). */
export const meansCrosswalk: { readonly [K in MeansVariable]: ReadonlyArray<string> } = {
  meansDebtBondageEarnings: ["debt_bondage", "takes_earnings", "restricts_financial_access"],
  meansThreats: ["threats", "threats_law_enforcement", "threatens_family", "limits_access_to_children"],
  meansAbusePsyPhySex: ["physical_abuse", "sexual_abuse", "psychological_abuse"],
  meansFalsePromises: ["false_promises"],
  meansDrugsAlcohol: ["drugs_alcohol"],
  meansDenyBasicNeeds: ["withholds_necessities", "restricts_movement", "restricts_medical_care"],
  meansExcessiveWorkHours: ["excessive_working_hours"],
  meansWithholdDocs: ["withholds_documents"],
}

/** Which forms of exploitation set each `is*Exploit` flag. */
export const exploitCrosswalk: { readonly [K in ExploitVariable]: ReadonlyArray<string> } = {
  isForcedLabour: ["forced_labour", "child_labour", "forced_begging"],
  isSexualExploit: ["sexual_exploitation"],
  isOtherExploit: [
    "forced_marriage",
    "servitude",
    "online_scam",
    "organ_removal",
    "forced_adoption",
    "surrogacy",
    "forced_military_service",
    "other",
  ],
}

/** Which industries set each `typeOfLabour*` flag (only for labour exploitation). */
export const labourCrosswalk: { readonly [K in LabourVariable]: ReadonlyArray<string> } = {
  typeOfLabourAgriculture: ["agriculture"],
  typeOfLabourConstruction: ["construction"],
  typeOfLabourDomesticWork: ["domestic_work"],
  typeOfLabourHospitality: ["hospitality"],
}

/** Which perpetrator roles set each `recruiterRelation*` flag. */
export const recruiterCrosswalk: { readonly [K in RecruiterVariable]: ReadonlyArray<string> } = {
  recruiterRelationIntimatePartner: [],
  recruiterRelationFriend: [],
  recruiterRelationFamily: ["family_member"],
  recruiterRelationOther: [],
}

/** Which recruiter relationships (`Recruitment.RecruiterRelationship`) set each `recruiterRelation*` flag. */
export const relationshipCrosswalk: { readonly [K in RecruiterVariable]: ReadonlyArray<string> } = {
  recruiterRelationIntimatePartner: ["intimate_partner"],
  recruiterRelationFriend: ["friend_acquaintance"],
  recruiterRelationFamily: ["family"],
  recruiterRelationOther: ["broker_agent", "employer", "stranger", "other"],
}

/** What our data cannot say in CTDC terms (docs/interop.md lists these). */
export const notCovered: ReadonlyArray<{ readonly variable: string; readonly note: string }> = [
  {
    variable: "meansExcessiveWorkHours",
    note: "No means-of-control code for excessive hours: always empty.",
  },
  {
    variable: "typeOfSexProstitution, typeOfSexPornography",
    note: "We record the industry (entertainment venue, ...), not the type of sexual exploitation: always empty.",
  },
  {
    variable: "recruiterRelation*",
    note: "Set from recruiter_relationship (relationshipCrosswalk); perpetrator role family_member also sets recruiterRelationFamily. A relationship of unknown sets no flag.",
  },
  {
    variable: "typeOfLabour*",
    note: "fishing, factory, scam_compound, begging, entertainment have no 2024 sector flag (legacy typeOfLabourAquafarming, Manufacturing, Begging exist).",
  },
]

// ---------------------------------------------------------------------------------------------
// Normalised record

/** What a CTDC row says, in our codes; read from either layout, written to the 2024 layout. */
export interface CtdcRecord {
  readonly yearOfRegistration: number | null
  readonly sex: Person.Sex
  readonly ageBand: Person.AgeBand
  /** ISO alpha-3 (an alpha-3 we do not list is kept as written; null when missing). */
  readonly citizenship: string | null
  readonly countryOfExploitation: string | null
  readonly traffickMonths: string | null
  readonly means: ReadonlySet<MeansVariable>
  readonly exploit: ReadonlySet<ExploitVariable>
  readonly labour: ReadonlySet<LabourVariable>
  readonly sexTypes: ReadonlySet<SexVariable>
  readonly recruiter: ReadonlySet<RecruiterVariable>
}

/** A 2024-layout row: variable -> cell text. */
export type SyntheticRow = { readonly [K in SyntheticVariable]: string }

const flagsOf = <V extends string>(
  crosswalk: { readonly [K in V]: ReadonlyArray<string> },
  codes: ReadonlyArray<string>,
): Set<V> =>
  new Set((Object.keys(crosswalk) as Array<V>).filter((v) => crosswalk[v].some((c) => codes.includes(c))))

const list = (cell: string): Array<string> => (cell === "" ? [] : cell.split(";"))

/** `traffickMonths`, the 2024 synthetic bands, of an `exploitation_months` cell (null when empty). */
export const traffickMonthsOf = (months: string): string | null => {
  if (months === "") return null
  const m = Number(months)
  return m <= 12 ? "0--12 (0-1 yr)" : m <= 24 ? "13--24 (1-2 yrs)" : "25+ (2+ yrs)"
}

/** The CTDC view of a valid case row. */
export const fromCaseRow = (row: CaseRow.CaseRow): CtdcRecord => {
  const age = Person.ageAt(
    {
      dateOfBirth: row.date_of_birth === "" ? undefined : row.date_of_birth,
      ageYears: row.age_years === "" ? undefined : Number(row.age_years),
    },
    row.identification_date,
  )
  const exploit = flagsOf(exploitCrosswalk, [row.exploitation_form])
  return {
    yearOfRegistration: Number(row.identification_date.slice(0, 4)),
    // CTDC has one category for transgender and non-conforming persons: read back as non_binary
    sex:
      row.sex === "transgender_woman" || row.sex === "transgender_man"
        ? "non_binary"
        : (row.sex as Person.Sex),
    ageBand: Person.ageBandOf(age),
    // not a country: unknown is empty, stateless ICAO Doc 9303's XXA
    citizenship:
      row.citizenship === "unknown" ? null : row.citizenship === "stateless" ? "XXA" : row.citizenship,
    countryOfExploitation:
      row.destination_country !== ""
        ? row.destination_country
        : row.exploitation_district !== ""
          ? "LAO"
          : null,
    traffickMonths: traffickMonthsOf(row.exploitation_months),
    means: flagsOf(meansCrosswalk, list(row.means_of_control)),
    exploit,
    labour: exploit.has("isForcedLabour") ? flagsOf(labourCrosswalk, [row.industry]) : new Set(),
    sexTypes: new Set(),
    recruiter: new Set([
      ...flagsOf(recruiterCrosswalk, list(row.perpetrator_roles)),
      ...flagsOf(relationshipCrosswalk, [row.recruiter_relationship]),
    ]),
  }
}

const flag = (on: boolean): string => (on ? "1" : "")

/** The 2024 synthetic-layout row of a record (flags "1" or empty, missing values empty). */
export const toSyntheticRow = (r: CtdcRecord): SyntheticRow => {
  const out: Record<string, string> = {
    yearOfRegistration: r.yearOfRegistration === null ? "" : String(r.yearOfRegistration),
    gender: sexToGender[r.sex],
    ageBroad: ageBandToCtdc(r.ageBand),
    citizenship: r.citizenship ?? "",
    CountryOfExploitation: r.countryOfExploitation ?? "",
    traffickMonths: r.traffickMonths ?? "",
  }
  for (const v of meansVariables) out[v] = flag(r.means.has(v))
  for (const v of exploitVariables) out[v] = flag(r.exploit.has(v))
  for (const v of labourVariables) out[v] = flag(r.labour.has(v))
  for (const v of sexVariables) out[v] = flag(r.sexTypes.has(v))
  for (const v of recruiterVariables) out[v] = flag(r.recruiter.has(v))
  return out as SyntheticRow
}

// ---------------------------------------------------------------------------------------------
// Reading

const MISSING = new Set(["", "-99", "-99.0", "na", "n/a", "null", "nan", "00", "unknown"])
const cellOf = (record: Readonly<Record<string, string | undefined>>, name: string): string => {
  const v = (record[name] ?? "").trim()
  return MISSING.has(v.toLowerCase()) ? "" : v
}

const canonicalNames = new Map(
  [...syntheticVariables, ...legacyVariables, ...Object.keys(syntheticAliases)].map((v) => [
    v.toLowerCase(),
    v,
  ]),
)

/** A record with its variable names as the codebooks spell them (`CountryofExploitation` too). */
export const canonicalRecord = (
  record: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> => {
  const out: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(record)) {
    const name = canonicalNames.get(k.trim().toLowerCase()) ?? k
    if (out[name] === undefined || (out[name] ?? "").trim() === "") out[name] = v
  }
  return out
}
const isSet = (v: string): boolean => v === "1" || v === "1.0" || v.toLowerCase() === "true"

const alpha3 = (text: string): string | null => {
  // ZZ is the codebooks' "unknown country".
  if (text === "" || /^(zz|zzz)$/i.test(text)) return null
  const m = Place.findCountry(text)
  return m._tag === "Found" ? m.value.iso3 : text.toUpperCase()
}

const sexFrom = (text: string): Person.Sex => genderToSex[text.trim().toLowerCase()] ?? "unknown"

/** Reads a 2024-layout row (or a later one with `sectorOf...` names). */
export const readSynthetic = (input: Readonly<Record<string, string | undefined>>): CtdcRecord => {
  const record: Record<string, string | undefined> = canonicalRecord(input)
  for (const [alias, name] of Object.entries(syntheticAliases))
    if (record[name] === undefined && record[alias] !== undefined) record[name] = record[alias]
  const flags = <V extends string>(vars: ReadonlyArray<V>) =>
    new Set(vars.filter((v) => isSet(cellOf(record, v))))
  const year = cellOf(record, "yearOfRegistration")
  const months = cellOf(record, "traffickMonths")
  return {
    yearOfRegistration: year === "" ? null : Math.trunc(Number(year)),
    sex: sexFrom(cellOf(record, "gender")),
    ageBand: ageBandFromCtdc(cellOf(record, "ageBroad")),
    citizenship: alpha3(cellOf(record, "citizenship")),
    countryOfExploitation: alpha3(cellOf(record, "CountryOfExploitation")),
    traffickMonths: months === "" ? null : months,
    means: flags(meansVariables),
    exploit: flags(exploitVariables),
    labour: flags(labourVariables),
    sexTypes: flags(sexVariables),
    recruiter: flags(recruiterVariables),
  }
}

/** Legacy means flags -> 2024 means flags. */
export const legacyMeansCrosswalk: { readonly [K in MeansVariable]: ReadonlyArray<string> } = {
  meansDebtBondageEarnings: ["DebtBondage", "TakesEarnings"],
  meansThreats: ["Threats", "ThreatOfLawEnforcement", "UsesChildren"],
  meansAbusePsyPhySex: ["PsychologicalAbuse", "PhysicalAbuse", "SexualAbuse"],
  meansFalsePromises: ["FalsePromises"],
  meansDrugsAlcohol: ["PsychoactiveSubstances"],
  meansDenyBasicNeeds: [
    "RestrictsFinancialAccess",
    "RestrictsMovement",
    "RestrictsMedicalCare",
    "WithholdsNecessities",
  ],
  meansExcessiveWorkHours: ["ExcessiveWorkingHours"],
  meansWithholdDocs: ["WithholdsDocuments"],
}

/** Legacy exploitation flags -> 2024 flags; `isSexAndLabour` sets both. */
export const legacyExploitCrosswalk: { readonly [K in ExploitVariable]: ReadonlyArray<string> } = {
  isForcedLabour: ["isForcedLabour", "isSexAndLabour"],
  isSexualExploit: ["isSexualExploit", "isSexAndLabour"],
  isOtherExploit: [
    "isOtherExploit",
    "isForcedMarriage",
    "isForcedMilitary",
    "isOrganRemoval",
    "isSlaveryAndPractices",
  ],
}

/** Words of `typeOfExploitConcatenated` items -> 2024 flag (used when the is* flags are all missing). */
const concatenatedExploit: ReadonlyArray<readonly [RegExp, ReadonlyArray<ExploitVariable>]> = [
  [/sex\w* and labou?r/i, ["isForcedLabour", "isSexualExploit"]],
  [/labou?r/i, ["isForcedLabour"]],
  [/sex/i, ["isSexualExploit"]],
  [/marriage|military|organ|slavery|other/i, ["isOtherExploit"]],
]

/** Reads a legacy Global Dataset row (62 variables; -99 and "00" are missing). */
export const readLegacy = (input: Readonly<Record<string, string | undefined>>): CtdcRecord => {
  const record = canonicalRecord(input)
  const get = (name: string) => cellOf(record, name)
  const flagged = (name: string) => isSet(get(name))
  const means = new Set(
    meansVariables.filter((v) => legacyMeansCrosswalk[v].some((m) => flagged(`meansOfControl${m}`))),
  )
  if (means.size === 0)
    for (const label of legacyMeansLabels(get("meansOfControlConcatenated")).known)
      for (const v of meansVariables) if (legacyMeansCrosswalk[v].includes(label)) means.add(v)
  const exploit = new Set(exploitVariables.filter((v) => legacyExploitCrosswalk[v].some(flagged)))
  if (exploit.size === 0) {
    for (const item of get("typeOfExploitConcatenated").split(";")) {
      const hit = concatenatedExploit.find(([re]) => re.test(item))
      if (hit !== undefined) for (const v of hit[1]) exploit.add(v)
    }
  }
  const labour = new Set(labourVariables.filter((v) => flagged(v)))
  const year = get("yearOfRegistration")
  return {
    yearOfRegistration: year === "" ? null : Math.trunc(Number(year)),
    sex: sexFrom(get("gender")),
    ageBand: ageBandFromCtdc(get("ageBroad")),
    citizenship: alpha3(get("citizenship")),
    countryOfExploitation: alpha3(get("CountryOfExploitation")),
    traffickMonths: null,
    means,
    exploit,
    labour,
    sexTypes: new Set(sexVariables.filter((v) => flagged(v))),
    recruiter: new Set(recruiterVariables.filter((v) => flagged(v))),
  }
}

export type Layout = "synthetic2024" | "legacy"

/**
 * The legacy codebook's means-of-control items of a `meansOfControlConcatenated` cell, matched as
 * written ("Debt bondage", "Threat of law enforcement", "Not specified"; case and spaces aside):
 * `known` are codebook values (Other and NotSpecified have no 2024 flag: recognised, not set),
 * `unknown` the rest, for the importer to report.
 */
export const legacyMeansLabels = (cell: string): { known: Array<string>; unknown: Array<string> } => {
  const byKey = new Map(legacyMeans.map((m) => [m.toLowerCase(), m]))
  const known: string[] = []
  const unknown: string[] = []
  for (const item of cell.split(";")) {
    const t = item.trim()
    if (t === "" || MISSING.has(t.toLowerCase())) continue
    const m = byKey.get(t.toLowerCase().replace(/[^a-z]/g, ""))
    if (m === undefined) unknown.push(t)
    else known.push(m)
  }
  return { known, unknown }
}

/** Which layout a header is: legacy when it has legacy-only variables (names in any case). */
export const detectLayout = (header: ReadonlyArray<string>): Layout | undefined => {
  const names = new Set(header.map((h) => canonicalNames.get(h.trim().toLowerCase()) ?? h.trim()))
  if (["majorityStatus", "meansOfControlConcatenated", "typeOfExploitConcatenated"].some((v) => names.has(v)))
    return "legacy"
  if (["meansDebtBondageEarnings", "meansAbusePsyPhySex", "traffickMonths"].some((v) => names.has(v)))
    return "synthetic2024"
  return undefined
}

export const read = (record: Readonly<Record<string, string | undefined>>, layout: Layout): CtdcRecord =>
  layout === "legacy" ? readLegacy(record) : readSynthetic(record)

// ---------------------------------------------------------------------------------------------
// Publication threshold (k-anonymity over the quasi-identifiers)

export const quasiIdentifiers = [
  "yearOfRegistration",
  "gender",
  "ageBroad",
  "citizenship",
  "CountryOfExploitation",
] as const satisfies ReadonlyArray<SyntheticVariable>

/**
 * Generalisation steps, applied in order to records whose combination of quasi-identifiers is
 * shared by fewer than k records: blank the age band, then the country of exploitation, then
 * citizenship. Records still in a group smaller than k after the last step are dropped.
 */
export const generalisationSteps: ReadonlyArray<{
  readonly name: string
  readonly blank: ReadonlyArray<(typeof quasiIdentifiers)[number]>
}> = [
  { name: "exact", blank: [] },
  { name: "ageBroad blanked", blank: ["ageBroad"] },
  { name: "ageBroad, CountryOfExploitation blanked", blank: ["ageBroad", "CountryOfExploitation"] },
  {
    name: "ageBroad, CountryOfExploitation, citizenship blanked",
    blank: ["ageBroad", "CountryOfExploitation", "citizenship"],
  },
]

export interface ThresholdSummary {
  readonly k: number
  readonly input: number
  readonly released: number
  readonly dropped: number
  /** Released records per generalisation step (same order as `generalisationSteps`). */
  readonly byStep: ReadonlyArray<{ readonly step: string; readonly records: number }>
  /** Size of the smallest group of identical quasi-identifiers in the output (0 when empty). */
  readonly smallestGroup: number
}

const qiKey = (row: SyntheticRow): string => quasiIdentifiers.map((q) => row[q]).join("\u0001")

/**
 * Applies the publication threshold: in the result every combination of the quasi-identifiers is
 * shared by at least k rows. Row order of the input is kept among released rows.
 */
export const applyThreshold = (
  rows: ReadonlyArray<SyntheticRow>,
  k = 10,
): { readonly rows: ReadonlyArray<SyntheticRow>; readonly summary: ThresholdSummary } => {
  if (!Number.isInteger(k) || k < 1) throw new Error("k must be a positive integer")
  let pending = rows.map((row, index) => ({ row, index }))
  const released: Array<{ row: SyntheticRow; index: number }> = []
  const byStep: Array<{ step: string; records: number }> = []
  for (const step of generalisationSteps) {
    const generalised = pending.map(({ row, index }) => {
      const copy: Record<string, string> = { ...row }
      for (const q of step.blank) copy[q] = ""
      return { row: copy as SyntheticRow, index }
    })
    const groups = new Map<string, number>()
    for (const { row } of generalised) groups.set(qiKey(row), (groups.get(qiKey(row)) ?? 0) + 1)
    const keep = generalised.filter(({ row }) => groups.get(qiKey(row))! >= k)
    pending = pending.filter((_, i) => groups.get(qiKey(generalised[i]!.row))! < k)
    released.push(...keep)
    byStep.push({ step: step.name, records: keep.length })
  }
  released.sort((a, b) => a.index - b.index)
  const out = released.map((r) => r.row)
  const sizes = new Map<string, number>()
  for (const row of out) sizes.set(qiKey(row), (sizes.get(qiKey(row)) ?? 0) + 1)
  return {
    rows: out,
    summary: {
      k,
      input: rows.length,
      released: out.length,
      dropped: rows.length - out.length,
      byStep,
      smallestGroup: sizes.size === 0 ? 0 : Math.min(...sizes.values()),
    },
  }
}

/** HXL tags of the 2024 layout (flags as `#indicator+<name>`). */
export const hxlTags: Readonly<Record<string, string>> = {
  yearOfRegistration: "#date+year+reported",
  gender: "#respondee+sex",
  ageBroad: "#respondee+age+band",
  citizenship: "#country+code+v_iso3+nationality",
  CountryOfExploitation: "#country+code+v_iso3+dest",
  traffickMonths: "#indicator+months",
  ...Object.fromEntries(
    [...meansVariables, ...exploitVariables, ...labourVariables, ...sexVariables, ...recruiterVariables].map(
      (v) => [v, `#indicator+${v.toLowerCase()}`],
    ),
  ),
}
