/** A partial run (`--only`, `--sizes`) replaces its own figures and keeps every other one. */
import { describe, expect, it } from "vitest"
import { mergeResults } from "../src/merge.ts"
import { renderMarkdown } from "../src/report.ts"
import { summarize } from "../src/stats.ts"
import type { BenchResults, Figure, Group } from "../src/types.ts"

const fig = (id: string, size: number, value: number): Figure => ({
  id,
  group: id.split(".")[0] as Group,
  title: id,
  size,
  measured: summarize([value]),
  unit: "ms",
  better: "lower",
  costSeconds: value,
})

const results = (date: string, sizes: number[], figures: Figure[]): BenchResults => ({
  schema: 1,
  date,
  mode: "full",
  sizes,
  machine: { loadAverage1m: date === "full" ? "2.9 at start" : "12 at start" },
  versions: { "git commit": date === "full" ? "aaa" : "bbb" },
  figures,
  scaling: [],
  durationSeconds: 600,
})

describe("mergeResults", () => {
  const full = results(
    "full",
    [10_000, 1_000_000],
    [
      fig("import.throughput", 10_000, 1),
      fig("import.throughput", 1_000_000, 2),
      fig("dashboard.crossfilter_p95", 10_000, 3),
      fig("dashboard.crossfilter_p95", 1_000_000, 4),
    ],
  )
  const partial = results("partial", [1_000_000], [fig("anchor.mosaic_opt_p95", 1_000_000, 5)])

  it("keeps what the partial run did not measure, replaces what it did, and records it", () => {
    const m = mergeResults(full, partial, new Set<Group>(["anchor"]), [1_000_000])
    expect(m.figures.map((f) => `${f.id}@${f.size}`)).toEqual([
      "import.throughput@10000",
      "import.throughput@1000000",
      "dashboard.crossfilter_p95@10000",
      "dashboard.crossfilter_p95@1000000",
      "anchor.mosaic_opt_p95@1000000",
    ])
    expect(m.date).toBe("full")
    expect(m.reruns).toEqual([
      {
        date: "partial",
        groups: ["anchor"],
        sizes: [1_000_000],
        loadAverage1m: "12 at start",
        commit: "bbb",
        durationSeconds: 600,
      },
    ])
    expect(m.scaling.map((s) => s.id)).toEqual(["import.throughput", "dashboard.crossfilter_p95"])
    const md = renderMarkdown(m)
    expect(md).toContain("- partial: `--only anchor` at 1M in 10 min, commit bbb, load average 12 at start")
  })

  it("drops an earlier partial run from the list once all its figures are replaced", () => {
    const first = mergeResults(full, partial, new Set<Group>(["anchor"]), [1_000_000])
    const again = results("again", [1_000_000], [fig("anchor.mosaic_opt_p95", 1_000_000, 6)])
    const m = mergeResults(first, again, new Set<Group>(["anchor", "dashboard"]), [1_000_000])
    expect(m.reruns?.map((x) => x.date)).toEqual(["again"])
    const other = mergeResults(first, again, new Set<Group>(["anchor"]), [10_000])
    expect(other.reruns?.map((x) => x.date)).toEqual(["partial", "again"])
  })

  it("replaces a re-run group only at the re-run sizes", () => {
    const again = results("partial", [1_000_000], [fig("dashboard.crossfilter_p95", 1_000_000, 9)])
    const m = mergeResults(full, again, new Set<Group>(["dashboard"]), [1_000_000])
    const p95 = m.figures.filter((f) => f.id === "dashboard.crossfilter_p95")
    expect(p95.map((f) => [f.size, f.measured?.median])).toEqual([
      [10_000, 3],
      [1_000_000, 9],
    ])
  })
})
