/**
 * The shape of a CLI subcommand and the context main.ts hands it. Commands parse their own
 * arguments (node:util parseArgs) and return an exit code; they never call process.exit.
 */
import { existsSync } from "node:fs"
import { isAbsolute, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export interface CliContext {
  /** The directory the user ran the command from (INIT_CWD under `pnpm lao-protect`). */
  readonly cwd: string
  /** The monorepo root. */
  readonly repoRoot: string
  /** The default warehouse file: `<repo>/data/warehouse/lao-protect.duckdb`. */
  readonly defaultDb: string
  /** Resolve a user-given path against `cwd`. */
  resolve(path: string): string
  readonly stdout: NodeJS.WritableStream
  readonly stderr: NodeJS.WriteStream
}

export interface Command {
  /** One line for `lao-protect help`. */
  readonly summary: string
  readonly usage: string
  run(argv: ReadonlyArray<string>, ctx: CliContext): Promise<number>
}

export function makeContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const repoRoot = fileURLToPath(new URL("../../../", import.meta.url)).replace(/\/$/, "")
  const fromEnv = env.LAO_PROTECT_CWD ?? env.INIT_CWD
  const cwd = fromEnv && existsSync(fromEnv) ? fromEnv : process.cwd()
  return {
    cwd,
    repoRoot,
    defaultDb: resolve(repoRoot, "data/warehouse/lao-protect.duckdb"),
    resolve: (p) => (isAbsolute(p) ? p : resolve(cwd, p)),
    stdout: process.stdout,
    stderr: process.stderr,
  }
}

/** An error whose message is meant for the user as is (no stack trace). */
export class UsageError extends Error {
  override readonly name = "UsageError"
}
