/**
 * A trend chart (Recharts): one line per series over every period. A suppressed value is a hatched
 * grey square at half the threshold with a "suppressed (< k)" tooltip and title, a period with no
 * data is a hollow circle on the axis, and the line is broken at both (never drawn through as 0).
 */
import type { ReactElement } from "react"
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts"
import type { Cell } from "../../lib/suppress.ts"
import type { Change, Period } from "./series.ts"

export interface ChartSeries {
  readonly key: string
  readonly label: string
  readonly colour: string
  readonly cells: ReadonlyArray<Cell>
  /** Divide by this and multiply by 100,000 (a rate); null draws counts. */
  readonly population: number | null
  readonly dashed?: boolean | undefined
  /** A gap means "not published" (an official series), not "no cases": no no-data marker on the axis. */
  readonly gapsUnpublished?: boolean | undefined
}

export interface TrendChartProps {
  readonly testId: string
  readonly periods: ReadonlyArray<Period>
  readonly series: ReadonlyArray<ChartSeries>
  readonly cellText: (cell: Cell) => string
  readonly format: (n: number) => string
  readonly height: number
  readonly fontSize?: number | undefined
  /** Top of the y-axis when several charts share one scale; default: each chart's own. */
  readonly yMax?: number | undefined
}

const scaled = (n: number, population: number | null) =>
  population === null ? n : (n / population) * 100_000

const HATCH = (x: number, y: number, s: number) =>
  [0, 4, 8, 12, 16].map((d) => (
    <line
      key={d}
      x1={x + Math.max(0, d - s)}
      y1={y + Math.min(s, d)}
      x2={x + Math.min(s, d)}
      y2={y + Math.max(0, d - s)}
      stroke="#6b6b6b"
      strokeWidth={1}
    />
  ))

interface ShapeProps {
  readonly cx?: number
  readonly cy?: number
  readonly payload?: { readonly period: string } & Readonly<Record<string, unknown>>
}

// Recharts calls the shape for every row, null values included: those draw nothing.
const isNull = (props: ShapeProps, dataKey: string) =>
  props.payload?.[dataKey] === null || props.payload?.[dataKey] === undefined

const suppressedShape =
  (label: string, seriesKey: string, dataKey: string) =>
  (props: unknown): ReactElement => {
    const { cx = 0, cy = 0, payload } = props as ShapeProps
    if (isNull(props as ShapeProps, dataKey)) return <g />
    return (
      <g data-marker="suppressed" data-series={seriesKey} data-period={payload?.period}>
        <rect x={cx - 6} y={cy - 6} width={12} height={12} fill="#bdbdbd" stroke="#6b6b6b" />
        {HATCH(cx - 6, cy - 6, 12)}
        <title>{label}</title>
      </g>
    )
  }

const noDataShape =
  (label: string, seriesKey: string, dataKey: string) =>
  (props: unknown): ReactElement => {
    const { cx = 0, cy = 0, payload } = props as ShapeProps
    if (isNull(props as ShapeProps, dataKey)) return <g />
    return (
      <g data-marker="no_data" data-series={seriesKey} data-period={payload?.period}>
        <circle cx={cx} cy={cy} r={4} fill="#ffffff" stroke="#888888" strokeWidth={1.5} />
        <title>{label}</title>
      </g>
    )
  }

interface TipProps {
  readonly active?: boolean
  readonly label?: string | number
}

