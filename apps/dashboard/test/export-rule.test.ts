/**
 * Issue 14: the planners tier shows exact counts on screen, but its data exports default to the
 * publication's rule (counts below `manifest.threshold` suppressed); the exact table is an explicit,
 * restricted choice. The public tier's exports are what its screen shows.
 */
import { Publication } from "@lao-protect/warehouse"
import { describe, expect, it } from "vitest"
import {
  buildExportContext,
  dataExportContext,
  exactScreenContext,
  fileNameFor,
} from "../src/export/context.ts"
import { type CsvColumn, toCsv } from "../src/export/csv.ts"
import { translator } from "../src/i18n/index.ts"
import { defaultState } from "../src/lib/state.ts"
import { type Cell, screenThreshold, suppress } from "../src/lib/suppress.ts"

const manifest = (tier: "public" | "planners"): Publication.Manifest => ({
  contract: Publication.CONTRACT_VERSION,
  release: "r1",
  createdAt: "2026-01-01T00:00:00Z",
  synthetic: true,
  syntheticCases: 300,
  syntheticInputs: [],
  tier,
  threshold: 10,
  flowThreshold: 10,
  screen: tier === "planners" ? "exact" : "published",
  inputs: [],
  counts: { cases: 300, facts: 200 },
  suppressedCells: 0,
  decisions: [],
  tables: {},
})

const t = translator("en")
const NOW = new Date("2026-02-03T00:00:00Z")
const context = (tier: "public" | "planners") => {
  const m = manifest(tier)
  return buildExportContext({
    t,
    state: defaultState("en"),
    manifest: m,
    k: screenThreshold(m),
    title: "Cases",
  })
}

type Row = { readonly area: string; readonly n: number }
const rows: ReadonlyArray<Row> = [
  { area: "LA01", n: 3 },
  { area: "LA02", n: 9 },
  { area: "LA03", n: 10 },
  { area: "LA04", n: 0 },
]
const columns = (k: number): ReadonlyArray<CsvColumn<Row>> => [
  { header: "area", value: (r) => r.area },
  { header: "cases", value: (r) => suppress(r.n, k) },
  { header: "per_100k", value: (r) => r.n * 2.5, countsOf: (r): ReadonlyArray<Cell> => [suppress(r.n, k)] },
]
const body = (csv: string) =>
  csv
    .slice(1)
    .split("\r\n")
    .filter((l) => l !== "" && !l.startsWith("#") && !l.startsWith('"#'))

describe("the export rule", () => {
  it("planners tier: a CSV by default holds no count below the publication threshold, rates included", () => {
    const screen = context("planners")
    expect(screen.k).toBe(1)
    const csv = toCsv(rows, columns(1), dataExportContext(screen))
    expect(body(csv)).toEqual([
      "area,cases,per_100k",
      "LA01,suppressed (<10),suppressed (<10)",
      "LA02,suppressed (<10),suppressed (<10)",
      "LA03,10,25",
      "LA04,no data,0",
    ])
    expect(csv).toContain("# Counts below 10 are suppressed")
    expect(csv).not.toContain("RESTRICTED")
    expect(fileNameFor(dataExportContext(screen), "csv", NOW)).toBe("cases-2026-02-03.csv")
  })

  it("planners tier: the exact version is an explicit choice, marked restricted in the file and its name", () => {
    const exact = dataExportContext(context("planners"), true)
    const csv = toCsv(rows, columns(1), exact)
    expect(body(csv).slice(1, 3)).toEqual(["LA01,3,7.5", "LA02,9,22.5"])
    expect(csv).toContain("RESTRICTED: planners' tier, counts not suppressed.")
    expect(csv).toContain(t("exactNote"))
    expect(fileNameFor(exact, "csv", NOW)).toBe("cases-restricted-2026-02-03.csv")
  })

  it("a view that reads exact counts on any tier (the priority score) still defaults to the threshold", () => {
    const screen = exactScreenContext(context("public"), t, 10)
    expect(body(toCsv(rows, columns(1), dataExportContext(screen))).slice(1, 2)).toEqual([
      "LA01,suppressed (<10),suppressed (<10)",
    ])
    const exact = dataExportContext(screen, true)
    expect(body(toCsv(rows, columns(1), exact)).slice(1, 2)).toEqual(["LA01,3,7.5"])
    expect(toCsv(rows, columns(1), exact)).toContain("RESTRICTED")
  })

  it("public tier: the export is what the screen shows, and no exact version is offered", () => {
    const screen = context("public")
    expect(screen.publicRule).toBeUndefined()
    expect(dataExportContext(screen, true)).toBe(screen)
    expect(body(toCsv(rows, columns(10), dataExportContext(screen))).slice(1, 3)).toEqual([
      "LA01,suppressed (<10),suppressed (<10)",
      "LA02,suppressed (<10),suppressed (<10)",
    ])
  })
})
