/**
 * A feature's messages: English, Lao, and for every Lao string where it comes from (a glossary
 * term, or `needsReview` when a translator must check our best attempt). Each page keeps its own
 * catalogue; src/i18n/index.ts merges them and the translators' check covers them all.
 */
export type Source = { readonly glossary: string } | { readonly needsReview: true }
export const review = { needsReview: true } as const

export interface Catalogue<K extends string> {
  readonly en: { readonly [P in K]: string }
  readonly lo: { readonly [P in K]: string }
  readonly loSources: { readonly [P in K]: Source }
}

export const defineCatalogue = <K extends string>(catalogue: Catalogue<K>): Catalogue<K> => catalogue
