/**
 * Benchmark inputs in data/bench/ (git-ignored), built before anything is timed and reused across
 * runs while their recipe is unchanged: one synthetic CaseRow CSV per size from `lao-protect synth`,
 * with every 100th row given an impossible identification date so the import's quarantine split does
 * real work (about 1% rejected).
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs"
import { join, resolve } from "node:path"
import { createInterface } from "node:readline"
import { finished } from "node:stream/promises"
import { writeSynthCsv } from "@lao-protect/warehouse/node"
import { repoRoot } from "./child.ts"

export const benchDir = join(repoRoot, "data/bench")
export const BAD_EVERY = 100
const RECIPE = { seed: 7, fromYear: 2005, toYear: 2024, badEvery: BAD_EVERY, version: 1 }

export const sizeDir = (size: number) => join(benchDir, String(size))
/** Scratch space for workers (DuckDB spill files); emptied when a run starts, so an interrupted run leaves nothing behind for long. */
export const tmpDir = join(benchDir, "tmp")

/**
 * Everything generated here is written under a temporary name and renamed when complete, and its
 * recipe is written last: a run interrupted at any point leaves either a complete input or one that
 * the next run regenerates.
 */
export async function ensureCsv(
  size: number,
  log: (s: string) => void,
  dir: string = sizeDir(size),
): Promise<string> {
  mkdirSync(dir, { recursive: true })
  const csv = join(dir, "cases.csv")
  const recipeFile = join(dir, "cases.recipe.json")
  const recipe = JSON.stringify({ ...RECIPE, size })
  if (existsSync(csv) && existsSync(recipeFile) && readFileSync(recipeFile, "utf8") === recipe) return csv
  rmSync(recipeFile, { force: true })
  log(`generating ${size.toLocaleString("en")} synthetic cases -> ${csv} (not timed)`)
  const raw = join(dir, "synth.csv")
  const { meta } = await writeSynthCsv(raw, {
    seed: RECIPE.seed,
    fromYear: RECIPE.fromYear,
    toYear: RECIPE.toYear,
    cases: size,
  })
  const out = createWriteStream(`${csv}.tmp`, { highWaterMark: 1 << 20 })
  let line = -1
  // identification_date is the third column; case_id and source never contain commas or quotes.
  for await (const text of createInterface({ input: createReadStream(raw, { highWaterMark: 1 << 20 }) })) {
    line++
    const row =
      line > 0 && line % RECIPE.badEvery === 0 ? text.replace(/^([^,]*,[^,]*,)[^,]*/, "$12023-02-30") : text
    if (!out.write(`${row}\n`)) await new Promise<void>((ok) => out.once("drain", ok))
  }
  out.end()
  await finished(out)
  renameSync(`${csv}.tmp`, csv)
  rmSync(raw, { force: true })
  rmSync(`${raw}.meta.json`, { force: true })
  // A sidecar for people to read; the altered bytes are not recorded as synthetic (see synth/record.ts).
  writeFileSync(
    `${csv}.meta.json`,
    `${JSON.stringify({ ...meta, sha256: null, note: `every ${RECIPE.badEvery}th row has an invalid date` }, null, 2)}\n`,
  )
  writeFileSync(recipeFile, recipe)
  return csv
}

/**
 * `link` -> `target` as a symbolic link, whatever an earlier run left there: a dangling link (on a
 * clone where `pnpm start` never ran, data/geo does not exist; `existsSync` follows links and calls
 * that missing, so `symlinkSync` then failed with EEXIST) or a link elsewhere is replaced; anything
 * that is not a link is left alone.
 */
export function ensureLink(target: string, link: string): void {
  let st: ReturnType<typeof lstatSync> | undefined
  try {
    st = lstatSync(link)
  } catch {
    st = undefined
  }
  if (st && !st.isSymbolicLink()) return
  if (st && resolve(link, "..", readlinkSync(link)) === resolve(target)) return
  if (st) rmSync(link, { force: true })
  symlinkSync(target, link, "dir")
}

/** A data root for the dashboard server: this size's publication plus the repository's boundaries. */
export function dashboardDataRoot(size: number, dir: string = sizeDir(size)): string {
  const root = join(dir, "data")
  mkdirSync(root, { recursive: true })
  ensureLink(join(repoRoot, "data/geo"), join(root, "geo"))
  return root
}
