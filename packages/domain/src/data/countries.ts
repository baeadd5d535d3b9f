/**
 * Countries that matter for trafficking from, through and into Lao PDR: Laos, its five neighbours
 * and the common destinations named in the team's reference facts sheet (section 6: Thailand, China,
 * Malaysia, Viet Nam, Taiwan, Japan, Myanmar) plus other destinations of Lao labour migration.
 * Project-owned reference data; this file is the source of truth.
 *
 * Codes are ISO 3166-1 alpha-3 / alpha-2. English names are the usual short names, variants are
 * other names and demonyms met in case files ("PRC", "Burma", "Thai"). Lao names are given only where
 * the project glossary has them (Lao-language sources, `loSource: "glossary"`); every other `nameLo`
 * is empty and must be filled in by a Lao translator (the translators' catalogue lists them).
 * "Korea" alone is read as the Republic of Korea: Lao labour migration goes there, not to the DPRK.
 * Every other ISO 3166-1 country comes from `iso-countries.generated.ts` (English names only, no Lao
 * name until a translator gives one); `Place.countries` is both lists.
 */

export interface CountryRow {
  readonly iso3: string
  readonly iso2: string
  readonly nameEn: string
  readonly variants: ReadonlyArray<string>
  readonly nameLo: string
  readonly loSource: string | null
  readonly neighbour: boolean
}

export const countryRows = [
  {
    iso3: "LAO",
    iso2: "LA",
    nameEn: "Laos",
    variants: ["Lao PDR", "Lao People's Democratic Republic", "Lao", "Laotian"],
    nameLo: "ລາວ",
    loSource: "glossary",
    neighbour: false,
  },
  {
    iso3: "THA",
    iso2: "TH",
    nameEn: "Thailand",
    variants: ["Kingdom of Thailand", "Thai", "Siam"],
    nameLo: "ໄທ",
    loSource: "glossary",
    neighbour: true,
  },
  {
    iso3: "CHN",
    iso2: "CN",
    nameEn: "China",
    variants: ["PRC", "People's Republic of China", "Mainland China", "Chinese"],
    nameLo: "ຈີນ",
    loSource: "glossary",
    neighbour: true,
  },
  {
    iso3: "VNM",
    iso2: "VN",
    nameEn: "Vietnam",
    variants: ["Viet Nam", "Socialist Republic of Viet Nam", "Vietnamese"],
    nameLo: "ຫວຽດນາມ",
    loSource: "glossary",
    neighbour: true,
  },
  {
    iso3: "KHM",
    iso2: "KH",
    nameEn: "Cambodia",
    variants: ["Kingdom of Cambodia", "Kampuchea", "Cambodian"],
    nameLo: "ກຳປູເຈຍ",
    loSource: "glossary",
    neighbour: true,
  },
  {
    iso3: "MMR",
    iso2: "MM",
    nameEn: "Myanmar",
    variants: ["Burma", "Republic of the Union of Myanmar", "Burmese"],
    nameLo: "ມຽນມາ",
    loSource: "glossary",
    neighbour: true,
  },
  {
    iso3: "MYS",
    iso2: "MY",
    nameEn: "Malaysia",
    variants: ["Malaysian"],
    nameLo: "ມາເລເຊຍ",
    loSource: "glossary",
    neighbour: false,
  },
  {
    iso3: "SGP",
    iso2: "SG",
    nameEn: "Singapore",
    variants: ["Singaporean"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "KOR",
    iso2: "KR",
    nameEn: "South Korea",
    variants: ["Republic of Korea", "Korea, Republic of", "Korea", "ROK", "South Korean"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "JPN",
    iso2: "JP",
    nameEn: "Japan",
    variants: ["Japanese"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "TWN",
    iso2: "TW",
    nameEn: "Taiwan",
    variants: ["Taiwan, Province of China", "Chinese Taipei", "Taiwanese"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "HKG",
    iso2: "HK",
    nameEn: "Hong Kong",
    variants: ["Hong Kong SAR", "Hong Kong, China"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "MAC",
    iso2: "MO",
    nameEn: "Macao",
    variants: ["Macau", "Macao SAR"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "IDN",
    iso2: "ID",
    nameEn: "Indonesia",
    variants: ["Indonesian"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "PHL",
    iso2: "PH",
    nameEn: "Philippines",
    variants: ["The Philippines", "Filipino"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "ARE",
    iso2: "AE",
    nameEn: "United Arab Emirates",
    variants: ["UAE", "Emirates"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "SAU",
    iso2: "SA",
    nameEn: "Saudi Arabia",
    variants: ["Kingdom of Saudi Arabia", "KSA"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  { iso3: "QAT", iso2: "QA", nameEn: "Qatar", variants: [], nameLo: "", loSource: null, neighbour: false },
  {
    iso3: "USA",
    iso2: "US",
    nameEn: "United States",
    variants: ["United States of America", "America", "American"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "AUS",
    iso2: "AU",
    nameEn: "Australia",
    variants: ["Australian"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "FRA",
    iso2: "FR",
    nameEn: "France",
    variants: ["French"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "DEU",
    iso2: "DE",
    nameEn: "Germany",
    variants: ["Deutschland", "German"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
  {
    iso3: "GBR",
    iso2: "GB",
    nameEn: "United Kingdom",
    variants: ["UK", "Great Britain", "Britain", "British"],
    nameLo: "",
    loSource: null,
    neighbour: false,
  },
] as const satisfies ReadonlyArray<CountryRow>
