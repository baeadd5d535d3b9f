import { existsSync } from "node:fs"
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { openWarehouse } from "../src/node/index.ts"
import { ensureSampleData } from "../src/node/sample/index.ts"

describe("ensureSampleData", () => {
  it("refuses to publish sample data over a current.json it cannot read, and says which file", async () => {
    const root = await mkdtemp(join(tmpdir(), "sample-corrupt-"))
    const pointer = join(root, "data", "published", "current.json")
    await mkdir(join(root, "data", "published"), { recursive: true })
    await writeFile(pointer, "{ not json")
    await expect(ensureSampleData({ root })).rejects.toThrow(`${pointer} is unreadable`)
    expect(await readFile(pointer, "utf8")).toBe("{ not json")
  })

  it("synthesises, loads and publishes once, fast, then does nothing", async () => {
    const root = await mkdtemp(join(tmpdir(), "sample-test-"))
    const started = performance.now()
    const first = await ensureSampleData({ root })
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(first.created).toBe(true)
    const manifest = JSON.parse(
      await readFile(join(root, "data/published/releases", first.release, "manifest.json"), "utf8"),
    )
    expect(manifest.synthetic).toBe(true)
    expect(existsSync(join(root, "data/warehouse/publish.key"))).toBe(true)
    const wh = await openWarehouse(join(root, "data/warehouse/sample.duckdb"))
    try {
      const [r] = await wh.query<{ n: number; years: number }>(
        "SELECT count(*) AS n, count(DISTINCT year(identification_date)) AS years FROM cases",
      )
      expect(r!.years).toBe(20)
      expect(manifest.counts.cases).toBe(r!.n)
    } finally {
      await wh.close()
    }
    const second = await ensureSampleData({ root })
    expect(second).toEqual({ created: false, release: first.release })
  })
})
