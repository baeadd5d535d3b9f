/**
 * Generates the import's SQL from the CaseModel. The input is the staging table of raw cells (see
 * `import-file.ts`); the checks are fused into the projection of the query that inserts into
 * `cases`, and nothing is materialised for the rows that pass:
 *
 * 1. `pre`: one scan, hash aggregates only: the row count, the (source, case_id) keys seen more than
 *    once (with their first row), the distinct place texts for the JS resolver and the distinct date
 *    texts (for Buddhist Era years, `beValues`, and for the all-ISO columns, `isoDates`).
 * 2. `insertAccepted`: types every column (TRY_CAST, the generated ENUMs, the place lookup) and
 *    inserts the rows whose checks all pass straight into `cases`.
 * 3. `candidates` copies the rows that were not inserted (plus rows with a Buddhist Era date text)
 *    to `lp_cand`; `rejects` types them again with the same expressions, builds the list of
 *    `{column, value, reason}` and keeps the original cells for `quarantine` and
 *    `<input>.rejected.csv`.
 *
 * Cells are trimmed only in the columns `ImportInput.padded` lists (for CSV, those where the record
 * scan saw a cell that may begin or end with a space).
 *
 * Reasons are written for case workers, not for programmers.
 */
import { columnType } from "../schema/ddl.ts"
import { type CaseModel, type ColumnSpec, type DomainRule, enumsOf } from "../schema/model.ts"
import { ident, literal } from "../schema/sql-text.ts"
import { valueKeySql } from "./value-mapping.ts"

const raw = (c: string) => ident(`r_${c}`)
const NO_COLUMNS: ReadonlySet<string> = new Set()
const q = ident

/**
 * Expression typing raw text `r` of column `c` (lookups joined as `p_<col>`). `isoDates`: date
 * columns whose every text is a plain ISO date before 2401 (`lp_iso`), typed with a bare cast.
 */
function typed(c: ColumnSpec, isoDates: ReadonlySet<string> = NO_COLUMNS): string {
  const r = raw(c.name)
  switch (c.kind) {
    case "date":
      return isoDates.has(c.name) ? `TRY_CAST(${r} AS DATE)` : `lp_date(${r})`
    case "int":
      return `lp_int(${r})`
    case "code":
      return c.enum
        ? `coalesce(TRY_CAST(${r} AS ${ident(c.enum.name)}), TRY_CAST(lp_code(${r}) AS ${ident(c.enum.name)}))`
        : r
    case "codes": {
      if (!c.enum) return `lp_list(${r})`
      // Fast path: every `;`-separated part is already a code (the usual case); else trim, drop empty
      // parts and normalise each. Unknown codes stay as NULL elements, so len > list_count flags them.
      const e = ident(c.enum.name)
      const f = ident(`f_${c.name}`)
      return `CASE WHEN ${r} IS NOT NULL THEN CASE WHEN list_count(${f}) = len(${f}) THEN ${f} ELSE list_transform(lp_list(${r}), x -> coalesce(TRY_CAST(x AS ${e}), TRY_CAST(lp_code(x) AS ${e}))) END END`
    }
    case "place":
      return `TRY_CAST(${ident(`p_${c.name}`)}.code AS ${columnType(c)})`
    default:
      return r
  }
}

interface Check {
  readonly cond: string
  readonly expr: string
  /** Left out of the insert's filter: a `failOnly` check of the same rule stands for it there. */
  readonly grouped?: boolean
  /** Only in the filter (the condition of a group of checks, computed once); gives no reason. */
  readonly failOnly?: boolean
}

const err = (cond: string, column: string, value: string, reason: string): Check => ({
  cond,
  expr: `CASE WHEN ${cond} THEN {'column': ${literal(column)}, 'value': ${value}, 'reason': ${reason}} END`,
})

function columnChecks(c: ColumnSpec): Check[] {
  const r = raw(c.name)
  const t = q(c.name)
  const checks: Check[] = []
  if (c.required) checks.push(err(`${r} IS NULL`, c.name, "NULL", literal(`${c.name} is required but empty`)))
  switch (c.kind) {
    case "date":
      checks.push(
        err(
          `${r} IS NOT NULL AND ${t} IS NULL`,
          c.name,
          r,
          literal("not a real date: write YYYY-MM-DD or dd/mm/yyyy (day first)"),
        ),
      )
      if (c.minDate)
        checks.push(err(`${t} < DATE ${literal(c.minDate)}`, c.name, r, literal(`date before ${c.minDate}`)))
      if (c.notFuture) checks.push(err(`${t} > current_date`, c.name, r, literal("date is in the future")))
      break
    case "int":
      checks.push(err(`${r} IS NOT NULL AND ${t} IS NULL`, c.name, r, literal("not a whole number")))
      if (c.min !== undefined || c.max !== undefined) {
        const lo = c.min ?? Number.MIN_SAFE_INTEGER
        const hi = c.max ?? Number.MAX_SAFE_INTEGER
        checks.push(
          err(
            `${t} NOT BETWEEN ${lo} AND ${hi}`,
            c.name,
            r,
            literal(`must be between ${c.min ?? "-"} and ${c.max ?? "-"}`),
          ),
        )
      }
      break
    case "code":
      checks.push(
        err(
          `${r} IS NOT NULL AND ${t} IS NULL`,
          c.name,
          r,
          literal(`not a known code: expected ${c.expected}`),
        ),
      )
      break
    case "codes":
      checks.push(
        err(
          `${r} IS NOT NULL AND list_count(${t}) < len(${t})`,
          c.name,
          r,
          literal(`contains unknown codes: expected ${c.expected}, separated by ;`),
        ),
      )
      break
    case "place":
      checks.push(
        err(
          `${r} IS NOT NULL AND ${t} IS NULL`,
          c.name,
          r,
          `coalesce(${ident(`pr_${c.name}`)}, ${literal(`unknown place: expected ${c.expected}`)})`,
        ),
      )
      break
    default:
      if (c.pattern)
        checks.push(
          err(
            `NOT regexp_full_match(${r}, ${literal(c.pattern)})`,
            c.name,
            r,
            literal(`not a valid value: expected ${c.expected}`),
          ),
        )
      if (c.maxLength !== undefined)
        checks.push(
          err(`length(${r}) > ${c.maxLength}`, c.name, r, literal(`longer than ${c.maxLength} characters`)),
        )
  }
  return checks
}

