/**
 * How the person was recruited: the method (HTCDS `vic_MethodOfRecruitment`), the recruiter's
 * relationship to the person (CTDC `recruiterRelation*`), and the age at recruitment. One method and
 * one relationship per case: the main one, as the person tells it.
 *
 * Method codes follow the value names of HTCDS `vic_MethodOfRecruitment` (UNMigration/HTCDS, "HTCDS
 * Field Reference.md"), which HTCDS allows several of; `methodToHtcds` is the crosswalk. The
 * relationship codes are finer than CTDC's four flags (IntimatePartner, Friend, Family, Other) and
 * map onto them with `Ctdc.relationshipCrosswalk`. This module does not judge whether recruitment was
 * deceptive: that is the means of control (`Exploitation.MeansOfControl`).
 */
import * as Schema from "effect/Schema"
import { review, sourced } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Labels } from "./Label.ts"

// ---------------------------------------------------------------------------------------------
// Method

export const methodCodes = [
  "job_offer",
  "internet",
  "intimate_partner",
  "marriage_broker",
  "familial",
  "posing_as_benefactor",
  "offer_of_accommodation",
  "abduction",
  "smuggling",
  "educational_facility",
  "public_area",
  "shelter",
  "work",
  "other",
  "unknown",
] as const

export const RecruitmentMethod = /*#__PURE__*/ Schema.Literals(methodCodes).annotate({
  title: "Recruitment method",
  description: "How the person was recruited (HTCDS vic_MethodOfRecruitment)",
})
export type RecruitmentMethod = typeof RecruitmentMethod.Type

export const methodLabels: Labels<RecruitmentMethod> = {
  job_offer: review(
    "Job offer or advertisement",
    "ການສະເໜີວຽກ ຫຼື ໂຄສະນາຫາວຽກ",
    "Offered a job, in person or by advertisement.",
  ),
  internet: review(
    "Internet (social media, online advertisement)",
    "ອິນເຕີເນັດ (ສື່ສັງຄົມອອນລາຍ, ໂຄສະນາອອນລາຍ)",
    "Recruited through social media, messaging apps or online advertisements.",
  ),
  intimate_partner: review(
    "Intimate partner or marriage proposal",
    "ຄູ່ຮັກ ຫຼື ການສະເໜີແຕ່ງງານ",
    "Recruited by a partner or through a proposal of marriage.",
  ),
  marriage_broker: review(
    "International marriage broker",
    "ນາຍໜ້າແຕ່ງງານຂ້າມຊາດ",
    "Recruited through a broker arranging marriage abroad.",
  ),
  familial: review("By family", "ໂດຍຄອບຄົວ", "Recruited or sent by a family member."),
  posing_as_benefactor: review(
    "Posing as a benefactor",
    "ທຳທ່າເປັນຜູ້ຊ່ວຍເຫຼືອ",
    "The recruiter posed as someone helping the person or their family.",
  ),
  offer_of_accommodation: review("Offer of accommodation", "ການສະເໜີທີ່ພັກ", "Offered a place to stay."),
  abduction: review("Abduction", "ການລັກພາຕົວ", "Taken by force."),
  smuggling: review(
    "Smuggling or ransom",
    "ການລັກລອບພາຂ້າມແດນ ຫຼື ການຮຽກຄ່າໄຖ່",
    "Began as smuggling across a border, or held for ransom.",
  ),
  educational_facility: review(
    "At school or college",
    "ທີ່ໂຮງຮຽນ ຫຼື ວິທະຍາໄລ",
    "Recruited at an educational facility.",
  ),
  public_area: review(
    "In a public area",
    "ໃນບ່ອນສາທາລະນະ",
    "Approached in a public place (market, bus station, ...).",
  ),
  shelter: review("At a shelter", "ທີ່ທີ່ພັກຫລົບໄພ", "Recruited at or near a shelter."),
  work: review("At work", "ທີ່ບ່ອນເຮັດວຽກ", "Recruited at their workplace."),
  other: review("Other", "ອື່ນໆ", "Another method (explain in the notes)."),
  unknown: sourced("Unknown", "no data", "Not recorded or not known."),
}

/** HTCDS `vic_MethodOfRecruitment` value of each method (the value names of the HTCDS field reference). */
export const methodToHtcds: { readonly [K in RecruitmentMethod]: string } = {
  job_offer: "Job offer/advertisement",
  internet: "Internet (social media, online advertisement)",
  intimate_partner: "Intimate partner/marriage proposition",
  marriage_broker: "International Marriage Broker (IMB)",
  familial: "Familial",
  posing_as_benefactor: "Posing as Benefactor",
  offer_of_accommodation: "Offer of Accommodation",
  abduction: "Abduction",
  smuggling: "Smuggling, ransom",
  educational_facility: "Educational Facility",
  public_area: "Public Area",
  shelter: "Shelter",
  work: "Work",
  other: "Other",
  unknown: "Unknown",
}

export const MethodVocabulary = /*#__PURE__*/ vocabulary("RecruitmentMethod", methodCodes, methodLabels)

// ---------------------------------------------------------------------------------------------
// Recruiter's relationship to the person

export const relationshipCodes = [
  "family",
  "intimate_partner",
  "friend_acquaintance",
  "broker_agent",
  "employer",
  "stranger",
  "other",
  "unknown",
] as const

export const RecruiterRelationship = /*#__PURE__*/ Schema.Literals(relationshipCodes).annotate({
  title: "Recruiter's relationship",
  description: "How the main recruiter was related to the person (CTDC recruiterRelation*)",
})
export type RecruiterRelationship = typeof RecruiterRelationship.Type

export const relationshipLabels: Labels<RecruiterRelationship> = {
  family: review("Family member", "ສະມາຊິກຄອບຄົວ", "A parent, relative or other family member."),
  intimate_partner: review("Intimate partner", "ຄູ່ຮັກ", "A boyfriend, girlfriend, spouse or fiancé(e)."),
  friend_acquaintance: review(
    "Friend or acquaintance",
    "ໝູ່ເພື່ອນ ຫຼື ຄົນຮູ້ຈັກ",
    "A friend, neighbour or someone from the village.",
  ),
  broker_agent: review(
    "Broker or agent",
    "ນາຍໜ້າ ຫຼື ຕົວແທນ",
    "A labour broker, recruitment agent or middleman (formal or informal).",
  ),
  employer: review("Employer", "ນາຍຈ້າງ", "The (future) employer."),
  stranger: review("Stranger", "ຄົນແປກໜ້າ", "Someone the person did not know before."),
  other: review("Other", "ອື່ນໆ", "Another relationship (explain in the notes)."),
  unknown: sourced("Unknown", "no data", "Not recorded or not known."),
}

export const RelationshipVocabulary = /*#__PURE__*/ vocabulary(
  "RecruiterRelationship",
  relationshipCodes,
  relationshipLabels,
)

// ---------------------------------------------------------------------------------------------
// Age at recruitment

export const AgeAtRecruitment = /*#__PURE__*/ Schema.Number.check(
  /*#__PURE__*/ Schema.isInt(),
  /*#__PURE__*/ Schema.isBetween({ minimum: 0, maximum: 120 }),
).annotate({
  title: "Age at recruitment",
  description:
    "Age in whole years when the person was recruited; not above the age at identification (recorded or from the date of birth)",
})
export type AgeAtRecruitment = typeof AgeAtRecruitment.Type
