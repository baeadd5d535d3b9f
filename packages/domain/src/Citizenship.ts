/**
 * Citizenship of a person: any ISO 3166-1 country (alpha-3, as `Place.CountryCode`), or `stateless`,
 * or `unknown`. Kept apart from `Place.CountryCode` because a destination or transit country is
 * always a country, while a person may have none (a stateless person) or none recorded.
 *
 * The country list is generated from the npm package i18n-iso-countries (see
 * `data/iso-countries.generated.ts`); Lao names exist only where the project glossary has them.
 * ICAO Doc 9303 writes a stateless person as `XXA` and an unspecified nationality as `XXX`:
 * `find` reads both. This module does not decide anyone's nationality.
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { isoCountries } from "./data/iso-countries.generated.ts"
import { review, sourced } from "./internal/label.ts"
import { vocabulary } from "./internal/vocabulary.ts"
import type { Labels } from "./Label.ts"
import * as Place from "./Place.ts"

export const specialCodes = ["stateless", "unknown"] as const
export type SpecialCode = (typeof specialCodes)[number]

export const codes: ReadonlyArray<Place.CountryCode | SpecialCode> = [
  ...Place.CountryCode.literals,
  ...specialCodes,
]

export const Citizenship = /*#__PURE__*/ Schema.Literals([
  ...Place.CountryCode.literals,
  ...specialCodes,
]).annotate({
  title: "Citizenship",
  description:
    "ISO 3166-1 alpha-3 code of the country of citizenship (LAO for Lao citizens), `stateless`, or `unknown` when not recorded",
  examples: ["LAO", "MMR", "stateless"],
})
export type Citizenship = typeof Citizenship.Type

export const specialLabels: Labels<SpecialCode> = {
  stateless: review(
    "Stateless",
    "ບໍ່ມີສັນຊາດ",
    "Not considered a national by any state (1954 Convention relating to the Status of Stateless Persons).",
  ),
  unknown: sourced("Unknown", "no data", "Citizenship not recorded or not known."),
}

export const labels: Labels<Citizenship> = { ...Place.countryLabels, ...specialLabels }

/** The two codes that are not countries, for the translators' catalogue (countries are in `Translations`). */
export const SpecialVocabulary = /*#__PURE__*/ vocabulary("Citizenship", specialCodes, specialLabels)

const specialWords: Readonly<Record<string, SpecialCode>> = {
  stateless: "stateless",
  "stateless person": "stateless",
  xxa: "stateless",
  ບໍ່ມີສັນຊາດ: "stateless",
  unknown: "unknown",
  "not known": "unknown",
  "no data": "unknown",
  xxx: "unknown",
  ບໍ່ມີຂໍ້ມູນ: "unknown",
}

/** Names several ISO countries share ("Congo"): no country's variant, so reported with every candidate. */
const sharedNames: ReadonlyMap<string, ReadonlyArray<string>> = (() => {
  const byName = new Map<string, Array<string>>()
  for (const [iso3, , names] of isoCountries)
    for (const n of names) byName.set(n.toLowerCase(), [...(byName.get(n.toLowerCase()) ?? []), iso3])
  return new Map([...byName].filter(([, codes]) => codes.length > 1))
})()

/** Why a text is not a citizenship: nothing matched, or several countries did (their codes). */
export class CitizenshipNotFound extends /*#__PURE__*/ Schema.TaggedError<CitizenshipNotFound>()(
  "CitizenshipNotFound",
  {
    input: Schema.String,
    candidates: Schema.Array(Schema.String),
  },
) {
  override get message(): string {
    return this.candidates.length === 0
      ? `"${this.input}" is not a country, "stateless" or "unknown"`
      : `"${this.input}" is ambiguous: ${this.candidates.join(", ")}`
  }
}

/**
 * The citizenship a text names: an exact code, "stateless"/"unknown" (and ICAO's XXA/XXX), or any
 * country `Place.findCountry` resolves (alpha-2, name, demonym). Never throws, whatever the input.
 */
export const find = (text: unknown): Result.Result<Citizenship, CitizenshipNotFound> => {
  if (typeof text !== "string")
    return Result.fail(new CitizenshipNotFound({ input: typeOf(text), candidates: [] }))
  const input = text
  const trimmed = text.trim()
  const special = specialWords[trimmed.toLowerCase()]
  if (special !== undefined) return Result.succeed(special)
  const match = Place.findCountry(trimmed)
  switch (match._tag) {
    case "Found":
      return Result.succeed(match.value.iso3)
    case "Ambiguous":
      return Result.fail(new CitizenshipNotFound({ input, candidates: match.candidates.map((c) => c.iso3) }))
    default:
      return Result.fail(
        new CitizenshipNotFound({ input, candidates: sharedNames.get(trimmed.toLowerCase()) ?? [] }),
      )
  }
}

const typeOf = (x: unknown): string => (x === null ? "null" : `(${typeof x})`)

/** A country (not `stateless` or `unknown`). */
export const isCountry = (c: Citizenship): c is Place.CountryCode =>
  !(specialCodes as ReadonlyArray<string>).includes(c)
