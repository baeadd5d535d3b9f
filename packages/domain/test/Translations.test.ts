import { describe, expect, it } from "vitest"
import * as CaseRowModule from "../src/CaseRow.ts"
import * as Ethnicity from "../src/Ethnicity.ts"
import * as LegalBasis from "../src/LegalBasis.ts"
import * as PersonModule from "../src/Person.ts"
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

describe("Lao labels of the case row and its picklists", () => {
  it("no Lao column header holds an English code or Latin letters", () => {
    for (const c of CaseRowModule.caseRowColumns) expect(c.label.lo, c.column).not.toMatch(/[A-Za-z_]/)
    expect(CaseRowModule.columnSpecs.exit_date.label.lo).not.toBe("ວັນທີອອກ")
  })
  it("writes the sex picklist in one form (no ເພດ prefix on one option only)", () => {
    const los = Object.values(PersonModule.sexLabels).map((l) => l.lo)
    expect(los.filter((lo) => lo.startsWith("ເພດ"))).toEqual([])
    // a label that is not a verbatim glossary term is flagged for review
    expect(PersonModule.sexLabels.male.loNeedsReview).toBe(true)
  })
})

describe("the translator's sheet", () => {
  const rows = Translations.translatorsCatalogue()
  it("exports every catalogue row, review first, and re-imports the filled cells", () => {
    const csv = Translations.catalogueSheetCsv(rows)
    const lines = csv.trimEnd().split("\r\n")
    expect(lines[0]).toBe(Translations.sheetHeader.join(","))
    expect(lines.length).toBe(rows.length + 1)
    const first = rows.find((r) => r.needsReview)!
    // the translator fills one row, leaves one without a source, and mistypes a code
    const filled = csv
      .split("\r\n")
      .map((line, i) => {
        if (i === 1) return line.replace(/,,,$/, ",ການທົດສອບ,Lao Women's Union style guide,")
        if (i === 2) return line.replace(/,,,$/, ",ການທົດສອບ,,")
        return line
      })
      .join("\r\n")
      .concat(`${first.concept},no_such_code,x,,yes,,ທົດສອບ,somewhere,\r\n`)
    const back = Translations.readCatalogueSheet(filled, rows)
    expect(back.updates).toEqual([
      {
        concept: rows[0]!.concept,
        code: rows[0]!.code,
        lo: "ການທົດສອບ",
        source: "Lao Women's Union style guide",
        note: "",
      },
    ])
    expect(back.issues.map((i) => [i.row, i.column])).toEqual([
      [3, "lo_source"],
      [rows.length + 2, "code"],
    ])
    expect(back.updates.length + back.issues.length + back.untouched).toBe(rows.length + 1)
    const applied = Translations.applyCatalogueUpdates(rows, back.updates)
    expect(applied[0]).toMatchObject({
      lo: "ການທົດສອບ",
      needsReview: false,
      source: "Lao Women's Union style guide",
    })
    expect(applied.slice(1)).toEqual(rows.slice(1))
  })
  it("refuses Latin text, a wrong header and non-text input without throwing", () => {
    const csv = `${Translations.sheetHeader.join(",")}\r\n${rows[0]!.concept},${rows[0]!.code},,,,,Vientiane,src,\r\n`
    expect(Translations.readCatalogueSheet(csv, rows).issues[0]?.column).toBe("lo_reviewed")
    expect(Translations.readCatalogueSheet("a,b\r\n", rows).issues[0]?.column).toBe("header")
    expect(Translations.readCatalogueSheet(undefined as never, rows).issues[0]?.column).toBe("header")
  })
  it("keeps unsourced Lao names of ethnic groups, checkpoints, articles and countries flagged", () => {
    for (const r of rows.filter((r) =>
      ["EthnicGroup", "Checkpoint", "LegalBasis", "Country"].includes(r.concept),
    ))
      if (r.source === null) expect(r.needsReview, `${r.concept} ${r.code}`).toBe(true)
  })
})
