/**
 * The dashboard shell: header, language, shared cross-filters, page navigation and footer. The map
 * is in the main bundle; the other pages (and their planning and trend code) load when first shown.
 */
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from "react"
import { flushSync } from "react-dom"
import { FilterBar } from "./components/FilterBar.tsx"
import { signInHref } from "./data/http.ts"
import { vocab } from "./data/reference.ts"
import { type ScreenRuleApi, ScreenRuleProvider, settled } from "./export/screenRule.tsx"
import { useEngine } from "./hooks/useEngine.ts"
import { hasPersons, usePersons } from "./hooks/usePersons.ts"
import { useSessionEnded } from "./hooks/useSessionEnded.ts"
import { useUrlState } from "./hooks/useUrlState.ts"
import { useViews } from "./hooks/useViews.ts"
import { type Lang, type MessageKey, needsReview, translator } from "./i18n/index.ts"
import { formatDate, formatNumber } from "./lib/format.ts"
import { imageVariants, type ScreenChoice, switchable, viewThreshold } from "./lib/screenRule.ts"
import { type Allowed, FILTER_KEYS, PAGES, type Page } from "./lib/state.ts"
import type { Cell } from "./lib/suppress.ts"
import { MapPage } from "./pages/MapPage.tsx"
import { CountSwitch } from "./pages/persons/CountSwitch.tsx"
import { PersonsMapPanel, PersonsTrends } from "./pages/persons/PersonsPanels.tsx"
import { hasQuality } from "./pages/quality/queries.ts"

const TrendsPage = lazy(() => import("./pages/TrendsPage.tsx").then((m) => ({ default: m.TrendsPage })))
const PlanningPage = lazy(() => import("./pages/PlanningPage.tsx").then((m) => ({ default: m.PlanningPage })))
const QualityPage = lazy(() => import("./pages/QualityPage.tsx").then((m) => ({ default: m.QualityPage })))
const ReviewPage = lazy(() => import("./pages/ReviewPage.tsx").then((m) => ({ default: m.ReviewPage })))
const BriefPage = lazy(() => import("./brief/BriefPage.tsx").then((m) => ({ default: m.BriefPage })))
const Presentation = lazy(() =>
  import("./presentation/Presentation.tsx").then((m) => ({ default: m.Presentation })),
)

const allowed: Allowed = {
  codes: Object.fromEntries(FILTER_KEYS.map((k) => [k, vocab[k].codes])) as unknown as Allowed["codes"],
  areas: [...vocab.province.codes, ...vocab.district.codes],
}

const PAGE_LABEL: { readonly [P in Page]: MessageKey } = {
  map: "pageMap",
  trends: "pageTrends",
  planning: "pagePlanning",
  brief: "pageBrief",
  review: "pageReview",
  quality: "pageQuality",
}

