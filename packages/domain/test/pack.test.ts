/**
 * The published package works outside the workspace: build, `pnpm pack`, `npm install` the tarball
 * into a fresh Node project in the OS temp dir (effect comes from the npm registry) and decode a row
 * there with plain `node`.
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"

const packageDir = fileURLToPath(new URL("..", import.meta.url))
const work = mkdtempSync(join(tmpdir(), "lao-protect-pack-"))

afterAll(() => rmSync(work, { recursive: true, force: true }))

const run = (cmd: string, args: ReadonlyArray<string>, cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 280_000 })

const consumer = `
import { createRequire } from "node:module"
import { readFileSync } from "node:fs"
import { CaseRow, CaseStage } from "@lao-protect/domain"

const row = Object.fromEntries(CaseRow.columnNames.map((c) => [c, ""]))
Object.assign(row, {
  case_id: "AFESIP-2024/7", source: "afesip", identification_date: "2024-03-15", victim_group: "local_lao",
  sex: "female", citizenship: "LAO", exploitation_form: "sexual_exploitation", interim_care_date: "2024-03-16",
})
const ok = CaseRow.decodeCaseRowToCase(row)
const bad = CaseRow.decodeCaseRow({ ...row, sex: "F" })
const require = createRequire(import.meta.url)
const schema = JSON.parse(readFileSync(require.resolve("@lao-protect/domain/json-schema/CaseRow.schema.json"), "utf8"))
console.log(JSON.stringify({
  ok: ok._tag, stage: ok._tag === "Success" ? ok.success.currentStage : null,
  bad: bad._tag === "Failure" ? bad.failure.issues.map((i) => i.message) : [],
  transitions: CaseStage.transitions.length, schemaTitle: schema.title,
}))
`

describe("published package", () => {
  it("installs from its tarball and decodes a row with plain node", () => {
    run("pnpm", ["run", "build"], packageDir)
    run("pnpm", ["pack", "--pack-destination", work], packageDir)
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"))
    expect(tarball).toBeDefined()
    const app = join(work, "app")
    run("mkdir", ["-p", app], work)
    writeFileSync(
      join(app, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module" }),
    )
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", join(work, tarball!)], app)
    writeFileSync(join(app, "main.mjs"), consumer)
    const out = JSON.parse(run("node", ["main.mjs"], app))
    expect(out).toEqual({
      ok: "Success",
      stage: "interim_care",
      bad: ['sex: "F" is not one of female, male, non_binary, unknown'],
      transitions: expect.any(Number),
      schemaTitle: expect.stringContaining("case row"),
    })
  }, 300_000)
})
