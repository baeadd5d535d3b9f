/**
 * Mosaic-style active-dimension indexes. When the user is about to change one filter (the "active"
 * dimension: pointer enters or focus reaches its control), every view gets a tiny table grouped by
 * the view's OUTPUT keys plus the active dimension, with all OTHER filters already applied. Moving
 * the active filter then sums a few hundred rows instead of scanning the cube:
 *
 *   idx_area      province, district, <active>          province_counts, district_counts
 *   idx_border    border_point, <active>                border_point_counts
 *   idx_flow      province, border_point, destination, is_return, <active>     flow_counts
 *   idx_year      year, <active>                        year_counts
 *   idx_breakdown dimension, code, <active>             area_breakdown of the selected area only
 *
 * At 1M published cases (970k cube rows), with no other filter, the largest over every active
 * dimension: idx_area 4.9k rows, idx_border 514, idx_flow 19k, idx_year 534, idx_breakdown ~1.6k.
 * The indexes are built from `facts_k` (`prepare_views.sql`: the cube with ENUM keys, sorted by
 * area), one statement per table, then each is read once into JavaScript and grouped per view: an
 * interaction only adds up the rows that pass the active filter (at 1M, p95 about 1.5 ms in Chromium
 * against 12-16 ms for one UNION query of every view's read, which stays as the fallback). SQL is
 * generated here from closed sets of identifiers only (view, table and column names); every value
 * is a bound parameter.
 *
 * `CrossFilter` is the session the dashboard (`useViews`) and the benchmark page run: it answers
 * every view of one interaction from the indexes when they hold the current filters, otherwise from
 * `facts_k` through the view's own `.sql`, and keeps recent answers per view so a change that a view
 * does not depend on (level, selection) does not query it again.
 */
import type { Connector, Param } from "../Connector.ts"
import { FACT_FILTERS, type FactFilter } from "../Publication.ts"
import { type CodeFilterKey, type Filters, RETURN_GROUPS } from "./filters.ts"

/** A dimension a filter constrains: the year, or one of the contract's filter columns. */
export type FilterDim = "year" | FactFilter["column"]

export const FILTER_DIMS: ReadonlyArray<FilterDim> = ["year", ...FACT_FILTERS.map((f) => f.column)]

/** The dimension each filter key constrains (both year bounds constrain `year`). */
export const DIM_OF_KEY = {
  yearFrom: "year",
  yearTo: "year",
  ...Object.fromEntries(FACT_FILTERS.map((f) => [f.key, f.column])),
} as { readonly [K in keyof Filters]-?: FilterDim }

/** The filter key of each code dimension. */
const KEY_OF_DIM = Object.fromEntries(FACT_FILTERS.map((f) => [f.column, f.key])) as {
  readonly [D in Exclude<FilterDim, "year">]: CodeFilterKey
}

export type IndexedView =
  | "province_counts"
  | "district_counts"
  | "border_point_counts"
  | "flow_counts"
  | "year_counts"
  | "area_breakdown"

export type IndexTable = "idx_area" | "idx_border" | "idx_flow" | "idx_year" | "idx_breakdown"

/** The index table each view reads. */
export const INDEX_OF_VIEW: { readonly [V in IndexedView]: IndexTable } = {
  province_counts: "idx_area",
  district_counts: "idx_area",
  border_point_counts: "idx_border",
  flow_counts: "idx_flow",
  year_counts: "idx_year",
  area_breakdown: "idx_breakdown",
}

/** The area of `area_breakdown`. */
export interface Area {
  readonly province: string
  readonly district?: string | null | undefined
}

/** The dimensions whose filter values differ between two filter states. */
export const changedDims = (a: Filters, b: Filters): Set<FilterDim> => {
  const out = new Set<FilterDim>()
  for (const key of Object.keys(DIM_OF_KEY) as Array<keyof Filters>) {
    if ((a[key] ?? null) !== (b[key] ?? null)) out.add(DIM_OF_KEY[key])
  }
  return out
}

const value = (filters: Filters, key: keyof Filters): string | number | null => filters[key] ?? null

/**
 * `AND`-ed predicates for the filters that are set on `dims`, numbered from `$${params.length + 1}`
 * (values are pushed onto `params`). Unset filters add nothing, so DuckDB can push every predicate
 * into the scan and skip row groups (the cube is sorted by area).
 */
