import type { BreakdownDimension, BreakdownRow } from "@lao-protect/warehouse"
import type { RefObject } from "react"
import { labelOf, provinceByCode, type VocabName } from "../data/reference.ts"
import type { Lang, MessageKey, T } from "../i18n/index.ts"
import { type Cell, suppress, suppressSeries } from "../lib/suppress.ts"
import { BreakdownChart, type BreakdownItem } from "./BreakdownChart.tsx"

const SECTIONS: ReadonlyArray<{
  readonly dim: Exclude<BreakdownDimension, "total">
  readonly vocab: VocabName
  readonly title: MessageKey
  readonly top?: number
}> = [
  { dim: "ethnicity_family", vocab: "ethnicityFamily", title: "ethnicFamilies" },
  { dim: "ethnic_group", vocab: "ethnicGroup", title: "ethnicGroups", top: 10 },
  { dim: "victim_group", vocab: "victimGroup", title: "victimGroups" },
  { dim: "exploitation_form", vocab: "exploitationForm", title: "formsOfExploitation" },
  { dim: "border_point", vocab: "borderPoint", title: "topBorderPoints", top: 5 },
  { dim: "destination", vocab: "destination", title: "topDestinations", top: 5 },
]

export interface SidePanelProps {
  readonly t: T
  readonly lang: Lang
  readonly code: string
  readonly name: string
  readonly threshold: number
  readonly rows: ReadonlyArray<BreakdownRow> | null
  readonly cellText: (cell: Cell) => string
  readonly formatRate: (n: number) => string
  readonly onClose: () => void
  /** Receives focus after a selection (keyboard users land on the panel they opened). */
  readonly panelRef?: RefObject<HTMLElement | null>
}

export function SidePanel({
  t,
  lang,
  code,
  name,
  threshold,
  rows,
  cellText,
  formatRate,
  onClose,
  panelRef,
}: SidePanelProps) {
  const totalN = rows?.find((r) => r.dimension === "total")?.n ?? 0
  const total = suppress(totalN, threshold)
  const province = code.length === 4 ? provinceByCode.get(code) : undefined
  return (
    <aside
      className="panel"
      data-testid="side-panel"
      data-area={code}
      aria-label={name}
      tabIndex={-1}
      ref={panelRef}
    >
      <header>
        <h2>{name}</h2>
        <button type="button" onClick={onClose} aria-label={t("close")}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t("total")}</dt>
        <dd data-testid="panel-total" data-cell={total.kind}>
          {cellText(total)}
        </dd>
        {province && total.kind === "value" && (
          <>
            <dt>{t("rate")}</dt>
            <dd data-testid="panel-rate">{formatRate((total.n / province.population) * 100_000)}</dd>
            <dt>{t("childRate")}</dt>
            <dd>{formatRate((total.n / province.childPopulation) * 100_000)}</dd>
          </>
        )}
      </dl>
      {rows === null ? (
        <p className="note">{t("engineLoading")}</p>
      ) : (
        SECTIONS.map((s) => {
          const series = suppressSeries(
            rows.filter((r) => r.dimension === s.dim).sort((a, b) => b.n - a.n),
            threshold,
          )
          const items: Array<BreakdownItem> = series.slice(0, s.top ?? series.length).map((r) => ({
            code: r.code ?? "unknown",
            label: labelOf(s.vocab, r.code, lang, s.dim === "border_point" ? t("noCheckpoint") : t("unknown"))
              .text,
            cell: r.cell,
          }))
          return (
            <BreakdownChart
              key={s.dim}
              testId={`chart-${s.dim}`}
              title={t(s.title)}
              items={items}
              cellText={cellText}
            />
          )
        })
      )}
    </aside>
  )
}
