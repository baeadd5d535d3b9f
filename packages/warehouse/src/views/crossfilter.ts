/**
 * Mosaic-style active-dimension indexes. When the user is about to change one filter (the "active"
 * dimension), each view gets a small index table: the view's own dimensions plus the active one,
 * aggregated with every other filter already applied. Changing the active filter then reads a few
 * hundred rows instead of scanning the cube. The index keeps every filter column so the view's own
 * .sql (with its fixed WHERE template) runs on it unchanged: the non-active ones are constants equal
 * to their bound filter value (or NULL when unset), so they pass the template by construction.
 *
 * The build statement is assembled here from closed sets of identifiers only (view names, column
 * names); every value is a bound parameter ($1..$10, the same as the views).
 */
import type { Connector } from "../Connector.ts"
import { type Filters, filterParams } from "./filters.ts"

export type FilterDim =
  | "year"
  | "victim_group"
  | "sex"
  | "age_band"
  | "ethnicity_family"
  | "exploitation_form"
  | "destination"
  | "border_point"
  | "stage"

export const FILTER_DIMS: ReadonlyArray<FilterDim> = [
  "year",
  "victim_group",
  "sex",
  "age_band",
  "ethnicity_family",
  "exploitation_form",
  "destination",
  "border_point",
  "stage",
]

/** The dimension each filter key constrains (both year bounds constrain `year`). */
export const DIM_OF_KEY: { readonly [K in keyof Filters]-?: FilterDim } = {
  yearFrom: "year",
  yearTo: "year",
  victimGroup: "victim_group",
  sex: "sex",
  ageBand: "age_band",
  ethnicityFamily: "ethnicity_family",
  exploitationForm: "exploitation_form",
  destination: "destination",
  borderPoint: "border_point",
  stage: "stage",
}

/** Parameter number of each code filter in FILTER_WHERE. */
const PARAM_OF_DIM: { readonly [D in Exclude<FilterDim, "year">]: number } = {
  victim_group: 3,
  sex: 4,
  age_band: 5,
  ethnicity_family: 6,
  exploitation_form: 7,
  destination: 8,
  border_point: 9,
  stage: 10,
}

export type IndexedView =
  | "province_counts"
  | "district_counts"
  | "border_point_counts"
  | "flow_counts"
  | "year_counts"
  | "area_breakdown"

/** Each view's own dimensions and the per-view aggregate it is indexed from. */
export const VIEW_DIMS: {
  readonly [V in IndexedView]: {
    readonly from: "agg_area" | "agg_detail"
    readonly dims: ReadonlyArray<string>
  }
} = {
  province_counts: { from: "agg_area", dims: ["province"] },
  district_counts: { from: "agg_detail", dims: ["province", "district"] },
  border_point_counts: { from: "agg_area", dims: ["border_point"] },
  flow_counts: { from: "agg_area", dims: ["province", "border_point", "destination", "victim_group"] },
  year_counts: { from: "agg_area", dims: ["year"] },
  area_breakdown: {
    from: "agg_detail",
    dims: [
      "province",
      "district",
      "ethnicity_family",
      "ethnic_group",
      "victim_group",
      "exploitation_form",
      "border_point",
      "destination",
    ],
  },
}

export const indexTable = (view: IndexedView): `idx_${IndexedView}` => `idx_${view}`

/** The statement that (re)builds one view's index for an active dimension. Bind `filterParams(filters)`. */
export const indexSql = (view: IndexedView, active: FilterDim): string => {
  const { from, dims } = VIEW_DIMS[view]
  if (!FILTER_DIMS.includes(active)) throw new Error(`unknown filter dimension ${String(active)}`)
  const keep = new Set([...dims, active])
  const columns = [...dims]
  if (!dims.includes(active)) columns.push(active)
  for (const dim of FILTER_DIMS) {
    if (keep.has(dim)) continue
    columns.push(
      dim === "year"
        ? "CAST(COALESCE($1, $2) AS SMALLINT) AS year"
        : `CAST($${PARAM_OF_DIM[dim]} AS VARCHAR) AS ${dim}`,
    )
  }
  // The active dimension is not filtered while building: its params are ignored here by design.
  const where = FILTER_DIMS.filter((d) => d !== active)
    .map((d) =>
      d === "year"
        ? "($1 IS NULL OR year >= $1) AND ($2 IS NULL OR year <= $2)"
        : `($${PARAM_OF_DIM[d]} IS NULL OR ${d} = $${PARAM_OF_DIM[d]})`,
    )
    .join("\n  AND ")
  // Params of the active dimension must still be referenced for positional binding to line up.
  const activeRef =
    active === "year"
      ? "($1 IS NULL OR TRUE) AND ($2 IS NULL OR TRUE)"
      : `($${PARAM_OF_DIM[active]} IS NULL OR TRUE)`
  return `CREATE OR REPLACE TEMP TABLE ${indexTable(view)} AS
SELECT ${columns.join(", ")}, CAST(SUM(n) AS INTEGER) AS n
FROM ${from}
WHERE ${where}
  AND ${activeRef}
GROUP BY ALL`
}

const keyOf = (active: FilterDim, filters: Filters): string => {
  const rest = Object.entries(filters)
    .filter(([k, v]) => v !== null && v !== undefined && DIM_OF_KEY[k as keyof Filters] !== active)
    .sort(([a], [b]) => (a < b ? -1 : 1))
  return JSON.stringify([active, rest])
}

/** The dimensions whose filter values differ between two filter states. */
export const changedDims = (a: Filters, b: Filters): Set<FilterDim> => {
  const out = new Set<FilterDim>()
  for (const key of Object.keys(DIM_OF_KEY) as Array<keyof Filters>) {
    if ((a[key] ?? null) !== (b[key] ?? null)) out.add(DIM_OF_KEY[key])
  }
  return out
}

/**
 * Keeps the indexes of all views for one active dimension and the values of the other filters.
 * `prepare` is cheap when nothing relevant changed; the caller decides when to activate (on hover
 * or focus of a filter control, like Mosaic) and whether indexes are usable (`ready`).
 */
export class ActiveIndex {
  private key: string | null = null
  private building: Promise<void> | null = null
  constructor(
    private readonly conn: Connector,
    private readonly views: ReadonlyArray<IndexedView> = Object.keys(VIEW_DIMS) as Array<IndexedView>,
  ) {}

  /** True when the indexes answer for `filters` with `active` as the only free dimension. */
  ready(active: FilterDim, filters: Filters): boolean {
    return this.key === keyOf(active, filters)
  }

  /** Build (or keep) the indexes for `active` given the current values of the other filters. */
  async prepare(active: FilterDim, filters: Filters): Promise<void> {
    const key = keyOf(active, filters)
    while (this.building) await this.building
    if (this.key === key) return
    this.building = (async () => {
      this.key = null
      const params = filterParams(filters)
      for (const view of this.views) await this.conn.query(indexSql(view, active), params)
      this.key = key
    })()
    try {
      await this.building
    } finally {
      this.building = null
    }
  }
}
