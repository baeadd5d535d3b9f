/**
 * Synthetic CaseRow records that look like Lao reality (lao-facts.md 6c): 85-250 identified
 * victims a year, mostly women and girls, Thailand then China then domestic special economic zones,
 * ethnic minorities over-represented, routes through plausible border checkpoints, stage histories
 * with plausible durations and exits. Every record is labelled synthetic (`SYN-` case ids, fake
 * PII). Rows are produced one at a time so that millions can be streamed without holding them.
 * It deliberately does not validate: the importer decodes what this writes, like any partner file.
 */

import { CaseRow, Exploitation } from "@lao-protect/domain"
import { makeRng, type Rng, type Weighted, weighted } from "./prng.ts"
import {
  type CheckpointFacts,
  checkpoints,
  firstLanguageOf,
  groupsOfCategory,
  internalDestinations,
  type ProvinceFacts,
  provinces,
} from "./reference.ts"

/** CaseRow columns in the domain's documented order: the header of every synthetic file. */
export const synthColumns = CaseRow.columnNames
/** Position of each column in a row, so cells are set by name. */
const C = Object.fromEntries(synthColumns.map((c, i) => [c, i])) as { readonly [K in SynthColumn]: number }

export type SynthColumn = (typeof synthColumns)[number]
/** One synthetic row as CSV cell strings (empty string = missing), in `synthColumns` order. */
export type SynthRow = string[]

export const SYNTHETIC_ID_PREFIX = "SYN-"

export interface SynthOptions {
  readonly seed: number
  readonly fromYear: number
  readonly toYear: number
  /** Total number of cases; default: a realistic national volume for each year. */
  readonly cases?: number
}

/** Realistic national volume for a year before noise: 95 in 2005 rising to ~200, COVID dip. */
const baseVolume = (year: number): number => {
  const trend = 95 + 5.5 * (year - 2005)
  const covid = year === 2020 || year === 2021 ? 0.7 : 1
  return Math.max(85, Math.min(250, trend * covid))
}

/** Cases per year: realistic volumes with noise, or `cases` split in proportion to them. */
export const yearCounts = (options: SynthOptions): ReadonlyArray<readonly [number, number]> => {
  const rng = makeRng(options.seed ^ 0x5eed)
  const years: number[] = []
  for (let y = options.fromYear; y <= options.toYear; y++) years.push(y)
  const natural = years.map((y) =>
    Math.max(85, Math.min(250, Math.round(baseVolume(y) * (0.9 + 0.2 * rng.next())))),
  )
  if (options.cases === undefined) return years.map((y, i) => [y, natural[i]!] as const)
  const total = natural.reduce((a, b) => a + b, 0)
  const exact = natural.map((n) => (n / total) * options.cases!)
  const counts = exact.map(Math.floor)
  let rest = options.cases - counts.reduce((a, b) => a + b, 0)
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of order) {
    if (rest <= 0) break
    counts[i]!++
    rest--
  }
  return years.map((y, i) => [y, counts[i]!] as const)
}

interface YearProfile {
  readonly destination: Weighted<"THA" | "CHN" | "LAO" | "OTHER">
  /** Among domestic cases, the share of foreign victims found in Laos. */
  readonly foreignShare: number
}

const yearProfile = (year: number): YearProfile => {
  const domestic =
    year < 2010 ? 0.06 : year < 2016 ? 0.08 : year < 2021 ? 0.11 : Math.min(0.24, 0.15 + 0.02 * (year - 2021))
  const china = year < 2010 ? 0.21 : year < 2016 ? 0.26 : year < 2021 ? 0.33 : 0.27
  const other = 0.035
  return {
    destination: weighted([
      ["THA", 1 - domestic - china - other],
      ["CHN", china],
      ["LAO", domestic],
      ["OTHER", other],
    ]),
    foreignShare: year < 2016 ? 0.2 : 0.35,
  }
}

