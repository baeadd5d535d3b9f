import { createHash, createHmac } from "node:crypto"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { hmacSha256, sha256, toHex, utf8 } from "../src/internal/hmac.ts"
import * as Linkage from "../src/Linkage.ts"

const secret = "6c616f2d70726f746563742d746573742d7365637265742d6f662d33322d6279746573"
const other = "a1".repeat(32)
const encoder = Linkage.makeEncoder(secret)

describe("hmac", () => {
  it("matches node:crypto for SHA-256 and HMAC-SHA256 across block boundaries and long keys", () => {
    const key = Buffer.from(secret, "hex")
    const longKey = Buffer.alloc(100, 7)
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 200]) {
      const message = "ສ".repeat(length).slice(0, length) + "x".repeat(length)
      expect(toHex(sha256(utf8(message)))).toBe(createHash("sha256").update(message).digest("hex"))
      expect(toHex(hmacSha256(key)(utf8(message)))).toBe(
        createHmac("sha256", key).update(message).digest("hex"),
      )
      expect(toHex(hmacSha256(longKey)(utf8(message)))).toBe(
        createHmac("sha256", longKey).update(message).digest("hex"),
      )
    }
  })
})

describe("name folding", () => {
  const fold = (full: string) => encoder.fold({ fullName: full })
  it("folds the romanisations and the Lao script of one name to one spelling", () => {
    const souksavanh = ["Souksavanh", "Souksavan", "ສຸກສະຫວັນ", "SOUKSAVANH", "Suksavan"].map(Linkage.foldToken)
    expect(new Set(souksavanh)).toEqual(new Set(["suksavan"]))
    const phetsamone = ["Phetsamone", "Phetsamon", "ເພັດສະໝອນ", "Petsamone"].map(Linkage.foldToken)
    expect(new Set(phetsamone)).toEqual(new Set(["petsamon"]))
    expect(Linkage.foldToken("Vongsay")).toBe(Linkage.foldToken("Wongsai"))
    expect(Linkage.foldToken("Xaysana")).toBe(Linkage.foldToken("Saisana"))
    expect(Linkage.foldToken("Khamphouy")).toBe(Linkage.foldToken("Kamphui"))
  })
  it("reads final and vowel forms of ວ, ຍ and ບ as they are romanised", () => {
    const pairs: ReadonlyArray<readonly [string, string]> = [
      ["ແກ້ວ", "Keo"],
      ["ນ້ອຍ", "Noy"],
      ["ດາວ", "Dao"],
      ["ບົວ", "Bua"],
      ["ນວນ", "Nouane"],
      ["ຫຼວງ", "Luang"],
      ["ທິບ", "Thip"],
      ["ສອນພອນ", "Sonephone"],
      ["ວົງສະຫວັນ", "Vongsavanh"],
      ["ອິນທະວົງ", "Inthavong"],
    ]
    for (const [lao, latin] of pairs) expect(Linkage.foldToken(lao), lao).toBe(Linkage.foldToken(latin))
  })
  it("keeps different names apart", () => {
    expect(Linkage.foldToken("Souksavanh")).not.toBe(Linkage.foldToken("Soukthavone"))
    expect(Linkage.foldToken("Phetsamone")).not.toBe(Linkage.foldToken("Phetsamai"))
  })
  it("drops honorifics in Lao script and romanised", () => {
    expect(fold("Nang Souksavanh Phommachanh")).toEqual(fold("Souksavanh Phommachanh"))
    expect(fold("ນາງ ສຸກສະຫວັນ")).toEqual({ given: "suksavan", family: "" })
    expect(fold("Ms. Phetsamone Keomany")).toEqual(fold("Phetsamone Keomany"))
    expect(fold("ທ້າວ ສົມໃຈ")).toEqual(fold("ສົມໃຈ"))
  })
  it("takes a Hmong clan as the family name wherever it is written", () => {
    expect(fold("Vang Pao")).toEqual({ given: "pao", family: "vang" })
    expect(fold("Pao Vang")).toEqual({ given: "pao", family: "vang" })
    expect(fold("Mai Xiong")).toEqual(fold("Xiong Mai"))
    // "Thao" opens a three-word name as the Lao "Mr" but is the clan in a two-word name
    expect(fold("Thao Nou Yang")).toEqual({ given: "nu", family: "iang" })
    expect(fold("Thao Nou")).toEqual({ given: "nu", family: "tao" })
  })
  it("uses given and family parts when they are given", () => {
    expect(encoder.fold({ givenName: "ນາງ ພອນ", familyName: "Sengdara" })).toEqual({
      given: "pon",
      family: "sengtala",
    })
  })
})

