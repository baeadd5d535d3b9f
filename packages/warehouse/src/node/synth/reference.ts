/**
 * The reference facts the generator needs (province population, ethnic composition, border
 * checkpoints, special economic zones), restated from shared/reference/lao-facts.md sections 1, 4
 * and 5d. Synthetic-data knobs only: the project's canonical places live in @lao-protect/domain.
 */

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

// prettier-ignore
export const provinces: ReadonlyArray<ProvinceFacts> = [
  {
    code: "LA01",
    population: 820940,
    districts: 9,
    lat: 17.97,
    lon: 102.6,
    region: "centre",
    thaiBorder: true,
    composition: [90.1, 1.9, 1.6, 0, 0, 0.1, 0, 3.4, 0.1, 0.3, 2.5],
  },
  {
    code: "LA02",
    population: 177989,
    districts: 7,
    lat: 21.68,
    lon: 102.1,
    region: "north",
    thaiBorder: false,
    composition: [2.7, 15.9, 18.8, 0.6, 0.1, 0, 0, 3.6, 3.7, 53.2, 1.4],
  },
  {
    code: "LA03",
    population: 175753,
    districts: 5,
    lat: 20.95,
    lon: 101.4,
    region: "north",
    thaiBorder: false,
    composition: [2.9, 24.0, 24.1, 3.7, 0.1, 0, 0, 7.3, 3.2, 33.4, 1.3],
  },
  {
    code: "LA04",
    population: 307622,
    districts: 7,
    lat: 20.69,
    lon: 101.98,
    region: "north",
    thaiBorder: false,
    composition: [9.4, 10.3, 59.1, 0.1, 0, 0, 0, 14.9, 0.1, 4.9, 1.2],
  },
  {
    code: "LA05",
    population: 179243,
    districts: 5,
    lat: 20.27,
    lon: 100.42,
    region: "north",
    thaiBorder: true,
    composition: [13.1, 20.0, 25.2, 11.0, 0, 0, 0, 15.6, 2.4, 9.3, 3.4],
  },
  {
    code: "LA06",
    population: 431889,
    districts: 12,
    lat: 19.89,
    lon: 102.14,
    region: "north",
    thaiBorder: false,
    composition: [28.4, 5.1, 47.1, 0, 0, 0, 0, 17.7, 0.3, 0.2, 1.2],
  },
  {
    code: "LA07",
    population: 289393,
    districts: 10,
    lat: 20.42,
    lon: 104.05,
    region: "north",
    thaiBorder: false,
    composition: [0, 48.0, 19.5, 0, 0, 0, 0.2, 30.1, 1.1, 0, 1.1],
  },
  {
    code: "LA08",
    population: 381376,
    districts: 11,
    lat: 19.26,
    lon: 101.71,
    region: "north",
    thaiBorder: true,
    composition: [58.8, 11.6, 17.5, 0, 0, 0, 0, 9.2, 0.9, 0.2, 1.8],
  },
  {
    code: "LA09",
    population: 244684,
    districts: 7,
    lat: 19.45,
    lon: 103.19,
    region: "north",
    thaiBorder: false,
    composition: [0, 45.2, 11.4, 0, 0, 0, 0, 42.1, 0, 0, 1.3],
  },
  {
    code: "LA10",
    population: 419090,
    districts: 11,
    lat: 18.5,
    lon: 102.42,
    region: "centre",
    thaiBorder: true,
    composition: [0, 63.3, 17.0, 0, 0, 0, 0, 17.0, 1.0, 0.1, 1.6],
  },
  {
    code: "LA11",
    population: 273691,
    districts: 7,
    lat: 18.39,
    lon: 103.66,
    region: "centre",
    thaiBorder: true,
    composition: [0, 68.9, 4.3, 0, 0, 0.2, 4.4, 19.8, 0.2, 0.1, 2.1],
  },
  {
    code: "LA12",
    population: 392052,
    districts: 10,
    lat: 17.41,
    lon: 104.83,
    region: "centre",
    thaiBorder: true,
    composition: [54.7, 26.9, 0.3, 0, 15.0, 0.3, 0.4, 0.1, 0, 0, 2.3],
  },
  {
    code: "LA13",
    population: 969697,
    districts: 15,
    lat: 16.57,
    lon: 104.76,
    region: "centre",
    thaiBorder: true,
    composition: [58.3, 15.0, 0.2, 0, 24.6, 0.1, 0, 0, 0, 0, 1.8],
  },
  {
    code: "LA14",
    population: 396942,
    districts: 8,
    lat: 15.72,
    lon: 106.42,
    region: "south",
    thaiBorder: true,
    composition: [59.4, 0.6, 0.1, 0, 34.7, 3.4, 0, 0, 0, 0, 1.8],
  },
  {
    code: "LA15",
    population: 113048,
    districts: 4,
    lat: 15.35,
    lon: 106.72,
    region: "south",
    thaiBorder: false,
    composition: [14.9, 0.1, 0.1, 0, 38.0, 45.1, 0, 0, 0, 0, 1.8],
  },
  {
    code: "LA16",
    population: 694023,
    districts: 10,
    lat: 15.12,
    lon: 105.8,
    region: "south",
    thaiBorder: true,
    composition: [84.7, 0.9, 0.2, 0, 4.0, 8.2, 0, 0, 0, 0, 2.0],
  },
  {
    code: "LA17",
    population: 139628,
    districts: 5,
    lat: 14.81,
    lon: 106.83,
    region: "south",
    thaiBorder: false,
    composition: [37.4, 0.1, 0.1, 0, 0.5, 59.6, 0, 0, 0, 0, 2.3],
  },
  {
    code: "LA18",
    population: 85168,
    districts: 5,
    lat: 18.91,
    lon: 103.09,
    region: "centre",
    thaiBorder: false,
    composition: [23.1, 4.6, 14.5, 0, 0.1, 0, 0.1, 53.7, 2.1, 0.1, 1.7],
  },
]

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

