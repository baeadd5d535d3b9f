/**
 * An XLSForm (KoboToolbox / ODK) generated from the CaseRow schema, and the reading of the form's
 * data exports back into CaseRow cells.
 *
 * The form follows the XLSForm spec (https://xlsform.org/en/): sheets `survey` (type, name,
 * label::English (en), label::Lao (lo), hint, required, constraint, constraint_message, relevant,
 * choice_filter, appearance), `choices` (list_name, name, labels, `province` for the district
 * filter) and `settings` (form_title, form_id, version, default_language). Field names are the
 * CaseRow column names, so a submission is a CaseRow once group prefixes and metadata are removed.
 * Choices come from the closed sets (`caseRowRules`), labels from the vocabularies; required flags,
 * bounds, patterns and date limits from the same rules the validator uses. Rules the form cannot
 * express (the stage path of the stage machine) are left to the validated import.
 *
 * `parseExpression` parses the subset of XPath the generator writes, so tests can check every
 * constraint, relevance and filter. This module returns sheet rows; writing .xlsx is elsewhere.
 */
import * as CaseRow from "../CaseRow.ts"
import * as CaseStage from "../CaseStage.ts"
import * as Citizenship from "../Citizenship.ts"
import * as Consent from "../Consent.ts"
import * as Ethnicity from "../Ethnicity.ts"
import * as Exploitation from "../Exploitation.ts"
import * as IdentificationSetting from "../IdentificationSetting.ts"
import type { Label } from "../Label.ts"
import * as LegalBasis from "../LegalBasis.ts"
import * as Partner from "../Partner.ts"
import * as Perpetrator from "../Perpetrator.ts"
import * as Person from "../Person.ts"
import * as Place from "../Place.ts"
import * as Recruitment from "../Recruitment.ts"
import * as Service from "../Service.ts"
import * as TraffickingStatus from "../TraffickingStatus.ts"
import * as VictimGroup from "../VictimGroup.ts"
import * as Htcds from "./Htcds.ts"

export const specUrl = "https://xlsform.org/en/"
export const formId = "lao_protect_case_row"
export const EN = "English (en)"
export const LO = "Lao (lo)"

/** Labels of every vocabulary a CaseRow column uses (rule `vocabulary` -> labels). */
export const vocabularyLabels: Readonly<Record<string, Readonly<Record<string, Pick<Label, "en" | "lo">>>>> =
  {
    Partner: Partner.labels,
    VictimGroup: VictimGroup.labels,
    IdentificationSetting: IdentificationSetting.labels,
    Sex: Person.sexLabels,
    CountryCode: Place.countryLabels,
    Citizenship: Citizenship.labels,
    TraffickingStatus: TraffickingStatus.labels,
    RecruitmentMethod: Recruitment.methodLabels,
    RecruiterRelationship: Recruitment.relationshipLabels,
    EthnicGroup: Ethnicity.groupLabels,
    DistrictCode: Place.districtLabels,
    ProvinceCode: Place.provinceLabels,
    CheckpointId: Place.checkpointLabels,
    ExploitationForm: Exploitation.formLabels,
    Industry: Exploitation.industryLabels,
    MeansOfControl: Exploitation.meansLabels,
    PerpetratorRole: Perpetrator.labels,
    LegalBasisId: LegalBasis.legalBasisLabels,
    ExitStage: CaseStage.labels,
    Service: Service.labels,
    Consent: Consent.labels,
  }

