/**
 * Generates the import's validation SQL from the CaseModel: one pass over the staging table that
 * types every column (TRY_CAST, the generated ENUMs, the place lookup table) and collects, per row,
 * a list of `{column, value, reason}` for everything wrong. Rows with an empty list are accepted.
 * Reasons are written for case workers, not for programmers.
 */
import { columnType } from "../schema/ddl.ts"
import type { CaseModel, ColumnSpec } from "../schema/model.ts"
import { ident, literal } from "../schema/sql-text.ts"

const raw = (c: string) => ident(`r_${c}`)
const q = ident

/** Expression typing raw text `r` of column `c` (lookups joined as `p_<col>`). */
function typed(c: ColumnSpec): string {
  const r = raw(c.name)
  switch (c.kind) {
    case "date":
      return `lp_date(${r})`
    case "int":
      return `lp_int(${r})`
    case "code":
      return c.enum
        ? `coalesce(TRY_CAST(${r} AS ${ident(c.enum.name)}), TRY_CAST(lp_code(${r}) AS ${ident(c.enum.name)}))`
        : r
    case "codes":
      return c.enum
        ? `CASE WHEN ${r} IS NOT NULL THEN list_transform(lp_list(${r}), x -> coalesce(TRY_CAST(x AS ${ident(c.enum.name)}), TRY_CAST(lp_code(x) AS ${ident(c.enum.name)}))) END`
        : `lp_list(${r})`
    case "place":
      return `TRY_CAST(${ident(`p_${c.name}`)}.code AS ${columnType(c)})`
    default:
      return r
  }
}

interface Check {
  readonly cond: string
  readonly expr: string
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
          `${r} IS NOT NULL AND list_count(${t}) < len(lp_list(${r}))`,
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
  if (has("origin_district") && has("origin_province")) {
    checks.push(
      err(
        `${raw("origin_province")} IS NOT NULL AND pp_origin_district IS NOT NULL AND ${q("origin_province")}::VARCHAR <> pp_origin_district`,
        "origin_province",
        raw("origin_province"),
        "'does not match origin_district (' || pc_origin_district || ' is in ' || pp_origin_district || ')'",
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
    if (has("date_of_birth"))
      checks.push(
        err(
          `${q("date_of_birth")} > ${q("identification_date")}`,
          "date_of_birth",
          raw("date_of_birth"),
          literal("date of birth is after identification"),
        ),
      )
    if (has("return_date") && has("bid_date")) {
      const age = [
        has("age_years") ? q("age_years") : null,
        has("date_of_birth")
          ? `date_diff('year', ${q("date_of_birth")}, ${q("identification_date")}) - CASE WHEN strftime(${q("identification_date")}, '%m-%d') < strftime(${q("date_of_birth")}, '%m-%d') THEN 1 ELSE 0 END`
          : null,
      ].filter((x) => x !== null)
      if (age.length > 0)
        checks.push(
          err(
            `coalesce(${age.join(", ")}) < 18 AND ${q("return_date")} IS NOT NULL AND ${q("bid_date")} IS NULL`,
            "bid_date",
            "NULL",
            literal("a child cannot have a return_date without a best-interest determination (bid_date)"),
          ),
        )
    }
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

/** Columns whose raw values go through the JS place resolver, with the hint column for districts. */
export const placeColumns = (model: CaseModel) =>
  model.columns
    .filter((c) => c.kind === "place")
    .map((c) => ({
      column: c,
      hint:
        c.name === "origin_district" && model.columns.some((x) => x.name === "origin_province")
          ? "origin_province"
          : null,
    }))

/**
 * `lp_in` (a view over `stg` naming raw columns `r_<col>`) -> `lp_typed` (typed columns, `errs`,
 * `be` = date columns converted from the Buddhist Era).
 */
export function validationSql(
  model: CaseModel,
  fileColumns: ReadonlyMap<string, number>,
): { inView: string; typed: string } {
  const inCols = model.columns.map((c) => {
    const idx = fileColumns.get(c.name)
    const cell = idx === undefined ? "NULL::VARCHAR" : `nullif(trim(${ident(`c${idx}`)}), '')`
    const value = c.name === "source" ? `coalesce(${cell}, (SELECT default_source FROM lp_args))` : cell
    return `${value} AS ${raw(c.name)}`
  })
  const inView = `CREATE OR REPLACE TEMP VIEW lp_in AS SELECT row_number, ${inCols.join(", ")} FROM stg`

  const places = placeColumns(model)
  const joins = places
    .map(({ column, hint }) => {
      const p = ident(`p_${column.name}`)
      const hintCond = hint ? `${p}.hint = coalesce(i.${raw(hint)}, '')` : `${p}.hint = ''`
      return `LEFT JOIN lp_place ${p} ON ${p}.col = ${literal(column.name)} AND ${p}.raw = i.${raw(column.name)} AND ${hintCond}`
    })
    .join("\n")
  const typedCols = model.columns.map((c) => {
    if (c.name === "origin_province" && places.some((p) => p.column.name === "origin_district"))
      return `coalesce(${typed(c)}, TRY_CAST(p_origin_district.province AS ${columnType(c)})) AS ${q(c.name)}`
    return `${typed(c)} AS ${q(c.name)}`
  })
  const dates = model.columns.filter((c) => c.kind === "date")
  const be = `list_filter([${dates.map((c) => `CASE WHEN ${raw(c.name)} IS NOT NULL AND NOT (${raw(c.name)} < '2401' AND ${raw(c.name)}[5] = '-') AND lp_is_be(${raw(c.name)}) THEN ${literal(c.name)} END`).join(", ")}], x -> x IS NOT NULL)`
  const checks = [...model.columns.flatMap(columnChecks), ...crossChecks(model)]
  const hasKey =
    model.columns.some((c) => c.name === "case_id") && model.columns.some((c) => c.name === "source")
  const dup = hasKey
    ? err(
        "dup_first IS NOT NULL AND dup_first < row_number",
        "case_id",
        raw("case_id"),
        "'duplicate case id in this file (first seen in row ' || dup_first || ')'",
      )
    : null
  // Building the error structs for every row is costly; only rows with some failing check build them.
  const all = dup ? [...checks, dup] : checks
  const errs = `CASE WHEN ${all.map((c) => `(${c.cond})`).join(" OR ")} THEN list_filter([${all.map((c) => c.expr).join(",\n    ")}], e -> e IS NOT NULL) ELSE [] END`
  // Only typed columns (and raw dates, for warnings) are kept: raw cells stay in stg for quarantine.
  const keep = ["row_number", ...model.columns.map((c) => q(c.name)), ...dates.map((c) => raw(c.name))]
  const typedSql = `CREATE OR REPLACE TEMP TABLE lp_typed AS
WITH typed AS (
  SELECT i.*, ${typedCols.join(",\n    ")}, ${places.map(({ column }) => `${ident(`p_${column.name}`)}.code AS ${ident(`pc_${column.name}`)}, ${ident(`p_${column.name}`)}.province AS ${ident(`pp_${column.name}`)}, ${ident(`p_${column.name}`)}.reason AS ${ident(`pr_${column.name}`)}`).join(", ") || "NULL AS lp_none"}
  FROM lp_in i
  ${joins}
), checked AS (
  SELECT *, ${hasKey ? `CASE WHEN ${raw("case_id")} IS NOT NULL THEN min(row_number) OVER (PARTITION BY ${raw("source")}, ${raw("case_id")}) END` : "NULL"} AS dup_first
  FROM typed
)
SELECT ${keep.join(", ")}, ${be} AS be,
  ${errs} AS errs
FROM checked`
  return { inView, typed: typedSql }
}