const minorityBoost = 1.8

interface ProvinceModel {
  readonly facts: ProvinceFacts
  readonly ethnicity: Weighted<string>
}

const provinceModels: ReadonlyArray<ProvinceModel> = provinces.map((facts) => {
  const entries: Array<readonly [string, number]> = []
  facts.composition.forEach((share, category) => {
    for (const [group, part] of groupsOfCategory(facts, category)) {
      entries.push([group, share * part * (group === "lao" ? 1 : minorityBoost)])
    }
  })
  return { facts, ethnicity: weighted(entries) }
})

const minorityShareOf = (facts: ProvinceFacts) =>
  1 -
  (facts.composition[0] +
    (["LA07", "LA09", "LA10", "LA11"].includes(facts.code) ? 0.7 * facts.composition[1] : 0)) /
    100

const originByDestination = (dest: "THA" | "CHN" | "LAO" | "OTHER"): Weighted<ProvinceModel> =>
  weighted(
    provinceModels.map((m) => {
      const f = m.facts
      // Remote, minority-majority provinces send more people than their population alone suggests.
      let w = f.population * (1 + 1.5 * minorityShareOf(f))
      if (dest === "CHN") w *= f.region === "north" ? 4 : f.region === "centre" ? 0.6 : 0.25
      if (dest === "THA") w *= f.thaiBorder ? 1.6 : 0.8
      if (dest === "LAO") w *= ["LA03", "LA04", "LA05", "LA06"].includes(f.code) ? 2.5 : 1
      return [m, w] as const
    }),
  )

const origins = {
  THA: originByDestination("THA"),
  CHN: originByDestination("CHN"),
  LAO: originByDestination("LAO"),
  OTHER: originByDestination("OTHER"),
} as const

const distanceKm = (lat1: number, lon1: number, lat2: number, lon2: number) => {
  const dLat = (lat2 - lat1) * 111
  const dLon = (lon2 - lon1) * 111 * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180))
  return Math.sqrt(dLat * dLat + dLon * dLon)
}

/** Checkpoints towards `country` open in `year`, weighted to prefer those near the origin. */
const checkpointChoiceCache = new Map<string, Weighted<CheckpointFacts> | null>()
const checkpointFor = (
  rng: Rng,
  country: string,
  year: number,
  lat: number,
  lon: number,
  key: string,
): string => {
  const cacheKey = `${country}|${year}|${key}`
  let choice = checkpointChoiceCache.get(cacheKey)
  if (choice === undefined) {
    const open = checkpoints.filter((c) => c.country === country && c.fromYear <= year)
    choice =
      open.length === 0
        ? null
        : weighted(
            open.map((c) => {
              const d = distanceKm(lat, lon, c.lat, c.lon)
              return [c, 1 / (d + 60) ** 2] as const
            }),
          )
    checkpointChoiceCache.set(cacheKey, choice)
  }
  return choice === null ? "" : choice.pick(rng).id
}

const airports = ["A1", "A1", "A1", "A3", "A4", "A2"]
const otherDestinations = weighted([
  ["MYS", 35],
  ["VNM", 20],
  ["MMR", 15],
  ["KOR", 10],
  ["JPN", 10],
  ["KHM", 10],
])
const landNeighbours = new Set(["THA", "VNM", "CHN", "MMR", "KHM"])
const foreignCitizenship = weighted([
  ["VNM", 35],
  ["CHN", 25],
  ["MMR", 20],
  ["THA", 10],
  ["KHM", 10],
])

type Form =
  | "sexual_exploitation"
  | "forced_labour"
  | "forced_marriage"
  | "child_labour"
  | "servitude"
  | "forced_begging"
  | "online_scam"
  | "other"

