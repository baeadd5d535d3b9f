/**
 * Quick-mode regression check: each ratio of this run against the same figure and size in the
 * committed bench-results.json. Only ratios are compared (baselines run in the same process on the
 * same noisy machine), and only a change in the worse direction beyond the tolerance fails.
 */
import type { Figure } from "./types.ts"

export const DEFAULT_TOLERANCE = 0.3

/** Relative tolerances per figure id where the ratio is noisier than the default. */
export const TOLERANCES: Readonly<Record<string, number>> = {
  "anchor.crossfilter_p50_vs_mosaic": 0.5,
  "anchor.crossfilter_p95_vs_mosaic": 0.5,
  "anchor.mosaic_opt_p95": 0.5,
  "dashboard.crossfilter_p50": 0.5,
  "dashboard.crossfilter_p95": 0.5,
  "dashboard.first_paint": 0.5,
  "dashboard.wasm_ready": 0.5,
  "import.peak_rss": 0.3,
}

export type Verdict = "ok" | "improved" | "regressed" | "new" | "missing" | "not measured"

export interface Comparison {
  readonly id: string
  readonly size: number
  readonly title: string
  readonly committed: number | null
  readonly current: number | null
  /** current / committed - 1, signed so that negative is worse. */
  readonly change: number | null
  readonly tolerance: number
  readonly verdict: Verdict
}

/** The number a figure is compared on: its paired ratio, or the measured median when it has no baseline. */
export const keyNumber = (f: Figure): number | null => f.ratio?.median ?? f.measured?.median ?? null

export const compareFigures = (
  current: ReadonlyArray<Figure>,
  committed: ReadonlyArray<Figure>,
  tolerances: Readonly<Record<string, number>> = TOLERANCES,
  defaultTolerance = DEFAULT_TOLERANCE,
): ReadonlyArray<Comparison> => {
  const key = (f: Figure) => `${f.id}@${f.size}`
  const old = new Map(committed.map((f) => [key(f), f]))
  return current.map((f): Comparison => {
    const tolerance = tolerances[f.id] ?? defaultTolerance
    const base = { id: f.id, size: f.size, title: f.title, tolerance }
    const cur = f.notMeasured ? null : keyNumber(f)
    const prev = old.get(key(f))
    const was = prev && !prev.notMeasured ? keyNumber(prev) : null
    if (cur === null) return { ...base, committed: was, current: null, change: null, verdict: "not measured" }
    if (!prev) return { ...base, committed: null, current: cur, change: null, verdict: "new" }
    if (was === null || !(was > 0))
      return { ...base, committed: was, current: cur, change: null, verdict: "new" }
    // Signed so that negative always means worse, whichever direction is better.
    const change = f.better === "higher" ? cur / was - 1 : was / cur - 1
    const verdict: Verdict = change < -tolerance ? "regressed" : change > tolerance ? "improved" : "ok"
    return { ...base, committed: was, current: cur, change, verdict }
  })
}

export const hasRegression = (rows: ReadonlyArray<Comparison>): boolean =>
  rows.some((r) => r.verdict === "regressed")

export const comparisonTable = (rows: ReadonlyArray<Comparison>): string => {
  const fmt = (n: number | null) => (n === null ? "-" : n >= 100 ? n.toFixed(0) : n.toPrecision(3))
  const lines = [
    ["figure", "size", "committed", "now", "change", "tolerance", "verdict"],
    ...rows.map((r) => [
      r.id,
      r.size.toLocaleString("en"),
      fmt(r.committed),
      fmt(r.current),
      r.change === null ? "-" : `${r.change >= 0 ? "+" : ""}${(r.change * 100).toFixed(0)}%`,
      `${(r.tolerance * 100).toFixed(0)}%`,
      r.verdict === "regressed" ? "REGRESSED" : r.verdict,
    ]),
  ]
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)))
  return lines.map((l) => l.map((c, i) => c.padEnd(widths[i]!)).join("  ")).join("\n")
}