/** Groups of the form; their names appear as prefixes (`person/sex`) in Kobo exports. */
export const groups: ReadonlyArray<{
  readonly name: string
  readonly en: string
  readonly lo: string
  readonly columns: ReadonlyArray<CaseRow.ColumnName>
}> = [
  {
    name: "identification",
    en: "Identification",
    lo: "ການລະບຸຕົວ",
    columns: [
      "case_id",
      "source",
      "identification_date",
      "identifying_agency",
      "identification_setting",
      "identification_province",
      "identification_district",
      "victim_group",
      "trafficking_status",
      "consent",
    ],
  },
  {
    name: "person",
    en: "The person",
    lo: "ບຸກຄົນ",
    columns: [
      "sex",
      "date_of_birth",
      "age_years",
      "citizenship",
      "ethnicity",
      "first_language",
      "victim_name",
      "phone",
      "village",
    ],
  },
  {
    name: "route",
    en: "Origin and route",
    lo: "ບ່ອນເກີດ ແລະ ເສັ້ນທາງ",
    columns: [
      "origin_province",
      "origin_district",
      "border_checkpoint",
      "destination_country",
      "exploitation_district",
    ],
  },
  {
    name: "exploitation",
    en: "Exploitation",
    lo: "ການຂູດຮີດ",
    columns: [
      "recruitment_method",
      "recruiter_relationship",
      "age_at_recruitment",
      "exploitation_form",
      "industry",
      "means_of_control",
      "exploitation_months",
      "perpetrator_roles",
      "legal_basis",
    ],
  },
  {
    name: "protection",
    en: "Protection stages",
    lo: "ຂັ້ນຕອນການປົກປ້ອງ",
    columns: [
      "interim_care_date",
      "assessment_date",
      "bid_date",
      "bid_outcome",
      "bid_decided_by",
      "return_date",
      "reintegration_date",
      "follow_up_date",
      "exit_reason",
      "exit_date",
      "closed_date",
      "services",
      "referred_to",
      "notes",
    ],
  },
]

