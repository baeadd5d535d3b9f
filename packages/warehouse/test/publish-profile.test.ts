import { describe, expect, it } from "vitest"
import { phaseTimer } from "../src/node/publish/profile.ts"

describe("phaseTimer (LAO_PROTECT_PROFILE=1 phase timing of publish)", () => {
  it("writes one line per phase with its seconds and the peak memory, and keeps the phases", async () => {
    const lines: string[] = []
    const phase = phaseTimer("publish", (l) => lines.push(l))
    await new Promise((r) => setTimeout(r, 20))
    phase("pub_cases")
    phase("pub_facts")
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      /^\[profile publish\] pub_cases +\d+\.\d\d s {2}\(total \d+\.\d\d s, rss \d+ MB, peak \d+ MB\)$/,
    )
    expect(phase.phases.map((p) => p.name)).toEqual(["pub_cases", "pub_facts"])
    expect(phase.phases[0]!.ms).toBeGreaterThanOrEqual(15)
    expect(phase.phases[0]!.peakRssMb).toBeGreaterThan(0)
  })

  it("is silent and records nothing without a writer (the default when LAO_PROTECT_PROFILE is not 1)", () => {
    const saved = process.env.LAO_PROTECT_PROFILE
    delete process.env.LAO_PROTECT_PROFILE
    try {
      const phase = phaseTimer("publish")
      phase("pub_cases")
      expect(phase.phases).toEqual([])
    } finally {
      if (saved !== undefined) process.env.LAO_PROTECT_PROFILE = saved
    }
  })
})
