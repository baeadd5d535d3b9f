/** The messages catalogue: one key set, English and Lao, and a tiny interpolating lookup. */
import { en, type MessageKey, type Messages } from "./en.ts"
import { lo, needsReview } from "./lo.ts"

export type Lang = "en" | "lo"
export type { MessageKey, Messages }
export const LANGS: ReadonlyArray<Lang> = ["en", "lo"]
export const catalogues: { readonly [L in Lang]: Messages } = { en, lo }
export { needsReview }

export type T = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string

export const translator =
  (lang: Lang): T =>
  (key, params) => {
    const text = catalogues[lang][key]
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
