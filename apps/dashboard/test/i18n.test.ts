import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Translations } from "@lao-protect/domain"
import { describe, expect, it } from "vitest"
import {
  catalogues,
  loSources,
  missingTranslations,
  needsReview,
  needsReviewByView,
  REVIEW_MARK,
  translator,
} from "../src/i18n/index.ts"

const { en, lo } = catalogues

const LAO = /[\u0E80-\u0EFF]/

describe("messages catalogue", () => {
  it("has every key translated, non-empty, in English and Lao", () => {
    expect(missingTranslations(catalogues)).toEqual([])
  })

  it("the check fails when a key lacks a translation", () => {
    expect(missingTranslations({ en: { a: "A", b: "B" }, lo: { a: "ກ" } })).toEqual(['lo: missing "b"'])
    expect(missingTranslations({ en: { a: "A" }, lo: { a: " " } })).toEqual(['lo: missing "a"'])
  })

  it("says for every Lao string whether it is sourced from the glossary or needs review", () => {
    expect(Object.keys(loSources).sort()).toEqual(Object.keys(en).sort())
    expect(needsReview.length).toBeGreaterThan(0)
    for (const [key, source] of Object.entries(loSources)) {
      if (!("glossary" in source)) continue
      for (const term of source.glossary.split("; ")) {
        const entry = Translations.glossaryTerm(term)
        expect(entry?.lo, `${key}: glossary has "${term}"`).toBeTruthy()
        expect(lo[key as keyof typeof lo].normalize("NFC"), `${key} uses the glossary's Lao`).toContain(
          (entry?.lo ?? "\u0000").normalize("NFC"),
        )
      }
    }
  })

  it("Lao strings are in Lao script and keep every placeholder", () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
      expect(placeholders(lo[key]), key).toEqual(placeholders(en[key]))
    }
    const laoCount = Object.values(lo).filter((s) => LAO.test(s)).length
    expect(laoCount).toBeGreaterThan(Object.keys(lo).length * 0.8)
  })

  it("shows an unsourced Lao string in English with the review mark, and sourced Lao as it is", () => {
    const lo = translator("lo")
    const unsourced = needsReview[0]!
    expect(lo(unsourced)).toBe(`${en[unsourced]} ${REVIEW_MARK}`)
    const sourced = (Object.keys(loSources) as Array<keyof typeof en>).find(
      (k) => "glossary" in loSources[k],
    )!
    expect(lo(sourced)).toBe(catalogues.lo[sourced])
    expect(translator("en")(unsourced)).toBe(en[unsourced])
  })

  it("lists every unsourced string under its view for the translators", () => {
    expect(needsReviewByView.flatMap((v) => v.keys).sort()).toEqual([...needsReview].sort())
    expect(needsReviewByView.map((v) => v.view)).toEqual([
      "core",
      "pages",
      "trends",
      "planning",
      "review",
      "measures",
      "persons",
      "quality",
    ])
  })

  it("interpolates parameters", () => {
    expect(translator("en")("suppressed", { k: 10 })).toBe("suppressed (< 10)")
    expect(translator("lo")("suppressed", { k: 10 })).toContain("10")
  })

  it("no component hard-codes visible English text outside the catalogue", () => {
    const dir = join(import.meta.dirname, "../src/components")
    for (const file of readdirSync(dir)) {
      const src = readFileSync(join(dir, file), "utf8")
      // JSX text between tags that contains letters (not expressions) would bypass translation
      const literal = src.match(/>\s*[A-Za-z][A-Za-z ,.]{3,}\s*</g) ?? []
      expect(literal, file).toEqual([])
    }
  })
})
