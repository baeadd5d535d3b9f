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
import { heat } from "./heat.ts"
import type { Loaded } from "./inputs.ts"
import {
  type BedNightCell,
  caseBaseCell,
  caseMixPerYear,
  type DemandCell,
  type GroupMix,
  heatmap,
  type MixRow,
  periodsDesc,
  scoreWindows,
  shortfallCells,
  splitByGroupMix,
  windowOfMonths,
} from "./model.ts"
import { type BackTestCell, caseMix, type ForecastCell, groupMix, type StayLengthCell } from "./queries.ts"
import { type Grain, ShelterDemandTable } from "./ShelterDemandTable.tsx"
import { ShelterForecast } from "./ShelterForecast.tsx"
import { ShelterShortfall, summarySentence } from "./ShelterShortfall.tsx"

export interface ShelterSectionProps extends PageProps {
  /** undefined while loading; null when the release does not carry the table. */
  readonly bedNights: ReadonlyArray<BedNightCell> | null | undefined
  /** Published estimates (undefined while loading, null when the release has none). */
  readonly demand: ReadonlyArray<DemandCell> | null | undefined
  readonly forecast: ReadonlyArray<ForecastCell> | null | undefined
  readonly lengths: ReadonlyArray<StayLengthCell> | null | undefined
  readonly backtest: ReadonlyArray<BackTestCell> | null | undefined
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

/** Units of the unit-costs file in the page's language (Lao best attempt, to be reviewed). */
const UNITS: Readonly<Record<string, { en: string; lo: string }>> = {
  "bed-night": { en: "bed-night", lo: "ຄືນນອນ" },
  case: { en: "case", lo: "ກໍລະນີ" },
  course: { en: "course", lo: "ຫລັກສູດ" },
  session: { en: "session", lo: "ຄັ້ງ" },
  unit: { en: "unit", lo: "ໜ່ວຍ" },
  visit: { en: "visit", lo: "ການຢ້ຽມຢາມ" },
}
export const unitLabel = (unit: string, lang: Lang): string => UNITS[unit]?.[lang] ?? unit

export function ShelterSection(props: ShelterSectionProps) {
  const { engine, state, t, k, bedNights, shelters } = props
  const { lang } = state
  const [mix, setMix] = useState<GroupMix>(new Map())
  const [cases, setCases] = useState<ReadonlyArray<MixRow> | null>(null)
  const [pushbackPct, setPushbackPct] = useState(0)
  const [eventPeople, setEventPeople] = useState(0)
  const [eventProvince, setEventProvince] = useState<string | null>(null)
  const [grain, setGrain] = useState<Grain>("quarter")
  const [eventPeriod, setEventPeriod] = useState<string | null>(null)
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

  // Estimates: shortfall per province and period, scenario on top of them.
  const placesMap = useMemo(() => Shelters.placesByProvince(shelters?.rows ?? []), [shelters])
  const estimatePeriods = useMemo(
    () => periodsDesc((props.demand ?? []).filter((c) => c.grain === grain)),
    [props.demand, grain],
  )
  const baseShort = useMemo(
    () => (props.demand ? shortfallCells(props.demand, grain, placesMap) : []),
    [props.demand, grain, placesMap],
  )
  const hasEstimates = (props.demand ?? []).length > 0
  const latestYear = estimatePeriods[0]?.slice(0, 4) ?? ""
  const defaultCell = useMemo(() => {
    const inYear = baseShort.filter((c) => c.period.startsWith(latestYear))
    return inYear.reduce<(typeof inYear)[number] | null>(
      (a, c) => (a === null || c.shortfallUpper > a.shortfallUpper ? c : a),
      null,
    )
  }, [baseShort, latestYear])
  const scenarioProvince = eventProvince ?? defaultCell?.province ?? "LA03"
  const scenarioPeriod =
    eventPeriod && estimatePeriods.includes(eventPeriod)
      ? eventPeriod
      : (defaultCell?.period ?? estimatePeriods[0] ?? "")
  const deportedShareOf = (p: string) => {
    const g = mix.get(p)
    const total = g ? [...g.values()].reduce((a, b) => a + b, 0) : 0
    return total === 0 ? 0 : (g?.get("deported_lao") ?? 0) / total
  }
  const scenarioShort = useMemo(() => {
    if (!props.demand) return []
    const nightsOf = new Map(
      props.demand.filter((c) => c.grain === grain).map((c) => [`${c.province}|${c.period}`, c.nights]),
    )
    return shortfallCells(props.demand, grain, placesMap, (p, period) => {
      const push =
        pushbackPct === 0
          ? 0
          : ((nightsOf.get(`${p}|${period}`) ?? 0) * deportedShareOf(p) * pushbackPct) / 100
      const event =
        eventPeople > 0 && p === scenarioProvince && period === scenarioPeriod ? eventPeople * eventStay : 0
      return push + event
    })
  }, [
    props.demand,
    grain,
    placesMap,
    pushbackPct,
    eventPeople,
    eventStay,
    scenarioProvince,
    scenarioPeriod,
    mix,
  ])

  const hm = useMemo(() => heatmap(bedNights ?? []), [bedNights])
  const window = windowOfMonths(hm.months)
  const month = eventMonth || hm.months[0] || ""
  const scenario: BedNights.Scenario = {
    multipliers: pushbackPct !== 0 ? { deported_lao: 1 + pushbackPct / 100 } : {},
    events:
      eventPeople > 0 && month
        ? [
            {
              label: t("planEventLabel", { p: provinceName(scenarioProvince, lang, scenarioProvince) }),
              province: scenarioProvince,
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
    const forecastNights = (props.forecast ?? [])
      .filter((c) => c.province === null)
      .reduce((s, c) => s + c.nights, 0)
    const shelterUnits =
      forecastNights > 0 ? forecastNights : computed ? (computed.afterTotal * 12) / monthsSpan : 0
    return ServiceDemand.budget([...demand, { service: "shelter", units: shelterUnits }], costs, currency)
  }, [cases, base?.kind, span, computed, monthsSpan, costs, currency, props.forecast])
  const shelterCost = costs.find((c) => c.service === "shelter")
  const forecastNational = (props.forecast ?? []).filter((c) => c.province === null)
  const shelterInterval =
    shelterCost && forecastNational.length > 0
      ? ([
          forecastNational.reduce((s, c) => s + c.nights_lower, 0),
          forecastNational.reduce((s, c) => s + c.nights_upper, 0),
        ].map((n) => n * (currency === "USD" ? shelterCost.usd : shelterCost.lak)) as [number, number])
      : null

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
      {hasEstimates && (
        <>
          <ShelterDemandTable
            t={t}
            lang={lang}
            demand={props.demand ?? []}
            grain={grain}
            setGrain={setGrain}
          />
          <ShelterShortfall t={t} lang={lang} cells={scenarioShort} period={scenarioPeriod} />
          {props.forecast && props.forecast.length > 0 && (
            <ShelterForecast
              t={t}
              lang={lang}
              forecast={props.forecast}
              backtest={props.backtest ?? null}
              lengths={props.lengths ?? null}
              province={scenarioProvince}
            />
          )}
        </>
      )}
      {!hasEstimates && <p className="note">{t("planPublishedOnly")}</p>}
      {!hasEstimates && <h4>{t("planDemandTitle")}</h4>}
      {hasEstimates ? null : bedNights === undefined ? (
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
            value={scenarioProvince}
            data-testid="scenario-province"
            onChange={(e) => setEventProvince(e.target.value)}
          >
            {[...new Set([...hm.provinces, ...baseShort.map((c) => c.province), "LA03", "LA05"])]
              .sort()
              .map((p) => (
                <option key={p} value={p}>
                  {provinceName(p, lang, p)}
                </option>
              ))}
          </select>
        </label>
        {hasEstimates ? (
          <label>
            {t("planPeriod")}{" "}
            <select
              value={scenarioPeriod}
              data-testid="scenario-period"
              onChange={(e) => setEventPeriod(e.target.value)}
            >
              {estimatePeriods.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {t("planMonth")}{" "}
            <select
              value={month}
              data-testid="scenario-month"
              onChange={(e) => setEventMonth(e.target.value)}
            >
              {hm.months.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        )}
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
        {hasEstimates && (
          <div className="plan-explain" data-testid="scenario-explanation">
            <p className="note" data-testid="scenario-defaults">
              {t("planScenarioDefaults", {
                p: provinceName(defaultCell?.province ?? scenarioProvince, lang, scenarioProvince),
                y: latestYear,
              })}
            </p>
            <p>
              {pushbackPct !== 0 &&
                t("planScenarioPushbackExplain", {
                  pct: pushbackPct,
                  share: formatNumber(lang, deportedShareOf(scenarioProvince) * 100, 1),
                  delta: n0(
                    ((props.demand ?? []).find(
                      (c) =>
                        c.grain === grain && c.province === scenarioProvince && c.period === scenarioPeriod,
                    )?.nights ?? 0) *
                      deportedShareOf(scenarioProvince) *
                      (pushbackPct / 100),
                  ),
                })}{" "}
              {eventPeople > 0 &&
                t("planScenarioEventExplain", {
                  people: n0(eventPeople),
                  stay: eventStay,
                  p: provinceName(scenarioProvince, lang, scenarioProvince),
                  m: scenarioPeriod,
                  n: n0(eventPeople * eventStay),
                })}{" "}
              <strong data-testid="scenario-summary">
                {summarySentence(t, lang, scenarioShort, scenarioPeriod)}
              </strong>
            </p>
          </div>
        )}
        {computed && !hasEstimates && (
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
                  p: provinceName(scenarioProvince, lang, scenarioProvince),
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

      {computed && !hasEstimates && (
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
              <th>{t("planCurrencyUsd")}</th>
              <th>{t("planCurrencyLak")}</th>
            </tr>
          </thead>
          <tbody>
            {costs.map((c) => (
              <tr key={c.service} data-service={c.service}>
                <td>{serviceLabel(c.service, lang)}</td>
                <td>{unitLabel(c.unit, lang)}</td>
                <td>
                  <input
                    type="number"
                    min={0}
                    defaultValue={c.usd}
                    aria-label={`${serviceLabel(c.service, lang)}: ${t("planUsdLabel")}`}
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
                    aria-label={`${serviceLabel(c.service, lang)}: ${t("planLakLabel")}`}
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
              <option value="USD">{t("planCurrencyUsd")}</option>
              <option value="LAK">{t("planCurrencyLak")}</option>
            </select>
          </label>{" "}
          <button type="button" disabled={!budgetLines} onClick={exportBudget} data-testid="export-budget">
            {t("planExportBudget")}
          </button>
          <p className="note">
            {t("planPerYear", { from: w?.counts[0] ?? "", to: w?.counts[1] ?? "" })} · {t("planFiltersApply")}
          </p>
          {base && base.kind !== "value" && <p className="note">{props.cellText(base)}</p>}
          {engine.status === "summary_only" && (
            <p className="note" data-testid="budget-needs-facts">
              {t("planBudgetNeedsFacts")}
            </p>
          )}
          {shelterInterval && (
            <p className="note" data-testid="budget-interval">
              {t("planBudgetInterval", {
                lo: n0(shelterInterval[0]),
                hi: n0(shelterInterval[1]),
                c: t(currency === "USD" ? "planCurrencyUsd" : "planCurrencyLak"),
              })}
            </p>
          )}
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
                      <td>{unitLabel(l.unit, lang)}</td>
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