// The 5th Friendship Bridge (T5) opened in Dec 2025 and Pa Hang (V3) in Nov 2024: not used before 2026 / 2025.
export const checkpoints: ReadonlyArray<CheckpointFacts> = [
  { id: "T1", district: "LA0107", country: "THA", fromYear: 1994, lat: 17.878, lon: 102.716 },
  { id: "T2", district: "LA1301", country: "THA", fromYear: 2007, lat: 16.6, lon: 104.738 },
  { id: "T3", district: "LA1201", country: "THA", fromYear: 2012, lat: 17.47, lon: 104.775 },
  { id: "T4", district: "LA0501", country: "THA", fromYear: 2014, lat: 20.23, lon: 100.44 },
  { id: "T5", district: "LA1101", country: "THA", fromYear: 2026, lat: 18.375, lon: 103.625 },
  { id: "T6", district: "LA1606", country: "THA", fromYear: 1990, lat: 15.133, lon: 105.472 },
  { id: "T7", district: "LA0804", country: "THA", fromYear: 2000, lat: 19.757, lon: 100.97 },
  { id: "T8", district: "LA0808", country: "THA", fromYear: 2006, lat: 17.645, lon: 101.43 },
  { id: "T9", district: "LA0802", country: "THA", fromYear: 2000, lat: 19.6, lon: 100.5 },
  { id: "T10", district: "LA0502", country: "THA", fromYear: 1990, lat: 20.33, lon: 100.1 },
  { id: "V1", district: "LA0202", country: "VNM", fromYear: 1990, lat: 21.265, lon: 102.875 },
  { id: "V2", district: "LA0612", country: "VNM", fromYear: 2009, lat: 21.08, lon: 103.13 },
  { id: "V3", district: "LA0707", country: "VNM", fromYear: 2025, lat: 20.77, lon: 104.55 },
  { id: "V4", district: "LA0704", country: "VNM", fromYear: 1990, lat: 20.385, lon: 104.47 },
  { id: "V5", district: "LA0903", country: "VNM", fromYear: 1990, lat: 19.42, lon: 104.03 },
  { id: "V6", district: "LA1107", country: "VNM", fromYear: 1990, lat: 18.85, lon: 104.77 },
  { id: "V7", district: "LA1105", country: "VNM", fromYear: 1990, lat: 18.385, lon: 105.145 },
  { id: "V8", district: "LA1206", country: "VNM", fromYear: 1990, lat: 17.68, lon: 105.77 },
  { id: "V9", district: "LA1305", country: "VNM", fromYear: 1990, lat: 16.618, lon: 106.585 },
  { id: "V10", district: "LA1408", country: "VNM", fromYear: 2015, lat: 16.28, lon: 107.0 },
  { id: "V11", district: "LA1503", country: "VNM", fromYear: 2022, lat: 15.45, lon: 107.42 },
  { id: "V12", district: "LA1705", country: "VNM", fromYear: 1990, lat: 14.73, lon: 107.56 },
  { id: "C1", district: "LA0301", country: "CHN", fromYear: 1990, lat: 21.184, lon: 101.672 },
  { id: "C2", district: "LA0206", country: "CHN", fromYear: 2014, lat: 22.2, lon: 101.78 },
  { id: "C3", district: "LA0302", country: "CHN", fromYear: 2023, lat: 21.29, lon: 101.17 },
  { id: "R1", district: "LA0106", country: "CHN", fromYear: 2023, lat: 18.05, lon: 102.67 },
  { id: "M1", district: "LA0303", country: "MMR", fromYear: 2016, lat: 21.03, lon: 100.55 },
  { id: "K1", district: "LA1610", country: "KHM", fromYear: 1990, lat: 13.91, lon: 105.98 },
  { id: "K2", district: "LA1610", country: "KHM", fromYear: 1990, lat: 13.925, lon: 105.965 },
  { id: "A1", district: "LA0102", country: null, fromYear: 1990, lat: 17.988, lon: 102.563 },
  { id: "A2", district: "LA0601", country: null, fromYear: 1990, lat: 19.897, lon: 102.161 },
  { id: "A3", district: "LA1601", country: null, fromYear: 1990, lat: 15.132, lon: 105.781 },
  { id: "A4", district: "LA1301", country: null, fromYear: 1990, lat: 16.556, lon: 104.76 },
]

