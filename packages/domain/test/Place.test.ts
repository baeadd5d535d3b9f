import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import * as Place from "../src/Place.ts"
import * as Translations from "../src/Translations.ts"

const found = <A>(m: Place.Match<A>): A => {
  if (m._tag !== "Found") throw new Error(`expected Found, got ${m._tag} for "${m.input}"`)
  return m.value
}
const codes = <A extends { readonly code: string }>(m: Place.Match<A>): ReadonlyArray<string> =>
  m._tag === "Found" ? [m.value.code] : m._tag === "Ambiguous" ? m.candidates.map((c) => c.code) : []

// District count per province from the facts sheet, section 2 ("all sources agree on 148").
const districtsPerProvince: Record<string, number> = {
  LA01: 9,
  LA02: 7,
  LA03: 5,
  LA04: 7,
  LA05: 5,
  LA06: 12,
  LA07: 10,
  LA08: 11,
  LA09: 7,
  LA10: 11,
  LA11: 7,
  LA12: 10,
  LA13: 15,
  LA14: 8,
  LA15: 4,
  LA16: 10,
  LA17: 5,
  LA18: 5,
}

const inLaos = (lat: number, lon: number) => lat > 13.8 && lat < 22.6 && lon > 100 && lon < 107.7

describe("codes and records", () => {
  it("has the 18 provinces LA01-LA18 in LSB order", () => {
    expect(Place.provinces.map((p) => p.code)).toEqual(
      Array.from({ length: 18 }, (_, i) => `LA${String(i + 1).padStart(2, "0")}`),
    )
    for (const p of Place.provinces) expect(p.iso3166_2).toMatch(/^LA-[A-Z]{2}$/)
    expect(new Set(Place.provinces.map((p) => p.iso3166_2)).size).toBe(18)
  })

  it("has 148 districts with well-formed, unique P-codes in an existing province", () => {
    expect(Place.districts).toHaveLength(148)
    expect(new Set(Place.districts.map((d) => d.code)).size).toBe(148)
    const provinceCodes = new Set(Place.provinces.map((p) => p.code))
    for (const d of Place.districts) {
      expect(d.code).toMatch(/^LA\d{4}$/)
      expect(provinceCodes.has(d.province), d.code).toBe(true)
      expect(d.code.slice(0, 4), d.code).toBe(d.province)
      expect(Place.provinceOfDistrict(d.code)).toBe(d.province)
    }
  })

  it("counts districts per province as the sources do", () => {
    for (const p of Place.provinces) {
      expect(Place.districtsOf(p.code).length, p.code).toBe(districtsPerProvince[p.code])
      expect(p.districtCount, p.code).toBe(districtsPerProvince[p.code])
    }
  })

  it("keeps the P-code provenance: 71 HDX, 76 derived, Meun uncertain", () => {
    const by = (s: string) => Place.districts.filter((d) => d.pcodeStatus === s).map((d) => d.code)
    expect(by("HDX")).toHaveLength(71)
    expect(by("derived")).toHaveLength(76)
    expect(by("uncertain")).toEqual(["LA1011"])
    expect(Place.district("LA0703").nameEn).toBe("Hiem")
    expect(Place.district("LA0710").nameEn).toBe("Xon")
  })

  it("has 33 checkpoints whose district exists and lies in the checkpoint's province", () => {
    expect(Place.checkpoints).toHaveLength(33)
    expect(new Set(Place.checkpoints.map((c) => c.id)).size).toBe(33)
    const districtCodes = new Set(Place.districts.map((d) => d.code))
    for (const c of Place.checkpoints) {
      expect(c.id).toMatch(/^[TVCMKAR]\d{1,2}$/)
      expect(districtCodes.has(c.district), c.id).toBe(true)
      expect(Place.provinceOfDistrict(c.district), c.id).toBe(c.province)
      // the names the source table gives resolve to the same places
      expect(found(Place.findProvince(c.provinceAsListed)).code, c.id).toBe(c.province)
      expect(found(Place.findDistrict(c.districtAsListed, c.province)).code, c.id).toBe(c.district)
      expect(c.coordPrecisionLow, c.id).toBe(c.coordPrecision.includes("(low)"))
      expect(c.sourceKey, c.id).toMatch(/^S-/)
    }
    const perCountry = (iso: string | null) =>
      Place.checkpoints.filter((c) => c.neighbourCountry === iso).length
    expect([
      perCountry("THA"),
      perCountry("VNM"),
      perCountry("CHN"),
      perCountry("MMR"),
      perCountry("KHM"),
    ]).toEqual([10, 12, 4, 1, 2])
    expect(perCountry(null)).toBe(4)
  })

  it("places every centroid, capital and checkpoint inside Laos' bounding box", () => {
    for (const p of Place.provinces) {
      expect(inLaos(p.centroidLat, p.centroidLon), p.code).toBe(true)
      expect(inLaos(p.capitalLat, p.capitalLon), p.code).toBe(true)
    }
    for (const d of Place.districts) expect(inLaos(d.centroidLat, d.centroidLon), d.code).toBe(true)
    for (const c of Place.checkpoints) expect(inLaos(c.lat, c.lon), c.id).toBe(true)
  })

  it("decodes only existing codes", () => {
    const ok = <S extends Schema.Top>(s: S, v: unknown) => Schema.is(s)(v)
    expect(ok(Place.ProvinceCode, "LA08")).toBe(true)
    expect(ok(Place.ProvinceCode, "LA19")).toBe(false)
    expect(ok(Place.DistrictCode, "LA1805")).toBe(true)
    expect(ok(Place.DistrictCode, "LA0199")).toBe(false)
    expect(ok(Place.DistrictCode, "LA0612")).toBe(true)
    expect(ok(Place.CheckpointId, "T10")).toBe(true)
    expect(ok(Place.CheckpointId, "T11")).toBe(false)
    expect(ok(Place.CountryCode, "HKG")).toBe(true)
    expect(ok(Place.CountryCode, "tha")).toBe(false)
  })

  it("includes the neighbours and common destinations as ISO alpha-3 codes", () => {
    const required = [
      "LAO",
      "THA",
      "CHN",
      "VNM",
      "KHM",
      "MMR",
      "MYS",
      "SGP",
      "KOR",
      "JPN",
      "TWN",
      "HKG",
      "IDN",
    ]
    const more = ["PHL", "ARE", "SAU", "USA", "AUS", "FRA", "DEU", "GBR"]
    const have = new Set(Place.countries.map((c) => c.iso3))
    for (const iso of [...required, ...more]) expect(have.has(iso as Place.CountryCode), iso).toBe(true)
    expect(
      Place.countries
        .filter((c) => c.neighbour)
        .map((c) => c.iso3)
        .sort(),
    ).toEqual(["CHN", "KHM", "MMR", "THA", "VNM"])
    for (const c of Place.countries) {
      expect(c.iso3).toMatch(/^[A-Z]{3}$/)
      expect(c.iso2).toMatch(/^[A-Z]{2}$/)
    }
  })
})

