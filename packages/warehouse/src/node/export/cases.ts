/** Reads the warehouse's cases back as CaseRows (text cells), for the case-level exports. */
import { CaseRow } from "@lao-protect/domain"
import type { Connector } from "../../Connector.ts"
import caseRowsSql from "./case_rows.sql?raw"

export interface CaseRowsRead {
  readonly rows: ReadonlyArray<CaseRow.CaseRow>
  /** Rows that no longer decode (e.g. a date now in the future): skipped, with the reason. */
  readonly skipped: ReadonlyArray<{
    readonly source: string
    readonly caseId: string
    readonly reason: string
  }>
}

/**
 * Every case as a decoded CaseRow. The warehouse only holds rows that passed validation, so a skip
 * means the rules changed since the import; it is reported, never exported silently.
 */
export const readCaseRows = async (db: Connector): Promise<CaseRowsRead> => {
  const raw = await db.query<Record<string, string>>(caseRowsSql)
  const rows: Array<CaseRow.CaseRow> = []
  const skipped: Array<{ source: string; caseId: string; reason: string }> = []
  for (const r of raw) {
    const decoded = CaseRow.decodeCaseRow(r)
    if (decoded._tag === "Success") rows.push(decoded.success)
    else
      skipped.push({
        source: r.source ?? "",
        caseId: r.case_id ?? "",
        reason: decoded.failure.issues.map((i) => i.message).join("; "),
      })
  }
  return { rows, skipped }
}