export interface Sheet {
  readonly name: "survey" | "choices" | "settings"
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

export interface SurveyRow {
  readonly type: string
  readonly name: string
  readonly labelEn: string
  readonly labelLo: string
  readonly hint: string
  readonly required: string
  readonly constraint: string
  readonly constraintMessage: string
  readonly relevant: string
  readonly choiceFilter: string
  readonly appearance: string
}

export interface ChoiceRow {
  readonly listName: string
  readonly name: string
  readonly labelEn: string
  readonly labelLo: string
  readonly province: string
}

const listNameOf = (vocabulary: string): string =>
  vocabulary.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase()

const quote = (s: string): string => `'${s.replace(/'/g, "")}'`

const rules = new Map(CaseRow.caseRowRules.map((r) => [r.column, r]))
const docs = new Map(CaseRow.caseRowColumns.map((d) => [d.column, d]))

type Rule = (typeof CaseRow.caseRowCrossFieldRules)[number]
const ruleOf = <K extends Rule["kind"]>(kind: K): ReadonlyArray<Extract<Rule, { kind: K }>> =>
  CaseRow.caseRowCrossFieldRules.filter((r): r is Extract<Rule, { kind: K }> => r.kind === kind)

const ref = (column: string) => `\${${column}}`
const anyOf = (column: string, codes: ReadonlyArray<string>, all: ReadonlyArray<string> | undefined) =>
  all !== undefined && codes.length === all.length
    ? `${ref(column)} != ''`
    : codes.map((c) => `${ref(column)} = ${quote(c)}`).join(" or ")
const noneOf = (column: string, codes: ReadonlyArray<string>) =>
  codes.map((c) => `${ref(column)} != ${quote(c)}`).join(" and ")
// yyyymmdd as a number: two such numbers differ by less than 180000 exactly when fewer than 18
// whole calendar years separate the dates (the domain's `yearsBetween`).
const ymd = (column: string) =>
  `(number(substr(${ref(column)}, 0, 4)) * 10000 + number(substr(${ref(column)}, 5, 7)) * 100 + number(substr(${ref(column)}, 8, 10)))`

/** XPath of the presumption of childhood (the domain's `presumedChildRow`). */
export const presumedChildExpression = (child: CaseRow.ChildSpec = CaseRow.childSpec): string => {
  const dob = child.dateOfBirthColumn
  const age = child.ageColumn
  return `(${ref(dob)} = '' and ${ref(age)} = '') or (${ref(dob)} != '' and ${ymd(child.at)} - ${ymd(dob)} < ${child.under * 10000}) or (${ref(age)} != '' and ${ref(age)} < ${child.under})`
}

/** XPath of "the row has a move out of care that needs a BID" (the domain's `firstBidMove`). */
const bidMoveExpression = (rule: Extract<Rule, { kind: "childBid" }>): string => {
  const exit = rule.exit
  const notExempt = `(${ref(exit.date)} = '' or (${noneOf(exit.reason, exit.exempt)}))`
  return [
    ...rule.moves.map((m) => `${ref(m)} != ''`),
    `(${ref(exit.date)} != '' and ${ref(exit.reason)} != '' and ${notExempt})`,
    `(${ref(rule.closed)} != '' and ${notExempt})`,
  ].join(" or ")
}

/**
 * XPath of an `ageSpan` rule on its column (the domain's `ageSpanExceeded`): `.` is at most
 * perYear * (age - since) + slack for age_years; for the date of birth, whose age is
 * floor(yyyymmdd difference / 10000), the same bound reads ceiling((. - slack) div perYear) + since
 * whole years, i.e. that many times 10000 in the yyyymmdd difference.
 */
const ageSpanConstraint = (rule: Extract<Rule, { kind: "ageSpan" }>): string => {
  const { child, perYear, slack } = rule
  const bySince = (since: string) => {
    const byAge = `(${ref(child.ageColumn)} = '' or . <= ${perYear} * (${ref(child.ageColumn)} - ${since}) + ${slack})`
    const years = perYear === 1 ? `. - ${slack}` : `ceiling((. - ${slack}) div ${perYear})`
    const byDob = `(${ref(child.dateOfBirthColumn)} = '' or (${years} + ${since}) * 10000 <= ${ymd(child.at)} - ${ymd(child.dateOfBirthColumn)})`
    return `${byAge} and ${byDob}`
  }
  if (rule.since === undefined) return bySince("0")
  return `(${ref(rule.since)} = '' and ${bySince("0")}) or (${ref(rule.since)} != '' and ${bySince(ref(rule.since))})`
}

/** The survey rows for one column, built from its rule. */
const surveyRow = (column: CaseRow.ColumnName): SurveyRow => {
  const rule = rules.get(column)!
  const doc = docs.get(column)!
  const constraints: Array<string> = []
  const messages: Array<string> = []
  let type = "text"
  let appearance = ""
  let choiceFilter = ""
  let relevant = ""
  let required = rule.required ? "yes" : ""
  switch (rule.type) {
    case "code":
      type = `select_one ${listNameOf(rule.vocabulary!)}`
      if ((rule.codes?.length ?? 0) > 20) appearance = "minimal autocomplete"
      break
    case "list":
      type = `select_multiple ${listNameOf(rule.vocabulary!)}`
      if ((rule.codes?.length ?? 0) > 20) appearance = "minimal autocomplete"
      break
    case "int":
      type = "integer"
      if (typeof rule.min === "number" && typeof rule.max === "number") {
        constraints.push(`. >= ${rule.min} and . <= ${rule.max}`)
        messages.push(`${rule.min} to ${rule.max}`)
      }
      break
    case "date":
      type = "date"
      if (typeof rule.min === "string") {
        constraints.push(`. >= date(${quote(rule.min)})`)
        messages.push(`from ${rule.min}`)
      }
      if (rule.notInFuture === true) {
        constraints.push(". <= today()")
        messages.push("not in the future")
      }
      if (
        (CaseRow.stageDateColumns as ReadonlyArray<string>).includes(column) &&
        column !== "identification_date"
      ) {
        constraints.push(`. >= \${identification_date}`)
        messages.push("not before the identification date")
      }
      break
    default:
      if (rule.pattern !== undefined) {
        const bounded =
          rule.minLength !== undefined && rule.maxLength !== undefined
            ? rule.pattern.replace(/\+\$$/, `{${rule.minLength},${rule.maxLength}}$`)
            : rule.pattern
        constraints.push(`regex(., ${quote(bounded)})`)
        messages.push(doc.description)
      } else if (rule.maxLength !== undefined) {
        constraints.push(`string-length(.) <= ${rule.maxLength}`)
        messages.push(`at most ${rule.maxLength} characters`)
      }
  }
  if (column === "origin_district")
    choiceFilter = `\${origin_province} = '' or province = \${origin_province}`
  if (column === "identification_district")
    choiceFilter = `\${identification_province} = '' or province = \${identification_province}`
  if (column === "exit_date") {
    relevant = `\${exit_reason} != ''`
    required = "yes"
  }
  const requiredWhen: Array<string> = []
  for (const rule of ruleOf("childBid")) {
    const { bid } = rule
    if (column === bid.date || column === bid.outcome || column === bid.decidedBy)
      requiredWhen.push(`(${presumedChildExpression(rule.child)}) and (${bidMoveExpression(rule)})`)
    if (column === bid.date) {
      const at = CaseRow.stageDateColumns.indexOf("bid_date")
      const earlier = CaseRow.stageDateColumns.slice(1, at)
      const later = CaseRow.stageDateColumns.slice(at + 1)
      constraints.push(
        [
          ...earlier.map((c) => `(${ref(c)} = '' or . >= ${ref(c)})`),
          ...later.map((c) => `(${ref(c)} = '' or . <= ${ref(c)})`),
        ].join(" and "),
      )
      messages.push("between the earlier and the later stages")
    }
  }
  for (const rule of ruleOf("requiredWhen"))
    if (column === rule.column)
      requiredWhen.push(anyOf(rule.when.column, rule.when.codes, rules.get(rule.when.column as never)?.codes))
  for (const rule of ruleOf("citableBy"))
    if (column === rule.column) {
      const byDate = new Map<string, Array<string>>()
      for (const [code, from] of Object.entries(rule.from))
        byDate.set(from, [...(byDate.get(from) ?? []), code])
      for (const [from, codes] of [...byDate].sort(([a], [b]) => (a < b ? -1 : 1)))
        constraints.push(
          `${codes.map((c) => `not(selected(., ${quote(c)}))`).join(" and ")} or ${rule.dates.map((d) => `${ref(d)} >= date(${quote(from)})`).join(" or ")}`,
        )
      messages.push("only articles in force by the case's dates")
    }
  for (const rule of ruleOf("childOnly"))
    if (column === rule.column) {
      constraints.push(
        `(${noneOf(column, rule.codes).replaceAll(ref(column), ".")}) or ${presumedChildExpression(rule.child)}`,
      )
      messages.push(`${rule.codes.join(", ")} only for a child`)
    }
  for (const rule of ruleOf("ageSpan"))
    if (column === rule.column) {
      constraints.push(ageSpanConstraint(rule))
      messages.push(rule.reason)
    }
  for (const rule of ruleOf("excludes"))
    if (column === rule.column) {
      constraints.push(
        `${noneOf(rule.when.column, rule.when.codes)} or (${noneOf(column, rule.codes).replaceAll(ref(column), ".")})`,
      )
      messages.push(rule.reason)
    }
  if (requiredWhen.length > 0 && required !== "yes")
    required = requiredWhen.map((e) => (requiredWhen.length > 1 ? `(${e})` : e)).join(" or ")
  return {
    type,
    name: column,
    labelEn: doc.label.en,
    labelLo: doc.label.lo,
    hint: doc.description,
    required,
    constraint: constraints.map((c) => (constraints.length > 1 ? `(${c})` : c)).join(" and "),
    constraintMessage: messages.length === 0 ? "" : `${doc.label.en}: ${messages.join(", ")}`,
    relevant,
    choiceFilter,
    appearance,
  }
}

/** Every survey row, with begin/end group rows around the columns. */
export const surveyRows = (): ReadonlyArray<SurveyRow> => {
  const blank = {
    hint: "",
    required: "",
    constraint: "",
    constraintMessage: "",
    relevant: "",
    choiceFilter: "",
  }
  const out: Array<SurveyRow> = [
    { type: "start", name: "start", labelEn: "", labelLo: "", appearance: "", ...blank },
    { type: "end", name: "end", labelEn: "", labelLo: "", appearance: "", ...blank },
  ]
  for (const group of groups) {
    out.push({
      type: "begin_group",
      name: group.name,
      labelEn: group.en,
      labelLo: group.lo,
      appearance: "field-list",
      ...blank,
    })
    for (const column of group.columns) out.push(surveyRow(column))
    out.push({ type: "end_group", name: "", labelEn: "", labelLo: "", appearance: "", ...blank })
  }
  return out
}

/** Every choice list the survey uses, from the rules' codes and the vocabularies' labels. */
export const choiceRows = (): ReadonlyArray<ChoiceRow> => {
  const out: Array<ChoiceRow> = []
  const seen = new Set<string>()
  for (const rule of CaseRow.caseRowRules) {
    if ((rule.type !== "code" && rule.type !== "list") || rule.vocabulary === undefined) continue
    const listName = listNameOf(rule.vocabulary)
    if (seen.has(listName)) continue
    seen.add(listName)
    const labels = vocabularyLabels[rule.vocabulary]
    for (const code of rule.codes ?? []) {
      const label = labels?.[code]
      const en = label?.en || code
      out.push({
        listName,
        name: code,
        labelEn: en,
        labelLo: label?.lo || en,
        province:
          rule.vocabulary === "DistrictCode" ? Place.provinceOfDistrict(code as Place.DistrictCode) : "",
      })
    }
  }
  return out
}

/** A version that changes whenever the schema the form is built from changes (FNV-1a of the rules). */
export const schemaVersion = (): string => {
  let hash = 0x811c9dc5
  const text = JSON.stringify([CaseRow.caseRowRules, groups])
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, "0")
}

