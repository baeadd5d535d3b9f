/**
 * Plane geometry on longitude/latitude pairs: topology-preserving simplification, rounding, clipping,
 * point-in-polygon and Voronoi cells. Everything here is deterministic (same input, same output bytes);
 * it deliberately does no projection beyond a cos(latitude) scale for Voronoi cells, which is enough for
 * approximate shapes at the scale of Laos.
 */
import { Delaunay } from "d3-delaunay"
import type { Feature, MultiPolygon, Polygon, Position } from "geojson"
import polygonClipping from "polygon-clipping"
import { feature as topoFeature } from "topojson-client"
import { topology } from "topojson-server"
import type { GeometryCollection, Topology } from "topojson-specification"

export type Ring = Array<[number, number]>
/** A multipolygon as plain nested arrays (polygon-clipping's shape). */
export type Area = Array<Array<Ring>>

export const toArea = (geometry: Polygon | MultiPolygon): Area => {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates
  return polygons.map((polygon) => polygon.map((ring) => ring.map((p) => [p[0]!, p[1]!] as [number, number])))
}

export const toGeometry = (area: Area): Polygon | MultiPolygon =>
  area.length === 1 ? { type: "Polygon", coordinates: area[0]! } : { type: "MultiPolygon", coordinates: area }

// polygon-clipping is robust enough for these inputs but throws on rare degenerate cases; callers get a
// clear message naming the operation.
const clip = (op: string, run: () => Area): Area => {
  try {
    return run() as Area
  } catch (error) {
    throw new Error(`polygon ${op} failed: ${(error as Error).message}`)
  }
}

export const union = (...areas: Area[]): Area =>
  areas.length === 0 ? [] : clip("union", () => polygonClipping.union(areas[0]!, ...areas.slice(1)))
export const intersection = (a: Area, b: Area): Area =>
  a.length === 0 || b.length === 0 ? [] : clip("intersection", () => polygonClipping.intersection(a, b))
export const difference = (a: Area, ...b: Area[]): Area =>
  a.length === 0 ? [] : clip("difference", () => polygonClipping.difference(a, ...b))

/** Signed area of a ring in square degrees (positive when counter-clockwise). */
export const ringArea = (ring: ReadonlyArray<Position>): number => {
  let sum = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as [number, number]
    const [x2, y2] = ring[i + 1] as [number, number]
    sum += x1 * y2 - x2 * y1
  }
  return sum / 2
}

export const areaOf = (area: Area): number =>
  area.reduce(
    (total, polygon) =>
      total + polygon.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0),
    0,
  )

const pointInRing = (x: number, y: number, ring: ReadonlyArray<Position>): boolean => {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number]
    const [xj, yj] = ring[j] as [number, number]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

export const pointInArea = (lon: number, lat: number, area: Area): boolean =>
  area.some(
    (polygon) =>
      polygon.length > 0 &&
      pointInRing(lon, lat, polygon[0]!) &&
      !polygon.slice(1).some((hole) => pointInRing(lon, lat, hole)),
  )

/** Area-weighted centroid of the largest polygon (good enough to place a label or find a parent). */
export const centroidOf = (area: Area): [number, number] => {
  let best: Ring | undefined
  let bestArea = -1
  for (const polygon of area) {
    const outer = polygon[0]
    if (outer && Math.abs(ringArea(outer)) > bestArea) {
      bestArea = Math.abs(ringArea(outer))
      best = outer
    }
  }
  if (!best) return [Number.NaN, Number.NaN]
  let cx = 0
  let cy = 0
  let a = 0
  for (let i = 0; i + 1 < best.length; i++) {
    const [x1, y1] = best[i]!
    const [x2, y2] = best[i + 1]!
    const f = x1 * y2 - x2 * y1
    cx += (x1 + x2) * f
    cy += (y1 + y2) * f
    a += f
  }
  return a === 0 ? best[0]! : [cx / (3 * a), cy / (3 * a)]
}

export const bboxOf = (area: Area): [number, number, number, number] => {
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  for (const polygon of area)
    for (const ring of polygon)
      for (const [x, y] of ring) {
        if (x < minX) minX = x
        if (y < minY) minY = y
        if (x > maxX) maxX = x
        if (y > maxY) maxY = y
      }
  return [minX, minY, maxX, maxY]
}

export const bboxArea = ([minX, minY, maxX, maxY]: readonly [number, number, number, number]): Area => [
  [
    [
      [minX, minY],
      [maxX, minY],
      [maxX, maxY],
      [minX, maxY],
      [minX, minY],
    ],
  ],
]

export interface Site {
  readonly id: string
  readonly lon: number
  readonly lat: number
}

/**
 * Voronoi cells of the sites inside `bounds`, computed with longitude scaled by cos(mean latitude) so
 * cells are closer to equal-distance regions on the ground. Sites at identical positions share a cell
 * (the first one keeps it; the others get an empty area), which callers must report.
 */
