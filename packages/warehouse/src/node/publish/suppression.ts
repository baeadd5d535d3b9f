/**
 * Small-cell suppression with complementary suppression for published aggregate tables.
 *
 * Cells (including the totals that are published) are linked by equations "these cells add up":
 * a row and its total, a column and its total, a province-year cell and its districts, a
 * province-year cell and its outward flows. Primary suppression hides every cell below the
 * threshold. An equation with exactly one hidden cell would give it away (total minus the others),
 * so the smallest other published cell of that equation is hidden too, until no equation, in any
 * table, has exactly one hidden cell (a fixed point). Zero cells are never published (absent =
 * "no data"), so they are known to an attacker and never count as hidden.
 *
 * Equations with two or more hidden cells can still give a cell away through bounds: every hidden
 * cell that is listed is at least 1 (absent cells are zeros), a hidden parent is at least the number
 * of its listed hidden parts, a `drawn` flow is at least the flow threshold, returns are at most the
 * outward flows. `exposed()` runs that attacker (interval bound propagation over every equation and
 * inequality, to a fixed point) and `suppress()` hides one more published cell next to every cell it
 * pins to a single value, until it pins none. test/hardening/disclosure.test.ts checks the result
 * with an exact LP attacker (the minimum and maximum of every hidden cell).
 */

/**
 * Complementary suppression alone cannot protect these cells at the requested detail (every linked
 * cell is already hidden). Internal: publish catches it and coarsens; the keys never reach a user.
 */
export class UnprotectableCells extends Error {
  constructor(readonly keys: ReadonlyArray<string>) {
    super(`suppression cannot protect ${keys.length} cell(s) at this detail`)
    this.name = "UnprotectableCells"
  }
}

export interface Cell {
  readonly key: string
  readonly n: number
  suppressed: boolean
  /** What a reader knows about this cell when it is hidden (default: at least 1, no upper bound). */
  lo: number
  hi: number
  /** Published elsewhere whatever this table says (the manifest's case count): never hidden. */
  alwaysShown?: boolean
}

export class CellTable {
  readonly cells: Cell[] = []
  readonly equations: number[][] = []
  /** `[big, ...smalls]`: the smalls add up to at most big (e.g. returns <= outward flows). */
  readonly inequalities: number[][] = []
  private readonly index = new Map<string, number>()

  /** Add (or find) a cell; returns its index. */
  cell(key: string, n: number): number {
    const found = this.index.get(key)
    if (found !== undefined) return found
    const i = this.cells.length
    this.cells.push({ key, n, suppressed: false, lo: 1, hi: Number.POSITIVE_INFINITY })
    this.index.set(key, i)
    return i
  }

  get(key: string): Cell | undefined {
    const i = this.index.get(key)
    return i === undefined ? undefined : this.cells[i]
  }

  /** `parts` add up to `total`. */
  equation(total: number, parts: ReadonlyArray<number>): void {
    if (parts.length === 0) return
    this.equations.push([total, ...parts])
  }

  /** `smalls` add up to at most `big` (an inequality a reader can infer). */
  lessOrEqual(big: number, smalls: ReadonlyArray<number>): void {
    if (smalls.length === 0) return
    this.inequalities.push([big, ...smalls])
  }

  /** What a reader knows about a cell whenever it is hidden (e.g. a published `drawn` flag). */
  bound(i: number, lo: number, hi: number): void {
    const c = this.cells[i]!
    c.lo = lo
    c.hi = hi
  }

  /** Suppress below `threshold` (per cell, via `thresholdOf`) and complete complementary suppression. */
  suppress(thresholdOf: (cell: Cell) => number): { primary: number; complementary: number } {
    let primary = 0
    for (const c of this.cells) {
      if (c.n > 0 && c.n < thresholdOf(c) && !c.alwaysShown) {
        c.suppressed = true
        primary++
      }
    }
    let complementary = this.closeSingletons()
    for (let round = 0; round < 10_000; round++) {
      const exposed = this.exposed()
      if (exposed.length === 0) break
      const hide = new Set<number>()
      for (const i of exposed) {
        const pick = this.widen(i)
        if (pick >= 0) hide.add(pick)
      }
      if (hide.size === 0) throw new UnprotectableCells(exposed.map((i) => this.cells[i]!.key))
      for (const i of hide) this.cells[i]!.suppressed = true
      complementary += hide.size + this.closeSingletons()
    }
    return { primary, complementary }
  }

