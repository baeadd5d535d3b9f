/**
 * Partner submissions: the partner's case rows with names, phones, villages, notes and dates of
 * birth removed, plus the linkage encodings computed locally with the Secretariat's secret
 * (`@lao-protect/domain` Linkage). `makeSubmission` runs at the partner; `loadSubmission` runs at
 * the Secretariat and fills `link_records`, refusing rows whose encodings are malformed or made
 * with another secret (every refusal names the row, the field and the reason).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CaseRow, Linkage } from "@lao-protect/domain"
import { type CsvTable, rawCsvText } from "../export/csv.ts"
import type { NodeConnector } from "../NodeConnector.ts"
import { ensureLinkTables } from "./link.ts"
import loadSql from "./link_records_load.sql?raw"
import stagingSql from "./link_staging.sql?raw"

/** Columns a submission never carries a value in. */
export const piiColumns = ["victim_name", "phone", "village", "notes", "date_of_birth"] as const

export const linkColumns = [
  "link_key_id",
  "link_given",
  "link_family",
  "link_bf_given",
  "link_bf_family",
  "link_dob",
  "link_dob_sorted",
  "link_birth_year",
  "link_birth_year_approx",
  "link_village",
] as const

export const submissionColumns: ReadonlyArray<string> = [...CaseRow.columnNames, ...linkColumns]

export class SubmissionError extends Error {
  override readonly name = "SubmissionError"
}

/** The submission for a partner's case rows (a table with CaseRow headers, PII included). */
export const makeSubmission = (encoder: Linkage.Encoder, table: CsvTable): CsvTable => {
  const index = new Map(table.header.map((h, i) => [h.trim(), i]))
  if (!index.has("case_id")) throw new SubmissionError("submission export: the file has no case_id column")
  const cell = (row: ReadonlyArray<string>, column: string) => {
    const i = index.get(column)
    return i === undefined ? "" : (row[i] ?? "").trim()
  }
  const pii = new Set<string>(piiColumns)
  const rows = table.rows.map((row) => {
    const age = cell(row, "age_years")
    const keys = encoder.encode({
      fullName: cell(row, "victim_name"),
      dateOfBirth: cell(row, "date_of_birth"),
      ageYears: age === "" ? undefined : Number(age),
      referenceDate: cell(row, "identification_date"),
      village: cell(row, "village"),
    })
    return [
      ...CaseRow.columnNames.map((c) => (pii.has(c) ? "" : cell(row, c))),
      keys.keyId,
      keys.given,
      keys.family,
      keys.bfGiven,
      keys.bfFamily,
      keys.dob,
      keys.dobSorted,
      keys.birthYear === null ? "" : String(keys.birthYear),
      keys.birthYear === null ? "" : String(keys.birthYearApprox),
      keys.village,
    ]
  })
  return { header: submissionColumns, rows }
}

export interface RejectedRow {
  /** 1-based data row (the header is row 0). */
  readonly row: number
  readonly field: string
  readonly reason: string
}

export interface LoadResult {
  readonly submission: string
  readonly rowsRead: number
  readonly accepted: number
  readonly rejected: ReadonlyArray<RejectedRow>
  readonly replaced: number
}

const hex16 = /^[0-9a-f]{16}$/u
const hexBloom = new RegExp(`^[0-9a-f]{${Linkage.bloomBits / 4}}$`, "u")

/**
 * Loads one submission into `link_records` (a record already loaded for the same partner and case
 * id is replaced). `expectedKeyId`: the fingerprint of the Secretariat's secret; when omitted, the
 * key id of records already loaded is required instead.
 */
