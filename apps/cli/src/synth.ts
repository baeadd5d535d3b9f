import { parseArgs } from "node:util"
import { writeSynthCsv } from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"

const command: Command = {
  summary: "write deterministic, clearly labelled synthetic cases (CSV + .meta.json sidecar)",
  usage:
    "lao-protect synth --out file.csv [--years 2005-2024] [--cases N] [--seed S]\n" +
    "  default: realistic national volumes (85-250 a year); --cases N splits N cases over the years",
  async run(argv, ctx) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: "string" },
        years: { type: "string", default: "2005-2024" },
        cases: { type: "string" },
        seed: { type: "string", default: "1" },
      },
      strict: true,
    })
    if (!values.out) throw new UsageError("--out file.csv is required")
    const m = /^(\d{4})-(\d{4})$/.exec(values.years)
    if (!m || Number(m[1]) > Number(m[2]))
      throw new UsageError(`--years must look like 2005-2024 (got "${values.years}")`)
    const seed = Number(values.seed)
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError("--seed must be a non-negative integer")
    const cases = values.cases === undefined ? undefined : Number(values.cases)
    if (cases !== undefined && (!Number.isInteger(cases) || cases < 1))
      throw new UsageError("--cases must be a positive integer")
    const out = ctx.resolve(values.out)
    const result = await writeSynthCsv(out, {
      seed,
      fromYear: Number(m[1]),
      toYear: Number(m[2]),
      ...(cases === undefined ? {} : { cases }),
    })
    ctx.stdout.write(
      `synth: ${result.meta.cases} synthetic cases (seed ${seed}) -> ${out} in ${(result.ms / 1000).toFixed(1)} s\n`,
    )
    return 0
  },
}
export default command
