// tsc rewrites `./x.ts` imports to `./x.js` in the emitted JavaScript but not in declarations:
// a partner's TypeScript would then look for `.ts` files the package does not ship.
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".d.ts") ? [join(dir, e.name)] : [],
  )
for (const file of walk(new URL("../dist", import.meta.url).pathname)) {
  const text = readFileSync(file, "utf8")
  const fixed = text.replace(/((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']+)\.ts(["'])/g, "$1$2.js$3")
  if (fixed !== text) writeFileSync(file, fixed)
}
