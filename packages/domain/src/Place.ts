/**
 * Places: the 18 provinces, 148 districts and 33 international border checkpoints of Lao PDR, and
 * the countries trafficking flows pass through, with codes, bilingual names, coordinates and 2015
 * census population, and lookups that resolve the many spellings met in case files.
 *
 * Data lives in `data/*.ts` (project-owned, works in Node and the browser); see each file's header
 * for sources and the notes on uncertain P-codes and coordinates, kept as fields
 * (`pcodeStatus`, `coordPrecision`, `sourceKey`).
 *
 * Population: provinces only (2015 census). The sources have no district population, so none is
 * exported. The child (under-18) population is an ESTIMATE from a national share, see
 * `childPopulationEstimate`.
 *
 * This module does not draw maps or hold boundaries (those are build-time assets elsewhere) and does
 * not guess: a name that matches districts in several provinces comes back `Ambiguous`.
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { type CheckpointRow, checkpointRows } from "./data/checkpoints.ts"
import { type CountryRow, countryRows } from "./data/countries.ts"
import { type DistrictRow, districtRows } from "./data/districts.ts"
import { isoCountries } from "./data/iso-countries.generated.ts"
import { type ProvinceRow, provinceRows } from "./data/provinces.ts"
import type { Label, Labels } from "./Label.ts"

// ---------------------------------------------------------------------------------------------
// Codes

type RowCode<Rows extends ReadonlyArray<unknown>, K extends keyof Rows[number]> = Rows[number][K]

const provinceCodeList = provinceRows.map((p) => p.code) as ReadonlyArray<
  RowCode<typeof provinceRows, "code">
>
const districtCodeList = districtRows.map((d) => d.code) as ReadonlyArray<
  RowCode<typeof districtRows, "code">
>
const checkpointIdList = checkpointRows.map((c) => c.id) as ReadonlyArray<
  RowCode<typeof checkpointRows, "id">
>
const curatedIso3 = new Set<string>(countryRows.map((c) => c.iso3))
const curatedNames = new Set<string>(
  countryRows.flatMap((c) => [c.nameEn, ...c.variants].map((n) => n.toLowerCase())),
)
const isoNameCount = new Map<string, number>()
for (const [, , names] of isoCountries)
  for (const n of names) isoNameCount.set(n.toLowerCase(), (isoNameCount.get(n.toLowerCase()) ?? 0) + 1)
/** The curated rows (variants, Lao names, neighbours), then every other ISO 3166-1 country. */
const allCountryRows: ReadonlyArray<CountryRow> = [
  ...countryRows,
  ...isoCountries
    .filter(([iso3]) => !curatedIso3.has(iso3))
    .map(
      ([iso3, iso2, [nameEn, ...variants]]): CountryRow => ({
        iso3,
        iso2,
        nameEn: nameEn!,
        // a curated name ("Korea") keeps meaning the curated country; a name two countries share
        // ("Congo") is no variant of either
        variants: variants.filter(
          (v) => !curatedNames.has(v.toLowerCase()) && isoNameCount.get(v.toLowerCase()) === 1,
        ),
        nameLo: "",
        loSource: null,
        neighbour: false,
      }),
    ),
]
const countryCodeList = allCountryRows.map((c) => c.iso3) as ReadonlyArray<
  RowCode<typeof countryRows, "iso3"> | (typeof isoCountries)[number][0]
>

export const ProvinceCode = /*#__PURE__*/ Schema.Literals(provinceCodeList).annotate({
  title: "ProvinceCode",
  description:
    "HDX/Lao Statistics Bureau P-code of a province (adm1), LA01 (Vientiane Capital) to LA18 (Xaisomboun).",
  examples: ["LA01", "LA08"],
})
export type ProvinceCode = typeof ProvinceCode.Type

