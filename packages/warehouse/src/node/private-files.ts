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
  createReadStream,
  createWriteStream,
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
  // Each way may be refused by the file system (no symlinks on some mounts, no hard links across
  // devices): the next is tried, and the copy's own error is the one reported.
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

/**
 * When `file` mixes CRLF and bare LF line ends, a copy with LF ends only (owner-only, in
 * `scratchDir`); otherwise null. Streams, so memory stays flat for large files.
 */
export const lfCopyIfMixed = async (file: string, scratchDir: string): Promise<LiteralPath | null> => {
  let crlf = false
  let lf = false
  let prev = -1
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) {
      if ((i > 0 ? b[i - 1] : prev) === 13) crlf = true
      else lf = true
    }
    prev = b[b.length - 1] ?? prev
    if (crlf && lf) break
  }
  if (!(crlf && lf)) return null
  ensurePrivateDir(scratchDir)
  const path = join(scratchDir, `lf-${randomUUID()}${extname(file).replace(GLOB_CHARACTERS, "") || ".csv"}`)
  const out = createWriteStream(path, { mode: 0o600 })
  let carryCr = false
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    let text = (chunk as Buffer).toString("latin1")
    if (carryCr) text = `\r${text}`
    carryCr = text.endsWith("\r")
    if (carryCr) text = text.slice(0, -1)
    if (!out.write(Buffer.from(text.replaceAll("\r\n", "\n"), "latin1")))
      await new Promise<void>((ok) => out.once("drain", ok))
  }
  if (carryCr) out.write(Buffer.from("\r", "latin1"))
  await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())))
  return { path, release: () => rmSync(path, { force: true }) }
}
