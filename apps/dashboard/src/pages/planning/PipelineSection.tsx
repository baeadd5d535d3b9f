/**
 * The protection pipeline from the published planning tables: the funnel by stage and province of
 * origin with exits, median and p90 days in each stage, and red flags by province, each citing its
 * legal basis with the domain's titles in the chosen language. Suppressed cells read as such; no
 * national totals are added (they would let a reader recompute suppressed provinces).
 */
import { LegalBasis } from "@lao-protect/domain"
import { Pipeline } from "@lao-protect/planning"
import { useRef, useState } from "react"
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { labelOf } from "../../data/reference.ts"
import { ExportButtons } from "../../export/ExportButtons.tsx"
import type { ExportContext } from "../../export/index.ts"
import type { Lang, MessageKey } from "../../i18n/index.ts"
import { formatNumber } from "../../lib/format.ts"
import type { Cell } from "../../lib/suppress.ts"
import { suppress } from "../../lib/suppress.ts"
import type { PageProps } from "../TrendsPage.tsx"
import { provinceName } from "./CpnSection.tsx"
import type { DurationCell, FlagCell, FunnelCell } from "./queries.ts"

export interface PipelineSectionProps extends PageProps {
  readonly funnel: ReadonlyArray<FunnelCell> | null | undefined
  readonly durations: ReadonlyArray<DurationCell> | null | undefined
  readonly flags: ReadonlyArray<FlagCell> | null | undefined
  readonly exportContext: (title: string, notes: ReadonlyArray<string>) => ExportContext
}

export const FLAG_LABEL: { readonly [F in Pipeline.FlagKind]: MessageKey } = {
  child_returned_without_bid: "planFlagChildNoBid",
  age_disputed: "planFlagAgeDisputed",
  no_follow_up: "planFlagNoFollowUp",
  repeat_victim: "planFlagRepeat",
}
const FLAG_EXPLAIN: { readonly [F in Pipeline.FlagKind]: MessageKey } = {
  child_returned_without_bid: "planFlagChildNoBidExplain",
  age_disputed: "planFlagAgeDisputedExplain",
  no_follow_up: "planFlagNoFollowUpExplain",
  repeat_victim: "planFlagRepeatExplain",
}

/** The article's label in the language (domain LegalBasis), marked when the Lao title needs review. */
export const legalBasisText = (id: string, lang: Lang): { text: string; needsReview: boolean } => {
  const label = (
    LegalBasis.legalBasisLabels as Readonly<
      Record<string, { en: string; lo: string; loNeedsReview?: boolean }>
    >
  )[id]
  if (!label) return { text: id, needsReview: false }
  if (lang === "en") return { text: label.en, needsReview: false }
  return label.lo.trim() === ""
    ? { text: `${label.en} *`, needsReview: true }
    : { text: label.lo, needsReview: label.loNeedsReview === true }
}

/**
 * A published cell: flagged ones were suppressed by publish at the publication's threshold `tableK`
 * (also in the planners tier, whose screen rule `k` hides nothing), the rest go through the screen rule.
 */
const cellOf = (n: number | null, suppressed: boolean, k: number, tableK: number): Cell =>
  suppressed ? { kind: "suppressed", k: tableK } : suppress(n, k)

const stageText = (step: string, lang: Lang, unknown: string) => labelOf("stage", step, lang, unknown).text

const Missing = ({ text, id }: { text: string; id: string }) => (
  <p className="plan-missing" data-testid={`${id}-missing`}>
    {text}
  </p>
)

