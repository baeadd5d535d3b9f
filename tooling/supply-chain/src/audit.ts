/**
 * `pnpm deps:audit`: asks the registry's advisory service about the production dependencies
 * (`pnpm audit --prod`) and records the dated outcome in docs/dependencies-audit.md, whatever it
 * is: advisories found, none, or the service not answering (the npm registry answers pnpm 10's
 * audit endpoints with HTTP 405 on the machines this project runs on: then nothing was checked,
 * and the record says so). Never fails: CI's own audit step decides what blocks.
 */
import { spawnSync } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { auditOutcome } from "./audit-outcome.ts"

const root = resolve(fileURLToPath(import.meta.url), "../../../..")
const run = spawnSync("pnpm", ["audit", "--prod", "--json"], {
  cwd: root,
  encoding: "utf8",
  timeout: 120_000,
})
const output = `${run.stdout ?? ""}${run.stderr ?? ""}`
const date = new Date().toISOString().slice(0, 10)

const outcome = auditOutcome(run.status, output)
writeFileSync(
  join(root, "docs/dependencies-audit.md"),
  [
    "# Advisory check of the production dependencies",
    "",
    "Written by `pnpm deps:audit` (`pnpm audit --prod` against the npm registry); the dependency tree",
    "itself is in [dependencies.md](dependencies.md).",
    "",
    `- ${date}: ${outcome}`,
    "",
  ].join("\n"),
)
process.stdout.write(`deps:audit: ${outcome}\n`)
