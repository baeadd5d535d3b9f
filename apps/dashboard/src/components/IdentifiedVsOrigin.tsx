/**
 * Where victims are identified against where they come from (issue 21): per province, the cases
 * identified there and the cases originating there, the ratio and the difference, sorted so that
 * the provinces many victims come from but few are identified in come first; exported as CSV with
 * both counts. Every count goes through the one rule (`IdentifiedOriginCells`); a ratio or
 * difference is shown only when both of its counts are.
 */
import { labelOf } from "../data/reference.ts"
import type { Manifest } from "../data/release.ts"
import { CsvButtons } from "../export/CsvButtons.tsx"
import { buildExportContext } from "../export/context.ts"
import { downloadCsv } from "../export/download.ts"
import type { Lang, T } from "../i18n/index.ts"
import { formatNumber } from "../lib/format.ts"
import type { IdentifiedOriginCells } from "../lib/measures.ts"
import type { AppState } from "../lib/state.ts"
import type { Cell } from "../lib/suppress.ts"

export interface IdentifiedVsOriginProps {
  readonly cells: ReadonlyMap<string, IdentifiedOriginCells>
  readonly codes: ReadonlyArray<string>
  readonly state: AppState
  readonly manifest: Manifest | null
  readonly t: T
  readonly lang: Lang
  readonly k: number
  readonly cellText: (cell: Cell) => string
  readonly notes: ReadonlyArray<string>
}

const NONE: IdentifiedOriginCells = { identified: { kind: "no_data" }, origin: { kind: "no_data" } }
const nOf = (c: Cell): number => (c.kind === "value" ? c.n : 0)

/** Both counts shown (a zero side, "no data", counts as 0): the gap and the ratio can be read. */
const comparable = (c: IdentifiedOriginCells) =>
  c.identified.kind !== "suppressed" && c.origin.kind !== "suppressed"

export const gapOf = (c: IdentifiedOriginCells): number | null =>
  comparable(c) ? nOf(c.origin) - nOf(c.identified) : null
export const ratioOf = (c: IdentifiedOriginCells): number | null =>
  comparable(c) && nOf(c.origin) > 0 ? nOf(c.identified) / nOf(c.origin) : null

/** Largest gap first; provinces whose gap is hidden last, by code. */
export const byGap = (codes: ReadonlyArray<string>, cells: ReadonlyMap<string, IdentifiedOriginCells>) =>
  [...codes].sort((a, b) => {
    const ga = gapOf(cells.get(a) ?? NONE)
    const gb = gapOf(cells.get(b) ?? NONE)
    if (ga === null || gb === null) return ga === gb ? a.localeCompare(b) : ga === null ? 1 : -1
    return gb - ga || a.localeCompare(b)
  })

export function IdentifiedVsOrigin({
  cells,
  codes,
  state,
  manifest,
  t,
  lang,
  k,
  cellText,
  notes,
}: IdentifiedVsOriginProps) {
  const title = t("identifiedVsOriginTitle")
  const rows = byGap(codes, cells)
  const name = (code: string) => labelOf("province", code, lang, code).text
  const of = (code: string) => cells.get(code) ?? NONE
  const context = () => buildExportContext({ t, state, manifest, k, title, notes })
  const exportCsv = (exact: boolean) =>
    downloadCsv(
      rows,
      [
        { header: t("province"), value: (c: string) => c },
        { header: t("areaName"), value: (c: string) => name(c) },
        { header: t("identifiedHereCol"), value: (c: string) => of(c).identified },
        { header: t("originHereCol"), value: (c: string) => of(c).origin },
        {
          header: t("gapCol"),
          value: (c: string) => gapOf(of(c)) ?? "",
          countsOf: (c: string) => [of(c).identified, of(c).origin],
        },
        {
          header: t("ratioCol"),
          value: (c: string) => {
            const r = ratioOf(of(c))
            return r === null ? "" : Math.round(r * 100) / 100
          },
          countsOf: (c: string) => [of(c).identified, of(c).origin],
        },
      ],
      context(),
      { exact },
    )
  return (
    <section className="table-view identified-origin" aria-labelledby="identified-origin-title">
      <h2 id="identified-origin-title">{title}</h2>
      <CsvButtons
        t={t}
        name="identified-origin-csv"
        exactOffered={context().publicRule !== undefined}
        onExport={exportCsv}
      />
      {notes.map((n) => (
        <p key={n} className="note">
          {n}
        </p>
      ))}
      <table data-testid="identified-origin-table">
        <thead>
          <tr>
            <th scope="col">{t("province")}</th>
            <th scope="col">{t("identifiedHereCol")}</th>
            <th scope="col">{t("originHereCol")}</th>
            <th scope="col">{t("gapCol")}</th>
            <th scope="col">{t("ratioCol")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((code) => {
            const c = of(code)
            const gap = gapOf(c)
            const ratio = ratioOf(c)
            return (
              <tr key={code} data-pcode={code}>
                <th scope="row">{name(code)}</th>
                <td data-col="identified">{cellText(c.identified)}</td>
                <td data-col="origin">{cellText(c.origin)}</td>
                <td data-col="gap">{gap === null ? "" : formatNumber(lang, gap, 0)}</td>
                <td data-col="ratio">{ratio === null ? "" : formatNumber(lang, ratio, 2)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
