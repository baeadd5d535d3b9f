/**
 * `pnpm --filter @lao-protect/dashboard build:boundaries`: rebuilds the default boundaries committed
 * in `boundaries/` from the team's geoBoundaries ADM2 file (`../shared/geo`, or LAO_PROTECT_SHARED_GEO).
 * Districts are matched to our P-codes by the geo tooling's importer (`lao-protect geo import`); the
 * provinces are dissolved from the matched districts, so one licence covers both layers and a
 * province edge is exactly the district edges along it. A district the file does not match keeps its
 * approximate cell from the Natural Earth build, marked `approximate: true`. The neighbouring
 * countries come from the Natural Earth build (world-atlas). Only this script reads ../shared; the
 * app, its server and its tests read the committed output.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { buildDefaultBoundaries, formatReport, importBoundaries } from "@lao-protect/geo"
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson"
import { feature, merge } from "topojson-client"
import { topology } from "topojson-server"
import type { GeometryCollection, Topology } from "topojson-specification"

const appDir = resolve(import.meta.dirname, "..")
const outDir = join(appDir, "boundaries")
const sharedGeo = process.env.LAO_PROTECT_SHARED_GEO ?? resolve(appDir, "../../../shared/geo")
const adm2File = join(sharedGeo, "geoBoundaries-LAO-ADM2_simplified.geojson")

export const ATTRIBUTION =
  "Boundaries: geoBoundaries LAO ADM2 (2019; National Geographic Department and OCHA ROAP via HDX), CC BY 3.0 IGO; provinces dissolved from its districts. Neighbouring countries: Natural Earth (public domain)."
export const LICENSE = "CC BY 3.0 IGO (https://creativecommons.org/licenses/by/3.0/igo/)"

type Shape = Polygon | MultiPolygon
interface Props {
  readonly pcode: string
  readonly name_en: string
  readonly name_lo: string
  readonly parent: string | null
  readonly approximate: boolean
}

const round = (p: Position): Position => [Math.round(p[0]! * 1e4) / 1e4, Math.round(p[1]! * 1e4) / 1e4]
const roundShape = (g: Shape): Shape =>
  g.type === "Polygon"
    ? { type: "Polygon", coordinates: g.coordinates.map((r) => r.map(round)) }
    : { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map((r) => r.map(round))) }

const lines = (meta: object, features: ReadonlyArray<object>): string => {
  const head = JSON.stringify({ type: "FeatureCollection", ...meta }).slice(0, -1)
  return `${head},"features":[\n${features.map((f) => JSON.stringify(f)).join(",\n")}\n]}\n`
}

const readCollection = <P>(file: string) =>
  JSON.parse(readFileSync(file, "utf8")) as FeatureCollection<Shape, P>

if (!existsSync(adm2File)) {
  console.error(`${adm2File} not found: set LAO_PROTECT_SHARED_GEO to the folder holding it.`)
  process.exit(1)
}
const work = mkdtempSync(join(tmpdir(), "lao-protect-boundaries-"))
try {
  const report = importBoundaries(adm2File, { outDir: join(work, "imported"), level: "adm2" })
  console.log(formatReport(report))
  const natural = buildDefaultBoundaries({ outDir: join(work, "natural") })
  const imported = readCollection<Props>(report.outFile)
  const cells = readCollection<Props>(natural.files.districts)
  const matched = new Set(imported.features.map((f) => f.properties.pcode))
  const districts = [
    ...imported.features,
    ...cells.features.filter((f) => !matched.has(f.properties.pcode)),
  ].sort((a, b) => (a.properties.pcode < b.properties.pcode ? -1 : 1))

  // One topology: provinces merged from its arcs share every edge with their districts.
  const collection: FeatureCollection<Shape, Props> = { type: "FeatureCollection", features: districts }
  const topo = topology({ districts: collection }) as unknown as Topology<{
    districts: GeometryCollection<Props>
  }>
  const geoms = topo.objects.districts.geometries
  const byParent = new Map<string, typeof geoms>()
  for (const g of geoms) {
    const parent = (g.properties as Props).parent!
    byParent.set(parent, [...(byParent.get(parent) ?? []), g])
  }
  const provinceNames = JSON.parse(readFileSync(natural.files.provinces, "utf8")) as FeatureCollection<
    Shape,
    Props
  >
  const provinces = provinceNames.features.flatMap((p): Feature<Shape, Props>[] => {
    const parts = byParent.get(p.properties.pcode)
    if (!parts) return []
    return [
      {
        type: "Feature",
        properties: {
          ...p.properties,
          approximate: parts.some((g) => (g.properties as Props).approximate),
        },
        geometry: roundShape(merge(topo, parts as never) as Shape),
      },
    ]
  })
  const districtFeatures = (
    feature(topo, topo.objects.districts) as FeatureCollection<Shape, Props>
  ).features.map((f) => ({ type: "Feature", properties: f.properties, geometry: roundShape(f.geometry) }))
  const meta = (level: string) => ({
    attribution: ATTRIBUTION,
    source: `geoBoundaries-LAO-ADM2 (shared/geo/geoBoundaries-LAO-ADM2_simplified.geojson), matched by @lao-protect/geo importBoundaries; ${districts.length - matched.size} district(s) unmatched kept as approximate cells`,
    license: LICENSE,
    level,
  })
  writeFileSync(join(outDir, "districts.geojson"), lines(meta("adm2"), districtFeatures))
  writeFileSync(join(outDir, "provinces.geojson"), lines(meta("adm1"), provinces))
  writeFileSync(join(outDir, "countries.geojson"), readFileSync(natural.files.countries, "utf8"))
  console.log(
    `boundaries/: ${provinces.length} provinces, ${districtFeatures.length} districts (${matched.size} from geoBoundaries), countries from Natural Earth`,
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
