/**
 * The CPN map: districts filled by priority score (5 equal classes of 0..1), districts covered by an
 * active network outlined in green, the what-if picks outlined in orange. Tooltips are DOM text
 * nodes and styles go through Leaflet's CSSOM calls (the dashboard's CSP allows no inline style).
 */
import type { Layer, GeoJSON as LeafletGeoJSON, Path } from "leaflet"
import { useEffect, useRef } from "react"
import { GeoJSON, MapContainer } from "react-leaflet"
import type { Boundaries, BoundaryFeature } from "../../data/release.ts"

const LAOS_BOUNDS: [[number, number], [number, number]] = [
  [13.6, 99.6],
  [22.7, 108.0],
]

/** Light to dark: higher priority is darker. */
export const SCORE_COLOURS = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"] as const
export const COVERED_COLOUR = "#1b7837"
export const ADDED_COLOUR = "#ff7f00"

export const scoreClass = (score: number): number => Math.min(4, Math.floor(score * 5))

export type DistrictStatus = "covered" | "added" | "scored" | "none"

export interface PlanningMapProps {
  readonly boundaries: Boundaries | null
  /** score 0..1 of uncovered districts; absent = not scored. */
  readonly scores: ReadonlyMap<string, number>
  readonly status: (code: string) => DistrictStatus
  readonly label: (code: string) => string
  /** Bumps when anything drawn changes, so Leaflet layers are re-styled. */
  readonly version: string
}

export function PlanningMap({ boundaries, scores, status, label, version }: PlanningMapProps) {
  const geoRef = useRef<LeafletGeoJSON | null>(null)
  const tips = useRef(new Map<string, HTMLElement>())
  const styleOf = (code: string) => {
    const s = status(code)
    const score = scores.get(code)
    return {
      fillColor:
        s === "covered" ? "#d9f0d3" : score === undefined ? "#ffffff" : SCORE_COLOURS[scoreClass(score)],
      fillOpacity: 0.85,
      color: s === "covered" ? COVERED_COLOUR : s === "added" ? ADDED_COLOUR : "#777",
      weight: s === "covered" || s === "added" ? 3 : 0.6,
      // "added" differs by dash as well as colour (colour-blind readers, greyscale print)
      dashArray: s === "added" ? "6 4" : "",
    }
  }
  const apply = (layer: Layer) => {
    const f = (layer as Layer & { feature?: BoundaryFeature }).feature
    if (!f) return
    const code = f.properties.pcode
    const path = layer as Path
    path.setStyle(styleOf(code))
    if (status(code) !== "none" && status(code) !== "scored") path.bringToFront()
    const el = path.getElement()
    el?.setAttribute("data-pcode", code)
    el?.setAttribute("data-status", status(code))
    const tip = tips.current.get(code)
    if (tip) tip.textContent = label(code)
  }
  const applyRef = useRef(apply)
  applyRef.current = apply
  useEffect(() => {
    geoRef.current?.eachLayer((layer: Layer) => applyRef.current(layer))
  }, [version, boundaries])

  return (
    <MapContainer
      bounds={LAOS_BOUNDS}
      className="map planning-map"
      attributionControl={false}
      zoomSnap={0.25}
    >
      {boundaries && (
        <GeoJSON
          key={`planning-${boundaries.features.length}`}
          ref={geoRef}
          data={boundaries as unknown as GeoJSON.FeatureCollection}
          style={(f) => styleOf((f as unknown as BoundaryFeature).properties.pcode)}
          onEachFeature={(f, layer) => {
            const tip = document.createElement("span")
            tips.current.set((f as unknown as BoundaryFeature).properties.pcode, tip)
            layer.bindTooltip(tip, { sticky: true })
            layer.on("add", () => applyRef.current(layer))
          }}
        />
      )}
    </MapContainer>
  )
}