  /**
   * The reader's attack, on the hidden cells only (published ones become constants): every equation
   * and inequality, plus the reduced row echelon form of the equations (the linear combinations
   * that isolate a cell, e.g. a cell that is a sum of published totals minus others), then interval
   * bound propagation over all of them, with integer rounding, until nothing changes.
   * Returns the hidden cells pinned to a single value.
   */
  exposed(): number[] {
    type Row = { terms: Map<number, number>; lo: number; hi: number }
    const toRow = (terms: ReadonlyArray<readonly [number, number]>, kind: "eq" | "le"): Row => {
      const m = new Map<number, number>()
      let constant = 0
      for (const [i, k] of terms) {
        const c = this.cells[i]!
        if (c.suppressed) m.set(i, (m.get(i) ?? 0) + k)
        else constant += k * c.n
      }
      return { terms: m, lo: kind === "eq" ? -constant : Number.NEGATIVE_INFINITY, hi: -constant }
    }
    const eqRows = this.equations
      .map(([total, ...parts]) => toRow([[total!, 1], ...parts.map((p) => [p, -1] as const)], "eq"))
      .filter((r) => r.terms.size > 0)
    const leRows = this.inequalities
      .map(([big, ...smalls]) => toRow([...smalls.map((p) => [p, 1] as const), [big!, -1]], "le"))
      .filter((r) => r.terms.size > 0)
    const rows = [...eqRows, ...reducedRows(eqRows), ...leRows]

    const lo = new Map<number, number>()
    const hi = new Map<number, number>()
    this.cells.forEach((c, i) => {
      if (c.suppressed) {
        lo.set(i, c.lo)
        hi.set(i, c.hi)
      }
    })
    const EPS = 1e-7
    let changed = true
    for (let pass = 0; changed && pass < 200; pass++) {
      changed = false
      for (const r of rows) {
        // Min and max of every term a*x, as finite sums plus counts of infinite terms.
        let minSum = 0
        let maxSum = 0
        let minInf = 0
        let maxInf = 0
        const tmin = new Map<number, number>()
        const tmax = new Map<number, number>()
        for (const [i, a] of r.terms) {
          const l = lo.get(i)!
          const h = hi.get(i)!
          const mn = a > 0 ? a * l : a * h
          const mx = a > 0 ? a * h : a * l
          tmin.set(i, mn)
          tmax.set(i, mx)
          if (Number.isFinite(mn)) minSum += mn
          else minInf++
          if (Number.isFinite(mx)) maxSum += mx
          else maxInf++
        }
        for (const [j, a] of r.terms) {
          const mnj = tmin.get(j)!
          const mxj = tmax.get(j)!
          const othersMax =
            maxInf - (Number.isFinite(mxj) ? 0 : 1) > 0
              ? Number.POSITIVE_INFINITY
              : maxSum - (Number.isFinite(mxj) ? mxj : 0)
          const othersMin =
            minInf - (Number.isFinite(mnj) ? 0 : 1) > 0
              ? Number.NEGATIVE_INFINITY
              : minSum - (Number.isFinite(mnj) ? mnj : 0)
          // a*x_j in [r.lo - othersMax, r.hi - othersMin]
          const axLo = r.lo - othersMax
          const axHi = r.hi - othersMin
          let l = a > 0 ? axLo / a : axHi / a
          let h = a > 0 ? axHi / a : axLo / a
          if (Number.isNaN(l)) l = Number.NEGATIVE_INFINITY
          if (Number.isNaN(h)) h = Number.POSITIVE_INFINITY
          l = Number.isFinite(l) ? Math.ceil(l - EPS) : l
          h = Number.isFinite(h) ? Math.floor(h + EPS) : h
          if (l > lo.get(j)!) {
            lo.set(j, l)
            changed = true
          }
          if (h < hi.get(j)!) {
            hi.set(j, h)
            changed = true
          }
        }
      }
    }
    return [...lo.keys()].filter((i) => lo.get(i)! >= hi.get(i)!)
  }

