/**
 * Where (in what setting) a victim was identified. Protection starts with "strict vigilance in bus
 * stations, boat piers, border checkpoints" (AFESIP); comparing where identification happens with
 * where victims come from shows where vigilance is missing. One setting per case, the first contact
 * that led to identification.
 *
 * Crosswalks: we found no HTCDS v2.0 field and no CTDC variable for the setting of identification, so the
 * exact code travels in the HTCDS extension field `lao_identification_setting` and the CTDC export
 * does not carry it.
 */
import * as Schema from "effect/Schema"
import { review, sourced } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Labels } from "./Label.ts"

export const codes = [
  "border_checkpoint",
  "bus_station",
  "boat_pier",
  "airport",
  "workplace_inspection",
  "cpn_referral",
  "hotline",
  "shelter_self_referral",
  "repatriation",
  "other",
] as const

export const IdentificationSetting = /*#__PURE__*/ Schema.Literals(codes).annotate({
  title: "Identification setting",
  description: "Where the person was identified as a (presumed) victim",
})
export type IdentificationSetting = typeof IdentificationSetting.Type

export const labels: Labels<IdentificationSetting> = {
  border_checkpoint: sourced(
    "Border checkpoint",
    "border checkpoint",
    "Identified by officials or partners at a border checkpoint (international or local).",
  ),
  bus_station: review("Bus station", "ສະຖານີລົດເມ", "Identified at a bus station or on a bus."),
  boat_pier: review("Boat pier", "ທ່າເຮືອ", "Identified at a boat pier or river crossing."),
  airport: review("Airport", "ສະໜາມບິນ", "Identified at an airport."),
  workplace_inspection: review(
    "Workplace inspection or raid",
    "ການກວດກາ ຫຼື ບຸກຄົ້ນສະຖານທີ່ເຮັດວຽກ",
    "Identified during a labour inspection or a police raid of a workplace or entertainment venue.",
  ),
  cpn_referral: review(
    "Referral from a Child Protection Network",
    "ການສົ່ງຕໍ່ຈາກເຄືອຂ່າຍປົກປ້ອງເດັກ",
    "Referred by a village or district Child Protection Network.",
  ),
  hotline: review("Hotline", "ສາຍດ່ວນ", "Identified after a call to a hotline."),
  shelter_self_referral: review(
    "Self-referral at a shelter",
    "ມາຂໍຄວາມຊ່ວຍເຫຼືອເອງທີ່ທີ່ພັກຫລົບໄພ",
    "The person came to a shelter on their own.",
  ),
  repatriation: review(
    "Repatriation from abroad",
    "ການສົ່ງກັບຈາກຕ່າງປະເທດ",
    "Identified abroad and received on formal repatriation (e.g. under the Lao-Thai MOU).",
  ),
  other: review("Other", "ອື່ນໆ", "Another setting (explain in the notes)."),
}

export const Vocabulary = /*#__PURE__*/ vocabulary("IdentificationSetting", codes, labels)
