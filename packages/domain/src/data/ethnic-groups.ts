/**
 * Ethnic families and the 49 officially recognised ethnic groups of Lao PDR, project-owned
 * reference data; this file is the source of truth.
 *
 * Transcribed from the team's reference facts sheet (section 5): 49 groups in four
 * ethno-linguistic families (Lao Front for National Construction classification approved 2008,
 * used by the 2015 census; S-NA, S-LFNC, S-ODL, S-CENS15). Open Development Laos now cites 50
 * (Mon-Khmer 33); this project keeps the 49 of the 2015 census.
 *
 * Romanisation varies a lot between sources: the slug follows the spelling printed by the
 * National Assembly list (S-NA) as restated in the facts sheet, and `variants` hold the other
 * spellings found there. Uncertain entries are marked `listStatus`:
 * - `printed`: printed in the S-NA list;
 * - `uncertain_spelling`: printed, but the reading is doubtful (Kaseng printed "Kabkae"; Meuang / Moy);
 * - `unprinted_slot`: the S-NA list prints only 30 of the 32 Mon-Khmer groups; other lists add
 *   Cheng, Sadang or Pacoh. Cheng and Sadang fill the two slots here until checked against the LFNC list.
 *
 * Lao names: the glossary has Lao names for the four families only. Group names in Lao are empty
 * (or, for `lao`, taken from the glossary's country name, a sense not confirmed) and flagged for review.
 * `share2015Pct` is the 2015 census share where the facts sheet gives one.
 */

export interface EthnicFamilyRow {
  readonly code: string
  readonly nameEn: string
  readonly variants: ReadonlyArray<string>
  readonly nameLo: string
  readonly loSource: string | null
  readonly share2015Pct: number | null
  readonly officialGroups: number | null
}

export interface EthnicGroupRow {
  readonly code: string
  readonly family: string
  readonly nameEn: string
  readonly variants: ReadonlyArray<string>
  readonly nameLo: string
  readonly loSource: string | null
  readonly listStatus: "printed" | "uncertain_spelling" | "unprinted_slot" | "not_a_group"
  readonly share2015Pct: number | null
}

export const ethnicFamilyRows = [
  {
    code: "lao_tai",
    nameEn: "Lao-Tai",
    variants: ["Tai-Kadai", "Lao Tai", "Lao Loum"],
    nameLo: "ລາວ-ໄຕ",
    loSource: "glossary",
    share2015Pct: 62.4,
    officialGroups: 8,
  },
  {
    code: "mon_khmer",
    nameEn: "Mon-Khmer",
    variants: ["Austroasiatic", "Mon Khmer", "Lao Theung"],
    nameLo: "ມອນ-ຂະແມ",
    loSource: "glossary",
    share2015Pct: 23.7,
    officialGroups: 32,
  },
  {
    code: "hmong_mien",
    nameEn: "Hmong-Mien",
    variants: ["Hmong-Iu Mien", "Hmong Mien"],
    nameLo: "ມົ້ງ-ອີວມຽນ",
    loSource: "glossary",
    share2015Pct: 9.7,
    officialGroups: 2,
  },
  {
    code: "sino_tibetan",
    nameEn: "Sino-Tibetan",
    variants: ["Chine-Tibetan", "Tibeto-Burman", "Sino Tibetan"],
    nameLo: "ຈີນ-ຕີເບດ",
    loSource: "glossary",
    share2015Pct: 2.9,
    officialGroups: 7,
  },
  {
    code: "other",
    nameEn: "Other",
    variants: ["foreign"],
    nameLo: "",
    loSource: null,
    share2015Pct: null,
    officialGroups: null,
  },
  {
    code: "unknown",
    nameEn: "Unknown",
    variants: ["not stated"],
    nameLo: "",
    loSource: null,
    share2015Pct: null,
    officialGroups: null,
  },
] as const satisfies ReadonlyArray<EthnicFamilyRow>

const g = <const C extends string, const F extends string>(
  code: C,
  family: F,
  nameEn: string,
  variants: ReadonlyArray<string> = [],
  share2015Pct: number | null = null,
  listStatus: EthnicGroupRow["listStatus"] = "printed",
) => ({ code, family, nameEn, variants, nameLo: "", loSource: null, listStatus, share2015Pct }) as const

