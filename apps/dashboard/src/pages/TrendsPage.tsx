/**
 * The Secretariat's trends: identified victims per year, quarter or month by a chosen breakdown,
 * absolute or per 100,000, year-on-year change, small multiples by province and, when the
 * publication carries them, UNODC GLOTIP figures beside ours. Cross-filtered by the shared filters.
 */

import { GRAINS, type Grain, TREND_BREAKDOWNS, type TrendBreakdown } from "@lao-protect/warehouse"
import { useRef, useState } from "react"
import { vocab } from "../data/reference.ts"
import { buildExportContext, type LegendEntry } from "../export/context.ts"
import type { CsvColumn } from "../export/csv.ts"
import { ExportButtons } from "../export/ExportButtons.tsx"
import type { Engine } from "../hooks/useEngine.ts"
import type { Update } from "../hooks/useUrlState.ts"
import type { MessageKey, T } from "../i18n/index.ts"
import { formatNumber } from "../lib/format.ts"
import { type AppState, filtersOf, type Metric } from "../lib/state.ts"
import type { Cell } from "../lib/suppress.ts"
import { hidesNothing } from "../lib/suppress.ts"
import { BREAKDOWN_LABEL, categoryLabel } from "./trends/labels.ts"
import { mappingOf, officialSeries, trendModel, yearsOf } from "./trends/model.ts"
import { OfficialPanel, officialSourceText } from "./trends/OfficialPanel.tsx"
import { type Change, yearOnYear } from "./trends/series.ts"
import { YoyChart } from "./trends/TrendChart.tsx"
import { legendFor, TrendPanel } from "./trends/TrendPanel.tsx"
import { useOfficial, useTrendCounts } from "./trends/useTrendData.ts"
import "./trends/trends.css"
import { reportFailure } from "../lib/report.ts"

export interface PageProps {
  readonly engine: Engine
  readonly state: AppState
  readonly update: Update
  readonly t: T
  readonly k: number
  readonly cellText: (cell: Cell) => string
}

const GRAIN_LABEL: { readonly [G in Grain]: MessageKey } = {
  year: "grainYear",
  quarter: "grainQuarter",
  month: "grainMonth",
}
const METRIC_LABEL: { readonly [M in Metric]: MessageKey } = {
  count: "metricCount",
  rate: "metricRate",
  child_rate: "metricChildRate",
}

export const metricLabel = (t: T, metric: Metric) => t(METRIC_LABEL[metric])

