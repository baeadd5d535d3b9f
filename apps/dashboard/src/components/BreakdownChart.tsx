import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { Cell } from "../lib/suppress.ts"

export interface BreakdownItem {
  readonly code: string
  readonly label: string
  readonly cell: Cell
}

export interface BreakdownChartProps {
  readonly title: string
  readonly testId: string
  readonly items: ReadonlyArray<BreakdownItem>
  readonly cellText: (cell: Cell) => string
}

/** A small bar chart of the shown values, with every category (suppressed ones too) listed as text. */
export function BreakdownChart({ title, testId, items, cellText }: BreakdownChartProps) {
  const shown = items.flatMap((i) => (i.cell.kind === "value" ? [{ label: i.label, n: i.cell.n }] : []))
  return (
    <section className="breakdown" data-testid={testId}>
      <h3>{title}</h3>
      {shown.length > 0 && (
        <ResponsiveContainer width="100%" height={Math.max(60, 22 * shown.length + 10)}>
          <BarChart data={shown} layout="vertical" margin={{ top: 0, right: 8, bottom: 0, left: 0 }}>
            <XAxis type="number" hide />
            <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Bar dataKey="n" fill="#c51b8a" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
      <table>
        <tbody>
          {items.map((i) => (
            <tr key={i.code} data-code={i.code} data-cell={i.cell.kind}>
              <th scope="row">{i.label}</th>
              <td>{cellText(i.cell)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
