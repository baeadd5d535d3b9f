/**
 * Presentation mode (`?present=1&slide=N`): one chart or map per slide in large type, over the
 * whole window (and full screen when the user asks; it works without). Keys: ArrowRight, PageDown,
 * Space next; ArrowLeft, PageUp previous; Home, End; Escape exits. The slide is in the URL, so a
 * link opens the same slide. Everything comes from the loaded release: nothing is fetched from
 * elsewhere, so it works offline.
 */
import type { Grain, TrendBreakdown } from "@lao-protect/warehouse"
import { useEffect, useRef } from "react"
import { vocab } from "../data/reference.ts"
import { buildExportContext, describeFilters, type LegendEntry } from "../export/context.ts"
import { ExportButtons } from "../export/ExportButtons.tsx"
import { publicCell } from "../export/published.ts"
import type { Engine } from "../hooks/useEngine.ts"
import { usePublishedCells } from "../hooks/usePublishedCells.ts"
import type { Update } from "../hooks/useUrlState.ts"
import type { T } from "../i18n/index.ts"
import { areaValues, cellsFromCounts, classesFor, classLabels } from "../lib/choropleth.ts"
import { NO_DATA_FILL, SUPPRESSED_FILL } from "../lib/classify.ts"
import { formatDate, formatNumber } from "../lib/format.ts"
import { type AppState, filtersOf } from "../lib/state.ts"
import { type Cell, hidesNothing } from "../lib/suppress.ts"
import { metricLabel } from "../pages/TrendsPage.tsx"
import { BREAKDOWN_LABEL } from "../pages/trends/labels.ts"
import { mappingOf, officialSeries, trendModel, yearsOf } from "../pages/trends/model.ts"
import { officialSourceText } from "../pages/trends/OfficialPanel.tsx"
import { yearOnYear } from "../pages/trends/series.ts"
import { YoyChart } from "../pages/trends/TrendChart.tsx"
import { TrendPanel } from "../pages/trends/TrendPanel.tsx"
import { useOfficial, useTrendCounts } from "../pages/trends/useTrendData.ts"
import { ProvinceMap, useProvinceBoundaries } from "./ProvinceMap.tsx"
import { useProvinceCounts } from "./useProvinceCounts.ts"
import "./presentation.css"
import { reportFailure } from "../lib/report.ts"

export type Slide =
  | { readonly kind: "title" }
  | { readonly kind: "trend"; readonly breakdown: TrendBreakdown }
  | { readonly kind: "yoy" }
  | { readonly kind: "map" }

export const SLIDES: ReadonlyArray<Slide> = [
  { kind: "title" },
  { kind: "trend", breakdown: "total" },
  { kind: "yoy" },
  { kind: "trend", breakdown: "victim_group" },
  { kind: "trend", breakdown: "exploitation_form" },
  { kind: "trend", breakdown: "destination" },
  { kind: "trend", breakdown: "sex_age" },
  { kind: "trend", breakdown: "outcome" },
  { kind: "map" },
]

/** The slide a key moves to (1-based), "exit", or null when the key does nothing. */
export const slideForKey = (key: string, slide: number, count: number): number | "exit" | null => {
  switch (key) {
    case "ArrowRight":
    case "PageDown":
    case " ":
      return Math.min(count, slide + 1)
    case "ArrowLeft":
    case "PageUp":
      return Math.max(1, slide - 1)
    case "Home":
      return 1
    case "End":
      return count
    case "Escape":
      return "exit"
    default:
      return null
  }
}

export interface PresentationProps {
  readonly engine: Engine
  readonly state: AppState
  readonly update: Update
  readonly t: T
  readonly k: number
  readonly cellText: (cell: Cell) => string
}