const predicates = (
  dims: ReadonlyArray<FilterDim>,
  filters: Filters,
  params: Array<Param>,
): Array<string> => {
  const out: Array<string> = []
  const bind = (v: Param) => {
    params.push(v)
    return `$${params.length}`
  }
  for (const dim of dims) {
    if (dim === "year") {
      const from = value(filters, "yearFrom")
      const to = value(filters, "yearTo")
      if (from !== null) out.push(`year >= ${bind(from)}`)
      if (to !== null) out.push(`year <= ${bind(to)}`)
    } else {
      const v = value(filters, KEY_OF_DIM[dim])
      if (v !== null) out.push(`${dim} = ${bind(v)}`)
    }
  }
  return out
}

const whereOf = (parts: ReadonlyArray<string>): string => (parts.length ? `WHERE ${parts.join(" AND ")}` : "")

const RETURN_LIST = RETURN_GROUPS.map((g) => `'${g}'`).join(", ")

/** Breakdown dimensions of `area_breakdown`, in the order of its .sql. */
const BREAKDOWN_DIMS = [
  "ethnicity_family",
  "ethnic_group",
  "victim_group",
  "exploitation_form",
  "border_point",
  "destination",
  "year",
] as const

const unique = (xs: ReadonlyArray<string>): Array<string> => [...new Set(xs)]

/**
 * The statements that (re)build the indexes for `active` from `facts_k`, with every other filter
 * applied, and (when `area` is given) the selected area's breakdown, each with its parameters.
 */
export const indexStatements = (
  active: FilterDim,
  filters: Filters,
  area: Area | null,
): Array<{ readonly sql: string; readonly params: Array<Param> }> => {
  if (!FILTER_DIMS.includes(active)) throw new Error(`unknown filter dimension ${String(active)}`)
  const others = FILTER_DIMS.filter((d) => d !== active)
  /** `keys`: [select expression, name]; the active dimension is added when not among them. */
  const build = (
    table: IndexTable,
    keys: ReadonlyArray<readonly [string, string]>,
    extra: ReadonlyArray<string> = [],
  ): { sql: string; params: Array<Param> } => {
    const params: Array<Param> = []
    const where = whereOf([...predicates(others, filters, params), ...extra])
    const all = keys.some(([, name]) => name === active) ? keys : [...keys, [active, active] as const]
    const select = all.map(([expr, name]) => (expr === name ? name : `${expr} AS ${name}`))
    return {
      sql: `CREATE OR REPLACE TEMP TABLE ${table} AS
SELECT ${select.join(", ")}, CAST(SUM(n) AS INTEGER) AS n
FROM facts_k ${where}
GROUP BY ${all.map(([, name]) => name).join(", ")}
ORDER BY ${active}`,
      params,
    }
  }
  const col = (c: string) => [c, c] as const
  const out = [
    build("idx_area", [col("province"), col("district")]),
    build("idx_border", [col("border_point")], ["border_point IS NOT NULL"]),
    build(
      "idx_flow",
      [
        col("province"),
        col("border_point"),
        col("destination"),
        [`victim_group IN (${RETURN_LIST})`, "is_return"],
      ],
      ["province IS NOT NULL", "destination IS NOT NULL", "destination <> 'LAO'"],
    ),
    build("idx_year", [col("year")]),
  ]
  if (area) out.push(breakdownStatement(active, filters, area))
  return out
}

