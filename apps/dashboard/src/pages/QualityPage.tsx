/**
 * Data quality (planners tier, behind its token): per partner and import, rows read, accepted,
 * rejected by reason, duplicates, warnings and the days from identification to import; the
 * completeness of every field per year of identification and the fields most often missing. All
 * from the release's `quality_*` tables; counts publish hid below the threshold show as suppressed.
 */
import { useEffect, useState } from "react"
import { formatNumber } from "../lib/format.ts"
import { reportFailure } from "../lib/report.ts"
import { type CompletenessRow, hasQuality, type Quality, readQuality } from "./quality/queries.ts"
import type { PageProps } from "./TrendsPage.tsx"
import "./quality/quality.css"

export function QualityPage({ engine, state, t }: Pick<PageProps, "engine" | "state" | "t">) {
  const { lang } = state
  const [partner, setPartner] = useState<string | null>(null)
  const [quality, setQuality] = useState<Quality | null>(null)
  const available = hasQuality(engine.manifest?.tables)
  const k = engine.manifest?.threshold ?? 10
  useEffect(() => {
    const conn = engine.conn
    if (!conn || !available) return
    let cancelled = false
    readQuality(conn, partner).then(
      (q) => !cancelled && setQuality(q),
      reportFailure("reading the data-quality tables"),
    )
    return () => {
      cancelled = true
    }
  }, [engine.conn, available, partner])

  const count = (n: number | null) => (n === null ? t("suppressed", { k }) : formatNumber(lang, n))
  const percent = (share: number) => `${formatNumber(lang, Math.round(share * 100))}%`

  if (!available && engine.manifest === null && engine.status === "loading")
    return (
      <main className="page quality" data-testid="page-quality" data-quality="pending" aria-busy="true">
        <h2>{t("pageQuality")}</h2>
        <p>{t("pageLoading")}</p>
      </main>
    )
  if (!available)
    return (
      <main className="page quality" data-testid="page-quality" data-quality="absent">
        <h2>{t("pageQuality")}</h2>
        <p data-testid="quality-none">{t("qualityNone")}</p>
      </main>
    )

  const partners = quality ? [...new Set(quality.completeness.map((c) => c.source))] : []
  return (
    <main className="page quality" data-testid="page-quality" data-quality={quality ? "ready" : "pending"}>
      <h2>{t("pageQuality")}</h2>
      <p>{t("qualityIntro", { k })}</p>
      <label className="quality-partner">
        {t("qualityPartner")}{" "}
        <select
          data-testid="quality-partner"
          value={partner ?? ""}
          onChange={(e) => setPartner(e.target.value === "" ? null : e.target.value)}
        >
          <option value="">{t("qualityAll")}</option>
          {(quality?.partners ?? []).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {quality && (
        <>
          <section aria-labelledby="quality-imports">
            <h3 id="quality-imports">{t("qualityImportsTitle")}</h3>
            <div className="table-scroll">
              <table data-testid="quality-imports">
                <thead>
                  <tr>
                    <th scope="col">{t("qualityPartner")}</th>
                    <th scope="col">{t("qualityMonth")}</th>
                    <th scope="col">{t("qualityRowsRead")}</th>
                    <th scope="col">{t("qualityAccepted")}</th>
                    <th scope="col">{t("qualityRejected")}</th>
                    <th scope="col">{t("qualityDuplicates")}</th>
                    <th scope="col">{t("qualityUpdated")}</th>
                    <th scope="col">{t("qualityWarnings")}</th>
                    <th scope="col">{t("qualityLag")}</th>
                  </tr>
                </thead>
                <tbody>
                  {quality.imports.map((r) => (
                    <tr key={r.import_id} data-import={r.import_id}>
                      <th scope="row">{r.source}</th>
                      <td>{r.imported}</td>
                      <td data-field="rows_read">{count(r.rows_read)}</td>
                      <td data-field="accepted">{count(r.accepted)}</td>
                      <td data-field="rejected">{count(r.rejected)}</td>
                      <td data-field="duplicates">{count(r.duplicates)}</td>
                      <td data-field="updated">{count(r.updated)}</td>
                      <td data-field="warnings">{count(r.warnings)}</td>
                      <td data-field="lag_days">
                        {r.lag_days === null ? t("suppressed", { k }) : formatNumber(lang, r.lag_days)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="quality-reasons">
            <h3 id="quality-reasons">{t("qualityReasonsTitle")}</h3>
            {quality.reasons.length === 0 ? (
              <p>{t("qualityNoReasons")}</p>
            ) : (
              <div className="table-scroll">
                <table data-testid="quality-reasons">
                  <thead>
                    <tr>
                      <th scope="col">{t("qualityPartner")}</th>
                      <th scope="col">{t("qualityMonth")}</th>
                      <th scope="col">{t("qualityKind")}</th>
                      <th scope="col">{t("qualityColumn")}</th>
                      <th scope="col">{t("qualityReason")}</th>
                      <th scope="col">{t("qualityRows")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {quality.reasons.map((r) => (
                      <tr
                        key={`${r.import_id}|${r.kind}|${r.column}|${r.reason}`}
                        data-kind={r.kind}
                        data-column={r.column}
                      >
                        <th scope="row">{r.source}</th>
                        <td>{r.imported}</td>
                        <td>{r.kind === "warning" ? t("qualityKindWarning") : t("qualityKindRejected")}</td>
                        <td>{r.column}</td>
                        <td lang="en">{r.reason}</td>
                        <td data-field="rows">{count(r.rows)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="quality-missing">
            <h3 id="quality-missing">{t("qualityMissingTitle")}</h3>
            <ul data-testid="quality-missing">
              {quality.missing.map((m) => (
                <li key={`${m.source}|${m.column}`} data-source={m.source} data-column={m.column}>
                  <strong>{m.source}</strong> {m.column}:{" "}
                  {t("qualityMissingShare", { share: percent(m.missing) })}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="quality-completeness">
            <h3 id="quality-completeness">{t("qualityCompletenessTitle")}</h3>
            {partners.map((p) => (
              <CompletenessTable
                key={p}
                partner={p}
                rows={quality.completeness.filter((c) => c.source === p)}
                title={t("qualityCompletenessOf", { partner: p })}
                yearLabel={t("qualityYear")}
                columnLabel={t("qualityColumn")}
                cell={(c) =>
                  c.suppressed || c.cases === null || c.filled === null
                    ? t("suppressed", { k })
                    : percent(c.cases === 0 ? 0 : c.filled / c.cases)
                }
              />
            ))}
          </section>
        </>
      )}
    </main>
  )
}

function CompletenessTable({
  partner,
  rows,
  title,
  yearLabel,
  columnLabel,
  cell,
}: {
  readonly partner: string
  readonly rows: ReadonlyArray<CompletenessRow>
  readonly title: string
  readonly yearLabel: string
  readonly columnLabel: string
  readonly cell: (c: CompletenessRow) => string
}) {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (a ?? 0) - (b ?? 0))
  const columns = [...new Set(rows.map((r) => r.column))]
  const at = new Map(rows.map((r) => [`${r.column}|${r.year}`, r]))
  return (
    <div className="table-scroll">
      <table data-testid="quality-completeness" data-source={partner}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{columnLabel}</th>
            {years.map((y) => (
              <th key={String(y)} scope="col" title={yearLabel}>
                {y ?? "?"}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c} data-column={c}>
              <th scope="row">{c}</th>
              {years.map((y) => {
                const r = at.get(`${c}|${y}`)
                return (
                  <td
                    key={String(y)}
                    data-year={y ?? ""}
                    data-filled={r?.filled ?? ""}
                    data-cases={r?.cases ?? ""}
                  >
                    {r ? cell(r) : ""}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
