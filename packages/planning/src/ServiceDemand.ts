/**
 * Services and their cost: how many units of each service the case mix needs, and a budget table a
 * donor can read (service, units, unit, unit cost, total, notes).
 *
 *   units(service) = sum over case-mix rows of cases x share needing it x units per case
 * with the share and units looked up by age class (child / adult / unknown -> adult rates), then
 * overridden per victim group. The defaults below are ASSUMPTIONS for illustration, not measured
 * rates: planners replace them (every figure is editable). Unit costs come from
 * data/planning/unit-costs.example.csv (USD and LAK columns, ILLUSTRATIVE) or the planner's own file.
 * Shelter is costed from bed-nights (BedNights.ts), passed in as an extra line.
 * It deliberately does not discount, inflate or phase costs over years.
 */
import { Service, type VictimGroup } from "@lao-protect/domain"
import { Result, Schema } from "effect"
import { parseCsv, recordsAsObjects, toCsv } from "./internal/csv.ts"
import { decodeRow, missingColumns, type Parsed, type RowError } from "./RowError.ts"

export const serviceKinds = [
  "medical",
  "psychological_counselling",
  "legal_counselling",
  "family_tracing",
  "vocational_training",
  "follow_up_visit",
] as const satisfies ReadonlyArray<Service.Service>
export type ServiceKind = (typeof serviceKinds)[number]

export type AgeClass = "child" | "adult" | "unknown"

export interface CaseMixRow {
  readonly victim_group: VictimGroup.VictimGroup
  readonly age: AgeClass
  readonly cases: number
}

export interface Need {
  /** Share of cases needing the service, 0..1. */
  readonly share: number
  /** Units per case that needs it (sessions, visits, courses, ...). */
  readonly unitsPerCase: number
}

export interface Rates {
  readonly child: Readonly<Record<ServiceKind, Need>>
  readonly adult: Readonly<Record<ServiceKind, Need>>
  readonly byGroup?: Partial<Record<VictimGroup.VictimGroup, Partial<Record<ServiceKind, Need>>>>
}

const need = (share: number, unitsPerCase: number): Need => ({ share, unitsPerCase })

/** ILLUSTRATIVE defaults (assumptions to be replaced by partners' figures). */
export const defaultRates: Rates = {
  child: {
    medical: need(1, 1),
    psychological_counselling: need(1, 8),
    legal_counselling: need(0.5, 1),
    family_tracing: need(0.8, 1),
    vocational_training: need(0.3, 1),
    follow_up_visit: need(1, 4),
  },
  adult: {
    medical: need(0.9, 1),
    psychological_counselling: need(0.8, 6),
    legal_counselling: need(0.4, 1),
    family_tracing: need(0.3, 1),
    vocational_training: need(0.5, 1),
    follow_up_visit: need(1, 3),
  },
  byGroup: {
    // repatriated to their country: tracing needed for the return, training and follow-up happen there
    foreign_in_lao: {
      family_tracing: need(1, 1),
      vocational_training: need(0, 0),
      follow_up_visit: need(0, 0),
    },
    self_returned: { medical: need(0.5, 1) },
  },
}

export interface ServiceDemandRow {
  readonly service: ServiceKind
  readonly units: number
  /** Cases needing at least one unit. */
  readonly cases: number
}

export function serviceDemand(
  caseMix: ReadonlyArray<CaseMixRow>,
  rates: Rates = defaultRates,
): ReadonlyArray<ServiceDemandRow> {
  return serviceKinds.map((service) => {
    let units = 0
    let cases = 0
    for (const row of caseMix) {
      if (!(Number.isFinite(row.cases) && row.cases >= 0))
        throw new RangeError(`cases must be >= 0 (${row.victim_group})`)
      const base = row.age === "child" ? rates.child : rates.adult
      const n = rates.byGroup?.[row.victim_group]?.[service] ?? base[service]
      if (!(n.share >= 0 && n.share <= 1 && n.unitsPerCase >= 0))
        throw new RangeError(`bad rate for ${service}`)
      cases += row.cases * n.share
      units += row.cases * n.share * n.unitsPerCase
    }
    return { service, units, cases }
  })
}

