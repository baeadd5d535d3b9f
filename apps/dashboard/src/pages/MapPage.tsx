/** The planners' map: choropleth, border points, flows, overlays, the area profile and its table. */
import { useEffect, useMemo, useRef, useState } from "react"
import { BreakdownChart } from "../components/BreakdownChart.tsx"
import { CheckpointProfile, CheckpointRanking } from "../components/CheckpointProfile.tsx"
import { EthnicityHeatTable } from "../components/EthnicityHeatTable.tsx"
import { activeFilters, FilterChips } from "../components/FilterChips.tsx"
import { IdentifiedVsOrigin } from "../components/IdentifiedVsOrigin.tsx"
import { LanguageNeeds } from "../components/LanguageNeeds.tsx"
import { Legend } from "../components/Legend.tsx"
import { MapView } from "../components/MapView.tsx"
import { SidePanel } from "../components/SidePanel.tsx"
import { labelOf, vocab } from "../data/reference.ts"
import { type Boundaries, loadBoundaries } from "../data/release.ts"
import { MapExportButton } from "../export/MapExportButton.tsx"
import { publicCell } from "../export/published.ts"
import { trendSpan, useCheckpointTrends } from "../hooks/useCheckpointTrends.ts"
import type { Engine } from "../hooks/useEngine.ts"
import { useIdentifiedOrigin } from "../hooks/useIdentifiedOrigin.ts"
import type { PersonsData } from "../hooks/usePersons.ts"
import { useProvinceMeasures } from "../hooks/useProvinceMeasures.ts"
import { usePublishedCells } from "../hooks/usePublishedCells.ts"
import type { Update } from "../hooks/useUrlState.ts"
import type { ViewData } from "../hooks/useViews.ts"
import type { T } from "../i18n/index.ts"
import { areaValues, cellsFromCounts, classesFor, metricFor } from "../lib/choropleth.ts"
import { formatNumber } from "../lib/format.ts"
import {
  ebRateValues,
  type IdentifiedOriginCells,
  INTERVAL_LEVEL,
  type Interval,
  identifiedHereValues,
  identifiedValues,
  metricDecimals,
  minorityValues,
} from "../lib/measures.ts"
import { ILLUSTRATIVE_SHELTERS } from "../lib/overlays.ts"
import { reportFailure } from "../lib/report.ts"
import {
  type AppState,
  IDENTIFICATION_SETTINGS,
  isMapMeasure,
  LAYERS,
  type Layer,
  MAP_METRICS,
  type MapMetric,
  mapMetricOf,
  PROVINCE_ONLY_METRICS,
} from "../lib/state.ts"
import { type Cell, hidesNothing, suppress } from "../lib/suppress.ts"
import { coverageForMap } from "./planning/inputs.ts"

const NO_CELLS: ReadonlyMap<string, IdentifiedOriginCells> = new Map()

/** Cases per year of the selected area (from its breakdown), else of the whole country. */
const yearSeries = (views: ViewData, selected: boolean): ReadonlyArray<{ year: number; n: number }> =>
  selected
    ? (views.breakdown ?? [])
        .filter((r) => r.dimension === "year" && r.code !== null)
        .map((r) => ({ year: Number(r.code), n: r.n }))
        .sort((a, b) => a.year - b.year)
    : views.years

export interface MapPageProps {
  readonly engine: Engine
  readonly state: AppState
  readonly update: Update
  readonly t: T
  readonly views: ViewData | null
  readonly k: number
  readonly flowThreshold: number
  readonly cellText: (cell: Cell) => string
  /** Persons by province (the published table) instead of cases, when the count switch says so. */
  readonly persons?: PersonsData | null
  /** The pointer is over an area (or focus reached it): prepare its breakdown before the click. */
  readonly onActivateArea?: (code: string) => void
}

