/**
 * Names drawn on the map (countries, provinces, districts when zoomed in, far destinations at the
 * edge), placed without overlap after every zoom or move by `placeLabels`. They are not tab stops and
 * are hidden from screen readers: the same names are in the map's table.
 */
import { divIcon, layerGroup, marker } from "leaflet"
import { useEffect, useState } from "react"
import { useMap, useMapEvents } from "react-leaflet"
import { type LabelBox, placeLabels } from "../lib/labels.ts"

export interface MapLabel {
  readonly id: string
  readonly lat: number
  readonly lon: number
  readonly text: string
  readonly priority: number
  readonly kind: "country" | "area" | "edge"
  /** Shown only from this zoom on. */
  readonly minZoom?: number
  readonly maxZoom?: number
}

export const LABEL_PANE = "labels"

export function MapLabels({ items }: { readonly items: ReadonlyArray<MapLabel> }) {
  const map = useMap()
  const [zoom, setZoom] = useState(() => map.getZoom())
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) })
  useEffect(() => {
    if (!map.getPane(LABEL_PANE)) {
      const pane = map.createPane(LABEL_PANE)
      pane.style.zIndex = "480"
      pane.style.pointerEvents = "none"
      pane.setAttribute("aria-hidden", "true")
    }
    const group = layerGroup().addTo(map)
    const shown = items
      .filter((i) => (i.minZoom ?? -1) <= zoom && zoom <= (i.maxZoom ?? 99))
      .map((item) => {
        const text = document.createElement("span")
        text.textContent = item.text
        const m = marker([item.lat, item.lon], {
          icon: divIcon({
            className: `map-label map-label-${item.kind}`,
            html: text,
            iconSize: null as unknown as undefined,
          }),
          interactive: false,
          keyboard: false,
          pane: LABEL_PANE,
        }).addTo(group)
        m.getElement()?.setAttribute("data-label", item.id)
        return { item, text }
      })
    const place = () => {
      const boxes: Array<LabelBox> = shown.map(({ item, text }) => {
        const r = text.getBoundingClientRect()
        return { id: item.id, x: r.left, y: r.top, w: r.width, h: r.height, priority: item.priority }
      })
      const keep = placeLabels(boxes)
      for (const { item, text } of shown)
        text.parentElement?.classList.toggle("map-label-hidden", !keep.has(item.id))
    }
    place()
    map.on("moveend resize", place)
    return () => {
      map.off("moveend resize", place)
      group.remove()
    }
  }, [map, items, zoom])
  return null
}
