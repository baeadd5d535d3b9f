/** The peak RSS a worker reports is its own, not its parent's (Linux keeps getrusage's maxRSS across exec). */
import { describe, expect, it } from "vitest"
import { runWorker } from "../src/child.ts"

describe("runWorker's peak RSS", () => {
  it("is the worker's own, however large the parent is", async () => {
    const ballast = Array.from({ length: 400 }, () => Buffer.alloc(1 << 20, 1))
    expect(process.memoryUsage().rss / 1024).toBeGreaterThan(400 * 1024)
    const small = await runWorker<{ maxRssKb: number }>("rss-probe.ts", ["--mb", "0"], { heapMb: 512 })
    const large = await runWorker<{ maxRssKb: number }>("rss-probe.ts", ["--mb", "200"], { heapMb: 512 })
    expect(small.maxRssKb).toBeLessThan(300 * 1024)
    expect(large.maxRssKb - small.maxRssKb).toBeGreaterThan(150 * 1024)
    expect(ballast).toHaveLength(400)
  }, 60_000)
})
