/**
 * The protection phase of publish: complementary suppression of the linked aggregate tables
 * (province-year, district-year, border flows), and, when suppression alone cannot protect a cell at
 * the requested detail, coarsening of that province-year one step at a time (flows without the
 * checkpoint, then province only with no district breakdown, then no flows, then the national total
 * only) until it can. Every coarsening is a decision recorded in the manifest with one plain sentence;
 * internal cell keys never leave this module. It never fails on valid data.
 */
import { Place } from "@lao-protect/domain"
import type { DistrictYearRow, ProvinceYearRow } from "../../Publication.ts"
import type { DyRow, FlowRow, PyRow } from "./dp.ts"
import { CellTable, UnprotectableCells } from "./suppression.ts"

export const K = (...parts: ReadonlyArray<string | number | null>) =>
  parts.map((p) => (p === null ? "\u2205" : String(p))).join("|")

/** The rows publish counts, shared with the DP mechanism (dp.ts). */
export type { DyRow, FlowRow, PyRow } from "./dp.ts"

/** Builds the linked cells of province_year, district_year and flows, and suppresses them. */
export const suppressAggregates = (
  py: ReadonlyArray<PyRow>,
  dy: ReadonlyArray<DyRow>,
  flows: ReadonlyArray<FlowRow>,
  threshold: number,
  flowThreshold = threshold,
) => {
  const t = new CellTable()
  const sum = (rows: ReadonlyArray<{ n: number }>) => rows.reduce((s, r) => s + r.n, 0)
  const group = <R, G>(rows: ReadonlyArray<R>, key: (r: R) => G) => {
    const m = new Map<G, R[]>()
    for (const r of rows) {
      const k = key(r)
      const list = m.get(k)
      if (list) list.push(r)
      else m.set(k, [r])
    }
    return m
  }
  // province_year: cells, province totals (all years), year totals (all provinces), grand total.
  const pyCell = new Map<string, number>()
  for (const r of py) pyCell.set(K(r.province, r.year), t.cell(K("py", r.province, r.year), r.n))
  const grand = t.cell(K("py_all"), sum(py))
  // The manifest states the number of cases: the grand total is public whatever the table says.
  t.cells[grand]!.alwaysShown = true
  const provinceTotal = new Map<string | null, number>()
  for (const [p, rows] of group(py, (r) => r.province)) {
    const total = t.cell(K("py_p", p), sum(rows))
    provinceTotal.set(p, total)
    t.equation(
      total,
      rows.map((r) => pyCell.get(K(r.province, r.year))!),
    )
  }
  const yearTotals: number[] = []
  for (const [y, rows] of group(py, (r) => r.year)) {
    const total = t.cell(K("py_y", y), sum(rows))
    yearTotals.push(total)
    t.equation(
      total,
      rows.map((r) => pyCell.get(K(r.province, r.year))!),
    )
  }
  t.equation(grand, yearTotals)
  t.equation(grand, [...provinceTotal.values()])
  // district_year: cells and district totals; districts add up to the province-year cell and
  // district totals to the province total.
  const dyCell = new Map<string, number>()
  for (const r of dy)
    dyCell.set(K(r.province, r.district, r.year), t.cell(K("dy", r.province, r.district, r.year), r.n))
  const districtTotals = new Map<string | null, number[]>()
  for (const [, rows] of group(dy, (r) => K(r.province, r.district))) {
    const first = rows[0]!
    const total = t.cell(K("dy_d", first.province, first.district), sum(rows))
    t.equation(
      total,
      rows.map((r) => dyCell.get(K(r.province, r.district, r.year))!),
    )
    const list = districtTotals.get(first.province) ?? []
    list.push(total)
    districtTotals.set(first.province, list)
  }
  for (const [p, totals] of districtTotals) {
    const pt = provinceTotal.get(p)
    if (pt !== undefined) t.equation(pt, totals)
  }
  // Implied relations, stated so the bounds attacker in `exposed()` sees them directly.
  t.equation(
    grand,
    py.map((r) => pyCell.get(K(r.province, r.year))!),
  )
  for (const [p, rows] of group(dy, (r) => r.province)) {
    const pt = provinceTotal.get(p)
    if (pt !== undefined)
      t.equation(
        pt,
        rows.map((r) => dyCell.get(K(r.province, r.district, r.year))!),
      )
  }
  for (const [, rows] of group(dy, (r) => K(r.province, r.year))) {
    const first = rows[0]!
    const cell = pyCell.get(K(first.province, first.year))
    if (cell !== undefined)
      t.equation(
        cell,
        rows.map((r) => dyCell.get(K(r.province, r.district, r.year))!),
      )
  }
  // flows: outward flows of a province and year add up to its province-year cell.
  const flowCell = flows.map((r) =>
    t.cell(K("fl", r.origin_province, r.border_point, r.destination, r.direction, r.year), r.n),
  )
  // Every flow's `drawn` flag is published, hidden or not: a reader knows which side of
  // flowThreshold it is on.
  flows.forEach((r, i) => {
    if (r.n >= flowThreshold) t.bound(flowCell[i]!, flowThreshold, Number.POSITIVE_INFINITY)
    else t.bound(flowCell[i]!, 1, flowThreshold - 1)
  })
  // Returns are a subset of the outward movements through the same point, and of the cases.
  const outIndex = new Map<string, number>()
  flows.forEach((r, i) => {
    if (r.direction === "out")
      outIndex.set(K(r.origin_province, r.border_point, r.destination, r.year), flowCell[i]!)
  })
  flows.forEach((r, i) => {
    if (r.direction !== "return") return
    const out = outIndex.get(K(r.origin_province, r.border_point, r.destination, r.year))
    if (out !== undefined) t.lessOrEqual(out, [flowCell[i]!])
  })
  for (const [, idx] of group(
    flows.map((r, i) => ({ r, i })).filter(({ r }) => r.direction === "return"),
    ({ r }) => K(r.origin_province, r.year),
  )) {
    const first = idx[0]!.r
    const cell = pyCell.get(K(first.origin_province, first.year))
    if (cell !== undefined)
      t.lessOrEqual(
        cell,
        idx.map(({ i }) => flowCell[i]!),
      )
  }
  for (const [, idx] of group(
    flows.map((r, i) => ({ r, i })).filter(({ r }) => r.direction === "out"),
    ({ r }) => K(r.origin_province, r.year),
  )) {
    const first = idx[0]!.r
    const cell = pyCell.get(K(first.origin_province, first.year))
    if (cell !== undefined)
      t.equation(
        cell,
        idx.map(({ i }) => flowCell[i]!),
      )
  }
  const stats = t.suppress(() => threshold)
  return { table: t, stats }
}

