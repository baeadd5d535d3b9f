/**
 * Differencing between releases: every public release suppresses cells under the threshold, but
 * two releases read side by side can still single out cases. Add one case and republish, and the
 * cells that went from 12 to 13 say where, when and how that one case was found. Before a public
 * (suppressed, not differentially private) release is written, its published cells are compared
 * with those of every earlier release of the same kind in the folder; a cell published in both
 * whose count changed by fewer than the threshold isolates that many cases. `publish` then holds
 * the release (a `DifferencingRisk`) unless told to go ahead, and reports the cells either way.
 * Cells suppressed in either release, and cells present in only one (a true 0 on the other side,
 * so a change of at least the threshold), do not isolate anything by themselves.
 * Planners releases carry the exact facts cube, and DP releases are protected by their noise:
 * neither is compared.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { tableFromIPC } from "apache-arrow"
import type { Manifest } from "../../Publication.ts"

/** The published count tables and the columns that name a cell. */
export const DIFFERENCED_TABLES = {
  province_year: ["province", "year", "level"],
  identified_province_year: ["province", "year", "level"],
  district_year: ["province", "district", "year", "level"],
  flows: ["origin_province", "border_point", "destination", "direction", "year"],
} as const satisfies Record<string, ReadonlyArray<string>>

export type DifferencedTable = keyof typeof DIFFERENCED_TABLES

type Row = { readonly n: number | null; readonly suppressed: boolean } & Readonly<Record<string, unknown>>

export interface IsolatingChange {
  readonly table: DifferencedTable
  /** The cell's dimensions (province, year, level, ...). */
  readonly cell: Readonly<Record<string, string | number | null>>
  /** The earlier release it is compared with. */
  readonly release: string
  readonly before: number
  readonly after: number
  /** The threshold of the table (flows have their own). */
  readonly threshold: number
}

export class DifferencingRisk extends Error {
  override readonly name = "DifferencingRisk"
  constructor(readonly changes: ReadonlyArray<IsolatingChange>) {
    super(differencingMessage(changes))
  }
}

const cellKey = (table: DifferencedTable, row: Readonly<Record<string, unknown>>): string =>
  JSON.stringify(DIFFERENCED_TABLES[table].map((c) => row[c] ?? null))

/** The releases of `releasesDir` a new public, non-DP release is compared with, oldest first. */
export function comparableReleases(
  releasesDir: string,
): Array<{ readonly release: string; readonly dir: string }> {
  if (!existsSync(releasesDir)) return []
  const out: Array<{ release: string; dir: string; createdAt: string }> = []
  for (const entry of readdirSync(releasesDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue
    const dir = join(releasesDir, entry.name)
    const file = join(dir, "manifest.json")
    if (!existsSync(file)) continue
    const m = JSON.parse(readFileSync(file, "utf8")) as Manifest
    if (m.tier === "public" && m.dp === undefined)
      out.push({ release: entry.name, dir, createdAt: m.createdAt })
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.release.localeCompare(b.release))
}

function readCells(dir: string, table: DifferencedTable): Map<string, number> {
  const file = join(dir, `${table}.arrow`)
  const cells = new Map<string, number>()
  if (!existsSync(file)) return cells
  for (const r of tableFromIPC(readFileSync(file)).toArray()) {
    const row = r.toJSON() as Row
    if (!row.suppressed && row.n !== null) cells.set(cellKey(table, row), Number(row.n))
  }
  return cells
}

/**
 * The published cells of the new release (`tables`) whose count differs from an earlier
 * comparable release's by 1 to threshold - 1 cases.
 */
export function isolatingChanges(
  releasesDir: string,
  tables: Readonly<Record<DifferencedTable, ReadonlyArray<Row>>>,
  thresholds: Readonly<Record<DifferencedTable, number>>,
): IsolatingChange[] {
  const changes: IsolatingChange[] = []
  for (const { release, dir } of comparableReleases(releasesDir))
    for (const table of Object.keys(DIFFERENCED_TABLES) as DifferencedTable[]) {
      const before = readCells(dir, table)
      const threshold = thresholds[table]
      for (const row of tables[table]) {
        if (row.suppressed || row.n === null) continue
        const old = before.get(cellKey(table, row))
        if (old === undefined) continue
        const d = Math.abs(row.n - old)
        if (d > 0 && d < threshold)
          changes.push({
            table,
            cell: Object.fromEntries(
              DIFFERENCED_TABLES[table].map((c) => [c, (row[c] ?? null) as string | number | null]),
            ),
            release,
            before: old,
            after: row.n,
            threshold,
          })
      }
    }
  return changes
}

const describeCell = (c: IsolatingChange): string =>
  `${c.table} ${Object.values(c.cell)
    .filter((v) => v !== null)
    .join(
      " ",
    )}: ${c.before} -> ${c.after} (${Math.abs(c.after - c.before)} case${Math.abs(c.after - c.before) === 1 ? "" : "s"} singled out against release ${c.release})`

export function differencingMessage(changes: ReadonlyArray<IsolatingChange>): string {
  const threshold = Math.min(...changes.map((c) => c.threshold))
  return (
    `${changes.length} published cell${changes.length === 1 ? "" : "s"} changed by fewer than the threshold since an earlier public release: ` +
    `read side by side, the two releases single out the cases that changed them (${changes
      .slice(0, 5)
      .map(describeCell)
      .join("; ")}${changes.length > 5 ? `; and ${changes.length - 5} more` : ""}). ` +
    `Hold this release until more cases accumulate (each changed cell changing by at least ${threshold}), or publish anyway with --allow-differencing`
  )
}