/** The selected area's breakdown by each dimension and the active one (one row set per dimension). */
const breakdownStatement = (
  active: FilterDim,
  filters: Filters,
  area: Area,
): { sql: string; params: Array<Param> } => {
  const params: Array<Param> = []
  const others = FILTER_DIMS.filter((d) => d !== active)
  const parts = predicates(others, filters, params)
  params.push(area.province)
  parts.push(`province = $${params.length}`)
  if (area.district) {
    params.push(area.district)
    parts.push(`district = $${params.length}`)
  }
  const cols = unique([...BREAKDOWN_DIMS, active])
  const base = `(SELECT ${cols.join(", ")}, CAST(SUM(n) AS INTEGER) AS n FROM facts_k ${whereOf(parts)} GROUP BY ${cols.join(", ")})`
  const per = [
    ...BREAKDOWN_DIMS.map(
      (d) =>
        `SELECT '${d}' AS dimension, CAST(${d} AS VARCHAR) AS code, ${active}, CAST(SUM(n) AS INTEGER) AS n FROM base GROUP BY ${unique([d, active]).join(", ")}`,
    ),
    `SELECT 'total' AS dimension, CAST(NULL AS VARCHAR) AS code, ${active}, CAST(SUM(n) AS INTEGER) AS n FROM base GROUP BY ${active}`,
  ]
  return {
    sql: `CREATE OR REPLACE TEMP TABLE idx_breakdown AS
WITH base AS MATERIALIZED ${base}
${per.join("\nUNION ALL\n")}`,
    params,
  }
}

/** The read of one view from its index: only the active filter is applied. */
export const indexReadSql = (
  view: IndexedView,
  active: FilterDim,
  filters: Filters,
): { sql: string; params: Array<Param> } => {
  const params: Array<Param> = []
  const parts = predicates([active], filters, params)
  const where = whereOf(parts)
  const and = parts.map((p) => ` AND ${p}`).join("")
  const n = "CAST(SUM(n) AS INTEGER) AS n"
  const sql = {
    province_counts: `SELECT CAST(province AS VARCHAR) AS province, ${n} FROM idx_area ${where} GROUP BY province`,
    district_counts: `SELECT CAST(province AS VARCHAR) AS province, CAST(district AS VARCHAR) AS district, ${n} FROM idx_area ${where} GROUP BY province, district`,
    border_point_counts: `SELECT CAST(border_point AS VARCHAR) AS border_point, ${n} FROM idx_border ${where} GROUP BY border_point`,
    flow_counts: `SELECT CAST(province AS VARCHAR) AS province, CAST(border_point AS VARCHAR) AS border_point, CAST(destination AS VARCHAR) AS destination, is_return, ${n} FROM idx_flow ${where} GROUP BY province, border_point, destination, is_return`,
    year_counts: `SELECT year, ${n} FROM idx_year ${where} GROUP BY year ORDER BY year`,
    // like GROUPING SETS (..., ()) on `facts`: the total row is there even when no case matches (n null)
    area_breakdown: `SELECT dimension, code, ${n} FROM idx_breakdown WHERE dimension <> 'total'${and} GROUP BY dimension, code
UNION ALL
SELECT 'total' AS dimension, CAST(NULL AS VARCHAR) AS code, ${n} FROM idx_breakdown WHERE dimension = 'total'${and}`,
  }[view]
  return { sql, params }
}

/** Tags of the views in the one-round-trip read (`indexReadAllSql`). */
const TAG: { readonly [V in IndexedView]: string } = {
  province_counts: "p",
  district_counts: "d",
  border_point_counts: "b",
  flow_counts: "f",
  year_counts: "y",
  area_breakdown: "a",
}

/**
 * Several views' reads in one statement (one worker round-trip): each view's rows in the shared
 * columns `v` (view tag), `s1`..`s3` (text keys), `yr`, `r` (is_return), `n`; `rowsOfView` splits
 * them back into each view's own row shape. The active filter's values are bound once ($1, $2).
 */
