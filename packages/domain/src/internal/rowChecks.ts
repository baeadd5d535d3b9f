/**
 * Compiles CaseRow column specs and cross-field rules into plain functions returning case-worker
 * messages. Both the Effect schema and the hand-written validator call these, so they enforce the
 * same rules by construction.
 */
import { isIsoDate, todayIso, yearsBetween } from "./date.ts"

export interface CellSpec {
  readonly required: boolean
  readonly type: "string" | "date" | "int" | "code" | "list"
  readonly vocabulary?: string
  readonly codes?: ReadonlyArray<string>
  readonly min?: number | string
  readonly max?: number | string
  readonly notInFuture?: boolean
  readonly pattern?: string
  readonly minLength?: number
  readonly maxLength?: number
  readonly description: string
}

export type CrossFieldRule =
  | {
      readonly id: string
      readonly kind: "dateOrder"
      readonly columns: ReadonlyArray<string>
      readonly description: string
    }
  | {
      readonly id: string
      readonly kind: "childRequires"
      readonly column: string
      readonly whenPresent: string
      readonly child: {
        readonly ageColumn: string
        readonly dateOfBirthColumn: string
        readonly at: string
        readonly under: number
      }
      readonly description: string
    }
  | {
      readonly id: string
      readonly kind: "together"
      readonly columns: readonly [string, string]
      readonly description: string
    }
  | {
      readonly id: string
      readonly kind: "provinceOfDistrict"
      readonly district: string
      readonly province: string
      /** district code -> province code */
      readonly pairs: Readonly<Record<string, string>>
      readonly description: string
    }
  | {
      readonly id: string
      readonly kind: "stagePath"
      /** Stage every case starts in. */
      readonly start: string
      /** Date columns in stage order, with the stage they record (or the column holding it). */
      readonly steps: ReadonlyArray<{
        readonly column: string
        readonly stage?: string
        readonly stageColumn?: string
      }>
      /** Allowed `[from, to]` moves (the stage machine's transition table). */
      readonly allowed: ReadonlyArray<readonly [string, string]>
      readonly description: string
    }

const quote = (s: string): string => JSON.stringify(s)

const MAX_LISTED = 20

const notOneOf = (spec: CellSpec, value: string): string => {
  const codes = spec.codes ?? []
  return codes.length <= MAX_LISTED
    ? `${quote(value)} is not one of ${codes.join(", ")}`
    : `${quote(value)} is not a known ${spec.vocabulary ?? "code"} (${codes.length} codes, e.g. ${codes.slice(0, 3).join(", ")})`
}

/** A function from a cell to an English message, or `undefined` when the cell is valid. */
export const compileCell = (spec: CellSpec): ((cell: string) => string | undefined) => {
  const pattern = spec.pattern === undefined ? undefined : new RegExp(spec.pattern, "u")
  const codes = new Set(spec.codes ?? [])
  const valueCheck = ((): ((cell: string) => string | undefined) => {
    switch (spec.type) {
      case "code":
        return (cell) => (codes.has(cell) ? undefined : notOneOf(spec, cell))
      case "list":
        return (cell) => {
          const items = cell.split(";")
          for (let i = 0; i < items.length; i++) {
            const item = items[i]!
            if (item === "") return `${quote(cell)} has an empty item (look for ";;" or a ";" at either end)`
            if (!codes.has(item)) return `${notOneOf(spec, item)} (in ${quote(cell)})`
            for (let j = 0; j < i; j++) if (items[j] === item) return `${quote(item)} is listed twice`
          }
          return undefined
        }
      case "date":
        return (cell) => {
          // isIsoDate checks the format too; the pattern only picks the message on failure.
          if (!isIsoDate(cell)) {
            return pattern!.test(cell)
              ? `${quote(cell)} is not a real calendar date`
              : `${quote(cell)} is not a date written YYYY-MM-DD`
          }
          if (typeof spec.min === "string" && cell < spec.min) return `${quote(cell)} is before ${spec.min}`
          if (spec.notInFuture === true && cell > todayIso()) return `${quote(cell)} is in the future`
          return undefined
        }
      case "int":
        return (cell) => {
          if (!pattern!.test(cell)) return `${quote(cell)} is not a whole number`
          const n = Number(cell)
          if (
            (typeof spec.min === "number" && n < spec.min) ||
            (typeof spec.max === "number" && n > spec.max)
          ) {
            return `${quote(cell)} is not between ${spec.min} and ${spec.max}`
          }
          return undefined
        }
      case "string":
        return (cell) => {
          if (spec.maxLength !== undefined && cell.length > spec.maxLength) {
            return `is ${cell.length} characters long; at most ${spec.maxLength} are allowed`
          }
          if (spec.minLength !== undefined && cell.length < spec.minLength) {
            return `is shorter than ${spec.minLength} characters`
          }
          if (pattern !== undefined && !pattern.test(cell))
            return `${quote(cell)} is not valid: ${spec.description}`
          return undefined
        }
    }
  })()
  return (cell) => {
    if (cell === "") return spec.required ? "is required but empty" : undefined
    return valueCheck(cell)
  }
}