  /** The published cell to hide so that hidden cell `i` is no longer pinned: the smallest one
   * in an equation or inequality with `i`, else in one with any hidden neighbour of `i`. */
  private widen(i: number): number {
    const links = [...this.equations, ...this.inequalities]
    const smallest = (groups: ReadonlyArray<ReadonlyArray<number>>) => {
      let best = -1
      for (const g of groups)
        for (const j of g) {
          const c = this.cells[j]!
          if (c.suppressed || c.n <= 0 || c.alwaysShown) continue
          if (
            best < 0 ||
            c.n < this.cells[best]!.n ||
            (c.n === this.cells[best]!.n && c.key < this.cells[best]!.key)
          )
            best = j
        }
      return best
    }
    const direct = links.filter((g) => g.includes(i))
    const pick = smallest(direct)
    if (pick >= 0) return pick
    const neighbours = new Set(direct.flat().filter((j) => this.cells[j]!.suppressed))
    return smallest(links.filter((g) => g.some((j) => neighbours.has(j))))
  }

  /** Hide a second cell in every equation with exactly one hidden cell, to a fixed point. */
  private closeSingletons(): number {
    let complementary = 0
    let changed = true
    while (changed) {
      changed = false
      for (const eq of this.equations) {
        let hidden = 0
        for (const i of eq) if (this.cells[i]!.suppressed) hidden++
        if (hidden !== 1) continue
        let best = -1
        for (const i of eq) {
          const c = this.cells[i]!
          if (c.suppressed || c.n <= 0 || c.alwaysShown) continue
          if (
            best < 0 ||
            c.n < this.cells[best]!.n ||
            (c.n === this.cells[best]!.n && c.key < this.cells[best]!.key)
          )
            best = i
        }
        if (best < 0) continue
        this.cells[best]!.suppressed = true
        complementary++
        changed = true
      }
    }
    return complementary
  }
}

/**
 * The attacker: repeatedly solve any equation with exactly one unknown, using published values and
 * already-recovered ones. Returns the keys of suppressed cells it recovers (should be none).
 */
export const recoverable = (
  values: ReadonlyMap<number, number | null>,
  equations: ReadonlyArray<ReadonlyArray<number>>,
): number[] => {
  const known = new Map<number, number>()
  for (const [i, v] of values) if (v !== null) known.set(i, v)
  const recovered: number[] = []
  let changed = true
  while (changed) {
    changed = false
    for (const [total, ...parts] of equations) {
      const all = [total!, ...parts]
      const unknown = all.filter((i) => !known.has(i))
      if (unknown.length !== 1) continue
      const u = unknown[0]!
      const sumParts = parts.reduce((s, i) => s + (known.get(i) ?? 0), 0)
      known.set(u, u === total ? sumParts : known.get(total!)! - sumParts)
      recovered.push(u)
      changed = true
    }
  }
  return recovered
}

/**
 * Reduced row echelon form of sparse linear equalities (floating point; coefficients are small
 * integers): the rows that an attacker gets by adding and subtracting published equations.
 */
function reducedRows(
  rows: ReadonlyArray<{ terms: Map<number, number>; lo: number; hi: number }>,
): Array<{ terms: Map<number, number>; lo: number; hi: number }> {
  const EPS = 1e-9
  const pivots = new Map<number, { terms: Map<number, number>; rhs: number }>()
  for (const r of rows) {
    const terms = new Map(r.terms)
    let rhs = r.lo
    // Eliminate every pivot column (eliminating one can bring in another): repeat until none is left.
    for (let again = true; again; ) {
      again = false
      for (const col of [...terms.keys()]) {
        const p = pivots.get(col)
        if (!p) continue
        const f = terms.get(col)!
        for (const [c2, v] of p.terms) {
          const nv = (terms.get(c2) ?? 0) - f * v
          if (Math.abs(nv) < EPS) terms.delete(c2)
          else terms.set(c2, nv)
        }
        rhs -= f * p.rhs
        again = true
      }
    }
    if (terms.size === 0) continue
    let pc = -1
    let best = 0
    for (const [c, v] of terms)
      if (Math.abs(v) > best + EPS || (Math.abs(Math.abs(v) - best) <= EPS && c < pc)) {
        best = Math.abs(v)
        pc = c
      }
    const f = terms.get(pc)!
    for (const [c, v] of terms) terms.set(c, v / f)
    rhs /= f
    for (const p of pivots.values()) {
      const g = p.terms.get(pc)
      if (g === undefined) continue
      for (const [c2, v] of terms) {
        const nv = (p.terms.get(c2) ?? 0) - g * v
        if (Math.abs(nv) < EPS) p.terms.delete(c2)
        else p.terms.set(c2, nv)
      }
      p.rhs -= g * rhs
    }
    pivots.set(pc, { terms, rhs })
  }
  return [...pivots.values()].map((p) => ({ terms: p.terms, lo: p.rhs, hi: p.rhs }))
}
