import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import * as LegalBasis from "../src/LegalBasis.ts"

const required = [
  ...["24", "25", "26", "27", "28"].map((n) => `women_2004_art${n}`),
  ...["35", "36", "37", "38", "39", "40", "41", "42", "43", "86", "87", "88", "89"].map(
    (n) => `children_2006_art${n}`,
  ),
  "penal_2005_art132",
  "penal_2005_art133",
  "penal_2005_art134",
  "atip_2015_art2",
  "atip_2015_victim_protection",
  "penal_2017_art215",
  "children_2023_law",
  "guideline_2010_sec5",
  "guideline_2020_referral",
]

const dateFacts = (i: LegalBasis.Instrument) =>
  [i.adopted, i.promulgated, i.inForce, ...(i.repealed === null ? [] : [i.repealed])] as const

describe("instruments and articles", () => {
  it("has the articles cases cite", () => {
    const ids = new Set<string>(LegalBasis.articles.map((a) => a.id))
    for (const id of required) expect(ids.has(id), id).toBe(true)
    expect(ids.size).toBe(LegalBasis.articles.length)
  })

  it("names each article after its instrument and number", () => {
    for (const a of LegalBasis.articles) {
      expect(a.id.startsWith(`${a.instrument}_`), a.id).toBe(true)
      if (a.article !== null) {
        const kind = LegalBasis.instrument(a.instrument).kind === "guideline" ? "sec" : "art"
        expect(a.id, a.id).toBe(`${a.instrument}_${kind}${a.article}`)
      }
      expect(LegalBasis.instrumentOf(a.id).id).toBe(a.instrument)
      expect(LegalBasis.articleOf(a.id)).toBe(a)
    }
  })

  it("keeps sources and confidence for every date and article", () => {
    for (const i of LegalBasis.instruments) {
      for (const fact of dateFacts(i)) {
        if (fact.date === null) {
          expect(fact.confidence, i.id).toBe("GAP")
          expect(fact.note, i.id).toBeTruthy()
        } else {
          expect(fact.date, i.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/)
          expect(fact.sources.length, i.id).toBeGreaterThan(0)
          const range = LegalBasis.dateRange(fact)!
          expect(range.earliest <= range.latest, i.id).toBe(true)
        }
        for (const s of fact.sources) expect(LegalBasis.legalSourceRefs[s], `${i.id} ${s}`).toBeTruthy()
      }
      for (const s of i.sources) expect(LegalBasis.legalSourceRefs[s], `${i.id} ${s}`).toBeTruthy()
    }
    for (const a of LegalBasis.articles) {
      expect(a.sources.length, a.id).toBeGreaterThan(0)
      for (const s of a.sources) expect(LegalBasis.legalSourceRefs[s], `${a.id} ${s}`).toBeTruthy()
      expect(a.needsCheck, a.id).toBe(a.confidence !== "HIGH")
      expect(a.provides.length, a.id).toBeGreaterThan(20)
    }
  })

  it("links replaced and replacing instruments both ways", () => {
    for (const i of LegalBasis.instruments) {
      if (i.replacedBy !== null) {
        expect(LegalBasis.instrument(i.replacedBy).replaces, i.id).toBe(i.id)
        expect(i.repealed, i.id).not.toBeNull()
      }
      if (i.replaces !== null) expect(LegalBasis.instrument(i.replaces).replacedBy, i.id).toBe(i.id)
    }
    const old = LegalBasis.instrument("children_2006")
    expect(old.replacedBy).toBe("children_2023")
    expect(old.repealed?.date).toBe("2023-12-04")
    expect(LegalBasis.instrument("children_2023").inForce.date).toBe("2023-12-04")
  })

  it("records Art. 28's duties and the confidence of its source", () => {
    const art28 = LegalBasis.articleOf("women_2004_art28")
    for (const word of [
      "medical",
      "counselling",
      "safe shelter",
      "Child victims",
      "embassy",
      "Ministry of Foreign Affairs",
    ]) {
      expect(art28.provides, word).toContain(word)
    }
    expect(art28.confidence).toBe("LOW")
    expect(LegalBasis.articleOf("penal_2017_art215").confidence).toBe("HIGH")
  })

  it("decodes only known legal basis ids", () => {
    expect(Schema.is(LegalBasis.LegalBasisId)("penal_2017_art215")).toBe(true)
    expect(Schema.is(LegalBasis.LegalBasisId)("women_2004_art99")).toBe(false)
  })
})