export const loadSubmission = async (
  db: NodeConnector,
  name: string,
  table: CsvTable,
  options: { readonly expectedKeyId?: string; readonly partner?: string } = {},
): Promise<LoadResult> => {
  await ensureLinkTables(db)
  const index = new Map(table.header.map((h, i) => [h.trim(), i]))
  const missing = ["case_id", ...linkColumns].filter((c) => !index.has(c))
  if (missing.length > 0)
    throw new SubmissionError(`submission ${name}: missing columns ${missing.join(", ")}`)
  const [existing] = await db.query<{ key_id: string | null }>(
    "SELECT any_value(key_id) AS key_id FROM link_records",
  )
  const keyId = options.expectedKeyId ?? existing?.key_id ?? undefined
  const cell = (row: ReadonlyArray<string>, column: string) => (row[index.get(column) ?? -1] ?? "").trim()
  const rejected: Array<RejectedRow> = []
  const out: Array<ReadonlyArray<string>> = []
  const check = (row: ReadonlyArray<string>): ReadonlyArray<string> | readonly [string, string] => {
    const reject = (field: string, reason: string) => [field, reason] as const
    const caseId = cell(row, "case_id")
    const partner = cell(row, "source") || options.partner || ""
    const key = cell(row, "link_key_id")
    if (caseId === "") return reject("case_id", "is empty")
    if (partner === "") return reject("source", "is empty and no partner was given")
    if (!/^[0-9a-f]{8}$/u.test(key)) return reject("link_key_id", `"${key}" is not an 8-hex-digit key id`)
    if (keyId !== undefined && key !== keyId)
      return reject("link_key_id", `made with another secret (${key}, expected ${keyId})`)
    for (const f of ["link_given", "link_family", "link_dob", "link_dob_sorted", "link_village"]) {
      const v = cell(row, f)
      if (v !== "" && !hex16.test(v)) return reject(f, `"${v.slice(0, 20)}" is not a 16-hex-digit hash`)
    }
    for (const f of ["link_bf_given", "link_bf_family"]) {
      const v = cell(row, f)
      if (v !== "" && !hexBloom.test(v))
        return reject(f, `is not a ${Linkage.bloomBits}-bit Bloom filter in hex`)
    }
    const year = cell(row, "link_birth_year")
    if (year !== "" && !/^(19|20)\d\d$/u.test(year))
      return reject("link_birth_year", `"${year}" is not a year`)
    const approx = cell(row, "link_birth_year_approx")
    if (approx !== "" && approx !== "true" && approx !== "false")
      return reject("link_birth_year_approx", `"${approx}" is not true or false`)
    return [
      `${partner}/${caseId}`,
      partner,
      caseId,
      name,
      cell(row, "sex"),
      cell(row, "origin_province"),
      cell(row, "origin_district"),
      cell(row, "identification_date"),
      cell(row, "closed_date") || cell(row, "exit_date"),
      key,
      cell(row, "link_given"),
      cell(row, "link_family"),
      cell(row, "link_bf_given"),
      cell(row, "link_bf_family"),
      cell(row, "link_dob"),
      cell(row, "link_dob_sorted"),
      year,
      approx,
      cell(row, "link_village"),
    ]
  }
  table.rows.forEach((row, i) => {
    const checked = check(row)
    if (checked.length === 2) rejected.push({ row: i + 1, field: checked[0]!, reason: checked[1]! })
    else out.push(checked)
  })
  const dir = await mkdtemp(join(tmpdir(), "lp-submission-"))
  try {
    // our own file name: never hand a user's path to DuckDB as a glob pattern
    const file = join(dir, "records.csv")
    await writeFile(file, rawCsvText({ header: stagingColumns, rows: out }))
    const [before] = await db.query<{ n: number }>("SELECT count(*) AS n FROM link_records")
    await db.query(stagingSql, [file])
    await db.exec(loadSql)
    const [after] = await db.query<{ n: number }>("SELECT count(*) AS n FROM link_records")
    return {
      submission: name,
      rowsRead: table.rows.length,
      accepted: out.length,
      rejected,
      replaced: out.length - (after!.n - before!.n),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const stagingColumns = [
  "record_id",
  "partner",
  "case_id",
  "submission",
  "sex",
  "origin_province",
  "origin_district",
  "identification_date",
  "closed_date",
  "key_id",
  "given",
  "family",
  "bf_given",
  "bf_family",
  "dob",
  "dob_sorted",
  "birth_year",
  "birth_year_approx",
  "village",
]
