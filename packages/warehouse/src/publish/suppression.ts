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
 * It deliberately does not solve the general linear-programming attack (interval bounds); see README.
 */

export interface Cell {
  readonly key: string
  readonly n: number
  suppressed: boolean
}

export class CellTable {
  readonly cells: Cell[] = []
  readonly equations: number[][] = []
  private readonly index = new Map<string, number>()

  /** Add (or find) a cell; returns its index. */
  cell(key: string, n: number): number {
    const found = this.index.get(key)
    if (found !== undefined) return found
    const i = this.cells.length
    this.cells.push({ key, n, suppressed: false })
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

  /** Suppress below `threshold` (per cell, via `thresholdOf`) and complete complementary suppression. */
  suppress(thresholdOf: (cell: Cell) => number): { primary: number; complementary: number } {
    let primary = 0
    for (const c of this.cells) {
      if (c.n > 0 && c.n < thresholdOf(c)) {
        c.suppressed = true
        primary++
      }
    }
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
          if (c.suppressed || c.n <= 0) continue
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
    return { primary, complementary }
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
