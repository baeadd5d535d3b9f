/**
 * Places missing on an average night per province and period, with the 90% interval, most recent
 * first, coloured; and the sentence a planner can paste into a proposal.
 */
import type { Lang, T } from "../../i18n/index.ts"
import { formatNumber } from "../../lib/format.ts"
import { heat, isDark } from "./heat.ts"
import { largestShortfall, periodsDesc, placesNeeded, type ShortfallCell } from "./model.ts"
import { provinceName } from "./names.ts"

export interface ShelterShortfallProps {
  readonly t: T
  readonly lang: Lang
  readonly cells: ReadonlyArray<ShortfallCell>
  /** The period the sentence is about (the scenario's), else the latest. */
  readonly period?: string
}

export function summarySentence(
  t: T,
  lang: Lang,
  cells: ReadonlyArray<ShortfallCell>,
  period?: string,
): string {
  const latest = period ?? periodsDesc(cells)[0] ?? ""
  const c = largestShortfall(cells, latest)
  if (!c) return t("planSummaryNone", { period: latest })
  const [lo, hi] = placesNeeded(c)
  return t("planSummary", { p: provinceName(c.province, lang, c.province), lo, hi, period: latest })
}

export function ShelterShortfall({ t, lang, cells, period }: ShelterShortfallProps) {
  const periods = periodsDesc(cells)
  const provinces = [...new Set(cells.map((c) => c.province))].sort()
  const byKey = new Map(cells.map((c) => [`${c.province}|${c.period}`, c]))
  const max = Math.max(1, ...cells.map((c) => c.shortfallUpper))
  const n1 = (x: number) => formatNumber(lang, x, 1)
  return (
    <div data-testid="shortfall-estimates">
      <h4>{t("planShortfallEstTitle")}</h4>
      <p className="plan-summary" data-testid="summary">
        <strong>{summarySentence(t, lang, cells, period)}</strong>
      </p>
      <p className="note">{t("planShortfallNote")}</p>
      <div className="plan-scroll">
        <table className="plan-heatmap" data-testid="shortfall-heat">
          <thead>
            <tr>
              <th>{t("province")}</th>
              <th>{t("planPlaces")}</th>
              {periods.map((p) => (
                <th key={p}>{p}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {provinces.map((p) => (
              <tr key={p} data-province={p}>
                <th scope="row">{provinceName(p, lang, p)}</th>
                <td>{formatNumber(lang, byKey.get(`${p}|${periods[0]}`)?.places ?? 0, 0)}</td>
                {periods.map((period) => {
                  const c = byKey.get(`${p}|${period}`)
                  if (!c) return <td key={period}>–</td>
                  const x = c.shortfall / max
                  return (
                    <td
                      key={period}
                      data-period={period}
                      data-cell="estimate"
                      data-short={c.shortfallUpper > 0}
                      style={{ background: c.shortfallUpper > 0 ? heat(Math.max(0.2, x)) : undefined }}
                      className={isDark(x) ? "plan-dark" : ""}
                      title={`${t("planAvgOccupied")}: ${n1(c.occupied)} (${n1(c.occupiedLower)}–${n1(c.occupiedUpper)})`}
                    >
                      {c.shortfallUpper > 0
                        ? `${n1(c.shortfall)} (${n1(c.shortfallLower)}–${n1(c.shortfallUpper)})`
                        : "–"}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
