import { describe, expect, it } from "vitest"
import { swallowedCatches } from "../src/catches.ts"

describe("swallowedCatches", () => {
  it("finds .catch handlers that drop the error, in every spelling", () => {
    const text = [
      "await a().catch(() => undefined)",
      "b.catch(() => {})",
      "c.catch((_e) => null)",
      "d.catch((e: unknown) => void 0)",
      "e.catch(_ => undefined)",
    ].join("\n")
    expect(swallowedCatches(text).map((s) => s.line)).toEqual([1, 2, 3, 4, 5])
  })
  it("accepts a handler that does something, or a comment saying why ignoring is safe", () => {
    const text = [
      "a.catch((e) => console.error(e))",
      "b.catch(report)",
      "c.catch(() => undefined) // the TEMP table vanishes with the connection",
      "// a second stop is harmless",
      "d.catch(() => {})",
      "e.catch(() => fallback)",
    ].join("\n")
    expect(swallowedCatches(text)).toEqual([])
  })
})