export interface Aggregates {
  readonly py: ReadonlyArray<PyRow>
  readonly dy: ReadonlyArray<DyRow>
  readonly flows: ReadonlyArray<FlowRow>
}

/** The steps tried, in order, for one province and year (each includes the ones before it). */
export const COARSENINGS = ["flows_without_checkpoint", "province_only", "no_flows", "national_only"] as const
export type Coarsening = (typeof COARSENINGS)[number]

export interface ProtectionDecision {
  /** null with `year` null: the whole release. */
  readonly province: string | null
  readonly year: number | null
  readonly coarsening: Coarsening | "no_district_or_flow_tables"
  /** One plain sentence for the person publishing and for the dashboard's notes. */
  readonly sentence: string
}

const BECAUSE = "because otherwise its few cases could be worked out from the other published figures"

const provinceName = (code: string): string => Place.provinces.find((p) => p.code === code)?.nameEn ?? code

const sentenceOf = (province: string, year: number, c: Coarsening): string => {
  const where = `${year}, ${provinceName(province)}`
  switch (c) {
    case "flows_without_checkpoint":
      return `${where}: border flows are shown without the checkpoint, ${BECAUSE}.`
    case "province_only":
      return `${where}: shown for the province as a whole (no district breakdown, border flows without the checkpoint), ${BECAUSE}.`
    case "no_flows":
      return `${where}: shown for the province as a whole, with no district breakdown and no border flows, ${BECAUSE}.`
    case "national_only":
      return `${where}: shown as part of the national total only (counted under "province not recorded"), ${BECAUSE}.`
  }
}