describe("population", () => {
  it("sums the 2015 census provinces to the national total", () => {
    const total = Place.provinces.reduce((n, p) => n + Place.populationOf(p.code), 0)
    expect(total).toBe(Place.nationalPopulation2015)
    expect(Place.populationOf("LA01")).toBe(820_940)
    expect(Place.populationOf("LA18")).toBe(85_168)
  })

  it("labels the child population as an estimate from a national share", () => {
    expect(Place.childPopulationEstimate.isEstimate).toBe(true)
    expect(Place.childPopulationOf("LA13")).toBe(
      Math.round(969_697 * Place.childPopulationEstimate.under18Share),
    )
    expect(Place.childPopulationOf("LA13", 0.5)).toBe(Math.round(969_697 / 2))
    for (const p of Place.provinces) {
      expect(Place.childPopulationOf(p.code)).toBeLessThan(Place.populationOf(p.code))
    }
  })
})

describe("normalizeName", () => {
  it("ignores case, Latin diacritics, spaces, hyphens and punctuation", () => {
    expect(Place.normalizeName("Phôngsali")).toBe("phongsali")
    expect(Place.normalizeName("Luang-Namtha")).toBe(Place.normalizeName("luang namtha"))
    expect(Place.normalizeName("  Savannakhét ")).toBe("savannakhet")
    expect(Place.normalizeName("Việt Nam")).toBe("vietnam")
  })

  it("brings the Lao spellings the glossary warns about to one form", () => {
    // ຳ as one code point (U+0EB3) or as ໍ + າ (U+0ECD U+0EB2)
    expect(Place.normalizeName("ຈຳປາສັກ")).toBe(Place.normalizeName("ຈ\u0ecd\u0eb2ປາສັກ"))
    // ໝ / ຫມ and ໜ / ຫນ
    expect(Place.normalizeName("ໝອງບົກ")).toBe(Place.normalizeName("ຫມອງບົກ"))
    expect(Place.normalizeName("ບຸນເໜືອ")).toBe(Place.normalizeName("ບຸນເຫນືອ"))
    // ຫຼ (ຫ + subscript ລ) / ຫລ
    expect(Place.normalizeName("ຫຼວງພະບາງ")).toBe(Place.normalizeName("ຫລວງພະບາງ"))
    // different names stay different
    expect(Place.normalizeName("ຫຼວງພະບາງ")).not.toBe(Place.normalizeName("ຫຼວງນ້ຳທາ"))
  })
})

