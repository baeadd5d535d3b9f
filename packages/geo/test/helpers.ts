import { readFileSync } from "node:fs"
import type { FeatureCollection, MultiPolygon, Polygon, Position } from "geojson"

export type Collection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> &
  Record<string, unknown>

export const readCollection = (file: string): Collection =>
  JSON.parse(readFileSync(file, "utf8")) as Collection

export const ringsOf = (geometry: Polygon | MultiPolygon): Position[][] =>
  geometry.type === "Polygon" ? geometry.coordinates : geometry.coordinates.flat()

export const isClosedRing = (ring: Position[]): boolean =>
  ring.length >= 4 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1]
