/**
 * `lao-protect import <file>`: validated import of one partner file (see src/import/import-file.ts).
 * Prints rows read / accepted / rejected (they always add up) and warnings.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs"
import { parseArgs } from "node:util"
import {
  domainModel,
  ImportError,
  importFile,
  openWarehouse,
  scratchDirOf,
} from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"
import { terminalProgress } from "./progress.ts"

const usage = `usage: lao-protect import <file> [--sheet NAME] [--mapping map.json] [--source PARTNER] [--db path]

  <file>        .csv (comma, semicolon or tab; UTF-8 with or without BOM), .xlsx, .json (array), .ndjson
  --sheet       xlsx sheet name (default: the first sheet)
  --mapping     JSON file {"Partner header": "case_row_column", ...}
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
        db: { type: "string" },
      },
    })
    const [input] = positionals
    if (!input || positionals.length > 1) throw new UsageError(`give exactly one file\n\n${usage}`)
    const file = ctx.resolve(input)
    let mapping: Record<string, string> | undefined
    if (values.mapping) {
      try {
        mapping = JSON.parse(readFileSync(ctx.resolve(values.mapping), "utf8")) as Record<string, string>
      } catch (e) {
        throw new UsageError(`cannot read mapping file: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
    const dbPath = values.db ? ctx.resolve(values.db) : ctx.defaultDb
    // DuckDB may read the input (through its pattern-free link) and nothing else.
    const db = await openWarehouse(dbPath, {
      access: { directories: [scratchDirOf(dbPath)], files: existsSync(file) ? [realpathSync(file)] : [] },
    })
    try {
      const r = await importFile(db, {
        file,
        model: domainModel(),
        ...(values.sheet ? { sheet: values.sheet } : {}),
        ...(mapping ? { mapping } : {}),
        ...(values.source ? { source: values.source } : {}),
        progress: terminalProgress(db.raw, ctx.stderr),
      })
      const out = ctx.stdout
      if (r.cleanedUp)
        out.write(
          `removed ${r.cleanedUp.length} leftover file${r.cleanedUp.length === 1 ? "" : "s"} of an interrupted import (they held rejected rows): ${r.cleanedUp.join(", ")}\n`,
        )
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
