import type { BorderPointCount, FlowCount } from "@lao-protect/warehouse"
import type { Layer, GeoJSON as LeafletGeoJSON, Map as LeafletMap, LeafletMouseEvent, Path } from "leaflet"
import { useEffect, useMemo, useRef } from "react"
import { CircleMarker, GeoJSON, MapContainer, Pane, Polyline, Tooltip, useMap } from "react-leaflet"
import { countryAnchor } from "../data/countryDirections.ts"
import { checkpointById, districtCentre, labelOf, provinceByCode } from "../data/reference.ts"
import type { Boundaries, BoundaryFeature } from "../data/release.ts"
import type { Lang, T } from "../i18n/index.ts"
import { type AreaValue, type Classes, ensureHatch, fillOf } from "../lib/choropleth.ts"
import { SUPPRESSED_FILL } from "../lib/classify.ts"
import { flowLine, flowWidth, type LatLon } from "../lib/flows.ts"
import { HATCH_FILL, HATCH_ID } from "../lib/hatch.ts"
import type { ILLUSTRATIVE_SHELTERS } from "../lib/overlays.ts"
import type { Layer as LayerName, Level } from "../lib/state.ts"
import { type Cell, suppress } from "../lib/suppress.ts"
import { type MapLabel, MapLabels } from "./MapLabels.tsx"

/** Only the largest movements are drawn: beyond this the map becomes a hairball (the legend says so). */
export const MAX_FLOWS = 40

export const LAOS_BOUNDS: [[number, number], [number, number]] = [
  [13.85, 100.05],
  [22.55, 107.7],
]

/** The neighbours, named in grey where the map shows them (points inside each, away from Laos). */
export const NEIGHBOUR_LABELS: ReadonlyArray<readonly [iso3: string, lat: number, lon: number]> = [
  ["THA", 15.9, 101.0],
  ["MMR", 21.6, 99.85],
  ["CHN", 22.95, 101.0],
  ["VNM", 16.3, 107.55],
  ["KHM", 14.05, 105.3],
]
const NEIGHBOURS = new Set(NEIGHBOUR_LABELS.map(([iso3]) => iso3))

/** The Leaflet map behind a `.leaflet-container`, for the export (which frames the whole country). */
export const leafletMaps = new WeakMap<HTMLElement, LeafletMap>()

function RegisterMap() {
  const map = useMap()
  useEffect(() => {
    const el = map.getContainer()
    leafletMaps.set(el, map)
    return () => void leafletMaps.delete(el)
  }, [map])
  return null
}

/** Flow stroke width: thinner than a choropleth edge can hide (1-7 px, square-root scaled). */
export const mapFlowWidth = (n: number, max: number): number => (flowWidth(n, max) - 1.5) * (6 / 10.5) + 1

export interface MapViewProps {
  readonly lang: Lang
  readonly t: T
  readonly level: Level
  readonly boundaries: Boundaries | null
  readonly districtBoundaries: Boundaries | null
  readonly countries: Boundaries | null
  readonly values: ReadonlyMap<string, AreaValue>
  readonly classes: Classes
  readonly selected: string | null
  readonly onSelect: (code: string) => void
  /** The pointer entered an area or focus reached it: it may be selected next. */
  readonly onActivate?: ((code: string) => void) | undefined
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
  /** What an area's tooltip and label say about its value (default: its count cell). */
  readonly describe?: (code: string) => string
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
  const onSelectRef = useRef(props.onSelect)
  onSelectRef.current = props.onSelect
  const onActivateRef = useRef(props.onActivate)
  onActivateRef.current = props.onActivate
  const onSelectCheckpointRef = useRef(props.onSelectCheckpoint)
  onSelectCheckpointRef.current = props.onSelectCheckpoint
  const tooltipEls = useRef(new Map<string, HTMLElement>())

