/**
 * Whether the person is a victim of trafficking: `presumed` (indicators, not yet decided: protected
 * as a victim meanwhile, as the National Victim Protection Guideline asks), `confirmed` (identified
 * by the competent body), or `not_a_victim` (screened out: e.g. a migrant intercepted without signs
 * of trafficking). An empty status is read as `presumed`, so old files keep counting as before.
 *
 * Rule: a `not_a_victim` case is never counted as a victim in a publication (`countsAsVictim`); the
 * warehouse's publish step leaves those cases out of every published table. It stays in the
 * warehouse (the screening is itself a fact partners report).
 *
 * Crosswalks: the HTCDS field reference we read (v1.x on GitHub) has no trafficking-status value
 * list, and CTDC publishes identified victims only, so the exact code travels in the HTCDS extension
 * `lao_trafficking_status` and a `not_a_victim` case is left out of CTDC exports.
 */
import * as Schema from "effect/Schema"
import { review, sourced } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Labels } from "./Label.ts"

export const codes = ["presumed", "confirmed", "not_a_victim"] as const

export const TraffickingStatus = /*#__PURE__*/ Schema.Literals(codes).annotate({
  title: "Trafficking status",
  description: "Presumed victim, confirmed victim, or screened out (not a victim)",
})
export type TraffickingStatus = typeof TraffickingStatus.Type

export const labels: Labels<TraffickingStatus> = {
  presumed: review(
    "Presumed victim",
    "ສົງໃສວ່າເປັນຜູ້ຖືກເຄາະຮ້າຍຈາກການຄ້າມະນຸດ",
    "Indicators of trafficking, not yet confirmed; protected as a victim meanwhile.",
  ),
  confirmed: sourced(
    "Victim of trafficking (confirmed)",
    "victim of trafficking",
    "Identified as a victim of trafficking by the competent body.",
  ),
  not_a_victim: review(
    "Not a victim (screened out)",
    "ບໍ່ແມ່ນຜູ້ຖືກເຄາະຮ້າຍ",
    "Screened and found not to be a victim of trafficking; never counted as a victim in publications.",
  ),
}

export const Vocabulary = /*#__PURE__*/ vocabulary("TraffickingStatus", codes, labels)

/** Whether a case counts as a victim in publications: every status but `not_a_victim` (empty = presumed). */
export const countsAsVictim = (status: TraffickingStatus | "" | undefined): boolean =>
  status !== "not_a_victim"
