/**
 * The production dependency tree from `pnpm-lock.yaml` (lockfile v9): what every workspace package
 * needs at run time (`dependencies` and `optionalDependencies`, followed through `link:` workspace
 * packages and the lockfile's snapshots), never dev dependencies. A small reader of the lockfile's
 * regular layout, not a YAML parser: the lockfile is the source of truth, `pnpm list` dedupes
 * across packages and so cannot give the whole tree.
 */

export interface LockPackage {
  readonly name: string
  readonly version: string
  /** `os`/`cpu`/`libc` of a platform binary, e.g. `linux x64 glibc`. */
  readonly platform?: string
  readonly hasBin?: boolean
  readonly deprecated?: string
}

export interface ProductionPackage extends LockPackage {
  /** Workspace packages that need it at run time (directly or through other packages). */
  readonly usedBy: ReadonlyArray<string>
  readonly direct: boolean
}

type Deps = Map<string, string>

interface Lockfile {
  readonly importers: Map<string, { readonly prod: Deps; readonly name?: string }>
  readonly snapshots: Map<string, Deps>
  readonly packages: Map<string, LockPackage>
}

const unquote = (s: string): string => {
  const t = s.trim()
  return (t.startsWith("'") && t.endsWith("'")) || (t.startsWith('"') && t.endsWith('"')) ? t.slice(1, -1) : t
}

/** `name@version` of a key such as `'@scope/a@1.0.0(react@19.0.0)'`. */
export const splitKey = (key: string): { name: string; version: string } => {
  const bare = key.replace(/\(.*$/, "")
  const at = bare.lastIndexOf("@")
  return { name: bare.slice(0, at), version: bare.slice(at + 1) }
}

const listValue = (v: string): string =>
  v
    .replace(/^\[|\]$/g, "")
    .split(",")
    .map((x) => unquote(x))
    .filter((x) => x !== "")
    .join(" ")

export function parseLockfile(text: string): Lockfile {
  const importers: Lockfile["importers"] = new Map()
  const snapshots: Lockfile["snapshots"] = new Map()
  const packages: Lockfile["packages"] = new Map()
  let section = ""
  let top = "" // the current key at indent 2
  let group = "" // the current key at indent 4
  let dep = "" // importers: the current dependency at indent 6
  for (const raw of text.split("\n")) {
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue
    const indent = raw.length - raw.trimStart().length
    const line = raw.trim()
    const colon = line.startsWith("'") ? line.indexOf("':") + 1 : line.indexOf(":")
    const key = unquote(colon > 0 ? line.slice(0, colon) : line)
    const value = colon > 0 ? line.slice(colon + 1).trim() : ""
    if (indent === 0) {
      section = key
      continue
    }
    if (indent === 2) {
      top = key
      group = ""
      if (section === "importers") importers.set(top, { prod: new Map() })
      if (section === "snapshots") snapshots.set(top, new Map())
      if (section === "packages") packages.set(top, splitKey(top))
      continue
    }
    if (indent === 4) {
      group = key
      if (section === "packages") {
        const p = packages.get(top)!
        if (key === "hasBin") packages.set(top, { ...p, hasBin: value === "true" })
        else if (key === "deprecated") packages.set(top, { ...p, deprecated: unquote(value) })
        else if (key === "os" || key === "cpu" || key === "libc")
          packages.set(top, { ...p, platform: [p.platform, listValue(value)].filter(Boolean).join(" ") })
      }
      continue
    }
    const prodGroup = group === "dependencies" || group === "optionalDependencies"
    if (section === "importers" && prodGroup) {
      if (indent === 6) dep = key
      else if (indent === 8 && key === "version") importers.get(top)!.prod.set(dep, unquote(value))
    } else if (section === "snapshots" && prodGroup && indent === 6)
      snapshots.get(top)!.set(key, unquote(value))
  }
  return { importers, snapshots, packages }
}

/** Path `link:../../packages/x` relative to importer `apps/cli`, as an importer key. */
const linkTarget = (from: string, link: string): string => {
  const parts = from === "." ? [] : from.split("/")
  for (const seg of link.slice("link:".length).split("/")) {
    if (seg === "" || seg === ".") continue
    if (seg === "..") parts.pop()
    else parts.push(seg)
  }
  return parts.length === 0 ? "." : parts.join("/")
}

/**
 * Every package some workspace package needs at run time, sorted by name and version. `names`
 * maps importer paths to package names (from their package.json) for `usedBy`.
 */
export function productionPackages(
  text: string,
  names: ReadonlyMap<string, string> = new Map(),
): ProductionPackage[] {
  const lock = parseLockfile(text)
  const found = new Map<string, { pkg: LockPackage; usedBy: Set<string>; direct: boolean }>()
  for (const importer of lock.importers.keys()) {
    const who = names.get(importer) ?? importer
    const seenImporters = new Set<string>()
    const seenSnapshots = new Set<string>()
    const visitImporter = (path: string, direct: boolean) => {
      if (seenImporters.has(path)) return
      seenImporters.add(path)
      for (const [name, version] of lock.importers.get(path)?.prod ?? []) {
        if (version.startsWith("link:")) visitImporter(linkTarget(path, version), false)
        else visitSnapshot(`${name}@${version}`, direct && path === importer)
      }
    }
    const visitSnapshot = (key: string, direct: boolean) => {
      const { name, version } = splitKey(key)
      const id = `${name}@${version}`
      const entry = found.get(id) ?? {
        pkg: lock.packages.get(id) ?? { name, version },
        usedBy: new Set<string>(),
        direct: false,
      }
      entry.usedBy.add(who)
      if (direct) entry.direct = true
      found.set(id, entry)
      if (seenSnapshots.has(key)) return
      seenSnapshots.add(key)
      for (const [depName, depVersion] of lock.snapshots.get(key) ?? [])
        if (!depVersion.startsWith("link:")) visitSnapshot(`${depName}@${depVersion}`, false)
    }
    visitImporter(importer, true)
  }
  return [...found.values()]
    .map(({ pkg, usedBy, direct }) => ({ ...pkg, usedBy: [...usedBy].sort(), direct }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
}