export const surveyHeader = [
  "type",
  "name",
  `label::${EN}`,
  `label::${LO}`,
  `hint::${EN}`,
  "required",
  "constraint",
  `constraint_message::${EN}`,
  "relevant",
  "choice_filter",
  "appearance",
] as const

export const choicesHeader = ["list_name", "name", `label::${EN}`, `label::${LO}`, "province"] as const
export const settingsHeader = ["form_title", "form_id", "version", "default_language"] as const

/**
 * The question name of each CaseRow column in the HTCDS-named form: the HTCDS field where the
 * HTCDS reader gets our code back from it (prs_Gender, vic_TypeOfExploitation, con_Consent, ...),
 * else the documented `lao_*` extension field. A partner using IOM's XLSForm keeps its field names;
 * exports are read with `import-htcds`.
 */
export const htcdsNames: Readonly<Record<CaseRow.ColumnName, string>> = Object.fromEntries(
  Htcds.crosswalk.map((r) => {
    // HTCDS holds an organisation type or a free-text label here: our code lives in the extension.
    const lossy = r.column === "identifying_agency" || r.column === "exit_reason"
    return [r.column, (lossy ? r.extension : null) ?? r.htcds ?? r.extension ?? r.column]
  }),
) as Record<CaseRow.ColumnName, string>

