/**
 * Typed decoding failures with messages a case worker can act on. Every decoder in this package
 * returns a `Result` whose failure is a `DecodeError` listing *all* issues at once, each as
 * `{ path, message }`, e.g. `sex: "F" is not one of female, male, non_binary, unknown`.
 * Nothing here throws.
 */
import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import type * as SchemaAST from "effect/SchemaAST"
import * as SchemaIssue from "effect/SchemaIssue"

export const Issue = /*#__PURE__*/ Schema.Struct({
  /** Dotted path of the field (`sex`, `victim.sex`, `stageHistory[2].date`); empty for the whole record. */
  path: Schema.String,
  /** English message, prefixed with the path. */
  message: Schema.String,
})
export type Issue = typeof Issue.Type

export class DecodeError extends /*#__PURE__*/ Schema.TaggedError<DecodeError>()("DecodeError", {
  /** What was being decoded (`CaseRow`, `Case`). */
  subject: Schema.String,
  issues: Schema.Array(Issue),
}) {
  override get message(): string {
    return `${this.subject} is not valid:\n${this.issues.map((i) => `  - ${i.message}`).join("\n")}`
  }
}

export const formatPath = (path: ReadonlyArray<PropertyKey>): string => {
  let out = ""
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`
    else out += out === "" ? String(key) : `.${String(key)}`
  }
  return out
}

const show = (u: unknown): string => {
  if (typeof u === "string") return JSON.stringify(u)
  if (u === null) return "null"
  if (u === undefined) return "nothing"
  if (Array.isArray(u)) return "a list"
  if (typeof u === "object") return "an object"
  return String(u)
}

const expectedOf = (ast: SchemaAST.AST): string => {
  switch (ast._tag) {
    case "String":
      return "text"
    case "Number":
      return "a number"
    case "Boolean":
      return "true or false"
    case "Objects":
      return "a record (an object with named fields)"
    case "Arrays":
      return "a list"
    default: {
      const expected = ast.annotations?.expected ?? ast.annotations?.title
      return typeof expected === "string" ? expected : ast._tag
    }
  }
}

const leafHook: SchemaIssue.LeafHook = (issue) => {
  switch (issue._tag) {
    case "MissingKey":
      return "this field is missing"
    case "UnexpectedKey":
      return "unknown field (check the spelling of the column or field name)"
    case "InvalidType":
      return `expected ${expectedOf(issue.ast)}, got ${show(issue.input)}`
    default:
      return SchemaIssue.defaultLeafHook(issue)
  }
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1({ leafHook })

/** Flattens a schema issue tree into case-worker messages, one per problem. */
export const toIssues = (issue: SchemaIssue.Issue): ReadonlyArray<Issue> =>
  formatter(issue).issues.map(({ path, message }) => {
    const p = formatPath((path ?? []).map((k) => (typeof k === "object" ? k.key : k)))
    return { path: p, message: p === "" ? message : `${p}: ${message}` }
  })

/** Runs a `Schema.decodeUnknownResult` parser and maps its failure to a `DecodeError`. */
export const fromSchemaResult = <A>(
  subject: string,
  result: Result.Result<A, Schema.SchemaError>,
): Result.Result<A, DecodeError> =>
  Result.mapError(result, (error) => new DecodeError({ subject, issues: toIssues(error.issue) }))
