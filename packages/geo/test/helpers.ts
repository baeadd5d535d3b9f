import { existsSync, readFileSync } from "node:fs"
import { resolve } from "node:path"
import { fileURLToPath } from "node:url"
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson"

export const repoRoot = resolve(fileURLToPath(new URL("../../../", import.meta.url)))

/**
 * The team's third-party boundary files, read in place (never copied into the repo). CI lays shared/
 * beside the clone; LAO_PROTECT_SHARED_GEO points elsewhere. Missing files fail the tests loudly.
 */
export const sharedGeo = (): string => {
  const dir = process.env.LAO_PROTECT_SHARED_GEO ?? resolve(repoRoot, "../shared/geo")
  if (!existsSync(resolve(dir, "laomap.json")))
    throw new Error(
      `boundary test files not found in ${dir}: put shared/ beside the repository or set LAO_PROTECT_SHARED_GEO`,
    )
  return dir
}

export type Collection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> &
  Record<string, unknown>

export const readCollection = (file: string): Collection =>
  JSON.parse(readFileSync(file, "utf8")) as Collection

export const ringsOf = (geometry: Polygon | MultiPolygon): Position[][] =>
  geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat()

export const isClosedRing = (ring: Position[]): boolean =>
  ring.length >= 4 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1]
