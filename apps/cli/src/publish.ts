import { join } from "node:path"
import { parseArgs } from "node:util"
import {
  BudgetExceeded,
  DEFAULT_DP_BUDGET,
  openWarehouse,
  publish,
  type Tier,
} from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"
import { plannersTables } from "./planning-tables.ts"

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
    "                    [--dp --epsilon 1.0 [--budget 3] [--force-budget] [--ledger data/warehouse/privacy-ledger.json]]\n" +
    "  planners: includes facts (de-identified microdata-equivalent); public: suppressed aggregates only\n" +
    "  --dp: differentially private public release (geometric noise, see docs/privacy.md); each release's\n" +
    `        epsilon is added to the ledger and publish refuses past --budget (default ${DEFAULT_DP_BUDGET})`,
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
        dp: { type: "boolean", default: false },
        epsilon: { type: "string" },
        budget: { type: "string" },
        "force-budget": { type: "boolean", default: false },
        ledger: { type: "string" },
      },
      strict: true,
    })
    if (values.tier !== "planners" && values.tier !== "public")
      throw new UsageError("--tier must be planners or public")
    const epsilon = values.epsilon === undefined ? undefined : Number(values.epsilon)
    if (values.dp && (epsilon === undefined || !(epsilon > 0) || !Number.isFinite(epsilon)))
      throw new UsageError("--dp needs --epsilon, a positive number (e.g. 1.0)")
    if (!values.dp && (epsilon !== undefined || values.budget !== undefined || values["force-budget"]))
      throw new UsageError("--epsilon, --budget and --force-budget only apply with --dp")
    const budget = values.budget === undefined ? undefined : Number(values.budget)
    if (budget !== undefined && !(budget > 0)) throw new UsageError("--budget must be a positive number")
    if (values.dp && argv.includes("--tier") && values.tier !== "public")
      throw new UsageError("--dp releases are public tier (the planners' facts cube is exact)")
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
        tier: values.dp ? "public" : (values.tier as Tier),
        plannersTables,
        ...(values.dp && epsilon !== undefined
          ? {
              dp: {
                epsilon,
                ...(budget === undefined ? {} : { budget }),
                forceBudget: values["force-budget"],
                ...(values.ledger ? { ledgerFile: ctx.resolve(values.ledger) } : {}),
              },
            }
          : {}),
      })
      ctx.stdout.write(
        `publish: release ${release} (${manifest.counts.cases} cases, ${manifest.suppressedCells} suppressed cells, ` +
          `tier ${manifest.tier}${manifest.synthetic ? ", SYNTHETIC" : ""}) -> ${dir}\n`,
      )
      for (const d of manifest.decisions) ctx.stdout.write(`publish: ${d.sentence}\n`)
      if (manifest.tier === "planners")
        ctx.stdout.write(
          "publish: facts.arrow is de-identified microdata-equivalent: share with planners only\n",
        )
      if (manifest.dp) ctx.stdout.write(`publish: differentially private, epsilon ${manifest.dp.epsilon}\n`)
      return 0
    } catch (e) {
      if (e instanceof BudgetExceeded) {
        ctx.stderr.write(`publish refused: ${e.message}\n`)
        return 1
      }
      throw e
    } finally {
      await warehouse.close()
    }
  },
}
export default command
