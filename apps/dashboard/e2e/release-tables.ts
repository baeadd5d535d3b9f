/** What a browser spec compares the screen with: a served release's own tables, read by DuckDB (node-api). */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import {
  domainModel,
  importFile,
  openWarehouse,
  type PublishResult,
  publish,
  recordSyntheticFile,
  writeSynthCsv,
} from "@lao-protect/warehouse/node"

/**
 * A synthetic warehouse in `dataRoot/warehouse` (the generated file recorded as synthetic, then
 * imported) published once into `dataRoot/published` by the real `publish`, as `pnpm start` does.
 */
export async function syntheticRelease(
  dataRoot: string,
  synth: { readonly seed: number; readonly cases?: number },
): Promise<PublishResult> {
  const csv = join(dataRoot, "synthetic.csv")
  const written = await writeSynthCsv(csv, {
    seed: synth.seed,
    fromYear: 2005,
    toYear: 2024,
    ...(synth.cases ? { cases: synth.cases } : {}),
  })
  const wh = await openWarehouse(join(dataRoot, "warehouse", "w.duckdb"))
  try {
    await recordSyntheticFile(wh, written)
    await importFile(wh, { file: csv, model: domainModel(), writeRejected: false })
    return await publish({
      warehouse: wh,
      out: join(dataRoot, "published"),
      keyFile: join(dataRoot, "warehouse", "publish.key"),
    })
  } finally {
    await wh.close()
  }
}

/** The release `current.json` points to: its folder, publication threshold, tier and table names. */
export function currentRelease(dataRoot: string): {
  readonly dir: string
  readonly threshold: number
  readonly tier: string
  readonly tables: ReadonlyArray<string>
} {
  const published = join(dataRoot, "published")
  const { release } = JSON.parse(readFileSync(join(published, "current.json"), "utf8")) as { release: string }
  const dir = join(published, "releases", release)
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
    threshold: number
    tier: string
    tables: Record<string, unknown>
  }
  return { dir, threshold: manifest.threshold, tier: manifest.tier, tables: Object.keys(manifest.tables) }
}

/** Rows of one of the release's tables, read by DuckDB (node-api) from its Parquet file. */
export async function releaseRows<T>(
  dir: string,
  table: string,
  columns: string,
  where = "true",
): Promise<ReadonlyArray<T>> {
  const db = await openWarehouse(":memory:")
  try {
    return (await db.query(`SELECT ${columns} FROM read_parquet($1) WHERE ${where}`, [
      join(dir, `${table}.parquet`),
    ])) as unknown as ReadonlyArray<T>
  } finally {
    await db.close()
  }
}
