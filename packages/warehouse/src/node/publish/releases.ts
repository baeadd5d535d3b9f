/**
 * The releases in a publication folder (`data/published/<release>/manifest.json`) and the pointer
 * `current.json` the dashboard reads: list them, and switch the pointer back to an earlier release
 * (atomically, as `publish` does). Nothing in a release is changed.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { Manifest } from "./publish.ts"

export interface ReleaseInfo {
  readonly release: string
  readonly createdAt: string
  readonly tier: Manifest["tier"]
  readonly synthetic: boolean
  readonly cases: number
  readonly suppressedCells: number
  readonly dp: boolean
  readonly current: boolean
}

export class ReleaseError extends Error {
  override readonly name = "ReleaseError"
}

const RELEASE_ID = /^[A-Za-z0-9._-]+$/

/** The release `current.json` names, or undefined. */
export function currentRelease(published: string): string | undefined {
  const pointer = join(published, "current.json")
  if (!existsSync(pointer)) return undefined
  const release = (JSON.parse(readFileSync(pointer, "utf8")) as { release?: unknown }).release
  return typeof release === "string" ? release : undefined
}

/** Every folder with a readable manifest, newest first. */
export function listReleases(published: string): ReleaseInfo[] {
  if (!existsSync(published)) return []
  const current = currentRelease(published)
  const out: ReleaseInfo[] = []
  for (const entry of readdirSync(published, { withFileTypes: true })) {
    if (!entry.isDirectory() || !RELEASE_ID.test(entry.name) || entry.name.startsWith(".")) continue
    const file = join(published, entry.name, "manifest.json")
    if (!existsSync(file)) continue
    const m = JSON.parse(readFileSync(file, "utf8")) as Manifest
    out.push({
      release: entry.name,
      createdAt: m.createdAt,
      tier: m.tier,
      synthetic: m.synthetic === true,
      cases: m.counts?.cases ?? 0,
      suppressedCells: m.suppressedCells ?? 0,
      dp: m.dp !== undefined,
      current: entry.name === current,
    })
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.release.localeCompare(a.release))
}

/** Points `current.json` at `release` (which must be a release of the folder). */
export function useRelease(published: string, release: string): ReleaseInfo {
  if (!RELEASE_ID.test(release)) throw new ReleaseError(`not a release id: ${release}`)
  const found = listReleases(published).find((r) => r.release === release)
  if (!found) {
    const ids = listReleases(published).map((r) => r.release)
    throw new ReleaseError(
      `no release ${release} in ${published}${ids.length > 0 ? ` (releases: ${ids.slice(0, 10).join(", ")})` : ""}`,
    )
  }
  const tmp = join(published, `.current.json.${release}.tmp`)
  writeFileSync(tmp, `${JSON.stringify({ release }, null, 2)}\n`)
  renameSync(tmp, join(published, "current.json"))
  return { ...found, current: true }
}
