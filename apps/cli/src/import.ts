/**
 * `lao-protect import <file>`: validated import of one partner file (see the warehouse's
 * import/import-file.ts). Prints rows read / accepted / rejected (they always add up), blank rows
 * skipped, the warnings as a short table and where the rejected rows and warnings were written.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs"
import { parseArgs } from "node:util"
import {
  domainModel,
  ImportError,
  type ImportResult,
  importFile,
  openWarehouse,
  parseMapping,
  scratchDirOf,
  type ValueMapping,
  withSets,
} from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"
import { enableProgress, terminalProgress } from "./progress.ts"

const usage = `usage: lao-protect import <file> [--sheet NAME] [--mapping map.json] [--set column=value ...] [--source PARTNER] [--dry-run] [--db path]

  <file>        .csv (comma, semicolon or tab; UTF-8 with or without BOM), .xlsx, .json (array), .ndjson
  --sheet       xlsx sheet name (default: the first sheet)
  --mapping     JSON file {"columns": {"Your header": "case_row_column"}, "values": {"sex": {"F": "female"}},
                "set": {"citizenship": "LAO"}} (or the flat {"Your header": "column"}); start one with
                \`lao-protect mapping suggest <file>\`
  --set         column=value for rows whose cell is missing or empty, e.g. --set citizenship=LAO
  --source      partner code for rows without a "source" value
  --dry-run     check and count everything an import would do, then change nothing and write no file
  --db          warehouse file (default: data/warehouse/lao-protect.duckdb at the repo root)`

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** The report both `import` and the partner-format imports print. */
export function printImportResult(out: NodeJS.WritableStream, r: ImportResult): void {
  if (r.cleanedUp)
    out.write(
      `removed ${r.cleanedUp.length} leftover file${r.cleanedUp.length === 1 ? "" : "s"} of an interrupted import (they held rejected rows): ${r.cleanedUp.join(", ")}\n`,
    )
  if (r.status === "already_imported")
    out.write(`already imported (import ${r.previousImportId}): nothing changed\n`)
  if (r.status === "dry_run") out.write("dry run: nothing was written\n")
  out.write(
    `rows read: ${r.rowsRead}\naccepted: ${r.accepted}\nrejected: ${r.rejected}\nwarnings: ${r.warnings}\n`,
  )
  if (r.skippedBlank)
    out.write(
      `blank rows skipped: ${r.skippedBlank} (rows ${(r.skippedRows ?? []).join(", ")}${r.skippedBlank > (r.skippedRows?.length ?? 0) ? ", ..." : ""})\n`,
    )
  if (r.status === "committed") out.write(`cases inserted: ${r.inserted}, updated: ${r.updated}\n`)
  if (r.ignoredHeaders.length > 0) out.write(`ignored columns: ${r.ignoredHeaders.join(", ")}\n`)
  if (r.rejectedByReason && r.rejectedByReason.length > 0) {
    out.write("rejected rows by reason:\n")
    for (const x of r.rejectedByReason.slice(0, 10))
      out.write(`  ${String(x.rows).padStart(6)}  ${x.column}: ${clip(x.reason, 90)}\n`)
  }
  const warnings = r.warningRows ?? []
  if (warnings.length > 0) {
    out.write("warnings (row, column, value, warning):\n")
    for (const w of warnings.slice(0, 10))
      out.write(
        `  ${String(w.row).padStart(6)}  ${w.column.padEnd(20)} ${clip(w.value ?? "", 24).padEnd(24)} ${clip(w.message, 80)}\n`,
      )
    if (r.warnings > 10) out.write(`  ... and ${r.warnings - 10} more\n`)
  }
  if (r.rejectedFile) out.write(`rejected rows and reasons: ${r.rejectedFile}\n`)
  if (r.warningsFile) out.write(`warnings by row: ${r.warningsFile}\n`)
}

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
        "dry-run": { type: "boolean" },
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
    const dbPath = values.db ? ctx.resolve(values.db) : ctx.defaultDb
    // DuckDB may read the input (through its pattern-free link) and nothing else.
    const db = await openWarehouse(dbPath, {
      access: { directories: [scratchDirOf(dbPath)], files: existsSync(file) ? [realpathSync(file)] : [] },
    })
    try {
      await enableProgress(db.raw)
      const r = await importFile(db, {
        file,
        model,
        ...(values.sheet ? { sheet: values.sheet } : {}),
        mapping: mapping.columns,
        values: mapping.values,
        set: mapping.set,
        ...(values.source ? { source: values.source } : {}),
        ...(values["dry-run"] ? { dryRun: true } : {}),
        progress: terminalProgress(db.raw, ctx.stderr),
      })
      printImportResult(ctx.stdout, r)
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
