/**
 * Multi-partner synthetic data with ground truth, for record linkage: persons are drawn once, each
 * identification episode is reported by 1-4 partners, and some persons are re-trafficked and
 * identified again years later. Every report carries the noise partners' registers really have:
 * romanisation variants and Lao script, honorifics, typos, swapped name order, a missing date of
 * birth (age only), an age off by one, a transposed day and month, a village or district left out.
 * The case attributes come from `generateCases`, so each episode looks like a single-partner case.
 */
import { generateCases, type SynthRow, synthColumns } from "./generate.ts"
import { drawName, laoSpelling, spell } from "./lao-names.ts"
import { makeRng, type Rng, weighted } from "./prng.ts"

const C = Object.fromEntries(synthColumns.map((c, i) => [c, i])) as { readonly [K in string]: number }

/** Probabilities of each kind of noise in one partner's report. */
export interface Noise {
  readonly romanisation: number
  readonly laoScript: number
  readonly honorific: number
  readonly typo: number
  readonly swappedOrder: number
  readonly familyMissing: number
  readonly dateOfBirth: number
  readonly swappedDayMonth: number
  readonly ageOffByOne: number
  readonly ageMissing: number
  readonly village: number
  readonly districtMissing: number
  /** Another district of the same province written down. */
  readonly districtError: number
  readonly sexError: number
}

export const defaultNoise: Noise = {
  romanisation: 0.4,
  laoScript: 0.15,
  honorific: 0.15,
  typo: 0.1,
  swappedOrder: 0.05,
  familyMissing: 0.05,
  dateOfBirth: 0.45,
  swappedDayMonth: 0.1,
  ageOffByOne: 0.25,
  ageMissing: 0.04,
  village: 0.6,
  districtMissing: 0.1,
  districtError: 0.03,
  sexError: 0.01,
}

export const multiPartners = ["mps_atd", "lwu", "afesip", "iom", "mlsw"] as const

export interface MultiPartnerOptions {
  readonly seed: number
  readonly persons: number
  readonly fromYear: number
  readonly toYear: number
  /** Share of persons identified again in a later episode. */
  readonly reTrafficked?: number
  readonly noise?: Partial<Noise>
}

/** One partner's report of one episode, with the truth the linkage must recover. */
export interface PartnerReport {
  readonly partner: string
  readonly row: SynthRow
  readonly personId: number
  readonly episode: number
}

const partnersPerEpisode = weighted([
  [1, 40],
  [2, 35],
  [3, 18],
  [4, 7],
])

const DAY = 86_400_000
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)
const dayOfIso = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY)

const honorificsFor = (female: boolean): ReadonlyArray<string> =>
  female ? ["Nang", "ນາງ", "Ms.", "Miss"] : ["Thao", "ທ້າວ", "Mr."]

const letters = "abcdefghijklmnoprstuvy"

const typo = (rng: Rng, word: string): string => {
  if (word.length < 3) return word
  const i = rng.int(1, word.length - 2)
  const kind = rng.int(0, 2)
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1)
  if (kind === 1) return word.slice(0, i) + letters[rng.int(0, letters.length - 1)] + word.slice(i + 1)
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
}

const villages = [
  "Nongbone",
  "Phonsavanh",
  "Thongkhankham",
  "Nakham",
  "Donkoi",
  "Sisavath",
  "Phonthan",
  "Huaykhot",
  "Nasai",
  "Khoksaat",
  "Hatsaykhao",
  "Vangvieng",
  "Nongtha",
  "Thasang",
  "Phonexay",
  "Dongdok",
]

interface Person {
  readonly id: number
  readonly name: ReturnType<typeof drawName>
  readonly female: boolean
  readonly birthDay: number
  readonly district: string
  readonly province: string
  readonly village: string
}

/**
 * The reports, person by person. Episodes are drawn with `generateCases` (one per episode), then
 * each partner's copy gets the person's identity with its own noise and its own case id.
 */
export function* generateMultiPartner(
  options: MultiPartnerOptions,
): Generator<PartnerReport, void, undefined> {
  const noise = { ...defaultNoise, ...options.noise }
  const rng = makeRng(options.seed ^ 0x11a6e)
  const reTrafficked = options.reTrafficked ?? 0.08
  const episodes = generateCases({
    seed: options.seed,
    fromYear: options.fromYear,
    toYear: options.toYear,
    cases: Math.ceil(options.persons * (1 + reTrafficked) + 10),
  })
  const seqOf = new Map<string, number>()
  const nextEpisode = (): SynthRow => {
    const next = episodes.next()
    if (next.done) throw new Error("multi-partner synth: ran out of episodes")
    return next.value
  }
  const lastDay = dayOfIso(`${options.toYear}-12-31`)
  for (let id = 1; id <= options.persons; id++) {
    const first = nextEpisode()
    const identified = dayOfIso(first[C.identification_date!]!)
    const age = first[C.age_years!] === "" ? rng.int(12, 30) : Number(first[C.age_years!])
    const province = first[C.origin_province!] || "LA01"
    const person: Person = {
      id,
      name: drawName(rng),
      female: first[C.sex!] !== "male",
      birthDay: identified - age * 365 - rng.int(0, 364) - Math.floor(age / 4),
      district: first[C.origin_district!] || `${province}0${rng.int(1, 4)}`,
      province,
      village: villages[rng.int(0, villages.length - 1)]!,
    }
    const rows: Array<SynthRow> = [first]
    if (rng.chance(reTrafficked)) {
      const later = identified + rng.int(365, 5 * 365)
      if (later <= lastDay) {
        const second = nextEpisode()
        second[C.identification_date!] = isoOf(later)
        // stages of the later episode restart from its identification
        for (const column of [
          "interim_care_date",
          "assessment_date",
          "bid_date",
          "return_date",
          "reintegration_date",
          "follow_up_date",
          "closed_date",
          "exit_date",
        ]) {
          const value = second[C[column]!]!
          if (value !== "") second[C[column]!] = ""
        }
        second[C.exit_reason!] = ""
        rows.push(second)
        // the first episode closed before the person was found again
        if (first[C.closed_date!] === "" || dayOfIso(first[C.closed_date!]!) >= later) {
          first[C.closed_date!] = isoOf(Math.min(later - 30, Math.max(identified + 60, later - 200)))
          first[C.exit_reason!] = ""
          first[C.exit_date!] = ""
        }
      }
    }
    for (let episode = 0; episode < rows.length; episode++) {
      const base = rows[episode]!
      const count = partnersPerEpisode.pick(rng)
      const pool = [...multiPartners]
      for (let k = 0; k < count; k++) {
        const partner = pool.splice(rng.int(0, pool.length - 1), 1)[0]!
        const seq = (seqOf.get(partner) ?? 0) + 1
        seqOf.set(partner, seq)
        yield {
          partner,
          personId: id,
          episode,
          row: report(rng, noise, person, base, partner, seq, k === 0 ? 0 : rng.int(0, 45), lastDay),
        }
      }
    }
  }
}

