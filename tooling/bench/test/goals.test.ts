import { describe, expect, it } from "vitest"
import { importGoal, publishGoal } from "../src/goals.ts"

describe("issue 22's goals", () => {
  it("judge the import ratio at 10k (>= 0.6x) and 1M (>= 0.8x) only", () => {
    expect(importGoal(10_000, 0.6).pass).toBe(true)
    expect(importGoal(10_000, 0.59).pass).toBe(false)
    expect(importGoal(1_000_000, 0.79).pass).toBe(false)
    expect(importGoal(1_000_000, 0.8).pass).toBe(true)
    expect(importGoal(100_000, 0.1).pass).toBeNull()
  })

  it("judge publish at 1M on both the ratio (<= 10x) and the peak memory (<= 1.5 GB)", () => {
    expect(publishGoal(1_000_000, 9.9, 1500).pass).toBe(true)
    expect(publishGoal(1_000_000, 10.1, 1500).pass).toBe(false)
    expect(publishGoal(1_000_000, 7, 1600).pass).toBe(false)
    expect(publishGoal(100_000, 50, 5000).pass).toBeNull()
  })
})
