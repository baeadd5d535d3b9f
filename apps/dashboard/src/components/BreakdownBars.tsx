import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"

export interface BreakdownBarsProps {
  readonly shown: ReadonlyArray<{ readonly label: string; readonly n: number }>
  readonly height: number
}

/** The bars of `BreakdownChart`: Recharts, loaded with this module once a breakdown has values. */
export default function BreakdownBars({ shown, height }: BreakdownBarsProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={[...shown]} layout="vertical" margin={{ top: 0, right: 8, bottom: 0, left: 0 }}>
        <XAxis type="number" hide />
        <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 11 }} />
        <Tooltip />
        <Bar dataKey="n" fill="#c51b8a" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
}
