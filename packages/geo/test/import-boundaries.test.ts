import { mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Place } from "@lao-protect/domain"
import { afterAll, describe, expect, it } from "vitest"
import { formatReport, importBoundaries } from "../src/index.ts"
import { isClosedRing, readCollection, ringsOf } from "./helpers.ts"
import {
  EXTRACT_PROVINCES,
  sharedGeo,
  sharedNameDistricts,
  writeCodAbDistrictExtracts,
  writeCodAbProvinces,
  writeGeoBoundariesDistricts,
  writeGeoBoundariesProvinces,
} from "./official-shapes.ts"

const geo = sharedGeo("importBoundaries")
const work = mkdtempSync(join(tmpdir(), "lao-geo-import-"))
let n = 0
const outDir = () => join(work, String(n++))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const provinceCodes = Place.provinces.map((p) => p.code)
const districtCodes = Place.districts.map((d) => d.code)

describe("importBoundaries on files in the shapes of COD-AB and geoBoundaries (written by the test)", () => {
  const shapes = mkdtempSync(join(work, "shapes-"))

  it("geoBoundaries ADM1: 18 of 18 provinces by ISO code (Xaisomboun by its legacy code LA-XN)", () => {
    const report = importBoundaries(writeGeoBoundariesProvinces(shapes), { outDir: outDir() })
    expect(report.level).toBe("adm1")
    expect(report.levelReason).toBe("geoBoundaries shapeType ADM1")
    expect(report.unmatched).toEqual([])
    expect(report.missing).toEqual([])
    expect(report.matched.map((m) => [m.pcode, m.by])).toEqual(provinceCodes.map((c) => [c, "iso"]))
    expect(report.attribution).toContain("geoBoundaries")
    const out = readCollection(report.outFile)
    expect(out.features.map((f) => f.properties.pcode)).toEqual(provinceCodes)
    expect(out.attribution).toBe(report.attribution)
    for (const f of out.features) {
      expect(f.properties.approximate).toBe(false)
      for (const ring of ringsOf(f.geometry)) expect(isClosedRing(ring)).toBe(true)
    }
  })

  it("geoBoundaries ADM2 (names only): every district, the names two districts share settled by location", () => {
    const report = importBoundaries(writeGeoBoundariesDistricts(shapes), { outDir: outDir() })
    expect(report.level).toBe("adm2")
    expect(report.unmatched).toEqual([])
    expect(report.missing).toEqual([])
    expect(report.matched.map((m) => m.pcode).sort()).toEqual([...districtCodes].sort())
    const located = report.matched.filter((m) => m.by === "name + location").map((m) => m.pcode)
    expect(located.sort()).toEqual([...sharedNameDistricts()].sort())
    expect(located).toHaveLength(6)
    const out = readCollection(report.outFile)
    for (const f of out.features) {
      expect(f.properties.parent).toBe(Place.district(f.properties.pcode as Place.DistrictCode).province)
    }
  })

  it("COD-AB ADM1: 18 of 18 provinces by P-code, OCHA attribution", () => {
    const report = importBoundaries(writeCodAbProvinces(shapes), { outDir: outDir() })
    expect(report.level).toBe("adm1")
    expect(report.matched.every((m) => m.by === "pcode")).toBe(true)
    expect(report.matched.map((m) => m.pcode)).toEqual(provinceCodes)
    expect(report.attribution).toContain("OCHA COD-AB")
    expect(report.attribution).toContain("CC BY-IGO")
  })

  it("COD-AB district extracts (a folder, 9 of 18 provinces): theirs by P-code, every other district listed as missing", () => {
    const report = importBoundaries(writeCodAbDistrictExtracts(shapes), { outDir: outDir() })
    const covered = new Set<string>(EXTRACT_PROVINCES)
    const inCovered = Place.districts.filter((d) => covered.has(d.province)).map((d) => d.code)
    expect(report.files.length).toBe(9)
    expect(report.level).toBe("adm2")
    expect(report.matched.map((m) => m.pcode).sort()).toEqual(inCovered.sort())
    expect(report.unmatched).toEqual([])
    expect(report.missing.length).toBe(148 - inCovered.length)
    for (const m of report.missing)
      expect(covered.has(Place.provinceOfDistrict(m.pcode as Place.DistrictCode))).toBe(false)
    expect(formatReport(report)).toContain(`MISSING: ${148 - inCovered.length} P-codes got no geometry`)
  })

  it("writes only into the requested folder", () => {
    const dir = outDir()
    importBoundaries(writeCodAbProvinces(shapes), { outDir: dir, level: "adm1" })
    expect(readdirSync(dir)).toEqual(["provinces.geojson"])
  })
})