export function TrendChart({
  testId,
  periods,
  series,
  cellText,
  format,
  height,
  fontSize = 12,
  yMax,
}: TrendChartProps) {
  const data = periods.map((p, i) => {
    const row: Record<string, string | number | null> = { period: p.key }
    series.forEach((s, j) => {
      const cell = s.cells[i] ?? { kind: "no_data" }
      row[`v${j}`] = cell.kind === "value" ? scaled(cell.n, s.population) : null
      row[`s${j}`] = cell.kind === "suppressed" ? scaled(cell.k / 2, s.population) : null
      row[`z${j}`] = cell.kind === "no_data" && !s.gapsUnpublished ? 0 : null
    })
    return row
  })
  const tip = ({ active, label }: TipProps) => {
    if (!active || label === undefined) return null
    const i = periods.findIndex((p) => p.key === String(label))
    return (
      <div className="trend-tip">
        <strong>{label}</strong>
        {series.map((s) => {
          const cell = s.cells[i] ?? { kind: "no_data" }
          return (
            <div key={s.key} data-cell={cell.kind}>
              <span className="swatch" ref={(el) => el?.style.setProperty("background", s.colour)} />
              {s.label}: {cell.kind === "value" ? format(scaled(cell.n, s.population)) : cellText(cell)}
            </div>
          )
        })}
      </div>
    )
  }
  return (
    <div className="trend-chart" data-testid={testId} data-series={series.length}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 10, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#e3e3e3" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize }} minTickGap={8} />
          <YAxis
            tick={{ fontSize }}
            tickFormatter={(v: number) => format(v)}
            width={56}
            {...(yMax === undefined ? {} : { domain: [0, yMax], allowDataOverflow: false })}
          />
          <Tooltip content={tip} />
          {series.map((s, j) => (
            <Line
              key={`l${s.key}`}
              dataKey={`v${j}`}
              name={s.label}
              stroke={s.colour}
              strokeWidth={2.5}
              strokeDasharray={s.dashed ? "6 4" : "0"}
              dot={{ r: 3, fill: s.colour }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
          {series.map((s, j) => (
            <Scatter
              key={`s${s.key}`}
              dataKey={`s${j}`}
              isAnimationActive={false}
              shape={suppressedShape(
                `${s.label}: ${cellText({ kind: "suppressed", k: firstK(s.cells) })}`,
                s.key,
                `s${j}`,
              )}
            />
          ))}
          {series.map((s, j) => (
            <Scatter
              key={`z${s.key}`}
              dataKey={`z${j}`}
              isAnimationActive={false}
              shape={noDataShape(`${s.label}: ${cellText({ kind: "no_data" })}`, s.key, `z${j}`)}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}

const firstK = (cells: ReadonlyArray<Cell>): number => {
  for (const c of cells) if (c.kind === "suppressed") return c.k
  return 0
}

export interface YoyChartProps {
  readonly testId: string
  readonly periods: ReadonlyArray<Period>
  readonly changes: ReadonlyArray<Change>
  readonly notComputed: string
  /** The tooltip's label for a change ("Change on a year earlier"), never the field name. */
  readonly changeLabel: string
  readonly format: (n: number) => string
  readonly height: number
  readonly fontSize?: number | undefined
}

/** Year-on-year change as bars; a change not computed (suppressed or no data) is a hatched marker at 0. */
export function YoyChart({
  testId,
  periods,
  changes,
  notComputed,
  changeLabel,
  format,
  height,
  fontSize = 12,
}: YoyChartProps) {
  const data = periods.map((p, i) => {
    const c = changes[i]
    return {
      period: p.key,
      pct: c?.kind === "value" ? c.pct : null,
      na: c?.kind === "not_computed" && c.reason !== "first" ? 0 : null,
    }
  })
  return (
    <div className="trend-chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 10, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#e3e3e3" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize }} minTickGap={8} />
          <YAxis tick={{ fontSize }} tickFormatter={(v: number) => `${format(v)}%`} width={56} />
          <ReferenceLine y={0} stroke="#555" />
          <Tooltip
            formatter={(v, _name, item) =>
              item?.dataKey === "na" ? notComputed : typeof v === "number" ? `${format(v)}%` : String(v)
            }
          />
          <Bar dataKey="pct" name={changeLabel} fill="#0072B2" isAnimationActive={false} />
          <Scatter
            dataKey="na"
            name={notComputed}
            isAnimationActive={false}
            shape={suppressedShape(notComputed, "yoy", "na")}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
