/** The record-linkage figures (issue 19): quality against the truth and cost against a bare join. */
import { runWorker } from "./child.ts"
import { tmpDir } from "./data.ts"
import { summarize } from "./stats.ts"
import type { Figure } from "./types.ts"

interface Quality {
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

export interface LinkageRun {
  readonly persons: number
  readonly records: number
  readonly candidatePairs: number
  /** Pairs of the bare blocking join (no block-size cap). */
  readonly blockedPairs: number
  readonly blocking: ReadonlyArray<{
    readonly rule: string
    readonly split: number
    readonly skipped: number
    readonly skippedRecords: number
  }>
  readonly memoryLimit: string
  readonly maxRssKb: number
  readonly autoLinks: number
  readonly reviewPairs: number
  readonly reviewRecordShare: number
  readonly quality: Quality
  readonly baseline: Quality
  readonly linkSeconds: ReadonlyArray<number>
  readonly bareSeconds: ReadonlyArray<number>
  readonly encodeSeconds: number
}

export const linkageIds: ReadonlyArray<[string, string, string | undefined, Figure["better"]]> = [
  ["linkage.f1", "Record linkage F1 (automatic links vs ground truth)", "F1 >= 0.95", "higher"],
  ["linkage.precision", "Record linkage precision", ">= 0.98", "higher"],
  ["linkage.review_share", "Share of records sent to clerical review", undefined, "lower"],
  ["linkage.time", "Linkage time (block, EM, score, cluster)", undefined, "lower"],
  [
    "linkage.peak_rss",
    "Linkage process peak memory (DuckDB memory_limit set, spilling to disk)",
    undefined,
    "lower",
  ],
]

const one = (x: number) => summarize([x])
const fmt = (q: Quality) => `P ${q.precision.toFixed(3)}, R ${q.recall.toFixed(3)}, F1 ${q.f1.toFixed(3)}`

export async function linkageFigures(size: number, log: (s: string) => void): Promise<Figure[]> {
  const r = await runWorker<LinkageRun>(
    "linkage.ts",
    ["--persons", String(size), "--runs", size <= 10_000 ? "3" : "1", "--tmp", tmpDir],
    { heapMb: 8192, verbose: true },
  )
  log(`  linkage: ${fmt(r.quality)}; exact name + date of birth ${fmt(r.baseline)}`)
  const link = summarize([...r.linkSeconds])
  const bare = summarize([...r.bareSeconds])
  const split = r.blocking.reduce((a, b) => a + b.split, 0)
  const skipped = r.blocking.reduce((a, b) => a + b.skipped, 0)
  const skippedRecords = r.blocking.reduce((a, b) => a + b.skippedRecords, 0)
  const capNote = `${r.candidatePairs.toLocaleString("en")} pairs compared (bare blocking join: ${r.blockedPairs.toLocaleString("en")}); ${split} blocks above the cap split by sex and province, ${skipped} still above it skipped (${skippedRecords.toLocaleString("en")} record-keys)`
  log(
    `  linkage: ${capNote}; peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB with memory_limit ${r.memoryLimit}`,
  )
  const note = `${r.records.toLocaleString("en")} partner records of ${r.persons.toLocaleString("en")} persons; ${r.candidatePairs.toLocaleString("en")} candidate pairs, ${r.autoLinks.toLocaleString("en")} automatic links, ${r.reviewPairs.toLocaleString("en")} pairs for review; encoding + loading ${r.encodeSeconds.toFixed(1)} s`
  return [
    {
      id: "linkage.f1",
      group: "linkage",
      title: linkageIds[0]![1],
      size,
      measured: one(r.quality.f1),
      unit: "F1",
      baseline: { ...one(r.baseline.f1), label: "exact match on keyed hashes of name + date of birth" },
      ratio: one(r.quality.f1 / Math.max(1e-9, r.baseline.f1)),
      ratioLabel: "F1 / exact-match F1",
      better: "higher",
      goal: { text: "F1 >= 0.95", pass: r.quality.f1 >= 0.95 },
      note: `${fmt(r.quality)}; baseline ${fmt(r.baseline)}`,
    },
    {
      id: "linkage.precision",
      group: "linkage",
      title: linkageIds[1]![1],
      size,
      measured: one(r.quality.precision),
      unit: "precision",
      baseline: {
        ...one(r.baseline.precision),
        label: "exact match on keyed hashes of name + date of birth",
      },
      better: "higher",
      goal: { text: ">= 0.98", pass: r.quality.precision >= 0.98 },
    },
    {
      id: "linkage.review_share",
      group: "linkage",
      title: linkageIds[2]![1],
      size,
      measured: one(r.reviewRecordShare),
      unit: "share of records",
      better: "lower",
      note,
    },
    {
      id: "linkage.time",
      group: "linkage",
      title: linkageIds[3]![1],
      size,
      measured: link,
      unit: "s",
      baseline: { ...bare, label: "bare DuckDB self-join on the blocking keys" },
      ratio: summarize(r.linkSeconds.map((s, i) => s / r.bareSeconds[i]!)),
      ratioLabel: "linkage / bare blocking join (s)",
      better: "lower",
      costSeconds: link.median,
      note: capNote,
    },
    {
      id: "linkage.peak_rss",
      group: "linkage",
      title: linkageIds[4]![1],
      size,
      measured: one(r.maxRssKb / 1024),
      unit: "MB",
      better: "lower",
      note: `DuckDB memory_limit ${r.memoryLimit}; the process also holds the synthetic registers and the encoder`,
    },
  ]
}
