/**
 * From raw counts to what the map draws: a cell per area (through `suppress`), the metric value for
 * shown cells, the class breaks and a fill per area. Suppressed and no-data areas never get a class.
 */
import { provinceByCode } from "../data/reference.ts"
import { breaksFor, classOf, type Method, NO_DATA_FILL, PALETTE, SUPPRESSED_FILL } from "./classify.ts"
import type { Level, Metric } from "./state.ts"
import { type Cell, suppress } from "./suppress.ts"

export interface AreaValue {
  readonly cell: Cell
  /** The mapped value (count or rate), only for shown cells. */
  readonly value: number | null
}

export const metricFor = (level: Level, metric: Metric): Metric => (level === "district" ? "count" : metric)

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
    if (m === "count") return { cell, value: cell.n }
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
}

export const classesFor = (values: ReadonlyMap<string, AreaValue>, method: Method, classes = 5): Classes => {
  const shown = [...values.values()].flatMap((v) => (v.value === null ? [] : [v.value]))
  const breaks = breaksFor(method, shown, classes)
  const offset = PALETTE.length - breaks.length
  return { breaks, colours: breaks.map((_, i) => PALETTE[Math.max(0, offset) + i] as string) }
}

export const fillOf = (v: AreaValue | undefined, classes: Classes): string => {
  if (!v || v.cell.kind === "no_data") return NO_DATA_FILL
  if (v.cell.kind === "suppressed" || v.value === null) return SUPPRESSED_FILL
  return classes.colours[classOf(v.value, classes.breaks)] ?? NO_DATA_FILL
}
