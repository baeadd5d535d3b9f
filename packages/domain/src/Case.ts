/**
 * A case: one trafficked (or presumed trafficked) person's record from identification to closure,
 * with where they came from, the route, the exploitation, the stages of protection with their legal
 * basis, services, referrals and consent. Personal data (name, phone, village, date of birth,
 * notes) is annotated `pii` so publication can drop it generically (`piiPaths`).
 *
 * The schema enforces the same rules as `CaseRow` and the stage machine (`CaseStage.transitions`),
 * so a valid case always replays through the machine. This module does not aggregate or publish.
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import { BidOutcome } from "./BestInterest.ts"
import * as CaseStage from "./CaseStage.ts"
import { Consent } from "./Consent.ts"
import { DecodeError, fromSchemaResult } from "./DecodeError.ts"
import { ExploitationForm, Industry, MeansOfControl } from "./Exploitation.ts"
import { ExploitationLength } from "./ExploitationLength.ts"
import { IdentificationSetting } from "./IdentificationSetting.ts"
import { IsoDate } from "./IsoDate.ts"
import { Pii } from "./internal/annotations.ts"
import { todayIso, yearsBetween } from "./internal/date.ts"
import { ageSpanExceeded } from "./internal/rowChecks.ts"
import { LegalBasisId } from "./LegalBasis.ts"
import { Partner } from "./Partner.ts"
import { PerpetratorRole } from "./Perpetrator.ts"
import { isChild, Victim } from "./Person.ts"
import { CheckpointId, CountryCode, DistrictCode, ProvinceCode, provinceOfDistrict } from "./Place.ts"
import { AgeAtRecruitment, RecruiterRelationship, RecruitmentMethod } from "./Recruitment.ts"
import { Service } from "./Service.ts"
import { TraffickingStatus } from "./TraffickingStatus.ts"
import { VictimGroup } from "./VictimGroup.ts"

export { Consent }

export const CaseId = /*#__PURE__*/ Schema.String.check(
  Schema.isPattern(/^[A-Za-z0-9._/-]{1,64}$/u, { expected: "1-64 letters, digits, '.', '_', '/' or '-'" }),
)
  .pipe(Schema.brand("CaseId"))
  .annotate({
    title: "Case ID",
    description: "The reporting partner's own case number",
    examples: ["LWU-2024/0153" as never],
  })
export type CaseId = typeof CaseId.Type

/** Where something happened: a Lao district, a border checkpoint or a country. */
export const Location = /*#__PURE__*/ Schema.TaggedUnion({
  district: { code: DistrictCode },
  checkpoint: { id: CheckpointId },
  country: { code: CountryCode },
}).annotate({ title: "Location" })
export type Location = typeof Location.Type

const eventFields = { location: Location, date: Schema.optionalKey(IsoDate) }

/** One step of the trafficking route. */
export const RouteEvent = /*#__PURE__*/ Schema.TaggedUnion({
  recruitment: eventFields,
  transit: eventFields,
  exploitation: eventFields,
}).annotate({
  title: "Route event",
  description: "Recruitment, transit or exploitation at a place, with an optional date",
})
export type RouteEvent = typeof RouteEvent.Type

const unique = <A>(item: Schema.Codec<A>) => Schema.Array(item).check(Schema.isUnique())

export const Exploitation = /*#__PURE__*/ Schema.Struct({
  form: ExploitationForm,
  industry: Schema.optionalKey(Industry),
  meansOfControl: unique(MeansOfControl),
  perpetrators: unique(PerpetratorRole),
  lengthMonths: Schema.optionalKey(ExploitationLength),
}).annotate({ title: "Exploitation" })

export const Recruitment = /*#__PURE__*/ Schema.Struct({
  method: Schema.optionalKey(RecruitmentMethod),
  recruiterRelationship: Schema.optionalKey(RecruiterRelationship),
  ageAtRecruitment: Schema.optionalKey(AgeAtRecruitment),
}).annotate({ title: "Recruitment" })

export const Identification = /*#__PURE__*/ Schema.Struct({
  date: IsoDate.check(
    Schema.makeFilter((d: string) => d >= "1990-01-01", { expected: "a date from 1990-01-01" }),
    Schema.makeFilter((d: string) => d <= todayIso(), { expected: "a date not in the future" }),
  ),
  agency: Schema.optionalKey(Partner),
  setting: Schema.optionalKey(IdentificationSetting),
  province: Schema.optionalKey(
    ProvinceCode.annotate({ description: "Province where the person was identified" }),
  ),
  district: Schema.optionalKey(
    DistrictCode.annotate({ description: "District where the person was identified" }),
  ),
}).annotate({ title: "Identification" })

export const BestInterestDetermination = /*#__PURE__*/ Schema.Struct({
  date: IsoDate,
  outcome: /*#__PURE__*/ Schema.optionalKey(BidOutcome),
  decidedBy: /*#__PURE__*/ Schema.optionalKey(
    Partner.annotate({ description: "Body that made the determination" }),
  ),
}).annotate({
  title: "Best-interest determination",
  description:
    "The best-interest determination of a child's (re)integration: date, outcome and deciding body (all three are needed before a child moves out of care)",
})