export type RowCheck = (
  row: Readonly<Record<string, string>>,
) => Array<readonly [column: string, message: string]>

const compileRule = (rule: CrossFieldRule): RowCheck => {
  switch (rule.kind) {
    case "dateOrder": {
      const columns = rule.columns
      return (row) => {
        const out: Array<readonly [string, string]> = []
        let latest = ""
        let latestColumn = ""
        for (const column of columns) {
          const value = row[column]!
          if (value === "") continue
          if (value < latest) {
            out.push([
              column,
              `${value} is before ${latestColumn} (${latest}); stage dates must follow the order of the stages`,
            ])
          } else {
            latest = value
            latestColumn = column
          }
        }
        return out
      }
    }
    case "childRequires": {
      const { column, whenPresent, child } = rule
      return (row) => {
        if (row[whenPresent] === "" || row[column] !== "") return []
        const dob = row[child.dateOfBirthColumn]!
        const age = row[child.ageColumn]!
        const years = dob !== "" ? yearsBetween(dob, row[child.at]!) : age !== "" ? Number(age) : undefined
        return years !== undefined && years < child.under
          ? [
              [
                column,
                `is required: the person was a child (${years}) at identification and has a ${whenPresent}`,
              ],
            ]
          : []
      }
    }
    case "together": {
      const [a, b] = rule.columns
      return (row) => {
        const hasA = row[a] !== ""
        const hasB = row[b] !== ""
        if (hasA && !hasB) return [[b, `is required when ${a} is given`]]
        if (hasB && !hasA) return [[a, `is required when ${b} is given`]]
        return []
      }
    }
    case "stagePath": {
      const allowed = new Set(rule.allowed.map(([from, to]) => `${from}>${to}`))
      const steps = rule.steps
      return (row) => {
        let from = rule.start
        for (const step of steps) {
          if (row[step.column] === "") continue
          const to = step.stage ?? row[step.stageColumn!]!
          if (to === "") continue
          if (!allowed.has(`${from}>${to}`)) {
            return [[step.column, `a case cannot move from ${from} to ${to} (see the stage machine)`]]
          }
          from = to
        }
        return []
      }
    }
    case "provinceOfDistrict": {
      const { district, province, pairs } = rule
      return (row) => {
        const d = row[district]!
        const p = row[province]!
        if (d === "" || p === "") return []
        const expected = pairs[d]
        return expected === undefined || expected === p
          ? []
          : [[province, `${quote(p)} does not match ${district} ${d}, which is in ${expected}`]]
      }
    }
  }
}

/** All cross-field rules as one function; issues in rule order. */
export const compileCrossField = (rules: ReadonlyArray<CrossFieldRule>): RowCheck => {
  const checks = rules.map(compileRule)
  return (row) => {
    let out: Array<readonly [string, string]> | undefined
    for (const check of checks) {
      const issues = check(row)
      if (issues.length > 0) out = out === undefined ? issues : [...out, ...issues]
    }
    return out ?? []
  }
}