const renameRefs = (expression: string): string =>
  expression.replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const mapped = htcdsNames[name as CaseRow.ColumnName]
    return mapped === undefined ? whole : `\${${mapped}}`
  })

/**
 * The three sheets of the form, as rows of text (header first). `htcds`: questions named as HTCDS
 * fields (`htcdsNames`), same questions, choices and checks.
 */
export const form = (
  options: { readonly title?: string; readonly htcds?: boolean } = {},
): ReadonlyArray<Sheet> => [
  {
    name: "survey",
    rows: [
      [...surveyHeader],
      ...surveyRows().map((r) => {
        const name = options.htcds ? (htcdsNames[r.name as CaseRow.ColumnName] ?? r.name) : r.name
        const ref = options.htcds ? renameRefs : (x: string) => x
        return [
          r.type,
          name,
          r.labelEn,
          r.labelLo,
          r.hint,
          ref(r.required),
          ref(r.constraint),
          r.constraintMessage,
          ref(r.relevant),
          ref(r.choiceFilter),
          r.appearance,
        ]
      }),
    ],
  },
  {
    name: "choices",
    rows: [
      [...choicesHeader],
      ...choiceRows().map((c) => [c.listName, c.name, c.labelEn, c.labelLo, c.province]),
    ],
  },
  {
    name: "settings",
    rows: [
      [...settingsHeader],
      [
        options.title ??
          (options.htcds ? "Lao Protect case record (HTCDS names)" : "Lao Protect case record"),
        options.htcds ? `${formId}_htcds` : formId,
        schemaVersion(),
        EN,
      ],
    ],
  },
]

// ---------------------------------------------------------------------------------------------
// The expression subset the generator writes

