/**
 * Synthetic Lao and Hmong names for the multi-partner generator and the attacker test: names are
 * compounds of common syllables, each with the romanisations partners actually write and its Lao
 * spelling. Frequencies follow a Zipf law over the compounds, so a few names are very common, as in
 * real registers. The names are invented combinations; any resemblance to a real person is chance.
 */
import type { Rng } from "./prng.ts"

/** One syllable: romanisations (the first is the most common) and the Lao spelling. */
type Syllable = readonly [ReadonlyArray<string>, string]

const givenFirst: ReadonlyArray<Syllable> = [
  [["Souk", "Suk"], "ສຸກ"],
  [["Phet", "Pet"], "ເພັດ"],
  [["Boun", "Bun"], "ບຸນ"],
  [["Kham", "Kam"], "ຄຳ"],
  [["Chan", "Chanh", "Jan"], "ຈັນ"],
  [["Vong", "Wong"], "ວົງ"],
  [["Sone", "Son"], "ສອນ"],
  [["Thong", "Tong"], "ທອງ"],
  [["Noy", "Noi"], "ນ້ອຍ"],
  [["Dao"], "ດາວ"],
  [["Keo", "Kaeo"], "ແກ້ວ"],
  [["Xay", "Sai", "Say"], "ໄຊ"],
  [["Phon", "Phone", "Pon"], "ພອນ"],
  [["Vila", "Wila"], "ວິລາ"],
  [["Mali", "Maly"], "ມະລິ"],
  [["Nok"], "ນົກ"],
  [["Bua", "Boua"], "ບົວ"],
  [["Sy", "Si", "See"], "ສີ"],
  [["Seng"], "ແສງ"],
  [["Khon", "Khone"], "ຄອນ"],
  [["Vanh", "Van", "Vane"], "ວັນ"],
  [["La"], "ລາ"],
  [["Inh", "In"], "ອິນ"],
  [["Chit", "Jit"], "ຈິດ"],
  [["Kong"], "ກອງ"],
  [["Daeng", "Deng"], "ແດງ"],
  [["Mon", "Mone"], "ມອນ"],
  [["Ong"], "ອົງ"],
  [["Thip", "Tip"], "ທິບ"],
  [["Pha"], "ພາ"],
]

const givenSecond: ReadonlyArray<Syllable> = [
  [["savanh", "savan", "savane"], "ສະຫວັນ"],
  [["samone", "samon"], "ສະໝອນ"],
  [["my", "mi", "mee"], "ມີ"],
  [["phone", "phon"], "ພອນ"],
  [["thida", "tida"], "ທິດາ"],
  [["vanh", "van", "vane"], "ວັນ"],
  [["sy", "si"], "ສີ"],
  [["daeng", "deng"], "ແດງ"],
  [["chit", "jit"], "ຈິດ"],
  [["la"], "ລາ"],
  [["kham", "kam"], "ຄຳ"],
  [["mala"], "ມາລາ"],
  [["vilay", "vilai", "wilai"], "ວິໄລ"],
  [["thong", "tong"], "ທອງ"],
  [["sack", "sak"], "ສັກ"],
  [["nga"], "ງາ"],
  [["xay", "sai", "say"], "ໄຊ"],
  [["houng", "hung"], "ຮຸ່ງ"],
  [["kéo", "keo"], "ແກ້ວ"],
  [["many", "mani", "manee"], "ມະນີ"],
  [["lath", "lat"], "ລາດ"],
  [["nouane", "nuan"], "ນວນ"],
]

