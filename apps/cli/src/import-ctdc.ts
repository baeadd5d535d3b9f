/**
 * `lao-protect import-ctdc <file>`: a CTDC file (2024 Global Synthetic Dataset or the legacy
 * Global Dataset; CSV or XLSX) into the warehouse's `ctdc_record` table, beside the cases.
 */
import { parseArgs } from "node:util"
import { CtdcImportError, importCtdc, openWarehouse } from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"

const usage = `usage: lao-protect import-ctdc <file.csv|file.xlsx> [--sheet NAME] [--db path]

  Reads the CTDC 2024 synthetic layout or the legacy Global Dataset layout (variable names in any
  case; -99, "00", ZZ and empty cells are unknown; legacy means-of-control flags and labels mapped to
  the 2024 variables) into the table ctdc_record. Rows without a year of registration are rejected
  and listed; importing the same file again replaces its rows.`

const command: Command = {
  summary: "import a CTDC data file (2024 synthetic or legacy layout) as reference data",
  usage,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { sheet: { type: "string" }, db: { type: "string" } },
      strict: true,
    })
    const [input] = positionals
    if (input === undefined || positionals.length > 1)
      throw new UsageError(`give exactly one file\n\n${usage}`)
    const db = await openWarehouse(values.db ? ctx.resolve(values.db) : ctx.defaultDb)
    try {
      const r = await importCtdc(db, {
        file: ctx.resolve(input),
        ...(values.sheet === undefined ? {} : { sheet: values.sheet }),
      })
      const out = ctx.stdout
      out.write(`layout: ${r.layout === "legacy" ? "legacy Global Dataset" : "2024 synthetic"}\n`)
      out.write(
        `rows read: ${r.rowsRead}\naccepted: ${r.accepted}\nrejected: ${r.rejected.length}\nwarnings: ${r.warnings.length}\n`,
      )
      for (const x of r.rejected.slice(0, 10)) out.write(`  row ${x.row}: ${x.reason}\n`)
      for (const w of r.warnings.slice(0, 10)) out.write(`  row ${w.row}: ${w.message}\n`)
      return 0
    } catch (e) {
      if (e instanceof CtdcImportError) {
        ctx.stderr.write(`import-ctdc failed: ${e.message}\n`)
        return 1
      }
      throw e
    } finally {
      await db.close()
    }
  },
}
export default command
