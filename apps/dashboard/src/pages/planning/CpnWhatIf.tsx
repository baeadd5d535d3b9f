/**
 * The "add N networks" what-if: N (default 3), the covered share before and after, and each pick
 * explained with its estimated child victims and interval; then whether the ranking's top N agrees,
 * and why not (score of rates vs count of children covered).
 */
import { WhatIf } from "@lao-protect/planning"
import type { Lang, T } from "../../i18n/index.ts"
import { formatNumber } from "../../lib/format.ts"
import { districtName } from "./names.ts"

export const DEFAULT_N = 3

export interface CpnWhatIfProps {
  readonly t: T
  readonly lang: Lang
  readonly k: number
  readonly n: number
  readonly setN: (n: number) => void
  readonly result: WhatIf.WhatIfResult | null
  readonly ranking: ReadonlyArray<{ readonly district: string; readonly rank: number | null }>
}

export function CpnWhatIf({ t, lang, k, n, setN, result, ranking }: CpnWhatIfProps) {
  const pct = (x: number) => `${formatNumber(lang, x * 100, 1)}%`
  const num = (x: number | null) => (x === null ? "–" : formatNumber(lang, x, 1))
  const agree = result ? WhatIf.agreement(result, ranking) : null
  return (
    <div className="plan-whatif" data-testid="whatif">
      <h4>{t("planWhatIfTitle")}</h4>
      <label>
        {t("planAddN")}{" "}
        <input
          type="number"
          min={0}
          max={148}
          step={1}
          value={n}
          data-testid="whatif-n"
          onChange={(e) => {
            const v = Number(e.target.value)
            if (Number.isInteger(v) && v >= 0 && v <= 148) setN(v)
          }}
        />
      </label>
      {result && (
        <>
          <p>
            {t("planShareBefore")}{" "}
            <strong data-testid="whatif-before" data-value={result.before}>
              {pct(result.before)}
            </strong>{" "}
            → {t("planShareAfter")}{" "}
            <strong data-testid="whatif-after" data-value={result.after}>
              {pct(result.after)}
            </strong>
          </p>
          <p className="note">{t("planWhatIfNote")}</p>
          {result.unknown.length > 0 && (
            <p className="note">{t("planWhatIfUnknown", { n: result.unknown.length, k })}</p>
          )}
          <table data-testid="whatif-picks">
            <thead>
              <tr>
                <th>#</th>
                <th>{t("district")}</th>
                <th>{t("planWhy")}</th>
                <th>{t("planScoreRank")}</th>
                <th>{t("planShareAfter")}</th>
              </tr>
            </thead>
            <tbody>
              {result.picks.map((p, i) => (
                <tr key={p.district} data-district={p.district}>
                  <td>{i + 1}</td>
                  <td>{districtName(p.district, lang)}</td>
                  <td data-testid="pick-why">
                    {t("planPickExplain", { n: num(p.weight), lo: num(p.lower), hi: num(p.upper) })}
                  </td>
                  <td>{agree?.picks[i]?.scoreRank ?? "–"}</td>
                  <td>{pct(p.shareAfter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {agree && result.picks.length > 0 && (
            <p className="note" data-testid="whatif-agreement" data-same={agree.same}>
              {agree.same
                ? t("planWhatIfAgree", { n: result.picks.length })
                : t("planWhatIfDiffer", {
                    n: result.picks.length,
                    list: agree.rankedNotPicked.map((d) => districtName(d, lang)).join(", "),
                  })}
            </p>
          )}
        </>
      )}
    </div>
  )
}
