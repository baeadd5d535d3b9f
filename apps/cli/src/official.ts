/**
 * `lao-protect official import-unodc <file>`: import a UNODC GLOTIP data file (CSV or XLSX) into
 * `official_stats` (see src/official-stats/). Prints rows read / accepted / rejected (they always
 * add up) and the rejected rows with row, field and reason.
 */
import { writeFileSync } from "node:fs"
import { parseArgs } from "node:util"
import { csvLine, importUnodcGlotip, OfficialImportError, openWarehouse } from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"

const usage = `usage: lao-protect official import-unodc <file.csv|file.xlsx> [--sheet NAME] [--rejected out.csv] [--db path]

  import-unodc  UNODC Global Report on Trafficking in Persons data file (title rows above the column
                names are skipped; "<5" is kept as suppressed, "..", "-", "n.a." and empty as missing)
  --sheet       xlsx sheet name (default: the first sheet)
  --rejected    also write the rejected rows (row, field, value, reason) to this CSV file
  --db          warehouse file (default: data/warehouse/lao-protect.duckdb at the repo root)`

const SHOWN = 20
// Cells come from a downloaded file: keep terminal control sequences out of the report.
const printable = (s: string): string => s.replace(/\p{Cc}/gu, "?")

const command: Command = {
  summary: "import official statistics (official import-unodc <GLOTIP file>)",
  usage,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        sheet: { type: "string" },
        rejected: { type: "string" },
        db: { type: "string" },
      },
    })
    const [sub, input, ...extra] = positionals
    if (sub !== "import-unodc") throw new UsageError(`unknown or missing subcommand\n\n${usage}`)
    if (!input || extra.length > 0) throw new UsageError(`give exactly one file\n\n${usage}`)
    const db = await openWarehouse(values.db ? ctx.resolve(values.db) : ctx.defaultDb, { access: {} })
    try {
      const r = await importUnodcGlotip(db, ctx.resolve(input), values.sheet ? { sheet: values.sheet } : {})
      const out = ctx.stdout
      out.write(`rows read: ${r.rowsRead}\naccepted: ${r.accepted}\nrejected: ${r.rejected}\n`)
      out.write(`of the accepted: suppressed (e.g. "<5"): ${r.suppressed}, missing: ${r.missing}\n`)
      out.write(`column names found on row ${r.headerRow}\n`)
      if (r.replaced > 0) out.write(`replaced ${r.replaced} rows of an earlier import of the same file\n`)
      if (r.ignoredColumns.length > 0)
        out.write(`ignored columns: ${printable(r.ignoredColumns.join(", "))}\n`)
      if (r.quarantine.length > 0) {
        out.write("rejected rows (kept in official_stats_quarantine):\n")
        for (const q of r.quarantine.slice(0, SHOWN))
          out.write(
            `  row ${q.rowNumber}, ${q.field}${q.value === null ? "" : ` "${printable(q.value)}"`}: ${q.reason}\n`,
          )
        if (r.quarantine.length > SHOWN) out.write(`  ... and ${r.quarantine.length - SHOWN} more\n`)
      }
      if (values.rejected) {
        const path = ctx.resolve(values.rejected)
        const lines = [csvLine(["row", "field", "value", "reason"])]
        for (const q of r.quarantine) lines.push(csvLine([String(q.rowNumber), q.field, q.value, q.reason]))
        writeFileSync(path, `\ufeff${lines.join("")}`)
        out.write(`rejected rows and reasons: ${path}\n`)
      }
      return 0
    } catch (e) {
      if (e instanceof OfficialImportError) {
        ctx.stderr.write(`official import failed: ${e.message}\n`)
        return 1
      }
      throw e
    } finally {
      await db.close()
    }
  },
}
export default command
