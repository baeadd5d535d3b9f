/** Planning: Child Protection Network expansion, shelter and resource needs, the protection pipeline. */
import type { PageProps } from "./TrendsPage.tsx"

export function PlanningPage({ t }: PageProps) {
  return (
    <main className="page" data-testid="page-planning">
      <h2>{t("pagePlanning")}</h2>
    </main>
  )
}
