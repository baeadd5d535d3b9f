import { describe, expect, it } from "vitest"
import type { ExportContext } from "../src/export/context.ts"
import { BOM, csvField, neutraliseCsvCell, toCsv } from "../src/export/csv.ts"
import { layoutStamp, wrap } from "../src/export/layout.ts"
import { suppress } from "../src/lib/suppress.ts"

const context: ExportContext = {
  title: "Identified victims per year",
  date: "Exported 1 January 2026",
  filters: "Filters: Sex: Female, Years: 2020–2023",
  source: "Source: Lao Protect publication fixture-0001",
  thresholdNote: "Counts below 10 are suppressed",
  synthetic: true,
  syntheticLabel: "Synthetic data: not real cases",
  lang: "lo",
}

describe("CSV writing", () => {
  it("starts with a UTF-8 BOM, carries the context as comment rows and keeps Lao text", () => {
    const csv = toCsv(
      [{ name: "ວຽງຈັນ", n: 12 }],
      [
        { header: "ແຂວງ", value: (r: { name: string; n: number }) => r.name },
        { header: "cases", value: (r) => r.n },
      ],
      context,
    )
    expect(csv.startsWith(BOM)).toBe(true)
    const lines = csv.slice(1).split("\r\n")
    expect(lines[0]).toBe("# Identified victims per year")
    expect(lines).toContain('"# Filters: Sex: Female, Years: 2020–2023"')
    expect(lines).toContain("# Counts below 10 are suppressed")
    expect(lines).toContain("# Synthetic data: not real cases")
    expect(lines).toContain("ແຂວງ,cases")
    expect(lines).toContain("ວຽງຈັນ,12")
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })

  it("quotes delimiters, quotes and line breaks (RFC 4180)", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"')
    expect(csvField("two\nlines")).toBe('"two\nlines"')
    expect(csvField("x;y")).toBe('"x;y"')
    expect(csvField(null)).toBe("")
    expect(csvField(3.5)).toBe("3.5")
    expect(csvField(-12.5)).toBe("-12.5")
  })

  it("neutralises formula-looking text with a leading quote", () => {
    for (const evil of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]) {
      expect(neutraliseCsvCell(evil)).toBe(`'${evil}`)
    }
    expect(csvField('=HYPERLINK("http://x","click")')).toBe('"\'=HYPERLINK(""http://x"",""click"")"')
    expect(neutraliseCsvCell("safe")).toBe("safe")
  })

  it("writes suppressed counts as text, never 0, and no data as such", () => {
    const rows = [3, 0, 25].map((n) => ({ cell: suppress(n, 10) }))
    const csv = toCsv(rows, [{ header: "n", value: (r) => r.cell }], null)
    expect(csv.slice(1).split("\r\n").slice(0, 4)).toEqual(["n", "suppressed (<10)", "no data", "25"])
    expect(csv).not.toMatch(/\r\n0\r\n/)
  })
})

describe("stamp layout", () => {
  const measure = (text: string, size: number) => text.length * size * 0.55
  it("places title, badge, body, legend and the context lines", () => {
    const layout = layoutStamp({
      context: {
        ...context,
        legend: [{ label: "suppressed (< 10)", kind: "suppressed", colour: "#bdbdbd" }],
      },
      bodyWidth: 600,
      bodyHeight: 300,
      measure,
    })
    const texts = layout.ops.flatMap((o) => (o.op === "text" ? [o.text] : []))
    expect(texts).toContain("Identified victims per year")
    expect(texts).toContain("Synthetic data: not real cases")
    expect(texts).toContain("Counts below 10 are suppressed")
    expect(texts.some((t) => t.includes("fixture-0001"))).toBe(true)
    expect(layout.ops.some((o) => o.op === "rect" && o.role === "badge")).toBe(true)
    expect(layout.ops.some((o) => o.op === "rect" && o.hatch)).toBe(true)
    const legendY = layout.ops.find((o) => o.op === "rect" && o.role === "legend")
    expect(legendY && "y" in legendY && legendY.y).toBeGreaterThan(layout.body.y + layout.body.h)
    expect(layout.height).toBeGreaterThan(layout.body.y + layout.body.h + 60)
  })
  it("wraps long lines, and Lao runs without spaces by characters", () => {
    expect(wrap("aaaa bbbb cccc", 50, 10, false, measure)).toEqual(["aaaa bbbb", "cccc"])
    const lao = "ຜູ້ຖືກເຄາະຮ້າຍທັງໝົດຜູ້ຖືກເຄາະຮ້າຍ"
    const lines = wrap(lao, 60, 10, false, measure)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join("")).toBe(lao)
  })
})
