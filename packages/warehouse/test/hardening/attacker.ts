/**
 * A disclosure attacker that sees only a release folder (what a reader of the publication sees).
 * It rebuilds every additive relation between the published tables (rows and totals, columns and
 * totals, districts and provinces, outward flows and province-year cells, the manifest's case count)
 * and every inequality it can infer (a present cell is >= 1, a `drawn` flow is >= flowThreshold and
 * an undrawn one below it, returns <= outward flows), then tries to pin each suppressed cell:
 *  1. `singletons`: repeatedly solve any equation with exactly one unknown;
 *  2. `lpBounds`: the minimum and maximum of each suppressed cell under all published constraints
 *     (HiGHS LP). A cell whose integer interval holds one value is recovered.
 * The facts cube of a planners-tier release is not attacked here: it is exact by design
 * (docs/privacy.md), and `factsReveal` shows that it is.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import type { Highs } from "highs"
import highsModule from "highs"
import type { NodeConnector } from "../../src/node/NodeConnector.ts"
import type { Manifest } from "../../src/node/publish/index.ts"

export interface Cell {
  readonly key: string
  /** Published value, null when suppressed. */
  readonly n: number | null
  lo: number
  hi: number
}

export interface Constraint {
  /** coefficient per cell index */
  readonly terms: ReadonlyArray<readonly [number, number]>
  /** `eq`: sum = 0; `le`: sum <= 0 */
  readonly kind: "eq" | "le"
  readonly why: string
}

export interface Model {
  readonly cells: Cell[]
  readonly constraints: Constraint[]
  readonly index: Map<string, number>
  readonly manifest: Pick<Manifest, "counts" | "flowThreshold">
}

type Row = Record<string, unknown>

const s = (v: unknown) => (v === null || v === undefined ? "∅" : String(v))

export async function loadModel(db: NodeConnector, releaseDir: string): Promise<Model> {
  const manifest = JSON.parse(readFileSync(join(releaseDir, "manifest.json"), "utf8")) as Manifest
  const read = async (name: string): Promise<Row[]> => {
    const t = manifest.tables[name]
    if (!t?.parquet) return []
    return [...(await db.query<Row>("SELECT * FROM read_parquet($1)", [join(releaseDir, t.parquet)]))]
  }
  return modelFromRows(manifest, {
    province_year: await read("province_year"),
    district_year: await read("district_year"),
    flows: await read("flows"),
    identified_province_year: await read("identified_province_year"),
  })
}

