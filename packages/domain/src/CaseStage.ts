/**
 * The stages of protection a case moves through, from identification to closure, following the
 * sections of the (draft) National Guideline on Victim Protection: identification, interim care,
 * assessment and best-interest determination, return and reception, reintegration, then follow-up.
 * A case may leave the main line through an exit (declined assistance, lost contact, re-trafficked,
 * referred elsewhere) and is then closed.
 *
 * The allowed moves are data (`transitions`), each citing the legal basis it rests on, so lawyers
 * can review the table without reading code. `transition` applies one move and returns a typed
 * error instead of throwing. This module does not decide *whether* a move is in the person's best
 * interest: that is the case worker's call, recorded with a date.
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { type BidFacts, bidProblem, moveNeedsBid, safeguardBasis } from "./BestInterest.ts"
import { IsoDate } from "./IsoDate.ts"
import { isIsoDate } from "./internal/date.ts"
import { review, sourced } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Labels } from "./Label.ts"
import { isCitable, isInForce, LegalBasisId } from "./LegalBasis.ts"
import { Partner } from "./Partner.ts"

export const mainStages = [
  "identification",
  "interim_care",
  "assessment_bid",
  "return_reception",
  "reintegration",
  "follow_up",
  "closed",
] as const

export const exitStages = [
  "declined_assistance",
  "lost_contact",
  "re_trafficked",
  "referred_elsewhere",
] as const

export const codes = [...mainStages, ...exitStages] as const

export const CaseStage = /*#__PURE__*/ Schema.Literals(codes).annotate({
  title: "Case stage",
  description: "A stage of protection, or the exit through which a case left the main line",
})
export type CaseStage = typeof CaseStage.Type
export type MainStage = (typeof mainStages)[number]
export type ExitStage = (typeof exitStages)[number]

export const ExitStage = /*#__PURE__*/ Schema.Literals(exitStages).annotate({
  title: "Exit reason",
  description: "Why a case left the main line of protection before completing it",
})

export const isExit = (stage: CaseStage): stage is ExitStage =>
  (exitStages as ReadonlyArray<string>).includes(stage)

/** Position in the main line; exits rank after follow-up and before closed. */
export const rank = (stage: CaseStage): number => (isExit(stage) ? 5.5 : mainStages.indexOf(stage))

export const labels: Labels<CaseStage> = {
  identification: sourced(
    "Identification",
    "identification (of victims)",
    "A person is identified as a (presumed) victim of trafficking. Guideline section V.",
  ),
  interim_care: review(
    "Interim care and protection",
    "ການດູແລ ແລະ ປົກປ້ອງຊົ່ວຄາວ",
    "Safe shelter and urgent assistance right after identification. Guideline section VI.",
  ),
  assessment_bid: review(
    "Assessment and best-interest determination",
    "ການປະເມີນ ແລະ ການກຳນົດຜົນປະໂຫຍດອັນສູງສຸດຂອງເດັກ",
    "Assessment of needs and risks and, for a child, the best-interest determination of (re)integration. Guideline section VII.",
  ),
  return_reception: review(
    "Return and reception",
    "ການກັບຄືນ ແລະ ການຕ້ອນຮັບ",
    "Return to the family, community or country of origin and reception there. Guideline sections VIII and X.",
  ),
  reintegration: review(
    "Reintegration",
    "ການເຊື່ອມໂຍງຄືນສູ່ສັງຄົມ",
    "Support to live safely in the community: education, training, work. Guideline sections IX and X.",
  ),
  follow_up: sourced("Follow-up", "follow-up", "Post-reintegration follow-up visits and monitoring."),
  closed: sourced("Closed", "closed (case status)", "The case is closed; no further stage can follow."),
  declined_assistance: review(
    "Declined assistance",
    "ປະຕິເສດການຊ່ວຍເຫຼືອ",
    "The person chose not to receive (further) assistance; their choice is respected.",
  ),
  lost_contact: review("Lost contact", "ຂາດການຕິດຕໍ່", "The person can no longer be reached."),
  re_trafficked: review(
    "Re-trafficked",
    "ຖືກຄ້າມະນຸດຄືນອີກ",
    "The person was trafficked again; a new case is opened.",
  ),
  referred_elsewhere: sourced(
    "Referred elsewhere",
    "referral",
    "The case was handed over to another organisation, which continues it.",
  ),
}

