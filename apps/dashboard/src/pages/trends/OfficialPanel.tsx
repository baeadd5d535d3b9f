/**
 * Official statistics beside case data: for each GLOTIP measure the mapping calls comparable or
 * approximate, our yearly count next to UNODC's, the match and why they differ, the source named.
 */
import { glotipMappingSource, type ReferenceMeasure } from "@lao-protect/warehouse"
import { useRef } from "react"
import type { ExportContext } from "../../export/context.ts"
import type { CsvColumn } from "../../export/csv.ts"
import { ExportButtons } from "../../export/ExportButtons.tsx"
import type { Lang, MessageKey, T } from "../../i18n/index.ts"
import type { Cell } from "../../lib/suppress.ts"
import { mappingOf, type OfficialRow, officialNote, officialRows } from "./model.ts"
import type { OfficialData } from "./useTrendData.ts"

const SHOWN: ReadonlyArray<{ readonly measure: ReferenceMeasure; readonly label: MessageKey }> = [
  { measure: "victims_total", label: "refTotal" },
  { measure: "victims_female", label: "refFemale" },
  { measure: "victims_male", label: "refMale" },
  { measure: "victims_minor", label: "refMinor" },
  { measure: "victims_adult", label: "refAdult" },
  { measure: "victims_girls", label: "refGirls" },
  { measure: "victims_boys", label: "refBoys" },
  { measure: "victims_women", label: "refWomen" },
  { measure: "victims_men", label: "refMen" },
  { measure: "form_sexual_exploitation", label: "refSexual" },
  { measure: "form_forced_labour", label: "refForcedLabour" },
  { measure: "form_forced_marriage", label: "refForcedMarriage" },
  { measure: "form_begging", label: "refBegging" },
]

interface Row extends OfficialRow {
  readonly measure: ReferenceMeasure
  readonly label: string
  readonly match: string
  readonly note: string
}

export interface OfficialPanelProps {
  readonly t: T
  readonly lang: Lang
  readonly k: number
  readonly data: OfficialData
  readonly years: readonly [number, number]
  readonly cellText: (cell: Cell) => string
  readonly context: () => ExportContext
}

export const officialSourceText = (data: OfficialData): string => {
  const named = [...new Set(data.stats.map((s) => s.source).filter((s): s is string => !!s))]
  return `${glotipMappingSource.publisher}, ${glotipMappingSource.name}${named.length ? ` (${named.join(", ")})` : ""}`
}

export function OfficialPanel({ t, lang, k, data, years, cellText, context }: OfficialPanelProps) {
  const ref = useRef<HTMLElement | null>(null)
  const labelOf = new Map(SHOWN.map((s) => [s.measure, s.label]))
  const rows: Array<Row> = officialRows(
    data.stats,
    data.ours,
    SHOWN.map((s) => s.measure),
    years,
    k,
  ).map((r) => {
    const m = mappingOf(r.measure)!
    return {
      ...r,
      measure: r.measure as ReferenceMeasure,
      label: t(labelOf.get(r.measure as ReferenceMeasure)!),
      match: m.match === "comparable" ? t("matchComparable") : t("matchApproximate"),
      note: officialNote(m, lang),
    }
  })
  const statYears = rows.map((r) => r.year)
  const outside = rows.some((r) => !r.inOurYears)
  const columns: Array<CsvColumn<Row>> = [
    { header: t("officialMeasure"), value: (r) => r.label },
    { header: t("grainYear"), value: (r) => r.year },
    { header: t("officialOurs"), value: (r) => r.ours },
    { header: t("officialTheirs"), value: (r) => r.theirs },
    { header: t("officialMatch"), value: (r) => r.match },
    { header: t("officialNote"), value: (r) => r.note },
  ]
  return (
    <section className="trend-panel official" ref={ref} data-testid="official-panel">
      <header>
        <h3>{t("officialTitle")}</h3>
        <ExportButtons t={t} name="official" target={ref} context={context} csv={{ rows, columns }} />
      </header>
      <p className="note" data-testid="official-source">
        {t("officialSourceLine", { source: officialSourceText(data) })}
      </p>
      {outside && (
        <p className="note" data-testid="official-own-years">
          {t("officialOwnYears", {
            from: Math.min(...statYears),
            to: Math.max(...statYears),
            ourFrom: years[0],
            ourTo: years[1],
          })}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th>{t("officialMeasure")}</th>
            <th>{t("grainYear")}</th>
            <th>{t("officialOurs")}</th>
            <th>{t("officialTheirs")}</th>
            <th>{t("officialMatch")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={`${r.measure}-${r.year}`}
              data-measure={r.measure}
              data-year={r.year}
              data-in-our-years={r.inOurYears}
            >
              <th scope="row" title={r.note}>
                {r.label}
              </th>
              <td>{r.year}</td>
              <td data-cell={r.ours.kind}>{cellText(r.ours)}</td>
              <td data-cell={r.theirs.kind} data-official="1">
                {cellText(r.theirs)}
              </td>
              <td>{r.match}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="notes">
        {SHOWN.flatMap(({ measure, label }) => {
          const m = mappingOf(measure)
          return m && m.match !== "not_comparable" && rows.some((r) => r.measure === measure)
            ? [
                <li key={measure} className="note">
                  <strong>{t(label)}</strong> (
                  {m.match === "comparable" ? t("matchComparable") : t("matchApproximate")}):{" "}
                  <span lang={lang === "lo" && m.noteLo ? "lo" : "en"} data-testid="official-note">
                    {officialNote(m, lang)}
                  </span>
                </li>,
              ]
            : []
        })}
      </ul>
    </section>
  )
}
