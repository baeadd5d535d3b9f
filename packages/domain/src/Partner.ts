/**
 * The organisations that identify, refer and assist victims in Lao PDR, as listed in the AFESIP
 * protection talk (government; international organisations; NGOs). A partner code says who reported
 * a record, who identified the victim, who is responsible for a stage and where a case was referred.
 * Memoranda of understanding and contact details are out of scope.
 */
import * as Schema from "effect/Schema"
import { review, sourced } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Label } from "./Label.ts"

export const codes = [
  "nsatip",
  "mlsw",
  "mps_atd",
  "lwu",
  "mofa",
  "moj",
  "prosecutor",
  "uniap",
  "unicef",
  "unodc",
  "iom",
  "afesip",
  "friends_international",
  "nca",
  "plan",
  "vfi",
  "world_vision",
  "other",
] as const

export const Partner = /*#__PURE__*/ Schema.Literals(codes).annotate({
  title: "Partner",
  description: "A government body, international organisation or NGO working on victim protection",
})
export type Partner = typeof Partner.Type

export const partnerTypes = ["government", "io", "ngo", "other"] as const
export type PartnerType = (typeof partnerTypes)[number]

export interface PartnerInfo extends Label {
  readonly type: PartnerType
  /** Short name or acronym used in tables. */
  readonly short: string
}

const info = (type: PartnerType, short: string, label: Label): PartnerInfo => ({ ...label, type, short })

/** Full names in English and Lao (the `Labels<Partner>` shape plus the partner type). */
export const partners: { readonly [K in Partner]: PartnerInfo } = {
  nsatip: info(
    "government",
    "NSATIP",
    sourced(
      "National Secretariat on Anti-Human Trafficking",
      "National Secretariat on Anti-Human Trafficking",
      "Working-level secretariat of the National Steering Committee on Anti-Human Trafficking.",
    ),
  ),
  mlsw: info(
    "government",
    "MoLSW",
    sourced(
      "Ministry of Labour and Social Welfare",
      "Ministry of Labour and Social Welfare",
      "Social welfare, shelters, the Vientiane transit centre, family tracing and reintegration.",
    ),
  ),
  mps_atd: info(
    "government",
    "MoPS ATD",
    sourced(
      "Anti-Human Trafficking Department, Ministry of Public Security",
      "Anti-Human Trafficking Department (police, MoPS)",
      "Police anti-trafficking department and units (formerly under the Ministry of National Security).",
    ),
  ),
  lwu: info(
    "government",
    "LWU",
    sourced(
      "Lao Women's Union",
      "Lao Women's Union",
      "Mass organisation; runs the Counselling and Protection Centre for Women and Children.",
    ),
  ),
  mofa: info(
    "government",
    "MoFA",
    review(
      "Ministry of Foreign Affairs",
      "ກະຊວງການຕ່າງປະເທດ",
      "Embassies and consulates; repatriation of Lao victims abroad and of foreign victims (National Commission for Mothers and Children).",
    ),
  ),
  moj: info(
    "government",
    "MoJ",
    review("Ministry of Justice", "ກະຊວງຍຸຕິທຳ", "Legal aid and the courts' administration."),
  ),
  prosecutor: info(
    "government",
    "Prosecutor",
    review("Office of the Public Prosecutor", "ອົງການໄອຍະການປະຊາຊົນ", "Prosecution of traffickers."),
  ),
  uniap: info(
    "io",
    "UNIAP",
    review(
      "United Nations Inter-Agency Project on Human Trafficking",
      "ໂຄງການຮ່ວມລະຫວ່າງອົງການສະຫະປະຊາຊາດ ເພື່ອຕ້ານການຄ້າມະນຸດ (UNIAP)",
      "UN inter-agency project in the Greater Mekong Sub-region (closed 2014).",
    ),
  ),
  unicef: info(
    "io",
    "UNICEF",
    review("United Nations Children's Fund", "ອົງການ ຢູນິເຊັບ (UNICEF)", "Child protection networks with MoLSW."),
  ),
  unodc: info(
    "io",
    "UNODC",
    review(
      "United Nations Office on Drugs and Crime",
      "ຫ້ອງການສະຫະປະຊາຊາດ ວ່າດ້ວຍຢາເສບຕິດ ແລະ ອາຊະຍາກຳ (UNODC)",
      "Criminal justice response to trafficking.",
    ),
  ),
  iom: info(
    "io",
    "IOM",
    sourced(
      "International Organization for Migration",
      "International Organization for Migration (IOM)",
      "Return and reintegration assistance.",
    ),
  ),
  afesip: info(
    "ngo",
    "AFESIP",
    review(
      "AFESIP (Acting for Women in Distressing Circumstances)",
      "ອາເຟຊິບ (AFESIP)",
      "NGO providing shelter, counselling and reintegration support.",
    ),
  ),
  friends_international: info(
    "ngo",
    "Friends",
    review(
      "Friends International",
      "ເຟຣັນ ອິນເຕີເນຊັນແນລ (Friends International)",
      "NGO working with street children.",
    ),
  ),
  nca: info("ngo", "NCA", review("Norwegian Church Aid", "ອົງການຊ່ວຍເຫຼືອຂອງສາດສະໜາຈັກນອກແວ (NCA)", "NGO.")),
  plan: info("ngo", "Plan", review("Plan International", "ແພລນ ອິນເຕີເນຊັນແນລ (Plan International)", "NGO.")),
  vfi: info(
    "ngo",
    "VFI",
    review("Village Focus International", "ວິລເລດ ໂຟກັສ ອິນເຕີເນຊັນແນລ (VFI)", "NGO working on reintegration."),
  ),
  world_vision: info(
    "ngo",
    "World Vision",
    review("World Vision Lao PDR", "ເວີລ ວິຊັນ (World Vision)", "NGO (MOU pending in 2010)."),
  ),
  other: info(
    "other",
    "Other",
    review("Other organisation", "ອົງການອື່ນໆ", "Another organisation (name it in the notes)."),
  ),
}

/** `Labels<Partner>`: the partner records are labels with a type. */
export const labels = partners

export const typeOf = (partner: Partner): PartnerType => partners[partner].type

export const Vocabulary = /*#__PURE__*/ vocabulary("Partner", codes, labels)
