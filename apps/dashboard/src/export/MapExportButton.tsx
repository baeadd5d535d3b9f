/**
 * The map's PNG export button: placed inside the map's wrapper, it finds the Leaflet container next
 * to it and exports it with the choropleth legend, north arrow, scale bar and attribution.
 */
import type { Connector } from "@lao-protect/warehouse"
import { useRef } from "react"
import { LAOS_BOUNDS, leafletMaps } from "../components/MapView.tsx"
import { labelOf } from "../data/reference.ts"
import type { Manifest } from "../data/release.ts"
import type { T } from "../i18n/index.ts"
import { type AreaValue, type Classes, classLabels, metricFor } from "../lib/choropleth.ts"
import { NO_DATA_FILL, SUPPRESSED_FILL } from "../lib/classify.ts"
import { metricDecimals } from "../lib/measures.ts"
import type { ImageVariant } from "../lib/screenRule.ts"
import { type AppState, mapMetricOf } from "../lib/state.ts"
import { type Cell, hidesNothing } from "../lib/suppress.ts"
import { CsvButtons } from "./CsvButtons.tsx"
import { buildExportContext, fileNameFor, imageContext, type LegendEntry } from "./context.ts"
import { downloadBlob, downloadCsv } from "./download.ts"
import { exportMapPng } from "./map.ts"
import { publicCell, publishedCells } from "./published.ts"
import { useScreenRule } from "./screenRule.tsx"

export interface MapExportButtonProps {
  readonly t: T
  readonly state: AppState
  readonly manifest: Manifest | null
  readonly k: number
  readonly title: string
  readonly classes: Classes
  readonly format: (n: number) => string
  readonly attribution: string
  /** The map's areas and values, for the CSV of its table. */
  readonly values?: ReadonlyMap<string, AreaValue> | undefined
  /** What the measure is and where its denominator comes from, carried into both exports. */
  readonly notes?: ReadonlyArray<string> | undefined
  /**
   * The release's tables: a default CSV takes the published case totals where the publication has
   * them. Null when the map's cells are not case totals (persons, a measure's own counts).
   */
  readonly conn?: Connector | null | undefined
  /**
   * The area values the default (public-rule) CSV starts from, when the screen's were computed with
   * a lower threshold (a share or a count of the map's own measure, at the publication's threshold).
   */
  readonly publicValues?: ReadonlyMap<string, AreaValue> | undefined
}

export const mapLegend = (
  t: T,
  k: number,
  classes: Classes,
  format: (n: number) => string,
  flows: boolean,
  decimals = 0,
): Array<LegendEntry> => [
  ...classLabels(classes, decimals, format).map((label, i) => ({
    label,
    kind: "swatch" as const,
    colour: classes.colours[i] ?? "#000",
  })),
  ...(hidesNothing(k)
    ? []
    : [{ label: t("suppressedLegend", { k }), kind: "suppressed" as const, colour: SUPPRESSED_FILL }]),
  { label: t("noData"), kind: "noData", colour: NO_DATA_FILL },
  ...(flows
    ? [
        { label: t("flowsOut"), kind: "line" as const, colour: "#b35806" },
        { label: t("flowsReturn"), kind: "dashed" as const, colour: "#2166ac" },
      ]
    : []),
]

export function MapExportButton(props: MapExportButtonProps) {
  const { t } = props
  const ref = useRef<HTMLSpanElement | null>(null)
  const rule = useScreenRule()
  // a capture under the public rule reads the props of the render made under that rule
  const latest = useRef(props)
  latest.current = props
  const run = async (exact: boolean) => {
    const container = ref.current?.closest(".map-wrap")?.querySelector<HTMLElement>(".leaflet-container")
    if (!container) return
    const p = latest.current
    const context = imageContext(
      buildExportContext({
        t: p.t,
        state: p.state,
        manifest: p.manifest,
        k: p.k,
        title: p.title,
        notes: p.notes,
        legend: mapLegend(
          p.t,
          p.k,
          p.classes,
          p.format,
          p.state.layers.includes("flows"),
          metricDecimals(metricFor(p.state.level, mapMetricOf(p.state))),
        ),
      }),
      exact,
    )
    // the export shows the whole country, whatever the screen is zoomed to; the view comes back after
    const map = leafletMaps.get(container)
    const before = map ? { centre: map.getCenter(), zoom: map.getZoom() } : null
    map?.fitBounds(LAOS_BOUNDS, { animate: false, padding: [6, 6] })
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    try {
      const png = await exportMapPng(container, context, {
        attribution: p.attribution,
        north: p.t("north"),
        km: (n) => p.t("km", { n }),
      })
      downloadBlob(png, fileNameFor(context, "png"))
    } finally {
      if (map && before) map.setView(before.centre, before.zoom, { animate: false })
    }
  }
  const image = (variant: ImageVariant) => () => {
    const capture = () => run(variant.kind === "exact")
    const go = variant.kind === "public" && variant.switchToPublic ? rule.withPublicRule(capture) : capture()
    go.catch((e: unknown) => console.error("export failed", e))
  }
  const exportContext = () =>
    buildExportContext({
      t,
      state: props.state,
      manifest: props.manifest,
      k: props.k,
      title: props.title,
      notes: props.notes,
    })
  const exactScreen = exportContext().publicRule !== undefined
  const csv = async (exact: boolean) => {
    const values = exact ? props.values : (props.publicValues ?? props.values)
    if (!values) return
    const { state } = props
    const level = state.level
    const published = exact ? null : await publishedCells(props.conn, props.manifest, state)
    const threshold = props.manifest?.threshold ?? props.k
    const count = ([code, v]: [string, AreaValue]): Cell =>
      published ? publicCell(published, code, v.cell, threshold) : v.cell
    downloadCsv(
      [...values.entries()],
      [
        { header: level === "province" ? t("province") : t("district"), value: ([code]) => code },
        { header: t("areaName"), value: ([code]) => labelOf(level, code, state.lang, code).text },
        { header: t("metricCount"), value: count },
        ...(mapMetricOf(state) !== "count" && level === "province"
          ? [
              {
                header: props.title,
                value: (row: [string, AreaValue]) =>
                  count(row).kind === "value" ? (row[1].value ?? count(row)) : count(row),
                countsOf: (row: [string, AreaValue]) => [count(row)],
              },
            ]
          : []),
        ...([...values.values()].some((v) => v.interval)
          ? [
              {
                header: t("intervalLower"),
                value: (row: [string, AreaValue]) =>
                  count(row).kind === "value" ? (row[1].interval?.lower ?? "") : "",
              },
              {
                header: t("intervalUpper"),
                value: (row: [string, AreaValue]) =>
                  count(row).kind === "value" ? (row[1].interval?.upper ?? "") : "",
              },
            ]
          : []),
      ],
      exportContext(),
      { exact },
    )
  }
  const download = (exact: boolean) => {
    csv(exact).catch((e: unknown) => console.error("export failed", e))
  }
  return (
    <span className="export-buttons map-export" data-export-for="map" ref={ref}>
      {rule.variants.map((variant) => (
        <button
          key={variant.kind}
          type="button"
          data-export={variant.kind === "exact" ? "png-exact" : "png"}
          className={variant.kind === "exact" ? "restricted" : undefined}
          onClick={image(variant)}
        >
          {t("exportMap")} ({t("exportPng")}
          {variant.kind === "exact" ? `, ${t("exportExactImage")}` : ""})
        </button>
      ))}
      {props.values && <CsvButtons t={t} name="csv" exactOffered={exactScreen} onExport={download} />}
    </span>
  )
}
