/**
 * Whether the person consented to assistance and to their data being recorded. Consent is asked,
 * not assumed: `unknown` means nobody asked or the answer was not written down.
 */
import * as Schema from "effect/Schema"
import { review, sourced } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Labels } from "./Label.ts"

export const codes = ["yes", "no", "unknown"] as const

export const Consent = /*#__PURE__*/ Schema.Literals(codes).annotate({
  title: "Consent",
  description: "Whether the person consented to assistance and to their data being recorded",
})
export type Consent = typeof Consent.Type

export const labels: Labels<Consent> = {
  yes: review("Yes", "ຍິນຍອມ", "The person consented."),
  no: review("No", "ບໍ່ຍິນຍອມ", "The person did not consent."),
  unknown: sourced("Unknown", "no data", "Consent was not asked or not recorded."),
}

export const Vocabulary = /*#__PURE__*/ vocabulary("Consent", codes, labels)