const familyFirst: ReadonlyArray<Syllable> = [
  [["Phomma", "Pomma"], "ພົມມະ"],
  [["Keo", "Kaeo"], "ແກ້ວ"],
  [["Siri", "Sili"], "ສີລິ"],
  [["Intha", "Inta"], "ອິນທະ"],
  [["Vongsa", "Wongsa"], "ວົງສາ"],
  [["Seng"], "ແສງ"],
  [["Chantha", "Jantha"], "ຈັນທະ"],
  [["Sou", "Su"], "ສຸ"],
  [["Bounna", "Bunna"], "ບຸນນະ"],
  [["Khamma", "Kamma"], "ຄຳມະ"],
  [["Phetsa", "Petsa"], "ເພັດສະ"],
  [["Xaya", "Saya"], "ໄຊຍະ"],
  [["Luang", "Louang"], "ຫຼວງ"],
  [["Thamma", "Tamma"], "ທຳມະ"],
  [["Ratsa", "Latsa"], "ລັດສະ"],
  [["Souvanna", "Suvanna"], "ສຸວັນນະ"],
  [["Vilai", "Vilay"], "ວິໄລ"],
  [["Douang", "Duang"], "ດວງ"],
  [["Sayasi", "Xayasy"], "ໄຊຍະສີ"],
  [["Thipha", "Tipha"], "ທິພາ"],
  [["Manee", "Many"], "ມະນີ"],
  [["Kongma", "Khongma"], "ກອງມະ"],
  [["Outha", "Utha"], "ອຸທະ"],
  [["Sinha", "Sinh"], "ສິນຫາ"],
  [["Phila", "Pila"], "ພິລາ"],
]

const familySecond: ReadonlyArray<Syllable> = [
  [["vong", "vongs", "wong"], "ວົງ"],
  [["chanh", "chan", "jan"], "ຈັນ"],
  [["many", "mani"], "ມະນີ"],
  [["phone", "phon"], "ພອນ"],
  [["sack", "sak"], "ສັກ"],
  [["lath", "lat"], "ລາດ"],
  [["sy", "si"], "ສີ"],
  [["thavong", "tavong"], "ທະວົງ"],
  [["vanh", "van"], "ວັນ"],
  [["khoun", "khun"], "ຄູນ"],
  [["mixay", "misai"], "ມີໄຊ"],
  [["dara", "dala"], "ດາລາ"],
  [["nouvong", "nuvong"], "ນຸວົງ"],
  [["kham", "kam"], "ຄຳ"],
  [["phanh", "phan"], "ພັນ"],
  [["say", "xay", "sai"], "ໄຊ"],
  [["thep", "tep"], "ເທບ"],
  [["sone", "son"], "ສອນ"],
  [["vilay", "vilai"], "ວິໄລ"],
  [["khamphet", "kamphet"], "ຄຳເພັດ"],
]

const hmongGiven: ReadonlyArray<string> = [
  "Pao",
  "Mai",
  "Nou",
  "Xee",
  "Chia",
  "Kia",
  "Tou",
  "Yer",
  "Blia",
  "Pang",
  "Nhia",
  "Shoua",
  "Fue",
  "Cher",
  "Kou",
  "Ka",
  "Sai",
  "Houa",
  "True",
  "Lia",
]
const hmongClans: ReadonlyArray<string> = [
  "Vang",
  "Xiong",
  "Yang",
  "Lee",
  "Her",
  "Lor",
  "Moua",
  "Thao",
  "Vue",
  "Chang",
  "Hang",
  "Kue",
  "Khang",
  "Cheng",
  "Kong",
  "Fang",
]

/** A name as one person carries it: syllables for each part (Lao) or plain words (Hmong). */
export interface PersonName {
  readonly hmong: boolean
  readonly given: ReadonlyArray<Syllable> | string
  readonly family: ReadonlyArray<Syllable> | string
}

const zipfPick = <T>(rng: Rng, items: ReadonlyArray<T>, s = 1.05): T => {
  // inverse-CDF on a Zipf law, cached per array length
  const cdf = zipfCdf(items.length, s)
  const r = rng.next()
  let lo = 0
  let hi = cdf.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (r < cdf[mid]!) hi = mid
    else lo = mid + 1
  }
  return items[lo]!
}

