/**
 * Next year's bed-nights by quarter (national, and for the scenario's province) beside the same
 * quarter last year, the back-test error of the forecast, and the lengths of stay it rests on.
 */
import { labelOf } from "../../data/reference.ts"
import type { Lang, T } from "../../i18n/index.ts"
import { formatNumber } from "../../lib/format.ts"
import { provinceName } from "./names.ts"
import type { BackTestCell, ForecastCell, StayLengthCell } from "./queries.ts"

export interface ShelterForecastProps {
  readonly t: T
  readonly lang: Lang
  readonly forecast: ReadonlyArray<ForecastCell>
  readonly backtest: ReadonlyArray<BackTestCell> | null
  readonly lengths: ReadonlyArray<StayLengthCell> | null
  readonly province: string
}

export function backTestSummary(rows: ReadonlyArray<BackTestCell>) {
  // a year whose actual stays are withheld (below the threshold) has no error and no outcome to count
  const withError = rows.filter((r) => r.abs_pct_error !== null)
  return {
    n: rows.filter((r) => r.inside !== null).length,
    mape:
      withError.length === 0 ? null : withError.reduce((s, r) => s + r.abs_pct_error!, 0) / withError.length,
    inside: rows.filter((r) => r.inside === true).length,
  }
}

export function ShelterForecast({ t, lang, forecast, backtest, lengths, province }: ShelterForecastProps) {
  const n0 = (x: number) => formatNumber(lang, x, 0)
  const year = forecast[0]?.period.slice(0, 4) ?? ""
  const scopes: ReadonlyArray<string | null> = [null, province]
  const bt = backtest ? backTestSummary(backtest) : null
  const sourceKey = { history: "planLosHistory", stage: "planLosStage", default: "planLosDefault" } as const
  return (
    <div data-testid="forecast">
      <h4>{t("planForecastTitle", { year })}</h4>
      <table className="plan-forecast" data-testid="forecast-table">
        <thead>
          <tr>
            <th>{t("province")}</th>
            <th>{t("planPeriod")}</th>
            <th>{t("planForecastCol")}</th>
            <th>{t("planLastYear")}</th>
          </tr>
        </thead>
        <tbody>
          {scopes.flatMap((scope) =>
            forecast
              .filter((c) => c.province === scope)
              .map((c) => (
                <tr key={`${scope}|${c.period}`} data-province={scope ?? "national"} data-period={c.period}>
                  <td>{scope === null ? t("planNational") : provinceName(scope, lang, scope)}</td>
                  <td>{c.period}</td>
                  <td>
                    {n0(c.nights)} ({n0(c.nights_lower)}–{n0(c.nights_upper)}) {t("planNights")}
                  </td>
                  <td>
                    {n0(c.last_year_nights)} {t("planNights")}
                  </td>
                </tr>
              )),
          )}
        </tbody>
      </table>
      {bt && bt.n > 0 && (
        <p className="note" data-testid="backtest">
          {t("planBacktest", {
            n: bt.n,
            mape: bt.mape === null ? "–" : formatNumber(lang, bt.mape * 100, 0),
            inside: bt.inside,
          })}
        </p>
      )}
      {lengths && lengths.length > 0 && (
        <details data-testid="length-of-stay">
          <summary>{t("planLosTitle")}</summary>
          <table>
            <thead>
              <tr>
                <th>{t("stage")}</th>
                <th>{t("victimGroup")}</th>
                <th>{t("ageBand")}</th>
                <th>{t("planNights")}</th>
                <th>{t("planLosSource")}</th>
              </tr>
            </thead>
            <tbody>
              {lengths.map((l) => (
                <tr key={`${l.stage}|${l.victim_group}|${l.age_class}`} data-source={l.source}>
                  <td>{t(l.stage === "interim_care" ? "planStageInterim" : "planStageReturn")}</td>
                  <td>{labelOf("victimGroup", l.victim_group, lang, t("unknown")).text}</td>
                  <td>{l.age_class}</td>
                  <td>{formatNumber(lang, l.mean_nights, 0)}</td>
                  <td>{t(sourceKey[l.source])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  )
}
