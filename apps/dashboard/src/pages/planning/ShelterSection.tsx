/**
 * Shelter and resources: published bed-night demand by province and month (a heatmap, so the season
 * shows), capacity from the shelters input, the shortfall under a scenario (Thai push-backs on
 * deported Lao, a one-off raid) applied with BedNights.applyScenario and explained, and the
 * services budget (ServiceDemand) with editable unit costs, in USD or LAK, exportable to CSV.
 */
import { Service } from "@lao-protect/domain"
import { BedNights, ServiceDemand, Shelters } from "@lao-protect/planning"
import { Fragment, useEffect, useMemo, useRef, useState } from "react"
import { ExportButtons } from "../../export/ExportButtons.tsx"
import { type CsvColumn, downloadCsv, type ExportContext } from "../../export/index.ts"
import type { Lang } from "../../i18n/index.ts"
import { formatNumber } from "../../lib/format.ts"
import { filtersOf } from "../../lib/state.ts"
import type { PageProps } from "../TrendsPage.tsx"
import { provinceName } from "./CpnSection.tsx"
import { InputBox } from "./common.tsx"
import type { Loaded } from "./inputs.ts"
import {
  type BedNightCell,
  caseBaseCell,
  caseMixPerYear,
  type GroupMix,
  heatmap,
  type MixRow,
  scoreWindows,
  splitByGroupMix,
  windowOfMonths,
} from "./model.ts"
import { caseMix, groupMix } from "./queries.ts"

export interface ShelterSectionProps extends PageProps {
  /** undefined while loading; null when the release does not carry the table. */
  readonly bedNights: ReadonlyArray<BedNightCell> | null | undefined
  readonly shelters: Loaded<Shelters.Shelter> | null
  readonly importShelters: (text: string) => void
  readonly resetShelters: () => void
  readonly unitCosts: Loaded<ServiceDemand.UnitCost> | null
  readonly exportContext: (title: string, notes: ReadonlyArray<string>) => ExportContext
}

const serviceLabel = (code: string, lang: Lang): string => {
  const l = (Service.labels as Readonly<Record<string, { en: string; lo: string }>>)[code]
  if (!l) return code
  return lang === "lo" && l.lo.trim() !== "" ? l.lo : l.en
}

/** White to dark red by the share of the maximum. */
const heat = (x: number): string => {
  const stops = ["#fff5f0", "#fcbba1", "#fb6a4a", "#cb181d", "#67000d"]
  return stops[Math.min(stops.length - 1, Math.floor(x * stops.length))] ?? stops[0]!
}

