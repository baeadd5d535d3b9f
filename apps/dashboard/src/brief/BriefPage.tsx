/**
 * The printable one-page brief of a province (`?page=brief&province=LA01`, or the button in the
 * map's side panel): key numbers, the yearly trend, top destinations and border checkpoints, a
 * locator map and the context stamp (date, filters, source, threshold, synthetic badge). Print CSS
 * hides the app around it.
 */

import { useRef } from "react"
import { labelOf, provinceByCode, vocab } from "../data/reference.ts"
import { buildExportContext } from "../export/context.ts"
import type { T } from "../i18n/index.ts"
import { areaValues, classesFor } from "../lib/choropleth.ts"
import { formatNumber } from "../lib/format.ts"
import { filtersOf } from "../lib/state.ts"
import { type Cell, suppress, suppressSeries } from "../lib/suppress.ts"
import type { PageProps } from "../pages/TrendsPage.tsx"
import { trendModel, yearsOf } from "../pages/trends/model.ts"
import { yearOnYear } from "../pages/trends/series.ts"
import { TrendPanel } from "../pages/trends/TrendPanel.tsx"
import { useTrendCounts } from "../pages/trends/useTrendData.ts"
import { ProvinceMap, useProvinceBoundaries } from "../presentation/ProvinceMap.tsx"
import { type AreaBreakdownRows, useAreaBreakdown } from "./useBrief.ts"
import "./brief.css"