export const indexReadAllSql = (
  views: ReadonlyArray<IndexedView>,
  active: FilterDim,
  filters: Filters,
): { sql: string; params: Array<Param> } => {
  const params: Array<Param> = []
  const parts = predicates([active], filters, params)
  const where = whereOf(parts)
  const and = parts.map((p) => ` AND ${p}`).join("")
  const n = "CAST(SUM(n) AS INTEGER) AS n"
  const text = (c: string | null) => (c ? `CAST(${c} AS VARCHAR)` : "CAST(NULL AS VARCHAR)")
  const row = (
    view: IndexedView,
    s1: string | null,
    s2: string | null,
    s3: string | null,
    yr = false,
    r = false,
  ) =>
    `SELECT '${TAG[view]}' AS v, ${text(s1)} AS s1, ${text(s2)} AS s2, ${text(s3)} AS s3, ${yr ? "year" : "CAST(NULL AS SMALLINT)"} AS yr, ${r ? "is_return" : "CAST(NULL AS BOOLEAN)"} AS r, ${n}`
  const piece: { readonly [V in IndexedView]: string } = {
    province_counts: `${row("province_counts", "province", null, null)} FROM idx_area ${where} GROUP BY province`,
    district_counts: `${row("district_counts", "province", "district", null)} FROM idx_area ${where} GROUP BY province, district`,
    border_point_counts: `${row("border_point_counts", "border_point", null, null)} FROM idx_border ${where} GROUP BY border_point`,
    flow_counts: `${row("flow_counts", "province", "border_point", "destination", false, true)} FROM idx_flow ${where} GROUP BY province, border_point, destination, is_return`,
    year_counts: `${row("year_counts", null, null, null, true)} FROM idx_year ${where} GROUP BY year`,
    area_breakdown: `${row("area_breakdown", "dimension", "code", null)} FROM idx_breakdown WHERE dimension <> 'total'${and} GROUP BY dimension, code
UNION ALL
${row("area_breakdown", "'total'", null, null)} FROM idx_breakdown WHERE dimension = 'total'${and}`,
  }
  const sql = `${views.map((v) => piece[v]).join("\nUNION ALL\n")}\nORDER BY v, yr`
  return { sql, params }
}

type UnionRow = {
  readonly v: string
  readonly s1: string | null
  readonly s2: string | null
  readonly s3: string | null
  readonly yr: number | null
  readonly r: boolean | null
  readonly n: number | null
}

/** One view's rows, in that view's own shape, from the rows of `indexReadAllSql`. */
const rowsOfView = (view: IndexedView, rows: ReadonlyArray<UnionRow>): ReadonlyArray<unknown> => {
  const mine = rows.filter((r) => r.v === TAG[view])
  switch (view) {
    case "province_counts":
      return mine.map((r) => ({ province: r.s1, n: r.n }))
    case "district_counts":
      return mine.map((r) => ({ province: r.s1, district: r.s2, n: r.n }))
    case "border_point_counts":
      return mine.map((r) => ({ border_point: r.s1, n: r.n }))
    case "flow_counts":
      return mine.map((r) => ({
        province: r.s1,
        border_point: r.s2,
        destination: r.s3,
        is_return: r.r,
        n: r.n,
      }))
    case "year_counts":
      return mine.map((r) => ({ year: r.yr, n: r.n }))
    case "area_breakdown":
      return mine.map((r) => ({ dimension: r.s1, code: r.s2, n: r.n }))
  }
}

/** The output columns of each view in its index table (`area_breakdown`: plus its total row). */
const KEYS_OF_VIEW: { readonly [V in IndexedView]: ReadonlyArray<string> } = {
  province_counts: ["province"],
  district_counts: ["province", "district"],
  border_point_counts: ["border_point"],
  flow_counts: ["province", "border_point", "destination", "is_return"],
  year_counts: ["year"],
  area_breakdown: ["dimension", "code"],
}

/** The columns of each index table besides the active dimension and `n`. */
const COLUMNS_OF_TABLE: { readonly [T in IndexTable]: ReadonlyArray<string> } = {
  idx_area: ["province", "district"],
  idx_border: ["border_point"],
  idx_flow: ["province", "border_point", "destination", "is_return"],
  idx_year: ["year"],
  idx_breakdown: ["dimension", "code"],
}

/** ENUM columns come back as text, like the views' own `CAST(... AS VARCHAR)`. */
const NOT_TEXT = new Set(["year", "is_return", "n", "dimension", "code"])

/** One index table held in JavaScript: its rows column by column. */
interface HeldTable {
  readonly columns: ReadonlyMap<string, ReadonlyArray<string | number | boolean | null>>
  readonly active: ReadonlyArray<string | number | null>
  readonly n: ReadonlyArray<number>
  readonly size: number
  readonly groupings: Map<IndexedView, Grouping>
}

