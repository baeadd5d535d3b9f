/**
 * Loads a synthetic CSV into a warehouse `cases` table. A stand-in for the validated importer
 * (src/import) for sample data and tests; it does not validate, so never point it at partner files.
 */
import type { Connector } from "../../Connector.ts"
import { literalPath, scratchDirOf } from "../private-files.ts"
import loadSyntheticCsvSql from "./load_synthetic_csv.sql?raw"

export const loadSyntheticCsv = async (conn: Connector, csvPath: string): Promise<number> => {
  const literal = literalPath(csvPath, scratchDirOf(":memory:"))
  try {
    await conn.query(loadSyntheticCsvSql, [literal.path, csvPath])
  } finally {
    literal.release()
  }
  const [row] = await conn.query<{ n: number }>("SELECT count(*) AS n FROM cases")
  return row!.n
}
