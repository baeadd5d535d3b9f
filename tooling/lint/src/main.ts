/** `pnpm lint`'s layout check: prints each violation as file:line and exits 1 when there is one. */
import { execFileSync } from "node:child_process"
import { resolve } from "node:path"
import { checkCatches } from "./catches.ts"
import { checkImports } from "./imports.ts"

const root = resolve(process.argv[2] ?? ".")
const files = execFileSync(
  "git",
  ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts", "*.tsx", "*.mjs", "*.js"],
  {
    cwd: root,
    encoding: "utf8",
  },
)
  .split("\n")
  // The rules' own tests hold planted violations as text.
  .filter(
    (f) =>
      f !== "" &&
      !f.includes("node_modules/") &&
      !f.includes("/dist/") &&
      !f.startsWith("tooling/lint/test/"),
  )
const violations = [...checkImports(root, files), ...checkCatches(root, files)]
for (const v of violations) console.error(`${v.file}:${v.line}: "${v.specifier}": ${v.reason}`)
if (violations.length > 0) {
  console.error(`layout: ${violations.length} rule violation(s)`)
  process.exit(1)
}
console.log(
  `layout: ${files.length} files, imports follow the layout rules, no error swallowed without a reason`,
)
