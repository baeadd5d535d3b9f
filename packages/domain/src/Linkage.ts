/**
 * Linkage keys a partner computes locally, so that the Secretariat can recognise the same person in
 * several partners' registers without anyone exchanging names or dates of birth. From a name, a date
 * of birth or an age, and a village, `makeEncoder(secret)` derives:
 *
 * - keyed hashes (HMAC-SHA256 with the secret the Secretariat distributes, truncated to 64 bits) of
 *   the folded given name, family name, date of birth, date of birth with day and month sorted (so a
 *   transposed day and month still agree) and village, for exact agreement and blocking;
 * - Bloom-filter encodings of the name bigrams (Schnell, Bachteler and Reiher 2009) for fuzzy
 *   agreement, compared with the Dice coefficient: `bloomBits` bits, `bloomHashes` positions per
 *   bigram, drawn by double hashing from one HMAC of the bigram, so without the secret no one can
 *   compute the filter of a guessed name;
 * - the birth year in clear (exact from a date of birth, approximate from an age and the date of
 *   identification), which is no more than the case row's age already tells.
 *
 * Names are folded first (Lao script transliterated, romanisations collapsed, honorifics dropped,
 * Hmong clans taken as family names: see `internal/laoName.ts`). This module does not compare
 * records or decide matches; the warehouse does that.
 */
import * as Schema from "effect/Schema"
import { type Hmac, hmacSha256, toHex, utf8 } from "./internal/hmac.ts"
import { type FoldedName, foldName, foldToken, type NameParts } from "./internal/laoName.ts"

export { clanNames, foldToken, honorifics, transliterate } from "./internal/laoName.ts"
export type { FoldedName, NameParts }

/** Bloom filter length in bits (hex-encoded as `bloomBits / 4` characters). */
export const bloomBits = 512
/** Bit positions set per bigram. */
export const bloomHashes = 15
/** Minimum secret length in bytes. */
export const minSecretBytes = 32
/** Version of the encoding; the Secretariat refuses to link submissions of different versions. */
export const encodingVersion = 1

const hexPattern = (length: number) => new RegExp(`^(|[0-9a-f]{${length}})$`, "u")

const Hash = Schema.String.check(Schema.isPattern(hexPattern(16), { expected: "16 hex digits or empty" }))
const Bloom = Schema.String.check(
  Schema.isPattern(hexPattern(bloomBits / 4), { expected: `${bloomBits / 4} hex digits or empty` }),
)

export const LinkageKeys = Schema.Struct({
  keyId: Schema.String.check(Schema.isPattern(/^[0-9a-f]{8}$/u, { expected: "8 hex digits" })).annotate({
    description: "Fingerprint of the secret used, so submissions made with different secrets are refused",
  }),
  given: Hash.annotate({ description: "HMAC of the folded given name" }),
  family: Hash.annotate({ description: "HMAC of the folded family or clan name" }),
  bfGiven: Bloom.annotate({ description: "Bloom filter of the given-name bigrams" }),
  bfFamily: Bloom.annotate({ description: "Bloom filter of the family-name bigrams" }),
  dob: Hash.annotate({ description: "HMAC of the date of birth" }),
  dobSorted: Hash.annotate({ description: "HMAC of the birth year with day and month in sorted order" }),
  birthYear: Schema.NullOr(
    Schema.Number.check(Schema.isInt(), Schema.isBetween({ minimum: 1900, maximum: 2100 })),
  ),
  birthYearApprox: Schema.Boolean.annotate({ description: "True when the birth year comes from an age" }),
  village: Hash.annotate({ description: "HMAC of the folded village name" }),
}).annotate({
  title: "LinkageKeys",
  description: "Privacy-preserving linkage encodings of one person record",
})
export type LinkageKeys = typeof LinkageKeys.Type

export interface LinkageInput extends NameParts {
  /** `YYYY-MM-DD`; a month above 12 with a day up to 12 is read as transposed. */
  readonly dateOfBirth?: string | undefined
  /** Age in years at `referenceDate`, used when there is no date of birth. */
  readonly ageYears?: number | undefined
  /** Date of identification (`YYYY-MM-DD`), to turn an age into a birth year. */
  readonly referenceDate?: string | undefined
  readonly village?: string | undefined
}

export class LinkageSecretError extends /*#__PURE__*/ Schema.TaggedError<LinkageSecretError>()(
  "LinkageSecretError",
  {
    message: Schema.String,
  },
) {}

