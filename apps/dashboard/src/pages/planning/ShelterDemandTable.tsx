/**
 * Estimated bed-nights by province and period (quarter or calendar year, the planner's choice), with
 * the 90% interval in every cell, most recent period first, coloured by the estimate.
 */
import type { Lang, T } from "../../i18n/index.ts"
import { formatNumber } from "../../lib/format.ts"
import { heat, isDark } from "./heat.ts"
import { type DemandCell, periodsDesc } from "./model.ts"
import { provinceName } from "./names.ts"

export type Grain = "quarter" | "year"

export interface ShelterDemandTableProps {
  readonly t: T
  readonly lang: Lang
  readonly demand: ReadonlyArray<DemandCell>
  readonly grain: Grain
  readonly setGrain: (g: Grain) => void
}

export function GrainSelect({
  t,
  grain,
  setGrain,
}: Pick<ShelterDemandTableProps, "t" | "grain" | "setGrain">) {
  return (
    <label>
      {t("planGrain")}{" "}
      <select value={grain} data-testid="grain" onChange={(e) => setGrain(e.target.value as Grain)}>
        <option value="quarter">{t("planGrainQuarter")}</option>
        <option value="year">{t("planGrainYear")}</option>
      </select>
    </label>
  )
}

export function ShelterDemandTable({ t, lang, demand, grain, setGrain }: ShelterDemandTableProps) {
  const cells = demand.filter((c) => c.grain === grain)
  const periods = periodsDesc(cells)
  const provinces = [...new Set(cells.map((c) => c.province))].sort()
  const byKey = new Map(cells.map((c) => [`${c.province}|${c.period}`, c]))
  const max = Math.max(1, ...cells.map((c) => c.nights))
  const n0 = (x: number) => formatNumber(lang, x, 0)
  return (
    <div data-testid="demand-estimates">
      <h4>{t("planDemandEstTitle")}</h4>
      <p className="note">{t("planDemandEstNote")}</p>
      <GrainSelect t={t} grain={grain} setGrain={setGrain} />
      <div className="plan-scroll">
        <table className="plan-heatmap" data-testid="demand-heat">
          <thead>
            <tr>
              <th>{t("province")}</th>
              {periods.map((p) => (
                <th key={p}>{p}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {provinces.map((p) => (
              <tr key={p} data-province={p}>
                <th scope="row">{provinceName(p, lang, p)}</th>
                {periods.map((period) => {
                  const c = byKey.get(`${p}|${period}`)
                  if (!c) return <td key={period}>–</td>
                  const x = c.nights / max
                  return (
                    <td
                      key={period}
                      data-period={period}
                      data-cell="estimate"
                      style={{ background: heat(x) }}
                      className={isDark(x) ? "plan-dark" : ""}
                    >
                      {n0(c.nights)} <small>({`${n0(c.nights_lower)}–${n0(c.nights_upper)}`})</small>
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
