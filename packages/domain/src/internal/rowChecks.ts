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
      readonly kind: "notAfter"
      /** This date, when given, is not after `notAfter` (when that is given). */
      readonly column: string
      readonly notAfter: string
      readonly reason: string
      /** Nor more than `years` whole years before it (an age over 120 at identification). */
      readonly atMostYears?: { readonly years: number; readonly reason: string }
      readonly description: string
    }
  | {
      readonly id: string
      readonly kind: "childBid"
      /** Who counts as a child: presumed a child unless what is known of the age says `under` or over. */
      readonly child: ChildSpec
      /** The BID's columns: all three are needed before a child moves out of care. */
      readonly bid: { readonly date: string; readonly outcome: string; readonly decidedBy: string }
      /** Date columns of moves out of care that always need a BID. */
      readonly moves: ReadonlyArray<string>
      /** The exit: it needs a BID unless its reason is one of `exempt`. */
      readonly exit: {
        readonly reason: string
        readonly date: string
        readonly exempt: ReadonlyArray<string>
      }
      /** Closure: needs a BID unless it follows an exempt exit. */
      readonly closed: string
      /** Provisions cited, each for the dates it applies to (`from` inclusive, `until` exclusive). */
      readonly legalBasis: ReadonlyArray<{
        readonly id: string
        readonly from?: string
        readonly until?: string
      }>
      readonly description: string
    }
  | {
      readonly id: string
      readonly kind: "childOnly"
      /** `column` in `codes` needs a person who is (presumed) a child. */
      readonly column: string
      readonly codes: ReadonlyArray<string>
      readonly child: ChildSpec
      readonly reason: string
      readonly description: string
    }
  | {
      readonly id: string
      readonly kind: "excludes"
      /** A row with `when.column` in `when.codes` cannot have `column` in `codes`. */
      readonly when: { readonly column: string; readonly codes: ReadonlyArray<string> }
      readonly column: string
      readonly codes: ReadonlyArray<string>
      readonly reason: string
      readonly description: string
    }
  | {
      readonly id: string
      readonly kind: "citableBy"
      /** Each code of the `column` list that has a date in `from` needs one of `dates` on or after it. */
      readonly column: string
      readonly dates: ReadonlyArray<string>
      readonly from: Readonly<Record<string, string>>
      readonly description: string
    }
  | {
      readonly id: string
      readonly kind: "requiredWhen"
      /** `column` is required when `when.column` is one of `when.codes`. */
      readonly column: string
      readonly when: { readonly column: string; readonly codes: ReadonlyArray<string> }
      readonly reason: string
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
  | {
      readonly id: string
      readonly kind: "ageSpan"
      /**
       * A whole-number `column` that cannot exceed `perYear * (age - since) + slack`, for the age at
       * identification from `child.ageColumn` and from `child.dateOfBirthColumn` (each when given);
       * `since` is a column read as 0 when empty.
       */
      readonly column: string
      readonly perYear: number
      readonly slack: number
      readonly since?: string
      readonly child: ChildSpec
      readonly reason: string
      readonly description: string
    }

/** The columns that say how old a person was at identification. */
export interface ChildSpec {
  readonly ageColumn: string
  readonly dateOfBirthColumn: string
  readonly at: string
  readonly under: number
}

/**
 * The presumption of childhood on a row: a child unless what is known says `under` or over (age
 * unknown, or date of birth and recorded age disagreeing, count as a child). Cells must be valid.
 */
export const presumedChildRow = (row: Readonly<Record<string, string>>, child: ChildSpec): boolean => {
  const dob = row[child.dateOfBirthColumn]!
  const age = row[child.ageColumn]!
  if (dob === "" && age === "") return true
  return (
    (dob !== "" && yearsBetween(dob, row[child.at]!) < child.under) ||
    (age !== "" && Number(age) < child.under)
  )
}

/** The recorded age and the date of birth disagree on whether the person was a child. */
export const ageDisputedRow = (row: Readonly<Record<string, string>>, child: ChildSpec): boolean => {
  const dob = row[child.dateOfBirthColumn]!
  const age = row[child.ageColumn]!
  return (
    dob !== "" && age !== "" && yearsBetween(dob, row[child.at]!) < child.under !== Number(age) < child.under
  )
}

/**
 * The bound an `ageSpan` value breaks, or undefined: `perYear * (age - since) + slack` for the
 * recorded age and the age from the date of birth (whole years at `at`), each when known.
 */
export const ageSpanExceeded = (
  value: number,
  ages: { readonly ageYears?: number | undefined; readonly fromDateOfBirth?: number | undefined },
  since: number,
  perYear: number,
  slack: number,
):
  | { readonly source: "age_years" | "date_of_birth"; readonly age: number; readonly bound: number }
  | undefined => {
  for (const [source, age] of [
    ["age_years", ages.ageYears],
    ["date_of_birth", ages.fromDateOfBirth],
  ] as const) {
    if (age === undefined) continue
    const bound = perYear * (age - since) + slack
    if (value > bound) return { source, age, bound }
  }
  return undefined
}

/** The date of the first move that needs a BID, with its column, or undefined. */
export const firstBidMove = (
  row: Readonly<Record<string, string>>,
  rule: Extract<CrossFieldRule, { kind: "childBid" }>,
): readonly [column: string, date: string] | undefined => {
  let first: readonly [string, string] | undefined
  const consider = (column: string) => {
    const value = row[column]!
    if (value !== "" && (first === undefined || value < first[1])) first = [column, value]
  }
  for (const column of rule.moves) consider(column)
  const exempt = row[rule.exit.date] !== "" && rule.exit.exempt.includes(row[rule.exit.reason]!)
  if (!exempt) {
    if (row[rule.exit.reason] !== "") consider(rule.exit.date)
    consider(rule.closed)
  }
  return first
}

const quote = (s: string): string => JSON.stringify(s)

const MAX_LISTED = 20

const notOneOf = (spec: CellSpec, value: string): string => {
  const codes = spec.codes ?? []
  return codes.length <= MAX_LISTED
    ? `${quote(value)} is not one of ${codes.join(", ")}`
    : `${quote(value)} is not a known ${spec.vocabulary ?? "code"} (${codes.length} codes, e.g. ${codes.slice(0, 3).join(", ")})`
}

/**
 * An allocation-free test of a `;`-separated list against `codes`: true exactly when every item is
 * non-empty, one of `codes` and not repeated (what the message-building check accepts). Items are
 * matched in place (`startsWith` at the item's offset, among the codes of the item's length) and
 * repeats found with a per-call stamp per code, so a valid list costs no split, substring or Set
 * lookup. `undefined` when a code is empty or holds the separator (then the plain check runs).
 */
const listIsValid = (codes: ReadonlyArray<string>): ((cell: string) => boolean) | undefined => {
  if (codes.some((c) => c === "" || c.includes(";"))) return undefined
  const byLength: Array<Array<number>> = []
  codes.forEach((code, index) => {
    if (codes.indexOf(code) !== index) return
    const sameLength = byLength[code.length]
    if (sameLength === undefined) byLength[code.length] = [index]
    else sameLength.push(index)
  })
  const seenIn = new Float64Array(codes.length)
  let call = 0
  return (cell) => {
    call++
    const n = cell.length
    let start = 0
    for (;;) {
      let end = cell.indexOf(";", start)
      if (end === -1) end = n
      const candidates = byLength[end - start]
      if (candidates === undefined) return false
      let found = -1
      for (let k = 0; k < candidates.length; k++) {
        const index = candidates[k]!
        if (cell.startsWith(codes[index]!, start)) {
          found = index
          break
        }
      }
      if (found === -1 || seenIn[found] === call) return false
      seenIn[found] = call
      if (end === n) return true
      start = end + 1
    }
  }
}

/** A function from a cell to an English message, or `undefined` when the cell is valid. */
export const compileCell = (spec: CellSpec): ((cell: string) => string | undefined) => {
  const pattern = spec.pattern === undefined ? undefined : new RegExp(spec.pattern, "u")
  const codes = new Set(spec.codes ?? [])
  const valueCheck = ((): ((cell: string) => string | undefined) => {
    switch (spec.type) {
      case "code":
        return (cell) => (codes.has(cell) ? undefined : notOneOf(spec, cell))
      case "list": {
        const explain = (cell: string): string | undefined => {
          const items = cell.split(";")
          for (let i = 0; i < items.length; i++) {
            const item = items[i]!
            if (item === "") return `${quote(cell)} has an empty item (look for ";;" or a ";" at either end)`
            if (!codes.has(item)) return `${notOneOf(spec, item)} (in ${quote(cell)})`
            for (let j = 0; j < i; j++) if (items[j] === item) return `${quote(item)} is listed twice`
          }
          return undefined
        }
        const valid = listIsValid(spec.codes ?? [])
        // The allocation-free scan accepts only lists `explain` accepts; `explain` words the rest.
        return valid === undefined ? explain : (cell) => (valid(cell) ? undefined : explain(cell))
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
) => ReadonlyArray<readonly [column: string, message: string]>

/** What a rule returns for a row that passes: shared, so a valid row allocates nothing. */
const none: ReadonlyArray<readonly [string, string]> = Object.freeze([])

const compileRule = (rule: CrossFieldRule): RowCheck => {
  switch (rule.kind) {
    case "dateOrder": {
      const columns = rule.columns
      return (row) => {
        let out: Array<readonly [string, string]> | undefined
        let latest = ""
        let latestColumn = ""
        for (const column of columns) {
          const value = row[column]!
          if (value === "") continue
          if (value < latest) {
            if (out === undefined) out = []
            out.push([
              column,
              `${value} is before ${latestColumn} (${latest}); stage dates must follow the order of the stages`,
            ])
          } else {
            latest = value
            latestColumn = column
          }
        }
        return out ?? none
      }
    }
    case "notAfter": {
      const { column, notAfter, reason, atMostYears } = rule
      return (row) => {
        const value = row[column]!
        const limit = row[notAfter]!
        if (value === "" || limit === "") return none
        if (value > limit) return [[column, `${value} is after ${notAfter} (${limit}): ${reason}`]]
        return atMostYears && yearsBetween(value, limit) > atMostYears.years
          ? [
              [
                column,
                `${value} is more than ${atMostYears.years} years before ${notAfter} (${limit}): ${atMostYears.reason}`,
              ],
            ]
          : none
      }
    }
    case "childBid": {
      const { bid, child } = rule
      return (row) => {
        const move = firstBidMove(row, rule)
        if (move === undefined || !presumedChildRow(row, child)) return none
        const [moveColumn, moveDate] = move
        const basis = rule.legalBasis.filter(
          (b) =>
            (b.from === undefined || moveDate >= b.from) && (b.until === undefined || moveDate < b.until),
        )
        const cite = `rule ${rule.id}, legal basis ${basis.map((b) => b.id).join(", ")}`
        const who =
          row[child.dateOfBirthColumn] === "" && row[child.ageColumn] === ""
            ? "the age is unknown, so the person is presumed a child"
            : ageDisputedRow(row, child)
              ? "the date of birth and the age disagree, so the person is treated as a child"
              : "the person was a child at identification"
        const date = row[bid.date]!
        const problem =
          date === ""
            ? ([bid.date, "is required"] as const)
            : date < row[child.at]!
              ? ([bid.date, `${date} is before identification_date (${row[child.at]})`] as const)
              : date > moveDate
                ? ([bid.date, `${date} is after ${moveColumn} (${moveDate})`] as const)
                : row[bid.outcome] === ""
                  ? ([bid.outcome, "is required"] as const)
                  : row[bid.decidedBy] === ""
                    ? ([bid.decidedBy, "is required"] as const)
                    : undefined
        return problem === undefined
          ? none
          : [
              [
                problem[0],
                `${problem[1]}: ${who} and has a ${moveColumn}; a best-interest determination (date between identification and the move, outcome, deciding body) must come first (${cite})`,
              ],
            ]
      }
    }
    case "childOnly": {
      const { column, codes, child, reason } = rule
      return (row) =>
        codes.includes(row[column]!) && !presumedChildRow(row, child)
          ? [
              [
                column,
                `${quote(row[column]!)} needs a person under ${child.under} at identification: ${reason}`,
              ],
            ]
          : none
    }
    case "excludes": {
      const { when, column, codes, reason } = rule
      return (row) =>
        when.codes.includes(row[when.column]!) && codes.includes(row[column]!)
          ? [
              [
                column,
                `${quote(row[column]!)} does not fit ${when.column} ${quote(row[when.column]!)}: ${reason}`,
              ],
            ]
          : none
    }
    case "citableBy": {
      const { column, dates, from } = rule
      return (row) => {
        const cell = row[column]!
        if (cell === "") return none
        let latest = ""
        for (const d of dates) if (row[d]! > latest) latest = row[d]!
        let out: Array<readonly [string, string]> | undefined
        for (const code of cell.split(";")) {
          const start = from[code]
          if (start !== undefined && latest < start) {
            out ??= []
            out.push([
              column,
              `${quote(code)} cannot be cited: it was not yet in force by the case's last date (${latest}); it applies from ${start} at the earliest (rule ${rule.id})`,
            ])
          }
        }
        return out ?? none
      }
    }
    case "requiredWhen": {
      const { column, when, reason } = rule
      return (row) =>
        row[column] === "" && when.codes.includes(row[when.column]!)
          ? [[column, `is required when ${when.column} is ${quote(row[when.column]!)}: ${reason}`]]
          : none
    }
    case "together": {
      const [a, b] = rule.columns
      return (row) => {
        const hasA = row[a] !== ""
        const hasB = row[b] !== ""
        if (hasA && !hasB) return [[b, `is required when ${a} is given`]]
        if (hasB && !hasA) return [[a, `is required when ${b} is given`]]
        return none
      }
    }
    case "stagePath": {
      // from -> allowed next stages, so a step is two lookups and no string building.
      const allowed = new Map<string, Set<string>>()
      for (const [from, to] of rule.allowed) {
        const next = allowed.get(from)
        if (next === undefined) allowed.set(from, new Set([to]))
        else next.add(to)
      }
      const steps = rule.steps
      return (row) => {
        let from = rule.start
        for (const step of steps) {
          if (row[step.column] === "") continue
          const to = step.stage ?? row[step.stageColumn!]!
          if (to === "") continue
          if (allowed.get(from)?.has(to) !== true) {
            return [[step.column, `a case cannot move from ${from} to ${to} (see the stage machine)`]]
          }
          from = to
        }
        return none
      }
    }
    case "ageSpan": {
      const { column, child, since, perYear, slack, reason } = rule
      return (row) => {
        const cell = row[column]!
        if (cell === "") return none
        const age = row[child.ageColumn]!
        const dob = row[child.dateOfBirthColumn]!
        const sinceCell = since === undefined ? "" : row[since]!
        const over = ageSpanExceeded(
          Number(cell),
          {
            ageYears: age === "" ? undefined : Number(age),
            fromDateOfBirth: dob === "" ? undefined : yearsBetween(dob, row[child.at]!),
          },
          sinceCell === "" ? 0 : Number(sinceCell),
          perYear,
          slack,
        )
        if (over === undefined) return none
        const from =
          over.source === "age_years"
            ? `${child.ageColumn} ${over.age}`
            : `age ${over.age} from ${child.dateOfBirthColumn}`
        const minus = sinceCell === "" ? "" : ` and ${since} ${sinceCell}`
        return [[column, `${cell} is more than ${over.bound} (${from}${minus}): ${reason} (rule ${rule.id})`]]
      }
    }
    case "provinceOfDistrict": {
      const { district, province, pairs } = rule
      return (row) => {
        const d = row[district]!
        const p = row[province]!
        if (d === "" || p === "") return none
        const expected = pairs[d]
        return expected === undefined || expected === p
          ? none
          : [[province, `${quote(p)} does not match ${district} ${d}, which is in ${expected}`]]
      }
    }
  }
}

/** All cross-field rules as one function; issues in rule order. */
export const compileCrossField = (rules: ReadonlyArray<CrossFieldRule>): RowCheck => {
  const checks = rules.map(compileRule)
  return (row) => {
    let out: ReadonlyArray<readonly [string, string]> | undefined
    for (const check of checks) {
      const issues = check(row)
      if (issues.length > 0) out = out === undefined ? issues : [...out, ...issues]
    }
    return out ?? none
  }
}
