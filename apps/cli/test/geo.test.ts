import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { basename, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { Place } from "@lao-protect/domain"
import {
  EXTRACT_PROVINCES,
  sharedGeo,
  writeCodAbDistrictExtracts,
  writeCodAbProvinces,
} from "@lao-protect/geo/testing"
import { afterAll, describe, expect, it } from "vitest"
import type { CliContext } from "../src/command.ts"
import geo from "../src/geo.ts"

const repoRoot = resolve(fileURLToPath(new URL("../../../", import.meta.url)))
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

/** Runs `lao-protect geo ...` as if typed in `cwd` (relative paths resolve against it). */
const runIn = (cwd: string) => async (argv: string[]) => {
  const stdout = capture()
  const stderr = capture()
  const ctx: CliContext = {
    cwd,
    repoRoot,
    defaultDb: join(work, "unused.duckdb"),
    resolve: (p) => resolve(cwd, p),
    stdout: stdout.stream,
    stderr: stderr.stream,
  }
  const code = await geo.run(argv, ctx)
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

interface Files {
  /** The folder the user runs the command in. */
  readonly cwd: string
  /** A COD-AB province file and a folder of COD-AB district extracts, relative to cwd. */
  readonly provinces: string
  readonly extracts: string
  /** How many district P-codes the extracts leave without geometry. */
  readonly missing: number
}

const geoImport = (name: string, files: Files) =>
  describe(`lao-protect geo import (${name})`, () => {
    const run = runIn(files.cwd)
    let n = 0
    const outDir = () => join(work, `${name.replace(/\W+/g, "-")}-${n++}`)

    it("imports a COD-AB province file (path relative to the user's directory) and prints the report", async () => {
      const out = outDir()
      const r = await run(["import", files.provinces, "--out", out])
      expect(r.code).toBe(0)
      expect(r.stdout).toContain("provinces with geometry: 18 of 18")
      expect(r.stdout).toContain("OCHA COD-AB")
      const written = JSON.parse(readFileSync(join(out, "provinces.geojson"), "utf8"))
      expect(written.features).toHaveLength(18)
    })

    it("reports missing P-codes, and fails with --strict", async () => {
      const out = outDir()
      const lenient = await run(["import", files.extracts, "--out", out])
      expect(lenient.code).toBe(0)
      expect(lenient.stdout).toContain(`MISSING: ${files.missing} P-codes got no geometry`)
      expect(lenient.stderr).toContain(`${files.missing} P-codes without geometry`)
      const strict = await run(["import", files.extracts, "--out", out, "--strict"])
      expect(strict.code).toBe(1)
    })

    it("rejects a bad level and a missing file with a message", async () => {
      await expect(run(["import", files.provinces, "--level", "adm3"])).rejects.toThrow(/adm1 or adm2/)
      const missing = await run(["import", "nope.geojson", "--out", outDir()])
      expect(missing.code).toBe(1)
      expect(missing.stderr).toContain("no such file")
    })

    it("is registered in the CLI dispatcher", () => {
      const bin = resolve(repoRoot, "apps/cli/bin/lao-protect.mjs")
      const r = spawnSync(
        process.execPath,
        [bin, "geo", "import", files.provinces, "--level", "adm1", "--out", outDir()],
        { env: { ...process.env, LAO_PROTECT_CWD: files.cwd }, encoding: "utf8" },
      )
      expect(r.status, r.stderr).toBe(0)
      expect(r.stdout).toContain("level: adm1 (given (--level))")
    })
  })

// Files in the shapes of COD-AB, written here: the suite passes on a clone with nothing beside it.
const shapes = mkdtempSync(join(work, "shapes-"))
const covered = new Set<string>(EXTRACT_PROVINCES)
geoImport("COD-AB shapes written by the test", {
  cwd: shapes,
  provinces: basename(writeCodAbProvinces(shapes)),
  extracts: basename(writeCodAbDistrictExtracts(shapes)),
  missing: Place.districts.filter((d) => !covered.has(d.province)).length,
})

// The team's real files (../shared/geo), when they are beside the clone.
const real = sharedGeo("lao-protect geo import")
if (real !== null)
  geoImport("the real files in ../shared/geo", {
    cwd: real,
    provinces: "laomap.json",
    extracts: "mapjsfiles_districts",
    missing: 77,
  })
