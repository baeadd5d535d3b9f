/**
 * A border checkpoint's profile (issue 21): its type and counterpart across the border, and its cases
 * under the shared filters by year and direction (outward, return), origin province, destination,
 * victim group, ethnic group, sex and age band; and the ranking of every checkpoint by cases, each row opening its profile. Every
 * number goes through the one suppression rule; suppressed checkpoints are ranked last, by name, so
 * their order reveals nothing.
 */
import { Place } from "@lao-protect/domain"
import type { Connector } from "@lao-protect/warehouse"
import { type BorderPointCount, type CheckpointProfileRow, checkpointProfile } from "@lao-protect/warehouse"
import { useEffect, useState } from "react"
import { labelOf } from "../data/reference.ts"
import type { Lang, T } from "../i18n/index.ts"
import { formatNumber } from "../lib/format.ts"
import { reportFailure } from "../lib/report.ts"
import { type AppState, filtersOf } from "../lib/state.ts"
import { type Cell, suppress } from "../lib/suppress.ts"
import { compareTrends, type WindowTrend, windowTrend } from "../lib/trend.ts"
import { BreakdownChart } from "./BreakdownChart.tsx"

const checkpointInfo = new Map(Place.checkpoints.map((c) => [c.id as string, c]))

export interface CheckpointProfileProps {
  readonly conn: Connector | null
  readonly state: AppState
  readonly t: T
  readonly lang: Lang
  readonly k: number
  readonly cellText: (cell: Cell) => string
  readonly onClose: () => void
  /** The years the return trend reads (the filter's within the release's). */
  readonly span?: readonly [number, number] | null
}

/** A trend as text: its call, and the ratio of yearly rates when a change is called. */
export const trendText = (t: T, lang: Lang, trend: WindowTrend | undefined): string => {
  if (!trend || trend.call === "too_few") return t("trendTooFew")
  if (trend.call === "steady") return t("trendSteady")
  const ratio =
    trend.ratio === null || !Number.isFinite(trend.ratio)
      ? t("trendNew")
      : `\u00d7${formatNumber(lang, trend.ratio, 1)}`
  return `${t(trend.call === "rising" ? "trendRising" : "trendFalling")} (${ratio})`
}

const windowText = (w: readonly [number, number] | null) =>
  w === null ? "\u2013" : w[0] === w[1] ? String(w[0]) : `${w[0]}\u2013${w[1]}`

export function CheckpointProfile({
  conn,
  state,
  t,
  lang,
  k,
  cellText,
  onClose,
  span = null,
}: CheckpointProfileProps) {
  const id = state.checkpoint
  const [rows, setRows] = useState<ReadonlyArray<CheckpointProfileRow> | null>(null)
  const filters = filtersOf(state)
  const key = JSON.stringify([id, filters])
  useEffect(() => {
    if (!conn || id === null) return
    let live = true
    setRows(null)
    checkpointProfile(conn, filters, id).then((r) => {
      if (live) setRows(r)
    }, reportFailure("loading the checkpoint profile"))
    return () => {
      live = false
    }
  }, [conn, key])
  if (id === null) return null
  const info = checkpointInfo.get(id)
  const name = labelOf("borderPoint", id, lang, id).text
  const of = (dimension: CheckpointProfileRow["dimension"]) =>
    (rows ?? []).filter((r) => r.dimension === dimension)
  const total = of("total")[0]?.n ?? 0
  const items = (
    dimension: "province" | "destination" | "victim_group" | "ethnic_group" | "sex" | "age_band",
  ) => {
    const vocabName = (
      {
        province: "province",
        destination: "destination",
        victim_group: "victimGroup",
        ethnic_group: "ethnicGroup",
        sex: "sex",
        age_band: "ageBand",
      } as const
    )[dimension]
    return of(dimension)
      .sort((a, b) => b.n - a.n)
      .map((r) => ({
        code: r.code ?? "unknown",
        label: labelOf(vocabName, r.code, lang, t("unknown")).text,
        cell: suppress(r.n, k),
      }))
  }
  const years = of("year")
    .map((r) => {
      const [year, direction] = (r.code ?? "").split("|")
      return {
        code: r.code ?? "",
        label: `${year} ${direction === "return" ? t("returning") : t("outward")}`,
        cell: suppress(r.n, k),
      }
    })
    .sort((a, b) => a.code.localeCompare(b.code))
  const returnRows = of("year").filter((r) => r.code?.endsWith("|return"))
  const returnsByYear = new Map(returnRows.map((r) => [Number((r.code ?? "").split("|")[0]), r.n]))
  const returnTrend = span ? windowTrend(returnsByYear, span[0], span[1], k) : undefined
  const returnYears = span
    ? Array.from({ length: span[1] - span[0] + 1 }, (_, i) => span[0] + i)
    : [...returnsByYear.keys()].sort()
  return (
    <section className="panel" data-testid="checkpoint-profile" data-checkpoint={id} aria-live="polite">
      <header>
        <h2>
          {t("checkpointProfile")}: {name}
        </h2>
        <button type="button" data-testid="checkpoint-close" onClick={onClose}>
          {t("close")}
        </button>
      </header>
      <dl>
        <dt>{t("checkpointKind")}</dt>
        <dd data-testid="checkpoint-kind">{info?.kind ?? t("unknown")}</dd>
        <dt>{t("counterpart")}</dt>
        <dd data-testid="checkpoint-counterpart">{info?.counterpart ?? t("none")}</dd>
        <dt>{t("cases")}</dt>
        <dd data-testid="checkpoint-total">{rows === null ? "…" : cellText(suppress(total, k))}</dd>
      </dl>
      {rows !== null && (
        <>
          <BreakdownChart title={t("byYearDirection")} testId="cp-years" items={years} cellText={cellText} />
          <BreakdownChart
            title={t("returnsByYear")}
            testId="cp-returns"
            items={returnYears.map((y) => ({
              code: String(y),
              label: String(y),
              cell: suppress(returnsByYear.get(y) ?? 0, k),
            }))}
            cellText={cellText}
          />
          <p className="note" data-testid="cp-return-trend" data-trend={returnTrend?.call ?? "too_few"}>
            {t("returnTrend")}: {trendText(t, lang, returnTrend)}
            {returnTrend
              ? ` \u00b7 ${t("trendNote", { recent: windowText(returnTrend.recentYears), previous: windowText(returnTrend.previousYears) })}`
              : ""}
          </p>
          <BreakdownChart
            title={t("originProvinces")}
            testId="cp-provinces"
            items={items("province")}
            cellText={cellText}
          />
          <BreakdownChart
            title={t("topDestinations")}
            testId="cp-destinations"
            items={items("destination")}
            cellText={cellText}
          />
          <BreakdownChart
            title={t("victimGroups")}
            testId="cp-victim-groups"
            items={items("victim_group")}
            cellText={cellText}
          />
          <BreakdownChart
            title={t("ethnicGroups")}
            testId="cp-ethnic-groups"
            items={items("ethnic_group")}
            cellText={cellText}
          />
          <BreakdownChart title={t("sex")} testId="cp-sex" items={items("sex")} cellText={cellText} />
          <BreakdownChart
            title={t("ageBand")}
            testId="cp-age"
            items={items("age_band")}
            cellText={cellText}
          />
        </>
      )}
    </section>
  )
}

