/** The published JSON Schemas (draft 2020-12), generated from the Effect schemas. */
import * as Schema from "effect/Schema"
import { Case } from "../Case.ts"
import { CaseRow } from "../CaseRow.ts"

const document = (schema: Schema.Top, title: string) => {
  const doc = Schema.toJsonSchemaDocument(schema, { onExcessProperty: "error" })
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title,
    ...doc.schema,
    $defs: doc.definitions,
  }
}

export const jsonSchemas = () => ({
  Case: document(Case, "Lao Protect case"),
  CaseRow: document(CaseRow, "Lao Protect case row (one row per case, every cell text)"),
})
