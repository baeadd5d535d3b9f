/**
 * Exports that carry their context. Every exported image or table says what it is, when it was
 * made, under which filters, from which publication, that counts below k are suppressed, and (when
 * the release is synthetic) that the data are not real. Shared by the Trends, Map, Planning and
 * presentation views.
 *
 * ```ts
 * const context = buildExportContext({ t, state, manifest: engine.manifest, k, title, legend })
 * downloadBlob(await exportChartPng(svgElement, context), fileNameFor(context, "png"))
 * downloadBlob(new Blob([exportChartSvg(svgElement, context)], { type: "image/svg+xml" }), fileNameFor(context, "svg"))
 * downloadBlob(await exportMapPng(leafletContainer, context, { attribution, north: "N", km: (n) => `${n} km` }), fileNameFor(context, "png"))
 * downloadCsv(rows, [{ header: "Year", value: (r) => r.year }, { header: "Cases", value: (r) => suppress(r.n, k) }], context)
 * ```
 *
 * - CSV: UTF-8 with BOM, `#` context rows, formula-looking text prefixed with `'`, a `Cell` from
 *   `suppress()` written as "suppressed (<k)" / "no data" (never 0).
 * - Images never leave the page: SVG is rasterised through a `data:` URL (the CSP's `img-src 'self'
 *   data:` already allows it, so no `blob:` is added), downloads go through an object URL on an
 *   `<a download>`.
 * - The export rule (issue 14): a CSV is written under the publication's rule. On the planners tier,
 *   whose screen shows exact counts, `downloadCsv` holds every count (and every rate or change
 *   computed from one, `countsOf`) to `manifest.threshold` by default; the exact table is a second,
 *   labelled button ("CSV, exact (restricted)"), marked RESTRICTED in the file and its name.
 *   Images follow the same rule: the default PNG / SVG is drawn with the screen switched to the
 *   public rule for the capture (`screenRule.tsx`), the exact image is a second, restricted button.
 * - `<ExportButtons>` is the ready-made PNG / SVG / CSV button row (`ExportButtons.tsx`).
 * It does not: fetch anything, draw maps with tiles, or decide suppression (that is `suppress`).
 */
export { exportChartPng, exportChartSvg } from "./chart.ts"
export {
  type BuildContextArgs,
  buildExportContext,
  dataExportContext,
  describeFilters,
  type ExportContext,
  exactScreenContext,
  fileNameFor,
  imageContext,
  type LegendEntry,
} from "./context.ts"
export {
  BOM,
  type CsvColumn,
  type CsvLabels,
  type CsvValue,
  csvField,
  defaultCsvLabels,
  neutraliseCsvCell,
  toCsv,
} from "./csv.ts"
export { downloadBlob, downloadCsv } from "./download.ts"
export { BADGE_COLOUR, layoutStamp, SUPPRESSED_GREY } from "./layout.ts"
export { exportMapPng, type MapExportOptions, metresPerPixelOf } from "./map.ts"
