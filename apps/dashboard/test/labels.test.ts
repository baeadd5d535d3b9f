import { describe, expect, it } from "vitest"
import { type LabelBox, placeLabels } from "../src/lib/labels.ts"

const box = (id: string, x: number, y: number, priority: number, w = 40, h = 12): LabelBox => ({
  id,
  x,
  y,
  w,
  h,
  priority,
})

describe("placeLabels", () => {
  it("keeps the higher-priority label of two that overlap", () => {
    expect(placeLabels([box("small", 10, 10, 1), box("big", 20, 12, 5)])).toEqual(new Set(["big"]))
  })

  it("keeps labels that do not meet, and respects the padding", () => {
    expect(placeLabels([box("a", 0, 0, 1), box("b", 100, 0, 1)]).size).toBe(2)
    expect(placeLabels([box("a", 0, 0, 1), box("b", 41, 0, 1)], 2).size).toBe(1)
    expect(placeLabels([box("a", 0, 0, 1), box("b", 41, 0, 1)], 0).size).toBe(2)
  })

  it("never returns two overlapping labels, whatever the input", () => {
    const boxes = Array.from({ length: 200 }, (_, i) =>
      box(`l${i}`, (i * 37) % 300, (i * 53) % 200, (i * 7) % 11),
    )
    const kept = boxes.filter((b) => placeLabels(boxes).has(b.id))
    for (const a of kept)
      for (const b of kept)
        if (a !== b)
          expect(
            a.x < b.x + b.w + 2 && b.x < a.x + a.w + 2 && a.y < b.y + b.h + 2 && b.y < a.y + a.h + 2,
          ).toBe(false)
    expect(kept.length).toBeGreaterThan(10)
  })

  it("skips empty boxes (labels not laid out yet)", () => {
    expect(placeLabels([box("a", 0, 0, 1, 0, 0)]).size).toBe(0)
  })
})
