/**
 * `lao-protect access create-token --tier planners [--label TEXT]`, `access list`, `access revoke <id>`:
 * tokens for the planners tier (src/access). A new token is printed once and never stored in clear.
 */
import { join } from "node:path"
import { parseArgs } from "node:util"
import {
  type AccessTier,
  accessTiers,
  createToken,
  readAccessFile,
  revokeToken,
} from "@lao-protect/warehouse/access"
import { type Command, UsageError } from "./command.ts"

const usage = `usage: lao-protect access create-token --tier planners [--label TEXT] [--file data/warehouse/access.json]
       lao-protect access list [--file ...]
       lao-protect access revoke <token-id> [--file ...]

  create-token  print a new token for the tier once (only its scrypt hash is stored)
  list          token ids, tiers, labels, creation and revocation dates (never secrets)
  revoke        refuse a token from now on`

const command: Command = {
  summary: "create, list or revoke access tokens for the planners tier of the publication",
  usage,
  async run(argv, ctx) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { tier: { type: "string" }, label: { type: "string" }, file: { type: "string" } },
      strict: true,
    })
    const file = values.file ? ctx.resolve(values.file) : join(ctx.repoRoot, "data/warehouse/access.json")
    const [sub, ...rest] = positionals
    if (sub === "create-token") {
      if (!values.tier || !accessTiers.includes(values.tier as AccessTier))
        throw new UsageError(`--tier must be one of ${accessTiers.join(", ")}\n\n${usage}`)
      const { id, token } = await createToken(file, values.tier as AccessTier, {
        ...(values.label ? { label: values.label } : {}),
      })
      ctx.stderr.write(`token ${id} for tier ${values.tier} (shown once: store it in a password manager)\n`)
      ctx.stdout.write(`${token}\n`)
      return 0
    }
    if (sub === "list") {
      for (const t of (await readAccessFile(file)).tokens)
        ctx.stdout.write(
          `${t.id}  ${t.tier}  ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ""}  ${t.label}\n`,
        )
      return 0
    }
    if (sub === "revoke") {
      const [id] = rest
      if (!id) throw new UsageError(`give the token id\n\n${usage}`)
      if (!(await revokeToken(file, id))) {
        ctx.stderr.write(`no active token ${id}\n`)
        return 1
      }
      ctx.stdout.write(`revoked ${id}\n`)
      return 0
    }
    throw new UsageError(`unknown access subcommand "${sub ?? ""}"\n\n${usage}`)
  },
}
export default command
