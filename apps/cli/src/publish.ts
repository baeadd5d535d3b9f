import { join } from "node:path"
import { parseArgs } from "node:util"
import {
  BudgetExceeded,
  DEFAULT_DP_BUDGET,
  DifferencingRisk,
  EPSILON_RANGE,
  LedgerError,
  openWarehouse,
  publish,
  type Tier,
} from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"
import { estimateTables, plannersTables } from "./planning-tables.ts"

const positive = (name: string, v: string) => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`)
  return n
}

const command: Command = {
  summary: "write a de-identified, suppressed release to data/published and switch current.json",
  usage:
    "lao-protect publish [--db path] [--out data/published] [--threshold 10] [--flow-threshold 5]\n" +
    "                    [--tier planners|public] [--key-file data/warehouse/publish.key] [--confirm-threshold]\n" +
    "                    [--allow-differencing]\n" +
    "                    [--dp --epsilon 1.0 [--budget 3] [--force-budget] [--ledger data/warehouse/privacy-ledger.json]]\n" +
    "  planners: includes facts (de-identified microdata-equivalent); public: suppressed aggregates only\n" +
    "  public: held when a published cell changed by fewer than --threshold cases since an earlier public\n" +
    "        release (the difference would single those cases out); --allow-differencing publishes anyway\n" +
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
        "confirm-threshold": { type: "boolean", default: false },
        "allow-differencing": { type: "boolean", default: false },
      },
      strict: true,
    })
    if (values.tier !== "planners" && values.tier !== "public")
      throw new UsageError("--tier must be planners or public")
    const epsilon = values.epsilon === undefined ? undefined : Number(values.epsilon)
    if (values.dp && epsilon === undefined) throw new UsageError("--dp needs --epsilon (e.g. 1.0)")
    if (values.dp && epsilon !== undefined && !(epsilon >= EPSILON_RANGE[0] && epsilon <= EPSILON_RANGE[1]))
      throw new UsageError(
        `--epsilon must be between ${EPSILON_RANGE[0]} and ${EPSILON_RANGE[1]} (got ${values.epsilon}); 0.5-2 is usual`,
      )
    if (values.dp && argv.some((a) => a.startsWith("--threshold") || a.startsWith("--flow-threshold")))
      throw new UsageError(
        "--threshold and --flow-threshold do not apply with --dp: the noise protects, nothing is suppressed",
      )
    const threshold = positive("threshold", values.threshold)
    if (!values.dp && values.tier === "public" && threshold < 5 && !values["confirm-threshold"])
      throw new UsageError(
        `--threshold ${threshold} is below 5 for a public release: cells of 1-4 cases can identify people. ` +
          "If this was agreed (it is recorded in the manifest), repeat with --confirm-threshold",
      )
    if (!values.dp && (epsilon !== undefined || values.budget !== undefined || values["force-budget"]))
      throw new UsageError("--epsilon, --budget and --force-budget only apply with --dp")
    const budget = values.budget === undefined ? undefined : Number(values.budget)
    if (budget !== undefined && !(budget > 0)) throw new UsageError("--budget must be a positive number")
    if (values.dp && argv.includes("--tier") && values.tier !== "public")
      throw new UsageError("--dp releases are public tier (the planners' facts cube is exact)")
    const db = values.db ? ctx.resolve(values.db) : ctx.defaultDb
    const out = values.out ? ctx.resolve(values.out) : join(ctx.repoRoot, "data/published")
    const warehouse = await openWarehouse(db, { access: { directories: [out] } })
    try {
      const { release, dir, manifest, cleanedUp, differencing } = await publish({
        warehouse,
        out,
        keyFile: values["key-file"]
          ? ctx.resolve(values["key-file"])
          : join(ctx.repoRoot, "data/warehouse/publish.key"),
        threshold,
        flowThreshold: positive("flow-threshold", values["flow-threshold"]),
        tier: values.dp ? "public" : (values.tier as Tier),
        plannersTables,
        estimateTables,
        allowDifferencing: values["allow-differencing"],
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
      if (cleanedUp)
        ctx.stdout.write(
          `publish: removed ${cleanedUp.length} folder${cleanedUp.length === 1 ? "" : "s"} an interrupted publish left in releases/ (${cleanedUp.join(", ")})\n`,
        )
      ctx.stdout.write(
        `publish: release ${release} (${manifest.counts.cases} cases, ${manifest.suppressedCells} suppressed cells, ` +
          `tier ${manifest.tier}${manifest.synthetic ? ", SYNTHETIC" : ""}) -> ${dir}\n`,
      )
      for (const d of manifest.decisions) ctx.stdout.write(`publish: ${d.sentence}\n`)
      if (manifest.tier === "planners")
        ctx.stdout.write(
          "publish: facts.arrow is de-identified microdata-equivalent: share with planners only\n",
        )
      if (!manifest.synthetic && manifest.tier === "planners")
        ctx.stdout.write(
          "publish: this release holds real data: the dashboard serves it only to someone with an access token.\n" +
            '  Create one per person or laptop with: lao-protect access create-token --tier planners --label "who"\n' +
            "  (it is printed once; docs/privacy.md, Access tokens). `lao-protect releases` lists releases.\n",
        )
      if (manifest.dp) ctx.stdout.write(`publish: differentially private, epsilon ${manifest.dp.epsilon}\n`)
      if (differencing)
        ctx.stdout.write(
          `publish: published with --allow-differencing: ${new DifferencingRisk(differencing).message.replace(/\. Hold this release.*$/, "")}\n`,
        )
      return 0
    } catch (e) {
      if (e instanceof DifferencingRisk) {
        ctx.stderr.write(`publish held: ${e.message}\n`)
        return 1
      }
      if (e instanceof BudgetExceeded || e instanceof LedgerError) {
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
