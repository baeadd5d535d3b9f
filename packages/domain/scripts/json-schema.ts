/**
 * Writes the JSON Schemas of Case and CaseRow to json-schema/. With `--check`, regenerates in
 * memory and fails when the committed files differ (CI: `turbo run check:generated`).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { jsonSchemas } from "../src/internal/jsonSchema.ts"

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "json-schema")
const check = process.argv.includes("--check")
let drift = 0

for (const [name, document] of Object.entries(jsonSchemas())) {
  const file = join(outDir, `${name}.schema.json`)
  const text = `${JSON.stringify(document, null, 2)}\n`
  if (check) {
    const committed = existsSync(file) ? readFileSync(file, "utf8") : ""
    if (committed !== text) {
      drift++
      console.error(`${file} is out of date: run pnpm --filter @lao-protect/domain json-schema`)
    }
  } else {
    writeFileSync(file, text)
    console.log(`wrote ${file}`)
  }
}
if (drift > 0) process.exit(1)
