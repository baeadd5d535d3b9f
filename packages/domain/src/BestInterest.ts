/**
 * The best-interest determination (BID) of a child and the safeguard built on it: no move out of
 * care for a child (return and reception, reintegration, follow-up, closure and every exit except
 * "lost contact" and "referred elsewhere") without a BID dated on or after identification and on or
 * before the move, with its outcome and the body that decided it.
 *
 * Sources: the (draft) National Guideline on Victim Protection, general principles ("in all actions
 * concerning child victims, the best interests of the child is a primary consideration") and section
 * VII (assessment and best-interest determination of (re)integration); the children's law in force
 * on the date (`children_2006` until 3 Dec 2023, `children_2023` from 4 Dec 2023); the CRC Art. 3.
 * The outcomes are those of UNHCR's and UNICEF's BID guidance as used by the guideline's sections
 * VIII-X (return home, alternative care, local integration, resettlement in a third country).
 *
 * This module does not decide what is in a child's best interests; it checks that someone did,
 * when, and what they decided.
 */
import * as Schema from "effect/Schema"
import type { CaseStage, ExitStage } from "./CaseStage.ts"
import { review } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Labels } from "./Label.ts"
import type { LegalBasisId } from "./LegalBasis.ts"

export const outcomeCodes = ["return_home", "alternative_care", "local_integration", "third_country"] as const

export const BidOutcome = /*#__PURE__*/ Schema.Literals(outcomeCodes).annotate({
  title: "Best-interest determination outcome",
  description: "What the best-interest determination decided for the child",
})
export type BidOutcome = typeof BidOutcome.Type

export const outcomeLabels: Labels<BidOutcome> = {
  return_home: review(
    "Return to family or community",
    "ກັບຄືນສູ່ຄອບຄົວ ຫຼື ຊຸມຊົນ",
    "Return to the child's family or community of origin (Guideline sections VIII and X).",
  ),
  alternative_care: review(
    "Alternative care",
    "ການດູແລທົດແທນ",
    "Kinship care, foster care, adoption or an institution (children's law, alternative care).",
  ),
  local_integration: review(
    "Local integration",
    "ການເຊື່ອມໂຍງໃນທ້ອງຖິ່ນ",
    "The child stays and is integrated where they are now.",
  ),
  third_country: review(
    "Third country",
    "ປະເທດທີສາມ",
    "Resettlement in a third country (a foreign child who cannot return safely).",
  ),
}

export const OutcomeVocabulary = /*#__PURE__*/ vocabulary("BidOutcome", outcomeCodes, outcomeLabels)

/** Exits that are not a decision about the child (no one moves the child): no BID needed. */
export const exitsWithoutBid: ReadonlyArray<ExitStage> = ["lost_contact", "referred_elsewhere"]

/** Stages that move a child out of care and so need a BID first. */
export const stagesNeedingBid: ReadonlyArray<CaseStage> = [
  "return_reception",
  "reintegration",
  "follow_up",
  "closed",
  "declined_assistance",
  "re_trafficked",
]

/**
 * Whether moving `from` -> `to` needs a BID for a child: `to` is one of `stagesNeedingBid`, except a
 * closure straight after an exit that needs none (the child was not moved by anyone).
 */
export const moveNeedsBid = (from: CaseStage | undefined, to: CaseStage): boolean =>
  stagesNeedingBid.includes(to) &&
  !(to === "closed" && from !== undefined && (exitsWithoutBid as ReadonlyArray<string>).includes(from))

/** The legal bases of the safeguard on `date`: the guideline's principle and the children's law in force. */
export const safeguardBasis = (date: string): ReadonlyArray<LegalBasisId> => [
  "guideline_2010_sec7",
  date >= "2023-12-04" ? "children_2023_law" : "children_2006_art38",
]

/** What a BID must carry to count, whatever the record's shape. */
export interface BidFacts {
  readonly date?: string | undefined
  readonly outcome?: string | undefined
  readonly decidedBy?: string | undefined
}

/**
 * Why a BID does not cover a child's move on `moveDate` (identified on `identifiedOn`), or
 * `undefined` when it does. The one wording every layer uses.
 */
export const bidProblem = (
  bid: BidFacts | undefined,
  identifiedOn: string,
  moveDate: string,
): string | undefined => {
  if (bid === undefined || bid.date === undefined || bid.date === "") return "no best-interest determination"
  if (bid.date < identifiedOn) return `the best-interest determination (${bid.date}) is before identification`
  if (bid.date > moveDate) return `the best-interest determination (${bid.date}) is after the move`
  if (bid.outcome === undefined || bid.outcome === "") return "the best-interest determination has no outcome"
  if (bid.decidedBy === undefined || bid.decidedBy === "")
    return "the best-interest determination does not say which body decided"
  return undefined
}
