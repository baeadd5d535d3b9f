/**
 * Files that hold personal data, and paths handed to DuckDB.
 *
 * DuckDB reads a path given to `read_csv` (and friends) as a glob pattern: `partner[1].csv` loads
 * `partner1.csv`. `literalPath` gives DuckDB a name with no pattern characters that points at the
 * user's file (a symbolic link, else a hard link, else a copy) in a private scratch folder, so
 * DuckDB reads exactly the bytes the importer hashed. Scratch folders, the warehouse folder and
 * every file written with personal data are created readable by their owner only.
 */
import { randomUUID } from "node:crypto"
import {
  chmodSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from "node:fs"
import { tmpdir, userInfo } from "node:os"
import { basename, dirname, extname, join, resolve } from "node:path"

/** Characters DuckDB's file system treats as a pattern. */
export const GLOB_CHARACTERS = /[*?[\]{}]/

/** Create `dir` (and parents) and make it owner-only (0700). */
export const ensurePrivateDir = (dir: string): string => {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  return dir
}

const owner = (): string => String(process.getuid?.() ?? userInfo().username)

/** The scratch folder for a warehouse: beside its file, or a per-user folder for `:memory:`. */
export const scratchDirOf = (warehousePath: string): string =>
  warehousePath === ":memory:"
    ? join(tmpdir(), `lao-protect-${owner()}`)
    : join(dirname(resolve(warehousePath)), ".lao-protect-tmp")

export interface LiteralPath {
  /** A path with no pattern characters that reads the same bytes as the file. */
  readonly path: string
  /** Remove the link (or copy). Safe to call twice. */
  readonly release: () => void
}

/** A pattern-free path for `file` inside `scratchDir` (see the module comment). */
export const literalPath = (file: string, scratchDir: string): LiteralPath => {
  ensurePrivateDir(scratchDir)
  const ext = extname(file).replace(GLOB_CHARACTERS, "") || ".dat"
  const path = join(scratchDir, `input-${randomUUID()}${ext}`)
  const target = resolve(file)
  try {
    symlinkSync(target, path)
  } catch {
    try {
      linkSync(target, path)
    } catch {
      copyFileSync(target, path)
      chmodSync(path, 0o600)
    }
  }
  return { path, release: () => rmSync(path, { force: true }) }
}

/** Leftovers of killed runs in a scratch folder: removed; returns how many. */
export const cleanScratch = (scratchDir: string, olderThanMs = 0): number => {
  let removed = 0
  let names: string[]
  try {
    names = readdirSync(scratchDir)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return 0
    throw e
  }
  const now = Date.now()
  for (const name of names) {
    const p = join(scratchDir, name)
    // lstat: a link whose target is gone is still a leftover.
    const st = lstatSync(p, { throwIfNoEntry: false })
    if (!st || now - st.mtimeMs < olderThanMs) continue
    rmSync(p, { force: true, recursive: true })
    removed++
  }
  return removed
}

/**
 * Files a killed import of `file` left beside it (`<file>.rejected.csv.<id>.tmp`, which hold
 * personal data): removed; returns their names. Imports of one warehouse never run at once (DuckDB
 * locks the file), so any such file is a leftover.
 */
export const cleanInterruptedImport = (file: string): ReadonlyArray<string> => {
  const dir = dirname(resolve(file))
  const prefix = `${basename(file)}.rejected.csv.`
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return []
    throw e
  }
  const left = names.filter((n) => n.startsWith(prefix) && n.endsWith(".tmp"))
  for (const n of left) rmSync(join(dir, n), { force: true })
  return left
}

/** Release folders a killed publish left (`releases/.tmp-*`): removed; returns their names. */
export const cleanInterruptedPublish = (releasesDir: string): ReadonlyArray<string> => {
  let names: string[]
  try {
    names = readdirSync(releasesDir)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return []
    throw e
  }
  const left = names.filter((n) => n.startsWith(".tmp-"))
  for (const n of left) rmSync(join(releasesDir, n), { recursive: true, force: true })
  return left
}
