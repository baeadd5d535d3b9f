#!/usr/bin/env node
// Runs the TypeScript CLI from source (no build step): node + tsx + the `.sql?raw` loader.
// Paths are resolved from this file so it works from any cwd; relative file arguments are resolved
// by the CLI against the user's original directory (INIT_CWD under `pnpm lao-protect`).
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

const here = (rel) => fileURLToPath(new URL(rel, import.meta.url))
const main = here("../src/main.ts")
const sqlLoader = here("../../../tooling/sql-loader/register.mjs")
const tsx = import.meta.resolve("tsx")

const child = spawn(
  process.execPath,
  ["--import", tsx, "--import", sqlLoader, main, ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      LAO_PROTECT_CWD: process.env.LAO_PROTECT_CWD ?? process.env.INIT_CWD ?? process.cwd(),
      // The worker stops when this wrapper is gone, however it went (src/main.ts).
      LAO_PROTECT_WRAPPER_PID: String(process.pid),
    },
  },
)
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal))
}
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal)
  else process.exit(code ?? 1)
})
