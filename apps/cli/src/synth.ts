import { parseArgs } from "node:util"
import { openWarehouse, recordSyntheticFile, writeSynthCsv } from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"

const command: Command = {
  summary: "write deterministic, clearly labelled synthetic cases (CSV + .meta.json sidecar)",
  usage:
    "lao-protect synth --out file.csv [--years 2005-2024] [--cases N] [--seed S] [--db path]\n" +
    "  default: realistic national volumes (85-250 a year); --cases N splits N cases over the years\n" +
    "  the file's checksum is recorded in the warehouse (--db): only cases imported from those exact\n" +
    "  bytes count as synthetic when publishing (ids and sidecars prove nothing)\n" +
    "lao-protect synth --partners --persons N --out-dir dir [--years 2012-2024] [--seed S]\n" +
    "  one register per partner (the same persons reported by 1-4 partners, with noise) + truth.csv",
  async run(argv, ctx) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        out: { type: "string" },
        years: { type: "string", default: "2005-2024" },
        cases: { type: "string" },
        seed: { type: "string", default: "1" },
        partners: { type: "boolean", default: false },
        persons: { type: "string" },
        "out-dir": { type: "string" },
        db: { type: "string" },
      },
      strict: true,
    })
    if (values.partners) {
      const persons = Number(values.persons)
      if (!values["out-dir"] || !Number.isInteger(persons) || persons < 1)
        throw new UsageError("--partners needs --persons N (a positive integer) and --out-dir dir")
      const y = /^(\d{4})-(\d{4})$/.exec(values.years)
      if (!y) throw new UsageError(`--years must look like 2012-2024 (got "${values.years}")`)
      const { writePartnerFiles } = await import("./synth-partners.ts")
      const r = await writePartnerFiles(ctx.resolve(values["out-dir"]), {
        seed: Number(values.seed),
        persons,
        fromYear: Number(y[1]),
        toYear: Number(y[2]),
      })
      ctx.stdout.write(
        `synth: ${persons} persons, ${r.records} partner records in ${r.files.length} files + truth.csv\n`,
      )
      return 0
    }
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
    const dbPath = values.db ? ctx.resolve(values.db) : ctx.defaultDb
    const db = await openWarehouse(dbPath)
    try {
      await recordSyntheticFile(db, result)
    } finally {
      await db.close()
    }
    ctx.stdout.write(
      `synth: ${result.meta.cases} synthetic cases (seed ${seed}) -> ${out} in ${(result.ms / 1000).toFixed(1)} s; ` +
        `recorded as synthetic in ${dbPath}\n`,
    )
    return 0
  },
}
export default command
