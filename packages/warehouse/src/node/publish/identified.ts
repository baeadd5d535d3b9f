/**
 * The `identified_province_year` table (issue 21): cases by the province where they were
 * identified and year, with province totals, year totals and the grand total, under the same
 * threshold and complementary suppression (`CellTable`) as `province_year`. The two tables share
 * their year totals and grand total (every case is counted once in each), so those cells take
 * `province_year`'s verdict: shown there means public here too (`alwaysShown`), hidden there is
 * hidden here before suppression starts; what remains hidden is then protected within this table.
 * When suppression alone cannot protect a cell, that province's cases are counted under "not
 * recorded" (province null) for every year, the smallest province first, until it can (`merged`).
 * Not written in DP releases (their counts are protected by noise, not suppression).
 */
import type { ProvinceYearRow } from "../../Publication.ts"
import { K } from "./protect.ts"
import { CellTable, UnprotectableCells } from "./suppression.ts"

export interface IdentifiedCount {
  readonly province: string | null
  readonly year: number
  readonly n: number
}

export interface ProtectedIdentified {
  readonly rows: ReadonlyArray<ProvinceYearRow>
  readonly suppressed: number
  /** Provinces counted under "not recorded" so that their small cells could be protected. */
  readonly merged: ReadonlyArray<string>
}

export const protectIdentified = (
  rows: ReadonlyArray<IdentifiedCount>,
  threshold: number,
  provinceYear: ReadonlyArray<ProvinceYearRow>,
): ProtectedIdentified => {
  const merged = new Set<string>()
  for (;;) {
    const current = mergeInto(rows, merged)
    try {
      return { ...suppressOnce(current, threshold, provinceYear), merged: [...merged].sort() }
    } catch (e) {
      if (!(e instanceof UnprotectableCells)) throw e
      const open = current.filter((r) => r.province !== null && !merged.has(r.province))
      const named = e.keys
        .map((k) => k.split("|"))
        .filter((p) => (p[0] === "ip" || p[0] === "ip_p") && p[1] !== "\u2205")
        .map((p) => p[1]!)
      const total = (p: string) => open.filter((r) => r.province === p).reduce((s, r) => s + r.n, 0)
      const candidates = named.length > 0 ? named : [...new Set(open.map((r) => r.province!))]
      const pick = candidates.sort((a, b) => total(a) - total(b) || a.localeCompare(b))[0]
      // Only "not recorded" left: each of its cells is its year's total, public in province_year.
      if (pick === undefined) return { ...nationalOnly(current, provinceYear), merged: [...merged].sort() }
      merged.add(pick)
    }
  }
}

const mergeInto = (rows: ReadonlyArray<IdentifiedCount>, merged: ReadonlySet<string>): IdentifiedCount[] => {
  const m = new Map<string, IdentifiedCount>()
  for (const r of rows) {
    const province = r.province !== null && merged.has(r.province) ? null : r.province
    const key = K(province, r.year)
    const found = m.get(key)
    m.set(key, { province, year: r.year, n: (found?.n ?? 0) + r.n })
  }
  return [...m.values()]
}

const suppressOnce = (
  rows: ReadonlyArray<IdentifiedCount>,
  threshold: number,
  provinceYear: ReadonlyArray<ProvinceYearRow>,
): { readonly rows: ReadonlyArray<ProvinceYearRow>; readonly suppressed: number } => {
  const t = new CellTable()
  const sum = (xs: ReadonlyArray<IdentifiedCount>) => xs.reduce((s, r) => s + r.n, 0)
  const cell = new Map<string, number>()
  for (const r of rows) cell.set(K(r.province, r.year), t.cell(K("ip", r.province, r.year), r.n))
  const grand = t.cell(K("ip_all"), sum(rows))
  const provinces = [...new Set(rows.map((r) => r.province))]
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b)
  const provinceTotals = provinces.map((p) => {
    const parts = rows.filter((r) => r.province === p)
    const total = t.cell(K("ip_p", p), sum(parts))
    t.equation(
      total,
      parts.map((r) => cell.get(K(r.province, r.year))!),
    )
    return total
  })
  const yearTotals = years.map((y) => {
    const parts = rows.filter((r) => r.year === y)
    const total = t.cell(K("ip_y", y), sum(parts))
    t.equation(
      total,
      parts.map((r) => cell.get(K(r.province, r.year))!),
    )
    return total
  })
  t.equation(grand, yearTotals)
  t.equation(grand, provinceTotals)
  t.equation(
    grand,
    rows.map((r) => cell.get(K(r.province, r.year))!),
  )
  // Shared with province_year: the manifest's case count, and each year's total.
  t.cells[grand]!.alwaysShown = true
  const pyYear = new Map(provinceYear.filter((r) => r.level === "year_total").map((r) => [r.year, r]))
  years.forEach((y, i) => {
    const c = t.cells[yearTotals[i]!]!
    const there = pyYear.get(y)
    if (there === undefined || !there.suppressed) c.alwaysShown = true
    else c.suppressed = true
  })
  t.suppress(() => threshold)
  const pub = (key: string) => {
    const c = t.get(key)!
    return { n: c.suppressed ? null : c.n, suppressed: c.suppressed }
  }
  const out: ProvinceYearRow[] = [
    ...rows.map((r) => ({
      province: r.province,
      year: r.year,
      level: "cell" as const,
      ...pub(K("ip", r.province, r.year)),
    })),
    ...provinces.map((p) => ({
      province: p,
      year: null,
      level: "province_total" as const,
      ...pub(K("ip_p", p)),
    })),
    ...years.map((y) => ({ province: null, year: y, level: "year_total" as const, ...pub(K("ip_y", y)) })),
    ...(rows.length > 0
      ? [{ province: null, year: null, level: "grand_total" as const, ...pub(K("ip_all")) }]
      : []),
  ]
  return { rows: out, suppressed: t.cells.filter((c) => c.suppressed).length }
}

/** Every case under "not recorded": each cell, its province total and year total are public facts of province_year. */
const nationalOnly = (
  rows: ReadonlyArray<IdentifiedCount>,
  provinceYear: ReadonlyArray<ProvinceYearRow>,
): { readonly rows: ReadonlyArray<ProvinceYearRow>; readonly suppressed: number } => {
  const hidden = new Set(
    provinceYear.filter((r) => r.level === "year_total" && r.suppressed).map((r) => r.year),
  )
  const show = (year: number, n: number) =>
    hidden.has(year) ? { n: null, suppressed: true } : { n, suppressed: false }
  const total = rows.reduce((s, r) => s + r.n, 0)
  const out: ProvinceYearRow[] = [
    ...rows.map((r) => ({ province: null, year: r.year, level: "cell" as const, ...show(r.year, r.n) })),
    ...rows.map((r) => ({
      province: null,
      year: r.year,
      level: "year_total" as const,
      ...show(r.year, r.n),
    })),
    ...(rows.length > 0
      ? [
          { province: null, year: null, level: "province_total" as const, n: total, suppressed: false },
          { province: null, year: null, level: "grand_total" as const, n: total, suppressed: false },
        ]
      : []),
  ]
  return { rows: out, suppressed: out.filter((r) => r.suppressed).length }
}
