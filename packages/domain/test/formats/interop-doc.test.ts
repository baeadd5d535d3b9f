/** docs/interop.md renders the crosswalk tables: fail when the code and the document disagree. */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as Ctdc from "../../src/formats/Ctdc.ts"
import * as Htcds from "../../src/formats/Htcds.ts"

// Table cells may be padded by the formatter: compare with runs of spaces collapsed.
const doc = readFileSync(join(import.meta.dirname, "../../../../docs/interop.md"), "utf8").replace(/ +/g, " ")
const has = (row: string) => expect(doc).toContain(row.replace(/ +/g, " "))
const c = (s: string | null) => (s === null ? "—" : `\`${s}\``)

describe("docs/interop.md", () => {
  it("has every HTCDS crosswalk row as in the code", () => {
    for (const r of Htcds.crosswalk)
      has(`| \`${r.column}\` | ${c(r.htcds)} | ${c(r.extension)} | ${r.note} |`)
  })

  it("has every HTCDS value map row as in the code", () => {
    for (const [k, v] of Object.entries(Htcds.sexToGender)) has(`| \`${k}\` | \`${v}\` |`)
    for (const [k, v] of Object.entries(Htcds.formToType)) has(`| \`${k}\` | \`${v}\` |`)
    for (const [k, v] of Object.entries(Htcds.meansToMethod)) has(`| \`${k}\` | \`${v}\` |`)
    for (const [k, v] of Object.entries(Htcds.industryToIsic))
      has(`| \`${k}\` | ${v === "" ? "(empty)" : `\`${v}\``} |`)
  })

  it("has every CTDC flag row as in the code", () => {
    for (const [k, v] of Object.entries(Ctdc.meansCrosswalk))
      has(`| \`${k}\` | ${v.length ? v.map((x) => `\`${x}\``).join(", ") : "—"} |`)
    for (const [k, v] of Object.entries(Ctdc.exploitCrosswalk))
      has(`| \`${k}\` | ${v.map((x) => `\`${x}\``).join(", ")} |`)
  })
})
