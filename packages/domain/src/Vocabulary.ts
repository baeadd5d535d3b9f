/**
 * Every closed set of codes this package defines for cases (victim groups, stages, sex, age bands,
 * exploitation, perpetrators, services, partners, consent) and the CaseRow column headers, as
 * translators' catalogue sources. `catalogue()` is the full catalogue: the reference-data sources of
 * `Translations` plus these. Lao labels flagged `loNeedsReview` show up there as needing review.
 */
import * as CaseRow from "./CaseRow.ts"
import * as CaseStage from "./CaseStage.ts"
import * as Citizenship from "./Citizenship.ts"
import * as Consent from "./Consent.ts"
import * as Exploitation from "./Exploitation.ts"
import * as ExploitationLength from "./ExploitationLength.ts"
import * as IdentificationSetting from "./IdentificationSetting.ts"
import { sourcedLao } from "./internal/glossary.ts"
import type { Vocabulary } from "./internal/vocabulary.ts"
import type { Label } from "./Label.ts"
import * as Partner from "./Partner.ts"
import * as Perpetrator from "./Perpetrator.ts"
import * as Person from "./Person.ts"
import * as Recruitment from "./Recruitment.ts"
import * as Service from "./Service.ts"
import * as TraffickingStatus from "./TraffickingStatus.ts"
import * as Translations from "./Translations.ts"
import * as VictimGroup from "./VictimGroup.ts"

export type { Vocabulary }

export const vocabularies: ReadonlyArray<Vocabulary> = [
  VictimGroup.Vocabulary,
  CaseStage.Vocabulary,
  Person.SexVocabulary,
  Person.AgeBandVocabulary,
  Exploitation.FormVocabulary,
  Exploitation.IndustryVocabulary,
  Exploitation.MeansVocabulary,
  Perpetrator.Vocabulary,
  Service.Vocabulary,
  Partner.Vocabulary,
  Consent.Vocabulary,
  IdentificationSetting.Vocabulary,
  TraffickingStatus.Vocabulary,
  Recruitment.MethodVocabulary,
  Recruitment.RelationshipVocabulary,
  ExploitationLength.BandVocabulary,
  Person.PublishedSexVocabulary,
  // stateless and unknown only: the countries are in Translations' catalogue sources
  Citizenship.SpecialVocabulary,
]

const columnLabels: Readonly<Record<string, Label>> = Object.fromEntries(
  CaseRow.caseRowColumns.map((c) => [c.column, { ...c.label, description: c.description }]),
)

const glossarySource = (labels: Readonly<Record<string, Label>>) => (code: string) => {
  const label = labels[code]
  return label !== undefined && label.loNeedsReview !== true && sourcedLao.has(label.lo) ? "glossary" : null
}

/** Catalogue sources for this package's vocabularies and the CaseRow column headers. */
export const catalogueSources: ReadonlyArray<Translations.CatalogueSource> = [
  ...vocabularies.map((v) => ({ concept: v.name, labels: v.labels, sourceOf: glossarySource(v.labels) })),
  { concept: "CaseRowColumn", labels: columnLabels, sourceOf: glossarySource(columnLabels) },
]

/** The whole translators' catalogue: reference data plus case vocabularies. */
export const catalogue = (): ReadonlyArray<Translations.CatalogueRow> =>
  Translations.translatorsCatalogue([...Translations.catalogueSources, ...catalogueSources])
