/**
 * Services a victim receives between identification and safe reintegration (National Plan of
 * Action on TIP, chapter IV: shelter; psychological, medical, legal and social counselling;
 * rehabilitation, reintegration and follow-up). Which partner delivers a service is recorded on the
 * case, not here.
 */
import * as Schema from "effect/Schema"
import { review, sourced } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Labels } from "./Label.ts"

export const codes = [
  "shelter",
  "medical",
  "psychological_counselling",
  "legal_counselling",
  "social_counselling",
  "family_tracing",
  "repatriation",
  "education",
  "vocational_training",
  "job_placement",
  "follow_up_visit",
  "interpreter",
  "shelter_unavailable",
] as const

export const Service = /*#__PURE__*/ Schema.Literals(codes).annotate({
  title: "Service",
  description: "A protection or reintegration service provided to the victim",
})
export type Service = typeof Service.Type

export const labels: Labels<Service> = {
  shelter: sourced("Safe shelter", "shelter", "Temporary safe shelter."),
  medical: sourced("Medical care", "medical care", "Health checks and medical treatment."),
  psychological_counselling: review(
    "Psychological counselling",
    "ການໃຫ້ຄຳປຶກສາດ້ານຈິດໃຈ",
    "Psychosocial support and counselling.",
  ),
  legal_counselling: review(
    "Legal counselling",
    "ການໃຫ້ຄຳປຶກສາດ້ານກົດໝາຍ",
    "Information on rights, legal aid, support in criminal proceedings and compensation claims.",
  ),
  social_counselling: review(
    "Social counselling",
    "ການໃຫ້ຄຳປຶກສາດ້ານສັງຄົມ",
    "Social work support and case management.",
  ),
  family_tracing: review(
    "Family tracing and assessment",
    "ການຊອກຫາ ແລະ ປະເມີນຄອບຄົວ",
    "Finding the family and assessing whether return is safe.",
  ),
  repatriation: review("Repatriation", "ການສົ່ງກັບປະເທດ", "Organised return across a border."),
  education: review("Education", "ການສຶກສາ", "Schooling or non-formal education."),
  vocational_training: sourced("Vocational training", "vocational training", "Skills training for work."),
  job_placement: review(
    "Job placement",
    "ການຊອກວຽກເຮັດງານທຳ",
    "Help finding safe employment or starting a business.",
  ),
  follow_up_visit: review(
    "Follow-up visit",
    "ການຢ້ຽມຢາມຕິດຕາມ",
    "A visit after reintegration to check safety and wellbeing.",
  ),
  interpreter: review(
    "Interpreter",
    "ນາຍແປພາສາ",
    "An interpreter for a person who does not speak Lao well (e.g. Khmu, Hmong or a foreign language).",
  ),
  shelter_unavailable: review(
    "Shelter needed but not available",
    "ຕ້ອງການບ່ອນພັກເຊົາ ແຕ່ບໍ່ມີບ່ອນວ່າງ",
    "An outcome, not a service given: shelter was needed but no place was free (the seed's 'lack of boarding places').",
  ),
}

export const Vocabulary = /*#__PURE__*/ vocabulary("Service", codes, labels)
