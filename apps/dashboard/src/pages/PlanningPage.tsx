/** Planning: Child Protection Network expansion, shelter and resource needs, the protection pipeline. */
import type { ServiceDemand, Shelters } from "@lao-protect/planning"
import { useEffect, useState } from "react"
import { buildExportContext } from "../export/index.ts"
import { CpnSection } from "./planning/CpnSection.tsx"
import {
  type CpnCoverageLoaded,
  type Loaded,
  loadInput,
  loadOriginal,
  parseInput,
  store,
} from "./planning/inputs.ts"
import { coverageToCsv } from "./planning/model.ts"
import { PipelineSection } from "./planning/PipelineSection.tsx"
import { type PublishedPlanning, readPublished } from "./planning/queries.ts"
import { ShelterSection } from "./planning/ShelterSection.tsx"
import { usePlanningConn } from "./planning/usePlanningConn.ts"
import type { PageProps } from "./TrendsPage.tsx"
import "./planning/planning.css"
import { reportFailure } from "../lib/report.ts"

export function PlanningPage(props: PageProps) {
  const { engine, state, t, k } = props
  const [coverage, setCoverageState] = useState<CpnCoverageLoaded | null>(null)
  const [shelters, setShelters] = useState<Loaded<Shelters.Shelter> | null>(null)
  const [unitCosts, setUnitCosts] = useState<Loaded<ServiceDemand.UnitCost> | null>(null)
  const [published, setPublished] = useState<PublishedPlanning | null>(null)
  // the public tier has no facts cube: its published tables are read on a connection of the page's own
  const tables = usePlanningConn(engine)

  useEffect(() => {
    loadInput("cpn-coverage").then(setCoverageState, reportFailure("loading CPN coverage"))
    loadInput("shelters").then(setShelters, reportFailure("loading shelters"))
    loadInput("unit-costs").then(setUnitCosts, reportFailure("loading unit costs"))
  }, [])
  useEffect(() => {
    const conn = tables.conn
    if (!conn) return
    let cancelled = false
    readPublished(conn, engine.manifest).then(
      (p) => !cancelled && setPublished(p),
      reportFailure("reading published planning tables"),
    )
    return () => {
      cancelled = true
    }
  }, [tables.conn, engine.manifest])

  const setCoverage = (next: CpnCoverageLoaded) => {
    const text = coverageToCsv(next.rows)
    store("cpn-coverage", next.origin, text)
    setCoverageState({ ...next, text })
  }
  const importCoverage = (text: string) => {
    const parsed = parseInput("cpn-coverage", text, "imported")
    store("cpn-coverage", "imported", coverageToCsv(parsed.rows))
    setCoverageState(parsed)
  }
  const importShelters = (text: string) => {
    const parsed = parseInput("shelters", text, "imported")
    if (parsed.errors.length === 0) store("shelters", "imported", text)
    setShelters(parsed)
  }

  const exportContext = (title: string, notes: ReadonlyArray<string>) =>
    buildExportContext({ t, state, manifest: engine.manifest, k, title, notes })

  // undefined = still loading; null = not in this release
  const loading =
    engine.status === "loading" ||
    engine.status === "ready" ||
    (engine.status === "summary_only" && tables.error === null)
  const table = <N extends keyof PublishedPlanning>(name: N): PublishedPlanning[N] | undefined =>
    published ? published[name] : loading ? undefined : null

  return (
    <main
      className="page planning"
      data-testid="page-planning"
      data-planning={published ? "ready" : "pending"}
      data-tier={engine.manifest?.tier ?? ""}
    >
      <h2>{t("pagePlanning")}</h2>
      {engine.status === "summary_only" && (
        <p className="note" data-testid="public-tier-note">
          {t("planPublicTierNote")}
        </p>
      )}
      {tables.error && <p className="plan-error">{tables.error}</p>}
      <nav className="plan-nav" aria-label={t("pagePlanning")}>
        <a href="#plan-cpn">{t("planCpnTitle")}</a>
        <a href="#plan-shelter">{t("planShelterTitle")}</a>
        <a href="#plan-pipeline">{t("planPipelineTitle")}</a>
      </nav>
      <CpnSection
        {...props}
        coverage={coverage}
        setCoverage={setCoverage}
        importCoverage={importCoverage}
        resetCoverage={() =>
          loadOriginal("cpn-coverage").then(setCoverageState, reportFailure("resetting CPN coverage"))
        }
        shelters={shelters}
        publishedEstimates={table("area_estimates")}
        exportContext={exportContext}
      />
      <ShelterSection
        {...props}
        bedNights={table("bed_nights")}
        demand={table("shelter_demand")}
        forecast={table("shelter_forecast")}
        lengths={table("length_of_stay")}
        backtest={table("shelter_backtest")}
        shelters={shelters}
        importShelters={importShelters}
        resetShelters={() => loadOriginal("shelters").then(setShelters, reportFailure("resetting shelters"))}
        unitCosts={unitCosts}
        exportContext={exportContext}
      />
      <PipelineSection
        {...props}
        funnel={table("pipeline_funnel")}
        durations={table("stage_durations")}
        flags={table("red_flag_counts")}
        exportContext={exportContext}
      />
    </main>
  )
}