function crossChecks(model: CaseModel): Check[] {
  const has = (n: string) => model.columns.some((c) => c.name === n)
  const checks: Check[] = []
  for (const { district, province } of districtPairs(model)) {
    const pp = ident(`pp_${district}`)
    checks.push(
      err(
        `${raw(province)} IS NOT NULL AND ${pp} IS NOT NULL AND ${q(province)}::VARCHAR <> ${pp}`,
        province,
        raw(province),
        `'does not match ${district} (' || ${ident(`pc_${district}`)} || ' is in ' || ${pp} || ')'`,
      ),
    )
  }
  if (has("identification_date")) {
    const stages = model.stageDates.filter(has)
    stages.forEach((s, i) => {
      const before = ["identification_date", ...stages.slice(0, i)].map(q)
      checks.push(
        err(
          `${q(s)} < greatest(${before.join(", ")})`,
          s,
          raw(s),
          literal(
            `${s} is before an earlier stage (identification or ${stages.slice(0, i).join(", ") || "-"})`,
          ),
        ),
      )
    })
  }
  for (const rule of model.notAfter ?? [])
    if (has(rule.column) && has(rule.notAfter))
      checks.push(
        err(
          `${q(rule.column)} > ${q(rule.notAfter)}`,
          rule.column,
          raw(rule.column),
          `${literal(`${rule.column} is after ${rule.notAfter} (`)} || ${raw(rule.notAfter)} || ${literal(`): ${rule.reason}`)}`,
        ),
      )
  for (const rule of model.notAfter ?? [])
    if (rule.atMostYears && has(rule.column) && has(rule.notAfter)) {
      const [from, to] = [q(rule.column), q(rule.notAfter)]
      // Whole years by calendar comparison, as the domain's yearsBetween (not DuckDB's date_diff).
      // Like the decoder, no second reason for a date its own column check already rejects.
      const min = model.columns.find((c) => c.name === rule.column)?.minDate
      checks.push(
        err(
          `${from} <= ${to}${min ? ` AND ${from} >= DATE ${literal(min)}` : ""} AND ${ymd(to)} - ${ymd(from)} >= ${(rule.atMostYears.years + 1) * 10000}`,
          rule.column,
          raw(rule.column),
          `${literal(`${rule.column} is more than ${rule.atMostYears.years} years before ${rule.notAfter} (`)} || ${raw(rule.notAfter)} || ${literal(`): ${rule.atMostYears.reason}`)}`,
        ),
      )
    }
  if (model.stagePath) checks.push(...stagePathChecks(model))
  for (const rule of model.rules ?? []) {
    const needed = ruleColumns(rule)
    if (needed.every(has)) checks.push(...domainRuleChecks(rule, enumLookup(model)))
  }
  if (has("exit_reason") && has("exit_date")) {
    checks.push(
      err(
        `${raw("exit_date")} IS NOT NULL AND ${raw("exit_reason")} IS NULL`,
        "exit_reason",
        "NULL",
        literal("exit_date is given, so exit_reason is required"),
      ),
      err(
        `${raw("exit_reason")} IS NOT NULL AND ${raw("exit_date")} IS NULL`,
        "exit_date",
        "NULL",
        literal("exit_reason is given, so exit_date is required"),
      ),
    )
  }
  return checks
}

/**
 * Codes of the ENUM a column is typed with, in the type's order (what `enum_code` counts), so that
 * a per-row test on a code is a lookup in a constant list instead of a cast to text and a compare.
 */
interface EnumLookup {
  /** A `code` or `place` column. */
  readonly one: (column: string) => ReadonlyArray<string> | undefined
  /** The elements of a `codes` column. */
  readonly list: (column: string) => ReadonlyArray<string> | undefined
}
const enumLookup = (model: CaseModel): EnumLookup => {
  const byName = new Map(enumsOf(model).map((e) => [e.name, e.codes]))
  const of = (column: string, kinds: ReadonlyArray<ColumnSpec["kind"]>) => {
    const c = model.columns.find((x) => x.name === column)
    return c?.enum && kinds.includes(c.kind) ? byName.get(c.enum.name) : undefined
  }
  return { one: (column) => of(column, ["code", "place"]), list: (column) => of(column, ["codes"]) }
}

/** `column` (typed) is one of `codes`: false for NULL. */
const inList = (column: string, codes: ReadonlyArray<string>, enums: EnumLookup) => {
  const order = enums.one(column)
  if (!order) return `coalesce(${q(column)}::VARCHAR IN (${codes.map(literal).join(", ")}), false)`
  const set = new Set(codes)
  return `coalesce([${order.map((c) => set.has(c)).join(", ")}][enum_code(${q(column)}) + 1], false)`
}

/** `yyyymmdd` of a DATE as a number: two differ by less than N * 10000 exactly when fewer than N calendar years apart. */
const ymd = (d: string) => `(year(${d}) * 10000 + month(${d}) * 100 + day(${d}))`

type ChildSpec = Extract<DomainRule, { kind: "childBid" }>["child"]

