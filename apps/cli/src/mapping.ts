/**
 * `lao-protect mapping suggest <file> [--out mapping.json]`: a starting mapping file from the
 * file's headers and the distinct values it holds (see the warehouse's suggest-mapping.ts). Values
 * no code, label or place matches are written with an empty code and listed for the user to fill.
 */
import { existsSync, writeFileSync } from "node:fs"
import { parseArgs } from "node:util"
import { domainModel, suggestMapping } from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"

const usage = `usage: lao-protect mapping suggest <file> [--sheet NAME] [--out mapping.json] [--force]

  Writes a mapping file for \`lao-protect import --mapping\`: "columns" (your header -> CaseRow
  column), "values" (your value word -> code, per column; matched ignoring case and spaces, Lao
  script included) and "set" (a value for required columns your file does not have). Words it could
  not match have an empty code: fill them in before importing. Default --out: <file>.mapping.json`

const command: Command = {
  summary: "suggest a mapping file (headers and value words) for a partner's sheet",
  usage,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { sheet: { type: "string" }, out: { type: "string" }, force: { type: "boolean" } },
      strict: true,
    })
    const [verb, input] = positionals
    if (verb !== "suggest" || input === undefined || positionals.length !== 2) throw new UsageError(usage)
    const file = ctx.resolve(input)
    if (!existsSync(file)) throw new UsageError(`file not found: ${input}`)
    const out = ctx.resolve(values.out ?? `${input}.mapping.json`)
    if (existsSync(out) && !values.force)
      throw new UsageError(`${out} exists: give --force to overwrite it or --out another file`)
    const s = suggestMapping(file, domainModel(), values.sheet)
    writeFileSync(out, `${JSON.stringify(s.mapping, null, 2)}\n`)
    const w = ctx.stdout
    w.write(`mapping written to ${out}\n`)
    w.write(`columns matched: ${Object.keys(s.mapping.columns).length}\n`)
    if (s.ignored.length > 0) w.write(`headers not used: ${s.ignored.join(", ")}\n`)
    if (s.missingRequired.length > 0)
      w.write(`required columns missing (fill "set" or add them): ${s.missingRequired.join(", ")}\n`)
    const unmatched = Object.entries(s.unmatched)
    if (unmatched.length === 0) w.write("every value word matched a code\n")
    else {
      w.write('values to fill in under "values" (empty codes):\n')
      for (const [column, words] of unmatched)
        w.write(`  ${column}: ${words.map((x) => `"${x}"`).join(", ")}\n`)
    }
    return 0
  },
}
export default command