const rankOf = (stage: CaseStage.CaseStage): number => CaseStage.rank(stage)
const ASSESSMENT = CaseStage.rank("assessment_bid")

interface CaseFields {
  readonly identification: {
    readonly date: string
    readonly province?: ProvinceCode
    readonly district?: DistrictCode
  }
  readonly victim: { readonly dateOfBirth?: string; readonly ageYears?: number }
  readonly stageHistory: ReadonlyArray<CaseStage.StageEntry>
  readonly bestInterestDetermination?: {
    readonly date: string
    readonly outcome?: string
    readonly decidedBy?: string
  }
  readonly originDistrict?: DistrictCode
  readonly originProvince?: ProvinceCode
  readonly recruitment?: { readonly ageAtRecruitment?: number }
  readonly exploitation?: { readonly lengthMonths?: number }
}

/** The case-level rules; each returns `[path, message]` pairs. */
export const caseChecks = (c: CaseFields): Array<{ path: ReadonlyArray<PropertyKey>; issue: string }> => {
  const out: Array<{ path: ReadonlyArray<PropertyKey>; issue: string }> = []
  const first = c.stageHistory[0]
  if (first !== undefined && first.date !== c.identification.date) {
    out.push({
      path: ["stageHistory", 0, "date"],
      issue: `is ${first.date}, but identification.date is ${c.identification.date}`,
    })
  }
  const error = CaseStage.validateHistory({
    history: c.stageHistory,
    child: isChild(c.victim, c.identification.date),
    bestInterestDetermination: c.bestInterestDetermination,
  })
  if (error !== undefined) out.push({ path: ["stageHistory"], issue: error.message })
  const bid = c.bestInterestDetermination?.date
  if (bid !== undefined) {
    // Only up to the first move back (a failed return, a re-assessment): a later BID may be a new one.
    const back = c.stageHistory.findIndex(
      (entry, i) => i > 0 && rankOf(entry.stage) < rankOf(c.stageHistory[i - 1]!.stage),
    )
    c.stageHistory.slice(0, back === -1 ? undefined : back).forEach((entry, i) => {
      const r = rankOf(entry.stage)
      if (r <= ASSESSMENT && entry.date > bid) {
        out.push({
          path: ["bestInterestDetermination", "date"],
          issue: `${bid} is before stage ${entry.stage} (${entry.date}, stageHistory[${i}]), which comes earlier in the process`,
        })
      } else if (r > ASSESSMENT && entry.date < bid) {
        out.push({
          path: ["bestInterestDetermination", "date"],
          issue: `${bid} is after stage ${entry.stage} (${entry.date}, stageHistory[${i}]), which comes later in the process`,
        })
      }
    })
  }
  const ages = {
    ageYears: c.victim.ageYears,
    fromDateOfBirth:
      c.victim.dateOfBirth === undefined
        ? undefined
        : yearsBetween(c.victim.dateOfBirth, c.identification.date),
  }
  const recruitedAt = c.recruitment?.ageAtRecruitment
  if (recruitedAt !== undefined) {
    const over = ageSpanExceeded(recruitedAt, ages, 0, 1, 0)
    if (over !== undefined)
      out.push({
        path: ["recruitment", "ageAtRecruitment"],
        issue: `${recruitedAt} is above the age at identification (${over.age}): a person is recruited before being identified`,
      })
  }
  const months = c.exploitation?.lengthMonths
  if (months !== undefined) {
    const over = ageSpanExceeded(months, ages, recruitedAt ?? 0, 12, 11)
    if (over !== undefined)
      out.push({
        path: ["exploitation", "lengthMonths"],
        issue: `${months} months is more than ${over.bound}: exploitation cannot last longer than the time between recruitment (or birth) and identification`,
      })
  }
  if (c.originDistrict !== undefined && c.originProvince !== undefined) {
    const expected = provinceOfDistrict(c.originDistrict)
    if (expected !== c.originProvince) {
      out.push({
        path: ["originProvince"],
        issue: `"${c.originProvince}" does not match originDistrict ${c.originDistrict}, which is in ${expected}`,
      })
    }
  }
  const { province, district } = c.identification
  if (district !== undefined && province !== undefined) {
    const expected = provinceOfDistrict(district)
    if (expected !== province) {
      out.push({
        path: ["identification", "province"],
        issue: `"${province}" does not match identification.district ${district}, which is in ${expected}`,
      })
    }
  }
  return out
}

const text = (max: number, description: string) =>
  Schema.String.check(Schema.isMaxLength(max)).annotate({ description })

