/**
 * The person at the centre of a case: sex, age and the CTDC age bands used for publication, and the
 * `Victim` record. Age is either a date of birth (PII, never published) or an age in years at
 * identification; both may be missing, which yields the band `unknown`. This module does not guess
 * an age from appearance or documents.
 */
import * as Schema from "effect/Schema"
import { Citizenship } from "./Citizenship.ts"
import { EthnicGroup } from "./Ethnicity.ts"
import { IsoDate } from "./IsoDate.ts"
import { Pii } from "./internal/annotations.ts"
import { yearsBetween } from "./internal/date.ts"
import { review, sourced } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Labels } from "./Label.ts"

// ---------------------------------------------------------------------------------------------
// Sex
// ---------------------------------------------------------------------------------------------

export const sexCodes = [
  "female",
  "male",
  "transgender_woman",
  "transgender_man",
  "non_binary",
  "unknown",
] as const

export const Sex = /*#__PURE__*/ Schema.Literals(sexCodes).annotate({
  title: "Sex",
  description:
    "Sex or gender as the person states it (transgender women and men keep their own codes); unknown when not recorded",
})
export type Sex = typeof Sex.Type

export const sexLabels: Labels<Sex> = {
  female: sourced("Female", "female", "Female."),
  // The glossary has ຍິງ (female, high) and ເພດຊາຍ (male, medium): one picklist needs one form, so
  // male is ຊາຍ without ເພດ ("sex"), flagged until a translator confirms it.
  male: review("Male", "ຊາຍ", "Male."),
  transgender_woman: review(
    "Transgender woman",
    "ແມ່ຍິງຂ້າມເພດ",
    "A woman who was assigned male at birth, as she states it (HTCDS TransgenderFeminine).",
  ),
  transgender_man: review(
    "Transgender man",
    "ຜູ້ຊາຍຂ້າມເພດ",
    "A man who was assigned female at birth, as he states it (HTCDS TransgenderMasculine).",
  ),
  non_binary: review(
    "Non-binary or other",
    "ບໍ່ແມ່ນທັງຍິງ ແລະ ຊາຍ",
    "Neither female nor male, or another gender, as the person states it.",
  ),
  unknown: sourced("Unknown", "no data", "Not recorded or the person did not say."),
}

/**
 * The CTDC / HTCDS `gender` value each code maps to when exchanging with the Counter Trafficking
 * Data Collaborative. CTDC publishes Female, Male and Trans/Transgender/NonConforming and leaves
 * unknown gender empty (check the current CTDC codebook before an exchange).
 */
export const sexToCtdc: { readonly [K in Sex]: string | null } = {
  female: "Female",
  male: "Male",
  transgender_woman: "Trans/Transgender/NonConforming",
  transgender_man: "Trans/Transgender/NonConforming",
  non_binary: "Trans/Transgender/NonConforming",
  unknown: null,
}

export const SexVocabulary = /*#__PURE__*/ vocabulary("Sex", sexCodes, sexLabels)

/**
 * The sex categories of published tables. Transgender women, transgender men and non-binary persons
 * are few in any year and province: published one by one, a cell of one or two would point at a
 * person. They are published together as `transgender_non_binary`, a cell the publication's
 * threshold suppresses like any other; the warehouse keeps each code.
 */
export const publishedSexCodes = ["female", "male", "transgender_non_binary", "unknown"] as const

export const PublishedSex = /*#__PURE__*/ Schema.Literals(publishedSexCodes).annotate({
  title: "Published sex",
  description: "Sex as published: female, male, transgender or non-binary (grouped), unknown",
})
export type PublishedSex = typeof PublishedSex.Type

export const publishedSexOf: { readonly [K in Sex]: PublishedSex } = {
  female: "female",
  male: "male",
  transgender_woman: "transgender_non_binary",
  transgender_man: "transgender_non_binary",
  non_binary: "transgender_non_binary",
  unknown: "unknown",
}

export const publishedSexLabels: Labels<PublishedSex> = {
  female: sexLabels.female,
  male: sexLabels.male,
  transgender_non_binary: review(
    "Transgender or non-binary",
    "ຄົນຂ້າມເພດ ຫຼື ບໍ່ແມ່ນທັງຍິງ ແລະ ຊາຍ",
    "Transgender women, transgender men and non-binary persons, published together so that no small group is exposed.",
  ),
  unknown: sexLabels.unknown,
}

export const PublishedSexVocabulary = /*#__PURE__*/ vocabulary(
  "PublishedSex",
  publishedSexCodes,
  publishedSexLabels,
)

// ---------------------------------------------------------------------------------------------
// Age bands (CTDC `ageBroad`)
// ---------------------------------------------------------------------------------------------

export const ageBandCodes = [
  "0-8",
  "9-17",
  "18-20",
  "21-23",
  "24-26",
  "27-29",
  "30-38",
  "39-47",
  "48+",
  "unknown",
] as const

export const AgeBand = /*#__PURE__*/ Schema.Literals(ageBandCodes).annotate({
  title: "Age band",
  description: "CTDC age band (ageBroad) at identification",
})
export type AgeBand = typeof AgeBand.Type

const band = (from: number, to: number | undefined): AgeBand =>
  (to === undefined ? `${from}+` : `${from}-${to}`) as AgeBand

const bandLabel = (code: AgeBand): ReturnType<typeof review> => {
  const [from, to] = code.split("-")
  return code.endsWith("+")
    ? review(
        `${from} years and over`,
        `${code.slice(0, -1)} ປີ ແລະ ຫຼາຍກວ່າ`,
        `Aged ${code.slice(0, -1)} or older.`,
      )
    : review(`${from} to ${to} years`, `${from}-${to} ປີ`, `Aged ${from} to ${to} (inclusive).`)
}