export const voronoiCells = (
  sites: ReadonlyArray<Site>,
  bounds: readonly [number, number, number, number],
): Map<string, Area> => {
  const [minX, minY, maxX, maxY] = bounds
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180)
  const cells = new Map<string, Area>()
  if (sites.length === 1) {
    cells.set(sites[0]!.id, bboxArea(bounds))
    return cells
  }
  const delaunay = Delaunay.from(
    sites,
    (s) => s.lon * k,
    (s) => s.lat,
  )
  const voronoi = delaunay.voronoi([minX * k, minY, maxX * k, maxY])
  sites.forEach((site, i) => {
    const cell = voronoi.cellPolygon(i)
    if (!cell) {
      cells.set(site.id, [])
      return
    }
    const ring: Ring = cell.map(([x, y]) => [x! / k, y!] as [number, number])
    if (ringArea(ring) < 0) ring.reverse()
    cells.set(site.id, [[ring]])
  })
  return cells
}

const perpendicularDistance = (p: Position, a: Position, b: Position): number => {
  const [x, y] = p as [number, number]
  const [x1, y1] = a as [number, number]
  const [x2, y2] = b as [number, number]
  const dx = x2 - x1
  const dy = y2 - y1
  const len2 = dx * dx + dy * dy
  if (len2 === 0) return Math.hypot(x - x1, y - y1)
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2))
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))
}

/** Douglas-Peucker on an open or closed line; endpoints are always kept (iterative, no recursion limit). */
export const douglasPeucker = (line: ReadonlyArray<Position>, tolerance: number): Position[] => {
  if (line.length <= 2) return line.slice()
  const keep = new Uint8Array(line.length)
  keep[0] = 1
  keep[line.length - 1] = 1
  const stack: Array<[number, number]> = [[0, line.length - 1]]
  while (stack.length > 0) {
    const [first, last] = stack.pop()!
    let maxDistance = 0
    let index = -1
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(line[i]!, line[first]!, line[last]!)
      if (d > maxDistance) {
        maxDistance = d
        index = i
      }
    }
    if (index !== -1 && maxDistance > tolerance) {
      keep[index] = 1
      stack.push([first, index], [index, last])
    }
  }
  return line.filter((_, i) => keep[i] === 1)
}

const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals
  // +0 turns -0 into 0 so that output bytes do not depend on the sign of a rounded zero.
  return Math.round(value * f) / f + 0
}

const cleanRing = (ring: ReadonlyArray<Position>, decimals: number): Ring | undefined => {
  const out: Ring = []
  for (const p of ring) {
    const q: [number, number] = [round(p[0]!, decimals), round(p[1]!, decimals)]
    const prev = out[out.length - 1]
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q)
  }
  const first = out[0]
  const last = out[out.length - 1]
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]])
  if (out.length < 4 || ringArea(out) === 0) return undefined
  return out
}

/** Rounds, drops repeated positions and degenerate rings, and orients rings as RFC 7946 asks. */
export const cleanArea = (area: Area, decimals: number): Area => {
  const result: Area = []
  for (const polygon of area) {
    const rings: Ring[] = []
    for (const [i, ring] of polygon.entries()) {
      const cleaned = cleanRing(ring, decimals)
      if (!cleaned) {
        if (i === 0) break
        continue
      }
      const ccw = ringArea(cleaned) > 0
      if ((i === 0) !== ccw) cleaned.reverse()
      rings.push(cleaned)
    }
    if (rings.length > 0) result.push(rings)
  }
  return result
}

export interface SimplifyOptions {
  /** Douglas-Peucker tolerance in degrees (0.001 degree is about 110 m). */
  readonly tolerance: number
  /** Decimals kept in the output (4 decimals is about 11 m). */
  readonly decimals: number
}

/** About 330 m tolerance and 11 m rounding: plenty for a national choropleth, well under 1 MB in total. */
export const defaultSimplify: SimplifyOptions = { tolerance: 0.003, decimals: 4 }

/**
 * Simplifies a set of areas together so that borders shared between them stay shared: the areas are
 * turned into a topology (each shared border becomes one arc), each arc is simplified and rounded once,
 * and the areas are rebuilt from the arcs. Simplifying each polygon on its own would open gaps and
 * overlaps between neighbours.
 */
export const simplifyAreas = <K extends string>(
  areas: ReadonlyMap<K, Area>,
  { tolerance, decimals }: SimplifyOptions,
): Map<K, Area> => {
  const keys = [...areas.keys()]
  const collection = {
    type: "FeatureCollection" as const,
    features: keys.map(
      (key, i): Feature<Polygon | MultiPolygon, { i: number }> => ({
        type: "Feature",
        properties: { i },
        geometry: toGeometry(areas.get(key)!),
      }),
    ),
  }
  const topo: Topology = topology({ areas: collection })
  topo.arcs = topo.arcs.map((arc) => {
    const closed = arc.length > 3 && arc[0]![0] === arc.at(-1)![0] && arc[0]![1] === arc.at(-1)![1]
    let simplified = douglasPeucker(arc, tolerance)
    // A closed arc (an island or a border with no neighbour) needs at least 4 positions to stay a ring.
    if (closed && simplified.length < 4) simplified = arc.slice()
    return simplified.map((p) => [round(p[0]!, decimals), round(p[1]!, decimals)])
  })
  const rebuilt = topoFeature(topo, topo.objects.areas as GeometryCollection<{ i: number }>)
  const result = new Map<K, Area>()
  for (const f of rebuilt.features) {
    const key = keys[f.properties.i]!
    const geometry = f.geometry
    const area =
      geometry && (geometry.type === "Polygon" || geometry.type === "MultiPolygon") ? toArea(geometry) : []
    result.set(key, cleanArea(area, decimals))
  }
  for (const key of keys) if (!result.has(key)) result.set(key, [])
  return result
}
