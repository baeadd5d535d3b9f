import { describe, expect, it } from "vitest"
import * as CaseRow from "../../src/CaseRow.ts"
import * as Ctdc from "../../src/formats/Ctdc.ts"
import * as Htcds from "../../src/formats/Htcds.ts"
import * as Hxl from "../../src/formats/Hxl.ts"
import * as Place from "../../src/Place.ts"

describe("Hxl tags", () => {
  it("tags every CaseRow, HTCDS and CTDC column with a well-formed hashtag", () => {
    for (const c of CaseRow.columnNames) expect(Hxl.isHashtag(Hxl.caseRowTags[c]), c).toBe(true)
    for (const f of Htcds.fields) expect(Hxl.isHashtag(f.hxl), f.field).toBe(true)
    for (const v of Ctdc.syntheticVariables) expect(Hxl.isHashtag(Ctdc.hxlTags[v] ?? ""), v).toBe(true)
    expect(Hxl.isHashtag("adm1+code")).toBe(false)
    expect(Hxl.isHashtag("#Adm1")).toBe(false)
  })

  it("withHxl gives one tag per header cell, empty where untagged", () => {
    expect(Hxl.withHxl(["case_id", "extra"], (c) => Hxl.caseRowTags[c as CaseRow.ColumnName])).toEqual([
      "#meta+id",
      "",
    ])
  })
})

describe("Hxl gazetteer", () => {
  for (const dialect of ["primero", "hxl"] as const) {
    it(`${dialect}: one row per district with its province, no empty admin cell`, () => {
      const g = Hxl.gazetteer(dialect)
      expect(g.rows).toHaveLength(Place.districts.length)
      expect(g.tags).toHaveLength(g.header.length)
      const col = (name: string) => g.header.indexOf(name)
      for (const row of g.rows) {
        expect(row[col("district_pcode")]!.slice(0, 4)).toBe(row[col("province_pcode")])
        g.tags.forEach((tag, i) => {
          if (/^#(country|adm\d)/.test(tag))
            expect(row[i], `${tag} ${row[col("district_pcode")]}`).not.toBe("")
        })
      }
      expect(new Set(g.rows.map((r) => r[col("province_pcode")])).size).toBe(Place.provinces.length)
    })
  }

  it("primero: names carry a bare locale (+en, +lo), which Primero's importer requires", () => {
    const g = Hxl.gazetteer("primero")
    const names = g.tags.filter((t) => /^#(country|adm\d)\+name/.test(t))
    expect(names.length).toBe(6)
    for (const t of names) expect(t).toMatch(/\+name\+(en|lo)$/)
    for (const t of g.tags.filter((t) => /^#(country|adm\d)/.test(t)))
      expect(t).toMatch(/\+(code|name\+(en|lo))$/)
  })

  it("hxl: names use the HXL language attributes +i_en / +i_lo", () => {
    const g = Hxl.gazetteer("hxl")
    expect(g.tags).toContain("#adm1+name+i_lo")
    expect(g.tags).toContain("#adm2+name+i_en")
  })
})