// ---------------------------------------------------------------------------------------------
// Unit costs

export const UnitCostRow = Schema.Struct({
  service: Service.Service,
  unit: Schema.String.check(Schema.isMinLength(1)),
  usd: Schema.FiniteFromString.check(Schema.isGreaterThanOrEqualTo(0)),
  lak: Schema.FiniteFromString.check(Schema.isGreaterThanOrEqualTo(0)),
  notes: Schema.String,
  illustrative: Schema.Literals(["yes", "no", ""]),
}).annotate({ title: "UnitCostRow", description: "Cost of one unit of a service, in USD and LAK" })

export interface UnitCost {
  readonly service: Service.Service
  readonly unit: string
  readonly usd: number
  readonly lak: number
  readonly notes: string
  readonly illustrative: boolean
}

export function parseUnitCosts(text: string): Parsed<UnitCost> {
  const table = parseCsv(text)
  const headerErrors = missingColumns(table.header, ["service", "unit", "usd", "lak"])
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors }
  const rows: UnitCost[] = []
  const errors: RowError[] = []
  const seen = new Map<string, number>()
  for (const { line, values } of recordsAsObjects(table)) {
    const decoded = decodeRow(UnitCostRow, line, { notes: "", illustrative: "", ...values })
    if (Result.isFailure(decoded)) {
      errors.push(...decoded.failure)
      continue
    }
    const r = decoded.success
    const first = seen.get(r.service)
    if (first !== undefined) {
      errors.push({
        row: line,
        field: "service",
        reason: `service already costed on line ${first}`,
        value: r.service,
      })
      continue
    }
    seen.set(r.service, line)
    rows.push({ ...r, illustrative: r.illustrative === "yes" })
  }
  return { rows, errors }
}

// ---------------------------------------------------------------------------------------------
// Budget

export type Currency = "USD" | "LAK"

export interface BudgetLine {
  readonly service: string
  readonly units: number
  readonly unit: string
  readonly unitCost: number | null
  readonly total: number | null
  readonly notes: string
}

/**
 * One line per service with demand (plus `extra` lines such as shelter bed-nights), then a "total"
 * line. A service with no unit cost gets null cost and total and says so in its notes; the total
 * line then notes that it is incomplete. Units are rounded up to whole units.
 */
export function budget(
  demand: ReadonlyArray<{ readonly service: string; readonly units: number }>,
  costs: ReadonlyArray<UnitCost>,
  currency: Currency = "USD",
): ReadonlyArray<BudgetLine> {
  const byService = new Map(costs.map((c) => [c.service as string, c]))
  const lines: BudgetLine[] = demand.map((d) => {
    const units = Math.ceil(d.units - 1e-9)
    const c = byService.get(d.service)
    if (!c)
      return { service: d.service, units, unit: "", unitCost: null, total: null, notes: "no unit cost given" }
    const unitCost = currency === "USD" ? c.usd : c.lak
    return {
      service: d.service,
      units,
      unit: c.unit,
      unitCost,
      total: units * unitCost,
      notes: c.illustrative ? `${c.notes} (illustrative cost)`.trim() : c.notes,
    }
  })
  const missing = lines.filter((l) => l.total === null).map((l) => l.service)
  lines.push({
    service: "total",
    units: 0,
    unit: "",
    unitCost: null,
    total: lines.reduce((s, l) => s + (l.total ?? 0), 0),
    notes:
      missing.length > 0 ? `incomplete: no cost for ${missing.join(", ")}` : `all amounts in ${currency}`,
  })
  return lines
}

/** The budget as a CSV for donors (UTF-8 BOM, header row, formula-safe). */
export const budgetCsv = (lines: ReadonlyArray<BudgetLine>, currency: Currency = "USD"): string =>
  toCsv(
    [
      "service",
      "units",
      "unit",
      `unit_cost_${currency.toLowerCase()}`,
      `total_${currency.toLowerCase()}`,
      "notes",
    ],
    lines.map((l) => [
      l.service,
      l.service === "total" ? null : l.units,
      l.unit,
      l.unitCost,
      l.total,
      l.notes,
    ]),
  )
