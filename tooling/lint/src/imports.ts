/**
 * The layout rules of issue 18 that biome cannot say:
 * - browser code (domain, planning, dashboard `src/`, the warehouse outside `src/node/`) imports no
 *   Node builtin and not `@duckdb/node-api`;
 * - a relative import never leaves its package: other packages are reached through their exports,
 *   and no package-name import reaches into another package's `src/`.
 */
import { existsSync, readFileSync } from "node:fs"
import { builtinModules } from "node:module"
import { dirname, join, relative, resolve, sep } from "node:path"

export interface Violation {
  readonly file: string
  readonly line: number
  readonly specifier: string
  readonly reason: string
}

/** Folders (repo-relative, `/`-separated) whose code must run in a browser, with their Node-only exceptions. */
export const BROWSER_CODE: ReadonlyArray<{ readonly dir: string; readonly except?: ReadonlyArray<string> }> =
  [
    { dir: "packages/csv/src/" },
    { dir: "packages/domain/src/" },
    { dir: "packages/planning/src/" },
    { dir: "packages/warehouse/src/", except: ["packages/warehouse/src/node/"] },
    { dir: "apps/dashboard/src/" },
  ]

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))

const isNodeOnly = (specifier: string): boolean =>
  specifier.startsWith("node:") ||
  NODE_BUILTINS.has(specifier) ||
  NODE_BUILTINS.has(specifier.split("/")[0]!) ||
  specifier === "@duckdb/node-api" ||
  specifier.startsWith("@duckdb/node-api/")

const IMPORT =
  /(?:^|[^\w.$])(?:import|export)\s*(?:type\s+)?(?:[\w*${},\s]+?\s+from\s+)?["']([^"']+)["']|(?:^|[^\w.$])import\s*\(\s*["']([^"']+)["']\s*\)/g

/** Every static and dynamic import specifier of a source text, with its line. */
export const importsOf = (text: string): Array<{ specifier: string; line: number }> =>
  [...text.matchAll(IMPORT)].map((m) => ({
    specifier: (m[1] ?? m[2])!,
    line: text.slice(0, m.index + m[0].length).split("\n").length,
  }))

const packageRoots = new Map<string, string | null>()
/** The nearest folder at or above `dir` (inside `root`) holding a package.json. */
const packageRootOf = (root: string, dir: string): string | null => {
  const cached = packageRoots.get(dir)
  if (cached !== undefined) return cached
  const found = existsSync(join(dir, "package.json"))
    ? dir
    : dir === root || !dir.startsWith(root)
      ? null
      : packageRootOf(root, dirname(dir))
  packageRoots.set(dir, found)
  return found
}

/** Checks `files` (repo-relative paths of .ts/.tsx/.mjs/.js sources) under `root`. */
export const checkImports = (root: string, files: ReadonlyArray<string>): Array<Violation> => {
  const out: Array<Violation> = []
  for (const file of files) {
    const posix = file.split(sep).join("/")
    const abs = resolve(root, file)
    const text = readFileSync(abs, "utf8")
    const browser = BROWSER_CODE.some(
      (b) => posix.startsWith(b.dir) && !(b.except ?? []).some((e) => posix.startsWith(e)),
    )
    const home = packageRootOf(resolve(root), dirname(abs))
    for (const { specifier, line } of importsOf(text)) {
      const at = { file: posix, line, specifier }
      if (browser && isNodeOnly(specifier))
        out.push({
          ...at,
          reason: "Node-only import in browser code (move it under src/node/ or a Node entry)",
        })
      if (specifier.startsWith(".")) {
        const target = resolve(dirname(abs), specifier.split("?")[0]!)
        const targetHome = packageRootOf(resolve(root), dirname(target))
        // The repository root is no package: its data/ files (fixtures, examples) may be read by any.
        if (home !== null && targetHome !== null && targetHome !== home && targetHome !== resolve(root))
          out.push({
            ...at,
            reason: `relative import into another package (${relative(root, targetHome)}): import it through its package exports`,
          })
      } else if (/^@lao-protect\/[^/]+\/src\//.test(specifier))
        out.push({ ...at, reason: "import reaches into another package's src/: use its package exports" })
    }
  }
  return out
}
