/**
 * `lao-protect <command> [args]`: a thin dispatcher over the registered commands (./commands.ts).
 */

import { makeContext, UsageError } from "./command.ts"
import { commands } from "./commands.ts"

async function help(): Promise<string> {
  const lines = ["usage: lao-protect <command> [options]", "", "commands:"]
  for (const [name, load] of Object.entries(commands)) {
    const { default: cmd } = await load()
    lines.push(`  ${name.padEnd(10)} ${cmd.summary}`)
  }
  lines.push("", "Run `lao-protect <command> --help` for a command's options.")
  return lines.join("\n")
}

export async function main(argv: ReadonlyArray<string>): Promise<number> {
  const [name, ...rest] = argv
  const ctx = makeContext()
  if (!name || name === "help" || name === "--help" || name === "-h") {
    ctx.stdout.write(`${await help()}\n`)
    return name ? 0 : 1
  }
  const load = commands[name]
  if (!load) {
    ctx.stderr.write(`lao-protect: unknown command "${name}"\n\n${await help()}\n`)
    return 2
  }
  const { default: cmd } = await load()
  if (rest.includes("--help") || rest.includes("-h")) {
    ctx.stdout.write(`${cmd.usage}\n`)
    return 0
  }
  try {
    return await cmd.run(rest, ctx)
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.stderr.write(`lao-protect ${name}: ${e.message}\n`)
      return 2
    }
    throw e
  }
}

// Started by bin/lao-protect.mjs: stop when the wrapper is gone (killed, even with SIGKILL, it
// cannot pass a signal on; its worker is then re-parented). An import in progress never reaches
// COMMIT, so DuckDB rolls it back: nothing is half-written.
const wrapper = Number(process.env.LAO_PROTECT_WRAPPER_PID)
const wrapperGone = () => {
  if (process.ppid === wrapper) return
  process.stderr.write("lao-protect: stopped (the command was interrupted); nothing was committed\n")
  process.exit(130)
}
if (wrapper > 0) {
  wrapperGone()
  setInterval(wrapperGone, 500).unref()
}
// A closed output pipe (`lao-protect ... | head -1`) ends the command quietly, without a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0)
    throw e
  })

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`lao-protect: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
  },
)
