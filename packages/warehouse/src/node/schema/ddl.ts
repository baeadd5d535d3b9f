/**
 * DDL generated from the CaseModel: one ENUM type per vocabulary, the `cases` table (typed CaseRow
 * columns + provenance), `quarantine`, `import_warning`, `import_log` and `schema_migrations`.
 * The schema version is a hash of this text, so any change in the domain's codes or columns is a new
 * version that `migrate` applies.
 */
import { createHash } from "node:crypto"
import { type CaseModel, type ColumnSpec, enumsOf } from "./model.ts"
import { ident, literal } from "./sql-text.ts"
import fixedTables from "./tables.sql?raw"

export const columnType = (c: ColumnSpec): string => {
  switch (c.kind) {
    case "date":
      return "DATE"
    case "int":
      return "INTEGER"
    case "code":
    case "place":
      return c.enum ? ident(c.enum.name) : "VARCHAR"
    case "codes":
      return c.enum ? `${ident(c.enum.name)}[]` : "VARCHAR[]"
    default:
      return "VARCHAR"
  }
}

export const enumDdl = (model: CaseModel): string =>
  enumsOf(model)
    .map((e) => `CREATE TYPE ${ident(e.name)} AS ENUM (${e.codes.map(literal).join(", ")});`)
    .join("\n")

/**
 * `cases` is keyed by (source, case_id) without an ART primary key: the importer keeps the key
 * unique (see `src/import/import-file.ts`), and a bulk import does not pay for index maintenance.
 */
export const casesDdl = (model: CaseModel, table = "cases"): string => {
  const cols = model.columns.map(
    (c) =>
      `  ${ident(c.name)} ${columnType(c)}${c.name === "case_id" || c.name === "source" ? " NOT NULL" : ""}`,
  )
  return [
    `CREATE TABLE ${ident(table)} (`,
    [
      ...cols,
      "  source_file VARCHAR NOT NULL",
      "  import_id VARCHAR NOT NULL",
      "  row_number INTEGER NOT NULL",
      "  imported_at TIMESTAMP NOT NULL",
    ].join(",\n"),
    ");",
  ].join("\n")
}

/** The full generated schema (types + cases); the fixed tables are in tables.sql. */
export const schemaDdl = (model: CaseModel): string => `${enumDdl(model)}\n${casesDdl(model)}\n`

/** Short stable version of the generated schema. */
export const schemaVersion = (model: CaseModel): string =>
  createHash("sha256").update(schemaDdl(model)).update(fixedTables).digest("hex").slice(0, 16)

export { fixedTables }