const pyKey = (province: string | null, year: number) => K(province, year)

/** The aggregates with each province-year coarsened to its level (index into COARSENINGS, + 1). */
export const coarsen = (aggs: Aggregates, levels: ReadonlyMap<string, number>): Aggregates => {
  const level = (province: string | null, year: number) => levels.get(pyKey(province, year)) ?? 0
  const merge = <R extends { n: number }>(rows: ReadonlyArray<R>, key: (r: R) => string) => {
    const m = new Map<string, R>()
    for (const r of rows) {
      const k = key(r)
      const found = m.get(k)
      if (found) m.set(k, { ...found, n: found.n + r.n })
      else m.set(k, r)
    }
    return [...m.values()]
  }
  const py = merge(
    aggs.py.map((r) => (level(r.province, r.year) >= 4 ? { ...r, province: null } : r)),
    (r) => pyKey(r.province, r.year),
  )
  const dy = merge(
    aggs.dy
      .filter((r) => level(r.province, r.year) < 4)
      .map((r) => (level(r.province, r.year) >= 2 ? { ...r, district: null } : r)),
    (r) => K(r.province, r.district, r.year),
  )
  const flows = merge(
    aggs.flows
      .filter((r) => level(r.origin_province, r.year) < 3)
      .map((r) => (level(r.origin_province, r.year) >= 1 ? { ...r, border_point: null } : r)),
    (r) => K(r.origin_province, r.border_point, r.destination, r.direction, r.year),
  )
  return { py, dy, flows }
}

/** The province-years to coarsen one more step so that these exposed cells can be protected. */
const targetsOf = (
  keys: ReadonlyArray<string>,
  aggs: Aggregates,
  levels: ReadonlyMap<string, number>,
): Set<string> => {
  const open = aggs.py.filter(
    (r) => r.province !== null && (levels.get(pyKey(r.province, r.year)) ?? 0) < COARSENINGS.length,
  )
  const smallest = (rows: ReadonlyArray<PyRow>) =>
    rows.reduce<PyRow | undefined>((best, r) => (best === undefined || r.n < best.n ? r : best), undefined)
  const out = new Set<string>()
  const add = (province: string | null, year: number) => {
    if (province === null) return
    if ((levels.get(pyKey(province, year)) ?? 0) >= COARSENINGS.length) return
    out.add(pyKey(province, year))
  }
  for (const key of keys) {
    const parts = key.split("|").map((p) => (p === "\u2205" ? null : p))
    const [kind] = parts
    if (kind === "py") add(parts[1]!, Number(parts[2]))
    else if (kind === "dy") add(parts[1]!, Number(parts[3]))
    else if (kind === "fl") add(parts[1]!, Number(parts[5]))
    else {
      const pick =
        kind === "py_p" || kind === "dy_d"
          ? smallest(open.filter((r) => r.province === parts[1]))
          : kind === "py_y"
            ? smallest(open.filter((r) => r.year === Number(parts[1])))
            : smallest(open)
      if (pick) add(pick.province, pick.year)
    }
  }
  return out
}

export interface Protected {
  /** The aggregates as published (coarsened where a decision says so). */
  readonly aggregates: Aggregates
  readonly cells: CellTable
  readonly stats: { readonly primary: number; readonly complementary: number }
  readonly decisions: ReadonlyArray<ProtectionDecision>
}

