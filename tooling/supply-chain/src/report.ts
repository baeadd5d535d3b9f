/**
 * `docs/dependencies.md`: the production dependency tree with versions and licences, written from
 * the lockfile (licences from the installed packages' package.json, which the lockfile does not
 * carry). Deterministic: no date, so a test can regenerate it and compare.
 */
import { createHash } from "node:crypto"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { type ProductionPackage, productionPackages } from "./lockfile.ts"

export const REPORT_PATH = "docs/dependencies.md"

/** Workspace importer path -> package name, from each importer's package.json. */
export function workspaceNames(root: string, importers: ReadonlyArray<string>): Map<string, string> {
  const out = new Map<string, string>()
  for (const path of importers) {
    const file = join(root, path, "package.json")
    if (existsSync(file)) out.set(path, (JSON.parse(readFileSync(file, "utf8")) as { name: string }).name)
  }
  return out
}

const importerPaths = (lock: string): string[] => {
  const section = /^importers:\n([\s\S]*?)^\S/m.exec(lock)?.[1] ?? ""
  return [...section.matchAll(/^ {2}(\S[^:]*):\s*$/gm)].map((m) => m[1]!.replace(/^'|'$/g, ""))
}

/** The licence an installed package declares, or undefined when it is not installed here. */
export function licenceOf(
  root: string,
  store: ReadonlyArray<string>,
  name: string,
  version: string,
): string | undefined {
  const prefix = `${name.replace("/", "+")}@${version}`
  const dir = store.find((d) => d === prefix || d.startsWith(`${prefix}_`))
  if (!dir) return undefined
  const file = join(root, "node_modules/.pnpm", dir, "node_modules", name, "package.json")
  if (!existsSync(file)) return undefined
  const pkg = JSON.parse(readFileSync(file, "utf8")) as {
    license?: string | { type?: string }
    licenses?: Array<{ type?: string }>
  }
  if (typeof pkg.license === "string") return pkg.license
  if (pkg.license?.type) return pkg.license.type
  if (pkg.licenses) return pkg.licenses.map((l) => l.type ?? "?").join(" OR ")
  return "none declared"
}

const cell = (s: string) => s.replaceAll("|", "\\|")

export function renderReport(root: string, lock: string): string {
  const names = workspaceNames(root, importerPaths(lock))
  const packages: ProductionPackage[] = productionPackages(lock, names)
  const storeDir = join(root, "node_modules/.pnpm")
  const store = existsSync(storeDir) ? readdirSync(storeDir) : []
  // A platform binary is installed only on its platform: its licence would make the report differ
  // between machines, so it is listed under the package that pulls it in.
  const rows = packages.map((p) => ({
    ...p,
    licence: p.platform
      ? "platform binary (its parent's licence)"
      : (licenceOf(root, store, p.name, p.version) ?? "(not installed)"),
  }))
  const byLicence = new Map<string, number>()
  for (const r of rows) byLicence.set(r.licence, (byLicence.get(r.licence) ?? 0) + 1)
  const sha = createHash("sha256").update(lock).digest("hex")
  const lines = [
    "# Production dependencies",
    "",
    "Generated from `pnpm-lock.yaml` by `pnpm deps:report` (tooling/supply-chain); do not edit by hand.",
    "`pnpm check:generated` and `tooling/supply-chain/test/report.test.ts` fail when it no longer matches the lockfile.",
    "",
    `Lockfile SHA-256: \`${sha}\``,
    "",
    `${rows.length} packages (${rows.filter((r) => r.direct).length} direct) that the workspace packages need at run time:`,
    "dependencies and optional dependencies, followed through workspace links; development tools are not listed.",
    "",
    "| Licence | Packages |",
    "| --- | --- |",
    ...[...byLicence]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([licence, n]) => `| ${cell(licence)} | ${n} |`),
    "",
    "| Package | Version | Licence | Direct | Platform | Needed by |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| \`${r.name}\` | ${r.version} | ${cell(r.licence)} | ${r.direct ? "yes" : ""} | ${r.platform ?? ""} | ${r.usedBy.join(", ")} |`,
    ),
    "",
  ]
  const deprecated = rows.filter((r) => r.deprecated)
  if (deprecated.length > 0)
    lines.push(
      "## Deprecated in the lockfile",
      "",
      ...deprecated.map((r) => `- \`${r.name}@${r.version}\`: ${r.deprecated}`),
      "",
    )
  return lines.join("\n")
}
