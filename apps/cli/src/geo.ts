/**
 * `lao-protect geo import <file|folder>` and `lao-protect geo build`: a thin shell over
 * @lao-protect/geo. Official boundary files (COD-AB, geoBoundaries, TopoJSON) are turned into
 * data/geo/imported/{provinces,districts}.geojson; `build` writes the approximate default boundaries
 * into data/geo/default/. Matching, reporting and attribution live in the tooling package.
 */
import { parseArgs } from "node:util"
import { type Command, UsageError } from "./command.ts"

const usage = `usage: lao-protect geo import <file|folder> [--level adm1|adm2] [--out DIR] [--attribution TEXT] [--strict]
       lao-protect geo build [--out DIR]

  import         match an official boundary file (OCHA COD-AB or geoBoundaries GeoJSON, TopoJSON, or a
                 folder of them) to the project's P-codes; writes provinces.geojson or districts.geojson
  --level        adm1 (provinces) or adm2 (districts); detected from the properties when absent
  --out          output folder (default: data/geo/imported, or data/geo/default for build)
  --attribution  credit line to store, when the file and its metadata do not say (e.g. "OCHA COD-AB (CC BY-IGO)")
  --strict       exit 1 when a feature matched nothing or a P-code got no geometry
  build          rebuild the default, approximate boundaries from Natural Earth and the district centres`

const command: Command = {
  summary: "import official boundary files (geo import) or rebuild the default boundaries (geo build)",
  usage,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        level: { type: "string" },
        out: { type: "string" },
        attribution: { type: "string" },
        strict: { type: "boolean", default: false },
      },
    })
    const [sub, ...rest] = positionals
    const geo = await import("@lao-protect/geo")
    if (sub === "build") {
      if (rest.length > 0) throw new UsageError(`geo build takes no file\n\n${usage}`)
      const outDir = values.out ? ctx.resolve(values.out) : `${ctx.repoRoot}/data/geo/default`
      const r = geo.buildDefaultBoundaries({ outDir })
      ctx.stdout.write(
        `wrote ${r.provinces} provinces, ${r.districts} districts, ${r.countries} countries to ${outDir}\n` +
          `approximate: provinces ${r.approximateProvinces.join(", ")} and every district\n`,
      )
      return 0
    }
    if (sub !== "import") throw new UsageError(`unknown geo subcommand "${sub ?? ""}"\n\n${usage}`)
    const [input] = rest
    if (!input || rest.length > 1) throw new UsageError(`give exactly one file or folder\n\n${usage}`)
    if (values.level !== undefined && values.level !== "adm1" && values.level !== "adm2")
      throw new UsageError(`--level must be adm1 or adm2, not "${values.level}"`)
    const outDir = values.out ? ctx.resolve(values.out) : `${ctx.repoRoot}/data/geo/imported`
    let report: Awaited<ReturnType<typeof geo.importBoundaries>>
    try {
      report = geo.importBoundaries(ctx.resolve(input), {
        outDir,
        ...(values.level ? { level: values.level } : {}),
        ...(values.attribution ? { attribution: values.attribution } : {}),
      })
    } catch (e) {
      ctx.stderr.write(`geo import failed: ${e instanceof Error ? e.message : String(e)}\n`)
      return 1
    }
    ctx.stdout.write(`${geo.formatReport(report)}\n`)
    const incomplete = report.unmatched.length > 0 || report.missing.length > 0
    if (incomplete)
      ctx.stderr.write(
        `geo import: ${report.unmatched.length} features unmatched, ${report.missing.length} P-codes without geometry (see above)\n`,
      )
    return values.strict && incomplete ? 1 : 0
  },
}
export default command