describe("encode", () => {
  const base = {
    givenName: "Souksavanh",
    familyName: "Phommachanh",
    dateOfBirth: "2006-03-07",
    village: "Ban Nongbone",
  }
  it("gives equal keys for romanisation variants and Lao script", () => {
    const a = encoder.encode(base)
    const b = encoder.encode({ ...base, givenName: "ສຸກສະຫວັນ", familyName: "Phommachan", village: "Nongbone" })
    expect(b.given).toBe(a.given)
    expect(b.family).toBe(a.family)
    expect(b.village).toBe(a.village)
    expect(Linkage.dice(a.bfGiven, b.bfGiven)).toBe(1)
  })
  it("keeps a typo close in the Bloom filter and a different name far", () => {
    const a = encoder.encode(base)
    const typo = encoder.encode({ ...base, givenName: "Souksavam" })
    const otherName = encoder.encode({ ...base, givenName: "Bounmy" })
    expect(typo.given).not.toBe(a.given)
    expect(Linkage.dice(a.bfGiven, typo.bfGiven)).toBeGreaterThan(0.75)
    expect(Linkage.dice(a.bfGiven, otherName.bfGiven)).toBeLessThan(0.4)
  })
  it("agrees on the sorted date when day and month are transposed", () => {
    const a = encoder.encode(base)
    const swapped = encoder.encode({ ...base, dateOfBirth: "2006-07-03" })
    expect(swapped.dob).not.toBe(a.dob)
    expect(swapped.dobSorted).toBe(a.dobSorted)
    expect(Linkage.parseBirthDate("2006-25-03")).toEqual({ year: 2006, month: 3, day: 25 })
    expect(Linkage.parseBirthDate("2006-02-30")).toBeUndefined()
  })
  it("derives an approximate birth year from an age and the identification date", () => {
    const keys = encoder.encode({ givenName: "Noy", ageYears: 16, referenceDate: "2024-05-01" })
    expect(keys.birthYear).toBe(2008)
    expect(keys.birthYearApprox).toBe(true)
    expect(keys.dob).toBe("")
    expect(encoder.encode(base).birthYearApprox).toBe(false)
  })
  it("leaves missing parts empty and decodes with the schema", () => {
    const keys = encoder.encode({})
    expect(keys).toMatchObject({ given: "", family: "", bfGiven: "", dob: "", birthYear: null, village: "" })
    expect(() => Schema.decodeUnknownSync(Linkage.LinkageKeys)(encoder.encode(base))).not.toThrow()
  })
  it("depends on the secret: another secret gives other hashes, filters and key id", () => {
    const b = Linkage.makeEncoder(other)
    const x = encoder.encode(base)
    const y = b.encode(base)
    expect(y.keyId).not.toBe(x.keyId)
    expect(y.given).not.toBe(x.given)
    expect(Linkage.dice(x.bfGiven, y.bfGiven)).toBeLessThan(0.5)
  })
  it("sets at most bloomHashes bits per bigram in a bloomBits-bit filter", () => {
    const bf = encoder.bloom("suksavan")
    expect(bf).toHaveLength(Linkage.bloomBits / 4)
    const ones = [...bf].reduce(
      (n, h) => n + Number.parseInt(h, 16).toString(2).replaceAll("0", "").length,
      0,
    )
    expect(ones).toBeGreaterThan(Linkage.bloomHashes)
    expect(ones).toBeLessThanOrEqual(Linkage.bigrams("suksavan").length * Linkage.bloomHashes)
  })
  it("refuses short or malformed secrets", () => {
    expect(() => Linkage.makeEncoder("abcd")).toThrow(/at least 32/)
    expect(() => Linkage.makeEncoder("zz")).toThrow(/not a hex/)
    expect(Linkage.generateSecret()).toMatch(/^[0-9a-f]{64}$/)
  })
})
