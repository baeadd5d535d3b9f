/**
 * The wiring between the warehouse's publish step and the planning package: planning computes its
 * de-identified, suppressed aggregates from the warehouse, and this turns them into the Arrow tables
 * publish writes into a planners release (docs/contracts.md section 3).
 */
import { AreaEstimates, Gazetteer, Publication, ShelterDemand } from "@lao-protect/planning"
import type { Connector, PlannersTables } from "@lao-protect/warehouse/node"
import { Bool, type DataType, Float64, Int32, Table, Utf8, vectorFromArray } from "apache-arrow"

/** Every column of plain rows as Arrow: strings as Utf8, booleans as Bool, numbers as Float64. */
const fromRows = (
  rows: ReadonlyArray<object>,
  types: Readonly<Record<string, "text" | "number" | "bool">>,
): Table =>
  arrowTable(
    Object.entries(types).map(
      ([name, kind]): Col => [
        name,
        kind === "text" ? new Utf8() : kind === "bool" ? new Bool() : new Float64(),
        rows.map((r) => (r as Record<string, unknown>)[name] ?? null),
      ],
    ),
  )

type Col = readonly [name: string, type: DataType, values: ReadonlyArray<unknown>]

const arrowTable = (cols: ReadonlyArray<Col>): Table =>
  new Table(
    Object.fromEntries(
      cols.map(([name, type, values]) => [name, vectorFromArray(values as unknown[], type)]),
    ),
  )

const text = (rows: ReadonlyArray<object>, name: string): Col => [
  name,
  new Utf8(),
  rows.map((r) => (r as Record<string, unknown>)[name] ?? null),
]
const num = (rows: ReadonlyArray<object>, name: string, type: DataType = new Int32()): Col => [
  name,
  type,
  rows.map((r) => (r as Record<string, unknown>)[name] ?? null),
]
const flag = (rows: ReadonlyArray<object>): Col => [
  "suppressed",
  new Bool(),
  rows.map((r) => (r as { suppressed: boolean }).suppressed),
]

/** Planning's publication tables (pipeline funnel, stage durations, bed-nights, red flags) as Arrow. */
export const plannersTables: PlannersTables = async (warehouse: Connector, { threshold }) => {
  const planning = await Publication.planningTablesForPublication(warehouse, { threshold })
  const f = planning.pipeline_funnel
  const d = planning.stage_durations
  const b = planning.bed_nights
  const r = planning.red_flag_counts
  return {
    pipeline_funnel: arrowTable([
      text(f, "province"),
      text(f, "kind"),
      text(f, "step"),
      num(f, "n"),
      flag(f),
    ]),
    stage_durations: arrowTable([
      text(d, "scope"),
      text(d, "province"),
      text(d, "stage"),
      num(d, "n"),
      num(d, "median_days", new Float64()),
      num(d, "p90_days", new Float64()),
      flag(d),
    ]),
    bed_nights: arrowTable([
      text(b, "province"),
      text(b, "month"),
      num(b, "nights"),
      num(b, "cases"),
      flag(b),
    ]),
    red_flag_counts: arrowTable([
      text(r, "province"),
      text(r, "flag"),
      num(r, "n"),
      text(r, "legal_basis"),
      flag(r),
    ]),
  }
}

/**
 * Small-area estimates (planning's AreaEstimates) from the unsuppressed cases, as published rates and
 * expected victims with intervals, rounded: no counts, so written in the public tier too.
 */
export const estimateTables: PlannersTables = async (warehouse: Connector, { threshold }) => {
  const rows = await AreaEstimates.areaEstimatesFromWarehouse(warehouse, Gazetteer.fromDomain(), {
    threshold,
  })
  const shelter = await ShelterDemand.shelterTablesForPublication(warehouse, { threshold })
  const N = "number" as const
  const T = "text" as const
  const f = new Float64()
  return {
    area_estimates: arrowTable([
      text(rows, "level"),
      text(rows, "area"),
      text(rows, "province"),
      text(rows, "measure"),
      num(rows, "from_year"),
      num(rows, "to_year"),
      num(rows, "population", f),
      num(rows, "rate_per_100k", f),
      num(rows, "lower_per_100k", f),
      num(rows, "upper_per_100k", f),
      num(rows, "expected", f),
      num(rows, "expected_lower", f),
      num(rows, "expected_upper", f),
      num(rows, "weight", f),
      num(rows, "level_pct", f),
    ]),
    shelter_demand: fromRows(shelter.shelter_demand, {
      province: T,
      grain: T,
      period: T,
      days: N,
      stays: N,
      stays_lower: N,
      stays_upper: N,
      nights: N,
      nights_lower: N,
      nights_upper: N,
      nights_per_stay: N,
      level_pct: N,
    }),
    shelter_forecast: fromRows(shelter.shelter_forecast, {
      province: T,
      period: T,
      nights: N,
      nights_lower: N,
      nights_upper: N,
      last_year_nights: N,
      level_pct: N,
    }),
    length_of_stay: fromRows(shelter.length_of_stay, {
      stage: T,
      victim_group: T,
      age_class: T,
      mean_nights: N,
      mean_nights_lower: N,
      mean_nights_upper: N,
      completed: N,
      source: T,
    }),
    shelter_backtest: fromRows(shelter.shelter_backtest, {
      year: N,
      actual: N,
      forecast: N,
      lower: N,
      upper: N,
      inside: "bool",
      abs_pct_error: N,
    }),
  }
}
