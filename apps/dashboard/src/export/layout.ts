/**
 * The stamp around an exported chart or map, as a list of drawing operations: title, synthetic
 * badge, filters, the body (chart or map) and its legend, then date, source, threshold note and
 * notes. One layout, two renderers (canvas for PNG, SVG markup for SVG), so both carry the same
 * context. Measuring is injected so the layout is testable without a browser.
 */
import type { ExportContext, LegendEntry } from "./context.ts"

export const FONT_FAMILY = '"Noto Sans Lao", system-ui, sans-serif'
/** The synthetic-data badge: the same colour as the app's header badge. */
export const BADGE_COLOUR = "#b35806"
export const SUPPRESSED_GREY = "#bdbdbd"
const INK = "#222222"
const MUTED = "#555555"

export type Op =
  | {
      readonly op: "text"
      readonly x: number
      readonly y: number
      readonly text: string
      readonly size: number
      readonly bold: boolean
      readonly fill: string
    }
  | {
      readonly op: "rect"
      readonly x: number
      readonly y: number
      readonly w: number
      readonly h: number
      readonly fill: string
      readonly stroke?: string | undefined
      readonly hatch?: boolean | undefined
      readonly role?: "badge" | "legend" | "background" | undefined
    }
  | {
      readonly op: "line"
      readonly x1: number
      readonly y1: number
      readonly x2: number
      readonly y2: number
      readonly stroke: string
      readonly width: number
      readonly dash?: boolean | undefined
    }
  | { readonly op: "poly"; readonly points: ReadonlyArray<readonly [number, number]>; readonly fill: string }
  | { readonly op: "body"; readonly x: number; readonly y: number; readonly w: number; readonly h: number }

export interface Layout {
  readonly width: number
  readonly height: number
  readonly body: { readonly x: number; readonly y: number; readonly w: number; readonly h: number }
  readonly ops: ReadonlyArray<Op>
}

/** Width in px of `text` at `size` (bold or not). */
export type Measure = (text: string, size: number, bold: boolean) => number

const PAD = 16

/** Greedy word wrap (Lao has no spaces between words: long runs are cut by characters). */
export const wrap = (text: string, maxWidth: number, size: number, bold: boolean, measure: Measure) => {
  const lines: Array<string> = []
  let line = ""
  const push = (word: string) => {
    const candidate = line === "" ? word : `${line} ${word}`
    if (measure(candidate, size, bold) <= maxWidth) {
      line = candidate
      return
    }
    if (line !== "") lines.push(line)
    line = ""
    // a single word longer than the line: cut by characters
    let chunk = ""
    for (const ch of word) {
      if (measure(chunk + ch, size, bold) > maxWidth && chunk !== "") {
        lines.push(chunk)
        chunk = ""
      }
      chunk += ch
    }
    line = chunk
  }
  for (const word of text.split(/\s+/).filter((w) => w !== "")) push(word)
  if (line !== "") lines.push(line)
  return lines
}

export interface LayoutInput {
  readonly context: ExportContext
  readonly bodyWidth: number
  readonly bodyHeight: number
  readonly measure: Measure
  /** Extra lines printed under the legend (e.g. the map attribution). */
  readonly extraLines?: ReadonlyArray<string> | undefined
}

export const layoutStamp = ({ context, bodyWidth, bodyHeight, measure, extraLines }: LayoutInput): Layout => {
  const width = Math.max(720, Math.ceil(bodyWidth) + 2 * PAD)
  const inner = width - 2 * PAD
  const ops: Array<Op> = [{ op: "rect", x: 0, y: 0, w: width, h: 0, fill: "#ffffff", role: "background" }]
  let y = PAD

  // badge top-right
  let badgeW = 0
  if (context.synthetic) {
    const size = 13
    badgeW = Math.ceil(measure(context.syntheticLabel, size, true)) + 16
    ops.push({ op: "rect", x: width - PAD - badgeW, y, w: badgeW, h: 24, fill: BADGE_COLOUR, role: "badge" })
    ops.push({
      op: "text",
      x: width - PAD - badgeW + 8,
      y: y + 17,
      text: context.syntheticLabel,
      size,
      bold: true,
      fill: "#ffffff",
    })
  }
  const titleLines = wrap(context.title, inner - (badgeW > 0 ? badgeW + 12 : 0), 20, true, measure)
  for (const line of titleLines) {
    ops.push({ op: "text", x: PAD, y: y + 20, text: line, size: 20, bold: true, fill: INK })
    y += 28
  }
  y = Math.max(y, PAD + 30)
  const small = (text: string, size: number, fill: string, bold = false) => {
    for (const line of wrap(text, inner, size, bold, measure)) {
      ops.push({ op: "text", x: PAD, y: y + size, text: line, size, bold, fill })
      y += Math.round(size * 1.45)
    }
  }
  if (context.subtitle) small(context.subtitle, 14, INK)
  small(context.filters, 13, MUTED)
  y += 6

  const body = { x: PAD, y, w: Math.ceil(bodyWidth), h: Math.ceil(bodyHeight) }
  ops.push({ op: "body", ...body })
  y += body.h + 10

  y = layoutLegend(context.legend ?? [], ops, y, inner, measure)
  for (const line of extraLines ?? []) small(line, 11, MUTED)
  y += 4
  ops.push({ op: "line", x1: PAD, y1: y, x2: width - PAD, y2: y, stroke: "#cccccc", width: 1 })
  y += 6
  small(`${context.date} · ${context.source}`, 12, INK)
  small(context.thresholdNote, 12, INK, true)
  for (const note of context.notes ?? []) small(note, 11, MUTED)
  const height = y + PAD
  ops[0] = { op: "rect", x: 0, y: 0, w: width, h: height, fill: "#ffffff", role: "background" }
  return { width, height, body, ops }
}

