/**
 * Normalisation of Lao personal names before linkage: Lao script is transliterated to Latin, every
 * romanisation is folded to one phonetic spelling (Souksavanh, Souksavan and ສຸກສະຫວັນ all become
 * `suksavan`), honorifics are dropped and Hmong clan names are recognised as family names wherever
 * they stand. The folding is deliberately lossy: it is for comparing, never for display.
 */

const consonants: Record<string, string> = {
  ກ: "k",
  ຂ: "kh",
  ຄ: "kh",
  ງ: "ng",
  ຈ: "ch",
  ສ: "s",
  ຊ: "x",
  ຍ: "ny",
  ດ: "d",
  ຕ: "t",
  ຖ: "th",
  ທ: "th",
  ນ: "n",
  ບ: "b",
  ປ: "p",
  ຜ: "ph",
  ຝ: "f",
  ພ: "ph",
  ຟ: "f",
  ມ: "m",
  ຢ: "y",
  ຣ: "r",
  ລ: "l",
  ວ: "v",
  ຫ: "h",
  ອ: "o",
  ຮ: "h",
  ໜ: "n",
  ໝ: "m",
  ໞ: "k",
  ໟ: "ny",
}

const vowels: Record<string, string> = {
  ະ: "a",
  "ັ": "a",
  າ: "a",
  ຳ: "am",
  "ິ": "i",
  "ີ": "i",
  "ຶ": "eu",
  "ື": "eu",
  "ຸ": "ou",
  "ູ": "ou",
  "ົ": "o",
  "ໍ": "o",
  ຽ: "ia",
  "ຼ": "l",
}

const preVowels: Record<string, string> = { ເ: "e", ແ: "ae", ໂ: "o", ໄ: "ai", ໃ: "ai" }

/** ຫ before these consonants only carries the tone (ຫວ, ຫນ, ຫມ, ຫລ ...). */
const sonorants = new Set(["ງ", "ຍ", "ນ", "ມ", "ລ", "ວ", "ຣ"])

const isLaoConsonant = (ch: string | undefined): boolean => ch !== undefined && ch in consonants

const finals: Record<string, string> = { ກ: "k", ດ: "t", ບ: "p" }

type Sound = "start" | "consonant" | "vowel"

/** Latin transliteration of a Lao-script word (tone marks and repetition marks are dropped). */
export const transliterate = (word: string): string => {
  const chars = Array.from(word.normalize("NFC")).filter((ch) => !toneMarks.has(ch))
  let out = ""
  let pending = ""
  // what the previous sound was: a consonant still waiting for its vowel, a vowel, or nothing yet
  let last: Sound = "start"
  const emitVowel = (v: string): Sound => {
    out += v
    return "vowel"
  }
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    const next = chars[i + 1]
    if (ch in preVowels) {
      pending = preVowels[ch]!
      last = "start"
      continue
    }
    if (ch === "ົ" && next === "ວ") {
      last = emitVowel("ua")
      i++
      continue
    }
    if (ch === "ຼ") {
      out += "l"
      last = "consonant"
      continue
    }
    if (isLaoConsonant(ch)) {
      if (ch === "ຫ" && (sonorants.has(next ?? "") || next === "ຼ")) continue
      if (ch === "ອ") {
        if (last === "consonant") last = emitVowel("o")
        else if (pending !== "") {
          last = emitVowel(pending)
          pending = ""
        } else last = "start"
        continue
      }
      const nextIsVowel = next !== undefined && next in vowels
      if (ch === "ວ" && last === "vowel" && !nextIsVowel) {
        last = emitVowel("o")
        continue
      }
      if (ch === "ວ" && last === "consonant" && isLaoConsonant(next)) {
        last = emitVowel("ua")
        continue
      }
      if (ch === "ຍ" && last === "vowel" && !nextIsVowel) {
        last = emitVowel("y")
        continue
      }
      const isFinal = last === "vowel" && pending === "" && !nextIsVowel
      out += isFinal ? (finals[ch] ?? consonants[ch]) : consonants[ch]
      last = "consonant"
      if (pending !== "") {
        if (ch !== "ຫ" || !isLaoConsonant(next)) {
          last = emitVowel(pending)
          // ເ + C + ັ is a short e, not "ea"
          if ((pending === "e" || pending === "ae") && next === "ັ") i++
          pending = ""
        }
      }
      continue
    }
    if (ch in vowels) {
      last = emitVowel(vowels[ch]!)
      continue
    }
    if (/[a-z]/i.test(ch)) out += ch.toLowerCase()
  }
  return out + pending
}

const toneMarks = new Set(["\u0EC8", "\u0EC9", "\u0ECA", "\u0ECB", "\u0ECC", "\u0EC6"])

const laoScript = /[\u0E80-\u0EFF]/