export const Vocabulary = /*#__PURE__*/ vocabulary("CaseStage", codes, labels)

// ---------------------------------------------------------------------------------------------
// The transition table
// ---------------------------------------------------------------------------------------------

export interface Transition {
  readonly from: CaseStage
  readonly to: CaseStage
  readonly legalBasis: ReadonlyArray<LegalBasisId>
  readonly note: string
}

// Legal bases, from the team's legal facts sheet: Women Law 2004 Art. 28 (official assistance:
// urgent assistance, medical care, counselling, safe shelter, special treatment of children, return
// to family, repatriation) and Art. 25 (rights to protection, rehabilitation and reintegration); the
// protection provisions of the Anti-Trafficking in Persons Law 2015 (article numbers not verified);
// the sections of the (draft) National Guideline on Victim Protection 2010; the National Victim
// Protection and Referral Guidelines (about 2020).
const W25: LegalBasisId = "women_2004_art25"
const W28: LegalBasisId = "women_2004_art28"
const ATIP: LegalBasisId = "atip_2015_victim_protection"
const IC: LegalBasisId = "guideline_2010_sec6"
const AB: LegalBasisId = "guideline_2010_sec7"
const RR: LegalBasisId = "guideline_2010_sec8"
const RI: LegalBasisId = "guideline_2010_sec9"
const CH: LegalBasisId = "guideline_2010_sec10"
const REF: LegalBasisId = "guideline_2020_referral"

const t = (
  from: CaseStage,
  to: CaseStage,
  legalBasis: ReadonlyArray<LegalBasisId>,
  note: string,
): Transition => ({
  from,
  to,
  legalBasis,
  note,
})

const openStages = [
  "identification",
  "interim_care",
  "assessment_bid",
  "return_reception",
  "reintegration",
  "follow_up",
] as const

/** Every allowed move. Anything not listed is refused with `TransitionNotAllowed`. */
export const transitions: ReadonlyArray<Transition> = [
  t(
    "identification",
    "interim_care",
    [W28, IC, ATIP, REF],
    "Deliver the victim to a safe shelter with urgent medical and counselling assistance.",
  ),
  t(
    "identification",
    "assessment_bid",
    [W28, AB, ATIP, REF],
    "No shelter needed (e.g. identified at home): assess needs and, for a child, best interests.",
  ),
  t(
    "identification",
    "return_reception",
    [W28, RR, ATIP, REF],
    "Repatriation or deportation straight after identification abroad (a child still needs a best-interest determination).",
  ),
  t(
    "identification",
    "reintegration",
    [W25, RI, ATIP, REF],
    "Self-returned victim already in the community: reintegration support starts at once.",
  ),
  t(
    "interim_care",
    "assessment_bid",
    [W28, AB, REF],
    "Assess needs, risks and the family situation; best-interest determination for a child.",
  ),
  t(
    "interim_care",
    "return_reception",
    [W28, RR, REF],
    "Return to family or country of origin once it is safe (a child still needs a best-interest determination).",
  ),
  t(
    "interim_care",
    "reintegration",
    [W25, RI, REF],
    "The person stays where they are and is supported to reintegrate there.",
  ),
  t(
    "assessment_bid",
    "return_reception",
    [W28, RR, CH, REF],
    "Return decided by the assessment (for a child: by the best-interest determination).",
  ),
  t(
    "assessment_bid",
    "reintegration",
    [W25, RI, CH, REF],
    "The assessment finds reintegration where the person is to be in their interest.",
  ),
  t(
    "return_reception",
    "reintegration",
    [W25, RI, CH, REF],
    "Received by family or community; reintegration support begins.",
  ),
  t(
    "return_reception",
    "follow_up",
    [W25, RI, REF],
    "Returned person declines reintegration services but agrees to follow-up visits.",
  ),
  t(
    "return_reception",
    "closed",
    [W28, REF],
    "Foreign victim handed over to their country's authorities (through MoFA): the Lao case ends at return.",
  ),
  t(
    "reintegration",
    "follow_up",
    [W25, RI, REF],
    "Post-reintegration follow-up and monitoring (NPA TIP chapter IV).",
  ),
  t("reintegration", "closed", [W25, REF], "Reintegration completed without a follow-up period."),
  t("follow_up", "closed", [W25, REF], "Follow-up completed: the person lives safely in the community."),
  t(
    "return_reception",
    "interim_care",
    [W28, IC, REF],
    "Failed return (family not found or unsafe, receiving country refused): back to interim care.",
  ),
  t(
    "return_reception",
    "assessment_bid",
    [W28, AB, REF],
    "Re-assessment after return (for a child: a new best-interest determination).",
  ),
  t(
    "reintegration",
    "assessment_bid",
    [W25, AB, REF],
    "Re-assessment when reintegration breaks down (for a child: a new best-interest determination).",
  ),
  t(
    "follow_up",
    "assessment_bid",
    [W25, AB, REF],
    "Re-assessment when follow-up finds the person at risk again.",
  ),
  ...openStages.map((from) =>
    t(
      from,
      "declined_assistance",
      [W25],
      "Victim-centred approach: the person may refuse assistance at any stage.",
    ),
  ),
  ...openStages.map((from) => t(from, "lost_contact", [REF], "The person can no longer be reached.")),
  ...openStages.map((from) =>
    t(
      from,
      "re_trafficked",
      [ATIP, W25],
      "The person was trafficked again; this case ends and a new one is opened.",
    ),
  ),
  ...openStages.map((from) =>
    t(from, "referred_elsewhere", [REF, W28], "Handed over to another organisation better placed to assist."),
  ),
  ...exitStages.map((from) => t(from, "closed", [REF], "Administrative closure after an exit.")),
]