export type Expr =
  | { readonly _tag: "Current" }
  | { readonly _tag: "Ref"; readonly name: string }
  | { readonly _tag: "Field"; readonly name: string }
  | { readonly _tag: "String"; readonly value: string }
  | { readonly _tag: "Number"; readonly value: number }
  | { readonly _tag: "Call"; readonly fn: string; readonly args: ReadonlyArray<Expr> }
  | { readonly _tag: "Binary"; readonly op: string; readonly left: Expr; readonly right: Expr }

export class ExpressionError extends Error {
  override readonly name = "ExpressionError"
}

const FUNCTIONS: Readonly<Record<string, number>> = {
  today: 0,
  date: 1,
  regex: 2,
  "string-length": 1,
  ceiling: 1,
  "decimal-date-time": 1,
  substr: 3,
  number: 1,
  selected: 2,
  not: 1,
}

const PRECEDENCE: ReadonlyArray<ReadonlyArray<string>> = [
  ["or"],
  ["and"],
  ["=", "!="],
  ["<=", ">=", "<", ">"],
  ["+", "-"],
  ["*", "div"],
]

const tokenize = (text: string): Array<string> => {
  const tokens: Array<string> = []
  const re =
    /\s*(\$\{[A-Za-z_][A-Za-z0-9_.-]*\}|'[^']*'|"[^"]*"|\d+(?:\.\d+)?|<=|>=|!=|[=<>+*(),.-]|[A-Za-z_][A-Za-z0-9_-]*)\s*/y
  let at = 0
  while (at < text.length) {
    re.lastIndex = at
    const m = re.exec(text)
    if (m === null) throw new ExpressionError(`cannot read "${text.slice(at)}"`)
    tokens.push(m[1]!)
    at = re.lastIndex
  }
  return tokens
}

/** Parses a constraint, relevance, required or choice_filter expression of the supported subset. */
export const parseExpression = (text: string): Expr => {
  const tokens = tokenize(text)
  let i = 0
  const peek = () => tokens[i]
  const next = () => {
    const t = tokens[i++]
    if (t === undefined) throw new ExpressionError(`unexpected end of "${text}"`)
    return t
  }
  const expect = (t: string) => {
    if (next() !== t) throw new ExpressionError(`expected "${t}" in "${text}"`)
  }
  const primary = (): Expr => {
    const t = next()
    if (t === "(") {
      const e = binary(0)
      expect(")")
      return e
    }
    if (t === ".") return { _tag: "Current" }
    if (t.startsWith("$" + "{")) return { _tag: "Ref", name: t.slice(2, -1) }
    if (t.startsWith("'") || t.startsWith('"')) return { _tag: "String", value: t.slice(1, -1) }
    if (/^\d/.test(t)) return { _tag: "Number", value: Number(t) }
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() === "(") {
        const arity = FUNCTIONS[t]
        if (arity === undefined) throw new ExpressionError(`unknown function ${t}() in "${text}"`)
        next()
        const args: Array<Expr> = []
        if (peek() !== ")") {
          args.push(binary(0))
          while (peek() === ",") {
            next()
            args.push(binary(0))
          }
        }
        expect(")")
        if (args.length !== arity) throw new ExpressionError(`${t}() takes ${arity} arguments in "${text}"`)
        if (t === "regex") {
          const pattern = args[1]
          if (pattern?._tag !== "String")
            throw new ExpressionError(`regex() needs a literal pattern in "${text}"`)
          try {
            new RegExp(pattern.value)
          } catch {
            throw new ExpressionError(`invalid regular expression ${pattern.value}`)
          }
        }
        if (t === "date") {
          const arg = args[0]
          if (arg?._tag !== "String" || !/^\d{4}-\d{2}-\d{2}$/.test(arg.value))
            throw new ExpressionError(`date() needs 'YYYY-MM-DD' in "${text}"`)
        }
        return { _tag: "Call", fn: t, args }
      }
      return { _tag: "Field", name: t }
    }
    throw new ExpressionError(`unexpected "${t}" in "${text}"`)
  }
  const binary = (level: number): Expr => {
    if (level === PRECEDENCE.length) return primary()
    let left = binary(level + 1)
    while (peek() !== undefined && PRECEDENCE[level]!.includes(peek()!)) {
      const op = next()
      left = { _tag: "Binary", op, left, right: binary(level + 1) }
    }
    return left
  }
  const expr = binary(0)
  if (i !== tokens.length) throw new ExpressionError(`unexpected "${tokens[i]}" in "${text}"`)
  return expr
}

