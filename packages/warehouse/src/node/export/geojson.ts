/**
 * `export geojson`: the map layers as GeoJSON, read from the CURRENT publication only
 * (`data/published/current.json` -> its release's Arrow tables), never from the warehouse, so only
 * published, suppressed numbers leave. A suppressed cell has `n: null, suppressed: true`; an area
 * with no cases has `status: "no_data"`. Geometry: the boundary files of `data/geo/default`
 * (approximate, see packages/geo) when present, otherwise the domain's centroids as points.
 */
import { existsSync } from "node:fs"
import { readFile } from "node:fs/promises"
import { join } from "node:path"
import { Place } from "@lao-protect/domain"
import { tableFromIPC } from "apache-arrow"

export const layers = ["provinces", "districts", "checkpoints", "flows"] as const
export type Layer = (typeof layers)[number]

export interface GeojsonExportOptions {
  /** The publication folder holding `current.json` (e.g. `data/published`). */
  readonly published: string
  readonly layer: Layer
  /** One year; default: totals over all years (provinces, districts, checkpoints) or every year (flows). */
  readonly year?: number
  /** Folder with provinces.geojson / districts.geojson / countries.geojson; points when missing. */
  readonly boundaries?: string
}

type Geometry = { readonly type: string; readonly coordinates: unknown } | null
interface Feature {
  readonly type: "Feature"
  readonly geometry: Geometry
  readonly properties: Record<string, unknown>
}
export interface FeatureCollection {
  readonly type: "FeatureCollection"
  readonly features: ReadonlyArray<Feature>
  readonly [member: string]: unknown
}

interface Manifest {
  readonly release: string
  readonly threshold: number
  readonly flowThreshold: number
  readonly synthetic: boolean
  readonly tier: string
  readonly tables: Readonly<Record<string, { readonly file: string }>>
}

type Cell = { n: number | null; suppressed: boolean }

const readTable = async (
  dir: string,
  manifest: Manifest,
  name: string,
): Promise<Array<Record<string, unknown>>> => {
  const entry = manifest.tables[name]
  if (entry === undefined) throw new Error(`the current release has no ${name} table`)
  const table = tableFromIPC(await readFile(join(dir, entry.file)))
  return table.toArray().map((row) => {
    const plain: Record<string, unknown> = {}
    for (const field of table.schema.fields) {
      const v = (row as Record<string, unknown>)[field.name]
      plain[field.name] = typeof v === "bigint" ? Number(v) : v
    }
    return plain
  })
}

/** The release `current.json` points to, with its manifest. */
export const currentRelease = async (published: string): Promise<{ dir: string; manifest: Manifest }> => {
  const pointer = join(published, "current.json")
  if (!existsSync(pointer)) throw new Error(`no publication: ${pointer} is missing (run lao-protect publish)`)
  const { release } = JSON.parse(await readFile(pointer, "utf8")) as { release: string }
  if (!/^[A-Za-z0-9._-]+$/.test(release)) throw new Error(`current.json names an invalid release: ${release}`)
  const dir = join(published, "releases", release)
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest
  return { dir, manifest }
}

const boundaryGeometries = async (
  dir: string | undefined,
  file: string,
  key: string,
): Promise<Map<string, Geometry>> => {
  const path = dir === undefined ? undefined : join(dir, file)
  if (path === undefined || !existsSync(path)) return new Map()
  const fc = JSON.parse(await readFile(path, "utf8")) as {
    features: Array<{ properties: Record<string, string>; geometry: Geometry }>
  }
  return new Map(fc.features.map((f) => [f.properties[key]!, f.geometry]))
}

const point = (lat: number, lon: number): Geometry => ({ type: "Point", coordinates: [lon, lat] })

/** A province or district: its boundary (or centre), codes, names and the published cell. */
const areaFeature = (
  area: { code: string; nameEn: string; nameLo: string; centroidLat: number; centroidLon: number },
  shapes: ReadonlyMap<string, Geometry>,
  cell: Cell | undefined,
  extra: Readonly<Record<string, unknown>> = {},
) => ({
  type: "Feature" as const,
  geometry: shapes.get(area.code) ?? point(area.centroidLat, area.centroidLon),
  properties: {
    pcode: area.code,
    ...extra,
    name_en: area.nameEn,
    name_lo: area.nameLo,
    n: cell?.n ?? null,
    suppressed: cell?.suppressed ?? false,
    status: status(cell),
  },
})

const status = (cell: Cell | undefined): "value" | "suppressed" | "no_data" =>
  cell === undefined ? "no_data" : cell.suppressed ? "suppressed" : "value"