const sharedNames = new Set(["Vientiane", "Viangchan"])

describe("findProvince", () => {
  it("resolves every code, ISO code, name, variant and Lao name in the data to its province", () => {
    for (const p of Place.provinces) {
      const inputs = [
        p.code,
        p.code.toLowerCase(),
        p.iso3166_2,
        p.iso3166_2.slice(3),
        p.nameEn,
        p.nameLo,
        ...p.variants,
      ]
      for (const text of inputs) {
        if (sharedNames.has(text)) {
          expect(codes(Place.findProvince(text)), text).toContain(p.code)
          continue
        }
        expect(found(Place.findProvince(text)).code, text).toBe(p.code)
        expect(found(Place.findProvince(text.toUpperCase())).code, text).toBe(p.code)
      }
      for (const name of [p.nameEn, ...p.variants].filter((n) => !sharedNames.has(n))) {
        for (const text of [
          ...(name.endsWith(" Province") ? [] : [`${name} Province`, `Khoueng ${name}`]),
          name.replace(/ /g, "-"),
          name.replace(/ /g, ""),
          name.toLowerCase(),
        ]) {
          expect(found(Place.findProvince(text)).code, text).toBe(p.code)
        }
      }
      expect(found(Place.findProvince(`ແຂວງ${p.nameLo}`)).code).toBe(p.code)
    }
  })

  it.each([
    ["Xayabury", "LA08"],
    ["Sainyabuli", "LA08"],
    ["Xaignabouly", "LA08"],
    ["Xayaboury", "LA08"],
    ["Sayaboury", "LA08"],
    ["Xayabouly", "LA08"],
    ["Phôngsali", "LA02"],
    ["PHONGSALY PROVINCE", "LA02"],
    ["Luang-Namtha", "LA03"],
    ["Louang Namtha", "LA03"],
    ["Oudômxai", "LA04"],
    ["Bokèo", "LA05"],
    ["Luang Prabang", "LA06"],
    ["Houaphanh", "LA07"],
    ["Xieng Khouang", "LA09"],
    ["Vientiane Province", "LA10"],
    ["Vientiane Capital", "LA01"],
    ["Vientiane Prefecture", "LA01"],
    ["Borikhamxay", "LA11"],
    ["Khammouane", "LA12"],
    ["Savannakhét", "LA13"],
    ["Saravane", "LA14"],
    ["Xékong", "LA15"],
    ["khoueng champasak", "LA16"],
    ["Attopeu", "LA17"],
    ["Xaysomboun", "LA18"],
    ["LA-XN", "LA18"],
    ["8", "LA08"],
    ["ແຂວງຈ\u0ecd\u0eb2ປາສັກ", "LA16"],
    ["ຫລວງພະບາງ", "LA06"],
  ])("%s -> %s", (text, code) => {
    expect(found(Place.findProvince(text)).code).toBe(code)
  })

  it("says a name shared by the capital and the province is ambiguous, and offers both", () => {
    for (const text of ["Vientiane", "Viangchan", "vientiane"]) {
      const m = Place.findProvince(text)
      expect(m._tag === "Ambiguous" && m.why, text).toBe("several")
      expect(codes(m), text).toEqual(["LA01", "LA10"])
    }
    expect(found(Place.findProvince("Vientiane Province")).code).toBe("LA10")
  })

  it("offers a loose spelling's candidates instead of picking one", () => {
    const m = Place.findDistrict("Boten")
    expect(m._tag === "Ambiguous" && m.why).toBe("loose")
    expect(codes(m)).toEqual(["LA0809"])
    // Boten the checkpoint is an exact name
    expect(found(Place.findCheckpoint("Boten")).id).toBe("C1")
  })

  it("never throws on unchecked input: lookups say NotFound, code lookups return UnknownPlaceCode", () => {
    for (const bad of [undefined, null, 42, {}, [], Symbol.iterator]) {
      expect(Place.findProvince(bad as never)._tag).toBe("NotFound")
      expect(Place.findDistrict(bad as never, bad as never)._tag).toBe("NotFound")
      expect(Place.findCheckpoint(bad as never)._tag).toBe("NotFound")
      expect(Place.findCountry(bad as never)._tag).toBe("NotFound")
    }
    const r = Place.districtResult("LA9999")
    expect(Result.isFailure(r) && r.failure._tag).toBe("UnknownPlaceCode")
    expect(Result.isFailure(r) && r.failure.message).toBe('"LA9999" is not a known district code')
    expect(Result.isSuccess(Place.provinceResult("LA08"))).toBe(true)
    expect(Result.isFailure(Place.countryResult(undefined))).toBe(true)
  })

  it("says NotFound for text that names no province", () => {
    expect(Place.findProvince("Bangkok")._tag).toBe("NotFound")
    expect(Place.findProvince("")._tag).toBe("NotFound")
    expect(Place.findProvince("LA19")._tag).toBe("NotFound")
  })

  it("uses the Lao names the glossary has", () => {
    for (const p of Place.provinces) {
      expect(Translations.isGlossaryLao(p.nameLo), p.code).toBe(true)
    }
  })
})