const byEdge = new Map(transitions.map((tr) => [`${tr.from}>${tr.to}`, tr]))

const stageSet: ReadonlySet<string> = new Set(codes)

/** A known stage code (unchecked input: a CSV cell, a form answer). */
export const isCaseStage = (value: unknown): value is CaseStage =>
  typeof value === "string" && stageSet.has(value)

export const findTransition = (from: CaseStage, to: CaseStage): Transition | undefined =>
  byEdge.get(`${from}>${to}`)

export const allowedFrom = (from: CaseStage): ReadonlyArray<CaseStage> =>
  transitions.filter((tr) => tr.from === from).map((tr) => tr.to)

/** Who the person is, as far as the choice of law goes. */
export interface Who {
  /** `Person.Sex`; the Women's Law 2004 covers women and children only. */
  readonly sex?: string | undefined
  /** `Person.isChild`: `undefined` (age unknown) counts as a child. */
  readonly child?: boolean | undefined
}

const womensLaw = (id: LegalBasisId): boolean => id.startsWith("women_2004_")

/** The children's law in force on `date` and the CRC: cited on a child's assessment, BID and every move out of care. */
const childBasis = (date: string): ReadonlyArray<LegalBasisId> => [
  date >= "2023-12-04" ? "children_2023_law" : "children_2006_art38",
  "crc_1989_art3",
]

const childStages: ReadonlyArray<CaseStage> = [
  "assessment_bid",
  "return_reception",
  "reintegration",
  "follow_up",
  "closed",
  "declined_assistance",
  "re_trafficked",
]

/**
 * Keeps the citations possible on `date` for this person: never an instrument not yet in force or
 * already repealed on that date (`LegalBasis.isCitable`), never the Women's Law for an adult man.
 */
const citable = (
  ids: ReadonlyArray<LegalBasisId>,
  date: string,
  who: Who | undefined,
): Array<LegalBasisId> => {
  const coveredByWomensLaw = who === undefined || who.sex !== "male" || who.child !== false
  return [...new Set(ids)].filter((id) => isCitable(id, date) && (coveredByWomensLaw || !womensLaw(id)))
}

/**
 * The legal bases recorded when a case moves `from` -> `to` on `date`: the table's articles that
 * can be cited on that date for this person, plus, for a child (or a person whose age is unknown),
 * the children's law in force on that date and the CRC. May be empty for dates before any of the
 * instruments (before Nov 2004): an impossible citation is worse than none.
 */
export const defaultLegalBasis = (
  from: CaseStage,
  to: CaseStage,
  date: string,
  who?: Who,
): ReadonlyArray<LegalBasisId> => {
  const table = findTransition(from, to)?.legalBasis ?? []
  const child = who !== undefined && who.child !== false && childStages.includes(to) ? childBasis(date) : []
  return citable([...table, ...child], date, who)
}