export const DistrictCode = /*#__PURE__*/ Schema.Literals(districtCodeList).annotate({
  title: "DistrictCode",
  description:
    "P-code of one of the 148 districts (adm2): LA + 2-digit province + 2-digit district (NSO code). 77 codes are derived from NSO codes rather than read from HDX, see pcodeStatus.",
  examples: ["LA0101", "LA1301"],
})
export type DistrictCode = typeof DistrictCode.Type

export const CheckpointId = /*#__PURE__*/ Schema.Literals(checkpointIdList).annotate({
  title: "CheckpointId",
  description:
    "Id of an international border checkpoint from the project list: T (Thailand), V (Viet Nam), C (China), M (Myanmar), K (Cambodia), A (airport), R (railway terminal).",
  examples: ["T1", "C1", "V9"],
})
export type CheckpointId = typeof CheckpointId.Type

export const CountryCode = /*#__PURE__*/ Schema.Literals(countryCodeList).annotate({
  title: "CountryCode",
  description:
    "ISO 3166-1 alpha-3 code of a country of citizenship, transit or destination (LAO for internal trafficking); every ISO 3166-1 country.",
  examples: ["THA", "CHN", "LAO"],
})
export type CountryCode = typeof CountryCode.Type

// ---------------------------------------------------------------------------------------------
// Records

export interface Province extends Omit<ProvinceRow, "code"> {
  readonly code: ProvinceCode
}
export interface District extends Omit<DistrictRow, "code" | "province"> {
  readonly code: DistrictCode
  readonly province: ProvinceCode
}
export interface Checkpoint extends Omit<CheckpointRow, "id" | "province" | "district" | "neighbourCountry"> {
  readonly id: CheckpointId
  readonly province: ProvinceCode
  readonly district: DistrictCode
  readonly neighbourCountry: CountryCode | null
}
export interface Country extends Omit<CountryRow, "iso3"> {
  readonly iso3: CountryCode
}

export const provinces: ReadonlyArray<Province> = provinceRows
export const districts: ReadonlyArray<District> = districtRows
export const checkpoints: ReadonlyArray<Checkpoint> = checkpointRows
export const countries: ReadonlyArray<Country> = allCountryRows as ReadonlyArray<Country>

const byKey = <A, K extends string>(rows: ReadonlyArray<A>, key: (a: A) => K): ReadonlyMap<K, A> =>
  new Map(rows.map((a) => [key(a), a]))

const provinceByCode = byKey(provinces, (p) => p.code)
const districtByCode = byKey(districts, (d) => d.code)
const checkpointById = byKey(checkpoints, (c) => c.id)
const countryByCode = byKey(countries, (c) => c.iso3)

export const province = (code: ProvinceCode): Province => provinceByCode.get(code)!
export const district = (code: DistrictCode): District => districtByCode.get(code)!
export const checkpoint = (id: CheckpointId): Checkpoint => checkpointById.get(id)!
export const country = (code: CountryCode): Country => countryByCode.get(code)!

export const provinceOfDistrict = (code: DistrictCode): ProvinceCode => district(code).province

/** A code given as unchecked input (a CSV cell, a form answer) that names no place of its kind. */
export class UnknownPlaceCode extends /*#__PURE__*/ Schema.TaggedError<UnknownPlaceCode>()(
  "UnknownPlaceCode",
  {
    kind: Schema.Literals(["province", "district", "checkpoint", "country"]),
    code: Schema.String,
  },
) {
  override get message(): string {
    return `${JSON.stringify(this.code)} is not a known ${this.kind} code`
  }
}

const byCodeResult =
  <A>(kind: UnknownPlaceCode["kind"], map: ReadonlyMap<string, A>) =>
  (code: unknown): Result.Result<A, UnknownPlaceCode> => {
    const found = typeof code === "string" ? map.get(code) : undefined
    return found === undefined
      ? Result.fail(new UnknownPlaceCode({ kind, code: typeof code === "string" ? code : String(code) }))
      : Result.succeed(found)
  }