describe("findDistrict", () => {
  it("resolves every name, variant and Lao name in the data to its district (with the province hint)", () => {
    for (const d of Place.districts) {
      for (const text of [d.nameEn, d.nameLo, ...d.variants]) {
        expect(found(Place.findDistrict(text, d.province)).code, `${text} in ${d.province}`).toBe(d.code)
        expect(found(Place.findDistrict(`Muang ${text}`, d.province)).code, text).toBe(d.code)
        expect(found(Place.findDistrict(`${text} District`, d.province)).code, text).toBe(d.code)
        // without a hint the district is found, or listed among the candidates of an ambiguous name
        expect(codes(Place.findDistrict(text)), text).toContain(d.code)
      }
      expect(found(Place.findDistrict(d.code)).code).toBe(d.code)
      expect(found(Place.findDistrict(d.code.slice(2))).code).toBe(d.code)
    }
  })

  it.each([
    ["Muang Xay", "LA0401"],
    ["Huay Xai", "LA0501"],
    ["Houayxay", "LA0501"],
    ["Paksong", "LA1604"],
    ["Pakxong District", "LA1604"],
    ["Xepon", "LA1305"],
    ["Khanthabouly", "LA1301"],
    ["Kaysone Phomvihane", "LA1301"],
    ["Gnot-Ou", "LA0206"],
    ["Sam Neua", "LA0701"],
    ["Long Tieng", "LA1803"],
    ["ໝອງບົກ", "LA1203"],
    ["ຫມອງບົກ", "LA1203"],
    ["ບຸນເຫນືອ", "LA0205"],
    ["ເມືອງຫ້ວຍຊາຍ", "LA0501"],
  ])("%s -> %s", (text, code) => {
    expect(found(Place.findDistrict(text)).code).toBe(code)
  })

  it("reports names shared by districts of several provinces as ambiguous", () => {
    const phonthong = Place.findDistrict("Phonthong")
    expect(phonthong._tag).toBe("Ambiguous")
    expect(codes(phonthong)).toEqual(["LA0612", "LA1606"])
    expect(codes(Place.findDistrict("Xaysetha"))).toEqual(["LA0103", "LA1701"])
    expect(codes(Place.findDistrict("ວຽງຄຳ"))).toEqual(["LA0610", "LA1009"])
    expect(Place.findDistrict("Viengkham")._tag).toBe("Ambiguous")
  })

  it("narrows ambiguous names with a province hint given as a code or any province name", () => {
    expect(found(Place.findDistrict("Phonthong", "Champasak")).code).toBe("LA1606")
    expect(found(Place.findDistrict("Phonthong", "LA06")).code).toBe("LA0612")
    expect(found(Place.findDistrict("Xaysetha", "Attapu")).code).toBe("LA1701")
    expect(found(Place.findDistrict("ໄຊເສດຖາ", "ນະຄອນຫຼວງວຽງຈັນ")).code).toBe("LA0103")
  })

  it("says NotFound, with the districts outside the hint, when the hint excludes every candidate", () => {
    const m = Place.findDistrict("Phonthong", "Bokeo")
    expect(m._tag).toBe("NotFound")
    expect(m._tag === "NotFound" ? m.outsideHint?.map((d) => d.code) : undefined).toEqual([
      "LA0612",
      "LA1606",
    ])
    expect(Place.findDistrict("Nowhere")._tag).toBe("NotFound")
  })
})

