/** `pnpm deps:report` writes docs/dependencies.md; `--check` exits 1 when the committed one is stale. */
import { readFileSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { REPORT_PATH, renderReport } from "./report.ts"

const root = resolve(fileURLToPath(import.meta.url), "../../../..")
const report = renderReport(root, readFileSync(join(root, "pnpm-lock.yaml"), "utf8"))
const target = join(root, REPORT_PATH)
if (process.argv.includes("--check")) {
  let committed = ""
  try {
    committed = readFileSync(target, "utf8")
  } catch {
    committed = ""
  }
  if (committed !== report) {
    process.stderr.write(`${REPORT_PATH} does not match pnpm-lock.yaml: run pnpm deps:report and commit it\n`)
    process.exit(1)
  }
  process.stdout.write(`${REPORT_PATH} matches pnpm-lock.yaml\n`)
} else {
  writeFileSync(target, report)
  process.stdout.write(`wrote ${REPORT_PATH}\n`)
}