export function Presentation(props: PresentationProps) {
  const { state, update, t } = props
  const count = SLIDES.length
  const slide = Math.min(Math.max(1, state.slide), count)
  const root = useRef<HTMLDivElement | null>(null)
  const wasFullscreen = useRef(false)
  useEffect(() => {
    const exit = () => {
      update((s) => ({ ...s, present: false }))
      if (document.fullscreenElement) document.exitFullscreen().catch(reportFailure("leaving fullscreen"))
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return
      const target = e.target as HTMLElement | null
      if (target && /^(SELECT|INPUT|TEXTAREA)$/.test(target.tagName)) return
      const next = slideForKey(e.key, Math.min(Math.max(1, state.slide), count), count)
      if (next === null) return
      e.preventDefault()
      if (next === "exit") exit()
      else update((s) => ({ ...s, slide: next }))
    }
    // leaving full screen with the browser's own Escape also leaves the presentation
    const onFullscreen = () => {
      if (document.fullscreenElement) wasFullscreen.current = true
      else if (wasFullscreen.current) exit()
    }
    addEventListener("keydown", onKey)
    document.addEventListener("fullscreenchange", onFullscreen)
    return () => {
      removeEventListener("keydown", onKey)
      document.removeEventListener("fullscreenchange", onFullscreen)
    }
  }, [state.slide, count, update])
  useEffect(() => root.current?.focus(), [])
  const current = SLIDES[slide - 1] ?? { kind: "title" }
  return (
    <div
      className="presentation"
      data-testid="presentation"
      data-slide={slide}
      data-slide-kind={current.kind}
      role="dialog"
      aria-modal="true"
      aria-label={t("presentStart")}
      tabIndex={-1}
      ref={root}
    >
      <div className={`slide slide-${current.kind}`}>
        <SlideView {...props} slide={current} />
      </div>
      {current.kind !== "title" && <SlideContext {...props} />}
      <nav className="slide-nav">
        <button type="button" onClick={() => update((s) => ({ ...s, slide: Math.max(1, slide - 1) }))}>
          ← {t("presentPrev")}
        </button>
        <span data-testid="slide-counter">{t("slideOf", { n: slide, total: count })}</span>
        <button type="button" onClick={() => update((s) => ({ ...s, slide: Math.min(count, slide + 1) }))}>
          {t("presentNext")} →
        </button>
        {document.fullscreenEnabled && (
          <button
            type="button"
            onClick={() => root.current?.requestFullscreen().catch(reportFailure("fullscreen"))}
          >
            {t("presentFullscreen")}
          </button>
        )}
        <button
          type="button"
          data-testid="present-exit"
          onClick={() => update((s) => ({ ...s, present: false }))}
        >
          {t("presentExit")}
        </button>
        <span className="help">{t("presentHelp")}</span>
      </nav>
    </div>
  )
}

/** On every slide after the title: the synthetic badge, the source release and the date shown. */
function SlideContext({ engine, state, t }: PresentationProps) {
  const synthetic = engine.manifest?.synthetic ?? engine.firstPaint?.synthetic ?? false
  return (
    <div className="slide-context" data-testid="slide-context">
      {synthetic && (
        <span className="badge" data-testid="slide-context-badge">
          {t("syntheticBadge")}
        </span>
      )}
      {engine.manifest && (
        <span data-testid="slide-context-source">
          {t("exportSource", {
            release: engine.manifest.release,
            date: formatDate(state.lang, engine.manifest.createdAt),
          })}
        </span>
      )}
      <span>{t("presentedOn", { date: formatDate(state.lang, new Date().toISOString()) })}</span>
    </div>
  )
}

function SlideView(props: PresentationProps & { readonly slide: Slide }) {
  switch (props.slide.kind) {
    case "title":
      return <TitleSlide {...props} />
    case "trend":
      return <TrendSlide {...props} breakdown={props.slide.breakdown} />
    case "yoy":
      return <YoySlide {...props} />
    case "map":
      return <MapSlide {...props} />
  }
}

