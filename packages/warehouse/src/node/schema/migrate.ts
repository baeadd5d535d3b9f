/**
 * Brings a warehouse file to the schema generated from the current domain. A new version (a code
 * added to a vocabulary, a new column) rebuilds `cases` in one transaction: rows are copied out as
 * text, the ENUM types are recreated, and the rows are cast back (DuckDB has no `ALTER TYPE ... ADD
 * VALUE`, and a type that columns use cannot be dropped). A code that was
 * removed while rows still use it makes the cast fail, the transaction rolls back and the file stays
 * as it was.
 */
import type { NodeConnector } from "../NodeConnector.ts"
import { casesDdl, columnType, enumDdl, fixedTables, schemaDdl, schemaVersion } from "./ddl.ts"
import { type CaseModel, enumsOf } from "./model.ts"
import { ident } from "./sql-text.ts"

export interface MigrationResult {
  readonly version: string
  readonly action: "created" | "migrated" | "current"
  readonly from?: string
}

async function tableExists(db: NodeConnector, name: string): Promise<boolean> {
  const rows = await db.query(
    "select count(*) as n from duckdb_tables() where table_name = $1 and not temporary",
    [name],
  )
  return rows[0]?.n === 1
}

async function existingEnums(db: NodeConnector): Promise<ReadonlyArray<string>> {
  const rows = await db.query<{ name: string }>(
    "select type_name as name from duckdb_types() where logical_type = 'ENUM' and not internal and database_name = current_database()",
  )
  return rows.map((r) => r.name)
}

export async function migrate(db: NodeConnector, model: CaseModel): Promise<MigrationResult> {
  await db.exec(fixedTables)
  const version = schemaVersion(model)
  if (!(await tableExists(db, "cases"))) {
    await db.exec("BEGIN TRANSACTION")
    try {
      for (const name of await existingEnums(db)) await db.exec(`DROP TYPE IF EXISTS ${ident(name)}`)
      await db.exec(schemaDdl(model))
      await db.query("insert into schema_migrations values ($1, current_timestamp, $2)", [
        version,
        schemaDdl(model),
      ])
      await db.exec("COMMIT")
    } catch (e) {
      await db.exec("ROLLBACK")
      throw e
    }
    return { version, action: "created" }
  }
  const last = await db.query<{ version: string }>(
    "select version from schema_migrations order by applied_at desc limit 1",
  )
  const from = last[0]?.version
  if (from === version) return { version, action: "current" }

  const existingCols = new Set(
    (
      await db.query<{ name: string }>(
        "select column_name as name from duckdb_columns() where table_name = 'cases' and not internal",
      )
    ).map((r) => r.name),
  )
  const asText = (name: string, t: string) =>
    t.endsWith("[]") ? `${ident(name)}::VARCHAR[]` : `${ident(name)}::VARCHAR`
  const provenance = ["source_file", "import_id", "row_number", "imported_at"]
  const copyOut = [
    ...model.columns
      .filter((c) => existingCols.has(c.name))
      .map((c) => `${asText(c.name, columnType(c))} AS ${ident(c.name)}`),
    ...provenance.map(ident),
  ].join(", ")
  const copyIn = [
    ...model.columns.map((c) =>
      existingCols.has(c.name) ? `${ident(c.name)}::${columnType(c)}` : `NULL::${columnType(c)}`,
    ),
    ...provenance.map(ident),
  ].join(", ")

  await db.exec("BEGIN TRANSACTION")
  try {
    await db.exec(`CREATE TEMP TABLE cases_migrating AS SELECT ${copyOut} FROM cases`)
    await db.exec("DROP TABLE cases")
    const wanted = new Set(enumsOf(model).map((e) => e.name))
    for (const name of await existingEnums(db))
      if (wanted.has(name)) await db.exec(`DROP TYPE ${ident(name)}`)
    await db.exec(enumDdl(model))
    await db.exec(casesDdl(model))
    await db.exec(`INSERT INTO cases SELECT ${copyIn} FROM cases_migrating`)
    await db.exec("DROP TABLE cases_migrating")
    await db.query("insert into schema_migrations values ($1, current_timestamp, $2)", [
      version,
      schemaDdl(model),
    ])
    await db.exec("COMMIT")
  } catch (e) {
    await db.exec("ROLLBACK")
    throw new Error(
      `schema migration ${from ?? "?"} -> ${version} failed and was rolled back: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
  return from === undefined ? { version, action: "migrated" } : { version, action: "migrated", from }
}