export interface CheckpointRankingProps {
  readonly counts: ReadonlyArray<BorderPointCount>
  readonly selected: string | null
  readonly t: T
  readonly lang: Lang
  readonly k: number
  readonly cellText: (cell: Cell) => string
  readonly onSelect: (id: string) => void
  /** Each checkpoint's trend (last three years against the three before); null while loading. */
  readonly trends?: ReadonlyMap<string, WindowTrend> | null
}

export function CheckpointRanking({
  counts,
  selected,
  t,
  lang,
  k,
  cellText,
  onSelect,
  trends = null,
}: CheckpointRankingProps) {
  const [by, setBy] = useState<"cases" | "trend">("cases")
  const tooFew: WindowTrend = {
    call: "too_few",
    recent: 0,
    previous: 0,
    recentYears: [0, 0],
    previousYears: null,
    ratio: null,
  }
  const trendOf = (id: string) => trends?.get(id) ?? tooFew
  const rows = counts
    .map((c) => ({
      id: c.border_point,
      cell: suppress(c.n, k),
      name: labelOf("borderPoint", c.border_point, lang, c.border_point).text,
    }))
    .sort((a, b) => {
      const an = a.cell.kind === "value" ? a.cell.n : -1
      const bn = b.cell.kind === "value" ? b.cell.n : -1
      if (by === "trend") return compareTrends(trendOf(a.id), trendOf(b.id)) || a.name.localeCompare(b.name)
      return bn - an || a.name.localeCompare(b.name)
    })
  const sample = [...(trends?.values() ?? [])][0]
  const ranked = (r: (typeof rows)[number]) =>
    by === "cases" ? r.cell.kind === "value" : trendOf(r.id).call !== "too_few"
  return (
    <section className="checkpoint-ranking" aria-labelledby="checkpoint-ranking-title">
      <h2 id="checkpoint-ranking-title">{t("checkpointRanking")}</h2>
      <label>
        {t("rankBy")}{" "}
        <select
          data-control="checkpoint-rank"
          value={by}
          onChange={(e) => setBy(e.target.value as "cases" | "trend")}
        >
          <option value="cases">{t("rankByCases")}</option>
          <option value="trend">{t("rankByTrend")}</option>
        </select>
      </label>
      {sample && (
        <p className="note" data-testid="checkpoint-trend-note">
          {t("trendNote", {
            recent: windowText(sample.recentYears),
            previous: windowText(sample.previousYears),
          })}
        </p>
      )}
      <table data-testid="checkpoint-ranking" data-rank-by={by}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("borderPoint")}</th>
            <th scope="col">{t("trend")}</th>
            <th scope="col">{t("measureCases")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr
              key={r.id}
              data-checkpoint={r.id}
              data-cell={r.cell.kind}
              data-trend={trends ? trendOf(r.id).call : "pending"}
            >
              <td>{ranked(r) ? i + 1 : ""}</td>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  aria-pressed={selected === r.id}
                  onClick={() => onSelect(r.id)}
                >
                  {r.name}
                </button>
              </th>
              <td data-testid="checkpoint-trend">{trends ? trendText(t, lang, trendOf(r.id)) : "\u2026"}</td>
              <td>{cellText(r.cell)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