function TitleSlide({ engine, state, t }: PresentationProps) {
  const years = engine.firstPaint?.years
  const from = state.yearFrom ?? years?.[0] ?? "…"
  const to = state.yearTo ?? years?.[1] ?? "…"
  const synthetic = engine.manifest?.synthetic ?? engine.firstPaint?.synthetic ?? false
  return (
    <section className="title-slide" data-testid="title-slide">
      <h1>{t("appTitle")}</h1>
      <h2>{t("trendsTitle")}</h2>
      <p className="scope" data-testid="title-scope">
        {t("scopeYears", { from, to })}
      </p>
      <p className="scope">{describeFilters(state, t)}</p>
      <p>{t("presentedOn", { date: formatDate(state.lang, new Date().toISOString()) })}</p>
      {engine.manifest && (
        <p className="note">
          {t("exportSource", {
            release: engine.manifest.release,
            date: formatDate(state.lang, engine.manifest.createdAt),
          })}
        </p>
      )}
      {synthetic && (
        <p>
          <span className="badge" data-testid="slide-synthetic-badge">
            {t("syntheticBadge")}
          </span>
        </p>
      )}
    </section>
  )
}

const chartHeight = () => Math.max(320, Math.round(window.innerHeight * 0.62))

function TrendSlide({
  engine,
  state,
  t,
  k,
  cellText,
  breakdown,
}: PresentationProps & { readonly breakdown: TrendBreakdown }) {
  const filters = filtersOf(state)
  const grain: Grain = state.grain
  const rows = useTrendCounts(engine.conn, filters, grain, breakdown)
  const hasOfficial = engine.manifest?.tables?.official_stats !== undefined
  const official = useOfficial(engine.conn, hasOfficial && breakdown === "total", filters)
  const years = rows ? yearsOf(rows, state.yearFrom, state.yearTo, engine.firstPaint?.years ?? null) : null
  if (!rows || !years) return <p className="note">{t("engineLoading")}</p>
  const model = trendModel(rows, breakdown, grain, years, state.metric, k, state.lang, t)
  const codeFilter = Object.values(state.codes).some((c) => c !== null)
  const reference =
    official && breakdown === "total" && grain === "year" && !codeFilter && state.metric === "count"
      ? officialSeries(official.stats, "victims_total", model.series.periods, t("officialSeries"))
      : null
  const series = [...model.chart, ...(reference ? [reference] : [])]
  const title =
    breakdown === "total"
      ? `${t("trendsTitle")} (${metricLabel(t, state.metric)})`
      : `${t(BREAKDOWN_LABEL[breakdown])} (${metricLabel(t, state.metric)})`
  const source =
    reference && official ? t("officialSourceLine", { source: officialSourceText(official) }) : undefined
  const notes = reference ? [mappingOf("victims_total")?.note ?? ""] : undefined
  return (
    <TrendPanel
      t={t}
      name={`slide-${breakdown}`}
      title={title}
      k={k}
      periods={model.series.periods}
      series={series}
      cellText={cellText}
      format={(n) => formatNumber(state.lang, n, state.metric === "count" ? 0 : 2)}
      height={chartHeight()}
      notes={[...(source ? [source] : []), ...(notes ?? [])]}
      context={(legend) =>
        buildExportContext({
          t,
          state,
          manifest: engine.manifest,
          k,
          title,
          legend,
          notes,
          extraSource: source,
        })
      }
    />
  )
}