const formsFor = (dest: string, year: number): Weighted<Form> => {
  if (dest === "CHN")
    return weighted<Form>([
      ["forced_marriage", 72],
      ["sexual_exploitation", 12],
      ["forced_labour", 10],
      ["online_scam", year >= 2019 ? 6 : 0],
    ])
  if (dest === "THA")
    return weighted<Form>([
      ["sexual_exploitation", 32],
      ["forced_labour", 30],
      ["servitude", 14],
      ["child_labour", 12],
      ["forced_begging", 4],
      ["other", 8],
    ])
  if (dest === "LAO")
    return weighted<Form>([
      ["online_scam", year >= 2016 ? 45 : 0],
      ["sexual_exploitation", 35],
      ["forced_labour", 15],
      ["child_labour", 5],
    ])
  return weighted<Form>([
    ["forced_labour", 55],
    ["sexual_exploitation", 30],
    ["forced_marriage", 5],
    ["other", 10],
  ])
}
const formCache = new Map<string, Weighted<Form>>()
const formFor = (rng: Rng, dest: string, year: number): Form => {
  const key = `${dest}|${year >= 2019 ? 2 : year >= 2016 ? 1 : 0}`
  let w = formCache.get(key)
  if (!w) {
    w = formsFor(dest, year)
    formCache.set(key, w)
  }
  return w.pick(rng)
}

const industryOf: Record<Form, Weighted<string>> = {
  sexual_exploitation: weighted([
    ["entertainment", 70],
    ["hospitality", 25],
    ["unknown", 5],
  ]),
  forced_labour: weighted([
    ["fishing", 20],
    ["agriculture", 25],
    ["factory", 25],
    ["construction", 20],
    ["other", 10],
  ]),
  forced_marriage: weighted([
    ["other", 30],
    ["unknown", 70],
  ]),
  child_labour: weighted([
    ["agriculture", 40],
    ["factory", 30],
    ["domestic_work", 30],
  ]),
  servitude: weighted([["domestic_work", 1]]),
  forced_begging: weighted([["begging", 1]]),
  online_scam: weighted([["scam_compound", 1]]),
  other: weighted([
    ["other", 60],
    ["unknown", 40],
  ]),
}

const meansOf: Record<Form, ReadonlyArray<string>> = {
  sexual_exploitation: [
    "debt_bondage",
    "takes_earnings",
    "restricts_movement",
    "threats",
    "sexual_abuse",
    "drugs_alcohol",
    "false_promises",
  ],
  forced_labour: [
    "debt_bondage",
    "takes_earnings",
    "restricts_movement",
    "threats",
    "withholds_documents",
    "physical_abuse",
  ],
  forced_marriage: [
    "false_promises",
    "restricts_movement",
    "psychological_abuse",
    "sexual_abuse",
    "withholds_documents",
  ],
  child_labour: ["takes_earnings", "restricts_movement", "withholds_necessities", "physical_abuse"],
  servitude: [
    "takes_earnings",
    "restricts_movement",
    "withholds_documents",
    "psychological_abuse",
    "withholds_necessities",
  ],
  forced_begging: ["takes_earnings", "threats", "physical_abuse"],
  online_scam: [
    "debt_bondage",
    "withholds_documents",
    "restricts_movement",
    "threats",
    "physical_abuse",
    "false_promises",
  ],
  other: ["false_promises", "threats", "other"],
}
const meansOrder: ReadonlyArray<string> = Exploitation.meansCodes

const sourceFor = weighted([
  ["mlsw", 35],
  ["lwu", 20],
  ["afesip", 15],
  ["iom", 10],
  ["mps_atd", 10],
  ["world_vision", 5],
  ["vfi", 5],
])
const agencyFor = weighted([
  ["mps_atd", 40],
  ["mlsw", 20],
  ["lwu", 15],
  ["afesip", 10],
  ["iom", 10],
  ["mofa", 5],
])
const referredFor = weighted([
  ["lwu", 35],
  ["afesip", 20],
  ["vfi", 15],
  ["world_vision", 15],
  ["friends_international", 15],
])

