/** The shape of one measured figure, shared by the runner, the report and bench-results.json. */
import type { Summary } from "./stats.ts"

export type Group = "import" | "domain" | "publish" | "dashboard" | "linkage" | "anchor"
export type Better = "higher" | "lower"

export interface Figure {
  /** Stable id, the key for regression checks together with `size`, e.g. `import.throughput`. */
  readonly id: string
  readonly group: Group
  readonly title: string
  /** Number of synthetic cases. */
  readonly size: number
  /** What was measured (the path users feel), in `unit`. */
  readonly measured?: Summary
  readonly unit?: string
  /** The baseline measured in the same run, paired run by run with `measured`. */
  readonly baseline?: Summary & { readonly label: string }
  /** Per-run ratios (paired), summarized; `ratioLabel` says which way it is taken. */
  readonly ratio?: Summary
  readonly ratioLabel?: string
  /** Which direction of `ratio` (or of `measured`, when there is no ratio) is better. */
  readonly better: Better
  /** Human-readable goal and whether this run met it; `pass` is null when the goal does not apply at this size. */
  readonly goal?: { readonly text: string; readonly pass: boolean | null }
  /** Seconds of the measured path per run (median), used by the scaling check. */
  readonly costSeconds?: number
  /** Free-form notes (e.g. accepted/rejected counts). */
  readonly note?: string
  /** Set instead of numbers when a figure could not be measured, with the reason. */
  readonly notMeasured?: string
}

export interface BenchResults {
  readonly schema: 1
  readonly date: string
  readonly mode: "full" | "quick"
  readonly sizes: ReadonlyArray<number>
  readonly machine: Readonly<Record<string, string | number>>
  readonly versions: Readonly<Record<string, string>>
  readonly figures: ReadonlyArray<Figure>
  readonly scaling: ReadonlyArray<ScalingRow>
  readonly durationSeconds: number
  /** Partial runs (`--only`, `--sizes`) merged in after the run the header describes. */
  readonly reruns?: ReadonlyArray<Rerun>
}

export interface Rerun {
  readonly date: string
  readonly groups: ReadonlyArray<Group>
  readonly sizes: ReadonlyArray<number>
  readonly loadAverage1m: string
  readonly commit: string
  readonly durationSeconds: number
}

export interface ScalingRow {
  readonly id: string
  readonly from: number
  readonly to: number
  readonly sizeRatio: number
  readonly costRatio: number
  /** Worse than linear beyond the tolerance. */
  readonly superlinear: boolean
}
