/**
 * Record-linkage review (data managers): opens a review queue file, shows each probable match with
 * the agreement and weight of every field, records "same person" / "different persons", and gives
 * the decisions back as a file. The queue never comes from the published data: it holds partner
 * case ids, so it stays with whoever holds the warehouse.
 */
import { useState } from "react"
import { downloadBlob } from "../export/download.ts"
import type { Lang, T } from "../i18n/index.ts"
import { formatNumber } from "../lib/format.ts"
import {
  type Decision,
  decisionsFile,
  FIELD_LABEL,
  levelLabel,
  pairKey,
  parseQueue,
  type QueuePair,
  type QueueRecord,
} from "./review/queue.ts"
import "./review/review.css"

const RecordCell = ({ r }: { r: QueueRecord }) => (
  <td>
    <div>{r.id}</div>
    <small>{[r.year, r.province, r.sex].filter((x) => x !== null && x !== "").join(" · ")}</small>
  </td>
)

export function ReviewPage({ t, lang }: { readonly t: T; readonly lang: Lang }) {
  const [pairs, setPairs] = useState<ReadonlyArray<QueuePair> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [decided, setDecided] = useState<ReadonlyMap<string, Decision>>(new Map())

  const open = async (file: File | undefined) => {
    if (!file) return
    const parsed = parseQueue(await file.text())
    if ("error" in parsed) {
      setError(parsed.error)
      setPairs(null)
    } else {
      setError(null)
      setPairs(parsed.pairs)
      setDecided(new Map())
    }
  }
  const decide = (p: QueuePair, d: Decision) =>
    setDecided((m) => {
      const next = new Map(m)
      if (next.get(pairKey(p)) === d) next.delete(pairKey(p))
      else next.set(pairKey(p), d)
      return next
    })
  const download = () =>
    pairs &&
    downloadBlob(
      new Blob([`${JSON.stringify(decisionsFile(pairs, decided), null, 2)}\n`], { type: "application/json" }),
      "decisions.json",
    )

  return (
    <main className="page review" data-testid="review-page">
      <h2>{t("pageReview")}</h2>
      <p>{t("reviewIntro")}</p>
      <label className="review-open">
        {t("reviewOpen")}{" "}
        <input
          type="file"
          accept="application/json,.json"
          data-testid="review-file"
          onChange={(e) => void open(e.target.files?.[0])}
        />
      </label>
      {error && (
        <p role="alert" data-testid="review-error">
          {t("reviewBadFile", { reason: error })}
        </p>
      )}
      {pairs && pairs.length === 0 && <p data-testid="review-empty">{t("reviewEmpty")}</p>}
      {pairs && pairs.length > 0 && (
        <>
          <p data-testid="review-count">
            {t("reviewPairs", { n: formatNumber(lang, pairs.length), d: formatNumber(lang, decided.size) })}{" "}
            <button type="button" data-testid="review-download" onClick={download}>
              {t("reviewDownload")}
            </button>
          </p>
          <table className="review-table">
            <thead>
              <tr>
                <th>{t("reviewRecord")}</th>
                <th>{t("reviewRecord")}</th>
                <th>{t("reviewProbability")}</th>
                {pairs[0]!.fields.map((f) => (
                  <th key={f.field}>{t(FIELD_LABEL[f.field] ?? "reviewFieldGiven")}</th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {pairs.map((p) => {
                const d = decided.get(pairKey(p))
                return (
                  <tr key={pairKey(p)} data-pair={pairKey(p)} data-decision={d ?? ""}>
                    <RecordCell r={p.left} />
                    <RecordCell r={p.right} />
                    <td>{formatNumber(lang, Math.round(p.probability * 100))} %</td>
                    {p.fields.map((f) => (
                      <td
                        key={f.field}
                        data-field={f.field}
                        data-level={f.level}
                        className={f.weight >= 0 ? "agree" : "disagree"}
                      >
                        {t(levelLabel(f.field, f.level))}
                        <small>
                          {" "}
                          {f.weight >= 0 ? "+" : ""}
                          {f.weight.toFixed(1)}
                        </small>
                      </td>
                    ))}
                    <td className="review-actions">
                      <button
                        type="button"
                        data-action="confirm"
                        aria-pressed={d === "confirm"}
                        onClick={() => decide(p, "confirm")}
                      >
                        {t("reviewConfirm")}
                      </button>
                      <button
                        type="button"
                        data-action="reject"
                        aria-pressed={d === "reject"}
                        onClick={() => decide(p, "reject")}
                      >
                        {t("reviewReject")}
                      </button>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </>
      )}
    </main>
  )
}
