/** The PNG / SVG / CSV button row every chart, map and table uses (see src/export/index.ts). */
import type { RefObject } from "react"
import type { T } from "../i18n/index.ts"
import { exportChartPng, exportChartSvg } from "./chart.ts"
import { type ExportContext, fileNameFor } from "./context.ts"
import type { CsvColumn } from "./csv.ts"
import { downloadBlob, downloadCsv } from "./download.ts"
import { exportMapPng, type MapExportOptions } from "./map.ts"

export interface ExportButtonsProps<R> {
  readonly t: T
  /** Used in data-export-for, so tests and scripts can find the row. */
  readonly name: string
  /** The element holding the chart's <svg> (or the `.leaflet-container` when `map` is set). */
  readonly target: RefObject<HTMLElement | null>
  /** Called at click time so the stamp has the current filters and date. */
  readonly context: () => ExportContext
  readonly csv?:
    | { readonly rows: ReadonlyArray<R>; readonly columns: ReadonlyArray<CsvColumn<R>> }
    | undefined
  /** Export the target as a Leaflet map (PNG only). */
  readonly map?: MapExportOptions | undefined
}

const report = (err: unknown) => console.error("export failed", err)

export function ExportButtons<R>({ t, name, target, context, csv, map }: ExportButtonsProps<R>) {
  const svg = () =>
    target.current?.querySelector<SVGSVGElement>("svg.recharts-surface") ??
    target.current?.querySelector<SVGSVGElement>("svg") ??
    null
  const png = async () => {
    const ctx = context()
    if (map) {
      const el = target.current?.querySelector<HTMLElement>(".leaflet-container") ?? target.current
      if (el) downloadBlob(await exportMapPng(el, ctx, map), fileNameFor(ctx, "png"))
      return
    }
    const s = svg()
    if (s) downloadBlob(await exportChartPng(s, ctx), fileNameFor(ctx, "png"))
  }
  const svgFile = () => {
    const s = svg()
    if (!s) return
    const ctx = context()
    downloadBlob(new Blob([exportChartSvg(s, ctx)], { type: "image/svg+xml" }), fileNameFor(ctx, "svg"))
  }
  // The planners tier shows exact counts: images show the screen, so they say so on the button;
  // the CSV holds the publication's rule, the exact table is a second, labelled button.
  const exactScreen = context().publicRule !== undefined
  const image = (label: string) => (exactScreen ? `${label} (${t("exportExactImage")})` : label)
  return (
    <span className="export-buttons" data-export-for={name}>
      <button type="button" data-export="png" onClick={() => png().catch(report)}>
        {image(t("exportPng"))}
      </button>
      {!map && (
        <button type="button" data-export="svg" onClick={svgFile}>
          {image(t("exportSvg"))}
        </button>
      )}
      {csv && (
        <button type="button" data-export="csv" onClick={() => downloadCsv(csv.rows, csv.columns, context())}>
          {t("exportCsv")}
        </button>
      )}
      {csv && exactScreen && (
        <button
          type="button"
          data-export="csv-exact"
          className="restricted"
          onClick={() => downloadCsv(csv.rows, csv.columns, context(), { exact: true })}
        >
          {t("exportCsvExact")}
        </button>
      )}
    </span>
  )
}