const report = (
  rng: Rng,
  noise: Noise,
  person: Person,
  base: SynthRow,
  partner: string,
  seq: number,
  delay: number,
  lastDay: number,
): SynthRow => {
  const row = [...base]
  row[C.case_id!] = `SYN-${partner.toUpperCase()}-${String(seq).padStart(6, "0")}`
  row[C.source!] = partner
  const identified = Math.min(lastDay, dayOfIso(base[C.identification_date!]!) + delay)
  row[C.identification_date!] = isoOf(identified)
  for (const column of [
    "interim_care_date",
    "assessment_date",
    "bid_date",
    "return_date",
    "reintegration_date",
    "follow_up_date",
    "closed_date",
    "exit_date",
  ]) {
    const value = row[C[column]!]!
    if (value !== "" && dayOfIso(value) < identified) row[C[column]!] = isoOf(identified)
  }
  const female = rng.chance(noise.sexError) ? !person.female : person.female
  row[C.sex!] = female ? "female" : "male"

  const name = person.name
  const variant = noise.romanisation
  const useLao = !name.hmong && rng.chance(noise.laoScript)
  let given = useLao ? (laoSpelling(name.given) ?? "") : spell(rng, name.given, variant)
  let family = useLao ? (laoSpelling(name.family) ?? "") : spell(rng, name.family, variant)
  if (!useLao && rng.chance(noise.typo)) {
    if (rng.chance(0.5)) given = typo(rng, given)
    else family = typo(rng, family)
  }
  const words = rng.chance(noise.familyMissing)
    ? [given]
    : name.hmong
      ? rng.chance(0.5)
        ? [family, given]
        : [given, family]
      : rng.chance(noise.swappedOrder)
        ? [family, given]
        : [given, family]
  if (rng.chance(noise.honorific)) {
    const titles = honorificsFor(person.female)
    words.unshift(titles[rng.int(0, titles.length - 1)]!)
  }
  row[C.victim_name!] = words.join(" ")

  const age = Math.floor((identified - person.birthDay) / 365.25)
  row[C.date_of_birth!] = ""
  row[C.age_years!] = ""
  if (rng.chance(noise.dateOfBirth)) {
    const born = isoOf(person.birthDay)
    const [y, m, d] = born.split("-")
    row[C.date_of_birth!] = rng.chance(noise.swappedDayMonth) && Number(d) <= 12 ? `${y}-${d}-${m}` : born
    row[C.age_years!] = String(age)
  } else if (!rng.chance(noise.ageMissing)) {
    row[C.age_years!] = String(
      Math.max(0, age + (rng.chance(noise.ageOffByOne) ? (rng.chance(0.5) ? 1 : -1) : 0)),
    )
  }
  row[C.origin_province!] = person.province
  row[C.origin_district!] = rng.chance(noise.districtMissing)
    ? ""
    : rng.chance(noise.districtError)
      ? `${person.province}0${rng.int(1, 5)}`
      : person.district
  row[C.citizenship!] = "LAO"
  row[C.village!] = rng.chance(noise.village) ? `Ban ${person.village}` : ""
  row[C.phone!] = ""
  row[C.notes!] = "SYNTHETIC record, not a real person; generated by lao-protect synth --partners"
  return row
}

export interface MultiPartnerTables {
  /** Each partner's register as CaseRow cells (names and dates of birth included, as the partner holds it). */
  readonly tables: ReadonlyMap<string, { header: ReadonlyArray<string>; rows: Array<SynthRow> }>
  /** record id (`partner/case_id`), true person and episode (0 = first identification). */
  readonly truth: ReadonlyArray<readonly [string, number, number]>
}

/** The reports grouped into one register per partner, with the ground truth beside them. */
export const multiPartnerTables = (options: MultiPartnerOptions): MultiPartnerTables => {
  const tables = new Map<string, { header: ReadonlyArray<string>; rows: Array<SynthRow> }>()
  const truth: Array<readonly [string, number, number]> = []
  for (const report of generateMultiPartner(options)) {
    let table = tables.get(report.partner)
    if (table === undefined) {
      table = { header: synthColumns, rows: [] }
      tables.set(report.partner, table)
    }
    table.rows.push(report.row)
    truth.push([`${report.partner}/${report.row[C.case_id!]}`, report.personId, report.episode])
  }
  return { tables, truth }
}
