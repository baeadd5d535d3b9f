import type { BorderPointCount, FlowCount } from "@lao-protect/warehouse"
import type { Layer, GeoJSON as LeafletGeoJSON, LeafletMouseEvent, Path } from "leaflet"
import { useEffect, useMemo, useRef } from "react"
import { CircleMarker, GeoJSON, MapContainer, Pane, Polyline, Tooltip } from "react-leaflet"
import { countryAnchor } from "../data/countryDirections.ts"
import { checkpointById, labelOf, provinceByCode } from "../data/reference.ts"
import type { Boundaries, BoundaryFeature } from "../data/release.ts"
import type { Lang, T } from "../i18n/index.ts"
import { type AreaValue, type Classes, fillOf } from "../lib/choropleth.ts"
import { flowLine, flowWidth, type LatLon } from "../lib/flows.ts"
import type { ILLUSTRATIVE_SHELTERS } from "../lib/overlays.ts"
import type { Layer as LayerName, Level } from "../lib/state.ts"
import { type Cell, suppress } from "../lib/suppress.ts"

/** Only the largest movements are drawn: beyond this the map becomes a hairball (the legend says so). */
export const MAX_FLOWS = 40

const LAOS_BOUNDS: [[number, number], [number, number]] = [
  [13.6, 99.6],
  [22.7, 108.0],
]

export interface MapViewProps {
  readonly lang: Lang
  readonly t: T
  readonly level: Level
  readonly boundaries: Boundaries | null
  readonly districtBoundaries: Boundaries | null
  readonly values: ReadonlyMap<string, AreaValue>
  readonly classes: Classes
  readonly selected: string | null
  readonly onSelect: (code: string) => void
  readonly layers: ReadonlyArray<LayerName>
  readonly borderPoints: ReadonlyArray<BorderPointCount> | null
  readonly flows: ReadonlyArray<FlowCount> | null
  readonly threshold: number
  readonly flowThreshold: number
  readonly cpnDistricts: ReadonlyArray<string>
  readonly shelters: typeof ILLUSTRATIVE_SHELTERS
  readonly cellText: (cell: Cell) => string
  /** A checkpoint's profile opens on click or Enter; the open one is drawn with a thick outline. */
  readonly selectedCheckpoint?: string | null
  readonly onSelectCheckpoint?: (id: string) => void
}

const areaName = (lang: Lang, level: Level, f: BoundaryFeature, t: T): string => {
  const code = f.properties.pcode
  const fromDomain = labelOf(level === "province" ? "province" : "district", code, lang, t("unknown"))
  if (fromDomain.text !== code) return fromDomain.text
  return (lang === "lo" ? f.properties.name_lo : f.properties.name_en) ?? code
}

