/**
 * From raw counts to what the map draws: a cell per area (through `suppress`), the metric value for
 * shown cells, the class breaks and a fill per area. Suppressed and no-data areas never get a class.
 */
import { provinceByCode } from "../data/reference.ts"
import { breaksFor, classOf, type Method, NO_DATA_FILL, PALETTE, SUPPRESSED_FILL } from "./classify.ts"
import { type Level, type MapMetric, type Metric, PROVINCE_ONLY_METRICS } from "./state.ts"
import { type Cell, suppress } from "./suppress.ts"

export interface AreaValue {
  readonly cell: Cell
  /** The mapped value (count or rate), only for shown cells. */
  readonly value: number | null
  /** The value's interval (small-area estimates, shares), when it has one. */
  readonly interval?: { readonly lower: number; readonly upper: number } | null
}

export const metricFor = <M extends MapMetric>(level: Level, metric: M): M | "count" =>
  level === "district" && PROVINCE_ONLY_METRICS.includes(metric) ? "count" : metric

export const areaValues = (
  codes: ReadonlyArray<string>,
  cellOf: (code: string) => Cell,
  level: Level,
  metric: Metric,
): Map<string, AreaValue> => {
  const m = metricFor(level, metric)
  const areaValue = (code: string): AreaValue => {
    const cell = cellOf(code)
    if (cell.kind !== "value") return { cell, value: null }
    if (m !== "rate" && m !== "child_rate") return { cell, value: cell.n }
    const p = provinceByCode.get(code)
    const denom = p ? (m === "rate" ? p.population : p.childPopulation) : 0
    return { cell, value: denom > 0 ? (cell.n / denom) * 100_000 : null }
  }
  return new Map(codes.map((code) => [code, areaValue(code)] as const))
}

export const cellsFromCounts =
  (counts: ReadonlyMap<string | null, number>, k: number) =>
  (code: string): Cell =>
    suppress(counts.get(code) ?? 0, k)

export interface Classes {
  readonly breaks: ReadonlyArray<number>
  readonly colours: ReadonlyArray<string>
  /** The smallest shown value (the first class's lower bound); null when nothing is shown. */
  readonly min?: number | null
}

/**
 * Legend labels as a reader reads them: class i holds the values in (break[i-1], break[i]], so at
 * the precision shown (`decimals`) its first value is one step above the previous upper bound and
 * classes never overlap ("1-97", "98-142"); a class of one value shows that value alone.
 */
export const classLabels = (
  classes: Classes,
  decimals: number,
  format: (n: number) => string,
): Array<string> => {
  const scale = 10 ** decimals
  const down = (n: number) => Math.floor(n * scale + 1e-9) / scale
  const up = (n: number) => Math.ceil(n * scale - 1e-9) / scale
  return classes.breaks.map((upper, i) => {
    const previous = i === 0 ? null : classes.breaks[i - 1]!
    const hi = down(upper)
    const lo =
      previous === null ? up(classes.min ?? upper) : Math.round((down(previous) + 1 / scale) * scale) / scale
    return lo >= hi ? format(hi) : `${format(lo)}\u2013${format(hi)}`
  })
}

export const classesFor = (values: ReadonlyMap<string, AreaValue>, method: Method, classes = 5): Classes => {
  const shown = [...values.values()].flatMap((v) => (v.value === null ? [] : [v.value]))
  const breaks = breaksFor(method, shown, classes)
  const offset = PALETTE.length - breaks.length
  return {
    breaks,
    colours: breaks.map((_, i) => PALETTE[Math.max(0, offset) + i] as string),
    min: shown.length === 0 ? null : Math.min(...shown),
  }
}

/** The hatch suppressed areas are filled with (grey with dark diagonal lines, as in the charts). */
export const SUPPRESSED_HATCH_ID = "lp-suppressed-hatch"
const SVG_NS = "http://www.w3.org/2000/svg"

/** Put the hatch pattern into an SVG (once), so `url(#...)` resolves there and in its exports. */
export const ensureHatch = (svg: SVGSVGElement | null | undefined): void => {
  if (!svg || svg.querySelector(`#${SUPPRESSED_HATCH_ID}`)) return
  const defs = document.createElementNS(SVG_NS, "defs")
  const pattern = document.createElementNS(SVG_NS, "pattern")
  for (const [k, v] of Object.entries({
    id: SUPPRESSED_HATCH_ID,
    patternUnits: "userSpaceOnUse",
    width: "6",
    height: "6",
    patternTransform: "rotate(45)",
  }))
    pattern.setAttribute(k, v)
  const rect = document.createElementNS(SVG_NS, "rect")
  for (const [k, v] of Object.entries({ width: "6", height: "6", fill: SUPPRESSED_FILL }))
    rect.setAttribute(k, v)
  const line = document.createElementNS(SVG_NS, "line")
  for (const [k, v] of Object.entries({
    x1: "0",
    y1: "0",
    x2: "0",
    y2: "6",
    stroke: "#4d4d4d",
    "stroke-width": "2",
  }))
    line.setAttribute(k, v)
  pattern.append(rect, line)
  defs.append(pattern)
  svg.prepend(defs)
}

export const fillOf = (v: AreaValue | undefined, classes: Classes): string => {
  if (!v || v.cell.kind === "no_data") return NO_DATA_FILL
  if (v.cell.kind === "suppressed" || v.value === null) return `url(#${SUPPRESSED_HATCH_ID})`
  return classes.colours[classOf(v.value, classes.breaks)] ?? NO_DATA_FILL
}
