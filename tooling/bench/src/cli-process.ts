/**
 * A partner's file as a data manager imports it: `lao-protect import <1,000-row file>`, the whole
 * process (the bin wrapper, Node start, tsx, module loading, opening the warehouse, the validated
 * import, exit), against `lao-protect --help` started the same way, alternating which goes first, in
 * the same run. Each import gets a fresh warehouse and its own copy of the file, so every run does
 * the same work (no "already imported", no rejected file left from the run before).
 */
import { spawn } from "node:child_process"
import { copyFileSync, mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { repoRoot } from "./child.ts"
import { summarize } from "./stats.ts"
import type { Figure } from "./types.ts"

export const cliBin = join(repoRoot, "apps/cli/bin/lao-protect.mjs")
export const CLI_PROCESS_GOAL = 2

/** Wall time of one `node <bin> ...args` process, start to exit; rejects when it exits non-zero. */
export const timeProcess = (bin: string, args: ReadonlyArray<string>, cwd: string): Promise<number> =>
  new Promise((ok, fail) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ["ignore", "ignore", "pipe"] })
    let err = ""
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString()
    })
    child.on("error", fail)
    child.on("close", (code) => {
      const seconds = (performance.now() - t0) / 1000
      if (code === 0) ok(seconds)
      else fail(new Error(`${args.join(" ")} exited ${code}: ${err.trim().split("\n").at(-1) ?? ""}`))
    })
  })

export interface CliProcessRuns {
  readonly importSeconds: ReadonlyArray<number>
  readonly helpSeconds: ReadonlyArray<number>
}

/** `runs` pairs of (import, --help), alternating which goes first. */
export async function cliProcessRuns(
  csv: string,
  dir: string,
  runs: number,
  bin: string = cliBin,
): Promise<CliProcessRuns> {
  mkdirSync(dir, { recursive: true })
  const importSeconds: number[] = []
  const helpSeconds: number[] = []
  const importOnce = async () => {
    const work = join(dir, "import")
    rmSync(work, { recursive: true, force: true })
    mkdirSync(work)
    const file = join(work, "partner.csv")
    copyFileSync(csv, file)
    importSeconds.push(await timeProcess(bin, ["import", file, "--db", join(work, "warehouse.duckdb")], work))
    rmSync(work, { recursive: true, force: true })
  }
  const help = async () => {
    helpSeconds.push(await timeProcess(bin, ["--help"], dir))
  }
  for (let r = 0; r < runs; r++) {
    if (r % 2 === 0) {
      await help()
      await importOnce()
    } else {
      await importOnce()
      await help()
    }
  }
  return { importSeconds, helpSeconds }
}

/** The figure: import process time / --help process time, paired run by run. */
export function cliProcessFigure(r: CliProcessRuns, rows: number): Figure {
  const ratio = summarize(r.importSeconds.map((s, i) => s / r.helpSeconds[i]!))
  return {
    id: "import.partner_file_process",
    group: "import",
    title: `A ${rows.toLocaleString("en")}-row partner file: \`lao-protect import\`, whole process`,
    size: 0,
    measured: summarize([...r.importSeconds]),
    unit: "s",
    baseline: {
      ...summarize([...r.helpSeconds]),
      label: "`lao-protect --help`, whole process, started the same way",
    },
    ratio,
    ratioLabel: "import process time / --help process time",
    better: "lower",
    goal: { text: `< ${CLI_PROCESS_GOAL}x \`lao-protect --help\``, pass: ratio.median < CLI_PROCESS_GOAL },
    costSeconds: summarize([...r.importSeconds]).median,
    note: `a ${rows.toLocaleString("en")}-row synthetic CSV (1% rows with an invalid date), a new warehouse per run; both processes through apps/cli/bin/lao-protect.mjs (node + tsx, no build step)`,
  }
}