/** Parses a secret written as hex (at least `minSecretBytes` bytes). */
export const secretFromHex = (hex: string): Uint8Array => {
  const clean = hex.trim().toLowerCase()
  if (!/^([0-9a-f]{2})+$/u.test(clean)) {
    throw new LinkageSecretError({ message: "linkage secret: not a hex string" })
  }
  if (clean.length / 2 < minSecretBytes) {
    throw new LinkageSecretError({
      message: `linkage secret: ${clean.length / 2} bytes, at least ${minSecretBytes} are required`,
    })
  }
  const bytes = new Uint8Array(clean.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

/** A new random secret (hex) from the platform's cryptographic random source. */
export const generateSecret = (): string => {
  const bytes = new Uint8Array(minSecretBytes)
  // Web Crypto's random source exists in browsers and Node 20+; typed here without DOM or Node types
  ;(globalThis as unknown as { crypto: { getRandomValues: (b: Uint8Array) => void } }).crypto.getRandomValues(
    bytes,
  )
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
}

interface ParsedDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** Reads `YYYY-MM-DD`, accepting a transposed day and month when only that reading is a date. */
export const parseBirthDate = (text: string | undefined): ParsedDate | undefined => {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text?.trim() ?? "")
  if (!match) return undefined
  const year = Number(match[1])
  let month = Number(match[2])
  let day = Number(match[3])
  if (month > 12 && day <= 12) [month, day] = [day, month]
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined
  return { year, month, day }
}

const pad2 = (n: number) => String(n).padStart(2, "0")

/** Bigrams of each folded word, padded with `_` at both ends (`_s su uk ... n_`). */
export const bigrams = (folded: string): ReadonlyArray<string> => {
  const out = new Set<string>()
  for (const word of folded.split(" ")) {
    if (word === "") continue
    const padded = `_${word}_`
    for (let i = 0; i < padded.length - 1; i++) out.add(padded.slice(i, i + 2))
  }
  return [...out]
}

/** Dice coefficient of two hex-encoded Bloom filters (0 when either is empty). */
export const dice = (a: string, b: string): number => {
  if (a === "" || b === "" || a.length !== b.length) return 0
  let both = 0
  let ones = 0
  for (let i = 0; i < a.length; i += 8) {
    const x = Number.parseInt(a.slice(i, i + 8), 16)
    const y = Number.parseInt(b.slice(i, i + 8), 16)
    both += popcount((x & y) >>> 0)
    ones += popcount(x) + popcount(y)
  }
  return ones === 0 ? 0 : (2 * both) / ones
}

const popcount = (v: number): number => {
  let n = v - ((v >>> 1) & 0x55555555)
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333)
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

export interface Encoder {
  /** Fingerprint of the secret (first 32 bits of an HMAC of a fixed label). */
  readonly keyId: string
  readonly encode: (input: LinkageInput) => LinkageKeys
  /** The folded name an input yields (for tests and for a partner checking its own data). */
  readonly fold: (input: NameParts) => FoldedName
  /** The Bloom filter of one folded name. */
  readonly bloom: (folded: string) => string
}

/** An encoder bound to one secret (hex string or bytes). Bigram positions are cached per encoder. */
export const makeEncoder = (secret: string | Uint8Array): Encoder => {
  const hmac: Hmac = hmacSha256(typeof secret === "string" ? secretFromHex(secret) : checkBytes(secret))
  const keyed = (label: string, value: string): string =>
    value === "" ? "" : toHex(hmac(utf8(`${label}|${value}`)), 2)
  const positions = new Map<string, Uint16Array>()
  const positionsOf = (bigram: string): Uint16Array => {
    let found = positions.get(bigram)
    if (found === undefined) {
      const digest = hmac(utf8(`bigram|${bigram}`))
      const h1 = digest[0]!
      const h2 = digest[1]! | 1
      found = new Uint16Array(bloomHashes)
      // bloomBits is a power of two, so the low bits of the 32-bit sum are the position
      for (let i = 0; i < bloomHashes; i++) found[i] = (h1 + Math.imul(i, h2)) & (bloomBits - 1)
      positions.set(bigram, found)
    }
    return found
  }
  const bloom = (folded: string): string => {
    const grams = bigrams(folded)
    if (grams.length === 0) return ""
    const words = new Uint32Array(bloomBits / 32)
    for (const gram of grams) {
      for (const p of positionsOf(gram)) words[p >>> 5] = words[p >>> 5]! | (1 << (31 - (p & 31)))
    }
    return toHex(words)
  }
  const keyId = toHex(hmac(utf8("lao-protect linkage key id")), 1)
  const encode = (input: LinkageInput): LinkageKeys => {
    const name = foldName(input)
    const born = parseBirthDate(input.dateOfBirth)
    let birthYear: number | null = born?.year ?? null
    let birthYearApprox = false
    if (born === undefined && input.ageYears !== undefined && Number.isFinite(input.ageYears)) {
      const reference = /^(\d{4})-/u.exec(input.referenceDate ?? "")
      if (reference) {
        birthYear = Number(reference[1]) - Math.round(input.ageYears)
        birthYearApprox = true
      }
    }
    if (birthYear !== null && (birthYear < 1900 || birthYear > 2100)) birthYear = null
    const village = (input.village ?? "")
      .split(/\s+/u)
      .map(foldToken)
      .filter((w) => w !== "" && w !== "ban")
      .join(" ")
    return {
      keyId,
      // one label for both parts, so that a given name written in the family place still agrees
      given: keyed("name", name.given),
      family: keyed("name", name.family),
      bfGiven: bloom(name.given),
      bfFamily: bloom(name.family),
      dob: born ? keyed("dob", `${born.year}-${pad2(born.month)}-${pad2(born.day)}`) : "",
      dobSorted: born
        ? keyed(
            "dob-sorted",
            `${born.year}-${pad2(Math.min(born.month, born.day))}-${pad2(Math.max(born.month, born.day))}`,
          )
        : "",
      birthYear,
      birthYearApprox: birthYear !== null && birthYearApprox,
      village: keyed("village", village),
    }
  }
  return { keyId, encode, fold: foldName, bloom }
}

const checkBytes = (bytes: Uint8Array): Uint8Array => {
  if (bytes.length < minSecretBytes) {
    throw new LinkageSecretError({
      message: `linkage secret: ${bytes.length} bytes, at least ${minSecretBytes} are required`,
    })
  }
  return bytes
}
