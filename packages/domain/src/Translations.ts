/**
 * The translators' catalogue: every bilingual label of the domain as one flat list, so a Lao
 * translator can review the Lao text, fill in what is missing and see where each verified string
 * comes from. Also the project's English-Lao glossary as data.
 *
 * Sources of labels are a plain list (`catalogueSources`): modules outside this file add theirs by
 * passing an extended list, `translatorsCatalogue([...catalogueSources, { concept: "VictimGroup",
 * labels: VictimGroup.labels }])`. No global registry, so the catalogue is the same wherever it is built.
 *
 * This module does not translate anything and never fills a missing Lao label with a guess.
 */
import { type GlossaryRow, glossaryRows } from "./data/glossary.ts"
import * as Ethnicity from "./Ethnicity.ts"
import type { Label } from "./Label.ts"
import * as LegalBasis from "./LegalBasis.ts"
import * as Place from "./Place.ts"

// ---------------------------------------------------------------------------------------------
// Glossary

export type GlossaryEntry = GlossaryRow

/** The project glossary: English term, Lao term (empty when no Lao source was found), sources, confidence. */
export const glossary: ReadonlyArray<GlossaryEntry> = glossaryRows

const simplifyTerm = (en: string): string =>
  en
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .trim()
    .toLowerCase()

const glossaryByEn = new Map<string, GlossaryEntry>()
for (const entry of glossary) glossaryByEn.set(entry.en.toLowerCase(), entry)
for (const entry of glossary) {
  const key = simplifyTerm(entry.en)
  if (!glossaryByEn.has(key)) glossaryByEn.set(key, entry)
}

/**
 * The glossary entry for an English term, matched without regard to case and, failing an exact
 * match, without the bracketed qualifier ("Xayaboury" finds "Xayaboury (province code 08)").
 */
export const glossaryTerm = (en: string): GlossaryEntry | undefined =>
  glossaryByEn.get(en.trim().toLowerCase()) ?? glossaryByEn.get(simplifyTerm(en))

const glossaryLo = new Set(
  glossary.flatMap((g) => g.lo.split("/").map((s) => Place.normalizeName(s))).filter((s) => s !== ""),
)

/** True when `lo` is, after Lao normalisation, a Lao term of the glossary. */
export const isGlossaryLao = (lo: string): boolean => glossaryLo.has(Place.normalizeName(lo))

// ---------------------------------------------------------------------------------------------
// Catalogue

export interface CatalogueSource {
  /** Concept name as in the contracts, e.g. "Province", "EthnicGroup". */
  readonly concept: string
  readonly labels: Readonly<Record<string, Label>>
  /** Where the Lao text of a code comes from (a source key or "glossary"), null when unsourced. */
  readonly sourceOf?: (code: string) => string | null
}

export interface CatalogueRow {
  readonly concept: string
  readonly code: string
  readonly en: string
  readonly lo: string
  readonly needsReview: boolean
  readonly source: string | null
}

const sourceFrom =
  <A>(rows: ReadonlyArray<A>, code: (a: A) => string, source: (a: A) => string | null) =>
  (c: string): string | null => {
    const row = rows.find((a) => code(a) === c)
    return row === undefined ? null : source(row)
  }

/** Label sources of the reference-data modules (Place, Ethnicity, LegalBasis). */
export const catalogueSources: ReadonlyArray<CatalogueSource> = [
  {
    concept: "Province",
    labels: Place.provinceLabels,
    sourceOf: sourceFrom(
      Place.provinces,
      (p) => p.code,
      (p) => p.loSource,
    ),
  },
  {
    concept: "District",
    labels: Place.districtLabels,
    sourceOf: sourceFrom(
      Place.districts,
      (d) => d.code,
      (d) => d.loSource,
    ),
  },
  { concept: "Checkpoint", labels: Place.checkpointLabels },
  {
    concept: "Country",
    labels: Place.countryLabels,
    sourceOf: sourceFrom(
      Place.countries,
      (c) => c.iso3,
      (c) => c.loSource,
    ),
  },
  {
    concept: "EthnicFamily",
    labels: Ethnicity.familyLabels,
    sourceOf: sourceFrom(
      Ethnicity.families,
      (f) => f.code,
      (f) => f.loSource,
    ),
  },
  {
    concept: "EthnicGroup",
    labels: Ethnicity.groupLabels,
    sourceOf: sourceFrom(
      Ethnicity.groups,
      (g) => g.code,
      (g) => g.loSource,
    ),
  },
  {
    concept: "LegalInstrument",
    labels: LegalBasis.instrumentLabels,
    sourceOf: sourceFrom(
      LegalBasis.instruments,
      (i) => i.id,
      (i) => i.loSource,
    ),
  },
  {
    concept: "LegalBasis",
    labels: LegalBasis.legalBasisLabels,
    sourceOf: sourceFrom(
      LegalBasis.articles,
      (a) => a.id,
      (a) => a.loSource,
    ),
  },
]

/**
 * One row per code of every label set in `sources`: English, Lao, whether the Lao text needs a
 * translator's review (flagged, or empty) and where the Lao text comes from. Sorted needs-review
 * first, then by concept and code, so the translator's work list comes first.
 */
export const translatorsCatalogue = (
  sources: ReadonlyArray<CatalogueSource> = catalogueSources,
): ReadonlyArray<CatalogueRow> =>
  sources
    .flatMap((s) =>
      Object.entries(s.labels).map(([code, label]) => {
        const needsReview = label.loNeedsReview === true || label.lo.trim() === ""
        const source = s.sourceOf?.(code) ?? (isGlossaryLao(label.lo) ? "glossary" : null)
        return { concept: s.concept, code, en: label.en, lo: label.lo, needsReview, source }
      }),
    )
    .sort(
      (a, b) =>
        Number(b.needsReview) - Number(a.needsReview) ||
        a.concept.localeCompare(b.concept) ||
        a.code.localeCompare(b.code),
    )
