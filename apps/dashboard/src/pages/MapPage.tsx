/** The planners' map: choropleth, border points, flows, overlays, the area profile and its table. */
import { useEffect, useMemo, useRef, useState } from "react"
import { BreakdownChart } from "../components/BreakdownChart.tsx"
import { CheckpointProfile, CheckpointRanking } from "../components/CheckpointProfile.tsx"
import { EthnicityHeatTable } from "../components/EthnicityHeatTable.tsx"
import { activeFilters, FilterChips } from "../components/FilterChips.tsx"
import { LanguageNeeds } from "../components/LanguageNeeds.tsx"
import { Legend } from "../components/Legend.tsx"
import { MapView } from "../components/MapView.tsx"
import { SidePanel } from "../components/SidePanel.tsx"
import { labelOf, vocab } from "../data/reference.ts"
import { type Boundaries, loadBoundaries } from "../data/release.ts"
import { MapExportButton } from "../export/MapExportButton.tsx"
import type { Engine } from "../hooks/useEngine.ts"
import type { Update } from "../hooks/useUrlState.ts"
import type { ViewData } from "../hooks/useViews.ts"
import type { T } from "../i18n/index.ts"
import { areaValues, cellsFromCounts, classesFor, metricFor } from "../lib/choropleth.ts"
import { formatNumber } from "../lib/format.ts"
import { ILLUSTRATIVE_SHELTERS } from "../lib/overlays.ts"
import { reportFailure } from "../lib/report.ts"
import { type AppState, LAYERS, type Layer } from "../lib/state.ts"
import { type Cell, suppress } from "../lib/suppress.ts"
import { coverageForMap } from "./planning/inputs.ts"

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
}

export function MapPage({ engine, state, update, t, views, k, flowThreshold, cellText }: MapPageProps) {
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

  const metric = metricFor(state.level, state.metric)
  const formatValue = (n: number) => formatNumber(lang, n, metric === "count" ? 0 : 1)

  const areaCodes = state.level === "province" ? vocab.province.codes : vocab.district.codes
  // First paint: the published province summary, until DuckDB answers for the current state.
  const usingFirstPaint = views === null || views.level !== state.level
  const cellOf = useMemo(() => {
    if (!usingFirstPaint && views) return cellsFromCounts(views.areaCounts, k)
    const fp = new Map((engine.firstPaint?.provinces ?? []).map((p) => [p.province, p]))
    return (code: string): Cell => {
      const p = fp.get(code)
      if (!p) return { kind: "no_data" }
      return p.suppressed ? { kind: "suppressed", k } : suppress(p.n ?? 0, k)
    }
  }, [usingFirstPaint, views, engine.firstPaint, k])
  const values = useMemo(
    () => areaValues(areaCodes, cellOf, state.level, state.metric),
    [areaCodes, cellOf, state.level, state.metric],
  )
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
  const metricTitle =
    metric === "count" ? t("metricCount") : metric === "rate" ? t("metricRate") : t("metricChildRate")
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
              value={state.metric}
              onChange={(e) => update((s) => ({ ...s, metric: e.target.value as typeof s.metric }))}
            >
              <option value="count">{t("metricCount")}</option>
              <option value="rate" disabled={state.level === "district"}>
                {t("metricRate")}
              </option>
              <option value="child_rate" disabled={state.level === "district"}>
                {t("metricChildRate")}
              </option>
            </select>
          </label>
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
            layers={state.layers}
            borderPoints={views?.borderPoints ?? null}
            flows={views?.flows ?? null}
            threshold={k}
            flowThreshold={flowThreshold}
            cpnDistricts={cpn?.districts ?? []}
            shelters={ILLUSTRATIVE_SHELTERS}
            cellText={cellText}
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
            conn={engine.conn}
          />
          <Legend
            t={t}
            title={chips.length > 0 ? `${metricTitle} · ${chips.map((c) => c.text).join(", ")}` : metricTitle}
            classes={classes}
            format={formatValue}
            decimals={metric === "count" ? 0 : 1}
            threshold={k}
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
        <p className="sr-only" role="status" aria-live="polite" data-testid="map-announce">
          {state.selected === null
            ? ""
            : `${t("selectedAnnounce", { name: selectedName })}: ${cellText(values.get(state.selected)?.cell ?? { kind: "no_data" })}`}
        </p>
        <div className="side">
          <CheckpointProfile
            conn={engine.conn}
            state={state}
            t={t}
            lang={lang}
            k={k}
            cellText={cellText}
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
              onSelect={(id) => update((s) => ({ ...s, checkpoint: id }))}
            />
          )}
        </div>
      </main>
      <section className="table-view" id="map-table" aria-labelledby="map-table-title" tabIndex={-1}>
        <h2 id="map-table-title">{t("dataTable")}</h2>
        <table data-testid="area-table">
          <thead>
            <tr>
              <th>{state.level === "province" ? t("province") : t("district")}</th>
              <th>{metricTitle}</th>
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
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
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
