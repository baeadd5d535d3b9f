/** `export hxl-gazetteer`: provinces and districts as an HXL location CSV (Primero's layout by default). */

import { writeFile } from "node:fs/promises"
import { Hxl } from "@lao-protect/domain"
import { exportCsvText } from "./csv.ts"

export const exportGazetteer = async (options: {
  readonly out: string
  readonly dialect?: Hxl.GazetteerDialect
}): Promise<{ readonly file: string; readonly rows: number }> => {
  const g = Hxl.gazetteer(options.dialect ?? "primero")
  const tagOf = new Map(g.header.map((h, i) => [h, g.tags[i]!]))
  await writeFile(
    options.out,
    exportCsvText({ header: g.header, rows: g.rows }, { hxl: (c) => tagOf.get(c) }),
  )
  return { file: options.out, rows: g.rows.length }
}
