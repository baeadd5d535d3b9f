/**
 * Runs one measurement in a fresh Node process (tsx + the `.sql?raw` loader), so every run starts
 * with a cold heap and its RSS high-water mark is its own: `VmHWM` from /proc/self/status, because
 * Linux keeps getrusage's `maxRSS` across exec, so a child would report the parent's peak whenever
 * the parent was larger (the harness itself holds about 600 MB once it has built the dashboard).
 * A worker prints one JSON line last on stdout; anything before it is progress.
 */
import { spawn } from "node:child_process"
import { readFileSync } from "node:fs"
import { join, resolve } from "node:path"

export const repoRoot = resolve(import.meta.dirname, "../../..")
const sqlLoader = join(repoRoot, "tooling/sql-loader/register.mjs")

export async function runWorker<T>(
  worker: string,
  args: ReadonlyArray<string>,
  options: { heapMb?: number; verbose?: boolean } = {},
): Promise<T> {
  const script = join(import.meta.dirname, "workers", worker)
  const nodeArgs = [
    `--max-old-space-size=${options.heapMb ?? 4096}`,
    "--expose-gc",
    "--import",
    "tsx",
    "--import",
    sqlLoader,
    script,
    ...args,
  ]
  return new Promise<T>((ok, fail) => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd: join(repoRoot, "tooling/bench"),
      stdio: ["ignore", "pipe", "pipe"],
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString()
    })
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString()
      if (options.verbose) process.stderr.write(d)
    })
    child.on("error", fail)
    child.on("close", (code) => {
      const last = out.trim().split("\n").at(-1) ?? ""
      if (code !== 0)
        return fail(new Error(`${worker} ${args.join(" ")} exited ${code}\n${err.slice(-4000)}`))
      try {
        ok(JSON.parse(last) as T)
      } catch {
        fail(new Error(`${worker}: no JSON result on stdout\n${out.slice(-2000)}\n${err.slice(-2000)}`))
      }
    })
  })
}

/** For workers: parse `--name value` pairs. */
export const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? undefined : process.argv[i + 1]
}

/** Peak resident memory of this process image, in kB (see the module comment). */
export const peakRssKb = (): number => {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"))
    if (m) return Number(m[1])
  } catch {
    // not Linux: getrusage is the best there is
  }
  return process.resourceUsage().maxRSS
}

/** For workers: print the result as the last stdout line. */
export const emit = (result: unknown): void => {
  process.stdout.write(`\n${JSON.stringify({ ...(result as object), maxRssKb: peakRssKb() })}\n`)
}
