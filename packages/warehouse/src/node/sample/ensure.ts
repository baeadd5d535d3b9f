/**
 * `ensureSampleData({ root })`: when `data/published/current.json` is missing, synthesise ~20 years
 * of national sample data with a fixed seed, import it (the validated importer) into
 * `data/warehouse/sample.duckdb` and publish
 * it to `data/published`, so that `pnpm start` always has something (clearly labelled synthetic)
 * to show. Does nothing when a publication exists (idempotent).
 */
import { existsSync } from "node:fs"
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CONTRACT_VERSION } from "../../Publication.ts"
import { importFile } from "../import/import-file.ts"
import { openWarehouse } from "../NodeConnector.ts"
import { type PlannersTables, publish } from "../publish/publish.ts"
import { domainModel } from "../schema/domain-model.ts"
import { recordSyntheticFile } from "../synth/record.ts"
import { writeSynthCsv } from "../synth/write.ts"

export const SAMPLE_SEED = 20240601
export const SAMPLE_YEARS = [2005, 2024] as const

export interface EnsureSampleOptions {
  /** The repository root (the folder holding `data/`). */
  readonly root: string
  /** Extra planners-tier tables for the sample release (the CLI passes planning's). */
  readonly plannersTables?: PlannersTables
  /** Model-based estimate tables for every tier (the CLI passes planning's). */
  readonly estimateTables?: PlannersTables
}

export interface EnsureSampleResult {
  readonly created: boolean
  readonly release: string
}

const currentRelease = async (published: string): Promise<string | null> => {
  const pointer = join(published, "current.json")
  if (!existsSync(pointer)) return null
  let release: unknown
  try {
    ;({ release } = JSON.parse(await readFile(pointer, "utf8")) as { release?: unknown })
  } catch (e) {
    // Never publish sample data over a pointer we cannot read: it may point to real data.
    throw new Error(
      `${pointer} is unreadable (${e instanceof Error ? e.message : String(e)}): fix or remove it`,
    )
  }
  return typeof release === "string" && existsSync(join(published, "releases", release, "manifest.json"))
    ? release
    : null
}

/**
 * The built-in sample written to an older publication contract (the dashboard would refuse it):
 * rebuilt from the seed. Only a synthetic release is ever replaced; real data are left alone.
 */
const isOutdatedSample = async (releaseDir: string): Promise<boolean> => {
  const m = JSON.parse(await readFile(join(releaseDir, "manifest.json"), "utf8")) as {
    contract?: unknown
    synthetic?: unknown
  }
  return m.synthetic === true && m.contract !== CONTRACT_VERSION
}

export const ensureSampleData = async ({
  root,
  plannersTables,
  estimateTables,
}: EnsureSampleOptions): Promise<EnsureSampleResult> => {
  const published = join(root, "data", "published")
  const existing = await currentRelease(published)
  if (existing !== null && !(await isOutdatedSample(join(published, "releases", existing))))
    return { created: false, release: existing }

  const warehouseDir = join(root, "data", "warehouse")
  await mkdir(warehouseDir, { recursive: true })
  const dbPath = join(warehouseDir, "sample.duckdb")
  // The sample warehouse is derived data: rebuild it from the seed every time it is needed.
  await rm(dbPath, { force: true })
  await rm(`${dbPath}.wal`, { force: true })
  const work = await mkdtemp(join(tmpdir(), "lao-protect-sample-"))
  try {
    const csv = join(work, "synthetic-sample.csv")
    const written = await writeSynthCsv(csv, {
      seed: SAMPLE_SEED,
      fromYear: SAMPLE_YEARS[0],
      toYear: SAMPLE_YEARS[1],
    })
    const wh = await openWarehouse(dbPath)
    try {
      await recordSyntheticFile(wh, written)
      const imported = await importFile(wh, {
        file: csv,
        model: domainModel(),
        writeRejected: false,
        user: "sample",
      })
      if (imported.rejected > 0)
        throw new Error(`sample data: ${imported.rejected} synthetic rows were rejected by the importer`)
      const result = await publish({
        warehouse: wh,
        out: published,
        keyFile: join(warehouseDir, "publish.key"),
        tier: "planners",
        ...(plannersTables ? { plannersTables } : {}),
        ...(estimateTables ? { estimateTables } : {}),
      })
      return { created: true, release: result.release }
    } finally {
      await wh.close()
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