describe("findCheckpoint", () => {
  it("resolves every id, name and alias to its checkpoint", () => {
    for (const c of Place.checkpoints) {
      for (const text of [c.id, c.id.toLowerCase(), c.name, ...c.aliases]) {
        expect(found(Place.findCheckpoint(text)).id, text).toBe(c.id)
      }
    }
  })

  it("reads the crossing names partners write in their registers, in English and Lao", () => {
    const written: ReadonlyArray<readonly [string, string]> = [
      ["2nd Friendship Bridge", "T2"],
      ["Thanaleng (1st Friendship Bridge)", "T1"],
      ["1st friendship bridge", "T1"],
      ["3rd Friendship Bridge", "T3"],
      ["4th Friendship Bridge", "T4"],
      ["5th Friendship Bridge", "T5"],
      ["Wattay Airport", "A1"],
      ["ຂົວມິດຕະພາບລາວ-ໄທ ແຫ່ງທີ 2", "T2"],
      ["ຂົວມິດຕະພາບລາວ-ໄທແຫ່ງທຳອິດ", "T1"],
    ]
    for (const [text, id] of written) expect(found(Place.findCheckpoint(text)).id, text).toBe(id)
  })

  it("falls back on the name of the post across the border", () => {
    expect(found(Place.findCheckpoint("Nong Khai")).id).toBe("T1")
    expect(found(Place.findCheckpoint("Lao Bao")).id).toBe("V9")
    expect(found(Place.findCheckpoint("Mohan")).id).toBe("C1")
    expect(found(Place.findCheckpoint("Cau Treo")).id).toBe("V7")
    const kralor = Place.findCheckpoint("Dong Kralor")
    expect(kralor._tag).toBe("Ambiguous")
    expect(kralor._tag === "Ambiguous" ? kralor.candidates.map((c) => c.id) : []).toEqual(["K1", "K2"])
    expect(Place.findCheckpoint("Heathrow")._tag).toBe("NotFound")
  })
})

describe("findCountry", () => {
  it("resolves every ISO code, name and variant to its country", () => {
    for (const c of Place.countries) {
      for (const text of [c.iso3, c.iso2, c.iso3.toLowerCase(), c.nameEn, ...c.variants]) {
        const m = Place.findCountry(text)
        expect(m._tag === "Found" ? m.value.iso3 : m._tag, text).toBe(c.iso3)
      }
    }
  })

  it.each([
    ["Thailand", "THA"],
    ["thai", "THA"],
    ["China", "CHN"],
    ["PRC", "CHN"],
    ["People's Republic of China", "CHN"],
    ["Viet Nam", "VNM"],
    ["Burma", "MMR"],
    ["Korea", "KOR"],
    ["UAE", "ARE"],
    ["ໄທ", "THA"],
    ["ກຳປູເຈຍ", "KHM"],
    ["Lao PDR", "LAO"],
  ])("%s -> %s", (text, iso3) => {
    const m = Place.findCountry(text)
    expect(m._tag === "Found" ? m.value.iso3 : m._tag).toBe(iso3)
  })

  it("gives Lao country names only where the glossary has them", () => {
    for (const c of Place.countries) {
      if (c.nameLo === "") {
        expect(Place.countryLabels[c.iso3].loNeedsReview, c.iso3).toBe(true)
      } else {
        expect(Translations.glossaryTerm(c.nameEn)?.lo, c.iso3).toBe(c.nameLo)
      }
    }
  })
})

describe("labels", () => {
  it("labels every code in English, and flags every empty or corrected Lao name", () => {
    const sets = [Place.provinceLabels, Place.districtLabels, Place.checkpointLabels, Place.countryLabels]
    for (const labels of sets) {
      for (const [code, label] of Object.entries(labels)) {
        expect(label.en.length, code).toBeGreaterThan(0)
        expect(label.description.length, code).toBeGreaterThan(0)
        if (label.lo === "") expect(label.loNeedsReview, code).toBe(true)
      }
    }
    expect(Object.keys(Place.districtLabels)).toHaveLength(148)
    for (const code of ["LA1601", "LA1006", "LA1011"] as const) {
      expect(Place.districtLabels[code].loNeedsReview, code).toBe(true)
    }
    expect(Place.districtLabels.LA1301.loNeedsReview).toBeUndefined()
  })
})