/** The province of an unchecked code, or `UnknownPlaceCode`. Never throws. */
export const provinceResult = /*#__PURE__*/ byCodeResult<Province>("province", provinceByCode)
/** The district of an unchecked code, or `UnknownPlaceCode`. Never throws. */
export const districtResult = /*#__PURE__*/ byCodeResult<District>("district", districtByCode)
/** The checkpoint of an unchecked id, or `UnknownPlaceCode`. Never throws. */
export const checkpointResult = /*#__PURE__*/ byCodeResult<Checkpoint>("checkpoint", checkpointById)
/** The country of an unchecked ISO alpha-3 code, or `UnknownPlaceCode`. Never throws. */
export const countryResult = /*#__PURE__*/ byCodeResult<Country>("country", countryByCode)
export const districtsOf = (code: ProvinceCode): ReadonlyArray<District> =>
  districts.filter((d) => d.province === code)

// ---------------------------------------------------------------------------------------------
// Population

/** Total of the 2015 Population and Housing Census (1 March 2015), the sum of the 18 provinces. */
export const nationalPopulation2015 = 6_492_228

export const populationSource =
  "2015 Population and Housing Census (Lao Statistics Bureau), by province, as published in Wikipedia 'Provinces of Laos' (facts sheet S-WPROV). Vientiane Capital is sometimes given as 820,924."

/** Province population at the 2015 census: the denominator for rates per 100,000 population. */
export const populationOf = (code: ProvinceCode): number => province(code).population2015

/**
 * ESTIMATE, not a census figure. The team's sources give no under-18 population, nationally or by
 * province, so the child population is the 2015 province population times one national share.
 */
export const childPopulationEstimate = {
  isEstimate: true,
  under18Share: 0.39,
  basis:
    "Assumed national share of under-18s in 2015: about 32-34% aged 0-14 (UN World Population Prospects: 34.5% in 2010, about 31% in 2022) plus three single-year cohorts aged 15-17 at about 2.2% each; consistent with 60% of the population under 25 at the 2015 census (Lao Statistics Bureau via Xinhua, 2019-12-11). Applied uniformly to every province, although upland rural provinces are younger than Vientiane Capital, so child rates are understated there and overstated in the capital.",
  replaceWith:
    "Lao Statistics Bureau 2015 census tables by age and province (the HDX dataset 'lao-pdr-population-statistics' has adm1/adm2 age tables, themselves estimated from 2005 age ratios).",
} as const

/** Estimated under-18 population of a province (rounded): the denominator for rates per 100,000 children. */
export const childPopulationOf = (
  code: ProvinceCode,
  under18Share: number = childPopulationEstimate.under18Share,
) => Math.round(populationOf(code) * under18Share)

// ---------------------------------------------------------------------------------------------
// Name normalisation

const LATIN_MARKS = /[\u0300-\u036f]/g
const SEPARATORS = /[\s\-_.,;:'’‘"`/()[\]&+]+/u
const LAO_AFFIXES = ["ແຂວງ", "ເມືອງ"]
const LEADING_AFFIXES = new Set(["muang", "mueang", "meuang", "khoueng", "khwaeng", "kwaeng"])
const ANYWHERE_AFFIXES = new Set(["province", "prov", "district", "dist"])
const TRAILING_GLUED = ["province", "district"]

/**
 * Splits text into normalised words: Unicode compatibility decomposition (so ຳ U+0EB3 and
 * ໍ+າ U+0ECD U+0EB2 agree, and ໝ / ໜ become ຫມ / ຫນ), ຼ (U+0EBC) spelled ລ (ຫຼ = ຫລ), Latin
 * diacritics removed (Phôngsali = Phongsali), lower case, punctuation and hyphens as separators,
 * zero-width spaces dropped.
 */
const words = (text: string): Array<string> =>
  text
    .normalize("NFKD")
    .replace(LATIN_MARKS, "")
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, "")
    .replace(/\u0ebc/g, "\u0ea5")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .split(SEPARATORS)
    .filter((w) => w.length > 0)

/**
 * The matching key of a name: case, diacritics, spaces, hyphens and punctuation do not matter, and
 * Lao script is brought to one spelling. "Luang Namtha", "luang-namtha" and "LUANGNAMTHA" give the
 * same key. Lookups in this package compare keys, never raw text.
 */