/** Suppress, coarsening where suppression alone cannot protect. */
export const protect = (aggs: Aggregates, threshold: number, flowThreshold = threshold): Protected => {
  const levels = new Map<string, number>()
  let current = aggs
  let tablesDropped = false
  for (;;) {
    try {
      const { table, stats } = suppressAggregates(
        current.py,
        current.dy,
        current.flows,
        threshold,
        flowThreshold,
      )
      const decisions: ProtectionDecision[] = [...levels]
        .map(([key, level]) => {
          const [province, year] = key.split("|")
          return {
            province: province!,
            year: Number(year),
            coarsening: COARSENINGS[level - 1]!,
            sentence: sentenceOf(province!, Number(year), COARSENINGS[level - 1]!),
          }
        })
        .sort((a, b) => a.year - b.year || a.province.localeCompare(b.province))
      if (tablesDropped)
        decisions.push({
          province: null,
          year: null,
          coarsening: "no_district_or_flow_tables",
          sentence: `Districts and border flows are not published in this release, ${BECAUSE.replace("its", "some")}.`,
        })
      return { aggregates: current, cells: table, stats, decisions }
    } catch (e) {
      if (!(e instanceof UnprotectableCells)) throw e
      const targets = targetsOf(e.keys, current, levels)
      if (targets.size === 0) {
        if (tablesDropped)
          throw new Error(
            "publish could not protect the province totals even without districts and flows; raise the number of cases or lower --threshold",
          )
        tablesDropped = true
      }
      for (const t of targets) levels.set(t, (levels.get(t) ?? 0) + 1)
      const next = coarsen(aggs, levels)
      current = tablesDropped ? { py: next.py, dy: [], flows: [] } : next
    }
  }
}

/** The rows of the published `province_year`, `district_year` and `flows` tables (Publication.ts). */
export const publishedRows = (protection: Protected, flowThreshold: number) => {
  const cells = protection.cells
  const { py, dy, flows } = protection.aggregates
  const pub = (key: string) => {
    const c = cells.get(key)!
    return { n: c.suppressed ? null : c.n, suppressed: c.suppressed }
  }

  const pyRows: Array<{
    province: string | null
    year: number | null
    level: ProvinceYearRow["level"]
    n: number | null
    suppressed: boolean
  }> = []
  for (const r of py)
    pyRows.push({ province: r.province, year: r.year, level: "cell", ...pub(K("py", r.province, r.year)) })
  const provincesSeen = [...new Set(py.map((r) => r.province))]
  for (const p of provincesSeen)
    pyRows.push({ province: p, year: null, level: "province_total", ...pub(K("py_p", p)) })
  const yearsSeen = [...new Set(py.map((r) => r.year))].sort((a, b) => a - b)
  for (const y of yearsSeen)
    pyRows.push({ province: null, year: y, level: "year_total", ...pub(K("py_y", y)) })
  if (py.length > 0) pyRows.push({ province: null, year: null, level: "grand_total", ...pub(K("py_all")) })

  const dyRows: Array<{
    province: string
    district: string | null
    year: number | null
    level: DistrictYearRow["level"]
    n: number | null
    suppressed: boolean
  }> = []
  for (const r of dy)
    dyRows.push({
      province: r.province,
      district: r.district,
      year: r.year,
      level: "cell",
      ...pub(K("dy", r.province, r.district, r.year)),
    })
  const districtsSeen = new Map<string, { province: string; district: string | null }>()
  for (const r of dy)
    districtsSeen.set(K(r.province, r.district), { province: r.province, district: r.district })
  for (const d of districtsSeen.values())
    dyRows.push({ ...d, year: null, level: "district_total", ...pub(K("dy_d", d.province, d.district)) })

  const flowRows = flows.map((r) => ({
    ...r,
    ...pub(K("fl", r.origin_province, r.border_point, r.destination, r.direction, r.year)),
    drawn: r.n >= flowThreshold,
  }))

  return { pyRows, dyRows, flowRows, yearsSeen }
}
