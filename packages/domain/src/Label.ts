/**
 * Bilingual labels for every code in a closed set. A Lao label nobody has checked against a
 * Lao source is flagged `loNeedsReview` and listed in the translators' catalogue, never passed
 * off as verified.
 */
import * as Schema from "effect/Schema"

export const Label = /*#__PURE__*/ Schema.Struct({
  en: Schema.String,
  lo: Schema.String,
  description: Schema.String,
  loNeedsReview: /*#__PURE__*/ Schema.optional(Schema.Boolean),
})
export type Label = typeof Label.Type

/** Labels for every member of a closed set of codes: the compiler checks none is missing. */
export type Labels<Code extends string> = { readonly [K in Code]: Label }
