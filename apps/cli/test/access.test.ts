/** `lao-protect access`: tokens are printed once and stored only as a hash. */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const setup = () => {
  const dir = mkdtempSync(join(tmpdir(), "lp-access-"))
  return { dir, accessFile: join(dir, "warehouse", "access.json") }
}

describe("lao-protect access", () => {
  it("`lao-protect access create-token --tier planners` prints the token once on stdout", () => {
    const paths = setup()
    const bin = fileURLToPath(new URL("../bin/lao-protect.mjs", import.meta.url))
    const r = spawnSync(
      process.execPath,
      [bin, "access", "create-token", "--tier", "planners", "--file", paths.accessFile],
      { encoding: "utf8" },
    )
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toMatch(/^lpt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/)
    expect(readFileSync(paths.accessFile, "utf8")).not.toContain(r.stdout.trim().split("_").at(-1)!)
    const bad = spawnSync(process.execPath, [bin, "access", "create-token", "--tier", "public"], {
      encoding: "utf8",
    })
    expect(bad.status).toBe(2)
  })
})
