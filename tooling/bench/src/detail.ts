/**
 * Where the cross-filter time goes (`--crossfilter-detail`): the page records every query the session
 * runs per scripted step (hover and interaction apart); here each step is named by what it changed
 * and each query by what it does, and both are summarized (p50, p95, max, share of the total), so
 * the slow steps of the p95 are read by cause: an index build, a view on `facts_k`, the one-query
 * read of the indexes.
 */
import type { Filters } from "@lao-protect/warehouse"
import { DIM_OF_KEY, viewSql } from "@lao-protect/warehouse"
import { percentile } from "./stats.ts"
import type { Step } from "./steps.ts"

export interface QueryTime {
  readonly sql: string
  readonly ms: number
}

/** One step as the page returns it with `detail`. */
export interface StepDetail {
  readonly hover: ReadonlyArray<QueryTime>
  readonly queries: ReadonlyArray<QueryTime>
  readonly source: string
}

/** What a step changed: `filter:<dim>` (set, cleared or changed), `level`, `select`, `deselect`, or several joined by `+`. */
export const stepKind = (previous: Step | null, step: Step): string => {
  if (previous === null) return "first"
  const parts: string[] = []
  const dims = new Set<string>()
  for (const key of Object.keys(DIM_OF_KEY) as Array<keyof Filters>)
    if ((previous.filters[key] ?? null) !== (step.filters[key] ?? null)) dims.add(DIM_OF_KEY[key])
  for (const d of dims) parts.push(`filter:${d}`)
  if (previous.level !== step.level) parts.push("level")
  const area = (s: Step["selected"]) => (s ? `${s.province}/${s.district ?? ""}` : null)
  if (area(previous.selected) !== area(step.selected)) parts.push(step.selected ? "select" : "deselect")
  return parts.length ? parts.join("+") : "none"
}

/** Each view's .sql as the session runs it on `facts_k` (source.ts `withTable`). */
const FACTS_K_VIEWS = Object.entries(viewSql).map(
  ([view, sql]) => [sql.replace(/\bFROM facts\b/g, "FROM facts_k"), view] as const,
)

/** A query by what it does: `build idx_area`, `read indexes (4 views)`, `facts_k area_breakdown`, ... */
export const queryLabel = (sql: string): string => {
  const build = /^\s*CREATE OR REPLACE TEMP TABLE (\w+)/.exec(sql)
  if (build) return `build ${build[1]}`
  const tags = sql.match(/SELECT '\w' AS v,/g)
  if (tags) return `read indexes (${new Set(sql.match(/SELECT '(\w)' AS v,/g)).size} views)`
  const read = /FROM (idx_\w+)/.exec(sql)
  if (read) return `read ${read[1]}`
  const view = FACTS_K_VIEWS.find(([text]) => text === sql)
  if (view) return `facts_k ${view[1]}`
  return `other: ${sql.replace(/\s+/g, " ").slice(0, 60)}`
}

export interface Stat {
  readonly name: string
  readonly count: number
  readonly p50: number
  readonly p95: number
  readonly max: number
  /** Share of the summed time of all interactions (not hovers). */
  readonly share: number
}

export interface DetailSummary {
  /** Interactions grouped by what the step changed. */
  readonly byKind: ReadonlyArray<Stat>
  /** Queries of the interactions grouped by label. */
  readonly byQuery: ReadonlyArray<Stat>
  /** Queries of the hovers (untimed in the p95) grouped by label. */
  readonly hoverByQuery: ReadonlyArray<Stat>
  /** The slowest interactions, slowest first, with their queries. */
  readonly slowest: ReadonlyArray<{
    readonly step: number
    readonly kind: string
    readonly ms: number
    readonly source: string
    readonly queries: ReadonlyArray<{ readonly label: string; readonly ms: number }>
  }>
}

const stats = (groups: Map<string, number[]>, total: number): Stat[] =>
  [...groups]
    .map(([name, xs]) => ({
      name,
      count: xs.length,
      p50: percentile(xs, 50),
      p95: percentile(xs, 95),
      max: Math.max(...xs),
      share: total > 0 ? xs.reduce((a, b) => a + b, 0) / total : 0,
    }))
    .sort((a, b) => b.share - a.share || b.max - a.max)

const push = (m: Map<string, number[]>, k: string, v: number) => {
  const xs = m.get(k)
  if (xs) xs.push(v)
  else m.set(k, [v])
}

/**
 * `steps` are all the scripted steps (warm-up included); `pre` and `detail` hold the steps after the
 * first `warmup` ones, in order.
 */
export const summarizeDetail = (
  steps: ReadonlyArray<Step>,
  warmup: number,
  pre: ReadonlyArray<number>,
  detail: ReadonlyArray<StepDetail>,
  slowest = 5,
): DetailSummary => {
  if (pre.length !== detail.length) throw new Error(`${pre.length} timings but ${detail.length} details`)
  const total = pre.reduce((a, b) => a + b, 0)
  const kinds = new Map<string, number[]>()
  const queries = new Map<string, number[]>()
  const hovers = new Map<string, number[]>()
  const rows = detail.map((d, i) => {
    const at = i + warmup
    const kind = stepKind(steps[at - 1] ?? null, steps[at]!)
    push(kinds, kind.replace(/^filter:\w+$/, "filter (one)"), pre[i]!)
    for (const q of d.queries) push(queries, queryLabel(q.sql), q.ms)
    for (const q of d.hover) push(hovers, queryLabel(q.sql), q.ms)
    return {
      step: at,
      kind,
      ms: pre[i]!,
      source: d.source,
      queries: d.queries.map((q) => ({ label: queryLabel(q.sql), ms: q.ms })),
    }
  })
  const hoverTotal = detail.reduce((a, d) => a + d.hover.reduce((b, q) => b + q.ms, 0), 0)
  return {
    byKind: stats(kinds, total),
    byQuery: stats(queries, total),
    hoverByQuery: stats(hovers, hoverTotal),
    slowest: rows.sort((a, b) => b.ms - a.ms).slice(0, slowest),
  }
}

/** The summary as log lines. */
export const detailLines = (s: DetailSummary): string[] => {
  const ms = (x: number) => x.toFixed(1)
  const line = (t: Stat) =>
    `${t.name}: ${t.count}x, p50 ${ms(t.p50)}, p95 ${ms(t.p95)}, max ${ms(t.max)} ms, ${(t.share * 100).toFixed(0)}%`
  return [
    "by step kind (share of the interactions' time):",
    ...s.byKind.map((t) => `  ${line(t)}`),
    "by query of the interactions:",
    ...s.byQuery.map((t) => `  ${line(t)}`),
    "by query of the hovers (not in the interaction times):",
    ...s.hoverByQuery.map((t) => `  ${line(t)}`),
    "slowest interactions:",
    ...s.slowest.map(
      (r) =>
        `  step ${r.step} ${r.kind} (${r.source}) ${ms(r.ms)} ms: ${r.queries.map((q) => `${q.label} ${ms(q.ms)}`).join(", ")}`,
    ),
  ]
}