export function TrendsPage({ engine, state, update, t, k, cellText }: PageProps) {
  const { lang } = state
  const conn = engine.conn
  const [sharedScale, setSharedScale] = useState(true)
  const filters = filtersOf(state)
  const total = useTrendCounts(conn, filters, state.grain, "total")
  const byRows = useTrendCounts(conn, filters, state.grain, state.breakdown)
  const hasOfficial = engine.manifest?.tables?.official_stats !== undefined
  const official = useOfficial(conn, hasOfficial, filters)
  const yoyRef = useRef<HTMLElement | null>(null)
  const format = (n: number) => formatNumber(lang, n, state.metric === "count" ? 0 : 2)
  const years = total ? yearsOf(total, state.yearFrom, state.yearTo, engine.firstPaint?.years ?? null) : null
  const codeFilterActive = Object.values(state.codes).some((c) => c !== null)
  const context = (
    title: string,
    legend?: ReadonlyArray<LegendEntry>,
    notes?: ReadonlyArray<string>,
    extraSource?: string,
  ) => buildExportContext({ t, state, manifest: engine.manifest, k, title, legend, notes, extraSource })

  const controls = (
    <div className="controls trends-controls">
      <label>
        {t("grain")}
        <select
          data-control="grain"
          value={state.grain}
          onChange={(e) => update((s) => ({ ...s, grain: e.target.value as Grain }))}
        >
          {GRAINS.map((g) => (
            <option key={g} value={g}>
              {t(GRAIN_LABEL[g])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("breakdown")}
        <select
          data-control="breakdown"
          value={state.breakdown}
          onChange={(e) => update((s) => ({ ...s, breakdown: e.target.value as TrendBreakdown }))}
        >
          {TREND_BREAKDOWNS.map((b) => (
            <option key={b} value={b}>
              {t(BREAKDOWN_LABEL[b])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("metric")}
        <select
          data-control="metric"
          value={state.metric}
          onChange={(e) => update((s) => ({ ...s, metric: e.target.value as Metric }))}
        >
          {(["count", "rate", "child_rate"] as const).map((m) => (
            <option key={m} value={m}>
              {metricLabel(t, m)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="present-start"
        onClick={() => {
          update((s) => ({ ...s, present: true, slide: 1 }))
          document.documentElement.requestFullscreen?.().catch(reportFailure("fullscreen"))
        }}
      >
        {t("presentStart")}
      </button>
    </div>
  )

  if (engine.status === "summary_only" || engine.status === "failed") {
    return (
      <main className="page" data-testid="page-trends">
        <h2>{t("trendsTitle")}</h2>
        <p className="note">{engine.status === "failed" ? t("engineFailed") : t("summaryOnly")}</p>
      </main>
    )
  }
  if (!total || !years) {
    return (
      <main className="page" data-testid="page-trends" data-trends="loading">
        <h2>{t("trendsTitle")}</h2>
        {controls}
        <p className="note">{t("engineLoading")}</p>
      </main>
    )
  }

  const totalModel = trendModel(total, "total", state.grain, years, state.metric, k, lang, t)
  const periods = totalModel.series.periods
  const totalSeries = totalModel.chart[0]
  const reference =
    official && state.grain === "year" && !codeFilterActive && state.metric === "count"
      ? officialSeries(official.stats, "victims_total", periods, t("officialSeries"))
      : null
  const referenceNotes = reference
    ? [
        t("officialSourceLine", { source: officialSourceText(official as NonNullable<typeof official>) }),
        mappingNote(),
      ]
    : []
  const totalChart = [...(totalSeries ? [totalSeries] : []), ...(reference ? [reference] : [])]
  const changes: ReadonlyArray<Change> = totalSeries ? yearOnYear(totalSeries.cells, state.grain) : []
  const by =
    state.breakdown === "total" || !byRows
      ? null
      : trendModel(
          byRows,
          state.breakdown,
          state.grain,
          years,
          state.metric,
          k,
          lang,
          t,
          // Every province (18) and "unknown" when there are such cases; other breakdowns: 8 + "Other".
          state.breakdown === "province" ? Number.POSITIVE_INFINITY : 8,
          state.breakdown === "province" ? vocab.province.codes : [],
        )
  const breakdownTitle = `${t("trendsTitle")}: ${t(BREAKDOWN_LABEL[state.breakdown])} (${metricLabel(t, state.metric)})`
  const yoyColumns: Array<CsvColumn<number>> = [
    { header: t("period"), value: (i) => periods[i]?.key },
    { header: t("byTotal"), value: (i) => totalSeries?.cells[i] ?? null },
    {
      header: t("change"),
      value: (i) => {
        const c = changes[i]
        return c?.kind === "value"
          ? Math.round(c.pct * 10) / 10
          : c?.reason === "first"
            ? null
            : t("yoyNotComputed")
      },
      countsOf: (i) => [totalSeries?.cells[i], totalSeries?.cells[i - 1]].filter((c) => c !== undefined),
    },
  ]

  return (
    <main className="page trends" data-testid="page-trends" data-trends="ready">
      <h2>{t("trendsTitle")}</h2>
      {controls}
      {hidesNothing(k) ? null : <p className="note">{t("markerNote", { k })}</p>}
      <div className="trend-grid">
        <TrendPanel
          t={t}
          name="total"
          title={`${t("trendsTitle")} (${metricLabel(t, state.metric)})`}
          k={k}
          periods={periods}
          series={totalChart}
          cellText={cellText}
          format={format}
          height={300}
          showTable
          notes={[
            ...referenceNotes,
            ...(official && !reference && codeFilterActive ? [t("officialFiltersNote")] : []),
          ]}
          context={(legend) =>
            context(
              `${t("trendsTitle")} (${metricLabel(t, state.metric)})`,
              legend,
              reference ? [mappingNote()] : undefined,
              reference
                ? t("officialSourceLine", {
                    source: officialSourceText(official as NonNullable<typeof official>),
                  })
                : undefined,
            )
          }
        />
        <section className="trend-panel" ref={yoyRef} data-panel="yoy">
          <header>
            <h3>{t("yoyTitle")}</h3>
            <ExportButtons
              t={t}
              name="yoy"
              target={yoyRef}
              context={() =>
                context(t("yoyTitle"), [
                  { label: t("change"), kind: "swatch", colour: "#0072B2" },
                  { label: t("yoyNotComputed"), kind: "suppressed", colour: "#bdbdbd" },
                ])
              }
              csv={{ rows: periods.map((_, i) => i), columns: yoyColumns }}
            />
          </header>
          <YoyChart
            testId="chart-yoy"
            periods={periods}
            changes={changes}
            notComputed={t("yoyNotComputed")}
            changeLabel={t("change")}
            format={(n) => formatNumber(lang, n, 1)}
            height={220}
          />
          <p className="note">{t("yoyNotComputed")}: ▨</p>
        </section>
      </div>
      {!byRows && state.breakdown !== "total" && (
        <section className="trend-panel" data-panel="breakdown" aria-busy="true">
          <h3>{breakdownTitle}</h3>
          <p className="note">{t("pageLoading")}</p>
        </section>
      )}
      {by && state.breakdown !== "province" && (
        <TrendPanel
          t={t}
          name="breakdown"
          title={breakdownTitle}
          k={k}
          periods={periods}
          series={by.chart}
          cellText={cellText}
          format={format}
          height={340}
          showTable
          notes={
            by.series.hidden > 0 ? [t("hiddenCategories", { n: formatNumber(lang, by.series.hidden) })] : []
          }
          context={(legend) => context(breakdownTitle, legend)}
        />
      )}
      {by && state.breakdown === "province" && (
        <section className="small-multiples" data-testid="small-multiples">
          <h3>{breakdownTitle}</h3>
          <label>
            <input
              type="checkbox"
              data-control="shared-scale"
              checked={sharedScale}
              onChange={(e) => setSharedScale(e.target.checked)}
            />
            {t("sharedScale")}
          </label>
          <div className="multiples-grid">
            {[...by.chart]
              .sort((a, b) => a.key.localeCompare(b.key))
              .map((s) => {
                const one = { ...s, colour: "#0072B2" }
                const title = `${categoryLabel("province", s.key, lang, t)} (${metricLabel(t, state.metric)})`
                return (
                  <TrendPanel
                    key={s.key}
                    t={t}
                    name={`province-${s.key}`}
                    title={title}
                    k={k}
                    periods={periods}
                    series={[one]}
                    cellText={cellText}
                    format={format}
                    height={140}
                    compact
                    showTable
                    yMax={sharedScale ? sharedMax(by.chart) : undefined}
                    context={() => context(title, legendFor(t, k, [one]))}
                  />
                )
              })}
          </div>
        </section>
      )}
      {hasOfficial && official && (
        <OfficialPanel
          t={t}
          lang={lang}
          k={k}
          data={official}
          years={years}
          cellText={cellText}
          context={() => context(t("officialTitle"), undefined, undefined, officialSourceText(official))}
        />
      )}
      {!hasOfficial && <p className="note">{t("officialNone")}</p>}
    </main>
  )
}

/** The largest drawn value of any series (shown values, and suppressed markers at k/2), for one scale. */
const sharedMax = (
  series: ReadonlyArray<{ readonly cells: ReadonlyArray<Cell>; readonly population: number | null }>,
): number => {
  let max = 0
  for (const s of series)
    for (const c of s.cells) {
      const n = c.kind === "value" ? c.n : c.kind === "suppressed" ? c.k / 2 : 0
      max = Math.max(max, s.population === null ? n : (n / s.population) * 100_000)
    }
  return max > 0 ? max : 1
}

/** The mapping's own note for the total (data from the warehouse, in English). */
const mappingNote = () => mappingOf("victims_total")?.note ?? ""
