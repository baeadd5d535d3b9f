/**
 * A problem with one row of a planner's input file, precise enough to fix in a spreadsheet:
 * the line number, the column and the reason. Parsers collect all of them instead of stopping at
 * the first, and never let a row with an error through.
 */
import { Result, Schema, SchemaIssue } from "effect"

export interface RowError {
  /** 1-based line number in the file. */
  readonly row: number
  /** Column name, or "*" for a problem with the whole row. */
  readonly field: string
  readonly reason: string
  /** The offending cell as written (inputs here hold no personal data). */
  readonly value?: string
}

export interface Parsed<A> {
  readonly rows: ReadonlyArray<A>
  readonly errors: ReadonlyArray<RowError>
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/** Decode one record with all errors collected; one RowError per field (the first reason). */
export function decodeRow<S extends Schema.ConstraintDecoder<unknown>>(
  schema: S,
  line: number,
  values: Record<string, string>,
): Result.Result<S["Type"], ReadonlyArray<RowError>> {
  const r = Schema.decodeUnknownResult(schema)(values, { errors: "all" })
  if (Result.isSuccess(r)) return Result.succeed(r.success)
  const seen = new Set<string>()
  const errors: RowError[] = []
  for (const issue of formatter(r.failure.issue).issues) {
    const field = issue.path && issue.path.length > 0 ? String(issue.path[0]) : "*"
    if (seen.has(field)) continue
    seen.add(field)
    const value = values[field]
    errors.push(
      value === undefined
        ? { row: line, field, reason: issue.message }
        : { row: line, field, reason: issue.message, value },
    )
  }
  return Result.fail(errors)
}

/** Header check: every required column present, reported once against line 1. */
export function missingColumns(
  header: ReadonlyArray<string>,
  required: ReadonlyArray<string>,
): ReadonlyArray<RowError> {
  return required
    .filter((c) => !header.includes(c))
    .map((c) => ({ row: 1, field: c, reason: "missing column in the header row" }))
}
