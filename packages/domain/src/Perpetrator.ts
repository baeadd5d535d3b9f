/**
 * The roles of the people the victim needs protection from, as the AFESIP protection talk lists
 * them: traffickers, procurers, exploiters (pimps, employers), recruiters and exploitative family
 * members. Roles describe what a person did in this case, not who they are; no personal data here.
 */
import * as Schema from "effect/Schema"
import { review, sourced } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Labels } from "./Label.ts"

export const codes = [
  "trafficker",
  "procurer",
  "exploiter",
  "employer",
  "recruiter",
  "family_member",
] as const

export const PerpetratorRole = /*#__PURE__*/ Schema.Literals(codes).annotate({
  title: "Perpetrator role",
  description: "The role a perpetrator played in the case",
})
export type PerpetratorRole = typeof PerpetratorRole.Type

export const labels: Labels<PerpetratorRole> = {
  trafficker: sourced(
    "Trafficker",
    "trafficker",
    "Recruited, moved, harboured or sold the person for exploitation.",
  ),
  procurer: review(
    "Procurer",
    "ຜູ້ຈັດຫາໂສເພນີ",
    "Arranged or profited from the person's prostitution (Penal Law 2005 Art. 132).",
  ),
  exploiter: review("Exploiter", "ຜູ້ຂູດຮີດ", "Profited from the exploitation, e.g. a pimp or venue owner."),
  employer: review("Employer", "ນາຍຈ້າງ", "Employed the person under exploitative conditions."),
  recruiter: review(
    "Recruiter / broker",
    "ນາຍໜ້າ",
    "Recruited the person, often a broker paid per person; sometimes a former victim.",
  ),
  family_member: review(
    "Family member",
    "ສະມາຊິກຄອບຄົວ",
    "A parent or relative who sold, sent or exploited the person.",
  ),
}

export const Vocabulary = /*#__PURE__*/ vocabulary("PerpetratorRole", codes, labels)