/** The presumption of childhood (the domain's `presumedChildRow`) on the typed columns. */
export function presumedChildSql(child: ChildSpec): string {
  const dob = q(child.dateOfBirthColumn)
  const age = q(child.ageColumn)
  const at = q(child.at)
  return `((${raw(child.dateOfBirthColumn)} IS NULL AND ${raw(child.ageColumn)} IS NULL) OR coalesce(${ymd(at)} - ${ymd(dob)} < ${child.under * 10000}, false) OR coalesce(${age} < ${child.under}, false))`
}

/** The recorded age and the date of birth disagree on childhood (the domain's `ageDisputedRow`). */
export function ageDisputedSql(child: ChildSpec): string {
  const dob = q(child.dateOfBirthColumn)
  const age = q(child.ageColumn)
  return `coalesce((${ymd(q(child.at))} - ${ymd(dob)} < ${child.under * 10000}) <> (${age} < ${child.under}), false)`
}

const ruleColumns = (rule: DomainRule): ReadonlyArray<string> => {
  switch (rule.kind) {
    case "childBid":
      return [
        rule.child.ageColumn,
        rule.child.dateOfBirthColumn,
        rule.child.at,
        rule.bid.date,
        rule.bid.outcome,
        rule.bid.decidedBy,
        ...rule.moves,
        rule.exit.date,
        rule.exit.reason,
        rule.closed,
      ]
    case "childOnly":
      return [rule.column, rule.child.ageColumn, rule.child.dateOfBirthColumn, rule.child.at]
    case "excludes":
    case "requiredWhen":
      return [rule.column, rule.when.column]
    case "citableBy":
      return [rule.column, ...rule.dates]
    case "ageSpan":
      return [
        rule.column,
        rule.child.ageColumn,
        rule.child.dateOfBirthColumn,
        rule.child.at,
        ...(rule.since === undefined ? [] : [rule.since]),
      ]
  }
}

/**
 * One of the domain's cross-field rules as checks on the typed row: the same verdict as the decoder,
 * reported on the same column (for the child BID rule: bid_date, else bid_outcome, else bid_decided_by).
 */
function domainRuleChecks(rule: DomainRule, enums: EnumLookup): ReadonlyArray<Check> {
  if (rule.kind !== "childBid") return [domainRuleCheck(rule, enums)]
  const { bid, exit } = rule
  const exempt = `(${q(exit.date)} IS NOT NULL AND ${inList(exit.reason, exit.exempt, enums)})`
  const moves = [
    ...rule.moves.map(q),
    `CASE WHEN ${raw(exit.reason)} IS NOT NULL AND NOT ${exempt} THEN ${q(exit.date)} END`,
    `CASE WHEN NOT ${exempt} THEN ${q(rule.closed)} END`,
  ]
  const first = `least(${moves.join(", ")})`
  const due = `${presumedChildSql(rule.child)} AND ${first} IS NOT NULL`
  const badDate = `(${q(bid.date)} IS NULL OR ${q(bid.date)} < ${q(rule.child.at)} OR ${q(bid.date)} > ${first})`
  const reason = `'a child (or a person whose age is unknown or disputed) moved out of care on ' || strftime(${first}, '%Y-%m-%d') || ' needs a best-interest determination dated between identification and the move, with bid_outcome and bid_decided_by (rule ${rule.id})'`
  // The filter tests the three checks as one condition (the same truth value, NULL included), so
  // that `due` and the first move are computed once per row rather than six times.
  const missing = `${raw(bid.outcome)} IS NULL OR ${raw(bid.decidedBy)} IS NULL`
  return [
    { ...err(`${due} AND ${badDate}`, bid.date, raw(bid.date), reason), grouped: true },
    {
      ...err(
        `${due} AND NOT ${badDate} AND ${raw(bid.outcome)} IS NULL`,
        bid.outcome,
        raw(bid.outcome),
        reason,
      ),
      grouped: true,
    },
    {
      ...err(
        `${due} AND NOT ${badDate} AND ${raw(bid.outcome)} IS NOT NULL AND ${raw(bid.decidedBy)} IS NULL`,
        bid.decidedBy,
        raw(bid.decidedBy),
        reason,
      ),
      grouped: true,
    },
    {
      cond: `${due} AND CASE WHEN ${badDate} THEN true WHEN NOT ${badDate} THEN ${missing} END`,
      expr: "NULL",
      failOnly: true,
    },
  ]
}

