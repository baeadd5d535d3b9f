/**
 * `lao-protect export htcds|ctdc|hxl-gazetteer|geojson`: the interoperability exports (src/export/).
 * Case-level exports (htcds, ctdc) read the warehouse; geojson reads only the current publication.
 */
import { existsSync } from "node:fs"
import { writeFile } from "node:fs/promises"
import { join } from "node:path"
import { parseArgs } from "node:util"
import {
  exportCtdc,
  exportGazetteer,
  exportGeojson,
  exportHtcds,
  type Layer,
  layers,
  openWarehouse,
} from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"

const usage = `usage: lao-protect export htcds --out cases.xlsx|cases.csv [--include-pii] [--hxl] [--db path]
       lao-protect export ctdc --out ctdc.csv [--k 10] [--hxl] [--db path]
       lao-protect export hxl-gazetteer --out locations.csv [--dialect primero|hxl]
       lao-protect export geojson --layer provinces|districts|checkpoints|flows --out layer.geojson
                                  [--year YYYY] [--published data/published] [--boundaries data/geo/imported|apps/dashboard/boundaries]

  htcds          cases as an HTCDS v2.0 case sheet (row 1 field names, row 2 labels); personal data
                 only with --include-pii; Lao fields HTCDS lacks travel as lao_* extension fields
  ctdc           cases in the CTDC 2024 synthetic-data layout (27 variables) with the publication
                 threshold: combinations of year, gender, ageBroad, citizenship and country of
                 exploitation with fewer than --k records are generalised or dropped (summary printed
                 and written to <out>.summary.json)
  hxl-gazetteer  provinces and districts with P-codes, English/Lao names and centroids as an HXL
                 location file; --dialect primero (default) is what Primero's location import reads
  geojson        a map layer from the CURRENT publication only (suppressed cells have n = null)
  --hxl          add an HXL hashtag row under the CSV header
CSV files are UTF-8 with a BOM; cells that look like formulas are neutralised with a leading '.`

const positive = (name: string, v: string): number => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`)
  return n
}

const command: Command = {
  summary: "export cases or map layers in partner formats (HTCDS, CTDC, HXL gazetteer, GeoJSON)",
  usage,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: "string" },
        db: { type: "string" },
        "include-pii": { type: "boolean", default: false },
        hxl: { type: "boolean", default: false },
        k: { type: "string", default: "10" },
        dialect: { type: "string", default: "primero" },
        layer: { type: "string" },
        year: { type: "string" },
        published: { type: "string" },
        boundaries: { type: "string" },
      },
      strict: true,
    })
    const [format, ...rest] = positionals
    if (rest.length > 0 || format === undefined) throw new UsageError(`give one format\n\n${usage}`)
    if (values.out === undefined) throw new UsageError(`--out is required\n\n${usage}`)
    const out = ctx.resolve(values.out)
    const withDb = async <A>(
      f: (db: Awaited<ReturnType<typeof openWarehouse>>) => Promise<A>,
    ): Promise<A> => {
      const db = await openWarehouse(values.db ? ctx.resolve(values.db) : ctx.defaultDb, { access: {} })
      try {
        return await f(db)
      } finally {
        await db.close()
      }
    }
    switch (format) {
      case "htcds": {
        const r = await withDb((db) =>
          exportHtcds({ db, out, includePii: values["include-pii"] === true, hxl: values.hxl === true }),
        )
        ctx.stdout.write(
          `export htcds: ${r.records} cases -> ${r.file}${values["include-pii"] ? " (WITH personal data)" : " (no personal data)"}\n`,
        )
        if (r.skipped > 0)
          ctx.stderr.write(`export htcds: ${r.skipped} cases no longer decode and were skipped\n`)
        return 0
      }
      case "ctdc": {
        const k = positive("k", values.k!)
        const r = await withDb((db) => exportCtdc({ db, out, k, hxl: values.hxl === true }))
        const s = r.summary
        ctx.stdout.write(
          `export ctdc: ${s.input} cases, ${s.released} released, ${s.dropped} dropped (k = ${s.k}, smallest group ${s.smallestGroup})\n`,
        )
        for (const step of s.byStep) ctx.stdout.write(`  ${step.step}: ${step.records}\n`)
        ctx.stdout.write(`  -> ${r.file}, summary ${r.summaryFile}\n`)
        return 0
      }
      case "hxl-gazetteer": {
        if (values.dialect !== "primero" && values.dialect !== "hxl")
          throw new UsageError("--dialect must be primero or hxl")
        const r = await exportGazetteer({ out, dialect: values.dialect })
        ctx.stdout.write(`export hxl-gazetteer: ${r.rows} districts -> ${r.file}\n`)
        return 0
      }
      case "geojson": {
        const layer = values.layer as Layer | undefined
        if (layer === undefined || !layers.includes(layer))
          throw new UsageError(`--layer must be one of ${layers.join(", ")}`)
        const year = values.year === undefined ? undefined : positive("year", values.year)
        const fc = await exportGeojson({
          published: values.published ? ctx.resolve(values.published) : join(ctx.repoRoot, "data/published"),
          layer,
          boundaries: values.boundaries
            ? ctx.resolve(values.boundaries)
            : existsSync(join(ctx.repoRoot, "data/geo/imported/provinces.geojson"))
              ? join(ctx.repoRoot, "data/geo/imported")
              : join(ctx.repoRoot, "apps/dashboard/boundaries"),
          ...(year === undefined ? {} : { year }),
        })
        await writeFile(out, `${JSON.stringify(fc)}\n`)
        const suppressed = fc.features.filter((f) => f.properties.suppressed === true).length
        ctx.stdout.write(
          `export geojson: ${fc.features.length} ${layer} features (${suppressed} suppressed) from release ${String(fc.release)} -> ${out}\n`,
        )
        return 0
      }
      default:
        throw new UsageError(`unknown export format "${format}"\n\n${usage}`)
    }
  },
}
export default command
