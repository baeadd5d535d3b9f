import { readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { auditOutcome } from "../src/audit-outcome.ts"
import { productionPackages, splitKey } from "../src/lockfile.ts"
import { REPORT_PATH, renderReport } from "../src/report.ts"

const root = resolve(fileURLToPath(import.meta.url), "../../../..")
const lockfile = () => readFileSync(join(root, "pnpm-lock.yaml"), "utf8")

describe("the committed dependency report", () => {
  it("matches pnpm-lock.yaml (regenerate with pnpm deps:report)", () => {
    expect(readFileSync(join(root, REPORT_PATH), "utf8")).toBe(renderReport(root, lockfile()))
  })

  it("changes when the lockfile changes, so a stale report cannot pass", () => {
    const bumped = lockfile().replace(/^( {2}effect@)4\.1\.0:/m, "$14.1.1:")
    expect(bumped).not.toBe(lockfile())
    expect(renderReport(root, bumped)).not.toBe(renderReport(root, lockfile()))
  })

  it("lists what the packages run with, not their development tools", () => {
    const names = productionPackages(lockfile()).map((p) => p.name)
    expect(names).toEqual(expect.arrayContaining(["effect", "@duckdb/node-api", "apache-arrow", "react"]))
    expect(names).not.toContain("vitest")
    expect(names).not.toContain("@biomejs/biome")
    expect(names).not.toContain("typescript")
  })
})

const SMALL = `lockfileVersion: '9.0'

importers:

  apps/x:
    dependencies:
      '@s/a':
        specifier: ^1.0.0
        version: 1.0.0
      y:
        specifier: workspace:*
        version: link:../../packages/y
    devDependencies:
      d:
        specifier: 1.0.0
        version: 1.0.0

  packages/y:
    dependencies:
      b:
        specifier: 2.0.0
        version: 2.0.0(@s/a@1.0.0)
    optionalDependencies:
      p:
        specifier: 1.0.0
        version: 1.0.0

packages:

  '@s/a@1.0.0':
    resolution: {integrity: sha512-x}

  b@2.0.0:
    resolution: {integrity: sha512-x}
    deprecated: use c instead

  c@3.0.0:
    resolution: {integrity: sha512-x}
    hasBin: true

  d@1.0.0:
    resolution: {integrity: sha512-x}

  p@1.0.0:
    resolution: {integrity: sha512-x}
    cpu: [x64]
    os: [linux]

snapshots:

  '@s/a@1.0.0': {}

  b@2.0.0(@s/a@1.0.0):
    dependencies:
      '@s/a': 1.0.0
      c: 3.0.0

  c@3.0.0: {}

  d@1.0.0: {}

  p@1.0.0: {}
`

describe("reading a lockfile", () => {
  it("follows workspace links and snapshots, keeps optional platform binaries, drops dev dependencies", () => {
    const names = new Map([
      ["apps/x", "x"],
      ["packages/y", "y"],
    ])
    const got = productionPackages(SMALL, names)
    expect(got.map((p) => `${p.name}@${p.version}`)).toEqual(["@s/a@1.0.0", "b@2.0.0", "c@3.0.0", "p@1.0.0"])
    const by = Object.fromEntries(got.map((p) => [p.name, p]))
    expect(by["@s/a"]).toMatchObject({ direct: true, usedBy: ["x", "y"] })
    expect(by.b).toMatchObject({ direct: true, usedBy: ["x", "y"], deprecated: "use c instead" })
    expect(by.c).toMatchObject({ direct: false, hasBin: true })
    expect(by.p).toMatchObject({ platform: "x64 linux", usedBy: ["x", "y"] })
  })

  it("splits scoped keys with peer suffixes", () => {
    expect(splitKey("@s/a@1.0.0(react@19.0.0)")).toEqual({ name: "@s/a", version: "1.0.0" })
  })
})

describe("the advisory record", () => {
  it("says plainly when nothing was checked", () => {
    const refused =
      " ERR_PNPM_AUDIT_BAD_RESPONSE  The audit endpoint (at https://registry.npmjs.org/-/npm/v1/security/audits/quick) responded with 405: "
    expect(auditOutcome(1, refused)).toBe(
      "The advisory service did not answer (HTTP 405): advisories were NOT checked.",
    )
  })

  it("counts advisories by severity, or says there are none", () => {
    const none = { metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0 } } }
    expect(auditOutcome(0, JSON.stringify(none))).toBe(
      "No known advisory affects the production dependencies.",
    )
    const some = { metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 2, critical: 0 } } }
    expect(auditOutcome(1, JSON.stringify(some))).toMatch(/^Advisories found: 1 low, 2 high/)
  })
})

describe("the policy the README states", () => {
  it("install scripts run only for the listed development tools, and CI installs the frozen lockfile", () => {
    const workspace = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")
    const built = /^onlyBuiltDependencies:\n((?: {2}- .*\n?)*)/m
      .exec(workspace)?.[1]
      ?.split("\n")
      .map((l) => l.replace(/^ {2}- /, "").replace(/^"|"$/g, ""))
      .filter(Boolean)
    // Adding one is a decision: name it in the README's Supply chain section too.
    expect(built).toEqual(["@biomejs/biome", "esbuild"])
    const readme = readFileSync(join(root, "README.md"), "utf8")
    for (const name of built ?? []) expect(readme).toContain(`\`${name}\``)
    expect(readFileSync(join(root, ".ci/run"), "utf8")).toMatch(/pnpm install --frozen-lockfile/)
  })
})
