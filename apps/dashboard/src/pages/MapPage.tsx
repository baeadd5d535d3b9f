/** The planners' map: choropleth, border points, flows, overlays, the area profile and its table. */
import { useEffect, useMemo, useState } from "react"
import { BreakdownChart } from "../components/BreakdownChart.tsx"
import { CheckpointProfile, CheckpointRanking } from "../components/CheckpointProfile.tsx"
import { EthnicityHeatTable } from "../components/EthnicityHeatTable.tsx"
import { LanguageNeeds } from "../components/LanguageNeeds.tsx"
import { Legend } from "../components/Legend.tsx"
import { MapView } from "../components/MapView.tsx"
import { SidePanel } from "../components/SidePanel.tsx"
import { labelOf, vocab } from "../data/reference.ts"
import { type Boundaries, loadBoundaries, loadCpnCoverage } from "../data/release.ts"
import { MapExportButton } from "../export/MapExportButton.tsx"
import type { Engine } from "../hooks/useEngine.ts"
import type { Update } from "../hooks/useUrlState.ts"
import type { ViewData } from "../hooks/useViews.ts"
import type { T } from "../i18n/index.ts"
import { areaValues, cellsFromCounts, classesFor, metricFor } from "../lib/choropleth.ts"
import { formatNumber } from "../lib/format.ts"
import { ILLUSTRATIVE_CPN_DISTRICTS, ILLUSTRATIVE_SHELTERS } from "../lib/overlays.ts"
import { reportFailure } from "../lib/report.ts"
import { type AppState, LAYERS, type Layer } from "../lib/state.ts"
import { type Cell, suppress } from "../lib/suppress.ts"

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
  const [cpnFromFile, setCpnFromFile] = useState<ReadonlyArray<string> | null>(null)
  useEffect(() => {
    loadBoundaries("provinces").then(setProvinceGeo, reportFailure("loading province boundaries"))
    loadCpnCoverage().then(setCpnFromFile, reportFailure("loading CPN coverage"))
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
  const attribution = boundaries?.attribution ?? t("attributionDefault")

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
              onChange={(e) =>
                update((s) => ({ ...s, level: e.target.value as typeof s.level, selected: null }))
              }
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
          <MapView
            lang={lang}
            t={t}
            level={state.level}
            boundaries={boundaries}
            districtBoundaries={districtGeo}
            values={values}
            classes={classes}
            selected={state.selected}
            onSelect={(code) => update((s) => ({ ...s, selected: code }))}
            layers={state.layers}
            borderPoints={views?.borderPoints ?? null}
            flows={views?.flows ?? null}
            threshold={k}
            flowThreshold={flowThreshold}
            cpnDistricts={cpnFromFile ?? ILLUSTRATIVE_CPN_DISTRICTS}
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
          />
          <Legend
            t={t}
            title={metricTitle}
            classes={classes}
            format={formatValue}
            threshold={k}
            showFlows={state.layers.includes("flows")}
            flowThreshold={flowThreshold}
            showCpn={state.layers.includes("cpn")}
            cpnIllustrative={cpnFromFile === null}
            showShelters={state.layers.includes("shelters")}
          />
        </div>
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
                onClose={() => update((s) => ({ ...s, selected: null }))}
              />
            </>
          )}
          {views && (
            <BreakdownChart
              title={t("casesByYear")}
              testId="chart-years"
              items={views.years.map((y) => ({
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
      <section className="table-view">
        <h2>{t("dataTable")}</h2>
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
                      onClick={() => update((s) => ({ ...s, selected: code }))}
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
