/**
 * Issue 20 through the command line: commands run with DuckDB's file access limited to what they
 * were given, a public threshold below 5 needs confirmation, epsilon is range-checked, and killing
 * the `lao-protect` wrapper stops its worker.
 */
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import type { CliContext, Command } from "../src/command.ts"
import { commands } from "../src/commands.ts"

const repoRoot = resolve(fileURLToPath(new URL("../../../", import.meta.url)))
const work = mkdtempSync(join(tmpdir(), "lp-cli-hardening-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const capture = () => {
  const chunks: string[] = []
  const stream = { write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream
  return { stream, text: () => chunks.join("") }
}
const run = async (argv: string[]) => {
  const [name, ...rest] = argv
  const cmd: Command = (await commands[name!]!()).default
  const stdout = capture()
  const stderr = capture()
  const ctx: CliContext = {
    cwd: work,
    repoRoot,
    defaultDb: join(work, "warehouse", "w.duckdb"),
    resolve: (p) => resolve(work, p),
    stdout: stdout.stream,
    stderr: stderr.stream,
  }
  try {
    return { code: await cmd.run(rest, ctx), stdout: stdout.text(), stderr: stderr.text() }
  } catch (e) {
    // As main.ts does: a UsageError is exit 2 with its message.
    return {
      code: (e as Error).name === "UsageError" ? 2 : -1,
      stdout: stdout.text(),
      stderr: `${stderr.text()}${(e as Error).message}`,
    }
  }
}

describe("commands with DuckDB's file access limited to what they were given", () => {
  it("synth -> import (a bracketed name) -> publish -> export work, and the warehouse is owner-only", async () => {
    expect((await run(["synth", "--out", "s[1].csv", "--years", "2023-2024", "--seed", "5"])).code).toBe(0)
    const imported = await run(["import", "s[1].csv"])
    expect(imported.stderr).not.toMatch(/Permission|failed/)
    expect(imported.code).toBe(0)
    expect(imported.stdout).toMatch(/accepted: \d+/)
    const published = await run(["publish", "--out", "pub"])
    expect(published.code).toBe(0)
    expect(published.stdout).toContain("SYNTHETIC")
    const exported = await run(["export", "ctdc", "--out", "ctdc.csv"])
    expect(exported.code).toBe(0)
    expect(existsSync(join(work, "ctdc.csv"))).toBe(true)
    expect(statSync(join(work, "warehouse")).mode & 0o777).toBe(0o700)
    expect(statSync(join(work, "warehouse", "w.duckdb")).mode & 0o777).toBe(0o600)
  }, 240_000)

  it("a public threshold below 5 asks for --confirm-threshold and is then recorded", async () => {
    const refused = await run(["publish", "--out", "pub-low", "--tier", "public", "--threshold", "3"])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/below 5 .*--confirm-threshold/s)
    expect(existsSync(join(work, "pub-low"))).toBe(false)
    const ok = await run([
      "publish",
      "--out",
      "pub-low",
      "--tier",
      "public",
      "--threshold",
      "3",
      "--confirm-threshold",
    ])
    expect(ok.code).toBe(0)
  }, 120_000)

  it("refuses an epsilon outside 0.01-10 before writing anything", async () => {
    for (const e of ["1e-9", "1e-300", "100"]) {
      const r = await run(["publish", "--out", "pub-dp", "--dp", "--epsilon", e])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/--epsilon must be between 0.01 and 10/)
    }
    expect(existsSync(join(work, "pub-dp"))).toBe(false)
    expect(existsSync(join(work, "warehouse", "privacy-ledger.json"))).toBe(false)
  })

  it("a killed publish's leftover folder is removed by the next publish, which says so", async () => {
    const { mkdirSync, writeFileSync } = await import("node:fs")
    mkdirSync(join(work, "pub", "releases", ".tmp-20260101T000000Z-dead00"), { recursive: true })
    writeFileSync(join(work, "pub", "releases", ".tmp-20260101T000000Z-dead00", "facts.arrow"), "x")
    const r = await run(["publish", "--out", "pub"])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/removed 1 folder an interrupted publish left/)
    expect(readdirSync(join(work, "pub", "releases")).filter((n) => n.startsWith(".tmp-"))).toEqual([])
  }, 120_000)

  it("a public release one case after another is held, and --allow-differencing publishes it", async () => {
    const { writeFileSync } = await import("node:fs")
    expect((await run(["publish", "--out", "pub-diff", "--tier", "public"])).code).toBe(0)
    writeFileSync(
      join(work, "one-more.csv"),
      "case_id,source,identification_date,victim_group,sex,citizenship,exploitation_form,origin_province\n" +
        "ONE-MORE-1,lwu,2024-03-15,local_lao,female,LAO,forced_labour,LA01\n",
    )
    expect((await run(["import", "one-more.csv"])).code).toBe(0)
    const held = await run(["publish", "--out", "pub-diff", "--tier", "public"])
    expect(held.code).toBe(1)
    expect(held.stderr).toMatch(
      /^publish held: .*-> .*\(1 case singled out against release .*--allow-differencing/s,
    )
    expect(readdirSync(join(work, "pub-diff", "releases"))).toHaveLength(1)
    const anyway = await run(["publish", "--out", "pub-diff", "--tier", "public", "--allow-differencing"])
    expect(anyway.code).toBe(0)
    expect(anyway.stdout).toMatch(/published with --allow-differencing: .*1 case singled out/)
    expect(readdirSync(join(work, "pub-diff", "releases"))).toHaveLength(2)
  }, 240_000)
})

describe("the lao-protect wrapper", () => {
  it("takes its worker down with it when it is killed", async () => {
    const bin = join(repoRoot, "apps/cli/bin/lao-protect.mjs")
    const child = spawn(
      process.execPath,
      [bin, "synth", "--out", join(work, "big.csv"), "--cases", "5000000"],
      {
        stdio: ["ignore", "ignore", "ignore"],
        env: { ...process.env, LAO_PROTECT_CWD: work },
      },
    )
    // Wait for the worker (the wrapper's child) to exist, then kill the wrapper outright.
    const workerPid = await (async () => {
      for (let i = 0; i < 200; i++) {
        await new Promise((r) => setTimeout(r, 100))
        const { execFileSync } = await import("node:child_process")
        let out = ""
        try {
          out = execFileSync("ps", ["-o", "pid=", "--ppid", String(child.pid)])
            .toString()
            .trim()
        } catch (e) {
          // ps exits 1 while the wrapper has no child yet
          if ((e as { status?: number }).status !== 1) throw e
        }
        if (out) return Number(out.split("\n")[0])
      }
      throw new Error("no worker started")
    })()
    child.kill("SIGKILL")
    // Alive and not a zombie (an exited worker whose new parent has not reaped it yet).
    const alive = (pid: number) => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"))
      } catch {
        return false
      }
    }
    for (let i = 0; i < 100 && alive(workerPid); i++) await new Promise((r) => setTimeout(r, 100))
    expect(alive(workerPid)).toBe(false)
  }, 60_000)
})

describe("a closed output pipe", () => {
  it("ends the command quietly, without a stack trace (`lao-protect ... | head -1`)", async () => {
    const bin = join(repoRoot, "apps/cli/bin/lao-protect.mjs")
    const child = spawn(process.execPath, [bin, "--help"], { stdio: ["ignore", "pipe", "pipe"] })
    child.stdout.destroy()
    let stderr = ""
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString()
    })
    const code = await new Promise<number | null>((ok) => child.on("exit", (c) => ok(c)))
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(stderr).not.toMatch(/EPIPE/)
    expect(code).toBe(0)
  }, 60_000)
})