export function App() {
  const engine = useEngine()
  const sessionEnded = useSessionEnded()
  const [state, update] = useUrlState(allowed)
  const { lang } = state
  const t = translator(lang)
  // The map's views only run while the map is shown; other pages run their own queries.
  const { data: views, activate, activateArea } = useViews(state.page === "map" ? engine.conn : null, state)
  const rule = engine.manifest ?? engine.firstPaint
  // the planners tier's screen shows exact counts unless the user (or a default image export, for
  // the time of its capture) switches it to the publication's rule
  const [choice, setChoice] = useState<ScreenChoice>("exact")
  const [capturing, setCapturing] = useState(0)
  const shownRule: ScreenChoice = capturing > 0 ? "public" : choice
  const canSwitch = switchable(rule ?? null)
  const k = viewThreshold(rule ?? null, shownRule)
  const captures = useRef(0)
  const withPublicRule = useCallback(async <A,>(capture: () => Promise<A>): Promise<A> => {
    captures.current += 1
    flushSync(() => setCapturing(captures.current))
    try {
      await settled()
      return await capture()
    } finally {
      captures.current -= 1
      setCapturing(captures.current)
    }
  }, [])
  const screenRule = useMemo<ScreenRuleApi>(
    () => ({ variants: imageVariants(rule ?? null, choice), withPublicRule }),
    [rule, choice, withPublicRule],
  )
  const flowThreshold = engine.manifest?.flowThreshold ?? 5
  const synthetic = engine.manifest?.synthetic ?? engine.firstPaint?.synthetic ?? false
  const mixedSynthetic = synthetic ? 0 : (engine.manifest?.syntheticCases ?? 0)

  const cellText = (cell: Cell): string =>
    cell.kind === "value"
      ? formatNumber(lang, cell.n)
      : cell.kind === "suppressed"
        ? t("suppressed", { k: cell.k })
        : t("noData")
  const pageProps = { engine, state, update, t, k, cellText }
  const personsAvailable = hasPersons(engine.manifest)
  const personsMode =
    state.count === "persons" && personsAvailable && (state.page === "map" || state.page === "trends")
  const persons = usePersons(engine.conn, engine.manifest, personsMode)
  // the person tables are suppressed at the publication's threshold, whatever the screen rule
  const personsProps = {
    t,
    lang,
    k: engine.manifest?.threshold ?? k,
    data: persons,
    manifest: engine.manifest,
  }
  // The linkage review is for data managers: only with a planners-tier release (served behind its token).
  const reviewAllowed = engine.manifest?.tier === "planners"

  const shell = (
    <div
      className="app"
      data-lang={lang}
      data-engine={engine.status}
      data-views={views ? "ready" : "pending"}
      data-screen-rule={canSwitch ? shownRule : "published"}
    >
      <header className="top">
        <h1>{t("appTitle")}</h1>
        {synthetic && (
          <span className="badge" data-testid="synthetic-badge">
            {t("syntheticBadge")}
          </span>
        )}
        {mixedSynthetic > 0 && (
          <span className="badge" data-testid="synthetic-badge">
            {t("syntheticMixedBadge", { n: formatNumber(lang, mixedSynthetic) })}
          </span>
        )}
        <span className="status" data-testid="engine-status" role="status">
          {engine.status === "loading"
            ? t("engineLoading")
            : engine.status === "failed"
              ? t("engineFailed")
              : t("engineReady")}
          <span hidden data-testid="view-source">
            {views?.source ?? ""}
          </span>
        </span>
        {canSwitch && (
          <label className="screen-rule" data-testid="screen-rule">
            {t("screenRule")}
            <select
              data-testid="screen-rule-switch"
              value={shownRule}
              disabled={capturing > 0}
              onChange={(e) => setChoice(e.target.value as ScreenChoice)}
            >
              <option value="exact">{t("screenRuleExact")}</option>
              <option value="public">{t("screenRulePublic", { k: rule?.threshold ?? k })}</option>
            </select>
          </label>
        )}
        <label className="lang">
          {t("language")}
          <select
            data-testid="lang-switch"
            value={lang}
            onChange={(e) => update((s) => ({ ...s, lang: e.target.value as Lang }))}
          >
            <option value="en">English</option>
            <option value="lo">ລາວ</option>
          </select>
        </label>
      </header>
      {engine.error && engine.status === "failed" && (
        <p className="session-ended" role="alert" data-testid="engine-error">
          {engine.error}
        </p>
      )}
      {sessionEnded && (
        <p className="session-ended" role="alert" data-testid="session-ended">
          {t("sessionEnded")} <a href={signInHref(window.location)}>{t("signInAgain")}</a>
        </p>
      )}
      <nav className="pages" aria-label={t("pagesNav")}>
        {[...PAGES, ...(hasQuality(engine.manifest?.tables) ? (["quality"] as const) : [])].map((page) => (
          <button
            key={page}
            type="button"
            data-page={page}
            aria-current={state.page === page ? "page" : undefined}
            onClick={() => update((s) => ({ ...s, page }))}
          >
            {t(PAGE_LABEL[page])}
          </button>
        ))}
        {(state.page === "map" || state.page === "trends") &&
          (personsAvailable || state.count === "persons") && (
            <CountSwitch t={t} state={state} update={update} available={personsAvailable} />
          )}
      </nav>
      <FilterBar
        t={t}
        lang={lang}
        state={state}
        years={engine.firstPaint?.years ?? null}
        update={update}
        onActivate={activate}
      />
      {state.page === "map" && (
        <MapPage
          {...pageProps}
          views={views}
          onActivateArea={activateArea}
          flowThreshold={flowThreshold}
          persons={personsMode ? persons : null}
        />
      )}
      {state.page === "map" && personsMode && <PersonsMapPanel {...personsProps} />}
      <Suspense
        fallback={
          <main className="page" data-testid="page-loading" aria-busy="true">
            {t("pageLoading")}
          </main>
        }
      >
        {state.page === "trends" && !personsMode && <TrendsPage {...pageProps} />}
        {state.page === "trends" && personsMode && <PersonsTrends {...personsProps} />}
        {state.page === "planning" && <PlanningPage {...pageProps} />}
        {state.page === "brief" && <BriefPage {...pageProps} />}
        {state.page === "review" && reviewAllowed && <ReviewPage t={t} lang={lang} />}
        {state.page === "review" && !reviewAllowed && engine.manifest && (
          <main className="page" data-testid="review-not-available">
            <p role="alert">{t("reviewNotAvailable")}</p>
          </main>
        )}
        {state.page === "quality" && <QualityPage engine={engine} state={state} t={t} />}
        {state.present && <Presentation {...pageProps} />}
      </Suspense>
      <footer className="foot">
        {engine.manifest && (
          <span>
            {t("release")}: {engine.manifest.release} ({formatDate(lang, engine.manifest.createdAt)})
          </span>
        )}
        {lang === "lo" && needsReview.length > 0 && (
          <span className="note" data-testid="review-note">
            {" "}
            · {t("reviewNote", { n: formatNumber(lang, needsReview.length) })}
          </span>
        )}
      </footer>
    </div>
  )
  return <ScreenRuleProvider value={screenRule}>{shell}</ScreenRuleProvider>
}
