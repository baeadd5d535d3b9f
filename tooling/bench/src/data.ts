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
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { finished } from "node:stream/promises"
import { writeSynthCsv } from "@lao-protect/warehouse/node"
import { repoRoot } from "./child.ts"

export const benchDir = join(repoRoot, "data/bench")
export const BAD_EVERY = 100
const RECIPE = { seed: 7, fromYear: 2005, toYear: 2024, badEvery: BAD_EVERY, version: 1 }

export const sizeDir = (size: number) => join(benchDir, String(size))

export async function ensureCsv(size: number, log: (s: string) => void): Promise<string> {
  const dir = sizeDir(size)
  mkdirSync(dir, { recursive: true })
  const csv = join(dir, "cases.csv")
  const recipeFile = join(dir, "cases.recipe.json")
  const recipe = JSON.stringify({ ...RECIPE, size })
  if (existsSync(csv) && existsSync(recipeFile) && readFileSync(recipeFile, "utf8") === recipe) return csv
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

/** A data root for the dashboard server: this size's publication plus the repository's boundaries. */
export function dashboardDataRoot(size: number): string {
  const root = join(sizeDir(size), "data")
  mkdirSync(root, { recursive: true })
  const geo = join(root, "geo")
  if (!existsSync(geo)) symlinkSync(join(repoRoot, "data/geo"), geo, "dir")
  return root
}
