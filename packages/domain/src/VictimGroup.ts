/**
 * The six groups of trafficked persons that protection in Lao PDR distinguishes (AFESIP, "Protection
 * of Trafficked Persons: current practices in Lao PDR and challenges"). A case belongs to exactly one
 * group, decided at identification. This module does not infer the group from a route.
 */
import * as Schema from "effect/Schema"
import { review } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Labels } from "./Label.ts"

export const codes = [
  "local_lao",
  "repatriated_lao",
  "foreign_in_lao",
  "deported_lao",
  "self_returned",
  "intercepted",
] as const

export const VictimGroup = /*#__PURE__*/ Schema.Literals(codes).annotate({
  title: "Victim group",
  description: "Which of the six protection groups the person belongs to (decided at identification)",
})
export type VictimGroup = typeof VictimGroup.Type

export const labels: Labels<VictimGroup> = {
  local_lao: review(
    "Lao citizen trafficked within Lao PDR",
    "ຄົນລາວທີ່ຖືກຄ້າມະນຸດພາຍໃນປະເທດ",
    "A Lao citizen trafficked inside Lao PDR (internal trafficking).",
  ),
  repatriated_lao: review(
    "Lao victim repatriated from abroad",
    "ຜູ້ຖືກເຄາະຮ້າຍຄົນລາວທີ່ຖືກສົ່ງກັບຈາກຕ່າງປະເທດ",
    "A Lao citizen identified abroad and returned through a formal repatriation (e.g. under the Lao-Thai MOU).",
  ),
  foreign_in_lao: review(
    "Foreign victim in Lao PDR",
    "ຄົນຕ່າງປະເທດທີ່ຕົກເປັນເຫຍື່ອການຄ້າມະນຸດ",
    "A citizen of another country identified in Lao PDR, to be repatriated through the Ministry of Foreign Affairs.",
  ),
  deported_lao: review(
    "Lao citizen deported",
    "ຄົນລາວທີ່ຖືກເນລະເທດ",
    "A Lao citizen deported by another country, formally or by informal push-back across the border.",
  ),
  self_returned: review(
    "Self-returned victim",
    "ຜູ້ຖືກເຄາະຮ້າຍທີ່ກັບຄືນມາເອງ",
    "A victim who came back on their own, from abroad or from elsewhere in Lao PDR.",
  ),
  intercepted: review(
    "Intercepted on the way",
    "ຜູ້ທີ່ຖືກສະກັດກັ້ນລະຫວ່າງທາງ",
    "A person identified while being moved, before exploitation (at a bus station, boat pier or border checkpoint).",
  ),
}

export const Vocabulary = /*#__PURE__*/ vocabulary("VictimGroup", codes, labels)