export function ShelterSection(props: ShelterSectionProps) {
  const { engine, state, t, k, bedNights, shelters } = props
  const { lang } = state
  const [mix, setMix] = useState<GroupMix>(new Map())
  const [cases, setCases] = useState<ReadonlyArray<MixRow> | null>(null)
  const [pushbackPct, setPushbackPct] = useState(0)
  const [eventPeople, setEventPeople] = useState(0)
  const [eventProvince, setEventProvince] = useState("LA03")
  const [eventMonth, setEventMonth] = useState("")
  const [eventStay, setEventStay] = useState(30)
  const [currency, setCurrency] = useState<ServiceDemand.Currency>("USD")
  const [costs, setCosts] = useState<ReadonlyArray<ServiceDemand.UnitCost>>([])
  const heatRef = useRef<HTMLElement | null>(null)

  useEffect(() => {
    if (props.unitCosts) setCosts(props.unitCosts.rows)
  }, [props.unitCosts])

  const filters = filtersOf(state)
  const filtersKey = JSON.stringify(filters)
  useEffect(() => {
    const conn = engine.conn
    if (!conn) return
    let cancelled = false
    Promise.all([groupMix(conn, filters), caseMix(conn, filters)]).then(
      ([m, c]) => {
        if (cancelled) return
        setMix(m)
        setCases(c)
      },
      () => undefined,
    )
    return () => {
      cancelled = true
    }
  }, [engine.conn, filtersKey])

  const hm = useMemo(() => heatmap(bedNights ?? []), [bedNights])
  const window = windowOfMonths(hm.months)
  const month = eventMonth || hm.months[0] || ""
  const scenario: BedNights.Scenario = {
    multipliers: pushbackPct !== 0 ? { deported_lao: 1 + pushbackPct / 100 } : {},
    events:
      eventPeople > 0 && month
        ? [
            {
              label: t("planEventLabel", { p: provinceName(eventProvince, lang, eventProvince) }),
              province: eventProvince,
              arrival: `${month}-01`,
              people: eventPeople,
              averageStayNights: eventStay,
            },
          ]
        : [],
  }
  const scenarioKey = JSON.stringify(scenario)
  const computed = useMemo(() => {
    if (!bedNights || !window) return null
    const { base, unknownCells } = splitByGroupMix(bedNights, mix)
    const after = BedNights.applyScenario(base, scenario, window)
    const places = Shelters.placesByProvince(shelters?.rows ?? [])
    const demand = BedNights.byProvinceMonth(after)
    const short = BedNights.shortfall(demand, places, window)
    const baseTotal = base.reduce((s, r) => s + r.nights, 0)
    const pushbackDelta = after
      .filter((r) => r.baseNights > 0)
      .reduce((s, r) => s + (r.nights - r.baseNights), 0)
    const eventNights = after.filter((r) => r.baseNights === 0).reduce((s, r) => s + r.nights, 0)
    const deportedShare =
      baseTotal === 0
        ? 0
        : base.filter((r) => r.victim_group === "deported_lao").reduce((s, r) => s + r.nights, 0) / baseTotal
    const explanations = [
      ...new Set(after.filter((r) => r.explanation !== "measured").map((r) => r.explanation)),
    ]
    const afterTotal = baseTotal + pushbackDelta + eventNights
    return {
      short,
      unknownCells,
      baseTotal,
      pushbackDelta,
      eventNights,
      deportedShare,
      explanations,
      afterTotal,
      places,
    }
  }, [bedNights, mix, scenarioKey, shelters, window?.from, window?.to])

  const shortByKey = useMemo(
    () => new Map((computed?.short ?? []).map((r) => [`${r.province}|${r.month}`, r])),
    [computed],
  )
  const shortProvinces = [...new Set((computed?.short ?? []).map((r) => r.province))]

  // Services and cost, per year over the years shown.
  const years = engine.firstPaint?.years ?? null
  const w = years ? scoreWindows(years, state.yearFrom, state.yearTo) : null
  const span = w ? w.counts[1] - w.counts[0] + 1 : 1
  const base = cases ? caseBaseCell(cases, k) : null
  const monthsSpan = Math.max(1, hm.months.length)
  const budgetLines = useMemo(() => {
    if (!cases || base?.kind !== "value") return null
    const demand = ServiceDemand.serviceDemand(caseMixPerYear(cases, span))
    const shelterUnits = computed ? (computed.afterTotal * 12) / monthsSpan : 0
    return ServiceDemand.budget([...demand, { service: "shelter", units: shelterUnits }], costs, currency)
  }, [cases, base?.kind, span, computed, monthsSpan, costs, currency])

  const setCost = (service: string, field: "usd" | "lak", text: string) => {
    const v = Number(text)
    if (text.trim() === "" || !Number.isFinite(v) || v < 0) return
    setCosts((cs) => cs.map((c) => (c.service === service ? { ...c, [field]: v, illustrative: false } : c)))
  }
  const n0 = (x: number) => formatNumber(lang, x, 0)
  const nightsText = (c: BedNightCell | undefined) =>
    c === undefined
      ? t("noData")
      : c.suppressed || c.nights === null
        ? props.cellText({ kind: "suppressed", k })
        : n0(c.nights)

  const exportBudget = () => {
    if (!budgetLines) return
    const columns: ReadonlyArray<CsvColumn<ServiceDemand.BudgetLine>> = [
      { header: "service", value: (l) => l.service },
      {
        header: "service_label",
        value: (l) => (l.service === "total" ? t("planBudgetTotal") : serviceLabel(l.service, lang)),
      },
      { header: "units", value: (l) => (l.service === "total" ? null : l.units) },
      { header: "unit", value: (l) => l.unit },
      { header: `unit_cost_${currency.toLowerCase()}`, value: (l) => l.unitCost },
      { header: `total_${currency.toLowerCase()}`, value: (l) => l.total },
      { header: "notes", value: (l) => l.notes },
    ]
    downloadCsv(
      budgetLines,
      columns,
      props.exportContext(t("planBudgetTitle"), [
        t("planPerYear", { from: w?.counts[0] ?? "", to: w?.counts[1] ?? "" }),
        `${t("planUnitCosts")}: ${t(props.unitCosts?.origin === "served" ? "planOriginServed" : "planOriginIllustrative")}`,
        t("planRatesAssumption"),
        `${t("planScenario")}: ${computed?.explanations.join("; ") || t("planNoScenario")}`,
      ]),
    )
  }

  return (
    <section className="plan-section" id="plan-shelter" data-testid="plan-shelter">
      <h3>{t("planShelterTitle")}</h3>
      <p className="note">{t("planPublishedOnly")}</p>
      <h4>{t("planDemandTitle")}</h4>
      {bedNights === undefined ? (
        <p className="note">{t("planLoading")}</p>
      ) : bedNights === null ? (
        <p className="plan-missing" data-testid="bed-nights-missing">
          {t("planNotInRelease")}
        </p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways; keyboard users must reach it
        <section className="plan-scroll" ref={heatRef} tabIndex={0} aria-label={t("planDemandTitle")}>
          <ExportButtons
            t={t}
            name="bed-nights"
            target={heatRef}
            context={() => props.exportContext(t("planDemandTitle"), [t("planPublishedOnly")])}
            csv={{
              rows: bedNights,
              columns: [
                { header: "province", value: (r: BedNightCell) => r.province ?? "" },
                {
                  header: "province_name",
                  value: (r: BedNightCell) => provinceName(r.province, lang, t("unknown")),
                },
                { header: "month", value: (r: BedNightCell) => r.month },
                {
                  header: "bed_nights",
                  value: (r: BedNightCell) =>
                    r.suppressed || r.nights === null ? { kind: "suppressed", k } : r.nights,
                },
              ],
            }}
          />
          <table className="plan-heatmap" data-testid="bed-nights-heatmap">
            <thead>
              <tr>
                <th>{t("province")}</th>
                {hm.months.map((m) => (
                  <th key={m}>{m}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {hm.provinces.map((p) => (
                <tr key={p} data-province={p}>
                  <th scope="row">{provinceName(p, lang, p)}</th>
                  {hm.months.map((m) => {
                    const c = hm.cells.get(`${p}|${m}`)
                    const kind = c === undefined ? "no_data" : c.nights === null ? "suppressed" : "value"
                    return (
                      <td
                        key={m}
                        data-month={m}
                        data-cell={kind}
                        style={kind === "value" ? { background: heat((c?.nights ?? 0) / (hm.max || 1)) } : {}}
                        className={
                          kind === "value" && (c?.nights ?? 0) / (hm.max || 1) > 0.6 ? "plan-dark" : ""
                        }
                      >
                        {nightsText(c)}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <InputBox
        t={t}
        id="shelters"
        title={t("planSheltersInput")}
        input={shelters}
        onImport={props.importShelters}
        onReset={props.resetShelters}
      >
        {shelters?.origin === "illustrative" && (
          <p className="plan-illustrative">{t("planSheltersIllustrativeNote")}</p>
        )}
        <p className="note">
          {[...(computed?.places ?? Shelters.placesByProvince(shelters?.rows ?? []))]
            .map(([p, n]) => `${provinceName(p, lang, p)} ${n0(n)}`)
            .join(" · ")}
        </p>
      </InputBox>

      <fieldset className="plan-scenario" data-testid="scenario">
        <legend>{t("planScenario")}</legend>
        <label>
          {t("planPushback")}{" "}
          <input
            type="number"
            step={5}
            min={-100}
            value={pushbackPct}
            data-testid="scenario-pushback"
            onChange={(e) =>
              Number.isFinite(Number(e.target.value)) &&
              setPushbackPct(Math.max(-100, Number(e.target.value)))
            }
          />
        </label>
        <label>
          {t("planEventPeople")}{" "}
          <input
            type="number"
            min={0}
            step={10}
            value={eventPeople}
            data-testid="scenario-people"
            onChange={(e) => {
              const v = Number(e.target.value)
              if (Number.isInteger(v) && v >= 0) setEventPeople(v)
            }}
          />
        </label>
        <label>
          {t("province")}{" "}
          <select
            value={eventProvince}
            data-testid="scenario-province"
            onChange={(e) => setEventProvince(e.target.value)}
          >
            {[...new Set([...hm.provinces, "LA03", "LA05"])].sort().map((p) => (
              <option key={p} value={p}>
                {provinceName(p, lang, p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("planMonth")}{" "}
          <select value={month} data-testid="scenario-month" onChange={(e) => setEventMonth(e.target.value)}>
            {hm.months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("planStayNights")}{" "}
          <input
            type="number"
            min={0}
            step={1}
            value={eventStay}
            onChange={(e) => {
              const v = Number(e.target.value)
              if (Number.isInteger(v) && v >= 0) setEventStay(v)
            }}
          />
        </label>
        {computed && (
          <div className="plan-explain" data-testid="scenario-explanation">
            <p>
              {t("planScenarioBase", { n: n0(computed.baseTotal) })}{" "}
              {pushbackPct !== 0 &&
                t("planScenarioPushbackExplain", {
                  pct: pushbackPct,
                  share: formatNumber(lang, computed.deportedShare * 100, 1),
                  delta: n0(computed.pushbackDelta),
                })}{" "}
              {eventPeople > 0 &&
                t("planScenarioEventExplain", {
                  people: n0(eventPeople),
                  stay: eventStay,
                  p: provinceName(eventProvince, lang, eventProvince),
                  m: month,
                  n: n0(computed.eventNights),
                })}{" "}
              <strong data-testid="scenario-total">
                {t("planScenarioTotal", { n: n0(computed.afterTotal) })}
              </strong>
            </p>
            <p className="note">{t("planSplitAssumption")}</p>
            {computed.unknownCells > 0 && (
              <p className="note">{t("planUnknownCells", { n: computed.unknownCells, k })}</p>
            )}
            {computed.explanations.length > 0 && (
              <ul className="note">
                {computed.explanations.slice(0, 8).map((e) => (
                  <li key={e} lang="en">
                    {e}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </fieldset>

      {computed && (
        <>
          <h4>{t("planShortfallTitle")}</h4>
          <p className="note">{t("planShortfallNote")}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways; keyboard users must reach it */}
          <section className="plan-scroll" tabIndex={0} aria-label={t("planShortfallTitle")}>
            <table className="plan-heatmap" data-testid="shortfall">
              <thead>
                <tr>
                  <th>{t("province")}</th>
                  <th>{t("planPlaces")}</th>
                  {hm.months.map((m) => (
                    <th key={m}>{m}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shortProvinces.map((p) => (
                  <tr key={p} data-province={p}>
                    <th scope="row">{provinceName(p, lang, p)}</th>
                    <td>{n0(computed.places.get(p) ?? 0)}</td>
                    {hm.months.map((m) => {
                      const r = shortByKey.get(`${p}|${m}`)
                      const published = hm.cells.get(`${p}|${m}`)
                      const unknown = published?.nights === null
                      return (
                        <td
                          key={m}
                          data-month={m}
                          data-cell={unknown ? "suppressed" : "value"}
                          className={!unknown && r && r.shortfall > 0 ? "plan-short" : ""}
                          title={
                            r ? `${t("planAvgOccupied")}: ${formatNumber(lang, r.averageOccupied, 1)}` : ""
                          }
                        >
                          {unknown
                            ? props.cellText({ kind: "suppressed", k })
                            : r && r.shortfall > 0
                              ? formatNumber(lang, r.shortfall, 1)
                              : "–"}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}

      <h4>{t("planBudgetTitle")}</h4>
      <p className="note">{t("planRatesAssumption")}</p>
      <div className="plan-grid">
        <table className="plan-costs" data-testid="unit-costs">
          <caption>
            {t("planUnitCosts")}{" "}
            {props.unitCosts?.origin === "illustrative" && (
              <span className="plan-illustrative">({t("illustrative")})</span>
            )}
          </caption>
          <thead>
            <tr>
              <th>{t("planService")}</th>
              <th>{t("planUnit")}</th>
              <th>USD</th>
              <th>LAK</th>
            </tr>
          </thead>
          <tbody>
            {costs.map((c) => (
              <tr key={c.service} data-service={c.service}>
                <td>{serviceLabel(c.service, lang)}</td>
                <td>{c.unit}</td>
                <td>
                  <input
                    type="number"
                    min={0}
                    defaultValue={c.usd}
                    aria-label={`${serviceLabel(c.service, lang)}, ${c.unit}: USD`}
                    data-cost={`${c.service}-usd`}
                    onChange={(e) => setCost(c.service, "usd", e.target.value)}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    step={500}
                    defaultValue={c.lak}
                    aria-label={`${serviceLabel(c.service, lang)}, ${c.unit}: LAK`}
                    data-cost={`${c.service}-lak`}
                    onChange={(e) => setCost(c.service, "lak", e.target.value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <label>
            {t("planCurrency")}{" "}
            <select
              value={currency}
              data-testid="currency"
              onChange={(e) => setCurrency(e.target.value as ServiceDemand.Currency)}
            >
              <option value="USD">USD</option>
              <option value="LAK">LAK</option>
            </select>
          </label>{" "}
          <button type="button" disabled={!budgetLines} onClick={exportBudget} data-testid="export-budget">
            {t("planExportBudget")}
          </button>
          <p className="note">
            {t("planPerYear", { from: w?.counts[0] ?? "", to: w?.counts[1] ?? "" })} · {t("planFiltersApply")}
          </p>
          {base && base.kind !== "value" && <p className="note">{props.cellText(base)}</p>}
          {budgetLines && (
            <table className="plan-budget" data-testid="budget">
              <thead>
                <tr>
                  <th>{t("planService")}</th>
                  <th>{t("planUnits")}</th>
                  <th>{t("planUnit")}</th>
                  <th>{t("planUnitCost", { c: currency })}</th>
                  <th>{t("planTotal", { c: currency })}</th>
                  <th>{t("planNotes")}</th>
                </tr>
              </thead>
              <tbody>
                {budgetLines.map((l) => (
                  <Fragment key={l.service}>
                    <tr data-service={l.service} className={l.service === "total" ? "plan-total" : ""}>
                      <td>{l.service === "total" ? t("planBudgetTotal") : serviceLabel(l.service, lang)}</td>
                      <td>{l.service === "total" ? "" : n0(l.units)}</td>
                      <td>{l.unit}</td>
                      <td>{l.unitCost === null ? "–" : n0(l.unitCost)}</td>
                      <td>{l.total === null ? "–" : n0(l.total)}</td>
                      <td lang="en">{l.notes}</td>
                    </tr>
                  </Fragment>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  )
}
