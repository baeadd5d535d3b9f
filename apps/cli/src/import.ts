/**
 * `lao-protect import <file>`: validated import of one partner file (see src/import/import-file.ts).
 * Prints rows read / accepted / rejected (they always add up) and warnings.
 */
import { readFileSync } from "node:fs"
import { parseArgs } from "node:util"
import {
  domainModel,
  ImportError,
  importFile,
  openWarehouse,
  parseMapping,
  type ValueMapping,
  withSets,
} from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"
import { terminalProgress } from "./progress.ts"

const usage = `usage: lao-protect import <file> [--sheet NAME] [--mapping map.json] [--set column=value ...] [--source PARTNER] [--db path]

  <file>        .csv (comma, semicolon or tab; UTF-8 with or without BOM), .xlsx, .json (array), .ndjson
  --sheet       xlsx sheet name (default: the first sheet)
  --mapping     JSON file {"columns": {"Your header": "case_row_column"}, "values": {"sex": {"F": "female"}},
                "set": {"citizenship": "LAO"}} (or the flat {"Your header": "column"}); start one with
                \`lao-protect mapping suggest <file>\`
  --set         column=value for rows whose cell is missing or empty, e.g. --set citizenship=LAO
  --source      partner code for rows without a "source" value
  --db          warehouse file (default: data/warehouse/lao-protect.duckdb at the repo root)`

const command: Command = {
  summary: "import a partner file (CSV, XLSX, JSON, NDJSON) into the warehouse",
  usage,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        sheet: { type: "string" },
        mapping: { type: "string" },
        source: { type: "string" },
        set: { type: "string", multiple: true },
        db: { type: "string" },
      },
    })
    const [input] = positionals
    if (!input || positionals.length > 1) throw new UsageError(`give exactly one file\n\n${usage}`)
    const file = ctx.resolve(input)
    const model = domainModel()
    let mapping: ValueMapping = { columns: {}, values: {}, set: {} }
    try {
      if (values.mapping)
        mapping = parseMapping(JSON.parse(readFileSync(ctx.resolve(values.mapping), "utf8")), model)
      mapping = withSets(mapping, values.set ?? [], model)
    } catch (e) {
      throw new UsageError(`cannot use the mapping: ${e instanceof Error ? e.message : String(e)}`)
    }
    const db = await openWarehouse(values.db ? ctx.resolve(values.db) : ctx.defaultDb)
    try {
      const r = await importFile(db, {
        file,
        model,
        ...(values.sheet ? { sheet: values.sheet } : {}),
        mapping: mapping.columns,
        values: mapping.values,
        set: mapping.set,
        ...(values.source ? { source: values.source } : {}),
        progress: terminalProgress(db.raw, ctx.stderr),
      })
      const out = ctx.stdout
      if (r.status === "already_imported")
        out.write(`already imported (import ${r.previousImportId}): nothing changed\n`)
      out.write(
        `rows read: ${r.rowsRead}\naccepted: ${r.accepted}\nrejected: ${r.rejected}\nwarnings: ${r.warnings}\n`,
      )
      if (r.status === "committed") out.write(`cases inserted: ${r.inserted}, updated: ${r.updated}\n`)
      if (r.ignoredHeaders.length > 0) out.write(`ignored columns: ${r.ignoredHeaders.join(", ")}\n`)
      if (r.rejectedFile) out.write(`rejected rows and reasons: ${r.rejectedFile}\n`)
      return 0
    } catch (e) {
      if (e instanceof ImportError) {
        ctx.stderr.write(`import failed: ${e.message}\n`)
        return 1
      }
      throw e
    } finally {
      await db.close()
    }
  },
}
export default command