/** The `${name}` references of an expression. */
export const references = (e: Expr): Array<string> => {
  switch (e._tag) {
    case "Ref":
      return [e.name]
    case "Call":
      return e.args.flatMap(references)
    case "Binary":
      return [...references(e.left), ...references(e.right)]
    default:
      return []
  }
}

type Value = string | number | boolean

const toNumber = (v: Value): number =>
  typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : v.trim() === "" ? Number.NaN : Number(v)
const isDate = (v: Value): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)

/**
 * Evaluates an expression of the supported subset the way ODK / Enketo do on the row's answers
 * (`current` is `.`): dates compare as dates, other comparisons with `<`/`>` as numbers, `=`/`!=`
 * as text unless both sides are numbers. For tests and offline checks; throws ExpressionError on an
 * expression outside the subset.
 */
export const evaluate = (
  e: Expr,
  row: Readonly<Record<string, string>>,
  current = "",
  today: () => string = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
): Value => {
  const ev = (x: Expr): Value => evaluate(x, row, current, today)
  switch (e._tag) {
    case "Current":
      return current
    case "Ref":
    case "Field":
      return row[e.name] ?? ""
    case "String":
      return e.value
    case "Number":
      return e.value
    case "Call": {
      const args = e.args.map(ev)
      switch (e.fn) {
        case "today":
          return today()
        case "date":
          return String(args[0])
        case "regex":
          return new RegExp(String(args[1]), "u").test(String(args[0]))
        case "string-length":
          return String(args[0]).length
        case "ceiling":
          return Math.ceil(toNumber(args[0]!))
        case "number":
          return toNumber(args[0]!)
        case "not":
          return args[0] !== true
        case "selected":
          return String(args[0]).split(/[ ;]/).includes(String(args[1]))
        case "substr":
          return String(args[0]).slice(toNumber(args[1]!), toNumber(args[2]!))
        case "decimal-date-time":
          return isDate(args[0]!) ? Date.parse(`${args[0]}T00:00:00Z`) / 86_400_000 : Number.NaN
        default:
          throw new ExpressionError(`unknown function ${e.fn}()`)
      }
    }
    case "Binary": {
      if (e.op === "or") return ev(e.left) === true || ev(e.right) === true
      if (e.op === "and") return ev(e.left) === true && ev(e.right) === true
      const a = ev(e.left)
      const b = ev(e.right)
      const bothDates = isDate(a) && isDate(b)
      switch (e.op) {
        case "=":
        case "!=": {
          const equal =
            typeof a === "number" || typeof b === "number"
              ? toNumber(a) === toNumber(b)
              : String(a) === String(b)
          return e.op === "=" ? equal : !equal
        }
        case "<":
          return bothDates ? a < b : toNumber(a) < toNumber(b)
        case "<=":
          return bothDates ? a <= b : toNumber(a) <= toNumber(b)
        case ">":
          return bothDates ? a > b : toNumber(a) > toNumber(b)
        case ">=":
          return bothDates ? a >= b : toNumber(a) >= toNumber(b)
        case "+":
          return toNumber(a) + toNumber(b)
        case "-":
          return toNumber(a) - toNumber(b)
        case "*":
          return toNumber(a) * toNumber(b)
        case "div":
          return toNumber(a) / toNumber(b)
        default:
          throw new ExpressionError(`unknown operator ${e.op}`)
      }
    }
  }
}

/**
 * The form's verdict on a row's answers: the columns whose `required` is true and which are empty,
 * and those whose non-empty answer fails its `constraint` (as ODK applies them).
 */