if (geo !== null)
  describe("importBoundaries on the real files in ../shared/geo", () => {
    it("geoBoundaries ADM1: 18 of 18 provinces (Xaisomboun by its legacy ISO code LA-XN)", () => {
      const report = importBoundaries(join(geo, "geoBoundaries-LAO-ADM1_simplified.geojson"), {
        outDir: outDir(),
      })
      expect(report.level).toBe("adm1")
      expect(report.unmatched).toEqual([])
      expect(report.missing).toEqual([])
      expect(report.matched.map((m) => m.pcode)).toEqual(provinceCodes)
      expect(report.matched.find((m) => m.pcode === "LA18")?.sourceName).toBe("Xaisomboun")
      expect(report.attribution).toContain("geoBoundaries")
      const out = readCollection(report.outFile)
      expect(out.features.map((f) => f.properties.pcode)).toEqual(provinceCodes)
      expect(out.attribution).toBe(report.attribution)
      for (const f of out.features) {
        expect(f.properties.approximate).toBe(false)
        for (const ring of ringsOf(f.geometry)) expect(isClosedRing(ring)).toBe(true)
      }
    })

    it("geoBoundaries ADM2 (names only, no province): every district, shared names settled by location", () => {
      const report = importBoundaries(join(geo, "geoBoundaries-LAO-ADM2_simplified.geojson"), {
        outDir: outDir(),
      })
      expect(report.level).toBe("adm2")
      const codes = new Set(report.matched.map((m) => m.pcode))
      // At the time of writing all 148 match; anything short of that must be explained in the report.
      expect(codes.size).toBeGreaterThanOrEqual(145)
      expect(report.matched.length + report.unmatched.length).toBe(148)
      for (const u of report.unmatched) expect(u.reason).not.toBe("")
      expect(report.missing.map((m) => m.pcode)).toEqual(
        Place.districts.map((d) => d.code).filter((c) => !codes.has(c)),
      )
      // Xaysetha, Phonthong and Viengkham each name two districts in different provinces.
      const located = report.matched.filter((m) => m.by === "name + location").map((m) => m.pcode)
      expect(located).toEqual(["LA0103", "LA0610", "LA0612", "LA1009", "LA1606", "LA1701"])
      const out = readCollection(report.outFile)
      for (const f of out.features) {
        expect(f.properties.parent).toBe(Place.district(f.properties.pcode as Place.DistrictCode).province)
      }
      if (report.unmatched.length > 0) console.info(formatReport(report))
    })

    it("COD-AB laomap.json: 18 of 18 provinces by P-code, OCHA attribution", () => {
      const report = importBoundaries(join(geo, "laomap.json"), { outDir: outDir() })
      expect(report.level).toBe("adm1")
      expect(report.matched.every((m) => m.by === "pcode")).toBe(true)
      expect(report.matched.map((m) => m.pcode)).toEqual(provinceCodes)
      expect(report.attribution).toContain("OCHA COD-AB")
      expect(report.attribution).toContain("CC BY-IGO")
    })

    it("COD-AB district extracts (a folder, 9 of 18 provinces): 71 by P-code, the other 77 listed as missing", () => {
      const report = importBoundaries(join(geo, "mapjsfiles_districts"), { outDir: outDir() })
      expect(report.files.length).toBe(9)
      expect(report.level).toBe("adm2")
      expect(report.matched.length).toBe(71)
      expect(report.unmatched).toEqual([])
      expect(report.missing.length).toBe(77)
      const covered = new Set(["LA02", "LA04", "LA05", "LA07", "LA12", "LA13", "LA14", "LA15", "LA17"])
      for (const m of report.missing)
        expect(covered.has(Place.provinceOfDistrict(m.pcode as Place.DistrictCode))).toBe(false)
      expect(formatReport(report)).toContain("MISSING: 77 P-codes got no geometry")
    })

    it("writes only into the requested folder", () => {
      const dir = outDir()
      importBoundaries(join(geo, "laomap.json"), { outDir: dir, level: "adm1" })
      expect(readdirSync(dir)).toEqual(["provinces.geojson"])
    })
  })

describe("importBoundaries on a hand-written file with problems", () => {
  const fixture = join(import.meta.dirname, "fixtures/districts-with-problems.geojson")

  it("matches what it can, lists every other feature with its names and a reason, and drops nothing", () => {
    const dir = outDir()
    const report = importBoundaries(fixture, { outDir: dir })
    expect(report.level).toBe("adm2")
    expect(report.attribution).toBe("Hand-written test fixture (Lao Protect)")
    expect(report.matched.map((m) => [m.pcode, m.by])).toEqual([
      ["LA0401", "pcode"],
      ["LA0401", "pcode"],
      ["LA0501", "name"],
      ["LA0505", "name"],
    ])
    expect(report.merged).toEqual([{ pcode: "LA0401", sourceNames: ["Xay", "Xay (island part)"] }])
    const unmatched = Object.fromEntries(report.unmatched.map((u) => [u.names[0] ?? u.ref, u.reason]))
    expect(Object.keys(unmatched)).toEqual(["Atlantis", "Phonthong", "Meung", "feature#7"])
    expect(unmatched.Atlantis).toContain("not a known name")
    expect(unmatched.Phonthong).toContain("another province (LA0612, LA1606)")
    expect(unmatched.Meung).toContain("Point, not a polygon")
    expect(unmatched["feature#7"]).toContain("LA9999 is not a district code")
    expect(report.missing.length).toBe(148 - 3)

    const out = readCollection(report.outFile)
    expect(out.features.map((f) => f.properties.pcode)).toEqual(["LA0401", "LA0501", "LA0505"])
    expect(out.features[0]!.geometry.type).toBe("MultiPolygon")
    const rejected = readCollection(report.unmatchedFile!)
    expect(rejected.features.map((f) => f.properties._reason)).toEqual(report.unmatched.map((u) => u.reason))
    expect(rejected.features[0]!.properties.ADM2_EN).toBe("Atlantis")

    const text = formatReport(report)
    expect(text).toContain("UNMATCHED features")
    expect(text).toContain("Atlantis")
  })

  it("honours --level and --attribution", () => {
    const report = importBoundaries(fixture, {
      outDir: outDir(),
      level: "adm2",
      attribution: "Given by hand",
    })
    expect(report.levelReason).toBe("given (--level)")
    expect(report.attribution).toBe("Given by hand")
  })

  it("fails clearly on a missing file or a file that is not GeoJSON", () => {
    expect(() => importBoundaries(join(work, "nope.geojson"), { outDir: outDir() })).toThrow(/no such file/)
    expect(() => importBoundaries(join(import.meta.dirname, "helpers.ts"), { outDir: outDir() })).toThrow(
      /not JSON/,
    )
  })
})