/** One of the domain's other cross-field rules as a check on the typed row. */
function domainRuleCheck(rule: Exclude<DomainRule, { kind: "childBid" }>, enums: EnumLookup): Check {
  switch (rule.kind) {
    case "childOnly":
      return err(
        `${inList(rule.column, rule.codes, enums)} AND NOT ${presumedChildSql(rule.child)}`,
        rule.column,
        raw(rule.column),
        literal(
          `needs a person under ${rule.child.under} at identification: ${rule.reason} (rule ${rule.id})`,
        ),
      )
    case "excludes":
      return err(
        `${inList(rule.when.column, rule.when.codes, enums)} AND ${inList(rule.column, rule.codes, enums)}`,
        rule.column,
        raw(rule.column),
        literal(`does not fit ${rule.when.column}: ${rule.reason} (rule ${rule.id})`),
      )
    case "requiredWhen":
      return err(
        `${raw(rule.column)} IS NULL AND ${inList(rule.when.column, rule.when.codes, enums)}`,
        rule.column,
        "NULL",
        literal(`is required when ${rule.when.column} is given: ${rule.reason} (rule ${rule.id})`),
      )
    case "ageSpan": {
      // The domain's `ageSpanExceeded`: at most perYear * (age - since) + slack, for age_years and
      // for the age from the date of birth (floor of the yyyymmdd difference / 10000).
      const { child, perYear, slack } = rule
      const v = q(rule.column)
      const since = rule.since === undefined ? "0" : `coalesce(${q(rule.since)}, 0)`
      const byAge = `coalesce(${v} > ${perYear} * (${q(child.ageColumn)} - ${since}) + ${slack}, false)`
      const byDob = `coalesce((ceil((${v} - ${slack}) / ${perYear}) + ${since}) * 10000 > ${ymd(q(child.at))} - ${ymd(q(child.dateOfBirthColumn))}, false)`
      return err(
        `${byAge} OR ${byDob}`,
        rule.column,
        raw(rule.column),
        literal(`is more than the age at identification allows: ${rule.reason} (rule ${rule.id})`),
      )
    }
    case "citableBy": {
      const latest = `greatest(${rule.dates.map(q).join(", ")})`
      // The date each cited code is in force from: a lookup by the element's ENUM position (a
      // CASE over the codes' text cost about a quarter of a 100k-row insert).
      const order = enums.list(rule.column)
      const from = order
        ? `[${order.map((c) => (rule.from[c] === undefined ? "NULL::DATE" : `DATE ${literal(rule.from[c]!)}`)).join(", ")}][enum_code(x) + 1]`
        : `CASE x::VARCHAR ${Object.entries(rule.from)
            .map(([code, date]) => `WHEN ${literal(code)} THEN DATE ${literal(date)}`)
            .join(" ")} END`
      const late = `list_filter(${q(rule.column)}, x -> ${from} > ${latest})`
      return err(
        `coalesce(len(${late}) > 0, false)`,
        rule.column,
        raw(rule.column),
        `'cites ' || array_to_string(${late}::VARCHAR[], ', ') || ', not yet in force by the case''s last date (' || strftime(${latest}, '%Y-%m-%d') || ') (rule ${rule.id})'`,
      )
    }
  }
}

/**
 * The domain's `stage_path_allowed` rule: the stages with a date, in step order (a step whose stage
 * comes from a column, e.g. exit_reason, takes that column's code), must each be an allowed move
 * from the one before. The paths are few (each step present or not), so every allowed path is
 * listed and the row's path is looked up in that list.
 */
function stagePathChecks(model: CaseModel): Check[] {
  const rule = model.stagePath!
  const cols = new Map(model.columns.map((c) => [c.name, c]))
  const steps = rule.steps.filter((s) => cols.has(s.column) && (!s.stageColumn || cols.has(s.stageColumn)))
  if (steps.length === 0) return []
  const next = new Map<string, Set<string>>()
  for (const [from, to] of rule.allowed) {
    if (!next.has(from)) next.set(from, new Set())
    next.get(from)!.add(to)
  }
  // A path is also a number: one digit per step, 0 when the step has no date, else 1 + the index
  // of its stage among the step's options; the allowed numbers are listed in a BOOLEAN array, so a
  // row's check is one lookup (the text path is built only for the reason of a rejected row).
  const optionsOf = (s: (typeof steps)[number]) =>
    s.stage ? [s.stage] : (cols.get(s.stageColumn!)?.enum?.codes ?? [])
  const bases = steps.map((s) => optionsOf(s).length + 1)
  const weights = bases.map((_, i) => bases.slice(0, i).reduce((a, b) => a * b, 1))
  const size = bases.reduce((a, b) => a * b, 1)
  const allowed = new Array<boolean>(size).fill(false)
  const walk = (i: number, from: string, code: number) => {
    if (i === steps.length) {
      allowed[code] = true
      return
    }
    walk(i + 1, from, code) // step absent
    optionsOf(steps[i]!).forEach((to, k) => {
      if (next.get(from)?.has(to)) walk(i + 1, to, code + (k + 1) * weights[i]!)
    })
  }
  walk(0, rule.start, 0)
  const digit = (s: (typeof steps)[number], i: number) => {
    const w = weights[i]!
    if (s.stage) return `CASE WHEN ${q(s.column)} IS NOT NULL THEN ${w} ELSE 0 END`
    const options = optionsOf(s)
      .map((o, k) => `WHEN ${literal(o)} THEN ${(k + 1) * w}`)
      .join(" ")
    return `CASE WHEN ${q(s.column)} IS NOT NULL THEN CASE ${q(s.stageColumn!)}::VARCHAR ${options} ELSE 0 END ELSE 0 END`
  }
  const code = steps.map(digit).join(" + ")
  const cond = `NOT [${allowed.join(", ")}][${code} + 1]`
  const stageOf = (s: (typeof steps)[number]) =>
    `CASE WHEN ${q(s.column)} IS NOT NULL THEN ${s.stage ? literal(s.stage) : `${q(s.stageColumn!)}::VARCHAR`} END`
  const path = `concat_ws('>', ${steps.map(stageOf).join(", ")})`
  const last = `CASE ${[...steps]
    .reverse()
    .map((s) => `WHEN ${q(s.column)} IS NOT NULL THEN ${literal(s.column)}`)
    .join(" ")} END`
  return [
    {
      cond,
      expr: `CASE WHEN ${cond} THEN {'column': ${last}, 'value': ${path}, 'reason': 'the stages with a date (' || ${literal(`${rule.start}>`)} || ${path} || ') are not a path the stage machine allows'} END`,
    },
  ]
}

/**
 * `INSERT INTO import_warning` statements for the accepted rows of import `$1` that the domain warns
 * about: `age_disputed` (the recorded age and the date of birth disagree on whether the person was
 * a child; the safeguards treat them as a child).
 */