export const normalizeName = (text: string): string => words(text).join("")

const laoAffixKeys = LAO_AFFIXES.map(normalizeName)

/** Key of a place name without the "Province"/"Khoueng"/"Muang"/"District" (ແຂວງ/ເມືອງ) affixes. */
const placeKey = (text: string): string => {
  const ws = words(text)
  const start = ws.findIndex((w) => !LEADING_AFFIXES.has(w))
  const kept = ws.slice(Math.max(start, 0)).filter((w) => !ANYWHERE_AFFIXES.has(w))
  let key = (kept.length > 0 ? kept : ws).join("")
  for (const affix of [...laoAffixKeys, ...laoAffixKeys]) {
    if (key.startsWith(affix) && key.length > affix.length) key = key.slice(affix.length)
  }
  for (const affix of TRAILING_GLUED) {
    if (key.endsWith(affix) && key.length > affix.length) key = key.slice(0, -affix.length)
  }
  return key
}

/**
 * A looser key for romanisations not listed as variants: x/s, y/i, r/l, ou/oo/u, ph/p, th/t, kh/k,
 * doubled letters and a final e are not distinguished. Used only when the exact key finds nothing,
 * and only a unique hit is accepted.
 */
const looseKey = (key: string): string =>
  key
    .replace(/ck/g, "k")
    .replace(/([ptk])h/g, "$1")
    .replace(/x/g, "s")
    .replace(/ou|oo/g, "u")
    .replace(/y/g, "i")
    .replace(/r/g, "l")
    .replace(/(.)\1+/g, "$1")
    .replace(/e$/, "")

// ---------------------------------------------------------------------------------------------
// Lookups

/** Result of a lookup: one record, several equally good candidates, or nothing. */
export type Match<A> =
  | { readonly _tag: "Found"; readonly value: A; readonly by: "code" | "name" | "loose" }
  | {
      readonly _tag: "Ambiguous"
      readonly input: string
      readonly candidates: ReadonlyArray<A>
      /**
       * `several`: the name belongs to several places; `loose`: no exact name matched, only a loose
       * spelling (x/s, r/l, ...), so the candidates are offered instead of picking one.
       */
      readonly why: "several" | "loose"
    }
  | { readonly _tag: "NotFound"; readonly input: string; readonly outsideHint?: ReadonlyArray<A> }

interface Index<A> {
  /** Whole names (affixes kept): "Vientiane Province" is the province even though "Vientiane" is ambiguous. */
  readonly full: ReadonlyMap<string, ReadonlyArray<A>>
  readonly exact: ReadonlyMap<string, ReadonlyArray<A>>
  readonly loose: ReadonlyMap<string, ReadonlyArray<A>>
}

const buildIndex = <A>(rows: ReadonlyArray<A>, names: (a: A) => ReadonlyArray<string>): Index<A> => {
  const full = new Map<string, Array<A>>()
  const exact = new Map<string, Array<A>>()
  const loose = new Map<string, Array<A>>()
  const add = (map: Map<string, Array<A>>, key: string, a: A) => {
    if (key === "") return
    const list = map.get(key)
    if (list === undefined) map.set(key, [a])
    else if (!list.includes(a)) list.push(a)
  }
  for (const a of rows) {
    for (const name of names(a)) {
      const key = placeKey(name)
      add(full, normalizeName(name), a)
      add(exact, key, a)
      add(loose, looseKey(key), a)
    }
  }
  return { full, exact, loose }
}

const lookup = <A>(
  index: Index<A>,
  input: string,
  keep: (a: A) => boolean = () => true,
): { readonly hits: ReadonlyArray<A>; readonly by: "name" | "loose"; readonly outside: ReadonlyArray<A> } => {
  const whole = (index.full.get(normalizeName(input)) ?? []).filter(keep)
  if (whole.length === 1) return { hits: whole, by: "name", outside: [] }
  const key = placeKey(input)
  const exact = index.exact.get(key) ?? []
  const all = exact.length > 0 ? exact : (index.loose.get(looseKey(key)) ?? [])
  return {
    hits: all.filter(keep),
    by: exact.length > 0 ? "name" : "loose",
    outside: all.filter((a) => !keep(a)),
  }
}

