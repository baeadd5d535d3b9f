/**
 * The published package works outside the workspace, the way a partner installs it:
 * - `npm pack` and `pnpm pack` both give a tarball whose manifest has no `catalog:` or `workspace:`
 *   range, `effect` as a peer dependency with a range, and entry points that exist in the tarball
 *   (the built `dist/` with declarations; no `src/`);
 * - installed into a plain npm project that already depends on a later 4.x `effect`, there is one
 *   copy of effect, and the partner's own `Schema.decodeUnknownSync` decodes a CaseRow;
 * - the package loads with code generation from strings disallowed (what a strict CSP does);
 * - the partner's TypeScript type-checks a file using the declarations.
 * Needs the npm registry (effect) or the local npm cache.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const packageDir = fileURLToPath(new URL("..", import.meta.url))
const work = mkdtempSync(join(tmpdir(), "lao-protect-pack-"))
const PARTNER_EFFECT = "4.1.5"

afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000)

const run = (cmd: string, args: ReadonlyArray<string>, cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 280_000 })

const tarballs: Record<"npm" | "pnpm", string> = { npm: "", pnpm: "" }

beforeAll(() => {
  run("pnpm", ["run", "build"], packageDir)
  for (const tool of ["npm", "pnpm"] as const) {
    const dir = join(work, tool)
    mkdirSync(dir)
    run(tool, ["pack", "--pack-destination", dir], packageDir)
    tarballs[tool] = join(dir, readdirSync(dir).find((f) => f.endsWith(".tgz"))!)
  }
}, 300_000)

const listing = (tarball: string) =>
  run("tar", ["-tzf", tarball], work)
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => l.replace(/^package\//, ""))
const manifestOf = (tarball: string) =>
  JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], work)) as Record<string, unknown>

const entryFiles = (exports: unknown): Array<string> =>
  typeof exports === "string"
    ? [exports]
    : typeof exports === "object" && exports !== null
      ? Object.values(exports).flatMap(entryFiles)
      : []

describe("tarball", () => {
  for (const tool of ["npm", "pnpm"] as const) {
    it(`${tool} pack: resolved ranges, effect as peer, entry points inside, no src`, () => {
      const manifest = manifestOf(tarballs[tool])
      expect(JSON.stringify(manifest)).not.toMatch(/"(catalog|workspace):/)
      expect(manifest.peerDependencies).toEqual({ effect: "^4.1" })
      expect(manifest.dependencies ?? {}).not.toHaveProperty("effect")
      expect(manifest.sideEffects).toBe(false)
      const files = listing(tarballs[tool])
      expect(files.some((f) => f.startsWith("src/"))).toBe(false)
      expect(files).toContain("LICENSE")
      expect(files).toContain("dist/index.d.ts")
      for (const entry of entryFiles(manifest.exports)) {
        expect(entry, entry).not.toMatch(/src\//)
        if (!entry.includes("*")) expect(files, entry).toContain(entry.replace(/^\.\//, ""))
      }
      for (const f of files.filter((f) => f.endsWith(".d.ts")))
        expect(run("tar", ["-xzOf", tarballs[tool], `package/${f}`], work), f).not.toMatch(
          /from "\.[^"]*\.ts"/,
        )
    })
  }
})

const partnerCode = `
import { Schema } from "effect"
import { CaseRow, CaseStage } from "@lao-protect/domain"

const row: Record<string, string> = Object.fromEntries(CaseRow.columnNames.map((c) => [c, ""]))
Object.assign(row, {
  case_id: "AFESIP-2024/7", source: "afesip", identification_date: "2024-03-15", victim_group: "local_lao",
  sex: "female", age_years: "24", citizenship: "LAO", exploitation_form: "sexual_exploitation",
  interim_care_date: "2024-03-16",
})
const decoded: CaseRow.CaseRow = Schema.decodeUnknownSync(CaseRow.CaseRow)(row)
const bad = CaseRow.decodeCaseRow({ ...row, age_years: "", return_date: "2024-04-01" })
const moved = CaseStage.transition(
  { history: [CaseStage.start("2024-03-15" as never)], child: undefined },
  "return_reception",
  { date: "2024-04-01" as never },
)
console.log(JSON.stringify({
  caseId: decoded.case_id,
  bad: bad._tag === "Failure" ? bad.failure.issues.map((i) => i.path) : [],
  moved: moved._tag === "Failure" ? moved.failure._tag : "moved",
}))
`

describe("a partner's npm project with a later effect 4.x", () => {
  it("installs the tarball with one copy of effect and decodes with its own Schema", () => {
    const app = join(work, "app")
    mkdirSync(app)
    writeFileSync(
      join(app, "package.json"),
      JSON.stringify({ name: "partner-app", private: true, type: "module" }),
    )
    const npm = ["install", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline"]
    run("npm", [...npm, `effect@${PARTNER_EFFECT}`], app)
    run("npm", [...npm, tarballs.npm], app)
    expect(existsSync(join(app, "node_modules/@lao-protect/domain/node_modules/effect"))).toBe(false)
    const effectVersion = JSON.parse(
      readFileSync(join(app, "node_modules/effect/package.json"), "utf8"),
    ).version
    expect(effectVersion).toBe(PARTNER_EFFECT)

    // plain JavaScript: strip the two type annotations
    const js = partnerCode
      .replace(": Record<string, string>", "")
      .replace(": CaseRow.CaseRow", "")
      .replaceAll(" as never", "")
    writeFileSync(join(app, "main.mjs"), js)
    // --disallow-code-generation-from-strings: eval and new Function throw, as under a strict CSP
    const out = JSON.parse(run("node", ["--disallow-code-generation-from-strings", "main.mjs"], app))
    expect(out).toEqual({
      caseId: "AFESIP-2024/7",
      bad: ["bid_date"],
      moved: "BestInterestDeterminationRequired",
    })

    // the declarations type-check in the partner's TypeScript project
    writeFileSync(join(app, "main.ts"), partnerCode)
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
          lib: ["ES2023", "DOM"],
        },
        files: ["main.ts"],
      }),
    )
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
    expect(run("node", [tsc, "-p", "tsconfig.json"], app)).toBe("")
  }, 300_000)
})
