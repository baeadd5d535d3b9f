/**
 * The messages catalogue: the core strings (en.ts, lo.ts) plus one catalogue per page, merged into
 * one key set in English and Lao, and a tiny interpolating lookup.
 */
import type { Catalogue, Source } from "./catalogue.ts"
import { en as coreEn } from "./en.ts"
import { lo as coreLo, loSources as coreSources } from "./lo.ts"
import { measures } from "./measures.ts"
import { pages } from "./pages.ts"
import { persons } from "./persons.ts"
import { planning } from "./planning.ts"
import { quality } from "./quality.ts"
import { review } from "./review.ts"
import { trends } from "./trends.ts"

const core: Catalogue<keyof typeof coreEn> = { en: coreEn, lo: coreLo, loSources: coreSources }
/** Every catalogue by view, core first; add a page's catalogue here. */
const views = { core, pages, trends, planning, review, measures, persons, quality } as const
const parts = Object.values(views)

type KeysOf<C> = C extends Catalogue<infer K> ? K : never
export type MessageKey = KeysOf<(typeof parts)[number]>
export type Messages = { readonly [K in MessageKey]: string }

export type Lang = "en" | "lo"

const merge = <V>(pick: (part: Catalogue<string>) => Readonly<Record<string, V>>) =>
  Object.assign({}, ...parts.map(pick)) as { readonly [K in MessageKey]: V }

export const catalogues: { readonly [L in Lang]: Messages } = {
  en: merge((p) => p.en),
  lo: merge((p) => p.lo),
}
export const loSources: { readonly [K in MessageKey]: Source } = merge<Source>((p) => p.loSources)

/** Keys whose Lao text a translator must check (no sourced translation in the glossary). */
export const needsReview: ReadonlyArray<MessageKey> = (Object.keys(loSources) as Array<MessageKey>).filter(
  (key) => "needsReview" in loSources[key],
)

/** The unsourced Lao strings by view, for the translators' list (`check:i18n`). */
export const needsReviewByView: ReadonlyArray<{
  readonly view: string
  readonly keys: ReadonlyArray<string>
}> = Object.entries(views).map(([view, part]) => ({
  view,
  keys: Object.keys(part.loSources).filter((key) => "needsReview" in part.loSources[key as never]),
}))

/** Shown after a string whose Lao is not sourced yet: the UI shows the English, never a guess. */
export const REVIEW_MARK = "*"

/**
 * What the UI shows: English; in Lao, the sourced Lao, or for a string still awaiting a translator
 * the English text with the review mark (the draft stays in the catalogue for the translator).
 */
export const shown: { readonly [L in Lang]: Messages } = {
  en: catalogues.en,
  lo: Object.fromEntries(
    (Object.keys(catalogues.en) as Array<MessageKey>).map((key) => [
      key,
      "needsReview" in loSources[key] ? `${catalogues.en[key]} ${REVIEW_MARK}` : catalogues.lo[key],
    ]),
  ) as Messages,
}

export type T = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string

export const translator =
  (lang: Lang): T =>
  (key, params) => {
    const text = shown[lang][key]
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text
  }

/** Every key present and non-empty in every language; returns the problems found. */
export const missingTranslations = (
  cats: Readonly<Record<string, Readonly<Record<string, string>>>> = catalogues,
): Array<string> => {
  const keys = new Set(Object.values(cats).flatMap((c) => Object.keys(c)))
  const problems: Array<string> = []
  for (const [lang, cat] of Object.entries(cats)) {
    for (const key of keys) {
      const text = cat[key]
      if (typeof text !== "string" || text.trim() === "") problems.push(`${lang}: missing "${key}"`)
    }
  }
  return problems
}
