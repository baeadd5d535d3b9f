/** Renderers of a stamp layout: onto a canvas (PNG) and as SVG markup (SVG). Browser only. */
import { FONT_FAMILY, type Layout, type Measure, type Op } from "./layout.ts"

const font = (size: number, bold: boolean) => `${bold ? "700" : "400"} ${size}px ${FONT_FAMILY}`

/** Text width from a 2D canvas, with the document's fonts (Noto Sans Lao is self-hosted). */
export const canvasMeasure = (): Measure => {
  const ctx = document.createElement("canvas").getContext("2d")
  return (text, size, bold) => {
    if (!ctx) return text.length * size * 0.6
    ctx.font = font(size, bold)
    return ctx.measureText(text).width
  }
}

const hatch = (g: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) => {
  g.save()
  g.beginPath()
  g.rect(x, y, w, h)
  g.clip()
  g.strokeStyle = "#6b6b6b"
  g.lineWidth = 1
  for (let d = -h; d < w; d += 4) {
    g.beginPath()
    g.moveTo(x + d, y + h)
    g.lineTo(x + d + h, y)
    g.stroke()
  }
  g.restore()
}

export const drawOps = (g: CanvasRenderingContext2D, ops: ReadonlyArray<Op>) => {
  for (const o of ops) {
    switch (o.op) {
      case "rect":
        g.fillStyle = o.fill
        g.fillRect(o.x, o.y, o.w, o.h)
        if (o.hatch) hatch(g, o.x, o.y, o.w, o.h)
        if (o.stroke) {
          g.strokeStyle = o.stroke
          g.lineWidth = 1
          g.strokeRect(o.x + 0.5, o.y + 0.5, o.w - 1, o.h - 1)
        }
        break
      case "text":
        g.fillStyle = o.fill
        g.font = font(o.size, o.bold)
        g.textBaseline = "alphabetic"
        g.fillText(o.text, o.x, o.y)
        break
      case "line":
        g.strokeStyle = o.stroke
        g.lineWidth = o.width
        g.setLineDash(o.dash ? [5, 3] : [])
        g.beginPath()
        g.moveTo(o.x1, o.y1)
        g.lineTo(o.x2, o.y2)
        g.stroke()
        g.setLineDash([])
        break
      case "poly": {
        g.fillStyle = o.fill
        g.beginPath()
        for (const [i, [x, y]] of o.points.entries()) {
          if (i === 0) g.moveTo(x, y)
          else g.lineTo(x, y)
        }
        g.closePath()
        g.fill()
        break
      }
      case "body":
        break
    }
  }
}

/** A canvas of the layout at `scale`, with `drawBody` called in layout coordinates for the body. */
export const layoutToCanvas = async (
  layout: Layout,
  drawBody: (g: CanvasRenderingContext2D) => Promise<void> | void,
  overBody: ReadonlyArray<Op> = [],
  scale = 2,
): Promise<HTMLCanvasElement> => {
  const canvas = document.createElement("canvas")
  canvas.width = Math.ceil(layout.width * scale)
  canvas.height = Math.ceil(layout.height * scale)
  const g = canvas.getContext("2d")
  if (!g) throw new Error("no 2D canvas")
  g.scale(scale, scale)
  drawOps(g, layout.ops)
  await drawBody(g)
  drawOps(g, overBody)
  return canvas
}

export const canvasToPng = (canvas: HTMLCanvasElement): Promise<Blob> =>
  new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
  )

/** Load SVG markup as an image (a data: URL: the CSP's img-src allows data:, no blob: needed). */
export const svgImage = (markup: string): Promise<HTMLImageElement> =>
  new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error("could not rasterise the SVG"))
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`
  })

export const escapeXml = (s: string): string =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  )

/** The layout as SVG elements; `bodyMarkup` is placed at the body's position. */
export const layoutToSvg = (layout: Layout, bodyMarkup: string, overBody: ReadonlyArray<Op> = []): string => {
  const el = (o: Op): string => {
    switch (o.op) {
      case "rect":
        return `<rect x="${o.x}" y="${o.y}" width="${o.w}" height="${o.h}" fill="${o.fill}"${o.stroke ? ` stroke="${o.stroke}"` : ""}${o.role ? ` data-role="${o.role}"` : ""}/>${o.hatch ? `<rect x="${o.x}" y="${o.y}" width="${o.w}" height="${o.h}" fill="url(#lp-hatch)"/>` : ""}`
      case "text":
        return `<text x="${o.x}" y="${o.y}" font-size="${o.size}" font-weight="${o.bold ? 700 : 400}" fill="${o.fill}">${escapeXml(o.text)}</text>`
      case "line":
        return `<line x1="${o.x1}" y1="${o.y1}" x2="${o.x2}" y2="${o.y2}" stroke="${o.stroke}" stroke-width="${o.width}"${o.dash ? ' stroke-dasharray="5 3"' : ""}/>`
      case "poly":
        return `<polygon points="${o.points.map(([x, y]) => `${x},${y}`).join(" ")}" fill="${o.fill}"/>`
      case "body":
        return `<g transform="translate(${o.x} ${o.y})">${bodyMarkup}</g>`
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<defs><pattern id="lp-hatch" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="4" stroke="#6b6b6b" stroke-width="1.5"/></pattern></defs>`,
    ...layout.ops.map(el),
    ...overBody.map(el),
    "</svg>",
  ].join("")
}
