import { readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { Place } from "@lao-protect/domain"
import { describe, expect, it } from "vitest"
import { COMMITTED_BOUNDARIES } from "../server/serve.ts"

interface Collection {
  readonly attribution: string
  readonly license: string
  readonly features: ReadonlyArray<{
    readonly properties: {
      readonly pcode?: string
      readonly iso3?: string
      readonly name_en: string
      readonly parent?: string | null
      readonly approximate?: boolean
    }
    readonly geometry: { readonly type: string; readonly coordinates: number[][][][] }
  }>
}
const read = (name: string) =>
  JSON.parse(readFileSync(join(COMMITTED_BOUNDARIES, `${name}.geojson`), "utf8")) as Collection
const provinces = read("provinces")
const districts = read("districts")
const countries = read("countries")

const rings = (f: Collection["features"][number]) =>
  f.geometry.type === "Polygon"
    ? (f.geometry.coordinates as unknown as number[][][])
    : f.geometry.coordinates.flat()
const ringArea = (ring: number[][]) =>
  ring.reduce((s, p, i) => {
    const q = ring[(i + 1) % ring.length]!
    return s + p[0]! * q[1]! - q[0]! * p[1]!
  }, 0) / 2
const area = (f: Collection["features"][number]) => {
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates
  return (polys as number[][][][]).reduce(
    (s, poly) =>
      s + Math.abs(ringArea(poly[0]!)) - poly.slice(1).reduce((h, r) => h + Math.abs(ringArea(r)), 0),
    0,
  )
}

describe("committed default boundaries", () => {
  it("cover every province and district P-code of the domain, named from the domain", () => {
    expect(provinces.features.map((f) => f.properties.pcode)).toEqual(
      Place.provinces.map((p) => p.code).sort(),
    )
    expect(districts.features.map((f) => f.properties.pcode).sort()).toEqual(
      Place.districts.map((d) => d.code).sort(),
    )
    for (const f of districts.features) {
      const d = Place.districts.find((x) => x.code === f.properties.pcode)!
      expect(f.properties.parent).toBe(d.province)
      expect(f.properties.name_en).toBe(d.nameEn)
    }
  })

  it("are real district shapes (none approximate) with provinces dissolved from them", () => {
    expect(districts.features.filter((f) => f.properties.approximate)).toEqual([])
    expect(provinces.features.filter((f) => f.properties.approximate)).toEqual([])
    for (const p of provinces.features) {
      const children = districts.features.filter((d) => d.properties.parent === p.properties.pcode)
      const sum = children.reduce((s, d) => s + area(d), 0)
      // dissolved from the same arcs: the province is its districts, up to slivers between them
      expect(Math.abs(area(p) - sum) / sum).toBeLessThan(0.01)
      const districtPoints = new Set(
        children.flatMap((d) =>
          rings(d)
            .flat()
            .map((pt) => pt.join(",")),
        ),
      )
      const provincePoints = rings(p).flat()
      const shared = provincePoints.filter((pt) => districtPoints.has(pt.join(","))).length
      expect(shared / provincePoints.length).toBe(1)
    }
  })

  it("carry the source, licence and attribution for the map and its exports", () => {
    for (const c of [provinces, districts]) {
      expect(c.license).toMatch(/CC BY 3\.0 IGO/)
      expect(c.attribution).toMatch(/geoBoundaries/)
      expect(c.attribution).toMatch(/CC BY 3\.0 IGO/)
    }
    expect(countries.attribution).toMatch(/Natural Earth/)
  })

  it("include the five neighbouring countries", () => {
    const iso = countries.features.map((f) => f.properties.iso3)
    for (const code of ["THA", "MMR", "CHN", "VNM", "KHM", "LAO"]) expect(iso).toContain(code)
  })

  it("stay small enough for the browser (under 1 MB together)", () => {
    const bytes = ["provinces", "districts", "countries"].reduce(
      (s, n) => s + statSync(join(COMMITTED_BOUNDARIES, `${n}.geojson`)).size,
      0,
    )
    expect(bytes).toBeLessThan(1_000_000)
  })
})
