/**
 * Persons instead of cases: the trends page's table of persons and cases per year, and under the map
 * the persons by province and the referrals between provinces. Every number is a published cell.
 */
import { labelOf } from "../../data/reference.ts"
import type { Manifest } from "../../data/release.ts"
import type { PersonsCell, PersonsData } from "../../hooks/usePersons.ts"
import type { Lang, T } from "../../i18n/index.ts"
import { formatNumber } from "../../lib/format.ts"
import "./persons.css"

const show = (lang: Lang, t: T, k: number, n: number | null, suppressed: boolean) =>
  suppressed || n === null ? t("suppressed", { k }) : formatNumber(lang, n)

export function PersonsNote({ t, lang, manifest }: { t: T; lang: Lang; manifest: Manifest | null }) {
  const s = manifest?.linkage
  if (!s) return null
  return (
    <p className="note" data-testid="persons-note">
      {t("personsNote", {
        persons: formatNumber(lang, s.persons),
        cases: formatNumber(lang, s.cases),
        linked: formatNumber(lang, s.linkedCases),
      })}
    </p>
  )
}

const Row = ({
  label,
  cell,
  lang,
  t,
  k,
}: {
  label: string
  cell: PersonsCell
  lang: Lang
  t: T
  k: number
}) => (
  <tr data-suppressed={cell.suppressed ? "true" : "false"}>
    <th scope="row">{label}</th>
    <td data-col="persons">{show(lang, t, k, cell.persons, cell.suppressed)}</td>
    <td data-col="cases">{show(lang, t, k, cell.cases, cell.suppressed)}</td>
  </tr>
)

interface Props {
  readonly t: T
  readonly lang: Lang
  readonly k: number
  readonly data: PersonsData | null
  readonly manifest: Manifest | null
}

export function PersonsTrends({ t, lang, k, data, manifest }: Props) {
  return (
    <main className="page persons" data-testid="persons-trends">
      <h2>{t("personsTrendTitle")}</h2>
      <PersonsNote t={t} lang={lang} manifest={manifest} />
      {data && (
        <table data-testid="persons-years">
          <thead>
            <tr>
              <th scope="col">{t("personsYear")}</th>
              <th scope="col">{t("personsPersons")}</th>
              <th scope="col">{t("personsCases")}</th>
            </tr>
          </thead>
          <tbody>
            {data.years.map((y) => (
              <Row key={y.year} label={String(y.year)} cell={y} lang={lang} t={t} k={k} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  )
}

export function PersonsMapPanel({ t, lang, k, data, manifest }: Props) {
  const province = (code: string | null) => labelOf("province", code, lang, t("unknownOrigin")).text
  return (
    <section className="table-view persons" data-testid="persons-map-panel">
      <h2>{t("personsMapTitle")}</h2>
      <PersonsNote t={t} lang={lang} manifest={manifest} />
      {data && (
        <table data-testid="persons-provinces">
          <thead>
            <tr>
              <th scope="col">{t("personsProvince")}</th>
              <th scope="col">{t("personsPersons")}</th>
              <th scope="col">{t("personsCases")}</th>
            </tr>
          </thead>
          <tbody>
            {data.provinces.map((p) => (
              <Row
                key={p.province ?? "unknown"}
                label={province(p.province)}
                cell={p}
                lang={lang}
                t={t}
                k={k}
              />
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("referralsTitle")}</h2>
      <p>{t("referralsIntro")}</p>
      {data && data.referrals.length === 0 && <p data-testid="referrals-none">{t("referralsNone")}</p>}
      {data && data.referrals.length > 0 && (
        <table data-testid="referrals">
          <thead>
            <tr>
              <th scope="col">{t("referralsFrom")}</th>
              <th scope="col">{t("referralsTo")}</th>
              <th scope="col">{t("personsPersons")}</th>
            </tr>
          </thead>
          <tbody>
            {data.referrals.map((r) => (
              <tr key={`${r.from}-${r.to}`} data-from={r.from} data-to={r.to}>
                <td>{province(r.from)}</td>
                <td>{province(r.to)}</td>
                <td data-col="persons">{show(lang, t, k, r.n, r.suppressed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