/** The attacker's model from the published rows themselves (as they would be written). */
export function modelFromRows(
  manifest: Pick<Manifest, "counts" | "flowThreshold">,
  tables: {
    readonly province_year: ReadonlyArray<Row>
    readonly district_year: ReadonlyArray<Row>
    readonly flows: ReadonlyArray<Row>
    /** Where victims were identified: its own cells, sharing province_year's year and grand totals. */
    readonly identified_province_year?: ReadonlyArray<Row>
  },
): Model {
  const cells: Cell[] = []
  const index = new Map<string, number>()
  const constraints: Constraint[] = []
  const cell = (key: string, n: unknown): number => {
    const found = index.get(key)
    if (found !== undefined) return found
    const v = n === null || n === undefined ? null : Number(n)
    cells.push({ key, n: v, lo: v ?? 1, hi: v ?? Number.POSITIVE_INFINITY })
    index.set(key, cells.length - 1)
    return cells.length - 1
  }
  const sumEq = (total: number, parts: number[], why: string) => {
    if (parts.length === 0) return
    constraints.push({ kind: "eq", terms: [[total, 1], ...parts.map((p) => [p, -1] as const)], why })
  }
  const group = <T>(rows: T[], key: (r: T) => string) => {
    const m = new Map<string, T[]>()
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r])
    return m
  }

  const py = [...tables.province_year]
  const pyId = (r: Row) => cell(`py|${r.level}|${s(r.province)}|${s(r.year)}`, r.n)
  for (const r of py) pyId(r)
  const pyCells = py.filter((r) => r.level === "cell")
  const grand = py.find((r) => r.level === "grand_total")
  for (const [p, rows] of group(pyCells, (r) => s(r.province))) {
    const total = index.get(`py|province_total|${p}|∅`)
    if (total !== undefined) sumEq(total, rows.map(pyId), `province ${p} over years`)
  }
  for (const [y, rows] of group(pyCells, (r) => s(r.year))) {
    const total = index.get(`py|year_total|∅|${y}`)
    if (total !== undefined) sumEq(total, rows.map(pyId), `year ${y} over provinces`)
  }
  if (grand) {
    const g = pyId(grand)
    sumEq(g, py.filter((r) => r.level === "province_total").map(pyId), "grand = province totals")
    sumEq(g, py.filter((r) => r.level === "year_total").map(pyId), "grand = year totals")
    sumEq(g, pyCells.map(pyId), "grand = all cells")
    // The manifest's case count is the grand total.
    const c = cell("manifest|cases", manifest.counts.cases)
    sumEq(g, [c], "manifest counts.cases")
  }

  const dy = [...tables.district_year]
  const dyId = (r: Row) => cell(`dy|${r.level}|${s(r.province)}|${s(r.district)}|${s(r.year)}`, r.n)
  for (const r of dy) dyId(r)
  const dyCells = dy.filter((r) => r.level === "cell")
  for (const [k, rows] of group(dyCells, (r) => `${s(r.province)}|${s(r.district)}`)) {
    const total = index.get(`dy|district_total|${k}|∅`)
    if (total !== undefined) sumEq(total, rows.map(dyId), `district ${k} over years`)
  }
  for (const [k, rows] of group(dyCells, (r) => `${s(r.province)}|${s(r.year)}`)) {
    const [p, y] = k.split("|")
    const pyCell = index.get(`py|cell|${p}|${y}`)
    if (pyCell !== undefined) sumEq(pyCell, rows.map(dyId), `districts of ${k}`)
  }
  for (const [p, rows] of group(
    dy.filter((r) => r.level === "district_total"),
    (r) => s(r.province),
  )) {
    const total = index.get(`py|province_total|${p}|∅`)
    if (total !== undefined) sumEq(total, rows.map(dyId), `district totals of ${p}`)
  }
  // Across years: the district cells of a province add up to the province total.
  for (const [p, rows] of group(dyCells, (r) => s(r.province))) {
    const total = index.get(`py|province_total|${p}|∅`)
    if (total !== undefined) sumEq(total, rows.map(dyId), `all district cells of ${p}`)
  }

  const flows = [...tables.flows]
  const flKey = (r: Row) =>
    `fl|${s(r.origin_province)}|${s(r.border_point)}|${s(r.destination)}|${s(r.direction)}|${s(r.year)}`
  const flId = (r: Row) => cell(flKey(r), r.n)
  for (const r of flows) {
    const i = flId(r)
    if (r.n === null && typeof r.drawn === "boolean") {
      const c = cells[i]!
      if (r.drawn) c.lo = Math.max(c.lo, manifest.flowThreshold)
      else c.hi = Math.min(c.hi, manifest.flowThreshold - 1)
    }
  }
  for (const [k, rows] of group(
    flows.filter((r) => r.direction === "out"),
    (r) => `${s(r.origin_province)}|${s(r.year)}`,
  )) {
    const [p, y] = k.split("|")
    const pyCell = index.get(`py|cell|${p}|${y}`)
    if (pyCell !== undefined) sumEq(pyCell, rows.map(flId), `outward flows of ${k}`)
  }
  for (const r of flows.filter((r) => r.direction === "return")) {
    const out = index.get(flKey({ ...r, direction: "out" }))
    const me = flId(r)
    if (out !== undefined)
      constraints.push({
        kind: "le",
        terms: [
          [me, 1],
          [out, -1],
        ],
        why: `return <= out ${flKey(r)}`,
      })
  }
  for (const [k, rows] of group(
    flows.filter((r) => r.direction === "return"),
    (r) => `${s(r.origin_province)}|${s(r.year)}`,
  )) {
    const [p, y] = k.split("|")
    const pyCell = index.get(`py|cell|${p}|${y}`)
    if (pyCell !== undefined)
      constraints.push({
        kind: "le",
        terms: [...rows.map((r) => [flId(r), 1] as const), [pyCell, -1]],
        why: `returns of ${k} <= cases`,
      })
  }
  const ip = [...(tables.identified_province_year ?? [])]
  const ipId = (r: Row) => cell(`ip|${r.level}|${s(r.province)}|${s(r.year)}`, r.n)
  for (const r of ip) ipId(r)
  const ipCells = ip.filter((r) => r.level === "cell")
  for (const [p, rows] of group(ipCells, (r) => s(r.province))) {
    const total = index.get(`ip|province_total|${p}|∅`)
    if (total !== undefined) sumEq(total, rows.map(ipId), `identified in ${p} over years`)
  }
  for (const [y, rows] of group(ipCells, (r) => s(r.year))) {
    const total = index.get(`ip|year_total|∅|${y}`)
    if (total !== undefined) sumEq(total, rows.map(ipId), `identified in year ${y} over provinces`)
    const pyTotal = index.get(`py|year_total|∅|${y}`)
    if (total !== undefined && pyTotal !== undefined) sumEq(pyTotal, [total], `year ${y}: same cases`)
  }
  const ipGrand = ip.find((r) => r.level === "grand_total")
  if (ipGrand) {
    const g = ipId(ipGrand)
    sumEq(g, ip.filter((r) => r.level === "province_total").map(ipId), "identified: grand = province totals")
    sumEq(g, ipCells.map(ipId), "identified: grand = all cells")
    if (grand) sumEq(pyId(grand), [g], "identified: same grand total")
  }
  return { cells, constraints, index, manifest }
}