export const ageBandLabels: Labels<AgeBand> = {
  "0-8": bandLabel("0-8"),
  "9-17": bandLabel("9-17"),
  "18-20": bandLabel("18-20"),
  "21-23": bandLabel("21-23"),
  "24-26": bandLabel("24-26"),
  "27-29": bandLabel("27-29"),
  "30-38": bandLabel("30-38"),
  "39-47": bandLabel("39-47"),
  "48+": bandLabel("48+"),
  unknown: sourced("Unknown", "no data", "Neither a date of birth nor an age was recorded."),
}

export const AgeBandVocabulary = /*#__PURE__*/ vocabulary("AgeBand", ageBandCodes, ageBandLabels)

const bandEdges: ReadonlyArray<readonly [number, AgeBand]> = [
  [9, band(0, 8)],
  [18, band(9, 17)],
  [21, band(18, 20)],
  [24, band(21, 23)],
  [27, band(24, 26)],
  [30, band(27, 29)],
  [39, band(30, 38)],
  [48, band(39, 47)],
]

/** The CTDC band of an age in whole years; `unknown` when the age is not known. */
export const ageBandOf = (ageYears: number | undefined): AgeBand => {
  if (ageYears === undefined || !Number.isFinite(ageYears) || ageYears < 0) return "unknown"
  for (const [below, code] of bandEdges) if (ageYears < below) return code
  return "48+"
}

/** Age of majority in Lao law (Women Law 2004 Art. 24, Penal Law 2005 Art. 134: a child is under 18). */
export const ADULT_AGE = 18

// ---------------------------------------------------------------------------------------------
// Victim
// ---------------------------------------------------------------------------------------------

export const AgeYears = /*#__PURE__*/ Schema.Number.check(
  /*#__PURE__*/ Schema.isInt(),
  /*#__PURE__*/ Schema.isBetween({ minimum: 0, maximum: 120 }),
).annotate({
  title: "Age in years",
  description: "Age in whole years at identification",
})

export class Victim extends /*#__PURE__*/ Schema.Class<Victim>("Victim")({
  sex: Sex,
  dateOfBirth: /*#__PURE__*/ Schema.optionalKey(
    /*#__PURE__*/ IsoDate.annotate({ [Pii]: true, description: "Date of birth (PII)" }),
  ),
  ageYears: /*#__PURE__*/ Schema.optionalKey(AgeYears),
  citizenship: Citizenship,
  ethnicity: /*#__PURE__*/ Schema.optionalKey(EthnicGroup),
  firstLanguage: /*#__PURE__*/ Schema.optionalKey(
    /*#__PURE__*/ Schema.String.annotate({ description: "First language, free text" }),
  ),
  name: /*#__PURE__*/ Schema.optionalKey(
    /*#__PURE__*/ Schema.String.annotate({ [Pii]: true, description: "Name of the victim (PII)" }),
  ),
  phone: /*#__PURE__*/ Schema.optionalKey(
    /*#__PURE__*/ Schema.String.annotate({ [Pii]: true, description: "Phone number (PII)" }),
  ),
  village: /*#__PURE__*/ Schema.optionalKey(
    /*#__PURE__*/ Schema.String.annotate({ [Pii]: true, description: "Home village (PII)" }),
  ),
}) {}

/**
 * Age in whole years on `date`: from the date of birth when known, otherwise the recorded age at
 * identification (the caller passes the identification date for `date` in that case).
 */
export const ageAt = (
  person: { readonly dateOfBirth?: string | undefined; readonly ageYears?: number | undefined },
  date: string,
): number | undefined =>
  person.dateOfBirth !== undefined ? yearsBetween(person.dateOfBirth, date) : person.ageYears

/**
 * Under 18 at identification (`date`), with the presumption of childhood: `true` when the date of
 * birth or the recorded age says so (when they disagree, the person is treated as a child, see
 * `ageDisputed`); `undefined` when neither is known (the safeguards then presume a child too, see
 * `presumedChild`); `false` only when what is known says 18 or over.
 */
export const isChild = (
  person: { readonly dateOfBirth?: string | undefined; readonly ageYears?: number | undefined },
  date: string,
): boolean | undefined => {
  const fromDob = person.dateOfBirth === undefined ? undefined : yearsBetween(person.dateOfBirth, date)
  if (fromDob === undefined && person.ageYears === undefined) return undefined
  return (
    (fromDob !== undefined && fromDob < ADULT_AGE) ||
    (person.ageYears !== undefined && person.ageYears < ADULT_AGE)
  )
}

/**
 * The presumption of childhood (National Victim Protection Guideline, general principles; the
 * seed's "age determination" challenge): a person is protected as a child unless what is known of
 * their age says 18 or over.
 */
export const presumedChild = (
  person: { readonly dateOfBirth?: string | undefined; readonly ageYears?: number | undefined },
  date: string,
): boolean => isChild(person, date) !== false

/**
 * The recorded age and the date of birth disagree on whether the person was under 18 at
 * identification (`date`). Not an error: the person is treated as a child, and the disagreement is
 * reported (import warning, red flag) so someone checks it.
 */
export const ageDisputed = (
  person: { readonly dateOfBirth?: string | undefined; readonly ageYears?: number | undefined },
  date: string,
): boolean =>
  person.dateOfBirth !== undefined &&
  person.ageYears !== undefined &&
  yearsBetween(person.dateOfBirth, date) < ADULT_AGE !== person.ageYears < ADULT_AGE