/** Places of internal exploitation, with the first year each was a destination. */
export const internalDestinations: ReadonlyArray<{ district: string; fromYear: number; weight: number }> = [
  { district: "LA0502", fromYear: 2008, weight: 55 }, // Tonpheung: Golden Triangle SEZ (Bokeo)
  { district: "LA0301", fromYear: 2005, weight: 12 }, // Namtha: Boten SEZ
  { district: "LA1301", fromYear: 2005, weight: 8 }, // Kaysone Phomvihane: Savan-Seno SEZ
  { district: "LA0101", fromYear: 1990, weight: 10 }, // Chanthabuly (Vientiane Capital)
  { district: "LA0103", fromYear: 1990, weight: 8 }, // Xaysetha (Vientiane Capital, Saysettha zone)
  { district: "LA1601", fromYear: 1990, weight: 7 }, // Pakse
]

/** Ethnic groups used by the generator and their family (the domain's `familyOf` is canonical). */
export const ethnicFamily: Readonly<Record<string, string>> = {
  lao: "lao_tai",
  phouthay: "lao_tai",
  tai: "lao_tai",
  lue: "lao_tai",
  khmu: "mon_khmer",
  lamet: "mon_khmer",
  makong: "mon_khmer",
  katang: "mon_khmer",
  suay: "mon_khmer",
  katu: "mon_khmer",
  brao: "mon_khmer",
  triang: "mon_khmer",
  harak: "mon_khmer",
  oy: "mon_khmer",
  hmong: "hmong_mien",
  iu_mien: "hmong_mien",
  akha: "sino_tibetan",
  singsily: "sino_tibetan",
  lahu: "sino_tibetan",
  other: "other",
  unknown: "unknown",
}

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
