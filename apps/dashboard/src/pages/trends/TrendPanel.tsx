/** One exportable trend: title, PNG/SVG/CSV buttons, the chart, its legend and its table. */

import { useRef } from "react"
import { hidesNothing } from "../../lib/suppress.ts"
import "./trends.css"
import type { ExportContext, LegendEntry } from "../../export/context.ts"
import type { CsvColumn } from "../../export/csv.ts"
import { ExportButtons } from "../../export/ExportButtons.tsx"
import type { T } from "../../i18n/index.ts"
import type { Cell } from "../../lib/suppress.ts"
import type { Period } from "./series.ts"
import { type ChartSeries, TrendChart } from "./TrendChart.tsx"

export interface TrendPanelProps {
  readonly t: T
  readonly name: string
  readonly title: string
  readonly k: number
  readonly periods: ReadonlyArray<Period>
  readonly series: ReadonlyArray<ChartSeries>
  readonly cellText: (cell: Cell) => string
  readonly format: (n: number) => string
  readonly height: number
  readonly context: (legend: ReadonlyArray<LegendEntry>) => ExportContext
  readonly notes?: ReadonlyArray<string> | undefined
  readonly showTable?: boolean | undefined
  readonly compact?: boolean | undefined
  /** A y-axis top shared with other panels (small multiples on one scale). */
  readonly yMax?: number | undefined
}

export const legendFor = (t: T, k: number, series: ReadonlyArray<ChartSeries>): Array<LegendEntry> => [
  ...series.map((s) => ({
    label: s.label,
    kind: s.dashed ? ("dashed" as const) : ("line" as const),
    colour: s.colour,
  })),
  // Nothing is hidden under the planners' exact rule (k = 1): no "fewer than 1" entry.
  ...(hidesNothing(k)
    ? []
    : [{ label: t("suppressedLegend", { k }), kind: "suppressed" as const, colour: "#bdbdbd" }]),
  { label: t("noData"), kind: "noData", colour: "#ffffff" },
]

export function TrendPanel(props: TrendPanelProps) {
  const { t, name, title, k, periods, series, cellText, format } = props
  const ref = useRef<HTMLElement | null>(null)
  const legend = legendFor(t, k, series)
  const columns: Array<CsvColumn<number>> = [
    { header: t("period"), value: (i) => periods[i]?.key },
    ...series.flatMap((s): Array<CsvColumn<number>> => {
      const cell = (i: number): Cell => s.cells[i] ?? { kind: "no_data" }
      const count: CsvColumn<number> = { header: s.label, value: (i) => cell(i) }
      if (s.population === null) return [count]
      const population = s.population
      return [
        count,
        {
          header: `${s.label} (${t("perHundredK")})`,
          value: (i) => {
            const c = cell(i)
            return c.kind === "value" ? Math.round((c.n / population) * 100_000 * 100) / 100 : c
          },
          countsOf: (i) => [cell(i)],
        },
      ]
    }),
  ]
  return (
    <section className={props.compact ? "trend-panel compact" : "trend-panel"} ref={ref} data-panel={name}>
      <header>
        <h3>{title}</h3>
        <ExportButtons
          t={t}
          name={name}
          target={ref}
          context={() => props.context(legend)}
          csv={{ rows: periods.map((_, i) => i), columns }}
        />
      </header>
      <TrendChart
        testId={`chart-${name}`}
        periods={periods}
        series={series}
        cellText={cellText}
        format={format}
        height={props.height}
        yMax={props.yMax}
      />
      {!props.compact && (
        <ul className="trend-legend">
          {legend.map((l) => (
            <li key={l.label} data-legend={l.kind}>
              <span
                className={`key key-${l.kind}`}
                ref={(el) => {
                  if (el && l.kind !== "suppressed" && l.kind !== "noData")
                    el.style.setProperty("--c", l.colour)
                }}
              />
              {l.label}
            </li>
          ))}
        </ul>
      )}
      {props.notes?.map((n) => (
        <p key={n} className="note">
          {n}
        </p>
      ))}
      {props.showTable && (
        <details className="trend-table">
          <summary>{t("trendTable")}</summary>
          <table data-testid={`table-${name}`}>
            <thead>
              <tr>
                <th>{t("period")}</th>
                {series.map((s) => (
                  <th key={s.key}>{s.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {periods.map((p, i) => (
                <tr key={p.key} data-period={p.key}>
                  <th scope="row">{p.key}</th>
                  {series.map((s) => {
                    const c = s.cells[i] ?? { kind: "no_data" as const }
                    return (
                      <td key={s.key} data-cell={c.kind}>
                        {c.kind === "value"
                          ? format(s.population === null ? c.n : (c.n / s.population) * 100_000)
                          : cellText(c)}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  )
}
