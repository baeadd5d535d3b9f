import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import * as Ethnicity from "../src/Ethnicity.ts"
import * as Translations from "../src/Translations.ts"

const codeOf = (text: string) => {
  const m = Ethnicity.findEthnicGroup(text)
  return m._tag === "Found" ? m.value.code : m._tag
}

describe("EthnicGroup", () => {
  it("has the 49 official groups in 4 families (8 Lao-Tai, 32 Mon-Khmer, 2 Hmong-Mien, 7 Sino-Tibetan)", () => {
    expect(Ethnicity.officialGroups).toHaveLength(49)
    const perFamily = Object.fromEntries(
      ["lao_tai", "mon_khmer", "hmong_mien", "sino_tibetan"].map((f) => [
        f,
        Ethnicity.officialGroups.filter((g) => g.family === f).length,
      ]),
    )
    expect(perFamily).toEqual({ lao_tai: 8, mon_khmer: 32, hmong_mien: 2, sino_tibetan: 7 })
    expect(new Set(Ethnicity.officialGroups.map((g) => g.family)).size).toBe(4)
    for (const f of Ethnicity.families) {
      if (f.officialGroups !== null) expect(Ethnicity.groupsOf(f.code).length, f.code).toBe(f.officialGroups)
    }
  })

  it("has unique snake_case codes plus other and unknown", () => {
    const codes = Ethnicity.groups.map((g) => g.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toHaveLength(51)
    for (const code of codes) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/)
    expect(codes).toContain("other")
    expect(codes).toContain("unknown")
  })

  it("gives each group its family", () => {
    expect(Ethnicity.familyOf("lao")).toBe("lao_tai")
    expect(Ethnicity.familyOf("khmu")).toBe("mon_khmer")
    expect(Ethnicity.familyOf("hmong")).toBe("hmong_mien")
    expect(Ethnicity.familyOf("akha")).toBe("sino_tibetan")
    expect(Ethnicity.familyOf("other")).toBe("other")
    expect(Ethnicity.familyOf("unknown")).toBe("unknown")
    const familyCodes = new Set<string>(Ethnicity.families.map((f) => f.code))
    for (const g of Ethnicity.groups) expect(familyCodes.has(g.family), g.code).toBe(true)
  })

  it("marks the two unprinted Mon-Khmer slots and the doubtful spellings", () => {
    expect(Ethnicity.groups.filter((g) => g.listStatus === "unprinted_slot").map((g) => g.code)).toEqual([
      "cheng",
      "sadang",
    ])
    expect(Ethnicity.group("kaseng").listStatus).toBe("uncertain_spelling")
  })

  it("decodes only known codes", () => {
    expect(Schema.is(Ethnicity.EthnicGroup)("iu_mien")).toBe(true)
    expect(Schema.is(Ethnicity.EthnicGroup)("lao_loum")).toBe(false)
    expect(Schema.is(Ethnicity.EthnicFamily)("sino_tibetan")).toBe(true)
    expect(Schema.is(Ethnicity.EthnicFamily)("lao_soung")).toBe(false)
  })
})

describe("findEthnicGroup", () => {
  it("resolves every code, name and variant in the data to its group, without collisions", () => {
    for (const g of Ethnicity.groups) {
      for (const text of [g.code, g.nameEn, ...g.variants, g.nameEn.toUpperCase()]) {
        expect(codeOf(text), text).toBe(g.code)
      }
    }
  })

  it.each([
    ["Khmou", "khmu"],
    ["Kammu", "khmu"],
    ["phou-tai", "phouthay"],
    ["Tai Dam", "tai"],
    ["YAO", "iu_mien"],
    ["Iu-Mien", "iu_mien"],
    ["Phounoy", "singsily"],
    ["Ta Oy", "ta_oy"],
    ["ta-oy", "ta_oy"],
    ["Tai Lue", "lue"],
    ["Bru", "makong"],
  ])("%s -> %s", (text, code) => {
    expect(codeOf(text)).toBe(code)
  })

  it("says NotFound for unknown names", () => {
    expect(codeOf("Klingon")).toBe("NotFound")
  })
})

describe("labels", () => {
  it("labels every family and group; Lao only from the glossary, otherwise flagged", () => {
    for (const f of Ethnicity.families) {
      const label = Ethnicity.familyLabels[f.code]
      if (label.loNeedsReview !== true) expect(Translations.isGlossaryLao(label.lo), f.code).toBe(true)
      else expect(f.loSource === null || label.lo === "", f.code).toBe(true)
    }
    for (const g of Ethnicity.groups) {
      const label = Ethnicity.groupLabels[g.code]
      expect(label.en.length, g.code).toBeGreaterThan(0)
      // no group name in Lao is confirmed by a source in that sense
      expect(label.loNeedsReview, g.code).toBe(true)
    }
    expect(Ethnicity.familyLabels.mon_khmer.lo).toBe("ມອນ-ຂະແມ")
  })
})