export function PipelineSection(props: PipelineSectionProps) {
  const { state, t, k, cellText, funnel, durations, flags } = props
  const { lang } = state
  const chartRef = useRef<HTMLDivElement | null>(null)
  // null = not chosen yet; "" = the cases of unknown province of origin
  const [chartProvince, setChartProvince] = useState<string | null>(null)
  const unknown = t("unknown")
  const tableK = props.engine.manifest?.threshold ?? k
  // pipeline counts overlap the province totals: publish writes them in the planners tier only
  const missing = t(props.engine.status === "summary_only" ? "planPlannersOnly" : "planNotInRelease")

  const funnelProvinces = [...new Set((funnel ?? []).map((r) => r.province))].sort((a, b) =>
    (a ?? "~").localeCompare(b ?? "~"),
  )
  const exits = [...new Set((funnel ?? []).filter((r) => r.kind === "exit").map((r) => r.step))].sort()
  const steps: ReadonlyArray<string> = [...Pipeline.funnelStages, ...exits]
  const funnelCell = new Map((funnel ?? []).map((r) => [`${r.province ?? ""}|${r.step}`, r]))
  const chosen = chartProvince ?? funnelProvinces.find((p) => p !== null) ?? ""
  const chartData = Pipeline.funnelStages.flatMap((s) => {
    const r = funnelCell.get(`${chosen}|${s}`)
    const cell = r ? cellOf(r.n, r.suppressed, k, tableK) : ({ kind: "no_data" } as const)
    return cell.kind === "value" ? [{ label: stageText(s, lang, unknown), n: cell.n }] : []
  })

  const durationStages = [...new Set((durations ?? []).map((r) => r.stage))]
  const national = (durations ?? []).filter((r) => r.scope === "national")
  const provinceDurations = (durations ?? []).filter((r) => r.scope === "province")
  const durationProvinces = [...new Set(provinceDurations.map((r) => r.province))].sort((a, b) =>
    (a ?? "~").localeCompare(b ?? "~"),
  )
  const durationCell = new Map(provinceDurations.map((r) => [`${r.province ?? ""}|${r.stage}`, r]))
  const days = (r: DurationCell | undefined) =>
    r === undefined
      ? t("noData")
      : r.suppressed || r.median_days === null || r.p90_days === null
        ? cellText({ kind: "suppressed", k: tableK })
        : t("planDays", {
            median: formatNumber(lang, r.median_days, 0),
            p90: formatNumber(lang, r.p90_days, 0),
          })

  return (
    <section className="plan-section" id="plan-pipeline" data-testid="plan-pipeline">
      <h3>{t("planPipelineTitle")}</h3>
      <p className="note">{t("planPublishedOnly")}</p>

      <h4>{t("planFunnelTitle")}</h4>
      {funnel === undefined ? (
        <p className="note">{t("planLoading")}</p>
      ) : funnel === null ? (
        <Missing text={missing} id="funnel" />
      ) : (
        <>
          <label>
            {t("province")}{" "}
            <select
              value={chosen}
              onChange={(e) => setChartProvince(e.target.value)}
              data-testid="funnel-province"
            >
              {funnelProvinces.map((p) => (
                <option key={p ?? ""} value={p ?? ""}>
                  {provinceName(p, lang, unknown)}
                </option>
              ))}
            </select>
          </label>
          {chartData.length === 0 && (
            <p className="note" data-testid="funnel-chart-empty">
              {t("planFunnelChartEmpty", { p: provinceName(chosen || null, lang, unknown), k: tableK })}
            </p>
          )}
          {chartData.length > 0 && (
            <div className="plan-chart" data-testid="funnel-chart" ref={chartRef}>
              <ExportButtons
                t={t}
                name="funnel"
                target={chartRef}
                context={() =>
                  props.exportContext(t("planFunnelTitle"), [
                    provinceName(chosen || null, lang, unknown),
                    t("planPublishedOnly"),
                  ])
                }
                csv={{
                  rows: funnel,
                  columns: [
                    { header: "province", value: (r: FunnelCell) => r.province ?? "" },
                    { header: "kind", value: (r: FunnelCell) => r.kind },
                    { header: "step", value: (r: FunnelCell) => r.step },
                    { header: "step_label", value: (r: FunnelCell) => stageText(r.step, lang, unknown) },
                    { header: "cases", value: (r: FunnelCell) => cellOf(r.n, r.suppressed, k, tableK) },
                  ],
                }}
              />
              <ResponsiveContainer width="100%" height={30 * chartData.length + 20}>
                <BarChart
                  data={chartData}
                  layout="vertical"
                  margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
                >
                  <XAxis type="number" hide />
                  <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 11 }} />
                  <Tooltip />
                  <Bar dataKey="n" fill="#2166ac" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
          <div className="plan-scroll">
            <table data-testid="funnel">
              <thead>
                <tr>
                  <th>{t("province")}</th>
                  {steps.map((s) => (
                    <th key={s} className={exits.includes(s) ? "plan-exit" : ""}>
                      {stageText(s, lang, unknown)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {funnelProvinces.map((p) => (
                  <tr key={p ?? ""} data-province={p ?? ""}>
                    <th scope="row">{provinceName(p, lang, unknown)}</th>
                    {steps.map((s) => {
                      const r = funnelCell.get(`${p ?? ""}|${s}`)
                      const cell = r ? cellOf(r.n, r.suppressed, k, tableK) : ({ kind: "no_data" } as const)
                      return (
                        <td key={s} data-step={s} data-cell={cell.kind}>
                          {cellText(cell)}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h4>{t("planDurationsTitle")}</h4>
      {durations === undefined ? (
        <p className="note">{t("planLoading")}</p>
      ) : durations === null ? (
        <Missing text={missing} id="durations" />
      ) : (
        <>
          <p className="note">{t("planDurationsNote")}</p>
          <div className="plan-scroll">
            <table data-testid="durations">
              <thead>
                <tr>
                  <th>{t("province")}</th>
                  {durationStages.map((s) => (
                    <th key={s}>{stageText(s, lang, unknown)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr data-province="national" className="plan-total">
                  <th scope="row">{t("planNational")}</th>
                  {durationStages.map((s) => (
                    <td key={s} data-stage={s}>
                      {days(national.find((r) => r.stage === s))}
                    </td>
                  ))}
                </tr>
                {durationProvinces.map((p) => (
                  <tr key={p ?? ""} data-province={p ?? ""}>
                    <th scope="row">{provinceName(p, lang, unknown)}</th>
                    {durationStages.map((s) => (
                      <td key={s} data-stage={s}>
                        {days(durationCell.get(`${p ?? ""}|${s}`))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h4>{t("planFlagsTitle")}</h4>
      {flags === undefined ? (
        <p className="note">{t("planLoading")}</p>
      ) : flags === null ? (
        <Missing text={missing} id="flags" />
      ) : (
        <div className="plan-flags-list" data-testid="red-flags">
          {Pipeline.flagKinds.map((flag) => {
            const rows = flags.filter((r) => r.flag === flag)
            const ids = rows[0]?.legal_basis.split(";").filter((x) => x !== "") ?? [
              ...Pipeline.flagLegalBasis[flag],
            ]
            return (
              <article key={flag} className="plan-flag" data-flag={flag}>
                <h5>{t(FLAG_LABEL[flag])}</h5>
                <p className="note">{t(FLAG_EXPLAIN[flag])}</p>
                <p>
                  <strong>{t("planLegalBasis")}:</strong>
                </p>
                <ul className="plan-legal">
                  {ids.map((id) => {
                    const l = legalBasisText(id, lang)
                    return (
                      <li key={id} data-legal-basis={id} data-needs-review={l.needsReview}>
                        {l.text}
                      </li>
                    )
                  })}
                </ul>
                {rows.length === 0 ? (
                  <p className="note">{t("noData")}</p>
                ) : (
                  <table>
                    <tbody>
                      {rows.map((r) => {
                        const cell = cellOf(r.n, r.suppressed, k, tableK)
                        return (
                          <tr key={r.province ?? ""} data-province={r.province ?? ""} data-cell={cell.kind}>
                            <th scope="row">{provinceName(r.province, lang, unknown)}</th>
                            <td>{cellText(cell)}</td>
                          </tr>
                        )
                      })}
                    </tbody>
                  </table>
                )}
              </article>
            )
          })}
        </div>
      )}
    </section>
  )
}
