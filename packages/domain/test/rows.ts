/** A small valid CaseRow for the vocabulary tests, with cells overridden. */
import * as Result from "effect/Result"
import * as CaseRow from "../src/CaseRow.ts"
import * as XlsForm from "../src/formats/XlsForm.ts"

export const caseRow = (cells: Partial<Record<CaseRow.ColumnName, string>> = {}): CaseRow.CaseRow => {
  const r = CaseRow.emptyRow()
  Object.assign(
    r,
    {
      case_id: "LWU-2024/0001",
      source: "lwu",
      identification_date: "2024-03-15",
      victim_group: "intercepted",
      sex: "female",
      citizenship: "LAO",
      exploitation_form: "forced_labour",
    },
    cells,
  )
  return r
}

/** The issues of a row, as `path: message`. */
export const issues = (row: CaseRow.CaseRow): ReadonlyArray<{ path: string; message: string }> =>
  CaseRow.quickCheck(row)

/** Decoder (Effect), fast path, quick check and the XLSForm all accept the row, or all refuse it. */
export const verdicts = (row: CaseRow.CaseRow) => ({
  schema: Result.isSuccess(CaseRow.decodeCaseRowWithSchema(row)),
  fast: Result.isSuccess(CaseRow.decodeCaseRow(row)),
  quick: CaseRow.quickCheck(row).length === 0,
  form: XlsForm.formIssues(row).length === 0,
})

/** CaseRow -> Case -> CaseRow: the same row. */
export const roundTrip = (row: CaseRow.CaseRow) => {
  const decoded = CaseRow.decodeCaseRow(row)
  if (!Result.isSuccess(decoded)) throw new Error(String(decoded.failure))
  const c = CaseRow.toCase(decoded.success)
  if (!Result.isSuccess(c)) throw new Error(String(c.failure))
  const back = CaseRow.fromCase(c.success)
  if (!Result.isSuccess(back)) throw new Error(String(back.failure))
  return { case: c.success, row: back.success }
}

/** The choices of one list of the generated XLSForm, and the survey row of a question. */
export const xlsForm = (question: string, list: string) => {
  const [survey, choices] = XlsForm.form()
  const [head, ...rows] = survey!.rows
  const q = rows.find((r) => r[head!.indexOf("name")] === question)
  const [ch, ...crows] = choices!.rows
  return {
    type: q?.[head!.indexOf("type")],
    constraint: q?.[head!.indexOf("constraint")],
    choices: crows.filter((r) => r[ch!.indexOf("list_name")] === list).map((r) => r[ch!.indexOf("name")]),
  }
}
