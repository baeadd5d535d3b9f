import { describe, expect, it } from "vitest"
import { SLIDES, slideForKey } from "../src/presentation/Presentation.tsx"

describe("presentation keys", () => {
  const n = SLIDES.length
  it("moves forward, back, to the ends, and exits", () => {
    expect(slideForKey("ArrowRight", 1, n)).toBe(2)
    expect(slideForKey("PageDown", 2, n)).toBe(3)
    expect(slideForKey(" ", 3, n)).toBe(4)
    expect(slideForKey("ArrowLeft", 4, n)).toBe(3)
    expect(slideForKey("PageUp", 3, n)).toBe(2)
    expect(slideForKey("Home", 5, n)).toBe(1)
    expect(slideForKey("End", 1, n)).toBe(n)
    expect(slideForKey("Escape", 3, n)).toBe("exit")
    expect(slideForKey("a", 3, n)).toBeNull()
  })
  it("stays within the slides", () => {
    expect(slideForKey("ArrowRight", n, n)).toBe(n)
    expect(slideForKey("ArrowLeft", 1, n)).toBe(1)
  })
  it("opens on a title slide and has one chart or map per slide after it", () => {
    expect(SLIDES[0]?.kind).toBe("title")
    expect(SLIDES.slice(1).every((s) => s.kind !== "title")).toBe(true)
    expect(SLIDES.some((s) => s.kind === "map")).toBe(true)
  })
})
