import { afterEach, describe, expect, it, vi } from "vitest"
import { reportFailure } from "../src/lib/report.ts"

afterEach(() => vi.restoreAllMocks())

describe("reportFailure", () => {
  it("says what failed and passes the error on to the console instead of swallowing it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined)
    const err = new Error("HTTP 404")
    await Promise.reject(err).catch(reportFailure("loading province boundaries"))
    expect(warn).toHaveBeenCalledWith("loading province boundaries failed:", err)
  })
})
