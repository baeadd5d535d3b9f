/**
 * No outside request on a first run: every root script that runs turbo (`pnpm start`, `pnpm test`,
 * ...) turns its telemetry off in the same shell line, and turbo.json turns off its update check.
 * TURBO_TELEMETRY_DISABLED cannot be set from a repository file, hence the scripts.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { describe, expect, it } from "vitest"

const repoRoot = resolve(import.meta.dirname, "../../..")
const scripts = (
  JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
    scripts: Record<string, string>
  }
).scripts
const turboScripts = Object.entries(scripts).filter(([, line]) => /\bturbo\b/.test(line))

describe("turbo on a first run", () => {
  it("every root script that runs turbo disables its telemetry first", () => {
    expect(turboScripts.map(([name]) => name)).toEqual(expect.arrayContaining(["start", "test", "typecheck"]))
    for (const [, line] of turboScripts) expect(line).toMatch(/^TURBO_TELEMETRY_DISABLED=1 exec turbo /)
  })

  it("turbo, started the way the scripts start it, reports telemetry disabled on a machine that never ran it", () => {
    const home = mkdtempSync(join(tmpdir(), "lao-protect-home-"))
    try {
      const [, line] = turboScripts.find(([name]) => name === "start")!
      const { TURBO_TELEMETRY_DISABLED: _, DO_NOT_TRACK: __, ...env } = process.env
      const status = spawnSync("sh", ["-c", line.replace(/ turbo .*$/, " turbo telemetry status")], {
        cwd: repoRoot,
        env: {
          ...env,
          HOME: home,
          XDG_CONFIG_HOME: join(home, ".config"),
          PATH: `${join(repoRoot, "node_modules", ".bin")}:${env.PATH ?? ""}`,
        },
        encoding: "utf8",
      })
      expect(status.stdout).toContain("Status: Disabled")
    } finally {
      rmSync(home, { recursive: true, force: true })
    }
  })

  it("turbo.json turns the update check off", () => {
    const turbo = JSON.parse(readFileSync(join(repoRoot, "turbo.json"), "utf8")) as {
      noUpdateNotifier?: boolean
    }
    expect(turbo.noUpdateNotifier).toBe(true)
  })
})
