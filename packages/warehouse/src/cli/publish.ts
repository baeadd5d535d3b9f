import { join } from "node:path"
import { parseArgs } from "node:util"
import { openWarehouse } from "../node/NodeConnector.ts"
import { publish, type Tier } from "../publish/publish.ts"
import { type Command, UsageError } from "./command.ts"

const positive = (name: string, v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`)
  return n
}

const command: Command = {
  summary: "write a de-identified, suppressed release to data/published and switch current.json",
  usage:
    "lao-protect publish [--db path] [--out data/published] [--threshold 10] [--flow-threshold 5]\n" +
    "                    [--tier planners|public] [--key-file data/warehouse/publish.key]\n" +
    "  planners: includes facts (de-identified microdata-equivalent); public: suppressed aggregates only",
  async run(argv, ctx) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        db: { type: "string" },
        out: { type: "string" },
        threshold: { type: "string", default: "10" },
        "flow-threshold": { type: "string", default: "5" },
        tier: { type: "string", default: "planners" },
        "key-file": { type: "string" },
      },
      strict: true,
    })
    if (values.tier !== "planners" && values.tier !== "public")
      throw new UsageError("--tier must be planners or public")
    const db = values.db ? ctx.resolve(values.db) : ctx.defaultDb
    const warehouse = await openWarehouse(db)
    try {
      const { release, dir, manifest } = await publish({
        warehouse,
        out: values.out ? ctx.resolve(values.out) : join(ctx.repoRoot, "data/published"),
        keyFile: values["key-file"]
          ? ctx.resolve(values["key-file"])
          : join(ctx.repoRoot, "data/warehouse/publish.key"),
        threshold: positive("threshold", values.threshold),
        flowThreshold: positive("flow-threshold", values["flow-threshold"]),
        tier: values.tier as Tier,
      })
      ctx.stdout.write(
        `publish: release ${release} (${manifest.counts.cases} cases, ${manifest.suppressedCells} suppressed cells, ` +
          `tier ${manifest.tier}${manifest.synthetic ? ", SYNTHETIC" : ""}) -> ${dir}\n`,
      )
      if (manifest.tier === "planners")
        ctx.stdout.write(
          "publish: facts.arrow is de-identified microdata-equivalent: share with planners only\n",
        )
      return 0
    } finally {
      await warehouse.close()
    }
  },
}
export default command
