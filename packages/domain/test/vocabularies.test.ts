import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import * as Exploitation from "../src/Exploitation.ts"
import * as IdentificationSetting from "../src/IdentificationSetting.ts"
import { sourcedLao } from "../src/internal/glossary.ts"
import type { Vocabulary } from "../src/internal/vocabulary.ts"
import * as Partner from "../src/Partner.ts"
import * as Perpetrator from "../src/Perpetrator.ts"
import * as Service from "../src/Service.ts"
import * as VictimGroup from "../src/VictimGroup.ts"

const cases = [
  [VictimGroup.Vocabulary, VictimGroup.VictimGroup],
  [Exploitation.FormVocabulary, Exploitation.ExploitationForm],
  [Exploitation.IndustryVocabulary, Exploitation.Industry],
  [Exploitation.MeansVocabulary, Exploitation.MeansOfControl],
  [Perpetrator.Vocabulary, Perpetrator.PerpetratorRole],
  [Service.Vocabulary, Service.Service],
  [Partner.Vocabulary, Partner.Partner],
  [IdentificationSetting.Vocabulary, IdentificationSetting.IdentificationSetting],
] as ReadonlyArray<readonly [Vocabulary, Schema.Top]>

describe.each(cases)("vocabulary %#", (vocabulary, schema) => {
  it(`${vocabulary.name}: every code has en, lo and a description`, () => {
    expect(Object.keys(vocabulary.labels).sort()).toEqual([...vocabulary.codes].sort())
    for (const code of vocabulary.codes) {
      const label = vocabulary.labels[code]!
      expect(label.en.length, code).toBeGreaterThan(0)
      expect(label.lo.length, code).toBeGreaterThan(0)
      expect(label.description.length, code).toBeGreaterThan(0)
    }
  })

  it(`${vocabulary.name}: a Lao label not flagged for review is a glossary term, verbatim`, () => {
    for (const code of vocabulary.codes) {
      const label = vocabulary.labels[code]!
      if (label.loNeedsReview !== true) expect(sourcedLao.has(label.lo), `${code}: ${label.lo}`).toBe(true)
    }
  })

  it(`${vocabulary.name}: the schema accepts exactly the codes`, () => {
    const is = Schema.is(schema as Schema.Top)
    for (const code of vocabulary.codes) expect(is(code)).toBe(true)
    expect(is("not_a_code")).toBe(false)
    expect(is("")).toBe(false)
    for (const code of vocabulary.codes) expect(code).toMatch(/^[a-z0-9_+-]+$/)
  })
})

describe("Partner", () => {
  it("classifies the seed's partners", () => {
    expect(Partner.typeOf("lwu")).toBe("government")
    expect(Partner.typeOf("iom")).toBe("io")
    expect(Partner.typeOf("afesip")).toBe("ngo")
  })
})

describe("translators' catalogue", () => {
  it("lists every Lao label that needs review, flagged, and every sourced one as from the glossary", async () => {
    const { catalogue, catalogueSources } = await import("../src/Vocabulary.ts")
    const rows = catalogue()
    for (const source of catalogueSources) {
      for (const [code, label] of Object.entries(source.labels)) {
        const row = rows.find((r) => r.concept === source.concept && r.code === code)
        expect(row, `${source.concept}.${code}`).toBeDefined()
        expect(row!.needsReview, `${source.concept}.${code}`).toBe(label.loNeedsReview === true)
        if (label.loNeedsReview !== true) expect(row!.source).toBe("glossary")
      }
    }
  })
})
