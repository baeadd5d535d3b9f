/** The PNG / SVG / CSV button row every chart, map and table uses (see src/export/index.ts). */
import { Fragment, type RefObject, useRef } from "react"
import type { T } from "../i18n/index.ts"
import type { ImageVariant } from "../lib/screenRule.ts"
import { CsvButtons } from "./CsvButtons.tsx"
import { exportChartPng, exportChartSvg } from "./chart.ts"
import { type ExportContext, fileNameFor, imageContext } from "./context.ts"
import type { CsvColumn } from "./csv.ts"
import { downloadBlob, downloadCsv } from "./download.ts"
import { exportMapPng, type MapExportOptions } from "./map.ts"
import { useScreenRule } from "./screenRule.tsx"

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
  const rule = useScreenRule()
  // a capture under the public rule reads the context of the render made under that rule
  const latest = useRef(context)
  latest.current = context
  const svg = () =>
    target.current?.querySelector<SVGSVGElement>("svg.recharts-surface") ??
    target.current?.querySelector<SVGSVGElement>("svg") ??
    null
  const png = async (exact: boolean) => {
    const ctx = imageContext(latest.current(), exact)
    if (map) {
      const el = target.current?.querySelector<HTMLElement>(".leaflet-container") ?? target.current
      if (el) downloadBlob(await exportMapPng(el, ctx, map), fileNameFor(ctx, "png"))
      return
    }
    const s = svg()
    if (s) downloadBlob(await exportChartPng(s, ctx), fileNameFor(ctx, "png"))
  }
  const svgFile = async (exact: boolean) => {
    const s = svg()
    if (!s) return
    const ctx = imageContext(latest.current(), exact)
    downloadBlob(new Blob([exportChartSvg(s, ctx)], { type: "image/svg+xml" }), fileNameFor(ctx, "svg"))
  }
  const run = (capture: (exact: boolean) => Promise<void>, variant: ImageVariant) => () => {
    const exact = variant.kind === "exact"
    const go =
      variant.kind === "public" && variant.switchToPublic
        ? rule.withPublicRule
        : (f: () => Promise<void>) => f()
    go(() => capture(exact)).catch(report)
  }
  // a map is exported as PNG only
  type Format = readonly ["png" | "svg", (exact: boolean) => Promise<void>, "exportPng" | "exportSvg"]
  const pngFormat: Format = ["png", png, "exportPng"]
  const formats: ReadonlyArray<Format> = map ? [pngFormat] : [pngFormat, ["svg", svgFile, "exportSvg"]]
  // The CSV holds the publication's rule; on the planners tier the exact table is a second button.
  const exactScreen = context().publicRule !== undefined
  return (
    <span className="export-buttons" data-export-for={name}>
      {rule.variants.map((variant) => {
        const exact = variant.kind === "exact"
        const label = (text: string) => (exact ? `${text} (${t("exportExactImage")})` : text)
        return (
          <Fragment key={variant.kind}>
            {formats.map(([format, capture, text]) => (
              <button
                key={format}
                type="button"
                data-export={exact ? `${format}-exact` : format}
                className={exact ? "restricted" : undefined}
                onClick={run(capture, variant)}
              >
                {label(t(text))}
              </button>
            ))}
          </Fragment>
        )
      })}
      {csv && (
        <CsvButtons
          t={t}
          name="csv"
          exactOffered={exactScreen}
          onExport={(exact) => downloadCsv(csv.rows, csv.columns, context(), { exact })}
        />
      )}
    </span>
  )
}
