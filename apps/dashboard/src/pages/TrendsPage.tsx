/** The Secretariat's trends: identified victims over time by the chosen breakdown. */
import type { Engine } from "../hooks/useEngine.ts"
import type { Update } from "../hooks/useUrlState.ts"
import type { T } from "../i18n/index.ts"
import type { AppState } from "../lib/state.ts"
import type { Cell } from "../lib/suppress.ts"

export interface PageProps {
  readonly engine: Engine
  readonly state: AppState
  readonly update: Update
  readonly t: T
  readonly k: number
  readonly cellText: (cell: Cell) => string
}

export function TrendsPage({ t }: PageProps) {
  return (
    <main className="page" data-testid="page-trends">
      <h2>{t("pageTrends")}</h2>
    </main>
  )
}