/** Centre of a polygon feature's coordinates (mean of its vertices): a label point for flows. */
const meanPoint = (geometry: Geometry): readonly [number, number] | undefined => {
  if (geometry === null) return undefined
  const pts: Array<[number, number]> = []
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") pts.push([c[0] as number, c[1] as number])
    else if (Array.isArray(c)) for (const x of c) walk(x)
  }
  walk(geometry.coordinates)
  if (pts.length === 0) return undefined
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length]
}

/** Sum of published cells; null (and suppressed) as soon as one of them is suppressed. */
const sumCells = (cells: ReadonlyArray<Cell>): Cell | undefined => {
  if (cells.length === 0) return undefined
  if (cells.some((c) => c.suppressed || c.n === null)) return { n: null, suppressed: true }
  return { n: cells.reduce((s, c) => s + (c.n ?? 0), 0), suppressed: false }
}

export const exportGeojson = async (options: GeojsonExportOptions): Promise<FeatureCollection> => {
  const { dir, manifest } = await currentRelease(options.published)
  const year = options.year ?? null
  const base = {
    type: "FeatureCollection" as const,
    layer: options.layer,
    release: manifest.release,
    synthetic: manifest.synthetic,
    threshold: manifest.threshold,
    year,
    note: "From the current publication only. n is null where the cell is suppressed (fewer than threshold cases, or hidden so it cannot be recomputed); no_data means no cases.",
  }
  const cellOf = (r: Record<string, unknown>): Cell => ({
    n: r.suppressed === true ? null : (r.n as number | null),
    suppressed: r.suppressed === true,
  })
  switch (options.layer) {
    case "provinces": {
      const rows = await readTable(dir, manifest, "province_year")
      const wanted = rows.filter((r) =>
        year === null ? r.level === "province_total" : r.level === "cell" && r.year === year,
      )
      const byCode = new Map(
        wanted.filter((r) => r.province !== null).map((r) => [r.province as string, cellOf(r)]),
      )
      const unknown = wanted.find((r) => r.province === null)
      const shapes = await boundaryGeometries(options.boundaries, "provinces.geojson", "pcode")
      return {
        ...base,
        unknownProvince: unknown === undefined ? null : cellOf(unknown),
        features: Place.provinces.map((p) => areaFeature(p, shapes, byCode.get(p.code))),
      }
    }
    case "districts": {
      const rows = await readTable(dir, manifest, "district_year")
      const wanted = rows.filter((r) =>
        year === null ? r.level === "district_total" : r.level === "cell" && r.year === year,
      )
      const byCode = new Map(
        wanted.filter((r) => r.district !== null).map((r) => [r.district as string, cellOf(r)]),
      )
      const shapes = await boundaryGeometries(options.boundaries, "districts.geojson", "pcode")
      return {
        ...base,
        features: Place.districts.map((d) =>
          areaFeature(d, shapes, byCode.get(d.code), { parent: d.province }),
        ),
      }
    }
    case "checkpoints": {
      const rows = await readTable(dir, manifest, "flows")
      const out = rows.filter((r) => r.direction === "out" && (year === null || r.year === year))
      return {
        ...base,
        features: Place.checkpoints.map((c) => {
          const cell = sumCells(out.filter((r) => r.border_point === c.id).map(cellOf))
          return {
            type: "Feature",
            geometry: point(c.lat, c.lon),
            properties: {
              id: c.id,
              name: c.name,
              province: c.province,
              district: c.district,
              neighbour_country: c.neighbourCountry,
              n: cell?.n ?? null,
              suppressed: cell?.suppressed ?? false,
              status: status(cell),
            },
          }
        }),
      }
    }
    case "flows": {
      const rows = await readTable(dir, manifest, "flows")
      const countries = await boundaryGeometries(options.boundaries, "countries.geojson", "iso3")
      const features = rows
        .filter((r) => year === null || r.year === year)
        .map((r): Feature => {
          const origin = Place.provinces.find((p) => p.code === r.origin_province)
          const checkpoint = Place.checkpoints.find((c) => c.id === r.border_point)
          const destination =
            r.destination === null || r.destination === "LAO"
              ? undefined
              : meanPoint(countries.get(r.destination as string) ?? null)
          const coords: Array<readonly [number, number]> = []
          if (origin !== undefined) coords.push([origin.centroidLon, origin.centroidLat])
          if (checkpoint !== undefined) coords.push([checkpoint.lon, checkpoint.lat])
          if (destination !== undefined) coords.push(destination)
          const cell = cellOf(r)
          return {
            type: "Feature",
            geometry: coords.length >= 2 ? { type: "LineString", coordinates: coords } : null,
            properties: {
              origin_province: r.origin_province,
              border_point: r.border_point,
              destination: r.destination,
              direction: r.direction,
              year: r.year,
              n: cell.n,
              suppressed: cell.suppressed,
              drawn: r.drawn === true,
            },
          }
        })
      return { ...base, flowThreshold: manifest.flowThreshold, features }
    }
  }
}
