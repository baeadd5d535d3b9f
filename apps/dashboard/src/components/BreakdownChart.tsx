import { lazy, Suspense } from "react"
import { usePending } from "../export/screenRule.tsx"
import type { Cell } from "../lib/suppress.ts"

// Recharts (about 420 kB of JavaScript with its d3 and redux dependencies) is not in the start
// bundle: the map page's breakdowns have no values before DuckDB answers, so the bars load then,
// and the main thread parses less while DuckDB-WASM compiles
const BreakdownBars = lazy(() => import("./BreakdownBars.tsx"))

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

const barsHeight = (bars: number) => Math.max(60, 22 * bars + 10)

/** The bars' place while their module loads; an image export waits for them (`usePending`). */
function BarsLoading({ height }: { readonly height: number }) {
  usePending("breakdown bars", true)
  return <div style={{ height }} />
}

/** A small bar chart of the shown values, with every category (suppressed ones too) listed as text. */
export function BreakdownChart({ title, testId, items, cellText }: BreakdownChartProps) {
  const shown = items.flatMap((i) => (i.cell.kind === "value" ? [{ label: i.label, n: i.cell.n }] : []))
  return (
    <section className="breakdown" data-testid={testId}>
      <h3>{title}</h3>
      {shown.length > 0 && (
        // the fallback keeps the bars' height, so the table below does not move when they appear
        <Suspense fallback={<BarsLoading height={barsHeight(shown.length)} />}>
          <BreakdownBars shown={shown} height={barsHeight(shown.length)} />
        </Suspense>
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