const fakeGiven = ["Noy", "Keo", "Bua", "Dao", "Phet", "Mai", "Kham", "Vanh", "Nok", "Souk", "Lee", "Pheng"]
const fakeFamily = ["Samplesouk", "Testavong", "Dummyphanh", "Fictionsay", "Placeholdeth", "Mockkhamvong"]
const fakeVillages = [
  "Ban Fakeneua",
  "Ban Sampletai",
  "Ban Testhom",
  "Ban Dummykham",
  "Ban Mockxay",
  "Ban Placeholdone",
]

const DAY = 86_400_000
const dayOf = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY)
const isoCache: string[] = []
const isoBase = dayOf(1900, 1, 1)
const iso = (day: number): string => {
  const i = day - isoBase
  let s = isoCache[i]
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10)
    isoCache[i] = s
  }
  return s
}

const pad = (n: number, width: number) => String(n).padStart(width, "0")

const listOf = (
  rng: Rng,
  candidates: ReadonlyArray<string>,
  order: ReadonlyArray<string>,
  max: number,
): string => {
  const k = rng.int(1, Math.min(max, candidates.length))
  const chosen = new Set<string>()
  while (chosen.size < k) chosen.add(candidates[rng.int(0, candidates.length - 1)]!)
  return order.filter((c) => chosen.has(c)).join(";")
}

const settingsOfGroup: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  intercepted: [
    ["bus_station", 4],
    ["boat_pier", 3],
    ["border_checkpoint", 3],
    ["airport", 1],
  ],
  repatriated_lao: [["repatriation", 1]],
  deported_lao: [["border_checkpoint", 1]],
  self_returned: [
    ["shelter_self_referral", 3],
    ["hotline", 2],
    ["cpn_referral", 2],
    ["other", 1],
  ],
  local_lao: [
    ["workplace_inspection", 3],
    ["cpn_referral", 3],
    ["hotline", 2],
    ["shelter_self_referral", 1],
    ["other", 1],
  ],
  foreign_in_lao: [
    ["workplace_inspection", 4],
    ["hotline", 1],
    ["other", 1],
  ],
}
const settingFor = Object.fromEntries(Object.entries(settingsOfGroup).map(([g, w]) => [g, weighted(w)]))

/** Where the person was identified, following the victim group (an intercepted person at a checkpoint). */
const settingOf = (rng: Rng, row: SynthRow): string =>
  row[C.victim_group] === "intercepted" && row[C.border_checkpoint] !== "" && rng.chance(0.5)
    ? "border_checkpoint"
    : (settingFor[row[C.victim_group]!]?.pick(rng) ?? "other")

/** How people were recruited, by form of exploitation (HTCDS methods; job offers lead everywhere). */
const methodsOfForm: { readonly [form: string]: Weighted<string> } = {
  forced_marriage: weighted([
    ["marriage_broker", 5],
    ["intimate_partner", 3],
    ["familial", 2],
    ["job_offer", 1],
  ]),
  online_scam: weighted([
    ["internet", 5],
    ["job_offer", 4],
    ["posing_as_benefactor", 1],
  ]),
  sexual_exploitation: weighted([
    ["job_offer", 5],
    ["intimate_partner", 2],
    ["internet", 2],
    ["familial", 1],
    ["posing_as_benefactor", 1],
    ["abduction", 1],
  ]),
}
const methodsElse = weighted([
  ["job_offer", 6],
  ["familial", 2],
  ["smuggling", 1],
  ["internet", 1],
  ["other", 1],
])
const relationshipOf: { readonly [method: string]: Weighted<string> } = {
  intimate_partner: weighted([["intimate_partner", 1]]),
  familial: weighted([["family", 1]]),
  marriage_broker: weighted([
    ["broker_agent", 4],
    ["friend_acquaintance", 1],
  ]),
}
const relationshipElse = weighted([
  ["friend_acquaintance", 4],
  ["broker_agent", 3],
  ["stranger", 1],
  ["employer", 1],
  ["family", 1],
])