describe("in-force logic", () => {
  it("stops the 2006 children's law on 4 Dec 2023, when the amended law starts", () => {
    expect(LegalBasis.isInForce("children_2006_art38", "2015-06-01")).toBe(true)
    expect(LegalBasis.isInForce("children_2006_art38", "2023-12-03")).toBe(true)
    expect(LegalBasis.isInForce("children_2006_art38", "2023-12-04")).toBe(false)
    expect(LegalBasis.isInForce("children_2006_art38", "2024-03-01")).toBe(false)
    expect(LegalBasis.inForceStatus("children_2006_art38", "2024-03-01")).toBe("not_in_force")
    expect(LegalBasis.isInForce("children_2023_law", "2023-12-03")).toBe(false)
    expect(LegalBasis.isInForce("children_2023_law", "2024-03-01")).toBe(true)
    expect(LegalBasis.isInForce("children_2006_art38", new Date("2024-03-01T00:00:00Z"))).toBe(false)
  })

  it("is uncertain inside a year or month known only approximately", () => {
    expect(LegalBasis.inForceStatus("children_2006_art35", "2007-06-01")).toBe("uncertain")
    expect(LegalBasis.inForceStatus("children_2006_art35", "2006-12-31")).toBe("not_in_force")
    expect(LegalBasis.inForceStatus("penal_2017_art215", "2018-10-31")).toBe("not_in_force")
    expect(LegalBasis.inForceStatus("penal_2017_art215", "2018-11-15")).toBe("uncertain")
    expect(LegalBasis.inForceStatus("penal_2017_art215", "2018-12-01")).toBe("in_force")
    expect(LegalBasis.inForceStatus("penal_2005_art134", "2018-11-15")).toBe("uncertain")
    expect(LegalBasis.inForceStatus("penal_2005_art134", "2012-01-01")).toBe("in_force")
    expect(LegalBasis.inForceStatus("penal_2005_art134", "2019-01-01")).toBe("not_in_force")
    expect(LegalBasis.inForceStatus("atip_2015_art2", "2015-12-31")).toBe("not_in_force")
    expect(LegalBasis.inForceStatus("atip_2015_art2", "2016-06-01")).toBe("uncertain")
    expect(LegalBasis.inForceStatus("atip_2015_art2", "2017-01-01")).toBe("in_force")
    expect(LegalBasis.inForceStatus("guideline_2020_referral", "2020-12-01")).toBe("uncertain")
    expect(LegalBasis.inForceStatus("guideline_2020_referral", "2021-04-01")).toBe("in_force")
    expect(LegalBasis.inForceStatus("guideline_2010_sec6", "2015-01-01")).toBe("uncertain")
    expect(LegalBasis.inForceStatus("guideline_2010_sec6", "2022-01-01")).toBe("not_in_force")
  })

  it("keeps the 2004 Women Law in force from its decree", () => {
    expect(LegalBasis.isInForce("women_2004_art28", "2004-11-14")).toBe(false)
    expect(LegalBasis.isInForce("women_2004_art28", "2004-11-15")).toBe(true)
    expect(LegalBasis.isInForce("women_2004_art28", "2024-06-01")).toBe(true)
  })

  it("points a replaced article to the current law's provision", () => {
    expect(LegalBasis.currentEquivalent("children_2006_art38", "2024-02-01")).toBe("children_2023_law")
    expect(LegalBasis.currentEquivalent("children_2006_art38", "2020-02-01")).toBe("children_2006_art38")
    expect(LegalBasis.currentEquivalent("penal_2005_art134", "2020-01-01")).toBe("penal_2017_art215")
    expect(LegalBasis.currentEquivalent("women_2004_art25", "2024-01-01")).toBe("women_2004_art25")
  })

  it("lists only articles certainly in force on a day", () => {
    const ids = LegalBasis.inForceOn("2024-06-01").map((a) => a.id)
    expect(ids).toContain("penal_2017_art215")
    expect(ids).toContain("children_2023_law")
    expect(ids.some((id) => id.startsWith("children_2006"))).toBe(false)
    expect(ids.some((id) => id.startsWith("penal_2005"))).toBe(false)
  })
})
