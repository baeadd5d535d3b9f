/** Chart exports: a rendered chart's <svg> (Recharts or any) with the context stamp, as PNG or SVG. */
import type { ExportContext } from "./context.ts"
import { FONT_FAMILY, layoutStamp } from "./layout.ts"
import { canvasMeasure, canvasToPng, layoutToCanvas, layoutToSvg, svgImage } from "./render.ts"

/** The chart's own markup, standalone: explicit size and namespace, fonts as attributes (no style). */
export const chartMarkup = (svg: SVGSVGElement): { markup: string; width: number; height: number } => {
  const rect = svg.getBoundingClientRect()
  const width = Math.ceil(rect.width || Number(svg.getAttribute("width")) || 600)
  const height = Math.ceil(rect.height || Number(svg.getAttribute("height")) || 300)
  const clone = svg.cloneNode(true) as SVGSVGElement
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg")
  clone.setAttribute("width", String(width))
  clone.setAttribute("height", String(height))
  if (!clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${width} ${height}`)
  clone.setAttribute("font-family", FONT_FAMILY)
  clone.setAttribute("font-size", "12")
  // interactive-only layers (tooltip cursor) would freeze mid-hover in the file
  for (const el of clone.querySelectorAll(".recharts-tooltip-cursor, .recharts-active-dot")) el.remove()
  return { markup: new XMLSerializer().serializeToString(clone), width, height }
}

/** The chart with its stamp as SVG markup (title, legend, date, filters, source, threshold, badge). */
export const exportChartSvg = (svg: SVGSVGElement, context: ExportContext): string => {
  const chart = chartMarkup(svg)
  const layout = layoutStamp({
    context,
    bodyWidth: chart.width,
    bodyHeight: chart.height,
    measure: canvasMeasure(),
  })
  return layoutToSvg(layout, chart.markup)
}

/** The chart with its stamp as a PNG (2x): the stamp is drawn on the canvas with the page's fonts. */
export const exportChartPng = async (svg: SVGSVGElement, context: ExportContext): Promise<Blob> => {
  const chart = chartMarkup(svg)
  const layout = layoutStamp({
    context,
    bodyWidth: chart.width,
    bodyHeight: chart.height,
    measure: canvasMeasure(),
  })
  const img = await svgImage(chart.markup)
  const canvas = await layoutToCanvas(layout, (g) =>
    g.drawImage(img, layout.body.x, layout.body.y, layout.body.w, layout.body.h),
  )
  return canvasToPng(canvas)
}