export function BriefPage({ engine, state, update, t, k, cellText }: PageProps) {
  const { lang } = state
  const province = state.province
  const filters = filtersOf(state)
  const rows = useTrendCounts(engine.conn, filters, "year", "province")
  const breakdown = useAreaBreakdown(engine.conn, filters, province)
  const boundaries = useProvinceBoundaries()
  const top = useRef<HTMLElement | null>(null)
  const context = buildExportContext({
    t,
    state,
    manifest: engine.manifest,
    k,
    title: province
      ? t("briefTitle", { name: labelOf("province", province, lang, province).text })
      : t("pageBrief"),
  })
  const chooser = (
    <label className="brief-actions">
      {t("province")}
      <select
        data-control="brief-province"
        value={province ?? ""}
        onChange={(e) => update((s) => ({ ...s, province: e.target.value === "" ? null : e.target.value }))}
      >
        <option value="">{t("select")}</option>
        {vocab.province.codes.map((code) => (
          <option key={code} value={code}>
            {labelOf("province", code, lang, code).text}
          </option>
        ))}
      </select>
    </label>
  )
  if (province === null) {
    return (
      <main className="page brief" data-testid="page-brief">
        <h2>{t("pageBrief")}</h2>
        <p className="note">{t("briefChoose")}</p>
        {chooser}
      </main>
    )
  }
  const info = provinceByCode.get(province)
  const years = rows ? yearsOf(rows, state.yearFrom, state.yearTo, engine.firstPaint?.years ?? null) : null
  const mine = (rows ?? []).filter((r) => r.category === province)
  const model = years ? trendModel(mine, "total", "year", years, "count", k, lang, t) : null
  const cells = model?.chart[0]?.cells ?? []
  const totalN = mine
    .filter((r) => !years || (r.year >= years[0] && r.year <= years[1]))
    .reduce((a, r) => a + r.n, 0)
  const total = suppress(totalN, k)
  const latestIndex = cells.length - 1
  const latest: Cell = cells[latestIndex] ?? { kind: "no_data" }
  const change = yearOnYear(cells, "year")[latestIndex]
  const rate = (pop: number | undefined) =>
    total.kind === "value" && pop ? formatNumber(lang, (total.n / pop) * 100_000, 1) : cellText(total)
  const values = areaValues(
    vocab.province.codes,
    (code) => (code === province ? total : { kind: "no_data" }),
    "province",
    "count",
  )
  const topOf = (dim: "destination" | "border_point") =>
    suppressSeries(
      (breakdown ?? []).filter((r) => r.dimension === dim).sort((a, b) => b.n - a.n),
      k,
    ).slice(0, 5)
  return (
    <main className="page brief" data-testid="page-brief" data-province={province} ref={top}>
      <header className="brief-head">
        <h2>{context.title}</h2>
        {context.synthetic && (
          <span className="badge" data-testid="brief-synthetic-badge">
            {context.syntheticLabel}
          </span>
        )}
        <span className="brief-actions">
          {chooser}
          <button type="button" data-testid="brief-print" onClick={() => window.print()}>
            {t("briefPrint")}
          </button>
          <button type="button" onClick={() => update((s) => ({ ...s, page: "map", selected: province }))}>
            {t("briefBack")}
          </button>
        </span>
      </header>
      <p className="stamp" data-testid="brief-stamp">
        {context.filters} · {context.date} · {context.source} · <strong>{context.thresholdNote}</strong>
      </p>
      <dl className="key-numbers" data-testid="brief-numbers">
        <div>
          <dt>{t("total")}</dt>
          <dd data-cell={total.kind} data-testid="brief-total">
            {cellText(total)}
          </dd>
        </div>
        <div>
          <dt>{t("rate")}</dt>
          <dd>{rate(info?.population)}</dd>
        </div>
        <div>
          <dt>{t("childRate")}</dt>
          <dd>{rate(info?.childPopulation)}</dd>
        </div>
        {years && (
          <div>
            <dt>{t("briefLatest", { year: years[1] })}</dt>
            <dd data-cell={latest.kind}>
              {cellText(latest)}
              {change?.kind === "value" &&
                ` (${change.pct >= 0 ? "+" : ""}${formatNumber(lang, change.pct, 1)}%)`}
            </dd>
          </div>
        )}
      </dl>
      <div className="brief-body">
        {model && years ? (
          <TrendPanel
            t={t}
            name="brief-trend"
            title={t("briefTrend")}
            k={k}
            periods={model.series.periods}
            series={model.chart.map((s) => ({
              ...s,
              label: labelOf("province", province, lang, province).text,
            }))}
            cellText={cellText}
            format={(n) => formatNumber(lang, n)}
            height={220}
            context={(legend) => ({ ...context, title: `${context.title}: ${t("briefTrend")}`, legend })}
          />
        ) : (
          <p className="note">{t("engineLoading")}</p>
        )}
        {boundaries && (
          <ProvinceMap
            testId="brief-map"
            title={context.title}
            boundaries={boundaries}
            values={values}
            classes={classesFor(values, "quantile")}
            lang={lang}
            cellText={cellText}
            width={220}
            height={240}
            highlight={province}
          />
        )}
      </div>
      <div className="brief-tops">
        <BriefTable
          t={t}
          title={t("topDestinations")}
          rows={topOf("destination")}
          vocabName="destination"
          lang={lang}
          cellText={cellText}
          testId="brief-destinations"
        />
        <BriefTable
          t={t}
          title={t("topBorderPoints")}
          rows={topOf("border_point")}
          vocabName="borderPoint"
          lang={lang}
          cellText={cellText}
          testId="brief-border-points"
        />
      </div>
      {context.synthetic && <p className="note">{context.syntheticLabel}</p>}
    </main>
  )
}

function BriefTable(props: {
  readonly t: T
  readonly title: string
  readonly rows: ReadonlyArray<AreaBreakdownRows[number] & { readonly cell: Cell }>
  readonly vocabName: "destination" | "borderPoint"
  readonly lang: PageProps["state"]["lang"]
  readonly cellText: (cell: Cell) => string
  readonly testId: string
}) {
  const { t } = props
  return (
    <section>
      <h3>{props.title}</h3>
      <table data-testid={props.testId}>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.code ?? "none"} data-code={r.code ?? "none"} data-cell={r.cell.kind}>
              <th scope="row">
                {
                  labelOf(
                    props.vocabName,
                    r.code,
                    props.lang,
                    props.vocabName === "borderPoint" ? t("noCheckpoint") : t("unknown"),
                  ).text
                }
              </th>
              <td>{props.cellText(r.cell)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
