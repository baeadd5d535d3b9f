/**
 * Ethnicity x province (issue 21): cases per ethnic group (rows) and origin province (columns) under
 * the shared filters, shaded by count, sortable by any province or by the shown cases, exportable as
 * CSV. Province and group totals are public elsewhere (map, group filter), so a row or column with a
 * single suppressed cell would give it away: `suppressTable` suppresses the next smallest cell of that
 * line too, until no line has exactly one.
 */

import type { Connector } from "@lao-protect/warehouse"
import { type EthnicityProvinceCount, ethnicityByProvince } from "@lao-protect/warehouse"
import { useEffect, useState } from "react"
import { lazyCubeOf } from "../data/onDemand.ts"
import { labelOf, vocab } from "../data/reference.ts"
import type { Manifest } from "../data/release.ts"
import { CsvButtons } from "../export/CsvButtons.tsx"
import { buildExportContext } from "../export/context.ts"
import { downloadCsv } from "../export/download.ts"
import type { Lang, T } from "../i18n/index.ts"
import { formatNumber } from "../lib/format.ts"
import { reportFailure } from "../lib/report.ts"
import { type AppState, filtersOf } from "../lib/state.ts"
import { type Cell, suppress } from "../lib/suppress.ts"

type Grid = Map<string, Map<string, Cell>>

/** Cells of the table with primary and complementary suppression over rows and columns. */
export const suppressTable = (rows: ReadonlyArray<EthnicityProvinceCount>, k: number): Grid => {
  const n = new Map<string, number>()
  const grid: Grid = new Map()
  for (const r of rows) {
    if (r.province === null) continue
    const line = grid.get(r.ethnic_group) ?? new Map<string, Cell>()
    line.set(r.province, suppress(r.n, k))
    grid.set(r.ethnic_group, line)
    n.set(`${r.ethnic_group}|${r.province}`, r.n)
  }
  const lines = (): Array<Array<[string, string]>> => {
    const byRow = [...grid.entries()].map(([g, line]) =>
      [...line.keys()].map((p) => [g, p] as [string, string]),
    )
    const cols = new Map<string, Array<[string, string]>>()
    for (const [g, line] of grid) for (const p of line.keys()) cols.set(p, [...(cols.get(p) ?? []), [g, p]])
    return [...byRow, ...cols.values()]
  }
  for (let changed = true; changed; ) {
    changed = false
    for (const line of lines()) {
      const cells = line.map(([g, p]) => ({ g, p, cell: grid.get(g)!.get(p)! }))
      if (cells.filter((c) => c.cell.kind === "suppressed").length !== 1) continue
      const next = cells
        .filter((c) => c.cell.kind === "value")
        .sort((a, b) => n.get(`${a.g}|${a.p}`)! - n.get(`${b.g}|${b.p}`)!)[0]
      if (!next) continue
      grid.get(next.g)!.set(next.p, { kind: "suppressed", k })
      changed = true
    }
  }
  return grid
}

export interface EthnicityHeatTableProps {
  readonly conn: Connector | null
  readonly state: AppState
  readonly manifest: Manifest | null
  readonly t: T
  readonly lang: Lang
  readonly k: number
  readonly cellText: (cell: Cell) => string
}