export function warningsSql(model: CaseModel): ReadonlyArray<string> {
  const has = (n: string) => model.columns.some((c) => c.name === n)
  return (model.rules ?? []).flatMap((rule) => {
    if (rule.kind !== "childBid") return []
    const { child } = rule
    if (![child.ageColumn, child.dateOfBirthColumn, child.at].every(has)) return []
    return [
      `INSERT INTO import_warning
SELECT $1, row_number, ${literal(child.ageColumn)}, ${q(child.ageColumn)}::VARCHAR,
  'age_disputed: age_years ' || ${q(child.ageColumn)} || ' and date_of_birth ' || strftime(${q(child.dateOfBirthColumn)}, '%Y-%m-%d') || ' disagree on whether the person was under ${child.under} at identification: treated as a child (presumption of childhood)'
FROM cases WHERE import_id = $1 AND ${ageDisputedSql(child)}`,
    ]
  })
}

/** Text of a stored `cases` value as the importer reads a cell (for columns absent from a file). */
export function storedText(c: ColumnSpec): string {
  const t = q(c.name)
  switch (c.kind) {
    case "date":
      return `strftime(${t}, '%Y-%m-%d')`
    case "codes":
      return `nullif(array_to_string(${t}, ';'), '')`
    case "text":
      return `nullif(trim(${t}), '')`
    default:
      return `${t}::VARCHAR`
  }
}

/** The district/province column pairs of the model whose two columns both exist. */
export const districtPairs = (model: CaseModel) =>
  (model.districtProvince ?? [{ district: "origin_district", province: "origin_province" }]).filter(
    (p) =>
      model.columns.some((c) => c.name === p.district) && model.columns.some((c) => c.name === p.province),
  )

/** Columns whose raw values go through the JS place resolver, with the hint column for districts. */
export const placeColumns = (model: CaseModel) => {
  const pairs = districtPairs(model)
  return model.columns
    .filter((c) => c.kind === "place")
    .map((c) => ({ column: c, hint: pairs.find((p) => p.district === c.name)?.province ?? null }))
}

/** What the pre-scan found, for a cheaper insert. */
export interface PreScanFacts {
  /** Date columns whose every text is a plain ISO date before 2401 (`ImportSql.isoDates`). */
  readonly isoDates?: ReadonlySet<string>
  /** No (source, case_id) key is repeated in the file (`lp_dup` is empty): no join with it. */
  readonly noDuplicates?: boolean
}

/** The input of the generated queries: a relation with `row_number` and the file's cells `c0..cN`. */
export interface ImportInput {
  /** SQL text of the relation (a table name or a parenthesised subquery). */
  readonly relation: string
  /** Number of parameters the relation binds (`$1..$n`); the generated queries number theirs after. */
  readonly params: number
  /** How many cells a row has (`c0..c{cells-1}`). */
  readonly cells: number
  /**
   * The relation also has `lp_ncells`, `lp_line`, `lp_text`: rows whose cell count differs from the
   * header's (non-NULL `lp_ncells`) are rejected with that reason alone.
   */
  readonly oddRows?: boolean
  /**
   * CaseRow columns absent from the file whose stored values (`lp_old`: `o_source`, `o_case_id`,
   * `s_<column>`) stand in for the missing cells, so that an update keeps them.
   */
  readonly stored?: ReadonlyArray<string>
  /**
   * The cells (by index) that may begin or end with a space; the others are read without `trim`
   * (for CSV, the record scanner's `paddedColumns`). Absent: every cell is trimmed.
   */
  readonly padded?: ReadonlySet<number>
  /** The cells (by index) that are empty in every row (for CSV, the record scanner's `emptyColumns`). */
  readonly empty?: ReadonlySet<number>
  /** CaseRow column -> (value key, see `valueKey`, -> code): the mapping file's value words. */
  readonly values?: ReadonlyMap<string, ReadonlyMap<string, string>>
  /** CaseRow column -> value for rows whose cell is missing or empty (`--set`). */
  readonly set?: ReadonlyMap<string, string>
}

export interface ImportSql {
  /** `CREATE TEMP TABLE lp_pre`: count, repeated keys, distinct place texts (see `preKinds`). */
  readonly pre: string
  /** `lp_pre.gid` of each grouping set. */
  readonly preKinds: {
    readonly total: number
    readonly key: number
    readonly source: number
    readonly places: ReadonlyArray<{
      readonly column: string
      readonly gid: number
      readonly hint: string | null
    }>
  }
  /** `CREATE TEMP TABLE lp_dup` from `lp_pre`: (k_source, case_id) seen more than once, first row. */
  readonly dup: string
  /** `CREATE TEMP TABLE lp_be` from `lp_pre`: (col, raw) of the date texts with a Buddhist Era year. */
  readonly beValues: string
  /**
   * `SELECT col` from `lp_pre`: the file's date columns whose every distinct text is a plain ISO
   * date before 2401 (a few thousand texts checked instead of every cell).
   */
  readonly isoDates: string
  /**
   * Accepted rows into `cases` (plain append); binds `source_file`, `import_id` after the input's
   * parameters. `facts` make it cheaper: the `isoDates` columns are typed with a bare cast (what
   * `lp_date` does for such text), and without duplicates there is no join with `lp_dup`.
   */
  insertAccepted(facts?: PreScanFacts): string
  /**
   * `CREATE TEMP TABLE lp_cand`: the input's rows listed in `lp_rej` (the row numbers that
   * `insertAccepted` did not insert) and, when `withBe` (lp_be is not empty), the rows with a date
   * text listed in `lp_be`. Needed only when one of the two is not empty.
   */
  candidates(withBe: boolean): string
  /**
   * `CREATE TEMP TABLE lp_bad` from `lp_cand`: failing rows with `errs`, accepted rows with BE
   * warnings (`be`), and the original cells. `facts` must be those the insert had, so that both
   * type every cell with the same expressions.
   */
  rejects(facts?: PreScanFacts): string
}

/**
 * The queries for one import. The checks, the typed expressions and the reasons are those of
 * `columnChecks`/`crossChecks` above; a row is accepted when no check is true (NULL counts as passing,
 * as in SQL CHECK constraints), so `insertAccepted` and `rejects` partition the input exactly.
 */
