/**
 * Map export: Leaflet's SVG renderer draws every layer as <svg> in its panes, so the panes' SVG
 * is serialised, rasterised through a data: URL (no tiles exist to taint the canvas) and placed
 * where it is on screen, over the map's background; then the stamp, legend, north arrow, scale bar
 * and the boundary attribution. Browser only.
 */
import type { ExportContext } from "./context.ts"
import { layoutStamp, mapFurniture } from "./layout.ts"
import { canvasMeasure, canvasToPng, layoutToCanvas, svgImage } from "./render.ts"

const EARTH_RADIUS = 6378137

/**
 * Metres per screen pixel at the map centre, read from Leaflet's zoom-animation proxy, which holds
 * `translate3d(project(center, zoom)) scale(2^(zoom-1))` after every move. Null when absent.
 */
export const metresPerPixelOf = (container: HTMLElement): number | null => {
  const proxy = container.querySelector<HTMLElement>(".leaflet-proxy")
  const m = proxy?.style.transform.match(
    /translate3d\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px[^)]*\)\s*scale\(\s*([\d.e-]+)\s*\)/,
  )
  if (!m) return null
  const py = Number(m[2])
  const scale = Number(m[3])
  const worldPx = 256 * scale * 2 // crs.scale(zoom) = 256 * 2^zoom, scale = 2^(zoom-1)
  const mercY = (0.5 - py / worldPx) * 2 * Math.PI * EARTH_RADIUS
  const lat = 2 * Math.atan(Math.exp(mercY / EARTH_RADIUS)) - Math.PI / 2
  return (2 * Math.PI * EARTH_RADIUS * Math.cos(lat)) / worldPx
}

export interface MapExportOptions {
  /** The boundary attribution, printed on the image. */
  readonly attribution: string
  /** Labels for the north arrow ("N") and the scale bar ("{n} km"). */
  readonly north: string
  readonly km: (n: number) => string
  /** Override the scale (tests, or a caller that holds the Leaflet map). */
  readonly metresPerPixel?: number | undefined
}

/** The map (a `.leaflet-container` element) with its stamp, legend, north arrow, scale bar and attribution, as PNG. */
export const exportMapPng = async (
  container: HTMLElement,
  context: ExportContext,
  options: MapExportOptions,
): Promise<Blob> => {
  const box = container.getBoundingClientRect()
  const measure = canvasMeasure()
  const layout = layoutStamp({
    context,
    bodyWidth: box.width,
    bodyHeight: box.height,
    measure,
    extraLines: [options.attribution],
  })
  const svgs = [...container.querySelectorAll<SVGSVGElement>(".leaflet-pane svg")]
    .map((svg) => {
      const pane = svg.closest<HTMLElement>(".leaflet-pane:not(.leaflet-map-pane)")
      return { svg, z: pane ? Number(getComputedStyle(pane).zIndex) || 0 : 0 }
    })
    .sort((a, b) => a.z - b.z)
  const layers = await Promise.all(
    svgs.map(async ({ svg }) => {
      const r = svg.getBoundingClientRect()
      const clone = svg.cloneNode(true) as SVGSVGElement
      clone.setAttribute("xmlns", "http://www.w3.org/2000/svg")
      // patterns (the suppressed hatch) live in the page, outside the pane's <svg>: carry them along
      for (const defs of document.querySelectorAll("svg.defs-only defs")) clone.prepend(defs.cloneNode(true))
      clone.setAttribute("width", String(r.width))
      clone.setAttribute("height", String(r.height))
      return { img: await svgImage(new XMLSerializer().serializeToString(clone)), r }
    }),
  )
  const labels = [...container.querySelectorAll<HTMLElement>(".map-label:not(.map-label-hidden) span")].map(
    (el) => {
      const r = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return {
        text: el.textContent ?? "",
        x: r.left + r.width / 2,
        y: r.top + r.height / 2,
        font: style.font,
        colour: style.color,
        upper: style.textTransform === "uppercase",
      }
    },
  )
  const background = getComputedStyle(container).backgroundColor || "#dfe8ee"
  const furniture = mapFurniture(
    layout.body,
    options.metresPerPixel ?? metresPerPixelOf(container),
    measure,
    {
      north: options.north,
      km: options.km,
    },
  )
  const canvas = await layoutToCanvas(
    layout,
    (g) => {
      const { x, y, w, h } = layout.body
      g.save()
      g.beginPath()
      g.rect(x, y, w, h)
      g.clip()
      g.fillStyle = background
      g.fillRect(x, y, w, h)
      for (const { img, r } of layers)
        g.drawImage(img, x + r.left - box.left, y + r.top - box.top, r.width, r.height)
      g.textAlign = "center"
      g.textBaseline = "middle"
      g.lineJoin = "round"
      for (const l of labels) {
        const text = l.upper ? l.text.toUpperCase() : l.text
        g.font = l.font
        g.strokeStyle = "rgba(255,255,255,0.9)"
        g.lineWidth = 3
        g.strokeText(text, x + l.x - box.left, y + l.y - box.top)
        g.fillStyle = l.colour
        g.fillText(text, x + l.x - box.left, y + l.y - box.top)
      }
      g.restore()
      g.strokeStyle = "#bbbbbb"
      g.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1)
    },
    furniture,
  )
  return canvasToPng(canvas)
}