export function MapPage({
  engine,
  state,
  update,
  t,
  views,
  k,
  flowThreshold,
  cellText,
  persons,
  onActivateArea,
}: MapPageProps) {
  const { lang } = state
  const [provinceGeo, setProvinceGeo] = useState<Boundaries | null>(null)
  const [districtGeo, setDistrictGeo] = useState<Boundaries | null>(null)
  const [cpn, setCpn] = useState<{ districts: ReadonlyArray<string>; illustrative: boolean } | null>(null)
  const [countryGeo, setCountryGeo] = useState<Boundaries | null>(null)
  useEffect(() => {
    loadBoundaries("provinces").then(setProvinceGeo, reportFailure("loading province boundaries"))
    loadBoundaries("countries").then(setCountryGeo, reportFailure("loading neighbouring countries"))
    coverageForMap().then(setCpn, reportFailure("loading CPN coverage"))
  }, [])
  const needDistricts = state.level === "district" || state.layers.includes("cpn")
  useEffect(() => {
    if (needDistricts && !districtGeo)
      loadBoundaries("districts").then(setDistrictGeo, reportFailure("loading district boundaries"))
  }, [needDistricts, districtGeo])

  const metric = metricFor(state.level, mapMetricOf(state))
  const decimals = metricDecimals(metric)
  const formatValue = (n: number) => formatNumber(lang, n, decimals)
  const setting = state.ident ?? "border_checkpoint"
  const settingName = labelOf("identificationSetting", setting, lang, setting)
  const measures = useProvinceMeasures(
    engine.conn,
    state,
    metric === "minority_share" || metric === "identified",
  )
  const here = useIdentifiedOrigin(engine, state, k, metric === "identified_here")
  const hereCells = here.status === "ready" ? here.cells : NO_CELLS
  const span = trendSpan(engine.firstPaint?.years, state)
  const trends = useCheckpointTrends(
    state.layers.includes("checkpoints") ? engine.conn : null,
    state,
    span,
    k,
  )

  const areaCodes = state.level === "province" ? vocab.province.codes : vocab.district.codes
  // A planners-tier screen switched to the public rule draws the published cells (with publish's
  // complementary flags) where the publication holds the view, as the public release and the CSV do.
  const publicRuleShown = engine.manifest?.screen === "exact" && !hidesNothing(k)
  const countsMapped = !persons && metric !== "minority_share" && metric !== "identified"
  const published = usePublishedCells(engine.conn, engine.manifest, state, publicRuleShown && countsMapped)
  // First paint: the published province summary, until DuckDB answers for the current state.
  const usingFirstPaint = views === null || views.level !== state.level
  const cellOf = useMemo(() => {
    if (persons) {
      const byProvince = new Map(persons.provinces.map((p) => [p.province, p]))
      const threshold = engine.manifest?.threshold ?? k
      return (code: string): Cell => {
        const p = byProvince.get(code)
        if (!p) return { kind: "no_data" }
        return p.suppressed || p.persons === null
          ? { kind: "suppressed", k: threshold }
          : { kind: "value", n: p.persons }
      }
    }
    const screen = ((): ((code: string) => Cell) => {
      if (!usingFirstPaint && views) return cellsFromCounts(views.areaCounts, k)
      const fp = new Map((engine.firstPaint?.provinces ?? []).map((p) => [p.province, p]))
      return (code: string): Cell => {
        const p = fp.get(code)
        if (!p) return { kind: "no_data" }
        return p.suppressed ? { kind: "suppressed", k } : suppress(p.n ?? 0, k)
      }
    })()
    return published ? (code: string): Cell => publicCell(published, code, screen(code), k) : screen
  }, [usingFirstPaint, views, engine.firstPaint, k, persons, engine.manifest, published])
  const values = useMemo(() => {
    // Persons mode maps the published persons cells as they are: no measure applies to them.
    if (persons) return areaValues(areaCodes, cellOf, state.level, state.metric)
    if (metric === "rate_eb" && span)
      return ebRateValues(
        areaCodes,
        cellOf,
        (code) =>
          usingFirstPaint
            ? (engine.firstPaint?.provinces.find((p) => p.province === code)?.n ?? 0)
            : (views?.areaCounts.get(code) ?? 0),
        span[1] - span[0] + 1,
      )
    if (metric === "identified_here") return identifiedHereValues(areaCodes, hereCells)
    if (metric === "minority_share" || metric === "identified") {
      const totals = measures.status === "ready" ? measures.totals : new Map()
      return metric === "minority_share"
        ? minorityValues(areaCodes, totals, k)
        : identifiedValues(areaCodes, totals, setting, k)
    }
    return areaValues(areaCodes, cellOf, state.level, state.metric)
  }, [
    areaCodes,
    cellOf,
    state.level,
    state.metric,
    metric,
    span?.[0],
    span?.[1],
    measures,
    hereCells,
    setting,
    k,
    views,
    usingFirstPaint,
    engine.firstPaint,
    persons,
  ])
  const intervalText = (i: Interval) => `${formatValue(i.lower)}\u2013${formatValue(i.upper)}`
  const levelPct = Math.round(INTERVAL_LEVEL * 100)
  /** What the tooltip, the area's label and the table say about one area under the current measure. */
  const describe = (code: string): string => {
    const v = values.get(code)
    const cell = v?.cell ?? { kind: "no_data" as const }
    if (!persons && metric === "identified_here") {
      const { origin, ratio } = v as { origin?: Cell; ratio?: number | null }
      const base = t("identifiedHereTip", {
        identified: cellText(cell),
        origin: cellText(origin ?? { kind: "no_data" }),
      })
      return ratio === null || ratio === undefined
        ? base
        : `${base}; ${t("identifiedHereRatioTip", { ratio: formatNumber(lang, ratio, 2) })}`
    }
    if (persons || v?.value === null || v?.value === undefined || state.measure === null)
      return cellText(cell)
    if (metric === "rate_eb" && v.interval)
      return t("estimateTip", {
        rate: formatValue(v.value),
        level: levelPct,
        lower: formatValue(v.interval.lower),
        upper: formatValue(v.interval.upper),
        cases: cellText(cell),
      })
    if (metric === "minority_share" && v.interval)
      return t("shareTip", {
        share: formatValue(v.value),
        level: levelPct,
        lower: formatValue(v.interval.lower),
        upper: formatValue(v.interval.upper),
      })
    if (metric === "identified") {
      const share = (v as { share?: number | null }).share
      const base = t("identifiedTip", { cases: cellText(cell), setting: settingName.text })
      return share === null || share === undefined
        ? base
        : `${base}; ${t("identifiedShareTip", { share: formatNumber(lang, share, 0) })}`
    }
    return cellText(cell)
  }
  const hasIntervals = !persons && (metric === "rate_eb" || metric === "minority_share")
  const measurePending =
    !persons &&
    (((metric === "minority_share" || metric === "identified") &&
      (measures.status === "idle" || measures.status === "pending")) ||
      (metric === "identified_here" && (here.status === "idle" || here.status === "pending")))
  const classes = useMemo(() => classesFor(values, state.method), [values, state.method])
  const boundaries = state.level === "province" ? provinceGeo : districtGeo
  const areaAttribution = boundaries?.attribution ?? t("attributionDefault")
  const attribution =
    countryGeo?.attribution &&
    !areaAttribution.includes("Natural Earth") &&
    !areaAttribution.includes(countryGeo.attribution)
      ? `${areaAttribution} ${countryGeo.attribution}`
      : areaAttribution
  const chips = activeFilters(t, lang, state)

  // Keyboard and screen readers: a selection made here moves focus to the panel and is announced;
  // Escape closes the panel and returns focus to the area.
  const selectedByUser = useRef(false)
  const panelRef = useRef<HTMLElement | null>(null)
  const select = (code: string) => {
    selectedByUser.current = true
    update((s) => ({ ...s, selected: code }))
  }
  useEffect(() => {
    if (state.selected !== null && selectedByUser.current) panelRef.current?.focus()
    selectedByUser.current = false
  }, [state.selected])
  useEffect(() => {
    if (state.selected === null) return
    const code = state.selected
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return
      update((s) => ({ ...s, selected: null }))
      document.querySelector<HTMLElement>(`.leaflet-overlay-pane path[data-pcode="${code}"]`)?.focus()
    }
    document.addEventListener("keydown", onKey)
    return () => document.removeEventListener("keydown", onKey)
  }, [state.selected, update])

  const selectedName =
    state.selected === null
      ? ""
      : labelOf(state.selected.length === 4 ? "province" : "district", state.selected, lang, state.selected)
          .text
  const metricTitles: Readonly<Record<MapMetric, string>> = {
    count: t("metricCount"),
    rate: t("metricRate"),
    child_rate: t("metricChildRate"),
    rate_eb: t("metricRateEb"),
    minority_share: t("metricMinorityShare"),
    identified: `${t("metricIdentified")}: ${settingName.needsReview ? `${settingName.text} *` : settingName.text}`,
    identified_here: t("metricIdentifiedHere"),
  }
  const metricTitle = persons ? t("personsMapTitle") : metricTitles[metric]
  // The default CSV applies the publication's threshold, which the screen rule may not (planners tier).
  const publicK = engine.manifest?.threshold ?? k
  const publicValues =
    !persons && publicK !== k && metric === "identified_here"
      ? identifiedHereValues(
          areaCodes,
          new Map(
            [...hereCells].map(([code, c]) => [
              code,
              {
                identified: suppress(c.identified.kind === "value" ? c.identified.n : 0, publicK),
                origin: suppress(c.origin.kind === "value" ? c.origin.n : 0, publicK),
              },
            ]),
          ),
        )
      : !persons && publicK !== k && (metric === "minority_share" || metric === "identified")
        ? metric === "minority_share"
          ? minorityValues(areaCodes, measures.status === "ready" ? measures.totals : new Map(), publicK)
          : identifiedValues(
              areaCodes,
              measures.status === "ready" ? measures.totals : new Map(),
              setting,
              publicK,
            )
        : undefined
  const ethnicFilter = state.codes.ethnicGroup !== null || state.codes.ethnicityFamily !== null
  const measureNote = persons
    ? null
    : metric === "rate_eb"
      ? `${t("rateEbNote", { years: span ? span[1] - span[0] + 1 : 0, level: levelPct })}${ethnicFilter ? ` ${t("rateGroupNote")}` : ""}`
      : metric === "rate" && ethnicFilter
        ? t("rateGroupNote")
        : metric === "minority_share"
          ? `${t("minorityNote")}${hidesNothing(k) ? "" : ` ${t("minorityHiddenNote", { k })}`}`
          : metric === "identified"
            ? `${t("identifiedNote")}${hidesNothing(k) ? "" : ` ${t("identifiedHiddenNote", { k })}`}`
            : metric === "identified_here"
              ? `${t("identifiedHereNote")}${here.status === "ready" && here.from === "published" ? ` ${t("identifiedHerePublishedNote")}` : ""}`
              : null
  const setLayer = (layer: Layer, on: boolean) =>
    update((s) => ({ ...s, layers: LAYERS.filter((l) => (l === layer ? on : s.layers.includes(l))) }))

  return (
    <>
      <main className="main">
        <div className="controls">
          <label>
            {t("level")}
            <select
              data-control="level"
              value={state.level}
              onChange={(e) => {
                const level = e.target.value as typeof state.level
                // flows are off by default at district level: they would hide 148 small areas
                update((s) => ({
                  ...s,
                  level,
                  selected: null,
                  layers: level === "district" ? s.layers.filter((l) => l !== "flows") : s.layers,
                }))
              }}
            >
              <option value="province">{t("province")}</option>
              <option value="district">{t("district")}</option>
            </select>
          </label>
          <label>
            {t("metric")}
            <select
              data-control="metric"
              value={mapMetricOf(state)}
              onChange={(e) => {
                const m = e.target.value as MapMetric
                update((s) => (isMapMeasure(m) ? { ...s, measure: m } : { ...s, metric: m, measure: null }))
              }}
            >
              {MAP_METRICS.map((m) => (
                <option
                  key={m}
                  value={m}
                  disabled={state.level === "district" && PROVINCE_ONLY_METRICS.includes(m)}
                >
                  {m === "identified" ? t("metricIdentified") : metricTitles[m]}
                </option>
              ))}
            </select>
          </label>
          {metric === "identified" && (
            <label>
              {t("identSetting")}
              <select
                data-control="ident"
                value={setting}
                onChange={(e) => update((s) => ({ ...s, ident: e.target.value }))}
              >
                {IDENTIFICATION_SETTINGS.map((code) => {
                  const l = labelOf("identificationSetting", code, lang, code)
                  return (
                    <option key={code} value={code}>
                      {l.needsReview ? `${l.text} *` : l.text}
                    </option>
                  )
                })}
              </select>
            </label>
          )}
          <label>
            {t("classification")}
            <select
              data-control="method"
              value={state.method}
              onChange={(e) => update((s) => ({ ...s, method: e.target.value as typeof s.method }))}
            >
              <option value="quantile">{t("quantile")}</option>
              <option value="equal">{t("equal")}</option>
              <option value="jenks">{t("jenks")}</option>
            </select>
          </label>
          <fieldset className="layers">
            <legend>{t("layers")}</legend>
            {LAYERS.map((layer) => (
              <label key={layer}>
                <input
                  type="checkbox"
                  data-layer={layer}
                  checked={state.layers.includes(layer)}
                  onChange={(e) => setLayer(layer, e.target.checked)}
                />
                {t(
                  layer === "flows"
                    ? "flows"
                    : layer === "checkpoints"
                      ? "checkpoints"
                      : layer === "cpn"
                        ? "cpnCoverage"
                        : "shelters",
                )}
              </label>
            ))}
          </fieldset>
          {state.level === "district" && <p className="note">{t("districtRatesUnavailable")}</p>}
          {usingFirstPaint && <p className="note">{t("firstPaintNote")}</p>}
        </div>
        <div className="map-wrap">
          <a className="skip-link" href="#map-table">
            {t("skipToTable")}
          </a>
          <FilterChips t={t} chips={chips} update={update} />
          <MapView
            lang={lang}
            t={t}
            level={state.level}
            boundaries={boundaries}
            districtBoundaries={districtGeo}
            countries={countryGeo}
            values={values}
            classes={classes}
            selected={state.selected}
            onSelect={select}
            onActivate={onActivateArea}
            layers={state.layers}
            borderPoints={views?.borderPoints ?? null}
            flows={views?.flows ?? null}
            threshold={k}
            flowThreshold={flowThreshold}
            cpnDistricts={cpn?.districts ?? []}
            shelters={ILLUSTRATIVE_SHELTERS}
            cellText={cellText}
            describe={describe}
            selectedCheckpoint={state.checkpoint ?? state.codes.borderPoint}
            onSelectCheckpoint={(id) => update((s) => ({ ...s, checkpoint: id }))}
          />
          <p className="attribution" data-testid="attribution">
            {attribution}
          </p>
          <MapExportButton
            t={t}
            state={state}
            manifest={engine.manifest}
            k={k}
            title={`${t("appTitle")}: ${metricTitle}`}
            classes={classes}
            format={formatValue}
            attribution={attribution}
            values={values}
            notes={measureNote ? [measureNote] : undefined}
            conn={
              persons ||
              metric === "minority_share" ||
              metric === "identified" ||
              metric === "identified_here"
                ? null
                : engine.conn
            }
            publicValues={publicValues}
          />
          <Legend
            t={t}
            title={chips.length > 0 ? `${metricTitle} · ${chips.map((c) => c.text).join(", ")}` : metricTitle}
            classes={classes}
            format={formatValue}
            decimals={decimals}
            threshold={k}
            publicRuleShown={publicRuleShown}
            showFlows={state.layers.includes("flows")}
            flowThreshold={flowThreshold}
            showCpn={state.layers.includes("cpn")}
            cpnIllustrative={cpn?.illustrative ?? true}
            showShelters={state.layers.includes("shelters")}
            flowMax={
              Math.max(0, ...(views?.flows ?? []).filter((f) => f.n >= flowThreshold).map((f) => f.n)) || null
            }
            showCheckpoints={state.layers.includes("checkpoints")}
            checkpointMax={Math.max(0, ...(views?.borderPoints ?? []).map((b) => b.n)) || null}
          />
        </div>
        {measureNote && (
          <p className="note measure-note" data-testid="measure-note">
            {(metric === "identified_here" ? here.status : measures.status) === "unavailable"
              ? t("noData")
              : measureNote}
          </p>
        )}
        <p className="sr-only" role="status" aria-live="polite" data-testid="map-announce">
          {state.selected === null
            ? ""
            : `${t("selectedAnnounce", { name: selectedName })}: ${describe(state.selected)}`}
        </p>
        <div className="side">
          <CheckpointProfile
            conn={engine.conn}
            state={state}
            t={t}
            lang={lang}
            k={k}
            cellText={cellText}
            span={span}
            onClose={() => update((s) => ({ ...s, checkpoint: null }))}
          />
          {state.selected === null ? (
            <p className="note">{t("clickHint")}</p>
          ) : (
            <>
              {state.selected.length === 4 && (
                <button
                  type="button"
                  data-testid="open-brief"
                  onClick={() => update((s) => ({ ...s, page: "brief", province: s.selected }))}
                >
                  {t("briefOpen")}
                </button>
              )}
              {state.measure !== null && metric === state.measure && (
                <p className="note" data-testid="panel-measure">
                  {metricTitle}: {describe(state.selected)}
                </p>
              )}
              <SidePanel
                t={t}
                lang={lang}
                code={state.selected}
                name={selectedName}
                threshold={k}
                rows={views?.breakdown ?? null}
                cellText={cellText}
                formatRate={(n) => formatNumber(lang, n, 1)}
                panelRef={panelRef}
                onClose={() => update((s) => ({ ...s, selected: null }))}
              />
            </>
          )}
          {views && (
            <BreakdownChart
              title={state.selected === null ? t("casesByYear") : `${t("casesByYear")}: ${selectedName}`}
              testId="chart-years"
              items={yearSeries(views, state.selected !== null).map((y) => ({
                code: String(y.year),
                label: String(y.year),
                cell: suppress(y.n, k),
              }))}
              cellText={cellText}
            />
          )}
          {views && state.layers.includes("checkpoints") && (
            <CheckpointRanking
              counts={views.borderPoints}
              selected={state.checkpoint}
              t={t}
              lang={lang}
              k={k}
              cellText={cellText}
              trends={trends}
              onSelect={(id) => update((s) => ({ ...s, checkpoint: id }))}
            />
          )}
        </div>
      </main>
      <section className="table-view" id="map-table" aria-labelledby="map-table-title" tabIndex={-1}>
        <h2 id="map-table-title">{t("dataTable")}</h2>
        <table
          data-testid="area-table"
          data-metric={metric}
          data-measure={measurePending ? "pending" : "ready"}
        >
          <thead>
            <tr>
              <th>{state.level === "province" ? t("province") : t("district")}</th>
              <th>{metricTitle}</th>
              {hasIntervals && <th>{t("measureInterval", { level: levelPct })}</th>}
              {isMapMeasure(metric) && <th>{t("measureCases")}</th>}
              {metric === "identified_here" && <th>{t("originHereCol")}</th>}
            </tr>
          </thead>
          <tbody>
            {areaCodes.map((code) => {
              const v = values.get(code)
              const cell = v?.cell ?? { kind: "no_data" as const }
              return (
                <tr key={code} data-pcode={code} data-cell={cell.kind}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link"
                      aria-pressed={state.selected === code}
                      onClick={() => select(code)}
                    >
                      {labelOf(state.level, code, lang, code).text}
                    </button>
                  </th>
                  <td>
                    {v?.value !== null && v?.value !== undefined ? formatValue(v.value) : cellText(cell)}
                  </td>
                  {hasIntervals && <td data-col="interval">{v?.interval ? intervalText(v.interval) : ""}</td>}
                  {isMapMeasure(metric) && <td data-col="cases">{cellText(cell)}</td>}
                  {metric === "identified_here" && (
                    <td data-col="origin">
                      {cellText((v as { origin?: Cell } | undefined)?.origin ?? { kind: "no_data" })}
                    </td>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
      {metric === "identified_here" && here.status === "ready" && (
        <IdentifiedVsOrigin
          cells={here.cells}
          codes={areaCodes}
          state={state}
          manifest={engine.manifest}
          t={t}
          lang={lang}
          k={k}
          cellText={cellText}
          notes={measureNote ? [measureNote] : []}
        />
      )}
      <EthnicityHeatTable
        conn={engine.conn}
        state={state}
        manifest={engine.manifest}
        t={t}
        lang={lang}
        k={k}
        cellText={cellText}
      />
      <LanguageNeeds conn={engine.conn} state={state} t={t} lang={lang} k={k} />
    </>
  )
}