function YoySlide({ engine, state, t, k }: PresentationProps) {
  const ref = useRef<HTMLElement | null>(null)
  const rows = useTrendCounts(engine.conn, filtersOf(state), state.grain, "total")
  const years = rows ? yearsOf(rows, state.yearFrom, state.yearTo, engine.firstPaint?.years ?? null) : null
  if (!rows || !years) return <p className="note">{t("engineLoading")}</p>
  const model = trendModel(rows, "total", state.grain, years, "count", k, state.lang, t)
  const changes = yearOnYear(model.chart[0]?.cells ?? [], state.grain)
  const legend: Array<LegendEntry> = [
    { label: t("change"), kind: "swatch", colour: "#0072B2" },
    { label: t("yoyNotComputed"), kind: "suppressed", colour: "#bdbdbd" },
  ]
  return (
    <section className="trend-panel" ref={ref}>
      <header>
        <h3>{t("yoyTitle")}</h3>
        <ExportButtons
          t={t}
          name="slide-yoy"
          target={ref}
          context={() =>
            buildExportContext({ t, state, manifest: engine.manifest, k, title: t("yoyTitle"), legend })
          }
        />
      </header>
      <YoyChart
        testId="chart-slide-yoy"
        periods={model.series.periods}
        changes={changes}
        notComputed={t("yoyNotComputed")}
        changeLabel={t("change")}
        format={(n) => formatNumber(state.lang, n, 1)}
        height={chartHeight()}
        fontSize={16}
      />
      <p className="note">{t("yoyNotComputed")}</p>
    </section>
  )
}

function MapSlide({ engine, state, t, k, cellText }: PresentationProps) {
  const ref = useRef<HTMLElement | null>(null)
  const boundaries = useProvinceBoundaries()
  const rows = useProvinceCounts(engine.conn, filtersOf(state))
  // under the public rule on the planners tier, the published cells (complementary flags), as the map
  const published = usePublishedCells(
    engine.conn,
    engine.manifest,
    { ...state, level: "province" },
    engine.manifest?.screen === "exact" && !hidesNothing(k),
  )
  if (!boundaries || !rows) return <p className="note">{t("engineLoading")}</p>
  const counts = new Map(rows.map((r) => [r.province, r.n] as const))
  const screen = cellsFromCounts(counts, k)
  const cellOf = published ? (code: string) => publicCell(published, code, screen(code), k) : screen
  const values = areaValues(vocab.province.codes, cellOf, "province", state.metric)
  const classes = classesFor(values, state.method)
  const format = (n: number) => formatNumber(state.lang, n, state.metric === "count" ? 0 : 1)
  const legend: Array<LegendEntry> = [
    ...classLabels(classes, state.metric === "count" ? 0 : 1, format).map((label, i) => ({
      label,
      kind: "swatch" as const,
      colour: classes.colours[i] ?? "#000",
    })),
    ...(hidesNothing(k)
      ? []
      : [{ label: t("suppressedLegend", { k }), kind: "suppressed" as const, colour: SUPPRESSED_FILL }]),
    { label: t("noData"), kind: "noData", colour: NO_DATA_FILL },
  ]
  const title = `${t("mapSlide")} (${metricLabel(t, state.metric)})`
  const attribution = boundaries.attribution ?? t("attributionDefault")
  const h = Math.max(360, Math.round(window.innerHeight * 0.7))
  return (
    <section className="trend-panel map-slide" ref={ref}>
      <header>
        <h3>{title}</h3>
        <ExportButtons
          t={t}
          name="slide-map"
          target={ref}
          context={() =>
            buildExportContext({
              t,
              state,
              manifest: engine.manifest,
              k,
              title,
              legend,
              notes: [attribution],
            })
          }
        />
      </header>
      <ProvinceMap
        testId="slide-map"
        title={title}
        boundaries={boundaries}
        values={values}
        classes={classes}
        lang={state.lang}
        cellText={cellText}
        width={Math.round(h * 0.9)}
        height={h}
      />
      <ul className="trend-legend map-slide-legend">
        {legend.map((l) => (
          <li key={l.label}>
            <span
              className={`key key-${l.kind === "swatch" ? "fill" : l.kind}`}
              ref={(el) => {
                if (el && l.kind === "swatch") el.style.setProperty("--c", l.colour)
              }}
            />
            {l.label}
          </li>
        ))}
      </ul>
      <p className="note">{attribution}</p>
    </section>
  )
}
