import * as Schema from "effect/Schema"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as CaseStage from "../src/CaseStage.ts"
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
    // the 2005 law's entry into force is unknown: no boundary inside, nothing before adoption
    expect(LegalBasis.inForceStatus("penal_2005_art134", "2012-01-01")).toBe("uncertain")
    expect(LegalBasis.inForceStatus("penal_2005_art134", "2005-12-01")).toBe("uncertain")
    expect(LegalBasis.inForceStatus("penal_2005_art134", "2005-11-08")).toBe("not_in_force")
    // a draft guideline can be cited from its drafting year, not before
    expect(LegalBasis.inForceStatus("guideline_2010_sec7", "2009-12-31")).toBe("not_in_force")
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
    // before the old law came into force there is no successor to point to
    expect(LegalBasis.currentEquivalent("children_2006_art38", "2000-01-01")).toBe("children_2006_art38")
    expect(LegalBasis.currentEquivalent("children_2006_art38", "2023-12-03")).toBe("children_2006_art38")
    expect(LegalBasis.currentEquivalent("guideline_2010_sec7", "2015-01-01")).toBe("guideline_2010_sec7")
  })

  it("lists only articles certainly in force on a day", () => {
    const ids = LegalBasis.inForceOn("2024-06-01").map((a) => a.id)
    expect(ids).toContain("penal_2017_art215")
    expect(ids).toContain("children_2023_law")
    expect(ids.some((id) => id.startsWith("children_2006"))).toBe(false)
    expect(ids.some((id) => id.startsWith("penal_2005"))).toBe(false)
  })
})

describe("citations true on the date", () => {
  const who = (sex: string, child: boolean | undefined) => ({ sex, child })
  it("cites Penal Law 2005 Art. 134 for a man identified before 2016, never the Women's Law", () => {
    const man = CaseStage.defaultIdentificationBasis("2010-05-01", who("male", false))
    expect(man).toContain("penal_2005_art134")
    expect(man.some((id) => id.startsWith("women_2004"))).toBe(false)
    const woman = CaseStage.defaultIdentificationBasis("2010-05-01", who("female", false))
    expect(woman).toContain("women_2004_art24")
    expect(woman).toContain("penal_2005_art134")
    const boy = CaseStage.defaultIdentificationBasis("2010-05-01", who("male", true))
    expect(boy).toContain("women_2004_art24")
  })
  it("cites the children's law in force on the date for a child's BID and return", () => {
    expect(
      CaseStage.defaultLegalBasis("assessment_bid", "return_reception", "2015-03-01", who("female", true)),
    ).toContain("children_2006_art38")
    const after = CaseStage.defaultLegalBasis(
      "assessment_bid",
      "return_reception",
      "2024-03-01",
      who("female", undefined),
    )
    expect(after).toContain("children_2023_law")
    expect(after.some((id) => id.startsWith("children_2006"))).toBe(false)
    expect(
      CaseStage.defaultLegalBasis("assessment_bid", "return_reception", "2024-03-01", who("female", false)),
    ).not.toContain("children_2023_law")
  })
  it("cites the 2020 guidelines, not the 2010 draft, once the draft is replaced", () => {
    const ids = CaseStage.defaultLegalBasis(
      "interim_care",
      "assessment_bid",
      "2022-01-01",
      who("female", false),
    )
    expect(ids).toContain("guideline_2020_referral")
    expect(ids.some((id) => id.startsWith("guideline_2010"))).toBe(false)
  })
  it("never cites an instrument not yet in force or already repealed on the step's date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 13_000 }),
        fc.constantFrom(...CaseStage.transitions),
        fc.constantFrom("female", "male", "unknown"),
        fc.constantFrom(true, false, undefined),
        (day, t, sex, child) => {
          const date = new Date(Date.UTC(1990, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)
          const ids = [
            ...CaseStage.defaultLegalBasis(t.from, t.to, date, who(sex, child)),
            ...CaseStage.defaultIdentificationBasis(date, who(sex, child)),
          ]
          for (const id of ids)
            expect(LegalBasis.inForceStatus(id, date), `${id} on ${date}`).not.toBe("not_in_force")
        },
      ),
      { numRuns: 2000 },
    )
  })
})
