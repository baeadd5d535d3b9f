import type { Label } from "../Label.ts"
import { type GlossaryTerm, glossary } from "./glossary.ts"

/** A label whose Lao text is a glossary term, quoted verbatim. */
export const sourced = (en: string, term: GlossaryTerm, description: string): Label => ({
  en,
  lo: glossary(term),
  description,
})

/** A label whose Lao text is our best attempt and must be checked by a Lao translator. */
export const review = (en: string, lo: string, description: string): Label => ({
  en,
  lo,
  description,
  loNeedsReview: true,
})
