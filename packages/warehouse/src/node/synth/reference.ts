/**
 * What the generator knows about Laos: places, populations and checkpoints read from
 * @lao-protect/domain (the one place for reference facts), plus synthetic-data knobs the domain has no
 * reason to hold (regions, Thai border, 2015 ethnic composition from shared/reference/lao-facts.md 5d,
 * checkpoint opening years, special economic zones).
 */
import { Place } from "@lao-protect/domain"

export type Region = "north" | "centre" | "south"

export interface ProvinceFacts {
  readonly code: string
  readonly population: number
  readonly districts: number
  readonly lat: number
  readonly lon: number
  readonly region: Region
  /** Thai border province (Mekong or land). */
  readonly thaiBorder: boolean
  /**
   * 2015 ethno-linguistic composition (%), LSB "Atlas" categories:
   * Lao, Tai-Thay, Khmuic, Palaungic, Katuic, Bahnaric-Khmer, Vietic, Hmong, Mien, Tibeto-Burman, other.
   */
  readonly composition: readonly [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
}

/** Generator knobs per province; population, district count and capital come from the domain. */
const provinceKnobs: Readonly<Record<string, Pick<ProvinceFacts, "region" | "thaiBorder" | "composition">>> =
  {
    LA01: {
      region: "centre",
      thaiBorder: true,
      composition: [90.1, 1.9, 1.6, 0, 0, 0.1, 0, 3.4, 0.1, 0.3, 2.5],
    },
    LA02: {
      region: "north",
      thaiBorder: false,
      composition: [2.7, 15.9, 18.8, 0.6, 0.1, 0, 0, 3.6, 3.7, 53.2, 1.4],
    },
    LA03: {
      region: "north",
      thaiBorder: false,
      composition: [2.9, 24.0, 24.1, 3.7, 0.1, 0, 0, 7.3, 3.2, 33.4, 1.3],
    },
    LA04: {
      region: "north",
      thaiBorder: false,
      composition: [9.4, 10.3, 59.1, 0.1, 0, 0, 0, 14.9, 0.1, 4.9, 1.2],
    },
    LA05: {
      region: "north",
      thaiBorder: true,
      composition: [13.1, 20.0, 25.2, 11.0, 0, 0, 0, 15.6, 2.4, 9.3, 3.4],
    },
    LA06: {
      region: "north",
      thaiBorder: false,
      composition: [28.4, 5.1, 47.1, 0, 0, 0, 0, 17.7, 0.3, 0.2, 1.2],
    },
    LA07: {
      region: "north",
      thaiBorder: false,
      composition: [0, 48.0, 19.5, 0, 0, 0, 0.2, 30.1, 1.1, 0, 1.1],
    },
    LA08: {
      region: "north",
      thaiBorder: true,
      composition: [58.8, 11.6, 17.5, 0, 0, 0, 0, 9.2, 0.9, 0.2, 1.8],
    },
    LA09: { region: "north", thaiBorder: false, composition: [0, 45.2, 11.4, 0, 0, 0, 0, 42.1, 0, 0, 1.3] },
    LA10: {
      region: "centre",
      thaiBorder: true,
      composition: [0, 63.3, 17.0, 0, 0, 0, 0, 17.0, 1.0, 0.1, 1.6],
    },
    LA11: {
      region: "centre",
      thaiBorder: true,
      composition: [0, 68.9, 4.3, 0, 0, 0.2, 4.4, 19.8, 0.2, 0.1, 2.1],
    },
    LA12: {
      region: "centre",
      thaiBorder: true,
      composition: [54.7, 26.9, 0.3, 0, 15.0, 0.3, 0.4, 0.1, 0, 0, 2.3],
    },
    LA13: {
      region: "centre",
      thaiBorder: true,
      composition: [58.3, 15.0, 0.2, 0, 24.6, 0.1, 0, 0, 0, 0, 1.8],
    },
    LA14: { region: "south", thaiBorder: true, composition: [59.4, 0.6, 0.1, 0, 34.7, 3.4, 0, 0, 0, 0, 1.8] },
    LA15: {
      region: "south",
      thaiBorder: false,
      composition: [14.9, 0.1, 0.1, 0, 38.0, 45.1, 0, 0, 0, 0, 1.8],
    },
    LA16: { region: "south", thaiBorder: true, composition: [84.7, 0.9, 0.2, 0, 4.0, 8.2, 0, 0, 0, 0, 2.0] },
    LA17: {
      region: "south",
      thaiBorder: false,
      composition: [37.4, 0.1, 0.1, 0, 0.5, 59.6, 0, 0, 0, 0, 2.3],
    },
    LA18: {
      region: "centre",
      thaiBorder: false,
      composition: [23.1, 4.6, 14.5, 0, 0.1, 0, 0.1, 53.7, 2.1, 0.1, 1.7],
    },
  }

export const provinces: ReadonlyArray<ProvinceFacts> = Object.entries(provinceKnobs).map(([code, knobs]) => {
  const p = Place.province(code as Place.ProvinceCode)
  return {
    code,
    population: p.population2015,
    districts: p.districtCount,
    lat: p.capitalLat,
    lon: p.capitalLon,
    ...knobs,
  }
})

export interface CheckpointFacts {
  readonly id: string
  readonly district: string
  /** ISO3 of the neighbour country; `null` for airports (any distant destination). */
  readonly country: string | null
  /** First full year the crossing was open for traffic. */
  readonly fromYear: number
  readonly lat: number
  readonly lon: number
}

/**
 * First full year each checkpoint was open for traffic (a generator judgement on the domain's
 * `statusOpened` text); district, neighbour country and coordinates come from the domain.
 * The 5th Friendship Bridge (T5) opened in Dec 2025 and Pa Hang (V3) in Nov 2024: not used before 2026 / 2025.
 */
const checkpointFromYear: Readonly<Record<string, number>> = {
  T1: 1994,
  T2: 2007,
  T3: 2012,
  T4: 2014,
  T5: 2026,
  T6: 1990,
  T7: 2000,
  T8: 2006,
  T9: 2000,
  T10: 1990,
  V1: 1990,
  V2: 2009,
  V3: 2025,
  V4: 1990,
  V5: 1990,
  V6: 1990,
  V7: 1990,
  V8: 1990,
  V9: 1990,
  V10: 2015,
  V11: 2022,
  V12: 1990,
  C1: 1990,
  C2: 2014,
  C3: 2023,
  R1: 2023,
  M1: 2016,
  K1: 1990,
  K2: 1990,
  A1: 1990,
  A2: 1990,
  A3: 1990,
  A4: 1990,
}

export const checkpoints: ReadonlyArray<CheckpointFacts> = Object.entries(checkpointFromYear).map(
  ([id, fromYear]) => {
    const c = Place.checkpoint(id as Place.CheckpointId)
    return { id, district: c.district, country: c.neighbourCountry, fromYear, lat: c.lat, lon: c.lon }
  },
)

/** Places of internal exploitation, with the first year each was a destination. */
export const internalDestinations: ReadonlyArray<{ district: string; fromYear: number; weight: number }> = [
  { district: "LA0502", fromYear: 2008, weight: 55 }, // Tonpheung: Golden Triangle SEZ (Bokeo)
  { district: "LA0301", fromYear: 2005, weight: 12 }, // Namtha: Boten SEZ
  { district: "LA1301", fromYear: 2005, weight: 8 }, // Kaysone Phomvihane: Savan-Seno SEZ
  { district: "LA0101", fromYear: 1990, weight: 10 }, // Chanthabuly (Vientiane Capital)
  { district: "LA0103", fromYear: 1990, weight: 8 }, // Xaysetha (Vientiane Capital, Saysettha zone)
  { district: "LA1601", fromYear: 1990, weight: 7 }, // Pakse
]

export const firstLanguageOf: Readonly<Record<string, string>> = {
  lao: "Lao",
  phouthay: "Phouthay",
  tai: "Tai Dam",
  lue: "Tai Lue",
  khmu: "Khmu",
  lamet: "Lamet",
  makong: "Makong (Bru)",
  katang: "Katang",
  suay: "Suay",
  katu: "Katu",
  brao: "Brao",
  triang: "Triang",
  harak: "Harak",
  oy: "Oy",
  hmong: "Hmong",
  iu_mien: "Iu Mien",
  akha: "Akha",
  singsily: "Phounoy",
  lahu: "Lahu",
  other: "other",
}

/** Splits each composition category of a province into named groups. */
export const groupsOfCategory = (
  province: ProvinceFacts,
  category: number,
): ReadonlyArray<readonly [string, number]> => {
  const p = province.code
  switch (category) {
    case 0:
      return [["lao", 1]]
    case 1:
      // In LA07/09/10/11 the Atlas counts the Lao themselves as "Tai-Thay" (lao-facts 5d caution).
      if (["LA07", "LA09", "LA10", "LA11"].includes(p))
        return [
          ["lao", 0.7],
          ["tai", p === "LA11" ? 0.1 : 0.3],
          ["phouthay", p === "LA11" ? 0.2 : 0],
        ]
      if (province.region === "north")
        return [
          ["lue", 0.5],
          ["tai", 0.5],
        ]
      return [
        ["phouthay", 0.7],
        ["tai", 0.3],
      ]
    case 2:
      return [["khmu", 1]]
    case 3:
      return [["lamet", 1]]
    case 4:
      if (p === "LA12" || p === "LA13")
        return [
          ["makong", 0.6],
          ["katang", 0.4],
        ]
      return [
        ["katang", 0.4],
        ["suay", 0.3],
        ["katu", 0.3],
      ]
    case 5:
      return [
        ["brao", 0.35],
        ["triang", 0.25],
        ["harak", 0.2],
        ["oy", 0.2],
      ]
    case 7:
      return [["hmong", 1]]
    case 8:
      return [["iu_mien", 1]]
    case 9:
      return [
        ["akha", 0.6],
        ["singsily", 0.2],
        ["lahu", 0.2],
      ]
    default:
      return [["other", 1]]
  }
}
