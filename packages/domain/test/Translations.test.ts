import { describe, expect, it } from "vitest"
import * as Ethnicity from "../src/Ethnicity.ts"
import * as LegalBasis from "../src/LegalBasis.ts"
import * as Place from "../src/Place.ts"
import * as Translations from "../src/Translations.ts"

// Source keys of the reference facts sheets that quote Lao script: HDX COD-AB names (S-MJ),
// tovannapha/self_admin (S-TOV), Lao law texts and pages (S2, S9, S13, S14, S18, S25).
const factsLaoSources = /S-MJ|S-TOV|HDX|^S(2|9|13|14|18|25)$|^glossary/

describe("glossary", () => {
  it("holds the 131 terms with the README's confidence counts", () => {
    expect(Translations.glossary).toHaveLength(131)
    const count = (c: string | null) => Translations.glossary.filter((g) => g.confidence === c).length
    expect([count("high"), count("medium"), count("low"), count(null)]).toEqual([95, 20, 5, 11])
    for (const g of Translations.glossary) {
      expect(g.lo === "", g.en).toBe(g.confidence === null)
      if (g.lo !== "") expect(g.sources.length, g.en).toBeGreaterThan(0)
    }
  })

  it("looks terms up by English, ignoring case and bracketed qualifiers", () => {
    expect(Translations.glossaryTerm("human trafficking")?.lo).toBe("ການຄ້າມະນຸດ")
    expect(Translations.glossaryTerm("HUMAN TRAFFICKING")?.lo).toBe("ການຄ້າມະນຸດ")
    expect(Translations.glossaryTerm("Xayaboury")?.lo).toBe("ໄຊຍະບູລີ")
    expect(Translations.glossaryTerm("interim care")?.lo).toBe("")
    expect(Translations.glossaryTerm("no such term")).toBeUndefined()
  })

  it("recognises glossary Lao under either encoding", () => {
    expect(Translations.isGlossaryLao("ຈຳປາສັກ")).toBe(true)
    expect(Translations.isGlossaryLao("ຈ\u0ecd\u0eb2ປາສັກ")).toBe(true)
    expect(Translations.isGlossaryLao("ຄະນະ")).toBe(false)
  })
})

describe("translatorsCatalogue", () => {
  const rows = Translations.translatorsCatalogue()

  it("has one row per code of every reference label set", () => {
    const expected =
      Object.keys(Place.provinceLabels).length +
      Object.keys(Place.districtLabels).length +
      Object.keys(Place.checkpointLabels).length +
      Object.keys(Place.countryLabels).length +
      Object.keys(Ethnicity.familyLabels).length +
      Object.keys(Ethnicity.groupLabels).length +
      Object.keys(LegalBasis.instrumentLabels).length +
      Object.keys(LegalBasis.legalBasisLabels).length
    expect(rows).toHaveLength(expected)
    expect(new Set(rows.map((r) => `${r.concept}/${r.code}`)).size).toBe(expected)
    expect(rows.find((r) => r.concept === "District" && r.code === "LA1301")?.lo).toBe("ໄກສອນພົມວິຫານ")
  })

  it("never presents an empty Lao label as verified", () => {
    for (const r of rows) {
      if (r.lo.trim() === "") expect(r.needsReview, `${r.concept}/${r.code}`).toBe(true)
    }
  })

  it("takes every verified Lao label from the glossary or the facts sheets' Lao sources", () => {
    for (const r of rows.filter((r) => !r.needsReview)) {
      const where = `${r.concept}/${r.code}`
      expect(r.source, where).not.toBeNull()
      expect(Translations.isGlossaryLao(r.lo) || factsLaoSources.test(r.source ?? ""), where).toBe(true)
    }
  })

  it("lists the work for translators first", () => {
    const firstVerified = rows.findIndex((r) => !r.needsReview)
    expect(firstVerified).toBeGreaterThan(0)
    expect(rows.slice(firstVerified).every((r) => !r.needsReview)).toBe(true)
  })

  it("takes label sets from other modules through an extended source list", () => {
    const extended = Translations.translatorsCatalogue([
      ...Translations.catalogueSources,
      {
        concept: "Example",
        labels: {
          a: { en: "Female", lo: "ຍິງ", description: "" },
          b: { en: "Interim care", lo: "", description: "" },
        },
      },
    ])
    expect(extended).toHaveLength(rows.length + 2)
    expect(extended.find((r) => r.concept === "Example" && r.code === "a")).toMatchObject({
      needsReview: false,
      source: "glossary",
    })
    expect(extended.find((r) => r.concept === "Example" && r.code === "b")).toMatchObject({
      needsReview: true,
      source: null,
    })
  })
})
