/**
 * The facts cube as DuckDB-WASM loads it fastest: publish writes its text columns as Arrow
 * dictionaries, and DuckDB turns every dictionary row into a VARCHAR on insert (about 800 ms of the
 * engine start at 1M cases, against about 250 ms for the same rows with the dictionaries' integer
 * codes). So the cube is inserted as `facts_codes` (each dictionary column replaced by its codes,
 * everything else as published) and `facts` is a view giving back the text: the same columns, types,
 * values, nulls and rows as inserting the file itself (test/fact-codes.test.ts compares both on
 * DuckDB). The file format does not change: the codes are taken from the published file in the page.
 */
import { DataType, makeData, makeVector, Table, tableFromIPC, tableToIPC, type Vector } from "apache-arrow"

export const CODES_TABLE = "facts_codes"

export interface SplitFacts {
  /** The table the codes are inserted as (`facts_codes`). */
  readonly table: string
  /** The cube's columns, in file order (checked against the publication contract before loading). */
  readonly columns: ReadonlyArray<string>
  /** Arrow IPC stream inserted as `facts_codes`. */
  readonly codes: Uint8Array
  /** Creates the view `facts` over `facts_codes`. */
  readonly viewSql: string
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`
const literal = (v: unknown) =>
  v === null || v === undefined ? "NULL" : `'${String(v).replaceAll("'", "''")}'`

/**
 * A dictionary column whose chunks share one dictionary and start at offset 0 (what publish writes)
 * becomes its codes and the list of its values; any other column is kept as it is.
 */
const codesOf = (vector: Vector): { codes: Vector; values: unknown[] } | null => {
  if (!DataType.isDictionary(vector.type) || vector.data.length === 0) return null
  const dictionary = vector.data[0]!.dictionary
  if (!dictionary || vector.data.some((d) => d.dictionary !== dictionary || d.offset !== 0)) return null
  const codes = makeVector(
    vector.data.map((d) =>
      makeData({
        type: vector.type.indices,
        length: d.length,
        nullCount: d.nullCount,
        nullBitmap: d.nullBitmap,
        data: d.values,
      }),
    ),
  )
  return { codes, values: [...dictionary] }
}

export function splitFacts(bytes: Uint8Array): SplitFacts {
  const table = tableFromIPC(bytes)
  const columns = table.schema.fields.map((f) => f.name)
  const vectors: Record<string, Vector> = {}
  const select: string[] = []
  for (const name of columns) {
    const vector = table.getChild(name)!
    const coded = codesOf(vector)
    vectors[name] = coded?.codes ?? vector
    // DuckDB lists are 1-based; a null code is a null value
    select.push(
      coded
        ? `([${coded.values.map(literal).join(", ")}]::VARCHAR[])[${ident(name)}::INTEGER + 1] AS ${ident(name)}`
        : ident(name),
    )
  }
  return {
    table: CODES_TABLE,
    columns,
    codes: tableToIPC(new Table(vectors), "stream"),
    viewSql: `CREATE OR REPLACE VIEW facts AS SELECT ${select.join(", ")} FROM ${CODES_TABLE}`,
  }
}
