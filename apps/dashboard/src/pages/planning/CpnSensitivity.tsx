/** How the top 10 changes when each weight moves by -50% and +50% (PriorityScore.weightSensitivity). */
import type { PriorityScore } from "@lao-protect/planning"
import type { Lang, MessageKey, T } from "../../i18n/index.ts"
import { formatNumber } from "../../lib/format.ts"
import { districtName } from "./names.ts"

export interface CpnSensitivityProps {
  readonly t: T
  readonly lang: Lang
  readonly labels: { readonly [C in PriorityScore.ComponentName]: MessageKey }
  readonly result: ReturnType<typeof PriorityScore.weightSensitivity> | null
}

export function CpnSensitivity({ t, lang, labels, result }: CpnSensitivityProps) {
  if (!result) return null
  const names = (ds: ReadonlyArray<string>) =>
    ds.length === 0 ? t("planUnchanged") : ds.map((d) => districtName(d, lang)).join(", ")
  return (
    <details className="plan-sensitivity" data-testid="sensitivity" open>
      <summary>{t("planSensitivityTitle")}</summary>
      <table>
        <thead>
          <tr>
            <th>{t("planSensitivityChange")}</th>
            <th>{t("planEntered")}</th>
            <th>{t("planLeft")}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr
              key={`${r.component}${r.factor}`}
              data-component={r.component}
              data-factor={r.factor}
              data-changed={r.entered.length}
            >
              <th scope="row">
                {t(labels[r.component])} {r.factor < 1 ? "−50%" : "+50%"} (×{formatNumber(lang, r.weight, 1)})
              </th>
              <td>{names(r.entered)}</td>
              <td>{names(r.left)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
