/**
 * CPN expansion: the coverage input (served, illustrative, imported or edited by toggling districts),
 * the priority score with the planner's weights and every component shown per district, the
 * "add N networks" what-if (greedy, optimal for this objective: packages/planning/README.md) on a map
 * and in a table, and the ranked list as CSV with its context.
 */
import { AreaEstimates, FactsInputs, PriorityScore, type Shelters, WhatIf } from "@lao-protect/planning"
import { useEffect, useMemo, useRef, useState } from "react"
import { type Boundaries, loadBoundaries } from "../../data/release.ts"
import { ExportButtons } from "../../export/ExportButtons.tsx"
import {
  type CsvColumn,
  downloadCsv,
  type ExportContext,
  exactScreenContext,
  type LegendEntry,
} from "../../export/index.ts"
import { usePending } from "../../export/screenRule.tsx"
import type { MessageKey } from "../../i18n/index.ts"
import { formatNumber } from "../../lib/format.ts"
import { type Cell, hidesNothing, suppress } from "../../lib/suppress.ts"
import type { PageProps } from "../TrendsPage.tsx"
import { CpnSensitivity } from "./CpnSensitivity.tsx"
import { CpnWhatIf, DEFAULT_N } from "./CpnWhatIf.tsx"
import { InputBox } from "./common.tsx"
import { type CpnCoverageLoaded, type Loaded, places } from "./inputs.ts"
import {
  chooseEstimates,
  completeInputs,
  districtEstimates,
  type EstimateCell,
  parseWeights,
  scoreWindows,
  toggleCoverage,
  unknownReason,
  withEstimates,
} from "./model.ts"
import { districtName, provinceName } from "./names.ts"
import {
  ADDED_COLOUR,
  COVERED_COLOUR,
  type DistrictStatus,
  PlanningMap,
  SCORE_COLOURS,
} from "./PlanningMap.tsx"

const WEIGHTS_KEY = "lao-protect.planning.weights"
const N_KEY = "lao-protect.planning.addN"

export const COMPONENT_LABEL: { readonly [C in PriorityScore.ComponentName]: MessageKey } = {
  childRate: "planCompChildRate",
  trend: "planCompTrend",
  minorityShare: "planCompMinority",
  borderFlow: "planCompBorder",
  distanceToCpn: "planCompDistCpn",
  distanceToShelter: "planCompDistShelter",
}

const readStored = (key: string): string | null => {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}
const writeStored = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value)
  } catch {
    // storage disabled
  }
}

export { districtName, provinceName }

type ScoreInputs = Awaited<ReturnType<typeof FactsInputs.priorityInputsFromFacts>>

export interface CpnSectionProps extends PageProps {
  readonly coverage: CpnCoverageLoaded | null
  readonly setCoverage: (next: CpnCoverageLoaded) => void
  readonly importCoverage: (text: string) => void
  readonly resetCoverage: () => void
  readonly shelters: Loaded<Shelters.Shelter> | null
  /** Published small-area estimates (used when the facts cube cannot give them). */
  readonly publishedEstimates: ReadonlyArray<EstimateCell> | null | undefined
  readonly exportContext: (title: string, notes: ReadonlyArray<string>) => ExportContext
}

/** The exact counts a component's raw value is computed from (not the model-based estimates). */
const countsBehind = (
  c: PriorityScore.ComponentName,
  input: PriorityScore.DistrictInput | undefined,
): ReadonlyArray<Cell> => {
  const cells = (...ns: ReadonlyArray<number | null | undefined>) => ns.map((n) => suppress(n ?? 0, 1))
  if (!input) return []
  if (c === "trend" && !input.trendEstimate) return cells(input.recentVictims, input.previousVictims)
  if (c === "minorityShare") return cells(input.minorityVictims, input.victimsWithEthnicity)
  if (c === "childRate" && !input.childRateEstimate) return cells(input.childVictims)
  return []
}