/**
 * The case details a register holds for some cases only: trafficking status, how and at what age the
 * person was recruited, and how long the exploitation lasted. Drawn from their own stream after the
 * row is complete, so every other field is what it was before these columns existed. Everyone here
 * is an identified victim (presumed or confirmed): a case screened out as not a victim is left to the
 * tests that need one, so the sample's published counts do not depend on it.
 */
const fillDetails = (rng: Rng, row: SynthRow, form: string, age: number): void => {
  const status = rng.next()
  row[C.trafficking_status] = status < 0.65 ? "confirmed" : status < 0.9 ? "presumed" : ""
  if (rng.chance(0.75)) {
    const method = (methodsOfForm[form] ?? methodsElse).pick(rng)
    row[C.recruitment_method] = method
    if (rng.chance(0.85))
      row[C.recruiter_relationship] = (relationshipOf[method] ?? relationshipElse).pick(rng)
  }
  if (rng.chance(0.6)) {
    const months = rng.chance(0.7) ? rng.int(1, 12) : rng.int(13, 48)
    row[C.exploitation_months] = String(months)
    // the age at recruitment only where the age at identification is known, and never above it
    if (age >= 0 && rng.chance(0.7))
      row[C.age_at_recruitment] = String(Math.max(0, age - Math.ceil(months / 12)))
  }
}

const provinceOfCheckpoint = new Map(checkpoints.map((c) => [c.id, c.district.slice(0, 4)]))
/** Vientiane Capital: the national transit centre and most shelters (a generator judgement). */
const CAPITAL = "LA01"

/**
 * Where the person was identified (sets identification_province, sometimes the district), from the
 * setting: a checkpoint's own province; a bus station, pier or airport near the crossing when there
 * is one; a workplace inspection where the exploitation was; hotline, CPN and self-referral mostly
 * in the origin province; repatriation at the receiving crossing, else the capital's transit
 * centre; a shelter self-referral in the capital or at home. About 1 in 10 records leave it empty.
 */
const identificationPlace = (rng: Rng, row: SynthRow): void => {
  if (rng.chance(0.1)) return
  const origin = row[C.origin_province]!
  const checkpoint = provinceOfCheckpoint.get(row[C.border_checkpoint]!) ?? ""
  const exploited = row[C.exploitation_district]!.slice(0, 4)
  const near = checkpoint || origin || exploited
  let province: string
  switch (row[C.identification_setting]) {
    case "border_checkpoint":
    case "bus_station":
    case "boat_pier":
    case "airport":
      province = near
      break
    case "workplace_inspection":
      province = exploited || origin
      break
    case "repatriation":
      province = checkpoint || CAPITAL
      break
    case "shelter_self_referral":
      province = rng.chance(0.6) ? CAPITAL : origin || CAPITAL
      break
    case "hotline":
    case "cpn_referral":
      province = rng.chance(0.8) ? origin || exploited : rng.chance(0.5) ? CAPITAL : near
      break
    default:
      province = rng.chance(0.6) ? near : CAPITAL
  }
  if (province === "") return
  row[C.identification_province] = province
  const district =
    row[C.border_checkpoint] !== "" && province === checkpoint
      ? checkpoints.find((c) => c.id === row[C.border_checkpoint])!.district
      : province === exploited
        ? row[C.exploitation_district]!
        : province === origin
          ? row[C.origin_district]!
          : ""
  if (district !== "" && rng.chance(0.7)) row[C.identification_district] = district
}

/**
 * Generates the rows. `asOf` is the last date any stage may have (default: 31 Dec of `toYear`,
 * but never after today, so that no date is in the future).
 */