export const ethnicGroupRows = [
  {
    code: "lao",
    family: "lao_tai",
    nameEn: "Lao",
    variants: ["Laotian"],
    nameLo: "ລາວ",
    loSource: "glossary (country name 'Laos'; sense as ethnic group not confirmed)",
    listStatus: "printed",
    share2015Pct: 53.2,
  },
  g("phouthay", "lao_tai", "Phouthay", ["Phou Tai", "Phu Thai", "Phuthai"], 3.4),
  g("tai", "lao_tai", "Tai", ["Tai Dam", "Tai Daeng", "Tai Khao", "Black Tai", "Red Tai", "White Tai"], 3.1),
  g("lue", "lao_tai", "Lue", ["Tai Lue", "Leu"], 2.0),
  g("nyouan", "lao_tai", "Nyouan", ["Yuan", "Gnouane", "Nyuan"]),
  g("yang", "lao_tai", "Yang"),
  g("xaek", "lao_tai", "Xaek", ["Saek"]),
  g("tai_neua", "lao_tai", "Tai Neua", ["Tai Nuea"]),
  g("khmu", "mon_khmer", "Khmu", ["Khmou", "Kammu", "Kmhmu"], 11.0),
  g("prai", "mon_khmer", "Prai", ["Pray"]),
  g("xingmoun", "mon_khmer", "Xingmoun", ["Xingmoon", "Sing Mun"]),
  g("phong", "mon_khmer", "Phong", ["Khom"]),
  g("thaen", "mon_khmer", "Thaen", ["Thene"]),
  g("oedou", "mon_khmer", "Oedou", ["Odou"]),
  g("bit", "mon_khmer", "Bit", ["Bid"]),
  g("lamet", "mon_khmer", "Lamet", ["Lamed"]),
  g("samtao", "mon_khmer", "Samtao"),
  g("katang", "mon_khmer", "Katang", [], 2.2),
  g("makong", "mon_khmer", "Makong", ["Bru", "Mangkong"], 2.5),
  g("tri", "mon_khmer", "Tri"),
  g("triang", "mon_khmer", "Triang", ["Trieng"]),
  g("ta_oy", "mon_khmer", "Ta-oy", ["Ta Oy", "Taoy"]),
  g("yae", "mon_khmer", "Yae", ["Yeh"]),
  g("brao", "mon_khmer", "Brao", ["Brau"]),
  g("harak", "mon_khmer", "Harak"),
  g("katu", "mon_khmer", "Katu"),
  g("oy", "mon_khmer", "Oy"),
  g("kriang", "mon_khmer", "Kriang", ["Krieng"]),
  g("yrou", "mon_khmer", "Yrou", ["Yru"]),
  g("suay", "mon_khmer", "Suay", ["Souay"]),
  g("nyaheun", "mon_khmer", "Nyaheun"),
  g("lavy", "mon_khmer", "Lavy"),
  g("kaseng", "mon_khmer", "Kaseng", ["Kabkae"], null, "uncertain_spelling"),
  g("khmer", "mon_khmer", "Khmer"),
  g("toum", "mon_khmer", "Toum"),
  g("ngouan", "mon_khmer", "Ngouan"),
  g("meuang", "mon_khmer", "Meuang", ["Moy"], null, "uncertain_spelling"),
  g("kri", "mon_khmer", "Kri"),
  g("cheng", "mon_khmer", "Cheng", ["Jeng"], null, "unprinted_slot"),
  g("sadang", "mon_khmer", "Sadang", [], null, "unprinted_slot"),
  g("hmong", "hmong_mien", "Hmong", [], 9.2),
  g("iu_mien", "hmong_mien", "Iu Mien", ["Yao", "Mien"]),
  g("akha", "sino_tibetan", "Akha", [], 1.8),
  g("singsily", "sino_tibetan", "Singsily", ["Phounoy", "Phunoi"]),
  g("lahu", "sino_tibetan", "Lahu"),
  g("sila", "sino_tibetan", "Sila"),
  g("hayi", "sino_tibetan", "Hayi"),
  g("lolo", "sino_tibetan", "Lolo"),
  g("ho", "sino_tibetan", "Ho", ["Yunnanese Chinese", "Haw"]),
  g("other", "other", "Other", ["other ethnic group", "foreign"], null, "not_a_group"),
  g("unknown", "unknown", "Unknown", ["not stated"], null, "not_a_group"),
] as const satisfies ReadonlyArray<EthnicGroupRow>