const toMatch = <A>(
  input: string,
  found: {
    readonly hits: ReadonlyArray<A>
    readonly by: "name" | "loose"
    readonly outside: ReadonlyArray<A>
  },
): Match<A> => {
  const [first, ...rest] = found.hits
  if (first === undefined) {
    return found.outside.length > 0
      ? { _tag: "NotFound", input, outsideHint: found.outside }
      : { _tag: "NotFound", input }
  }
  if (rest.length > 0 || found.by === "loose")
    return {
      _tag: "Ambiguous",
      input,
      candidates: found.hits,
      why: found.by === "loose" ? "loose" : "several",
    }
  return { _tag: "Found", value: first, by: found.by }
}

const provinceIndex = buildIndex(provinces, (p) => [p.nameEn, p.nameLo, ...p.variants])
const provinceCodeKeys = new Map<string, Province>(
  provinces.flatMap((p): Array<[string, Province]> => {
    const iso = [p.iso3166_2, ...(p.legacyIso3166_2 === undefined ? [] : [p.legacyIso3166_2])]
    return [
      [p.code.toLowerCase(), p],
      ...iso.map((c): [string, Province] => [normalizeName(c), p]),
      ...iso.map((c): [string, Province] => [normalizeName(c.slice(3)), p]),
    ]
  }),
)

/**
 * Finds a province by P-code (LA08, 08, 8), ISO 3166-2 code (LA-XA, XA; LA-XN for Xaisomboun),
 * English name or any spelling variant, or Lao name, ignoring case, diacritics, spaces, hyphens and
 * "Province"/"Khoueng"/ແຂວງ.
 */
export const findProvince = (text: string): Match<Province> => {
  if (typeof text !== "string") return { _tag: "NotFound", input: String(text) }
  const trimmed = text.trim()
  const digits = /^\d{1,2}$/.test(trimmed)
    ? provinceByCode.get(`LA${trimmed.padStart(2, "0")}` as ProvinceCode)
    : undefined
  const byCode = digits ?? provinceCodeKeys.get(normalizeName(trimmed))
  if (byCode !== undefined) return { _tag: "Found", value: byCode, by: "code" }
  return toMatch(text, lookup(provinceIndex, trimmed))
}

const districtIndex = buildIndex(districts, (d) => [d.nameEn, d.nameLo, ...d.variants])

/**
 * Finds a district by P-code (LA0804, 0804), English name or spelling variant, or Lao name.
 * District names repeat across provinces (Phonthong, Xaysetha, Viengkham): without a hint such a
 * name is `Ambiguous` with every candidate; `provinceHint` (a code or any province name) narrows it.
 * When the name exists only outside the hinted province the result is `NotFound` with `outsideHint`.
 */
export const findDistrict = (text: string, provinceHint?: ProvinceCode | string): Match<District> => {
  if (typeof text !== "string") return { _tag: "NotFound", input: String(text) }
  const trimmed = text.trim()
  const code = /^\d{4}$/.test(trimmed) ? `LA${trimmed}` : trimmed.toUpperCase()
  const byCode = districtByCode.get(code as DistrictCode)
  if (byCode !== undefined) return { _tag: "Found", value: byCode, by: "code" }
  const hint = typeof provinceHint !== "string" ? undefined : findProvince(provinceHint)
  const inProvince = hint?._tag === "Found" ? hint.value.code : undefined
  return toMatch(
    text,
    lookup(districtIndex, trimmed, (d) => inProvince === undefined || d.province === inProvince),
  )
}

const checkpointIndex = buildIndex(checkpoints, (c) => [c.name, ...c.aliases])
const checkpointCounterpartIndex = buildIndex(checkpoints, (c) =>
  c.counterpart === null ? [] : c.counterpart.split(/[/()]/).map((s) => s.trim()),
)