export function importSql(
  model: CaseModel,
  fileColumns: ReadonlyMap<string, number>,
  input: ImportInput,
): ImportSql {
  const has = (n: string) => model.columns.some((c) => c.name === n)
  const stored = new Set(input.stored ?? [])
  const fileCellOf = (name: string, alias: string): string => {
    const idx = fileColumns.get(name)
    const set = input.set?.get(name)
    // a file column whose every cell is empty reads as NULL (not the stored value: an empty cell sets it empty)
    if (idx === undefined || input.empty?.has(idx))
      return set !== undefined
        ? literal(set)
        : idx === undefined && stored.has(name)
          ? ident(`s_${name}`)
          : "NULL::VARCHAR"
    const cell = `${alias}${ident(`c${idx}`)}`
    const text = input.padded && !input.padded.has(idx) ? `nullif(${cell}, '')` : `nullif(trim(${cell}), '')`
    return set !== undefined ? `coalesce(${text}, ${literal(set)})` : text
  }
  const cellOf = (name: string, alias = ""): string => {
    const cell = fileCellOf(name, alias)
    const words = input.values?.get(name)
    if (!words || words.size === 0) return cell
    const word = (x: string) =>
      `CASE ${valueKeySql(x)} ${[...words].map(([k, v]) => `WHEN ${literal(k)} THEN ${literal(v)}`).join(" ")} ELSE ${x} END`
    return model.columns.find((c) => c.name === name)?.kind === "codes"
      ? `array_to_string(list_transform(string_split(${cell}, ';'), x -> ${word("trim(x)")}), ';')`
      : word(cell)
  }
  // Columns with no cell in the file (or only empty ones), no `--set` value and no stored value: their raw text is NULL
  // on every row, so they are typed as a NULL constant, their column checks (which cannot be true
  // on NULL, except `required`) and their place joins are left out. The SQL to parse and bind
  // shrinks with the file's columns; the cross-field rules still see them, as NULL.
  const absent = new Set(
    model.columns
      .filter((c) => c.name !== "source" && fileCellOf(c.name, "") === "NULL::VARCHAR")
      .map((c) => c.name),
  )
  const rawCols = model.columns.map((c) => {
    const cell = cellOf(c.name)
    const value = c.name === "source" ? `coalesce(${cell}, (SELECT default_source FROM lp_args))` : cell
    return `${value} AS ${raw(c.name)}`
  })
  const places = placeColumns(model)
  const hasKey = has("case_id") && has("source")
  const sourceCol = model.columns.find((c) => c.name === "source")
  // Duplicate ids are found on the key `cases` enforces: the typed source (so "AFESIP" and "afesip"
  // are one partner) and the case id; '' stands for a missing source so the joins stay hash joins.
  const keySource = sourceCol ? `coalesce((${typed(sourceCol)})::VARCHAR, ${raw("source")}, '')` : "''"
  // Stored values of absent columns: the input joined with `lp_old` on the same key.
  const relationOf = (base: string) =>
    stored.size > 0 && hasKey
      ? `(SELECT b.* EXCLUDE (lp_k_source), o.* EXCLUDE (o_source, o_case_id)
  FROM (SELECT *, ${rawCols[model.columns.findIndex((c) => c.name === "source")]!.replace(` AS ${raw("source")}`, "")} AS lp_k_source FROM ${base}) b
  LEFT JOIN lp_old o ON o.o_case_id = ${cellOf("case_id", "b.")}
    AND o.o_source = ${keySource.replaceAll(raw("source"), "b.lp_k_source")})`
      : base
  const relation = relationOf(input.relation)

  // 1. One scan with hash aggregates only (GROUPING SETS): no window, no sort.
  const dates = model.columns.filter((c) => c.kind === "date")
  const fileDates = dates.filter((c) => fileColumns.has(c.name))
  const preCols = [
    ...(hasKey ? ["k_source", raw("case_id")] : []),
    ...new Set([
      ...places.flatMap(({ column, hint }) => [raw(column.name), ...(hint ? [raw(hint)] : [])]),
      ...fileDates.map((c) => raw(c.name)),
    ]),
  ]
  const bit = (grouped: ReadonlyArray<string>) =>
    preCols.reduce((m, c, i) => (grouped.includes(c) ? m : m | (1 << (preCols.length - 1 - i))), 0)
  const sets: Array<{ cols: ReadonlyArray<string>; gid: number }> = [{ cols: [], gid: bit([]) }]
  const keyCols = hasKey ? ["k_source", raw("case_id")] : []
  if (hasKey) sets.push({ cols: keyCols, gid: bit(keyCols) }, { cols: ["k_source"], gid: bit(["k_source"]) })
  const placeKinds = places.map(({ column, hint }) => {
    const cols = [raw(column.name), ...(hint ? [raw(hint)] : [])]
    const gid = bit(cols)
    if (!sets.some((s) => s.gid === gid)) sets.push({ cols, gid })
    return { column: column.name, gid, hint }
  })
  // Distinct date texts: Buddhist Era years are found on these (a few thousand), not on every row.
  const dateKinds = fileDates.map((c) => {
    const gid = bit([raw(c.name)])
    if (!sets.some((s) => s.gid === gid)) sets.push({ cols: [raw(c.name)], gid })
    return { column: c.name, gid }
  })
  const gidExpr = preCols.length > 0 ? `grouping(${preCols.join(", ")})` : "0"
  const keyGid = hasKey ? bit(keyCols) : -1
  const pre = `CREATE OR REPLACE TEMP TABLE lp_pre AS
WITH i AS (
  SELECT row_number, ${rawCols.join(", ")}
  FROM ${relation}
), k AS (
  SELECT *, ${keySource} AS k_source FROM i
)
SELECT ${gidExpr} AS gid, ${preCols.length > 0 ? `${preCols.join(", ")}, ` : ""}min(row_number) AS first_row, count(*) AS n
FROM k
GROUP BY GROUPING SETS (${sets.map((s) => `(${s.cols.join(", ")})`).join(", ")})
HAVING ${gidExpr} <> ${keyGid} OR (count(*) > 1 AND ${hasKey ? raw("case_id") : "NULL"} IS NOT NULL)`
  const dup = hasKey
    ? `CREATE OR REPLACE TEMP TABLE lp_dup AS SELECT k_source, ${raw("case_id")} AS case_id, first_row FROM lp_pre WHERE gid = ${keyGid}`
    : "CREATE OR REPLACE TEMP TABLE lp_dup AS SELECT ''::VARCHAR AS k_source, ''::VARCHAR AS case_id, 0 AS first_row WHERE false"

  // 2./3. The typed projection, shared by the insert and the rejects.
  const joins = places
    .filter(({ column }) => !absent.has(column.name))
    .map(({ column, hint }) => {
      const p = ident(`p_${column.name}`)
      const hintCond = hint ? `${p}.hint = coalesce(i.${raw(hint)}, '')` : `${p}.hint = ''`
      return `LEFT JOIN lp_place ${p} ON ${p}.col = ${literal(column.name)} AND ${p}.raw = i.${raw(column.name)} AND ${hintCond}`
    })
    .join("\n  ")
  const districtOf = new Map(
    places.flatMap(({ column, hint }) => (hint === null ? [] : [[hint, column.name] as const])),
  )
  const typedCols = (isoDates?: ReadonlySet<string>) =>
    model.columns.map((c) => {
      const district = districtOf.get(c.name)
      if (absent.has(c.name) && (district === undefined || absent.has(district)))
        return `NULL::${columnType(c)} AS ${q(c.name)}`
      if (district !== undefined && absent.has(c.name))
        return `TRY_CAST(${ident(`p_${district}`)}.province AS ${columnType(c)}) AS ${q(c.name)}`
      if (district !== undefined && !absent.has(district))
        // Derived from the district only when the file gives no province: a province text that
        // names no province is a problem of its own, not one the district hides.
        return `CASE WHEN ${raw(c.name)} IS NULL THEN TRY_CAST(${ident(`p_${district}`)}.province AS ${columnType(c)}) ELSE ${typed(c)} END AS ${q(c.name)}`
      return `${typed(c, isoDates)} AS ${q(c.name)}`
    })
  const placeCols = places.map(({ column }) => {
    if (absent.has(column.name))
      return `NULL::VARCHAR AS ${ident(`pc_${column.name}`)}, NULL::VARCHAR AS ${ident(`pp_${column.name}`)}, NULL::VARCHAR AS ${ident(`pr_${column.name}`)}`
    const p = ident(`p_${column.name}`)
    return `${p}.code AS ${ident(`pc_${column.name}`)}, ${p}.province AS ${ident(`pp_${column.name}`)}, ${p}.reason AS ${ident(`pr_${column.name}`)}`
  })
  const cells = Array.from({ length: input.cells }, (_, i) => ident(`c${i}`))
  const fastLists = model.columns
    .filter((c) => c.kind === "codes" && c.enum && !absent.has(c.name))
    .map(
      (c) =>
        `TRY_CAST(string_split(${raw(c.name)}, ';') AS ${ident(c.enum!.name)}[]) AS ${ident(`f_${c.name}`)}`,
    )
  const typedRelation = (withCells: boolean, base: string, facts: PreScanFacts = {}) => `(
  SELECT i.*, ${typedCols(facts.isoDates).join(",\n    ")},
    ${[...placeCols, hasKey && !facts.noDuplicates ? "d.first_row AS dup_first" : "NULL::INTEGER AS dup_first"].join(",\n    ")}
  FROM (
    SELECT *${fastLists.length > 0 ? `, ${fastLists.join(", ")}` : ""}
    FROM (SELECT row_number, ${rawCols.join(", ")}${input.oddRows ? ", lp_ncells, lp_line, lp_text" : ""}${withCells && cells.length > 0 ? `, ${cells.join(", ")}` : ""} FROM ${relationOf(base)})
  ) i
  ${joins}
  ${hasKey && !facts.noDuplicates ? `LEFT JOIN lp_dup d ON d.k_source = ${keySource} AND d.case_id = i.${raw("case_id")}` : ""}
) t`

  const cross = crossChecks(model)
  const checks = [
    ...model.columns.flatMap((c) =>
      absent.has(c.name)
        ? columnChecks(c).filter((k) => k.cond === `${raw(c.name)} IS NULL`)
        : columnChecks(c),
    ),
    ...cross,
  ]
  const dupCheck = hasKey
    ? err(
        "dup_first IS NOT NULL AND dup_first < row_number",
        "case_id",
        raw("case_id"),
        "'duplicate case id in this file (first seen in row ' || dup_first || ')'",
      )
    : null
  const withDup = dupCheck ? [...checks, dupCheck] : checks
  // A row whose cell count differs from the header's is rejected with that reason only (its cells
  // cannot be trusted to be in their columns).
  const cellCount = `lp_ncells IS NOT NULL`
  const all = input.oddRows
    ? [
        {
          cond: cellCount,
          expr: `CASE WHEN ${cellCount} THEN {'column': 'row', 'value': lp_text, 'reason': 'row has ' || lp_ncells || ' cells, the header has ${input.cells}' || CASE WHEN lp_line <> row_number THEN ' (line ' || lp_line || ' of the file)' ELSE '' END} END`,
        },
        ...withDup.map((c) => ({ ...c, expr: `CASE WHEN NOT (${cellCount}) THEN ${c.expr} END` })),
      ]
    : withDup
  // A row's reasons, as the domain decoder gives them: the cross-field rules only when every cell
  // passed its own checks (a rule reading a bad cell would report a second, derived problem).
  const crossSet = new Set<Check>(cross)
  const listOf = (cs: ReadonlyArray<Check>) =>
    `list_filter([${cs
      .filter((c) => !c.failOnly)
      .map((c) => c.expr)
      .join(",\n    ")}], e -> e IS NOT NULL)`
  const own = input.oddRows
    ? all.slice(0, 1 + withDup.length).filter((_, i) => i === 0 || !crossSet.has(withDup[i - 1]!))
    : withDup.filter((c) => !crossSet.has(c))
  const crossExprs = input.oddRows ? all.slice(1).filter((_, i) => crossSet.has(withDup[i]!)) : cross
  // The rejects pass derives `failed` from the reason lists (a row fails when it has a reason),
  // rather than binding every condition a second time; `explained_counts.sql` then checks these
  // reasons against the insert's filter row by row. The row's own problems are listed once.
  const lists =
    crossExprs.length === 0
      ? `${listOf(all)} AS lp_own, []::STRUCT("column" VARCHAR, "value" VARCHAR, reason VARCHAR)[] AS lp_cross`
      : `${listOf(own)} AS lp_own, ${listOf(crossExprs)} AS lp_cross`
  const errors = "CASE WHEN len(lp_own) > 0 THEN lp_own ELSE lp_cross END"
  // TRUE when some check fails; NULL (a check on a missing value) passes, as before.
  const failing = all.filter((c) => !c.grouped)
  const fails = failing.length > 0 ? `(${failing.map((c) => `(${c.cond})`).join("\n    OR ")})` : "false"
  const beOf = (c: ColumnSpec) =>
    `${raw(c.name)} IS NOT NULL AND NOT (${raw(c.name)} < '2401' AND ${raw(c.name)}[5] = '-') AND lp_is_be(${raw(c.name)})`
  const beDates = dates.filter((c) => !absent.has(c.name))
  const beAny = beDates.length > 0 ? `(${beDates.map(beOf).join(" OR ")})` : "false"
  const beValues = `CREATE OR REPLACE TEMP TABLE lp_be AS
SELECT col, raw FROM (${
    dateKinds.length > 0
      ? dateKinds
          .map(
            ({ column, gid }) =>
              `SELECT ${literal(column)} AS col, ${raw(column)} AS raw FROM lp_pre WHERE gid = ${gid} AND ${raw(column)} IS NOT NULL`,
          )
          .join(" UNION ALL ")
      : "SELECT NULL::VARCHAR AS col, NULL::VARCHAR AS raw WHERE false"
  }) WHERE NOT (raw < '2401' AND raw[5] = '-') AND lp_is_be(raw)`
  const be =
    beDates.length > 0
      ? `list_filter([${beDates.map((c) => `CASE WHEN ${beOf(c)} THEN ${literal(c.name)} END`).join(", ")}]::VARCHAR[], x -> x IS NOT NULL)`
      : "[]::VARCHAR[]"
  const names = model.columns.map((c) => q(c.name))
  const p = input.params
  const insertAccepted = (facts?: PreScanFacts) =>
    `INSERT INTO cases (${names.join(", ")}, source_file, import_id, row_number, imported_at)
SELECT ${names.join(", ")}, $${p + 1}, $${p + 2}, row_number, current_timestamp::TIMESTAMP
FROM ${typedRelation(false, input.relation, facts)}
WHERE ${fails} IS NOT TRUE`
  const isoDates =
    dateKinds.length > 0
      ? `SELECT col FROM (${dateKinds
          .map(
            ({ column, gid }) =>
              `SELECT ${literal(column)} AS col, ${raw(column)} AS raw FROM lp_pre WHERE gid = ${gid} AND ${raw(column)} IS NOT NULL`,
          )
          .join(" UNION ALL ")}) GROUP BY col HAVING bool_and(lp_iso(raw))`
      : "SELECT NULL::VARCHAR AS col WHERE false"
  // Only the rows that were not inserted (lp_rej) and those with a Buddhist Era date text (lp_be)
  // are typed again: copied out of the input once (`lp_cand`), so that JS can read the rejected
  // rows' cells while DuckDB builds the reasons.
  const candidates = (withBe: boolean) => `CREATE OR REPLACE TEMP TABLE lp_cand AS
SELECT * FROM ${input.relation} WHERE ${[
    "row_number IN (SELECT row_number FROM lp_rej)",
    ...(withBe
      ? fileDates.map((c) => `${cellOf(c.name)} IN (SELECT raw FROM lp_be WHERE col = ${literal(c.name)})`)
      : []),
  ].join(" OR ")}`
  const rejects = (facts?: PreScanFacts) => `CREATE OR REPLACE TEMP TABLE lp_bad AS
SELECT row_number, failed,
  CASE WHEN failed THEN ${errors} ELSE [] END AS errs,
  CASE WHEN failed THEN []::VARCHAR[] ELSE ${be} END AS be,
  ${[...dates.map((c) => raw(c.name)), ...cells].join(", ")}
FROM (SELECT *, len(lp_own) > 0 OR len(lp_cross) > 0 AS failed FROM (SELECT *, ${lists} FROM ${typedRelation(true, "lp_cand", facts)}))
WHERE failed OR ${beAny}`
  return {
    pre,
    preKinds: {
      total: bit([]),
      key: keyGid,
      source: hasKey ? bit(["k_source"]) : -1,
      places: placeKinds,
    },
    dup,
    beValues,
    isoDates,
    insertAccepted,
    candidates,
    rejects,
  }
}
