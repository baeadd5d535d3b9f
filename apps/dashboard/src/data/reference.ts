/**
 * Everything the dashboard takes from @lao-protect/domain, in one place: vocabularies with their
 * bilingual labels, places with coordinates and population. Labels whose Lao text is empty or
 * flagged `loNeedsReview` are shown in Lao when present, else in English, and marked for translators.
 */
import {
  CaseStage,
  Ethnicity,
  Exploitation,
  IdentificationSetting,
  Person,
  Place,
  VictimGroup,
} from "@lao-protect/domain"
import type { Lang } from "../i18n/index.ts"

export interface LabelLike {
  readonly en: string
  readonly lo: string
  readonly loNeedsReview?: boolean | undefined
}
export interface Vocab {
  readonly codes: ReadonlyArray<string>
  readonly labels: Readonly<Record<string, LabelLike>>
}

const vocabOf = (labels: Readonly<Record<string, LabelLike>>, codes?: ReadonlyArray<string>): Vocab => ({
  codes: codes ?? Object.keys(labels),
  labels,
})

export const vocab = {
  victimGroup: vocabOf(VictimGroup.labels, VictimGroup.codes),
  // published categories: transgender and non-binary persons are grouped (Person.publishedSexOf)
  sex: vocabOf(Person.publishedSexLabels, Person.publishedSexCodes),
  ageBand: vocabOf(Person.ageBandLabels, Person.ageBandCodes),
  ethnicityFamily: vocabOf(Ethnicity.familyLabels),
  ethnicGroup: vocabOf(Ethnicity.groupLabels),
  exploitationForm: vocabOf(Exploitation.formLabels, Exploitation.formCodes),
  stage: vocabOf(CaseStage.labels, CaseStage.codes),
  destination: vocabOf(Place.countryLabels),
  borderPoint: vocabOf(Place.checkpointLabels),
  province: vocabOf(Place.provinceLabels),
  district: vocabOf(Place.districtLabels),
  identificationSetting: vocabOf(IdentificationSetting.labels, IdentificationSetting.codes),
} as const
export type VocabName = keyof typeof vocab

export interface Labelled {
  readonly text: string
  /** True when the Lao label is missing or not yet checked by a translator. */
  readonly needsReview: boolean
}

export const labelOf = (name: VocabName, code: string | null, lang: Lang, unknownText: string): Labelled => {
  if (code === null) return { text: unknownText, needsReview: false }
  const label = vocab[name].labels[code]
  if (!label) return { text: code, needsReview: false }
  if (lang === "en") return { text: label.en, needsReview: false }
  return label.lo.trim() === ""
    ? { text: label.en, needsReview: true }
    : { text: label.lo, needsReview: label.loNeedsReview === true }
}

export interface ProvinceInfo {
  readonly code: string
  readonly lat: number
  readonly lon: number
  readonly population: number
  readonly childPopulation: number
}
export const provinces: ReadonlyArray<ProvinceInfo> = Place.provinces.map((p) => ({
  code: p.code,
  lat: p.centroidLat,
  lon: p.centroidLon,
  population: Place.populationOf(p.code),
  childPopulation: Place.childPopulationOf(p.code),
}))
export const provinceByCode: ReadonlyMap<string, ProvinceInfo> = new Map(provinces.map((p) => [p.code, p]))
export const childPopulationIsEstimate = Place.childPopulationEstimate.isEstimate

export interface CheckpointInfo {
  readonly id: string
  readonly lat: number
  readonly lon: number
  readonly neighbourCountry: string | null
}
export const checkpoints: ReadonlyArray<CheckpointInfo> = Place.checkpoints.map((c) => ({
  id: c.id,
  lat: c.lat,
  lon: c.lon,
  neighbourCountry: c.neighbourCountry,
}))
export const checkpointById: ReadonlyMap<string, CheckpointInfo> = new Map(checkpoints.map((c) => [c.id, c]))

export const districtProvince = (code: string): string | null =>
  Place.districts.find((d) => d.code === code)?.province ?? null

/** District centres (domain reference points), where the map writes district names. */
export const districtCentre: ReadonlyMap<string, readonly [lat: number, lon: number]> = new Map(
  Place.districts.map((d) => [d.code, [d.centroidLat, d.centroidLon] as const]),
)
