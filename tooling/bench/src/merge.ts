/**
 * `pnpm bench --only <groups>` or `--sizes <sizes>` measures part of the report: its figures replace
 * those of the same group and size in the committed results and the rest is kept, so a partial run
 * never wipes the figures it did not measure. Each partial run is recorded (date, groups, sizes,
 * machine load, commit) and BENCHMARKS.md lists them under its header.
 */
import { scalingRows } from "./scaling.ts"
import type { BenchResults, Group, Rerun } from "./types.ts"

export const mergeResults = (
  committed: BenchResults,
  run: BenchResults,
  groups: ReadonlySet<Group>,
  sizes: ReadonlyArray<number>,
): BenchResults => {
  const replaced = (group: Group, size: number) => groups.has(group) && (size === 0 || sizes.includes(size))
  const figures = [...committed.figures.filter((f) => !replaced(f.group, f.size)), ...run.figures]
  const rerun: Rerun = {
    date: run.date,
    groups: [...groups],
    sizes: [...sizes],
    loadAverage1m: String(run.machine.loadAverage1m ?? "?"),
    commit: run.versions["git commit"] ?? "?",
    durationSeconds: run.durationSeconds,
  }
  return {
    ...committed,
    sizes: [...new Set([...committed.sizes, ...sizes])].sort((a, b) => a - b),
    figures,
    scaling: scalingRows(figures),
    // an earlier partial run whose figures this one all replaced is no longer in the report
    reruns: [
      ...(committed.reruns ?? []).filter(
        (x) => !(x.groups.every((g) => groups.has(g)) && x.sizes.every((n) => sizes.includes(n))),
      ),
      rerun,
    ],
  }
}