export const CaseFieldsSchema = /*#__PURE__*/ Schema.Struct({
  id: CaseId,
  source: Partner.annotate({ description: "Partner that reported this record" }),
  identification: Identification,
  victim: Victim,
  victimGroup: VictimGroup,
  originDistrict: Schema.optionalKey(DistrictCode),
  originProvince: Schema.optionalKey(ProvinceCode),
  route: Schema.Array(RouteEvent),
  exploitation: Exploitation,
  traffickingStatus: Schema.optionalKey(
    TraffickingStatus.annotate({ description: "Presumed (also when absent), confirmed, or not a victim" }),
  ),
  recruitment: Schema.optionalKey(Recruitment),
  legalBasis: unique(LegalBasisId).annotate({
    description: "Articles the case rests on (offence, protection)",
  }),
  stageHistory: Schema.NonEmptyArray(CaseStage.StageEntry).annotate({
    description: "Stages entered, in order; the first is identification",
  }),
  services: unique(Service),
  referrals: Schema.Array(Partner),
  consent: Schema.optionalKey(Consent),
  bestInterestDetermination: Schema.optionalKey(BestInterestDetermination),
  notes: Schema.optionalKey(text(4000, "Free-text notes (PII)").annotate({ [Pii]: true })),
}).check(Schema.makeFilter((c) => caseChecks(c), { title: "Case rules" }))

export class Case extends /*#__PURE__*/ Schema.Class<Case>("Case")(CaseFieldsSchema, {
  title: "Case",
  description: "One trafficked person's case from identification to closure",
}) {
  /** The stage the case is in now. */
  get currentStage(): CaseStage.CaseStage {
    return this.stageHistory[this.stageHistory.length - 1]!.stage
  }
  /** Under 18 at identification; `undefined` when the age is unknown. */
  get isChild(): boolean | undefined {
    return isChild(this.victim, this.identification.date)
  }
}

export const parseOptions: SchemaAST.ParseOptions = {
  errors: "all",
  onExcessProperty: "error",
  reportInput: true,
}

const decodeUnknown = /*#__PURE__*/ Schema.decodeUnknownResult(Case, parseOptions)
const encode = /*#__PURE__*/ Schema.encodeUnknownResult(Case)

/** Decodes a case from JSON-like input, reporting every problem at once. Never throws. */
export const decodeCase = (input: unknown): Result.Result<Case, DecodeError> => {
  try {
    return fromSchemaResult("Case", decodeUnknown(input))
  } catch (cause) {
    return Result.fail(
      new DecodeError({
        subject: "Case",
        issues: [{ path: "", message: `could not be read: ${String(cause)}` }],
      }),
    )
  }
}

/** The JSON form of a case (what `decodeCase` reads), or why it cannot be written. Never throws. */
export const encodeCaseResult = (c: Case): Result.Result<typeof Case.Encoded, DecodeError> => {
  try {
    return fromSchemaResult("Case", encode(c)) as Result.Result<typeof Case.Encoded, DecodeError>
  } catch (cause) {
    return Result.fail(
      new DecodeError({
        subject: "Case",
        issues: [{ path: "", message: `could not be written: ${String(cause)}` }],
      }),
    )
  }
}

/**
 * The JSON form of a case (what `decodeCase` reads). A `Case` built by `decodeCase` always encodes;
 * for anything else use `encodeCaseResult`, which returns the problems instead of throwing.
 */
export const encodeCase = (c: Case): typeof Case.Encoded => {
  const result = encodeCaseResult(c)
  if (Result.isSuccess(result)) return result.success
  throw result.failure
}

/** Moves the case to `to` through the stage machine. Never throws: bad input is a typed error. */
export const advance = (
  c: Case,
  to: CaseStage.CaseStage,
  options: CaseStage.TransitionOptions,
): Result.Result<Case, CaseStage.TransitionError> => {
  if (!(c instanceof Case))
    return Result.fail(
      new CaseStage.InvalidStageInput({ field: "case", value: typeof c, reason: "is not a decoded Case" }),
    )
  return Result.map(
    CaseStage.transition(
      { history: c.stageHistory, child: c.isChild, bestInterestDetermination: c.bestInterestDetermination },
      to,
      typeof options === "object" && options !== null
        ? { ...options, who: { sex: c.victim.sex, child: c.isChild, ...options.who } }
        : options,
    ),
    (state) => new Case({ ...c, stageHistory: state.history as never }, { disableChecks: true }),
  )
}

// ---------------------------------------------------------------------------------------------
// Personal data
// ---------------------------------------------------------------------------------------------

/** Paths of every field annotated `pii`, read from the schema AST (e.g. `victim.name`, `notes`). */
export const piiPaths = (schema: Schema.Top = Case): ReadonlyArray<string> => {
  const out: Array<string> = []
  const walk = (ast: SchemaAST.AST, path: string): void => {
    if (ast.annotations?.[Pii] === true || ast.checks?.some((c) => c.annotations?.[Pii] === true) === true) {
      out.push(path)
      return
    }
    switch (ast._tag) {
      case "Objects":
        for (const ps of ast.propertySignatures)
          walk(ps.type, path === "" ? String(ps.name) : `${path}.${String(ps.name)}`)
        return
      case "Declaration":
        for (const t of ast.typeParameters) walk(t, path)
        return
      case "Union":
        for (const t of ast.types) walk(t, path)
        return
      case "Arrays":
        for (const t of ast.rest) walk(t, `${path}[]`)
        return
      default:
        if (ast.encoding !== undefined) {
          for (const link of ast.encoding) walk(link.to, path)
        }
    }
  }
  walk(schema.ast, "")
  return [...new Set(out)]
}
