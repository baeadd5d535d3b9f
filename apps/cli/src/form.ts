/** `lao-protect form xlsform --out form.xlsx`: the KoboToolbox/ODK form generated from the CaseRow schema. */
import { writeFile } from "node:fs/promises"
import { parseArgs } from "node:util"
import { XlsForm } from "@lao-protect/domain"
import { writeXlsx } from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"

const usage = `usage: lao-protect form xlsform --out form.xlsx [--title TEXT] [--htcds]

  Writes an XLSForm (survey, choices, settings; English and Lao labels) built from the CaseRow
  columns and vocabularies: required fields, constraints (dates, age 0-120, case id pattern) and a
  district list filtered by province. Upload it to KoboToolbox or ODK Central; import the data
  export with \`lao-protect import-kobo <export.csv|xlsx>\`. --htcds names the questions as IOM's
  HTCDS fields (prs_Gender, vic_TypeOfExploitation, con_Consent, lao_* for what HTCDS lacks): a
  superset of IOM's form with the same names; import its exports with \`lao-protect import-htcds\`.`

const command: Command = {
  summary: "generate the XLSForm (KoboToolbox / ODK) for case records from the domain schema",
  usage,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { out: { type: "string" }, title: { type: "string" }, htcds: { type: "boolean" } },
      strict: true,
    })
    if (positionals.length !== 1 || positionals[0] !== "xlsform") throw new UsageError(usage)
    if (values.out === undefined) throw new UsageError(`--out is required\n\n${usage}`)
    const sheets = XlsForm.form({
      ...(values.title === undefined ? {} : { title: values.title }),
      ...(values.htcds ? { htcds: true } : {}),
    })
    const out = ctx.resolve(values.out)
    await writeFile(out, writeXlsx(sheets.map((s) => ({ name: s.name, rows: s.rows }))))
    const questions = sheets[0]!.rows.length - 1
    ctx.stdout.write(`form xlsform: ${questions} survey rows, version ${XlsForm.schemaVersion()} -> ${out}\n`)
    return 0
  },
}
export default command