  const styleOf = (f: BoundaryFeature | undefined) => {
    const code = f?.properties.pcode ?? ""
    const isSel = code === selected
    const v = values.get(code)
    return {
      fillColor: v?.cell.kind === "suppressed" ? HATCH_FILL : fillOf(v, classes),
      fillOpacity: 0.85,
      color: isSel ? "#000" : "#555",
      weight: isSel ? 3.5 : 0.8,
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
    ensureHatch((el as SVGElement | undefined)?.ownerSVGElement)
    const code = feature.properties.pcode
    el?.setAttribute("data-pcode", code)
    const v = values.get(code)
    el?.setAttribute("data-cell", v?.cell.kind ?? "no_data")
    const name = areaName(lang, level, feature, t)
    const approx = feature.properties.approximate ? ` (${t("approximateBoundary")})` : ""
    const text = `${name}${approx}: ${props.describe ? props.describe(code) : props.cellText(v?.cell ?? { kind: "no_data" })}`
    // keyboard: every area is a button (Enter or Space opens its panel); flows and points are not
    if (el && el.getAttribute("tabindex") !== "0") {
      el.setAttribute("tabindex", "0")
      el.setAttribute("role", "button")
      el.addEventListener("keydown", (e) => {
        const key = (e as KeyboardEvent).key
        if (key !== "Enter" && key !== " ") return
        e.preventDefault()
        onSelectRef.current(code)
      })
      el.addEventListener("focus", () => {
        path.bringToFront()
        onActivateRef.current?.(code)
      })
    }
    el?.setAttribute("aria-label", text)
    el?.setAttribute("aria-pressed", String(code === selected))
    if (code === selected) path.bringToFront()
    const tip = tooltipEls.current.get(code)
    if (tip) tip.textContent = text
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
    layer.on("mouseover", () => onActivateRef.current?.(feature.properties.pcode))
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
      return [{ f, line, anchor, width: mapFlowWidth(f.n, max) }]
    })
  }, [props.flows, props.flowThreshold])

  const labels = useMemo((): Array<MapLabel> => {
    const out: Array<MapLabel> = NEIGHBOUR_LABELS.map(([iso3, lat, lon]) => ({
      id: iso3,
      lat,
      lon,
      text: labelOf("destination", iso3, lang, iso3).text,
      priority: 1000,
      kind: "country",
    }))
    const byValue = (code: string) => {
      const c = values.get(code)?.cell
      return c?.kind === "value" ? c.n : 0
    }
    for (const p of provinceByCode.values())
      out.push({
        id: p.code,
        lat: p.lat,
        lon: p.lon,
        text: labelOf("province", p.code, lang, p.code).text,
        priority: 500 + (level === "province" ? byValue(p.code) / 1e6 : 0),
        kind: "area",
        ...(level === "district" ? { maxZoom: 7.75 } : {}),
      })
    if (level === "district")
      for (const [code, [lat, lon]] of districtCentre)
        out.push({
          id: code,
          lat,
          lon,
          text: labelOf("district", code, lang, code).text,
          priority: 100 + byValue(code) / 1e6,
          kind: "area",
          minZoom: 8,
        })
    if (layers.includes("flows"))
      for (const { f, anchor } of drawnFlows)
        if (!NEIGHBOURS.has(f.destination) && !out.some((l) => l.id === `edge-${f.destination}`))
          out.push({
            id: `edge-${f.destination}`,
            lat: anchor[0],
            lon: anchor[1],
            text: `→ ${labelOf("destination", f.destination, lang, f.destination).text}`,
            priority: 900,
            kind: "edge",
          })
    return out
  }, [lang, level, values, layers, drawnFlows])

  return (
    <>
      <svg className="defs-only" aria-hidden="true" focusable="false">
        <defs id={`${HATCH_ID}-defs`}>
          <pattern
            id={HATCH_ID}
            patternUnits="userSpaceOnUse"
            width="6"
            height="6"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill={SUPPRESSED_FILL} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#555" strokeWidth="2" />
          </pattern>
        </defs>
      </svg>
      <MapContainer
        bounds={LAOS_BOUNDS}
        className="map"
        attributionControl={false}
        zoomSnap={0.25}
        preferCanvas={false}
      >
        <RegisterMap />
        <Pane name="countries" style={{ zIndex: 350 }}>
          {props.countries && (
            <GeoJSON
              key={`countries-${props.countries.features.length}`}
              data={
                {
                  type: "FeatureCollection",
                  features: props.countries.features.filter(
                    (f) => (f.properties as { iso3?: string }).iso3 !== "LAO",
                  ),
                } as unknown as GeoJSON.FeatureCollection
              }
              interactive={false}
              style={() => ({ fillColor: "#e4e2dc", fillOpacity: 1, color: "#9a9a9a", weight: 0.8 })}
            />
          )}
        </Pane>
        {boundaries && (
          <GeoJSON
            key={`${level}-${boundaries.features.length}`}
            ref={geoRef}
            data={boundaries as unknown as GeoJSON.FeatureCollection}
            style={(f) => styleOf(f as unknown as BoundaryFeature)}
            onEachFeature={(f, l) => onEachFeature(f as unknown as BoundaryFeature, l)}
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
                  opacity: 0.45,
                  dashArray: f.is_return ? "6 4" : "",
                  lineCap: "round",
                  // flows lie over the areas: they must not swallow the clicks that select an area
                  interactive: false,
                }}
              />
            ))}
        </Pane>
        <Pane name="cpn" style={{ zIndex: 455 }}>
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
                      // Leaflet's SVG path is not focusable: make it a keyboard button (issue 21).
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
        </Pane>
        <Pane name="shelters" style={{ zIndex: 470 }}>
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
        <MapLabels items={labels} />
      </MapContainer>
    </>
  )
}
