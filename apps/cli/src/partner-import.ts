/**
 * `lao-protect import-htcds` and `import-kobo`: convert a partner format to CaseRow cells and run
 * the normal validated import on the result (src/export/partner-import.ts). Separate commands so
 * the `import` command (owned by the import engineer) keeps its options.
 */
import { realpathSync } from "node:fs"
import { dirname } from "node:path"
import { parseArgs } from "node:util"
import { CaseRow } from "@lao-protect/domain"
import {
  domainModel,
  ImportError,
  importPartnerFile,
  openWarehouse,
  type PartnerFormat,
  PartnerFormatError,
  scratchDirOf,
} from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"
import { printImportResult } from "./import.ts"
import { enableProgress, terminalProgress } from "./progress.ts"

const usageOf = (format: PartnerFormat) =>
  format === "htcds"
    ? `usage: lao-protect import-htcds <sheet.xlsx|sheet.csv> [--sheet NAME] [--set column=value ...] [--source PARTNER] [--dry-run] [--db path]

  Reads an HTCDS case sheet (row 1 field names, row 2 labels, data below), maps it to CaseRow
  columns (docs/interop.md) and imports it with the normal validation and quarantine. HTCDS has no
  case id, victim group or identification date fields: they come from the lao_* extension fields,
  or give values for empty cells with --set, e.g. --set victim_group=repatriated_lao.`
    : `usage: lao-protect import-kobo <export.csv|export.xlsx> [--sheet NAME] [--set column=value ...] [--source PARTNER] [--dry-run] [--db path]

  Reads a KoboToolbox or ODK Central data export of the form made by \`lao-protect form xlsform\`
  (group prefixes such as person/sex are removed, _uuid, _submission_time and other metadata columns
  ignored) and imports it with the normal validation and quarantine. Export with XML values, not labels.`

const parseDefaults = (sets: ReadonlyArray<string>): Partial<Record<CaseRow.ColumnName, string>> => {
  const out: Partial<Record<CaseRow.ColumnName, string>> = {}
  for (const s of sets) {
    const at = s.indexOf("=")
    const column = s.slice(0, at)
    if (at < 1 || !(CaseRow.columnNames as ReadonlyArray<string>).includes(column))
      throw new UsageError(`--set needs column=value with a CaseRow column: ${s}`)
    out[column as CaseRow.ColumnName] = s.slice(at + 1)
  }
  return out
}

export const partnerImportCommand = (format: PartnerFormat): Command => ({
  summary:
    format === "htcds"
      ? "import an HTCDS case sheet through the validated import"
      : "import a KoboToolbox / ODK export of the case form through the validated import",
  usage: usageOf(format),
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        sheet: { type: "string" },
        set: { type: "string", multiple: true },
        source: { type: "string" },
        "dry-run": { type: "boolean" },
        db: { type: "string" },
      },
      strict: true,
    })
    const [input] = positionals
    if (input === undefined || positionals.length > 1)
      throw new UsageError(`give exactly one file\n\n${usageOf(format)}`)
    const defaults = parseDefaults(values.set ?? [])
    const dbPath = values.db ? ctx.resolve(values.db) : ctx.defaultDb
    // The converted CaseRow file is written beside the input: DuckDB may read that folder only.
    const db = await openWarehouse(dbPath, {
      access: { directories: [scratchDirOf(dbPath), realpathSync(dirname(ctx.resolve(input)))] },
    })
    try {
      await enableProgress(db.raw)
      const { rows, result: r } = await importPartnerFile(db, {
        file: ctx.resolve(input),
        format,
        model: domainModel(),
        defaults,
        ...(values.sheet === undefined ? {} : { sheet: values.sheet }),
        ...(values.source === undefined ? {} : { source: values.source }),
        ...(values["dry-run"] ? { dryRun: true } : {}),
        progress: terminalProgress(db.raw, ctx.stderr),
      })
      ctx.stdout.write(`records in the file: ${rows}\n`)
      printImportResult(ctx.stdout, r)
      return 0
    } catch (e) {
      if (e instanceof ImportError || e instanceof PartnerFormatError) {
        ctx.stderr.write(`import-${format} failed: ${e.message}\n`)
        return 1
      }
      throw e
    } finally {
      await db.close()
    }
  },
})
