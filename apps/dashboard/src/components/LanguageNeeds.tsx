/**
 * Language needs per province (issue 21): the share of cases whose first language is not Lao, among
 * those whose first language is recorded, to plan interpreters and ethnic-language counsellors. A
 * share is shown only when both the non-Lao and the Lao cases reach the threshold, so neither a small
 * count nor its complement can be read from it.
 */

import type { Connector } from "@lao-protect/warehouse"
import { type LanguageNeed, languageNeeds } from "@lao-protect/warehouse"
import { useEffect, useState } from "react"
import { labelOf, vocab } from "../data/reference.ts"
import type { Lang, T } from "../i18n/index.ts"
import { formatNumber } from "../lib/format.ts"
import { type AppState, filtersOf } from "../lib/state.ts"

/** The share (0-100) or null when it must not be shown. */
export const languageShare = (r: LanguageNeed, k: number): number | null =>
  r.not_lao >= k && r.recorded - r.not_lao >= k ? (100 * r.not_lao) / r.recorded : null

export interface LanguageNeedsProps {
  readonly conn: Connector | null
  readonly state: AppState
  readonly t: T
  readonly lang: Lang
  readonly k: number
}

export function LanguageNeeds({ conn, state, t, lang, k }: LanguageNeedsProps) {
  const [rows, setRows] = useState<ReadonlyArray<LanguageNeed> | null>(null)
  const key = JSON.stringify(filtersOf(state))
  useEffect(() => {
    if (!conn) return
    let live = true
    // A release published before first languages were summarised has no column: show nothing.
    languageNeeds(conn, JSON.parse(key)).then(
      (r) => {
        if (live) setRows(r)
      },
      () => {
        if (live) setRows(null)
      },
    )
    return () => {
      live = false
    }
  }, [conn, key])
  if (rows === null) return null
  const byProvince = new Map(rows.map((r) => [r.province, r]))
  return (
    <section className="table-view language-needs" aria-labelledby="language-needs-title">
      <h2 id="language-needs-title">{t("languageNeeds")}</h2>
      <p className="note">{t("languageNeedsNote", { k })}</p>
      <table data-testid="language-needs">
        <tbody>
          {vocab.province.codes.map((p) => {
            const r = byProvince.get(p)
            const share = r ? languageShare(r, k) : null
            return (
              <tr
                key={p}
                data-pcode={p}
                data-cell={share === null ? (r && r.recorded > 0 ? "suppressed" : "no_data") : "value"}
              >
                <th scope="row">{labelOf("province", p, lang, p).text}</th>
                <td>
                  {share !== null
                    ? `${formatNumber(lang, share, 0)} %`
                    : r && r.recorded > 0
                      ? t("suppressed", { k })
                      : t("noData")}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
