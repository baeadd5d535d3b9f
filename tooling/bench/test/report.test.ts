/** BENCHMARKS.md rewriting keeps a section measured apart (no figure of its group in the results). */
import { describe, expect, it } from "vitest"
import { previousSection, renderMarkdown } from "../src/report.ts"
import { summarize } from "../src/stats.ts"
import type { BenchResults } from "../src/types.ts"

const results: BenchResults = {
  schema: 1,
  date: "2026-12-06",
  mode: "full",
  sizes: [10_000],
  machine: { cores: 2 },
  versions: {},
  figures: [
    {
      id: "publish.dataset",
      group: "publish",
      title: "Publish",
      size: 10_000,
      measured: summarize([1]),
      unit: "s",
      better: "lower",
    },
  ],
  scaling: [],
  durationSeconds: 60,
}

const linkage = [
  "## Record linkage (multi-partner synth, persons)",
  "",
  "Measured separately, merged by hand.",
  "",
  "| figure | cases |",
  "| --- | --- |",
  "| F1 | 10k |",
].join("\n")
const previous = ["# Benchmarks", "", "## Publish", "", "old", "", linkage, "", "## Scaling", "", "x"].join(
  "\n",
)

describe("renderMarkdown with the previous BENCHMARKS.md", () => {
  it("keeps the section of a group that has no figure, in the group's place", () => {
    const md = renderMarkdown(results, previous)
    expect(md).toContain(linkage)
    expect(md.indexOf("## Publish")).toBeLessThan(md.indexOf("## Record linkage"))
    expect(md.indexOf("## Record linkage")).toBeLessThan(md.indexOf("## Scaling"))
    expect(md).not.toContain("old")
  })

  it("drops nothing else and adds nothing without a previous file", () => {
    expect(renderMarkdown(results)).not.toContain("## Record linkage")
  })

  it("a group with figures is rendered from them, not kept", () => {
    const withLinkage: BenchResults = {
      ...results,
      figures: [
        ...results.figures,
        { ...results.figures[0]!, id: "linkage.f1", group: "linkage", title: "F1 new" },
      ],
    }
    const md = renderMarkdown(withLinkage, previous)
    expect(md).toContain("F1 new")
    expect(md).not.toContain("merged by hand")
  })

  it("previousSection stops at the next second-level heading, and is null when absent", () => {
    expect(previousSection(previous, "Record linkage (multi-partner synth, persons)")).toBe(`${linkage}\n`)
    expect(previousSection(previous, "Import")).toBeNull()
  })
})