const layoutLegend = (
  legend: ReadonlyArray<LegendEntry>,
  ops: Array<Op>,
  top: number,
  inner: number,
  measure: Measure,
): number => {
  if (legend.length === 0) return top
  const size = 12
  let x = PAD
  let y = top
  for (const entry of legend) {
    const w = 14 + 6 + Math.ceil(measure(entry.label, size, false)) + 18
    if (x + w > PAD + inner && x > PAD) {
      x = PAD
      y += 20
    }
    if (entry.kind === "line" || entry.kind === "dashed") {
      ops.push({
        op: "line",
        x1: x,
        y1: y + 8,
        x2: x + 14,
        y2: y + 8,
        stroke: entry.colour,
        width: 3,
        dash: entry.kind === "dashed",
      })
    } else {
      ops.push({
        op: "rect",
        x,
        y: y + 1,
        w: 14,
        h: 14,
        fill:
          entry.kind === "noData" ? "#ffffff" : entry.kind === "suppressed" ? SUPPRESSED_GREY : entry.colour,
        stroke: "#777777",
        hatch: entry.kind === "suppressed",
        role: "legend",
      })
    }
    ops.push({ op: "text", x: x + 20, y: y + 13, text: entry.label, size, bold: false, fill: INK })
    x += w
  }
  return y + 26
}

/** North arrow and scale bar over a map body (operations in the same coordinates as the layout). */
export const mapFurniture = (
  body: Layout["body"],
  metresPerPixel: number | null,
  measure: Measure,
  labels: { readonly north: string; readonly km: (n: number) => string },
): Array<Op> => {
  const ops: Array<Op> = []
  const nx = body.x + 28
  const ny = body.y + 18
  ops.push({ op: "rect", x: nx - 16, y: ny - 8, w: 32, h: 52, fill: "#ffffff", stroke: "#777777" })
  ops.push({
    op: "poly",
    points: [
      [nx, ny],
      [nx + 9, ny + 28],
      [nx, ny + 22],
      [nx - 9, ny + 28],
    ],
    fill: INK,
  })
  const n = labels.north
  ops.push({
    op: "text",
    x: nx - measure(n, 12, true) / 2,
    y: ny + 41,
    text: n,
    size: 12,
    bold: true,
    fill: INK,
  })
  if (metresPerPixel !== null && Number.isFinite(metresPerPixel) && metresPerPixel > 0) {
    // the largest 1-2-5 km length that fits in about 120 px
    const targetKm = (120 * metresPerPixel) / 1000
    const pow = 10 ** Math.floor(Math.log10(targetKm))
    const km = [5, 2, 1].map((m) => m * pow).find((v) => v <= targetKm) ?? pow
    const px = (km * 1000) / metresPerPixel
    const x0 = body.x + 14
    const y0 = body.y + body.h - 18
    const label = labels.km(km)
    ops.push({
      op: "rect",
      x: x0 - 6,
      y: y0 - 20,
      w: Math.max(px, measure(label, 12, false)) + 12,
      h: 30,
      fill: "#ffffff",
      stroke: "#777777",
    })
    ops.push({ op: "line", x1: x0, y1: y0, x2: x0 + px, y2: y0, stroke: INK, width: 3 })
    ops.push({ op: "line", x1: x0, y1: y0 - 6, x2: x0, y2: y0 + 3, stroke: INK, width: 2 })
    ops.push({ op: "line", x1: x0 + px, y1: y0 - 6, x2: x0 + px, y2: y0 + 3, stroke: INK, width: 2 })
    ops.push({ op: "text", x: x0, y: y0 - 8, text: label, size: 12, bold: false, fill: INK })
  }
  return ops
}