const cdfCache = new Map<string, Float64Array>()
const zipfCdf = (n: number, s: number): Float64Array => {
  const key = `${n}/${s}`
  let cdf = cdfCache.get(key)
  if (cdf === undefined) {
    cdf = new Float64Array(n)
    let total = 0
    for (let i = 0; i < n; i++) total += 1 / (i + 1) ** s
    let acc = 0
    for (let i = 0; i < n; i++) {
      acc += 1 / (i + 1) ** s / total
      cdf[i] = acc
    }
    cdf[n - 1] = 1
    cdfCache.set(key, cdf)
  }
  return cdf
}

/** Share of persons with a Hmong name (Hmong-Mien groups are over-represented among victims). */
export const hmongShare = 0.15

export const drawName = (rng: Rng): PersonName => {
  if (rng.chance(hmongShare)) {
    return { hmong: true, given: zipfPick(rng, hmongGiven, 0.7), family: zipfPick(rng, hmongClans, 0.8) }
  }
  const given = rng.chance(0.2)
    ? [zipfPick(rng, givenFirst, 0.7)]
    : [zipfPick(rng, givenFirst, 0.7), zipfPick(rng, givenSecond, 0.7)]
  return {
    hmong: false,
    given,
    family: [zipfPick(rng, familyFirst, 0.5), zipfPick(rng, familySecond, 0.5)],
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase()

/** The usual spelling of a name part; `variant` picks other romanisations with that probability. */
export const spell = (rng: Rng | undefined, part: ReadonlyArray<Syllable> | string, variant = 0): string => {
  if (typeof part === "string") return part
  return cap(
    part
      .map(([forms]) =>
        rng !== undefined && forms.length > 1 && rng.chance(variant)
          ? forms[rng.int(1, forms.length - 1)]!
          : forms[0]!,
      )
      .join(""),
  )
}

/** The Lao-script spelling of a Lao name part, or undefined for a Hmong name. */
export const laoSpelling = (part: ReadonlyArray<Syllable> | string): string | undefined =>
  typeof part === "string" ? undefined : part.map(([, lao]) => lao).join("")

/**
 * The `size` most frequent full names (given + family, usual spelling) under the generator's law:
 * the attacker's dictionary, which knows the real name distribution but not the key.
 */
export const commonNames = (size: number): ReadonlyArray<{ given: string; family: string }> => {
  const scored: Array<{ given: string; family: string; p: number }> = []
  const z = (n: number, i: number, s = 1.05) => {
    const cdf = zipfCdf(n, s)
    return cdf[i]! - (i === 0 ? 0 : cdf[i - 1]!)
  }
  const laoGiven: Array<[string, number]> = []
  givenFirst.forEach((a, i) => {
    laoGiven.push([spell(undefined, [a]), 0.2 * z(givenFirst.length, i, 0.7)])
    givenSecond.forEach((b, j) => {
      laoGiven.push([
        spell(undefined, [a, b]),
        0.8 * z(givenFirst.length, i, 0.7) * z(givenSecond.length, j, 0.7),
      ])
    })
  })
  const laoFamily: Array<[string, number]> = []
  familyFirst.forEach((a, i) => {
    familySecond.forEach((b, j) => {
      laoFamily.push([
        spell(undefined, [a, b]),
        z(familyFirst.length, i, 0.5) * z(familySecond.length, j, 0.5),
      ])
    })
  })
  for (const [given, pg] of laoGiven)
    for (const [family, pf] of laoFamily) scored.push({ given, family, p: (1 - hmongShare) * pg * pf })
  hmongGiven.forEach((given, i) => {
    hmongClans.forEach((family, j) => {
      scored.push({
        given,
        family,
        p: hmongShare * z(hmongGiven.length, i, 0.7) * z(hmongClans.length, j, 0.8),
      })
    })
  })
  scored.sort((a, b) => b.p - a.p)
  return scored.slice(0, size).map(({ given, family }) => ({ given, family }))
}
