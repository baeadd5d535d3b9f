/** Hand a file to the user: an object URL on a temporary <a download> (a download, not a navigation). */

import { dataExportContext, type ExportContext, fileNameFor } from "./context.ts"
import { type CsvColumn, type CsvLabels, defaultCsvLabels, toCsv } from "./csv.ts"

export const downloadBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob)
  const a = document.createElement("a")
  a.href = url
  a.download = fileName
  a.rel = "noopener"
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * Write rows as CSV (BOM, context comment rows, neutralised cells) and download it, under the
 * publication's rule unless `exact` (the planners tier's restricted version) is asked for.
 */
export const downloadCsv = <R>(
  rows: ReadonlyArray<R>,
  columns: ReadonlyArray<CsvColumn<R>>,
  screenContext: ExportContext,
  options: { readonly exact?: boolean; readonly labels?: CsvLabels } = {},
): void => {
  const context = dataExportContext(screenContext, options.exact)
  downloadBlob(
    new Blob([toCsv(rows, columns, context, options.labels ?? defaultCsvLabels)], {
      type: "text/csv;charset=utf-8",
    }),
    fileNameFor(context, "csv"),
  )
}