// ---------------------------------------------------------------------------------------------
// Stage history and transitions
// ---------------------------------------------------------------------------------------------

export const StageEntry = /*#__PURE__*/ Schema.Struct({
  stage: CaseStage,
  date: IsoDate,
  legalBasis: /*#__PURE__*/ Schema.Array(LegalBasisId),
  responsible: /*#__PURE__*/ Schema.optionalKey(Partner),
}).annotate({ title: "Stage entry", description: "The case entered `stage` on `date`" })
export type StageEntry = typeof StageEntry.Type

/** What the machine needs to know about a case. */
export interface StageState {
  readonly history: ReadonlyArray<StageEntry>
  /**
   * Under 18 at identification (`Person.isChild`); `undefined` when the age is not known, which the
   * safeguards treat as a child (presumption of childhood). Only `false` lifts the BID rule.
   */
  readonly child: boolean | undefined
  readonly bestInterestDetermination?: BidFacts | undefined
}

export class TransitionNotAllowed extends /*#__PURE__*/ Schema.TaggedError<TransitionNotAllowed>()(
  "TransitionNotAllowed",
  {
    from: CaseStage,
    to: CaseStage,
    allowed: /*#__PURE__*/ Schema.Array(CaseStage),
  },
) {
  override get message(): string {
    return `A case in "${this.from}" cannot move to "${this.to}"; allowed: ${this.allowed.join(", ") || "none"}`
  }
}

export class DateBeforePreviousStage extends /*#__PURE__*/ Schema.TaggedError<DateBeforePreviousStage>()(
  "DateBeforePreviousStage",
  { stage: CaseStage, date: Schema.String, previousStage: CaseStage, previousDate: Schema.String },
) {
  override get message(): string {
    return `"${this.stage}" on ${this.date} is before the previous stage "${this.previousStage}" on ${this.previousDate}`
  }
}

export class CaseClosed extends /*#__PURE__*/ Schema.TaggedError<CaseClosed>()("CaseClosed", {
  closedOn: Schema.String,
  to: CaseStage,
}) {
  override get message(): string {
    return `The case was closed on ${this.closedOn}; it cannot move to "${this.to}"`
  }
}

/**
 * Rule `child_move_needs_bid`: a child (or a person presumed a child) cannot move out of care
 * without a best-interest determination dated between identification and the move, with its
 * outcome and deciding body.
 */
export class BestInterestDeterminationRequired extends /*#__PURE__*/ Schema.TaggedError<BestInterestDeterminationRequired>()(
  "BestInterestDeterminationRequired",
  {
    date: Schema.String,
    to: /*#__PURE__*/ Schema.optionalKey(CaseStage),
    reason: /*#__PURE__*/ Schema.optionalKey(Schema.String),
    legalBasis: /*#__PURE__*/ Schema.optionalKey(Schema.Array(Schema.String)),
  },
) {
  readonly rule = "child_move_needs_bid"
  override get message(): string {
    return `A child cannot move to ${this.to ?? "return_reception"} on ${this.date} without a best-interest determination dated between identification and the move, with its outcome and deciding body${this.reason === undefined ? "" : ` (${this.reason})`}; rule child_move_needs_bid, legal basis ${(this.legalBasis ?? safeguardBasis(this.date)).join(", ")}`
  }
}

/** Unchecked input (an unknown code, a malformed date, a history that is not a list) given to the machine. */
export class InvalidStageInput extends /*#__PURE__*/ Schema.TaggedError<InvalidStageInput>()(
  "InvalidStageInput",
  { field: Schema.String, value: Schema.String, reason: Schema.String },
) {
  override get message(): string {
    return `${this.field}: ${this.value} ${this.reason}`
  }
}

export class HistoryMustStartWithIdentification extends /*#__PURE__*/ Schema.TaggedError<HistoryMustStartWithIdentification>()(
  "HistoryMustStartWithIdentification",
  { first: /*#__PURE__*/ Schema.optionalKey(CaseStage) },
) {
  override get message(): string {
    return `A stage history starts with "identification"${this.first === undefined ? " (it is empty)" : `, not "${this.first}"`}`
  }
}

export type TransitionError =
  | TransitionNotAllowed
  | DateBeforePreviousStage
  | CaseClosed
  | BestInterestDeterminationRequired
  | HistoryMustStartWithIdentification
  | InvalidStageInput