/** Rewrites applied in order to a lower-case Latin word; many romanisations collapse to one. */
const folds: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/g, "p"],
  [/th/g, "t"],
  [/kh/g, "k"],
  [/ch|sh|x|j|z/g, "s"],
  [/nh|ny(?=[aeiou])|gn/g, "n"],
  [/([aeiou])ne(?![aeiou])/g, "$1n"],
  [/aw/g, "ao"],
  [/w/g, "v"],
  [/ou|oo|eu|ue/g, "u"],
  [/ee|y/g, "i"],
  [/ae/g, "e"],
  [/q|c/g, "k"],
  [/r/g, "l"],
  [/d/g, "t"],
  [/(?!^)h/g, ""],
  [/(.)\1+/g, "$1"],
]

/** One phonetic spelling for every romanisation (and transliteration) of a Lao name token. */
export const foldToken = (token: string): string => {
  let word = laoScript.test(token) ? transliterate(token) : token
  word = word
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "")
  for (const [pattern, replacement] of folds) word = word.replace(pattern, replacement)
  if (word.length > 3 && word.endsWith("e") && !/[aeiou]e$/.test(word)) word = word.slice(0, -1)
  return word
}

/** Titles and forms of address, in Lao script and romanised (compared after folding). */
export const honorifics: ReadonlyArray<string> = [
  "ນາງ",
  "ທ້າວ",
  "ທ່ານ",
  "ທ່ານນາງ",
  "ສາວ",
  "ນ.",
  "ທ.",
  "ດຣ.",
  "mr",
  "mrs",
  "ms",
  "miss",
  "mister",
  "madam",
  "madame",
  "mme",
  "mlle",
  "dr",
  "nang",
  "sao",
  "than",
  "thannang",
]

/** Hmong clans (xeem); the clan is the family name whether written first or last. */
export const clanNames: ReadonlyArray<string> = [
  "Chang",
  "Cheng",
  "Chue",
  "Fang",
  "Hang",
  "Her",
  "Khang",
  "Kong",
  "Kue",
  "Lee",
  "Ly",
  "Lo",
  "Lor",
  "Moua",
  "Pha",
  "Thao",
  "Vang",
  "Vue",
  "Xiong",
  "Yang",
]

const honorificSet = new Set(honorifics.map((h) => h.normalize("NFC").toLowerCase().replace(/\.$/, "")))
const foldedHonorifics = new Set(honorifics.filter((h) => !laoScript.test(h)).map(foldToken))
const foldedClans = new Set(clanNames.map(foldToken))
/** "Thao" is both the Lao "Mr" (ທ້າວ) and a Hmong clan. */
const ambiguousThao = foldToken("Thao")

const isHonorific = (raw: string, folded: string): boolean =>
  honorificSet.has(raw.normalize("NFC").toLowerCase().replace(/\.$/, "")) ||
  (foldedHonorifics.has(folded) && folded !== ambiguousThao)

export interface FoldedName {
  /** Folded given name(s), space-separated; "" when unknown. */
  readonly given: string
  /** Folded family or clan name; "" when unknown. */
  readonly family: string
}

const tokensOf = (text: string): Array<string> =>
  text
    .normalize("NFC")
    .split(/[\s,;/()"]+|(?<=\.)/u)
    .map((t) => t.trim())
    .filter((t) => t !== "" && t !== ".")

export interface NameParts {
  readonly givenName?: string | undefined
  readonly familyName?: string | undefined
  /** A whole name as written (given name first, as Lao names are written), used when the parts are missing. */
  readonly fullName?: string | undefined
}

/**
 * Splits and folds a name. Honorifics are dropped ("Thao" only when it opens a name of three or
 * more words, since it is also a clan); a Hmong clan anywhere (the last one, when two words are clans) becomes the family name; otherwise the
 * first word is the given name and the rest the family name.
 */
export const foldName = (parts: NameParts): FoldedName => {
  const clean = (text: string | undefined, opening: boolean): Array<string> => {
    const raw = tokensOf(text ?? "")
    const out: Array<string> = []
    raw.forEach((token, index) => {
      const folded = foldToken(token)
      if (folded === "" && !laoScript.test(token)) return
      if (isHonorific(token, folded)) return
      if (opening && index === 0 && folded === ambiguousThao && raw.length >= 3) return
      if (folded !== "") out.push(folded)
    })
    return out
  }
  const given = clean(parts.givenName, true)
  const family = clean(parts.familyName, false)
  if (given.length > 0 || family.length > 0) return { given: given.join(" "), family: family.join(" ") }
  const words = clean(parts.fullName, true)
  if (words.length === 0) return { given: "", family: "" }
  const clanAt = words.length > 1 ? words.findLastIndex((w) => foldedClans.has(w)) : -1
  if (clanAt >= 0) {
    return { given: words.filter((_, i) => i !== clanAt).join(" "), family: words[clanAt]! }
  }
  return { given: words[0]!, family: words.slice(1).join(" ") }
}