/** Published equalities hold where every cell is published (the model is right). */
export function inconsistencies(m: Model): string[] {
  const bad: string[] = []
  for (const c of m.constraints) {
    if (c.kind !== "eq" || c.terms.some(([i]) => m.cells[i]!.n === null)) continue
    const sum = c.terms.reduce((acc, [i, k]) => acc + k * m.cells[i]!.n!, 0)
    if (sum !== 0) bad.push(`${c.why}: off by ${sum}`)
  }
  return bad
}

/** Attack 1: any equation with one unknown. Returns recovered keys with their values. */
export function singletons(m: Model): Map<string, number> {
  const known = new Map<number, number>()
  m.cells.forEach((c, i) => {
    if (c.n !== null) known.set(i, c.n)
  })
  const recovered = new Map<string, number>()
  let changed = true
  while (changed) {
    changed = false
    for (const c of m.constraints) {
      if (c.kind !== "eq") continue
      const unknown = c.terms.filter(([i]) => !known.has(i))
      if (unknown.length !== 1) continue
      const [u, k] = unknown[0]!
      const rest = c.terms.reduce((acc, [i, kk]) => (i === u ? acc : acc + kk * known.get(i)!), 0)
      const v = -rest / k
      known.set(u, v)
      recovered.set(m.cells[u]!.key, v)
      changed = true
    }
  }
  return recovered
}

export interface Bounds {
  readonly key: string
  readonly min: number
  readonly max: number
  /** The integer interval [ceil(min), floor(max)] holds a single value. */
  readonly exact: boolean
}

/**
 * Attack 2: LP bounds of every suppressed cell, per connected component of suppressed cells (cells
 * linked through constraints), so each LP stays small. Published cells enter as constants.
 */
// The package's types describe its default export as the module namespace; at run time it is the loader.
const highsLoader = highsModule as unknown as () => Promise<Highs>
let highsRuntime: Promise<Highs> | undefined