export const formIssues = (
  row: Readonly<Record<string, string>>,
  today?: () => string,
): ReadonlyArray<{ readonly column: string; readonly reason: "required" | "constraint" }> => {
  const out: Array<{ column: string; reason: "required" | "constraint" }> = []
  for (const q of surveyRows()) {
    if (!columnSet.has(q.name)) continue
    const value = row[q.name] ?? ""
    if (q.relevant !== "" && evaluate(parseExpression(q.relevant), row, value, today) !== true) continue
    if (value === "") {
      if (
        q.required === "yes" ||
        (q.required !== "" && evaluate(parseExpression(q.required), row, value, today) === true)
      )
        out.push({ column: q.name, reason: "required" })
      continue
    }
    if (q.constraint !== "" && evaluate(parseExpression(q.constraint), row, value, today) !== true)
      out.push({ column: q.name, reason: "constraint" })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Reading a Kobo / ODK data export

const columnSet = new Set<string>(CaseRow.columnNames)
const multiColumns = new Set(CaseRow.caseRowRules.filter((r) => r.type === "list").map((r) => r.column))
const groupNames = groups.map((g) => g.name)

/**
 * The CaseRow column a Kobo or ODK export header holds, or undefined for metadata (`_uuid`,
 * `_submission_time`, `meta/instanceID`, `__version__`, `start`, ...) and for the one-column-per-option
 * copies of select_multiple questions (`exploitation/means_of_control/threats`). Kobo separates
 * groups with "/" (or "." if chosen), ODK Central with "-".
 */
export const columnOfHeader = (header: string): CaseRow.ColumnName | undefined => {
  let h = header.trim()
  for (const g of groupNames) if (h.startsWith(`${g}-`)) h = h.slice(g.length + 1)
  const parts = h.split(/[/.]/)
  const last = parts[parts.length - 1]!
  const parent = parts[parts.length - 2]
  if (!columnSet.has(last)) return undefined
  if (parent !== undefined && multiColumns.has(parent as CaseRow.ColumnName)) return undefined
  return last as CaseRow.ColumnName
}

/**
 * CaseRow cells from one exported submission (header -> cell). select_multiple answers are
 * space-separated in XLSForm data and become `;`-separated. Not validated here.
 */
export const toCaseRowCells = (
  submission: Readonly<Record<string, string | undefined>>,
  options: { readonly defaults?: Readonly<Partial<Record<CaseRow.ColumnName, string>>> } = {},
): { -readonly [K in CaseRow.ColumnName]: string } => {
  const row = CaseRow.emptyRow()
  for (const [header, value] of Object.entries(submission)) {
    const column = columnOfHeader(header)
    if (column === undefined || value === undefined) continue
    const v = value.trim()
    if (v === "") continue
    row[column] = multiColumns.has(column) ? v.split(/\s+/).join(";") : v
  }
  for (const [column, value] of Object.entries(options.defaults ?? {}))
    if (value !== undefined && row[column as CaseRow.ColumnName] === "")
      row[column as CaseRow.ColumnName] = value
  return row
}

/** The submission a row would be in a Kobo CSV export (groups as prefixes, metadata columns added). */
export const toKoboSubmission = (
  row: CaseRow.CaseRow,
  meta: { readonly uuid: string; readonly submissionTime: string; readonly index: number },
): Record<string, string> => {
  const out: Record<string, string> = { start: meta.submissionTime, end: meta.submissionTime }
  for (const g of groups)
    for (const column of g.columns) {
      const v = row[column]
      out[`${g.name}/${column}`] = multiColumns.has(column) ? v.split(";").join(" ") : v
      if (multiColumns.has(column))
        for (const code of rules.get(column)?.codes ?? [])
          out[`${g.name}/${column}/${code}`] = v.split(";").includes(code) ? "1" : "0"
    }
  return {
    ...out,
    "meta/instanceID": `uuid:${meta.uuid}`,
    _id: String(meta.index),
    _uuid: meta.uuid,
    _submission_time: meta.submissionTime,
    _validation_status: "",
    _notes: "",
    _status: "submitted_via_web",
    _submitted_by: "",
    __version__: schemaVersion(),
    _tags: "",
    _index: String(meta.index),
  }
}

/** True when a header looks like a Kobo / ODK export of this form. */
export const looksLikeKobo = (header: ReadonlyArray<string>): boolean =>
  header.some((h) =>
    ["_uuid", "_submission_time", "KEY", "SubmissionDate", "meta/instanceID", "meta-instanceID"].includes(
      h.trim(),
    ),
  ) || header.some((h) => groupNames.some((g) => h.startsWith(`${g}/`) || h.startsWith(`${g}-`)))
