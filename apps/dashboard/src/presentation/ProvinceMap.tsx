/**
 * A static province choropleth as plain SVG (for slides and the printable brief): the served
 * boundaries in an equirectangular projection scaled by cos(latitude), the map's classes and its
 * suppressed / no-data fills. No Leaflet, no tiles: it prints and exports like a chart.
 */
import { useEffect, useState } from "react"
import { labelOf } from "../data/reference.ts"
import { type Boundaries, loadBoundaries } from "../data/release.ts"
import type { Lang } from "../i18n/index.ts"
import { type AreaValue, type Classes, fillOf, SUPPRESSED_HATCH_ID } from "../lib/choropleth.ts"
import { SUPPRESSED_FILL } from "../lib/classify.ts"
import { reportFailure } from "../lib/report.ts"
import type { Cell } from "../lib/suppress.ts"

type Ring = ReadonlyArray<readonly [number, number]>

const ringsOf = (g: GeoJSON.Geometry): Array<Ring> =>
  g.type === "Polygon"
    ? (g.coordinates as Array<Array<[number, number]>>)
    : g.type === "MultiPolygon"
      ? (g.coordinates as Array<Array<Array<[number, number]>>>).flat()
      : []

export function useProvinceBoundaries(): Boundaries | null {
  const [geo, setGeo] = useState<Boundaries | null>(null)
  useEffect(() => {
    loadBoundaries("provinces").then(setGeo, reportFailure("loading province boundaries"))
  }, [])
  return geo
}

export interface ProvinceMapProps {
  readonly testId: string
  readonly boundaries: Boundaries
  readonly values: ReadonlyMap<string, AreaValue>
  readonly classes: Classes
  readonly lang: Lang
  readonly cellText: (cell: Cell) => string
  readonly width: number
  readonly height: number
  /** Outline this province (the brief). */
  readonly highlight?: string | null | undefined
  readonly title: string
}

export function ProvinceMap({
  testId,
  boundaries,
  values,
  classes,
  lang,
  cellText,
  width,
  height,
  highlight,
  title,
}: ProvinceMapProps) {
  const all = boundaries.features.flatMap((f) => ringsOf(f.geometry).flat())
  const lons = all.map((p) => p[0])
  const lats = all.map((p) => p[1])
  const [minX, maxX, minY, maxY] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ]
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180)
  const scale = Math.min((width - 20) / ((maxX - minX) * k || 1), (height - 20) / (maxY - minY || 1))
  const x = (lon: number) => 10 + (lon - minX) * k * scale
  const y = (lat: number) => 10 + (maxY - lat) * scale
  const d = (g: GeoJSON.Geometry) =>
    ringsOf(g)
      .map((ring) => `M${ring.map(([lo, la]) => `${x(lo).toFixed(1)},${y(la).toFixed(1)}`).join("L")}Z`)
      .join("")
  return (
    <svg
      data-testid={testId}
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
    >
      <title>{title}</title>
      <defs>
        <pattern
          id={`${testId}-hatch`}
          patternUnits="userSpaceOnUse"
          width="6"
          height="6"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill={SUPPRESSED_FILL} />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#555" strokeWidth="2" />
        </pattern>
        <pattern
          id={SUPPRESSED_HATCH_ID}
          patternUnits="userSpaceOnUse"
          width="6"
          height="6"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill={SUPPRESSED_FILL} />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#555" strokeWidth="2" />
        </pattern>
      </defs>
      <rect x={0} y={0} width={width} height={height} fill="#dfe8ee" />
      {boundaries.features.map((f) => {
        const code = f.properties.pcode
        const v = values.get(code)
        const name = labelOf("province", code, lang, code).text
        return (
          <path
            key={code}
            d={d(f.geometry)}
            fill={v?.cell.kind === "suppressed" ? `url(#${testId}-hatch)` : fillOf(v, classes)}
            stroke={code === highlight ? "#111" : "#555"}
            strokeWidth={code === highlight ? 3 : 0.8}
            data-pcode={code}
            data-cell={v?.cell.kind ?? "no_data"}
          >
            <title>{`${name}: ${cellText(v?.cell ?? { kind: "no_data" })}`}</title>
          </path>
        )
      })}
    </svg>
  )
}
