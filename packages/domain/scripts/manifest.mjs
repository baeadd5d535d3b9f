// prepack / postpack: `npm pack` (unlike `pnpm pack`) neither applies `publishConfig` nor resolves
// `catalog:` and `workspace:` ranges, so the manifest in the tarball is written here: entry points
// from `publishConfig.exports` (the built `dist/`, never `src/`), no devDependencies or scripts.
// The workspace manifest is kept beside it and put back by `postpack`, even after a failed pack.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs"

const manifest = new URL("../package.json", import.meta.url)
const kept = new URL("../.package.workspace.json", import.meta.url)

if (process.argv[2] === "publish") {
  if (existsSync(kept)) renameSync(kept, manifest) // a previous pack died between the two hooks
  const text = readFileSync(manifest, "utf8")
  const pkg = JSON.parse(text)
  const { publishConfig = {}, devDependencies: _dev, scripts: _scripts, ...rest } = pkg
  const { exports, ...publishRest } = publishConfig
  const out = { ...rest, ...(exports === undefined ? {} : { exports }) }
  if (Object.keys(publishRest).length > 0) out.publishConfig = publishRest
  const ranges = JSON.stringify([out.dependencies, out.peerDependencies, out.optionalDependencies])
  if (/"(catalog|workspace):/.test(ranges))
    throw new Error(`unresolved catalog:/workspace: range in ${ranges}`)
  writeFileSync(kept, text)
  writeFileSync(manifest, `${JSON.stringify(out, null, 2)}\n`)
} else if (process.argv[2] === "restore") {
  if (existsSync(kept)) renameSync(kept, manifest)
} else {
  throw new Error("usage: node scripts/manifest.mjs publish|restore")
}