export function CpnSection(props: CpnSectionProps) {
  const { engine, state, t, k, coverage, shelters } = props
  // The public version of an export applies the publication's threshold, not the screen rule (which
  // is 1, nothing hidden, in the planners tier).
  const publicK = engine.manifest?.threshold ?? 10
  // the public tier: no facts cube, so the score reads the published estimates and distances only
  const publicTier = engine.status === "summary_only"
  const { lang } = state
  const [weights, setWeights] = useState<PriorityScore.Weights>(
    () => parseWeights(readStored(WEIGHTS_KEY)) ?? PriorityScore.defaultWeights,
  )
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(PriorityScore.componentNames.map((c) => [c, String(weights[c])])),
  )
  const [addN, setAddN] = useState<number>(() => {
    const v = Number(readStored(N_KEY))
    return Number.isInteger(v) && v >= 0 && v <= 148 && readStored(N_KEY) !== null ? v : DEFAULT_N
  })
  const [restricted, setRestricted] = useState(false)
  const [ownEstimates, setOwnEstimates] = useState<ReadonlyArray<EstimateCell> | null>(null)
  const [ownCounts, setOwnCounts] = useState<ReadonlyArray<AreaEstimates.DistrictYearCount> | null>(null)
  const [inputs, setInputs] = useState<ScoreInputs | null>(null)
  const [loadedKey, setLoadedKey] = useState<string | null>(null)
  const [queryError, setQueryError] = useState<string | null>(null)
  const [boundaries, setBoundaries] = useState<Boundaries | null>(null)
  const mapRef = useRef<HTMLDivElement | null>(null)

  useEffect(() => {
    loadBoundaries("districts").then(setBoundaries, () => undefined)
  }, [])

  const years = engine.firstPaint?.years ?? null
  const windows = years ? scoreWindows(years, state.yearFrom, state.yearTo) : null
  const windowKey = windows ? JSON.stringify(windows) : ""
  const codesKey = JSON.stringify(state.codes)
  // An exact screen switched to the public rule (by the user, or by a default image export) scores
  // the public version's inputs, at the publication's threshold; otherwise the exact facts cube.
  const publicRuleShown = engine.manifest?.screen === "exact" && !hidesNothing(k)
  const inputsThreshold = publicRuleShown ? k : 1
  const inputsKey = `${windowKey}|${codesKey}|${inputsThreshold}`
  // a capture under the public rule waits for the ranking scored on those inputs
  usePending(
    "CPN ranking",
    publicRuleShown && !publicTier && engine.conn !== null && windows !== null && loadedKey !== inputsKey,
  )
  useEffect(() => {
    const conn = engine.conn
    if (!conn || !windows) return
    let cancelled = false
    // The facts cube is the planners' tier (microdata-equivalent): exact counts on screen, no
    // suppression, unless switched to the public rule; exports default to the public version.
    const key = inputsKey
    FactsInputs.priorityInputsFromFacts(conn, { ...windows, threshold: inputsThreshold }, state.codes).then(
      (r) => {
        if (!cancelled) {
          setInputs(r)
          setLoadedKey(key)
          setQueryError(null)
        }
      },
      (e: unknown) => !cancelled && setQueryError(String(e)),
    )
    AreaEstimates.districtYearCountsFromFacts(conn, state.codes).then(
      (counts) => {
        if (cancelled) return
        setOwnCounts(counts)
        setOwnEstimates(
          AreaEstimates.areaEstimates(counts, places, [{ from: windows.counts[0], to: windows.counts[1] }]),
        )
      },
      (e: unknown) => !cancelled && setQueryError(String(e)),
    )
    return () => {
      cancelled = true
    }
  }, [engine.conn, windowKey, codesKey, inputsThreshold])

  const weightErrors = PriorityScore.validateWeights(weights)
  const filtered = Object.values(state.codes).some((c) => c !== null)
  const chosen = windows
    ? chooseEstimates(props.publishedEstimates, ownEstimates, windows.counts, filtered)
    : null
  const estimates = useMemo(
    () =>
      windows && chosen
        ? districtEstimates(chosen.rows, windows.counts)
        : { byDistrict: new Map<string, EstimateCell>(), window: null },
    [ownEstimates, props.publishedEstimates, windowKey, filtered],
  )
  // The public version of an export never carries estimates of exact facts-cube counts: those are
  // recomputed from counts banded at the publication's threshold and rounded, as publish does.
  const publicEstimates = (): ReadonlyMap<string, EstimateCell> => {
    if (!windows || chosen?.source !== "facts" || !ownCounts) return estimates.byDistrict
    const banded = AreaEstimates.areaEstimates(
      ownCounts,
      places,
      [{ from: windows.counts[0], to: windows.counts[1] }],
      undefined,
      publicK,
    ).map((r) => ({
      ...r,
      rate_per_100k: AreaEstimates.significant(r.rate_per_100k),
      lower_per_100k: AreaEstimates.significant(r.lower_per_100k),
      upper_per_100k: AreaEstimates.significant(r.upper_per_100k),
    }))
    return districtEstimates(banded, windows.counts).byDistrict
  }
  // the estimates every view of the section shows: the public version's under the public rule
  const shownEstimates = useMemo(
    () => (publicRuleShown ? publicEstimates() : estimates.byDistrict),
    [estimates, publicRuleShown, ownCounts, windowKey, chosen?.source],
  )
  const districtInputs = useMemo(
    () =>
      inputs || shownEstimates.size > 0
        ? withEstimates(inputs ? completeInputs(inputs.districts, places) : null, shownEstimates, places)
        : null,
    [inputs, shownEstimates],
  )
  const inputByCode = useMemo(
    () => new Map((districtInputs ?? []).map((d) => [d.district, d])),
    [districtInputs],
  )
  const flowsSuppressed = (inputs?.checkpointFlows ?? []).some((f) => f.victims === null)
  const scores = useMemo(() => {
    if (!districtInputs || !coverage || !shelters || weightErrors.length > 0) return null
    return PriorityScore.priorityScores(
      districtInputs,
      {
        places,
        coverage: coverage.rows,
        shelters: shelters.rows,
        checkpointFlows: inputs?.checkpointFlows ?? [],
      },
      weights,
    )
  }, [districtInputs, coverage, shelters, weights, inputs, weightErrors.length])
  const whatIf = useMemo(() => {
    if (!districtInputs || !coverage) return null
    return WhatIf.addNetworks(
      districtInputs.map((d) => {
        const e = shownEstimates.get(d.district)
        return {
          district: d.district,
          childVictims: d.childVictims,
          ...(e ? { expected: { value: e.expected, lower: e.expected_lower, upper: e.expected_upper } } : {}),
        }
      }),
      coverage.rows,
      addN,
      WhatIf.expectedChildVictimsObjective,
    )
  }, [districtInputs, coverage, addN, shownEstimates])
  const sensitivity = useMemo(() => {
    if (!districtInputs || !coverage || !shelters || weightErrors.length > 0) return null
    return PriorityScore.weightSensitivity(
      districtInputs,
      {
        places,
        coverage: coverage.rows,
        shelters: shelters.rows,
        checkpointFlows: inputs?.checkpointFlows ?? [],
      },
      weights,
    )
  }, [districtInputs, coverage, shelters, weights, inputs, weightErrors.length])

  const covered = useMemo(
    () => new Set((coverage?.rows ?? []).filter((c) => c.status === "active").map((c) => c.district)),
    [coverage],
  )
  const added = useMemo(() => new Set((whatIf?.picks ?? []).map((p) => p.district)), [whatIf])
  const scoreByCode = useMemo(
    () => new Map((scores ?? []).filter((s) => !s.covered).map((s) => [s.district, s.score])),
    [scores],
  )
  const status = (code: string): DistrictStatus =>
    covered.has(code) ? "covered" : added.has(code) ? "added" : scoreByCode.has(code) ? "scored" : "none"
  const pct = (x: number) => `${formatNumber(lang, x * 100, 1)}%`
  const num = (x: number | null, digits = 2) => (x === null ? "–" : formatNumber(lang, x, digits))

  const setWeight = (c: PriorityScore.ComponentName, text: string) => {
    setDraft((d) => ({ ...d, [c]: text }))
    const v = Number(text)
    if (text.trim() === "" || !Number.isFinite(v) || v < 0) return
    const next = { ...weights, [c]: v }
    setWeights(next)
    writeStored(WEIGHTS_KEY, JSON.stringify(next))
  }
  const resetWeights = () => {
    setWeights(PriorityScore.defaultWeights)
    setDraft(
      Object.fromEntries(
        PriorityScore.componentNames.map((c) => [c, String(PriorityScore.defaultWeights[c])]),
      ),
    )
    writeStored(WEIGHTS_KEY, JSON.stringify(PriorityScore.defaultWeights))
  }
  const toggle = (code: string) => {
    if (!coverage) return
    props.setCoverage({ ...coverage, origin: "edited", rows: toggleCoverage(coverage.rows, code, places) })
  }

  // The public version's ranking is scored on inputs suppressed at the publication's threshold: every
  // component (a trend ratio, a share, a flow, and their normalised values) would otherwise be a
  // function of exact small counts.
  const publicRanking = async (): Promise<{
    readonly rows: ReadonlyArray<PriorityScore.DistrictScore>
    readonly byCode: ReadonlyMap<string, PriorityScore.DistrictInput>
  } | null> => {
    const conn = engine.conn
    if (publicTier || !conn || !windows || !coverage || !shelters || !scores) return null
    const pub = await FactsInputs.priorityInputsFromFacts(
      conn,
      { ...windows, threshold: publicK },
      state.codes,
    )
    const districts = withEstimates(completeInputs(pub.districts, places), publicEstimates(), places)
    const rows = PriorityScore.priorityScores(
      districts,
      { places, coverage: coverage.rows, shelters: shelters.rows, checkpointFlows: pub.checkpointFlows },
      weights,
    )
    return { rows, byCode: new Map(districts.map((d) => [d.district, d])) }
  }

  const exportRanked = async () => {
    if (!scores || !windows) return
    const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)))
    const exported = restricted ? estimates.byDistrict : publicEstimates()
    const pub = restricted ? null : await publicRanking()
    const rows = pub?.rows ?? scores
    const inputOf = pub?.byCode ?? inputByCode
    const columns: ReadonlyArray<CsvColumn<PriorityScore.DistrictScore>> = [
      { header: "rank", value: (s) => s.rank },
      { header: "district", value: (s) => s.district },
      { header: "district_name", value: (s) => districtName(s.district, lang) },
      { header: "province", value: (s) => s.province },
      { header: "covered", value: (s) => s.covered },
      { header: "added_by_what_if", value: (s) => added.has(s.district) },
      { header: "score", value: (s) => round(s.score, 4) },
      {
        header: "child_victims",
        value: (s) => {
          const n = inputOf.get(s.district)?.childVictims
          if (n === undefined || n === null) return { kind: "suppressed", k: publicK }
          // exact here; downloadCsv holds it to the publication's threshold unless restricted
          return suppress(n, 1)
        },
      },
      {
        header: "child_rate_estimate_per_100k",
        value: (s) => round(exported.get(s.district)?.rate_per_100k ?? null, 2),
      },
      {
        header: "child_rate_lower_90",
        value: (s) => round(exported.get(s.district)?.lower_per_100k ?? null, 2),
      },
      {
        header: "child_rate_upper_90",
        value: (s) => round(exported.get(s.district)?.upper_per_100k ?? null, 2),
      },
      ...PriorityScore.componentNames.flatMap(
        (c): ReadonlyArray<CsvColumn<PriorityScore.DistrictScore>> => [
          {
            header: `${c}_raw`,
            value: (s) =>
              c === "childRate" && !restricted
                ? round(exported.get(s.district)?.rate_per_100k ?? null, 2)
                : round(s.components[c].raw, 2),
            // a ratio of two exact counts gives them away: held to the export's threshold with them
            countsOf: (s) => countsBehind(c, inputOf.get(s.district)),
          },
          { header: `${c}_normalised`, value: (s) => round(s.components[c].normalised, 4) },
        ],
      ),
      { header: "unknown_components", value: (s) => s.unknown.join(";") },
      { header: "notes", value: (s) => s.notes.join("; ") },
    ]
    downloadCsv(
      rows,
      columns,
      exactScreenContext(
        props.exportContext(t("planCpnTitle"), [
          ...(restricted ? [] : [t("planPublicVersionMark", { k: publicK })]),
          `${t("planWeights")}: ${PriorityScore.componentNames.map((c) => `${c}=${weights[c]}`).join("; ")}`,
          `${t("planCoverageInput")}: ${t(coverage?.origin === "illustrative" ? "planOriginIllustrative" : "planOriginOwn")}`,
          t("planWindows", {
            from: windows.counts[0],
            to: windows.counts[1],
            r0: windows.recent[0],
            r1: windows.recent[1],
            p0: windows.previous[0],
            p1: windows.previous[1],
          }),
          `${t("planWhatIfTitle")} N=${addN}: ${pct(whatIf?.before ?? 0)} → ${pct(whatIf?.after ?? 0)}`,
          t("planFormula"),
        ]),
        t,
        publicK,
      ),
      { exact: restricted },
    )
  }

  const mapLabel = (code: string) => {
    const s = status(code)
    const score = scoreByCode.get(code)
    const what =
      s === "covered"
        ? t("planCovered")
        : s === "added"
          ? `${t("planAdded")} · ${t("planScore")} ${num(score ?? null)}`
          : score === undefined
            ? t("noData")
            : `${t("planScore")} ${num(score)}`
    const e = shownEstimates.get(code)
    const estimate = e
      ? ` · ${t("planCompChildRate")}: ${num(e.rate_per_100k, 1)} (${num(e.lower_per_100k, 1)}–${num(e.upper_per_100k, 1)})`
      : ""
    return `${districtName(code, lang)}: ${what}${estimate}`
  }

  const ordered = scores ?? []
  const first = ordered.find((s) => s.rank === 1)

  return (
    <section className="plan-section" id="plan-cpn" data-testid="plan-cpn">
      <h3>{t("planCpnTitle")}</h3>
      <p className="note">{t("planCpnIntro")}</p>
      <InputBox
        t={t}
        id="coverage"
        title={t("planCoverageInput")}
        input={coverage}
        onImport={props.importCoverage}
        onReset={props.resetCoverage}
      >
        {coverage?.origin === "illustrative" && (
          <p className="plan-illustrative">{t("planCoverageIllustrativeNote")}</p>
        )}
        <p className="note">
          {t("planCoverageCount", { n: covered.size })} · {t("planToggleHint")}
        </p>
      </InputBox>

      {engine.conn && (
        <p className="note" data-testid="planners-tier-note">
          {t("planPlannersTierNote", { k: publicK })}
        </p>
      )}
      {estimates.window && (
        <p className="note" data-testid="estimates-note">
          {t("planEstimatesNote", { from: estimates.window[0], to: estimates.window[1] })}
        </p>
      )}
      <div className="plan-grid">
        <fieldset className="plan-weights" data-testid="weights">
          <legend>{t("planWeights")}</legend>
          <p className="plan-formula" data-testid="formula">
            {t("planFormula")}
          </p>
          {PriorityScore.componentNames.map((c) => (
            <label key={c}>
              {t(COMPONENT_LABEL[c])}
              <input
                type="number"
                min={0}
                step={0.5}
                value={draft[c] ?? ""}
                data-weight={c}
                onChange={(e) => setWeight(c, e.target.value)}
              />
            </label>
          ))}
          <button type="button" onClick={resetWeights} data-testid="weights-reset">
            {t("planResetWeights")}
          </button>
          {weightErrors.length > 0 && (
            <p className="plan-error" role="alert">
              {t("planWeightsInvalid")}
            </p>
          )}
          <p className="note">
            {windows
              ? t("planWindows", {
                  from: windows.counts[0],
                  to: windows.counts[1],
                  r0: windows.recent[0],
                  r1: windows.recent[1],
                  p0: windows.previous[0],
                  p1: windows.previous[1],
                })
              : ""}
          </p>
          {!publicTier && <p className="note">{t("planFiltersApply")}</p>}
        </fieldset>

        <CpnWhatIf
          t={t}
          lang={lang}
          k={k}
          n={addN}
          setN={(v) => {
            setAddN(v)
            writeStored(N_KEY, String(v))
          }}
          result={whatIf}
          ranking={scores ?? []}
        />
      </div>

      <div className="plan-map-wrap" ref={mapRef}>
        <PlanningMap
          boundaries={boundaries}
          scores={scoreByCode}
          status={status}
          label={mapLabel}
          version={`${lang}|${[...covered].join(",")}|${[...added].join(",")}|${JSON.stringify(weights)}|${scoreByCode.size}|${loadedKey}`}
        />
        <ul className="plan-legend" aria-label={t("legend")}>
          {SCORE_COLOURS.map((c, i) => (
            <li key={c}>
              <span className="swatch" style={{ background: c }} />
              {`${t("planScore")} ${formatNumber(lang, i / 5, 1)}–${formatNumber(lang, (i + 1) / 5, 1)}`}
            </li>
          ))}
          <li>
            <span className="swatch plan-outline" style={{ borderColor: COVERED_COLOUR }} />
            {t("planCovered")}
            {coverage?.origin === "illustrative" ? ` (${t("illustrative")})` : ""}
          </li>
          <li>
            <span className="swatch plan-outline plan-outline-added" style={{ borderColor: ADDED_COLOUR }} />
            {t("planAdded")}
          </li>
        </ul>
      </div>

      <div className="plan-actions">
        <button
          type="button"
          onClick={() => {
            exportRanked().catch((e: unknown) => setQueryError(String(e)))
          }}
          disabled={!scores}
          data-testid="export-ranking"
        >
          {t("planExportRanking")}
        </button>
        <label className="plan-restricted">
          <input
            type="checkbox"
            checked={restricted}
            data-testid="export-restricted"
            onChange={(e) => setRestricted(e.target.checked)}
          />{" "}
          {t("planRestrictedExport")}
        </label>
        <ExportButtons
          t={t}
          name="planning-map"
          target={mapRef}
          context={() => {
            const legend: ReadonlyArray<LegendEntry> = [
              ...SCORE_COLOURS.map(
                (c, i): LegendEntry => ({
                  label: `${t("planScore")} ${formatNumber(lang, i / 5, 1)}–${formatNumber(lang, (i + 1) / 5, 1)}`,
                  kind: "swatch",
                  colour: c,
                }),
              ),
              { label: t("planCovered"), kind: "line", colour: COVERED_COLOUR },
              { label: t("planAdded"), kind: "dashed", colour: ADDED_COLOUR },
            ]
            return {
              ...props.exportContext(t("planCpnTitle"), [
                `${t("planCoverageInput")}: ${t(coverage?.origin === "illustrative" ? "planOriginIllustrative" : "planOriginOwn")}`,
                `${t("planWhatIfTitle")} N=${addN}: ${pct(whatIf?.before ?? 0)} → ${pct(whatIf?.after ?? 0)}`,
              ]),
              legend,
            }
          }}
          map={{
            attribution: boundaries?.attribution ?? t("attributionDefault"),
            north: t("north"),
            km: (n) => t("km", { n }),
          }}
        />
        {queryError && <span className="plan-error">{queryError}</span>}
        {publicTier && (
          <span className="note" data-testid="needs-facts">
            {t("planNeedsFacts")}
          </span>
        )}
        {first && (
          <span className="note">
            {t("planTopDistrict")}:{" "}
            <strong data-testid="top-district" data-district={first.district}>
              {districtName(first.district, lang)}
            </strong>
          </span>
        )}
      </div>

      <div className="plan-scroll">
        <table className="plan-ranking" data-testid="ranking">
          <thead>
            <tr>
              <th>{t("planRank")}</th>
              <th>{t("district")}</th>
              <th>{t("province")}</th>
              <th>{t("planScore")}</th>
              <th>{t("planEstimate")}</th>
              {PriorityScore.componentNames.map((c) => (
                <th key={c} title={t(COMPONENT_LABEL[c])}>
                  {t(COMPONENT_LABEL[c])} ×{formatNumber(lang, weights[c], 1)}
                </th>
              ))}
              <th>{t("planProvenance")}</th>
              <th>{t("planFlags")}</th>
              <th>{t("planCpn")}</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((s) => (
              <tr
                key={s.district}
                data-district={s.district}
                data-rank={s.rank ?? ""}
                data-covered={s.covered}
                data-added={added.has(s.district)}
              >
                <td>{s.rank ?? "–"}</td>
                <td>{districtName(s.district, lang)}</td>
                <td>{provinceName(s.province, lang, t("unknown"))}</td>
                <td>{s.covered ? t("planCovered") : num(s.score, 3)}</td>
                <td data-testid="estimate">
                  {(() => {
                    const e = shownEstimates.get(s.district)
                    return e
                      ? `${num(e.rate_per_100k, 1)} (${num(e.lower_per_100k, 1)}–${num(e.upper_per_100k, 1)})`
                      : "–"
                  })()}
                </td>
                {PriorityScore.componentNames.map((c) => {
                  const comp = s.components[c]
                  return (
                    <td
                      key={c}
                      data-component={c}
                      title={comp.raw === null ? "" : `${t("planRaw")}: ${num(comp.raw)}`}
                    >
                      {comp.normalised === null ? "–" : num(comp.normalised)}
                    </td>
                  )
                })}
                <td className="plan-provenance" data-testid="provenance">
                  {s.estimated
                    .map((p) => {
                      const w = p.lower === null || p.upper === null ? "–" : num(p.upper - p.lower, 1)
                      const c = t(COMPONENT_LABEL[p.component])
                      return p.cases !== null
                        ? t("planProvenanceCases", { c, n: p.cases, w })
                        : publicTier
                          ? t("planProvenancePublished", { c, w })
                          : t("planProvenanceFew", { c, k, w })
                    })
                    .join("; ")}
                </td>
                <td className="plan-flags">
                  {s.unknown
                    .map((c) =>
                      publicTier
                        ? t("planUnknownPublic", { c: t(COMPONENT_LABEL[c]) })
                        : unknownReason(c, inputByCode.get(s.district), flowsSuppressed) === "suppressed"
                          ? t("planUnknownSuppressed", { c: t(COMPONENT_LABEL[c]), k })
                          : t("planUnknownNoData", { c: t(COMPONENT_LABEL[c]) }),
                    )
                    .join("; ")}
                </td>
                <td>
                  <label className="plan-toggle">
                    <input
                      type="checkbox"
                      checked={s.covered}
                      data-toggle={s.district}
                      onChange={() => toggle(s.district)}
                      aria-label={`${t("planCpn")}: ${districtName(s.district, lang)}`}
                    />
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CpnSensitivity t={t} lang={lang} labels={COMPONENT_LABEL} result={sensitivity} />
    </section>
  )
}
