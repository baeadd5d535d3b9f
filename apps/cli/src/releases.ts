/**
 * `lao-protect releases` lists the releases in data/published (date, tier, synthetic or real,
 * counts; the current one marked), and `lao-protect releases use <id>` points the dashboard back
 * to one of them.
 */
import { join } from "node:path"
import { parseArgs } from "node:util"
import { Publish } from "@lao-protect/warehouse/node"
import { type Command, UsageError } from "./command.ts"

const usage = `usage: lao-protect releases [--out data/published]
       lao-protect releases use <release> [--out data/published]

  Lists the releases (newest first; * marks the one the dashboard shows) or switches the dashboard
  to another release. Releases themselves are never changed or deleted.`

const command: Command = {
  summary: "list the published releases, or switch the dashboard to one of them",
  usage,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { out: { type: "string" } },
      strict: true,
    })
    const published = values.out ? ctx.resolve(values.out) : join(ctx.repoRoot, "data/published")
    const [verb, id] = positionals
    if (verb === undefined) {
      const releases = Publish.listReleases(published)
      if (releases.length === 0) {
        ctx.stdout.write(`no releases in ${published}: run lao-protect publish\n`)
        return 0
      }
      ctx.stdout.write(
        "  release                       created                   tier      data       cases  suppressed\n",
      )
      for (const r of releases)
        ctx.stdout.write(
          `${r.current ? "*" : " "} ${r.release.padEnd(29)} ${r.createdAt.slice(0, 19).padEnd(25)} ${r.tier.padEnd(9)} ${(r.synthetic ? "synthetic" : r.dp ? "real, DP" : "real").padEnd(9)} ${String(r.cases).padStart(7)}  ${String(r.suppressedCells).padStart(10)}\n`,
        )
      return 0
    }
    if (verb !== "use" || id === undefined || positionals.length !== 2) throw new UsageError(usage)
    try {
      const r = Publish.useRelease(published, id)
      ctx.stdout.write(
        `the dashboard now shows release ${r.release} (${r.tier}, ${r.synthetic ? "synthetic" : "real"}, ${r.cases} cases)\n`,
      )
      return 0
    } catch (e) {
      if (e instanceof Publish.ReleaseError) {
        ctx.stderr.write(`releases use failed: ${e.message}\n`)
        return 1
      }
      throw e
    }
  },
}
export default command