const loadTable = async (conn: Connector, table: IndexTable, active: FilterDim): Promise<HeldTable> => {
  const cols = unique([...COLUMNS_OF_TABLE[table], active])
  const select = cols.map((c) => (NOT_TEXT.has(c) ? c : `CAST(${c} AS VARCHAR) AS ${c}`))
  const rows = await conn.query<Record<string, string | number | boolean | null>>(
    `SELECT ${select.join(", ")}, n FROM ${table}`,
  )
  const columns = new Map(cols.map((c) => [c, rows.map((r) => r[c] ?? null)]))
  const held: HeldTable = {
    columns,
    active: columns.get(active) as ReadonlyArray<string | number | null>,
    n: rows.map((r) => Number(r.n)),
    size: rows.length,
    groupings: new Map(),
  }
  // group now (the hover), not on the interaction's first read
  for (const view of Object.keys(INDEX_OF_VIEW) as IndexedView[])
    if (INDEX_OF_VIEW[view] === table) groupingOf(view, held)
  return held
}

/** Which rows of an index pass the active filter, as `predicates` would select them in SQL. */
const passOf = (active: FilterDim, filters: Filters): ((v: string | number | null) => boolean) => {
  if (active === "year") {
    const from = value(filters, "yearFrom")
    const to = value(filters, "yearTo")
    if (from === null && to === null) return () => true
    return (v) => v !== null && (from === null || v >= from) && (to === null || v <= to)
  }
  const want = value(filters, KEY_OF_DIM[active])
  if (want === null) return () => true
  return (v) => v === want
}

/**
 * One view's rows summed in JavaScript from its held index: the same rows as `indexReadSql` (groups
 * with at least one passing row; year_counts by year; the breakdown's total row always, n null when
 * nothing passes).
 */
/** A view's groups in a held table: each row's group (-1: the breakdown's total) and each group's keys. */
interface Grouping {
  readonly gid: Int32Array
  readonly keys: ReadonlyArray<Record<string, unknown>>
}

/** Grouped once per held table and view (when first read), so an interaction only adds numbers. */
const groupingOf = (view: IndexedView, held: HeldTable): Grouping => {
  const cached = held.groupings.get(view)
  if (cached) return cached
  const keys = KEYS_OF_VIEW[view]
  const cols = keys.map((k) => held.columns.get(k)!)
  const dimension = view === "area_breakdown" ? held.columns.get("dimension")! : null
  const ids = new Map<string, number>()
  const groups: Array<Record<string, unknown>> = []
  const gid = new Int32Array(held.size)
  for (let r = 0; r < held.size; r++) {
    if (dimension && dimension[r] === "total") {
      gid[r] = -1
      continue
    }
    const id = JSON.stringify(cols.map((c) => c[r]))
    let g = ids.get(id)
    if (g === undefined) {
      g = groups.length
      ids.set(id, g)
      groups.push(Object.fromEntries(keys.map((k, i) => [k, cols[i]![r]])))
    }
    gid[r] = g
  }
  const out = { gid, keys: groups }
  held.groupings.set(view, out)
  return out
}

/**
 * One view's rows summed in JavaScript from its held index: the same rows as `indexReadSql` (groups
 * with at least one passing row; year_counts by year; the breakdown's total row always, n null when
 * nothing passes).
 */
const heldRows = (
  view: IndexedView,
  held: HeldTable,
  pass: (v: string | number | null) => boolean,
): Array<Record<string, unknown>> => {
  const { gid, keys } = groupingOf(view, held)
  const sums = new Float64Array(keys.length)
  const hit = new Uint8Array(keys.length)
  let total: number | null = null
  for (let r = 0; r < held.size; r++) {
    if (!pass(held.active[r]!)) continue
    const g = gid[r]!
    if (g < 0) total = (total ?? 0) + held.n[r]!
    else {
      sums[g] = sums[g]! + held.n[r]!
      hit[g] = 1
    }
  }
  const out: Array<Record<string, unknown>> = []
  for (let g = 0; g < keys.length; g++) if (hit[g]) out.push({ ...keys[g], n: sums[g] })
  if (view === "year_counts") out.sort((a, b) => (a.year as number) - (b.year as number))
  if (view === "area_breakdown") out.push({ dimension: "total", code: null, n: total })
  return out
}

const keyOf = (active: FilterDim, filters: Filters): string => {
  const rest = Object.entries(filters)
    .filter(([k, v]) => v !== null && v !== undefined && DIM_OF_KEY[k as keyof Filters] !== active)
    .sort(([a], [b]) => (a < b ? -1 : 1))
  return JSON.stringify([active, rest])
}
const areaKey = (area: Area | null): string => (area ? `${area.province}/${area.district ?? ""}` : "")