export async function lpBounds(m: Model): Promise<Bounds[]> {
  highsRuntime ??= highsLoader()
  const highs = await highsRuntime
  const hidden = m.cells.map((c, i) => (c.n === null ? i : -1)).filter((i) => i >= 0)
  // Union-find over hidden cells sharing a constraint.
  const parent = new Map<number, number>(hidden.map((i) => [i, i]))
  const find = (i: number): number => {
    let r = i
    while (parent.get(r) !== r) r = parent.get(r)!
    parent.set(i, r)
    return r
  }
  for (const c of m.constraints) {
    const h = c.terms.map(([i]) => i).filter((i) => m.cells[i]!.n === null)
    for (let k = 1; k < h.length; k++) parent.set(find(h[k]!), find(h[0]!))
  }
  const components = new Map<number, number[]>()
  for (const i of hidden) components.set(find(i), [...(components.get(find(i)) ?? []), i])

  const out: Bounds[] = []
  for (const members of components.values()) {
    const col = new Map(members.map((i, j) => [i, j]))
    const rows: { idx: number[]; val: number[]; lo: number; hi: number }[] = []
    for (const c of m.constraints) {
      if (!c.terms.some(([i]) => col.has(i))) continue
      const idx: number[] = []
      const val: number[] = []
      let constant = 0
      for (const [i, k] of c.terms) {
        const j = col.get(i)
        if (j === undefined) constant += k * m.cells[i]!.n!
        else {
          idx.push(j)
          val.push(k)
        }
      }
      rows.push({ idx, val, lo: c.kind === "eq" ? -constant : -highs.infinity, hi: -constant })
    }
    const starts = [0]
    const indices: number[] = []
    const values: number[] = []
    for (const r of rows) {
      indices.push(...r.idx)
      values.push(...r.val)
      starts.push(indices.length)
    }
    const inf = (v: number) => (Number.isFinite(v) ? v : highs.infinity)
    const model = highs.createModel({
      numCols: members.length,
      numRows: rows.length,
      colCost: members.map(() => 0),
      colLower: members.map((i) => m.cells[i]!.lo),
      colUpper: members.map((i) => inf(m.cells[i]!.hi)),
      rowLower: rows.map((r) => r.lo),
      rowUpper: rows.map((r) => r.hi),
      matrix: { format: "csr", numRows: rows.length, numCols: members.length, starts, indices, values },
    })
    // Fallback for the rare "unknown" status of the persistent model: the one-shot LP-format solver.
    const lpText = (j: number, sense: "min" | "max"): number => {
      const v = (k: number) => `x${k}`
      const lines = [sense === "min" ? "Minimize" : "Maximize", ` obj: ${v(j)}`, "Subject To"]
      rows.forEach((r, k) => {
        const expr = r.idx
          .map((c, n) => `${r.val[n]! >= 0 ? "+" : "-"} ${Math.abs(r.val[n]!)} ${v(c)}`)
          .join(" ")
        if (r.lo === r.hi) lines.push(` r${k}: ${expr} = ${r.hi}`)
        else lines.push(` r${k}: ${expr} <= ${r.hi}`)
      })
      lines.push("Bounds")
      members.forEach((i, k) => {
        const c = m.cells[i]!
        lines.push(` ${c.lo} <= ${v(k)} <= ${Number.isFinite(c.hi) ? c.hi : "+inf"}`)
      })
      lines.push("End")
      const r = highs.solve(lines.join("\n"), { presolve: "on" })
      if (r.Status === "Unbounded") return Number.POSITIVE_INFINITY
      if (r.Status !== "Optimal") throw new Error(`LP for ${m.cells[members[j]!]!.key}: ${r.Status}`)
      return r.ObjectiveValue
    }
    try {
      model.options.set({ output_flag: false, presolve: "off" })
      let last = -1
      const optimum = (j: number, sense: "min" | "max"): number => {
        if (last >= 0) model.changeColCost(last, 0)
        model.changeColCost(j, sense === "min" ? 1 : -1)
        last = j
        model.run()
        // 7 optimal, 10 unbounded (HighsModelStatus)
        const status = model.getModelStatus()
        if (status === 10) return sense === "min" ? 0 : Number.POSITIVE_INFINITY
        if (status === 15) return lpText(j, sense)
        if (status !== 7) throw new Error(`LP for ${m.cells[members[j]!]!.key} ended with status ${status}`)
        const v = model.getObjectiveValue()
        return sense === "min" ? v : -v
      }
      members.forEach((i, j) => {
        const min = optimum(j, "min")
        const max = optimum(j, "max")
        const exact = Math.floor(max + 1e-6) <= Math.ceil(min - 1e-6)
        out.push({ key: m.cells[i]!.key, min, max, exact })
      })
    } finally {
      model.dispose()
    }
  }
  return out
}

/** The same attacker on an in-memory CellTable (for property tests of the suppression itself). */
export function modelFromTable(t: {
  readonly cells: ReadonlyArray<{ key: string; n: number; suppressed: boolean; lo: number; hi: number }>
  readonly equations: ReadonlyArray<ReadonlyArray<number>>
  readonly inequalities: ReadonlyArray<ReadonlyArray<number>>
}): Model {
  const cells: Cell[] = t.cells.map((c) =>
    c.suppressed ? { key: c.key, n: null, lo: c.lo, hi: c.hi } : { key: c.key, n: c.n, lo: c.n, hi: c.n },
  )
  const constraints: Constraint[] = [
    ...t.equations.map(([total, ...parts]) => ({
      kind: "eq" as const,
      terms: [[total!, 1] as const, ...parts.map((p) => [p, -1] as const)],
      why: "equation",
    })),
    ...t.inequalities.map(([big, ...smalls]) => ({
      kind: "le" as const,
      terms: [...smalls.map((p) => [p, 1] as const), [big!, -1] as const],
      why: "inequality",
    })),
  ]
  return {
    cells,
    constraints,
    index: new Map(cells.map((c, i) => [c.key, i])),
    manifest: undefined as unknown as Manifest,
  }
}
