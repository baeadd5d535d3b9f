import { describe, expect, it } from "vitest"
import { type ExportContext, fileNameFor } from "../src/export/context.ts"

const named = (title: string) => ({ title }) as unknown as ExportContext
const day = new Date("2026-03-04T10:00:00Z")

describe("export file names", () => {
  it("slug the English title, dropping accents and punctuation", () => {
    expect(fileNameFor(named("Lao Protect: Cases per 100,000 — Café"), "png", day)).toBe(
      "lao-protect-cases-per-100-000-cafe-2026-03-04.png",
    )
  })

  it("keep a Lao title in the name instead of falling back to a generic one", () => {
    const name = fileNameFor(named("ແຜນທີ່: ຈຳນວນກໍລະນີ"), "png", day)
    expect(name).toBe("ແຜນທີ່-ຈຳນວນກໍລະນີ-2026-03-04.png")
  })

  it("fall back when the title has no letters", () => {
    expect(fileNameFor(named("*** ///"), "csv", day)).toBe("lao-protect-2026-03-04.csv")
  })
})
