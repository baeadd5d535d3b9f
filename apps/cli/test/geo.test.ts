import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import type { CliContext } from "../src/command.ts"
import geo from "../src/geo.ts"

const repoRoot = resolve(fileURLToPath(new URL("../../../", import.meta.url)))
// Third-party boundary files are read where the team keeps them (shared/ beside the clone), never copied.
const sharedGeo = process.env.LAO_PROTECT_SHARED_GEO ?? resolve(repoRoot, "../shared/geo")
if (!existsSync(join(sharedGeo, "laomap.json")))
  throw new Error(`boundary test files not found in ${sharedGeo}: put shared/ beside the repository`)

const work = mkdtempSync(join(tmpdir(), "lao-cli-geo-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const capture = () => {
  const chunks: string[] = []
  const stream = {
    write: (s: string) => {
      chunks.push(s)
      return true
    },
  } as unknown as NodeJS.WriteStream
  return { stream, text: () => chunks.join("") }
}

const run = async (argv: string[]) => {
  const stdout = capture()
  const stderr = capture()
  const ctx: CliContext = {
    cwd: sharedGeo,
    repoRoot,
    defaultDb: join(work, "unused.duckdb"),
    resolve: (p) => resolve(sharedGeo, p),
    stdout: stdout.stream,
    stderr: stderr.stream,
  }
  const code = await geo.run(argv, ctx)
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

describe("lao-protect geo import", () => {
  it("imports a COD-AB province file (path relative to the user's directory) and prints the report", async () => {
    const out = join(work, "laomap")
    const r = await run(["import", "laomap.json", "--out", out])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("provinces with geometry: 18 of 18")
    expect(r.stdout).toContain("OCHA COD-AB")
    const written = JSON.parse(readFileSync(join(out, "provinces.geojson"), "utf8"))
    expect(written.features).toHaveLength(18)
  })

  it("reports missing P-codes, and fails with --strict", async () => {
    const out = join(work, "partial")
    const lenient = await run(["import", "mapjsfiles_districts", "--out", out])
    expect(lenient.code).toBe(0)
    expect(lenient.stdout).toContain("MISSING: 77 P-codes got no geometry")
    expect(lenient.stderr).toContain("77 P-codes without geometry")
    const strict = await run(["import", "mapjsfiles_districts", "--out", out, "--strict"])
    expect(strict.code).toBe(1)
  })

  it("rejects a bad level and a missing file with a message", async () => {
    await expect(run(["import", "laomap.json", "--level", "adm3"])).rejects.toThrow(/adm1 or adm2/)
    const missing = await run(["import", "nope.geojson", "--out", join(work, "x")])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain("no such file")
  })

  it("is registered in the CLI dispatcher", () => {
    const bin = resolve(repoRoot, "apps/cli/bin/lao-protect.mjs")
    const out = join(work, "bin")
    const r = spawnSync(
      process.execPath,
      [bin, "geo", "import", "laomap.json", "--level", "adm1", "--out", out],
      {
        env: { ...process.env, LAO_PROTECT_CWD: sharedGeo },
        encoding: "utf8",
      },
    )
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain("level: adm1 (given (--level))")
  })
})