export function MapView(props: MapViewProps) {
  const { lang, t, level, boundaries, values, classes, selected, layers, threshold } = props
  const geoRef = useRef<LeafletGeoJSON | null>(null)
  const onSelectCheckpointRef = useRef(props.onSelectCheckpoint)
  onSelectCheckpointRef.current = props.onSelectCheckpoint
  const onSelectRef = useRef(props.onSelect)
  onSelectRef.current = props.onSelect
  const tooltipEls = useRef(new Map<string, HTMLElement>())

  const styleOf = (f: BoundaryFeature | undefined) => {
    const code = f?.properties.pcode ?? ""
    const isSel = code === selected
    return {
      fillColor: fillOf(values.get(code), classes),
      fillOpacity: 0.85,
      color: isSel ? "#111" : "#555",
      weight: isSel ? 3 : 0.8,
      dashArray: f?.properties.approximate ? "4 3" : "",
    }
  }

  // Style, label and tag one area with the latest values (kept in a ref so late-added layers get them too).
  const apply = (layer: Layer) => {
    const feature = (layer as Layer & { feature?: BoundaryFeature }).feature
    if (!feature) return
    const path = layer as Path
    path.setStyle(styleOf(feature))
    const el = path.getElement()
    el?.setAttribute("data-pcode", feature.properties.pcode)
    const v = values.get(feature.properties.pcode)
    el?.setAttribute("data-cell", v?.cell.kind ?? "no_data")
    const tip = tooltipEls.current.get(feature.properties.pcode)
    if (tip) {
      const name = areaName(lang, level, feature, t)
      const approx = feature.properties.approximate ? ` (${t("approximateBoundary")})` : ""
      tip.textContent = `${name}${approx}: ${props.cellText(v?.cell ?? { kind: "no_data" })}`
    }
  }
  const applyRef = useRef(apply)
  applyRef.current = apply

  // Re-style, re-label and tag every area after each data, language or selection change.
  useEffect(() => {
    if (boundaries) geoRef.current?.eachLayer((layer: Layer) => applyRef.current(layer))
  })

  const onEachFeature = (feature: BoundaryFeature, layer: Layer) => {
    const tip = document.createElement("span")
    tooltipEls.current.set(feature.properties.pcode, tip)
    layer.bindTooltip(tip, { sticky: true })
    layer.on("add", () => applyRef.current(layer))
    layer.on("click", (e: LeafletMouseEvent) => {
      e.originalEvent.stopPropagation()
      onSelectRef.current(feature.properties.pcode)
    })
  }

  const maxBp = Math.max(1, ...(props.borderPoints ?? []).map((b) => b.n))
  const drawnFlows = useMemo(() => {
    const flows = (props.flows ?? [])
      .filter((f) => f.n >= props.flowThreshold)
      .sort((a, b) => b.n - a.n)
      .slice(0, MAX_FLOWS)
    const max = Math.max(1, ...flows.map((f) => f.n))
    return flows.flatMap((f) => {
      const origin = provinceByCode.get(f.province)
      if (!origin) return []
      const cp = f.border_point ? checkpointById.get(f.border_point) : undefined
      const border: LatLon | null = cp ? [cp.lat, cp.lon] : null
      const anchor = countryAnchor(f.destination, border ?? [origin.lat, origin.lon])
      if (!anchor) return []
      const home: LatLon = [origin.lat, origin.lon]
      const shiftedBorder: LatLon | null =
        border && f.is_return ? [border[0] + 0.06, border[1] + 0.06] : border
      const line = f.is_return ? flowLine(anchor, shiftedBorder, home) : flowLine(home, border, anchor)
      return [{ f, line, width: flowWidth(f.n, max) }]
    })
  }, [props.flows, props.flowThreshold])

  return (
    <MapContainer
      bounds={LAOS_BOUNDS}
      className="map"
      attributionControl={false}
      zoomSnap={0.25}
      preferCanvas={false}
    >
      {boundaries && (
        <GeoJSON
          key={`${level}-${boundaries.features.length}`}
          ref={geoRef}
          data={boundaries as unknown as GeoJSON.FeatureCollection}
          style={(f) => styleOf(f as unknown as BoundaryFeature)}
          onEachFeature={(f, l) => onEachFeature(f as unknown as BoundaryFeature, l)}
        />
      )}
      {layers.includes("cpn") && props.districtBoundaries && (
        <GeoJSON
          key={`cpn-${props.cpnDistricts.join(",")}`}
          data={
            {
              type: "FeatureCollection",
              features: props.districtBoundaries.features.filter((f) =>
                props.cpnDistricts.includes(f.properties.pcode),
              ),
            } as unknown as GeoJSON.FeatureCollection
          }
          interactive={false}
          style={() => ({ fill: false, color: "#1b7837", weight: 2.5, dashArray: "2 4" })}
        />
      )}
      <Pane name="flows" style={{ zIndex: 450 }}>
        {layers.includes("flows") &&
          drawnFlows.map(({ f, line, width }) => (
            <Polyline
              key={`${f.province}-${f.border_point}-${f.destination}-${f.is_return}`}
              positions={line as Array<[number, number]>}
              pathOptions={{
                color: f.is_return ? "#2166ac" : "#b35806",
                weight: width,
                opacity: 0.55,
                dashArray: f.is_return ? "6 4" : "",
                lineCap: "round",
                // flows lie over the areas: they must not swallow the clicks that select an area
                interactive: false,
              }}
            />
          ))}
      </Pane>
      <Pane name="points" style={{ zIndex: 460 }}>
        {layers.includes("checkpoints") &&
          (props.borderPoints ?? []).flatMap((b) => {
            const cp = checkpointById.get(b.border_point)
            if (!cp) return []
            const cell = suppress(b.n, threshold)
            const r = cell.kind === "value" ? 3 + 14 * Math.sqrt(b.n / maxBp) : 3
            const isSelected = props.selectedCheckpoint === b.border_point
            const name = labelOf("borderPoint", b.border_point, lang, t("none")).text
            return [
              <CircleMarker
                key={b.border_point}
                center={[cp.lat, cp.lon]}
                radius={r}
                eventHandlers={{
                  click: () => onSelectCheckpointRef.current?.(b.border_point),
                  add: (e) => {
                    // Leaflet's SVG path is not focusable: make it a keyboard button.
                    const el = (e.target as { getElement?: () => Element | undefined }).getElement?.()
                    if (!el || el.hasAttribute("data-checkpoint")) return
                    el.setAttribute("data-checkpoint", b.border_point)
                    el.setAttribute("tabindex", "0")
                    el.setAttribute("role", "button")
                    el.setAttribute("aria-label", name)
                    el.addEventListener("keydown", (ev) => {
                      const key = (ev as KeyboardEvent).key
                      if (key !== "Enter" && key !== " ") return
                      ev.preventDefault()
                      onSelectCheckpointRef.current?.(b.border_point)
                    })
                  },
                }}
                pathOptions={{
                  color: "#222",
                  weight: isSelected ? 4 : 1,
                  fillColor: cell.kind === "value" ? "#fdb863" : "#bdbdbd",
                  fillOpacity: 0.85,
                  dashArray: cell.kind === "value" ? "" : "2 2",
                }}
              >
                <Tooltip>{`${name}: ${props.cellText(cell)}`}</Tooltip>
              </CircleMarker>,
            ]
          })}
        {layers.includes("shelters") &&
          props.shelters.map((s) => (
            <CircleMarker
              key={s.id}
              center={[s.lat, s.lon]}
              radius={5}
              pathOptions={{ color: "#542788", weight: 2, fillColor: "#fff", fillOpacity: 1 }}
            >
              <Tooltip>{`${t("shelters")}: ${t("illustrative")}`}</Tooltip>
            </CircleMarker>
          ))}
      </Pane>
    </MapContainer>
  )
}
