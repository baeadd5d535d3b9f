/**
 * Small boundary files in the shapes of the two official sources `geo import` reads, written by the
 * tests themselves so that they pass on a clone with nothing beside it:
 * - OCHA COD-AB: `ADM1_PCODE`/`ADM2_PCODE`, English and Lao names, `ADM0_*`; provinces in one file,
 *   districts as a folder of per-province extracts covering only some provinces (as HDX users get them);
 * - geoBoundaries: `shapeName`, `shapeISO`, `shapeID`, `shapeGroup`, `shapeType`; ADM1 with ISO codes
 *   (Xaisomboun under its legacy code LA-XN, as the real release has it), ADM2 with names only.
 * Names and reference centres come from the domain; each area is a small square around its centre
 * (not a boundary). The real files in ../shared/geo stay an extra the tests run when present.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { Place } from "@lao-protect/domain"

/**
 * The team's third-party boundary files, read in place (never copied into the repo): CI lays shared/
 * beside the clone, LAO_PROTECT_SHARED_GEO points elsewhere. On a clone with nothing beside it this
 * says in one line which tests it skips and returns null.
 */
export const sharedGeo = (what: string): string | null => {
  const dir = process.env.LAO_PROTECT_SHARED_GEO ?? resolve(import.meta.dirname, "../../../../shared/geo")
  if (existsSync(join(dir, "laomap.json"))) return dir
  console.info(`skipped: ${what} on the real boundary files (none in ${dir}; set LAO_PROTECT_SHARED_GEO)`)
  return null
}

const square = (lat: number, lon: number, r: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [lon - r, lat - r],
      [lon + r, lat - r],
      [lon + r, lat + r],
      [lon - r, lat + r],
      [lon - r, lat - r],
    ],
  ],
})

const write = (file: string, features: ReadonlyArray<unknown>): string => {
  writeFileSync(file, JSON.stringify({ type: "FeatureCollection", features }))
  return file
}

const country = { ADM0_EN: "Lao People's Democratic Republic", ADM0_LO: "ສປປ ລາວ", ADM0_PCODE: "LA" }

/** The provinces the COD-AB district extracts cover (the nine of the HDX "mapjsfiles" folder). */
export const EXTRACT_PROVINCES: ReadonlyArray<Place.ProvinceCode> = [
  "LA02",
  "LA04",
  "LA05",
  "LA07",
  "LA12",
  "LA13",
  "LA14",
  "LA15",
  "LA17",
]

/** COD-AB ADM1 (like laomap.json): the 18 provinces by P-code. */
export const writeCodAbProvinces = (dir: string): string =>
  write(
    join(dir, "lao-adm1-codab.json"),
    Place.provinces.map((p) => ({
      type: "Feature",
      properties: { ...country, ADM1_EN: p.nameEn, ADM1_LO: p.nameLo, ADM1_PCODE: p.code },
      geometry: square(p.centroidLat, p.centroidLon, 0.1),
    })),
  )

/** A folder of COD-AB ADM2 extracts, one file per province in `provinces`. */
export const writeCodAbDistrictExtracts = (
  dir: string,
  provinces: ReadonlyArray<Place.ProvinceCode> = EXTRACT_PROVINCES,
): string => {
  const folder = join(dir, "codab-district-extracts")
  mkdirSync(folder, { recursive: true })
  for (const code of provinces) {
    const p = Place.province(code)
    write(
      join(folder, `${p.nameEn.toLowerCase().replace(/[^a-z]+/g, "-")}-final.json`),
      Place.districts
        .filter((d) => d.province === code)
        .map((d) => ({
          type: "Feature",
          properties: {
            ADM2_EN: d.nameEn,
            ADM2_LO: d.nameLo,
            ADM2_PCODE: d.code,
            ADM1_EN: p.nameEn,
            ADM1_LO: p.nameLo,
            ADM1_PCODE: p.code,
            ...country,
          },
          geometry: square(d.centroidLat, d.centroidLon, 0.01),
        })),
    )
  }
  return folder
}

const shapeId = (code: string) => `FIXTURE${code}`

/** geoBoundaries ADM1: ISO 3166-2 codes and names, no P-codes. */
export const writeGeoBoundariesProvinces = (dir: string): string =>
  write(
    join(dir, "geoBoundaries-LAO-ADM1-fixture.geojson"),
    Place.provinces.map((p) => ({
      type: "Feature",
      properties: {
        shapeISO: p.legacyIso3166_2 ?? p.iso3166_2,
        shapeName: p.nameEn,
        shapeID: shapeId(p.code),
        shapeGroup: "LAO",
        shapeType: "ADM1",
      },
      geometry: square(p.centroidLat, p.centroidLon, 0.1),
    })),
  )

/** geoBoundaries ADM2: names only (no code, no province), so shared names need the location. */
export const writeGeoBoundariesDistricts = (dir: string): string =>
  write(
    join(dir, "geoBoundaries-LAO-ADM2-fixture.geojson"),
    Place.districts.map((d) => ({
      type: "Feature",
      properties: {
        shapeName: d.nameEn,
        shapeISO: "",
        shapeID: shapeId(d.code),
        shapeGroup: "LAO",
        shapeType: "ADM2",
      },
      geometry: square(d.centroidLat, d.centroidLon, 0.01),
    })),
  )

/** District codes whose English name another district also has (settled by location on import). */
export const sharedNameDistricts = (): ReadonlyArray<Place.DistrictCode> => {
  const count = new Map<string, number>()
  for (const d of Place.districts) count.set(d.nameEn, (count.get(d.nameEn) ?? 0) + 1)
  return Place.districts.filter((d) => (count.get(d.nameEn) ?? 0) > 1).map((d) => d.code)
}