const show = (value: unknown): string => {
  try {
    return typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value) ?? typeof value)
  } catch {
    return typeof value
  }
}

let legalBasisIds: ReadonlySet<string> | undefined
const isLegalBasisId = (value: unknown): boolean => {
  legalBasisIds ??= new Set<string>(LegalBasisId.literals)
  return typeof value === "string" && legalBasisIds.has(value)
}

/** Checks the shape of unchecked input so that no code below can throw on it. */
const inputProblem = (
  state: unknown,
  to: unknown,
  date: unknown,
  legalBasis?: unknown,
): InvalidStageInput | undefined => {
  if (typeof state !== "object" || state === null)
    return new InvalidStageInput({ field: "state", value: show(state), reason: "is not a stage state" })
  const history = (state as { history?: unknown }).history
  if (!Array.isArray(history))
    return new InvalidStageInput({
      field: "history",
      value: show(history),
      reason: "is not a list of stage entries",
    })
  for (let i = 0; i < history.length; i++) {
    const entry: unknown = history[i]
    if (typeof entry !== "object" || entry === null)
      return new InvalidStageInput({
        field: `history[${i}]`,
        value: show(entry),
        reason: "is not a stage entry",
      })
    const { stage, date: at } = entry as { stage?: unknown; date?: unknown }
    if (!isCaseStage(stage))
      return new InvalidStageInput({
        field: `history[${i}].stage`,
        value: show(stage),
        reason: "is not a known stage",
      })
    if (typeof at !== "string" || !isIsoDate(at))
      return new InvalidStageInput({
        field: `history[${i}].date`,
        value: show(at),
        reason: "is not a date written YYYY-MM-DD",
      })
  }
  const bid = (state as { bestInterestDetermination?: unknown }).bestInterestDetermination
  if (bid !== undefined) {
    const bidDate = typeof bid === "object" && bid !== null ? (bid as { date?: unknown }).date : bid
    if (bidDate !== undefined && (typeof bidDate !== "string" || !isIsoDate(bidDate)))
      return new InvalidStageInput({
        field: "bestInterestDetermination.date",
        value: show(bidDate),
        reason: "is not a date written YYYY-MM-DD",
      })
  }
  if (!isCaseStage(to))
    return new InvalidStageInput({ field: "to", value: show(to), reason: "is not a known stage" })
  if (typeof date !== "string" || !isIsoDate(date))
    return new InvalidStageInput({
      field: "date",
      value: show(date),
      reason: "is not a date written YYYY-MM-DD",
    })
  if (legalBasis !== undefined) {
    if (!Array.isArray(legalBasis))
      return new InvalidStageInput({ field: "legalBasis", value: show(legalBasis), reason: "is not a list" })
    for (const id of legalBasis)
      if (!isLegalBasisId(id))
        return new InvalidStageInput({
          field: "legalBasis",
          value: show(id),
          reason: "is not a known legal basis",
        })
  }
  return undefined
}

export interface TransitionOptions {
  readonly date: IsoDate
  /** Defaults to the table's legal bases in force on `date`. */
  readonly legalBasis?: ReadonlyArray<LegalBasisId> | undefined
  readonly responsible?: Partner | undefined
  /** The person, for the choice of law (sex; child defaults to the state's). */
  readonly who?: Who | undefined
}

/** Checks one move without applying it. Never throws: unchecked input gives `InvalidStageInput`. */
export const check = (state: StageState, to: CaseStage, date: string): TransitionError | undefined => {
  const invalid = inputProblem(state, to, date)
  if (invalid !== undefined) return invalid
  return checkValid(state, to, date)
}

const checkValid = (state: StageState, to: CaseStage, date: string): TransitionError | undefined => {
  const last = state.history[state.history.length - 1]
  if (last === undefined || state.history[0]?.stage !== "identification") {
    return new HistoryMustStartWithIdentification(
      last === undefined ? {} : { first: state.history[0]!.stage },
    )
  }
  if (last.stage === "closed") return new CaseClosed({ closedOn: last.date, to })
  if (findTransition(last.stage, to) === undefined) {
    return new TransitionNotAllowed({ from: last.stage, to, allowed: allowedFrom(last.stage) })
  }
  if (date < last.date) {
    return new DateBeforePreviousStage({
      stage: to,
      date,
      previousStage: last.stage,
      previousDate: last.date,
    })
  }
  if (state.child !== false && moveNeedsBid(last.stage, to)) {
    const reason = bidProblem(state.bestInterestDetermination, state.history[0]!.date, date)
    if (reason !== undefined)
      return new BestInterestDeterminationRequired({ date, to, reason, legalBasis: safeguardBasis(date) })
  }
  return undefined
}