/**
 * Keeps the indexes of all views for one active dimension and the values of the other filters.
 * `prepare` is cheap when nothing relevant changed; the caller decides when to activate (on hover
 * or focus of a filter control, like Mosaic) and whether the indexes answer (`ready`).
 */
export class ActiveIndex {
  private key: string | null = null
  private area: string | null = null
  private dim: FilterDim | null = null
  private building: Promise<void> | null = null
  private requests = 0
  /** The built index tables, also held in JavaScript: an interaction sums a few thousand rows without a query. */
  private readonly held = new Map<IndexTable, HeldTable>()
  constructor(private readonly conn: Connector) {}

  /** The active dimension of the built indexes (null before the first build). */
  get active(): FilterDim | null {
    return this.key === null ? null : this.dim
  }

  /** True when the indexes answer for `filters` with `active` as the only free dimension. */
  ready(active: FilterDim, filters: Filters): boolean {
    return this.key === keyOf(active, filters)
  }

  /** True when the breakdown index holds `area` (and `ready` holds). */
  readyFor(area: Area): boolean {
    return this.key !== null && this.area === areaKey(area)
  }

  /**
   * Build (or keep) the indexes for `active` given the other filters (and the selected area). A
   * request overtaken by a later one while it waits for a running build is dropped (check `ready`).
   */
  async prepare(active: FilterDim, filters: Filters, area: Area | null = null): Promise<void> {
    const key = keyOf(active, filters)
    const ak = area ? areaKey(area) : null
    const request = ++this.requests
    while (this.building) await this.building
    if (this.key === key && (ak === null || this.area === ak)) return
    // the pointer has moved on to another filter meanwhile: build only the latest one asked for
    if (request !== this.requests) return
    const onlyBreakdown = this.key === key
    this.building = (async () => {
      const statements =
        onlyBreakdown && area
          ? [breakdownStatement(active, filters, area)]
          : indexStatements(active, filters, area)
      if (!onlyBreakdown) {
        this.key = null
        this.held.clear()
      }
      this.area = null
      this.held.delete("idx_breakdown")
      for (const s of statements) await this.conn.query(s.sql, s.params)
      const built = onlyBreakdown
        ? (["idx_breakdown"] as const)
        : [
            ...(["idx_area", "idx_border", "idx_flow", "idx_year"] as const),
            ...(area ? (["idx_breakdown"] as const) : []),
          ]
      for (const table of built) this.held.set(table, await loadTable(this.conn, table, active))
      this.key = key
      this.dim = active
      this.area = ak
    })()
    try {
      await this.building
    } finally {
      this.building = null
    }
  }

  /**
   * Several views' rows from their indexes: summed in JavaScript from the held tables (no query), else
   * in one round-trip (`indexReadAllSql`); same checks as `read`.
   */
  async readAll(
    views: ReadonlyArray<IndexedView>,
    filters: Filters,
  ): Promise<Map<IndexedView, ReadonlyArray<unknown>>> {
    if (this.key === null || this.dim === null) throw new Error("no index built")
    const out = new Map<IndexedView, ReadonlyArray<unknown>>()
    if (views.length === 0) return out
    const pass = passOf(this.dim, filters)
    const held = views.map((v) => this.held.get(INDEX_OF_VIEW[v]))
    if (held.every((h) => h !== undefined)) {
      for (const [i, v] of views.entries()) out.set(v, heldRows(v, held[i]!, pass))
      return out
    }
    const { sql, params } = indexReadAllSql(views, this.dim, filters)
    const rows = await this.conn.query<UnionRow>(sql, params)
    for (const view of views) out.set(view, rowsOfView(view, rows))
    return out
  }

  /** One view's rows from its index; the caller checks `ready` (and `readyFor` for the breakdown). */
  read<T>(view: IndexedView, filters: Filters): Promise<ReadonlyArray<T>> {
    if (this.key === null || this.dim === null) throw new Error("no index built")
    const { sql, params } = indexReadSql(view, this.dim, filters)
    return this.conn.query(sql, params) as Promise<ReadonlyArray<T>>
  }
}