export function* generateCases(options: SynthOptions): Generator<SynthRow, void, undefined> {
  const rng = makeRng(options.seed)
  // Its own stream, so adding the column left every other synthetic value as it was.
  const settingRng = makeRng(options.seed ^ 0x5e7)
  const detailRng = makeRng(options.seed ^ 0xd7a11)
  const placeRng = makeRng(options.seed ^ 0x1d9)
  const todayDay = Math.floor(Date.now() / DAY)
  const asOf = Math.min(dayOf(options.toYear, 12, 31), todayDay)
  const seedTag = String(options.seed >>> 0)
  for (const [year, count] of yearCounts(options)) {
    const profile = yearProfile(year)
    const yearStart = dayOf(year, 1, 1)
    const yearDays = dayOf(year + 1, 1, 1) - yearStart
    const internal = weighted(
      internalDestinations.filter((d) => d.fromYear <= year).map((d) => [d.district, d.weight] as const),
    )
    const width = Math.max(4, String(count).length)
    for (let seq = 1; seq <= count; seq++) {
      const row: SynthRow = new Array(synthColumns.length).fill("")
      const identification = Math.min(asOf, yearStart + rng.int(0, yearDays - 1))
      row[C.case_id] = `${SYNTHETIC_ID_PREFIX}${seedTag}-${year}-${pad(seq, width)}`
      row[C.source] = sourceFor.pick(rng)
      row[C.identification_date] = iso(identification)
      if (rng.chance(0.85)) row[C.identifying_agency] = agencyFor.pick(rng)

      let dest: string = profile.destination.pick(rng)
      const foreign = dest === "LAO" && rng.chance(profile.foreignShare)
      if (dest === "OTHER") dest = otherDestinations.pick(rng)
      const form = formFor(rng, dest === "THA" || dest === "CHN" || dest === "LAO" ? dest : "OTHER", year)

      // Victim group follows the route.
      let group: string
      if (foreign) group = "foreign_in_lao"
      else if (dest === "LAO")
        group = rng.chance(0.9) ? "local_lao" : rng.chance(0.5) ? "intercepted" : "self_returned"
      else {
        const r = rng.next()
        group =
          r < 0.55 ? "repatriated_lao" : r < 0.7 ? "deported_lao" : r < 0.86 ? "self_returned" : "intercepted"
      }
      row[C.victim_group] = group

      const female =
        form === "forced_marriage" ? true : form === "forced_labour" ? rng.chance(0.55) : rng.chance(0.9)
      row[C.sex] = female ? "female" : rng.chance(0.995) ? "male" : "unknown"

      // Ages: 45-70% children; marriage victims mostly 14-25.
      const childP =
        form === "forced_marriage"
          ? 0.55
          : form === "child_labour" || form === "forced_begging"
            ? 1
            : form === "online_scam"
              ? 0.25
              : 0.6
      const child = rng.chance(childP)
      let age = child
        ? rng.chance(0.85)
          ? rng.int(13, 17)
          : rng.int(8, 12)
        : rng.chance(0.7)
          ? rng.int(18, 26)
          : rng.int(27, 45)
      const ageKnown = rng.chance(0.94)
      if (ageKnown) {
        row[C.age_years] = String(age)
        if (rng.chance(0.35)) {
          const birthday = identification - age * 365 - rng.int(2, 360) - Math.floor(age / 4)
          row[C.date_of_birth] = iso(birthday)
        }
      } else age = -1

      // Where the person comes from.
      let originLat: number
      let originLon: number
      let provinceModel: ProvinceModel | undefined
      if (foreign) {
        const citizenship = foreignCitizenship.pick(rng)
        row[C.citizenship] = citizenship
        row[C.ethnicity] = rng.chance(0.6) ? "other" : ""
        const place = internal.pick(rng)
        row[C.exploitation_district] = place
        const p = provinces.find((q) => q.code === place.slice(0, 4))!
        originLat = p.lat
        originLon = p.lon
        if (rng.chance(0.8))
          row[C.border_checkpoint] = checkpointFor(rng, citizenship, year, originLat, originLon, place)
        row[C.destination_country] = "LAO"
      } else {
        row[C.citizenship] = "LAO"
        provinceModel = (
          origins[
            dest === "THA" || dest === "CHN" || dest === "LAO" ? dest : "OTHER"
          ] as Weighted<ProvinceModel>
        ).pick(rng)
        const facts = provinceModel.facts
        originLat = facts.lat
        originLon = facts.lon
        if (rng.chance(0.92)) {
          const ethnicity = provinceModel.ethnicity.pick(rng)
          row[C.ethnicity] = ethnicity
          if (rng.chance(0.6)) row[C.first_language] = firstLanguageOf[ethnicity] ?? ""
        }
        if (rng.chance(0.97)) {
          row[C.origin_province] = facts.code
          if (rng.chance(0.9)) row[C.origin_district] = `${facts.code}${pad(rng.int(1, facts.districts), 2)}`
        }
        if (dest === "LAO") {
          row[C.exploitation_district] = internal.pick(rng)
        } else if (rng.chance(0.85)) {
          row[C.border_checkpoint] = landNeighbours.has(dest)
            ? checkpointFor(rng, dest, year, originLat, originLon, facts.code)
            : airports[rng.int(0, airports.length - 1)]!
        }
        row[C.destination_country] = dest
      }
      row[C.exploitation_form] = form
      if (rng.chance(0.8)) row[C.industry] = industryOf[form].pick(rng)
      if (rng.chance(0.7)) row[C.means_of_control] = listOf(rng, meansOf[form], meansOrder, 3)
      if (rng.chance(0.6)) {
        const roles: string[] = []
        if (rng.chance(0.7)) roles.push("trafficker")
        if (form === "forced_marriage" ? rng.chance(0.6) : rng.chance(0.2)) roles.push("procurer")
        if (rng.chance(0.4)) roles.push("exploiter")
        if (form === "forced_labour" || form === "servitude" ? rng.chance(0.5) : false) roles.push("employer")
        if (rng.chance(0.6)) roles.push("recruiter")
        if (rng.chance(0.08)) roles.push("family_member")
        row[C.perpetrator_roles] = roles.join(";")
      }
      if (rng.chance(0.5))
        row[C.legal_basis] = year >= 2019 && rng.chance(0.6) ? "penal_2017_art215" : "women_2004_art28"

      // Stage history with plausible durations; exits stop it; nothing after `asOf`.
      const abroad = dest !== "LAO"
      const declined = rng.chance(0.07)
      const exitRoll = rng.next()
      const isChild = age >= 0 && age < 18
      // Presumption of childhood: an unknown age (-1) is protected as a child (BID before any move).
      const presumedChild = age < 18
      let exitReason = ""
      let exitDay = -1
      const stages: number[] = [-1, -1, -1, -1, -1, -1, -1] // interim, assessment, bid, return, reintegration, follow_up, closed
      const put = (i: number, day: number) => {
        if (day <= asOf) stages[i] = day
        return day <= asOf
      }
      if (declined) {
        const interim = identification + rng.int(0, 2)
        const inCare = rng.chance(0.4) && put(0, interim)
        exitReason = "declined_assistance"
        exitDay = (inCare ? interim : identification) + rng.int(0, 3)
        if (presumedChild) put(2, exitDay) // the BID that accepts the child's (family's) refusal
      } else {
        let t = identification + (rng.chance(0.6) ? 0 : rng.int(1, 3))
        const next = (i: number, days: number) => {
          t += days
          return put(i, t)
        }
        let ok = rng.chance(0.93) ? put(0, t) : true
        if (ok) ok = next(1, rng.int(3, 21))
        if (ok && exitRoll < 0.03) {
          exitReason = "referred_elsewhere"
          exitDay = t + rng.int(5, 30)
        } else {
          if (ok && (isChild || rng.chance(0.2))) ok = next(2, rng.int(1, 14))
          // an unknown age is presumed a child: a BID too, without a draw, so the stream stays as it was
          else if (ok && presumedChild) ok = next(2, 1 + (seq % 14))
          if (ok) ok = next(3, abroad && group === "repatriated_lao" ? rng.int(14, 90) : rng.int(3, 30))
          if (ok) ok = next(4, rng.int(1, 30))
          if (ok && exitRoll < 0.11) {
            exitReason = "lost_contact"
            exitDay = t + rng.int(30, 300)
          } else {
            if (ok) ok = next(5, rng.int(60, 240))
            if (ok && exitRoll < 0.16) {
              exitReason = "re_trafficked"
              exitDay = t + rng.int(30, 300)
            } else if (ok) next(6, rng.int(90, 365))
          }
        }
      }
      for (let i = 0; i < 7; i++) if (stages[i]! >= 0) row[C.interim_care_date + i] = iso(stages[i]!)
      if (stages[2]! >= 0) {
        // Deterministic (no draw from rng), so the rest of the synthetic data is unchanged.
        row[C.bid_outcome] =
          group === "foreign_in_lao" || group === "repatriated_lao" || group === "deported_lao"
            ? "return_home"
            : (["return_home", "return_home", "return_home", "alternative_care", "local_integration"][
                seq % 5
              ] ?? "")
        row[C.bid_decided_by] = seq % 3 === 0 ? "lwu" : "mlsw"
      }
      if (exitReason !== "" && exitDay <= asOf) {
        row[C.exit_reason] = exitReason
        row[C.exit_date] = iso(exitDay)
      }

      // Services follow the stages reached.
      const services: string[] = []
      if (stages[0]! >= 0) {
        services.push("shelter")
        if (rng.chance(0.85)) services.push("medical")
        if (rng.chance(0.7)) services.push("psychological_counselling")
      }
      if (stages[1]! >= 0) {
        if (rng.chance(0.4)) services.push("legal_counselling")
        if (rng.chance(0.6)) services.push("social_counselling")
      }
      if (stages[2]! >= 0) services.push("family_tracing")
      if (
        stages[3]! >= 0 &&
        abroad &&
        (group === "repatriated_lao" || group === "deported_lao" || group === "foreign_in_lao")
      )
        services.push("repatriation")
      if (stages[4]! >= 0) {
        if (isChild && rng.chance(0.6)) services.push("education")
        if (!isChild && rng.chance(0.6)) services.push("vocational_training")
        if (!isChild && rng.chance(0.2)) services.push("job_placement")
      }
      if (stages[5]! >= 0) services.push("follow_up_visit")
      row[C.services] = services.join(";")
      if (stages[4]! >= 0 && rng.chance(0.5)) row[C.referred_to] = referredFor.pick(rng)
      else if (row[C.exit_reason] === "referred_elsewhere") row[C.referred_to] = referredFor.pick(rng)
      const c = rng.next()
      row[C.consent] = c < 0.8 ? "yes" : c < 0.95 ? "unknown" : "no"

      // Clearly fake PII so that de-identification is exercised.
      if (rng.chance(0.7))
        row[C.victim_name] =
          `Fake ${fakeGiven[rng.int(0, fakeGiven.length - 1)]} ${fakeFamily[rng.int(0, fakeFamily.length - 1)]}`
      if (rng.chance(0.5)) row[C.phone] = `+856 20 5555 ${pad(rng.int(0, 9999), 4)}`
      if (rng.chance(0.6))
        row[C.village] = `${fakeVillages[rng.int(0, fakeVillages.length - 1)]} ${rng.int(1, 40)}`
      if (rng.chance(0.3))
        row[C.notes] = "SYNTHETIC record, not a real person; generated by lao-protect synth"
      if (settingRng.chance(0.8)) row[C.identification_setting] = settingOf(settingRng, row)
      fillDetails(detailRng, row, form, age)
      identificationPlace(placeRng, row)
      yield row
    }
  }
}