/** Moves a case to `to`, or explains why it cannot. */
export const transition = (
  state: StageState,
  to: CaseStage,
  options: TransitionOptions,
): Result.Result<StageState, TransitionError> => {
  const error =
    typeof options !== "object" || options === null
      ? new InvalidStageInput({ field: "options", value: show(options), reason: "is not { date }" })
      : (inputProblem(state, to, options.date, options.legalBasis) ?? checkValid(state, to, options.date))
  if (error !== undefined) return Result.fail(error)
  const from = state.history[state.history.length - 1]!.stage
  const entry: StageEntry = {
    stage: to,
    date: options.date,
    legalBasis:
      options.legalBasis ?? defaultLegalBasis(from, to, options.date, { child: state.child, ...options.who }),
    ...(options.responsible === undefined ? {} : { responsible: options.responsible }),
  }
  return Result.succeed({ ...state, history: [...state.history, entry] })
}

/**
 * What makes a person a victim to identify: the definition of trafficking (Women Law 2004 Art. 24
 * for women and children; Penal Law 2005 Art. 134 for every person, men included, until the 2017
 * Code; Anti-TIP Law 2015 Art. 2; Penal Code 2017 Art. 215) and the guideline's identification
 * section (the 2010 draft, then the 2020 guidelines).
 */
export const identificationBasis: ReadonlyArray<LegalBasisId> = [
  "women_2004_art24",
  "penal_2005_art134",
  "atip_2015_art2",
  "penal_2017_art215",
  "guideline_2010_sec5",
  "guideline_2020_referral",
]

/** The legal bases recorded at identification on `date` for this person: those that can be cited then. */
export const defaultIdentificationBasis = (date: string, who?: Who): ReadonlyArray<LegalBasisId> =>
  citable(identificationBasis, date, who)

/** @deprecated kept for callers that compared with it; true only when certainly in force. */
export const identificationBasisInForce = (date: string): ReadonlyArray<LegalBasisId> =>
  identificationBasis.filter((id) => isInForce(id, date))

/** Starts a history at identification. */
export const start = (
  date: IsoDate,
  options: {
    readonly legalBasis?: ReadonlyArray<LegalBasisId>
    readonly responsible?: Partner
    readonly who?: Who
  } = {},
): StageEntry => ({
  stage: "identification",
  date,
  legalBasis: options.legalBasis ?? defaultIdentificationBasis(date, options.who),
  ...(options.responsible === undefined ? {} : { responsible: options.responsible }),
})

/** Replays a whole history through the machine; the first error wins. Never throws. */
export const validateHistory = (state: StageState): TransitionError | undefined => {
  const invalid = inputProblem(state, "identification", "2000-01-01")
  if (invalid !== undefined) return invalid
  const [first, ...rest] = state.history
  if (first === undefined || first.stage !== "identification") {
    return new HistoryMustStartWithIdentification(first === undefined ? {} : { first: first.stage })
  }
  let replay: StageState = { ...state, history: [first] }
  for (const entry of rest) {
    const error = checkValid(replay, entry.stage, entry.date)
    if (error !== undefined) return error
    replay = { ...replay, history: [...replay.history, entry] }
  }
  return undefined
}

/** The stage a case is in now: the last entry of its history. */
export const current = (history: ReadonlyArray<StageEntry>): CaseStage | undefined =>
  history[history.length - 1]?.stage

/** The state machine as a Mermaid state diagram (kept in the README by a test); exits are unlabelled. */
export const mermaid = (): string => {
  const lines = ["stateDiagram-v2", "  [*] --> identification"]
  for (const tr of transitions) {
    lines.push(
      isExit(tr.to) || isExit(tr.from)
        ? `  ${tr.from} --> ${tr.to}`
        : `  ${tr.from} --> ${tr.to}: ${tr.legalBasis.join(", ")}`,
    )
  }
  lines.push("  closed --> [*]")
  return lines.join("\n")
}