export function EthnicityHeatTable({ conn, state, manifest, t, lang, k, cellText }: EthnicityHeatTableProps) {
  const [rows, setRows] = useState<ReadonlyArray<EthnicityProvinceCount> | null>(null)
  const [sortBy, setSortBy] = useState<string>("shown")
  const filters = filtersOf(state)
  const key = JSON.stringify(filters)
  useEffect(() => {
    if (!conn) return
    let live = true
    // on the first view facts_k is not built yet: read facts rather than wait for it (same counts)
    const source = lazyCubeOf(conn)?.built() === false ? "naive" : "preaggregated"
    ethnicityByProvince(conn, JSON.parse(key), { source }).then((r) => {
      if (live) setRows(r)
    }, reportFailure("loading the ethnicity table"))
    return () => {
      live = false
    }
  }, [conn, key])
  if (rows === null) return null
  const grid = suppressTable(rows, k)
  const provinces = vocab.province.codes.filter((p) => [...grid.values()].some((line) => line.has(p)))
  const shownOf = (line: Map<string, Cell>, only?: string) =>
    [...line.entries()]
      .filter(([p]) => only === undefined || p === only)
      .reduce((s, [, c]) => s + (c.kind === "value" ? c.n : 0), 0)
  const groupName = (g: string) => labelOf("ethnicGroup", g, lang, g).text
  const groups = [...grid.keys()].sort(
    (a, b) =>
      shownOf(grid.get(b)!, sortBy === "shown" ? undefined : sortBy) -
        shownOf(grid.get(a)!, sortBy === "shown" ? undefined : sortBy) ||
      groupName(a).localeCompare(groupName(b)),
  )
  const max = Math.max(
    1,
    ...[...grid.values()].flatMap((line) => [...line.values()].map((c) => (c.kind === "value" ? c.n : 0))),
  )
  const cellOf = (g: string, p: string): Cell => grid.get(g)?.get(p) ?? { kind: "no_data" }
  const title = t("ethnicityByProvince")
  const context = () => buildExportContext({ t, state, manifest, k, title })
  const exportCsv = (exact: boolean) =>
    downloadCsv(
      groups,
      [
        { header: t("ethnicGroup"), value: (g: string) => g },
        { header: t("areaName"), value: (g: string) => groupName(g) },
        ...provinces.map((p) => ({ header: p, value: (g: string) => cellOf(g, p) })),
      ],
      context(),
      { exact },
    )
  return (
    <section className="table-view ethnicity-table" aria-labelledby="ethnicity-table-title">
      <h2 id="ethnicity-table-title">{title}</h2>
      <CsvButtons
        t={t}
        name="ethnicity-csv"
        exactOffered={context().publicRule !== undefined}
        onExport={exportCsv}
      />
      <div className="scroll">
        <table data-testid="ethnicity-table" data-sort={sortBy}>
          <thead>
            <tr>
              <th scope="col">
                <button
                  type="button"
                  className="link"
                  data-sort-by="shown"
                  onClick={() => setSortBy("shown")}
                >
                  {t("ethnicGroup")}
                </button>
              </th>
              {provinces.map((p) => (
                <th key={p} scope="col" aria-sort={sortBy === p ? "descending" : undefined}>
                  <button type="button" className="link" data-sort-by={p} onClick={() => setSortBy(p)}>
                    {labelOf("province", p, lang, p).text}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g} data-group={g}>
                <th scope="row">{groupName(g)}</th>
                {provinces.map((p) => {
                  const cell = cellOf(g, p)
                  return (
                    <td
                      key={p}
                      data-pcode={p}
                      data-cell={cell.kind}
                      title={cellText(cell)}
                      style={cell.kind === "value" ? heatStyle(cell.n / max) : undefined}
                    >
                      {cell.kind === "value"
                        ? formatNumber(lang, cell.n)
                        : cell.kind === "suppressed"
                          ? `<${k}`
                          : "–"}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

/**
 * The heat colour of a share of the table's largest cell, and black or white text, whichever
 * contrasts more with it (at least 4.58:1 for any share, above WCAG AA's 4.5).
 */
const heatStyle = (share: number): { background: string; color: string } => {
  const alpha = 0.1 + 0.8 * share
  const [r, g, b] = [140, 60, 0].map((c) => Math.round(255 - alpha * (255 - c))) as [number, number, number]
  const lin = (c: number) => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  const l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
  const onWhite = 1.05 / (l + 0.05)
  const onBlack = (l + 0.05) / 0.05
  return { background: `rgb(${r}, ${g}, ${b})`, color: onWhite > onBlack ? "#fff" : "#000" }
}