/**
 * Finds a checkpoint by id (T1, c1), Lao-side name or alias ("Thanaleng", "Boten", "Dansavanh"),
 * or, failing that, the name of the post across the border ("Nong Khai", "Lao Bao").
 */
export const findCheckpoint = (text: string): Match<Checkpoint> => {
  if (typeof text !== "string") return { _tag: "NotFound", input: String(text) }
  const trimmed = text.trim()
  const byId = checkpointById.get(trimmed.toUpperCase() as CheckpointId)
  if (byId !== undefined) return { _tag: "Found", value: byId, by: "code" }
  const own = toMatch(text, lookup(checkpointIndex, trimmed))
  return own._tag === "NotFound" ? toMatch(text, lookup(checkpointCounterpartIndex, trimmed)) : own
}

const countryIndex = buildIndex(countries, (c) => [
  c.nameEn,
  ...c.variants,
  ...(c.nameLo === "" ? [] : [c.nameLo]),
])
const countryCodeKeys = new Map<string, Country>(
  countries.flatMap(
    (c): Array<[string, Country]> => [
      [c.iso3.toLowerCase(), c],
      [c.iso2.toLowerCase(), c],
    ],
  ),
)

/** Finds a country by ISO alpha-3 or alpha-2 code, English name, variant or demonym ("PRC", "Thai"), or Lao name. */
export const findCountry = (text: string): Match<Country> => {
  if (typeof text !== "string") return { _tag: "NotFound", input: String(text) }
  const trimmed = text.trim()
  const byCode = /^[a-z]{2,3}$/i.test(trimmed) ? countryCodeKeys.get(trimmed.toLowerCase()) : undefined
  if (byCode !== undefined) return { _tag: "Found", value: byCode, by: "code" }
  return toMatch(text, lookup(countryIndex, trimmed))
}

// ---------------------------------------------------------------------------------------------
// Labels (for forms, the dashboard and the translators' catalogue)

const labelsOf = <A, C extends string>(rows: ReadonlyArray<A>, code: (a: A) => C, label: (a: A) => Label) =>
  Object.fromEntries(rows.map((a) => [code(a), label(a)])) as Labels<C>

const lo = (nameLo: string, needsReview: boolean): Pick<Label, "lo" | "loNeedsReview"> =>
  needsReview || nameLo === "" ? { lo: nameLo, loNeedsReview: true } : { lo: nameLo }

export const provinceLabels: Labels<ProvinceCode> = labelsOf(
  provinces,
  (p) => p.code,
  (p) => ({
    en: p.nameEn,
    ...lo(p.nameLo, false),
    description: `Province ${p.code} (ISO ${p.iso3166_2}), capital ${p.capital}; ${p.districtCount} districts.`,
  }),
)

export const districtLabels: Labels<DistrictCode> = labelsOf(
  districts,
  (d) => d.code,
  (d) => ({
    en: d.nameEn,
    ...lo(d.nameLo, d.loNeedsReview === true),
    description: `District ${d.code} in ${province(d.province).nameEn} (P-code ${d.pcodeStatus}).`,
  }),
)

export const checkpointLabels: Labels<CheckpointId> = labelsOf(
  checkpoints,
  (c) => c.id,
  (c) => ({
    en: c.name,
    ...lo("", true),
    description: `Border checkpoint ${c.id} (${c.kind}) in ${district(c.district).nameEn}, ${province(c.province).nameEn}${c.counterpart === null ? "" : `; opposite ${c.counterpart}`}.`,
  }),
)

export const countryLabels: Labels<CountryCode> = labelsOf(
  countries,
  (c) => c.iso3,
  (c) => ({
    en: c.nameEn,
    ...lo(c.nameLo, c.loSource === null),
    description: `${c.nameEn} (ISO ${c.iso3} / ${c.iso2})${c.neighbour ? ", borders Lao PDR" : ""}.`,
  }),
)
