/**
 * The screen rule and the image exports (issue 14 for images): on a release whose screen is exact
 * (planners tier) the default image is the public rule, the exact one a restricted second button;
 * a public-tier release offers one set of buttons.
 */
import { Publication } from "@lao-protect/warehouse"
import { describe, expect, it } from "vitest"
import { buildExportContext, fileNameFor, imageContext } from "../src/export/context.ts"
import { translator } from "../src/i18n/index.ts"
import { imageVariants, switchable, viewThreshold } from "../src/lib/screenRule.ts"
import { defaultState } from "../src/lib/state.ts"

const t = translator("en")
const planners = { screen: "exact", threshold: 10 } as const
const publicTier = { screen: "published", threshold: 10 } as const

const manifest: Publication.Manifest = {
  contract: Publication.CONTRACT_VERSION,
  release: "r1",
  createdAt: "2026-01-01T00:00:00Z",
  synthetic: true,
  syntheticCases: 300,
  syntheticInputs: [],
  tier: "planners",
  threshold: 10,
  flowThreshold: 10,
  screen: "exact",
  inputs: [],
  counts: { cases: 300, facts: 200 },
  suppressedCells: 0,
  decisions: [],
  tables: {},
}
const contextAt = (k: number) =>
  buildExportContext({ t, state: defaultState("en"), manifest, k, title: "Cases" })

describe("viewThreshold", () => {
  it("is 1 on an exact screen, the publication's threshold when switched to the public rule", () => {
    expect(viewThreshold(planners, "exact")).toBe(1)
    expect(viewThreshold(planners, "public")).toBe(10)
  })
  it("is the publication's threshold on the public tier whatever is asked", () => {
    expect(viewThreshold(publicTier, "exact")).toBe(10)
    expect(viewThreshold(publicTier, "public")).toBe(10)
    expect(viewThreshold(null, "exact")).toBe(10)
  })
  it("lets only an exact screen be switched", () => {
    expect(switchable(planners)).toBe(true)
    expect(switchable(publicTier)).toBe(false)
    expect(switchable(null)).toBe(false)
    expect(switchable({ screen: "exact", threshold: 1 })).toBe(false)
  })
})

describe("imageVariants", () => {
  it("offers the public default (switching the screen) and a restricted exact image on an exact screen", () => {
    expect(imageVariants(planners, "exact")).toEqual([
      { kind: "public", switchToPublic: true },
      { kind: "exact", restricted: true },
    ])
  })
  it("offers the plain public images once the screen shows the public rule, and on the public tier", () => {
    expect(imageVariants(planners, "public")).toEqual([{ kind: "public", switchToPublic: false }])
    expect(imageVariants(publicTier, "exact")).toEqual([{ kind: "public", switchToPublic: false }])
  })
})

describe("imageContext", () => {
  it("stamps the default image with the public threshold note and no restricted mark", () => {
    const ctx = imageContext(contextAt(viewThreshold(planners, "public")), false)
    expect(ctx.thresholdNote).toBe("Counts below 10 are suppressed")
    expect(ctx.restricted).toBeUndefined()
    expect(ctx.notes ?? []).not.toContain(t("exportRestrictedMark"))
    expect(fileNameFor(ctx, "png", new Date("2026-02-03T00:00:00Z"))).toBe("cases-2026-02-03.png")
  })
  it("refuses a default image captured while the screen still showed exact counts", () => {
    expect(() => imageContext(contextAt(1), false)).toThrow(/still shows exact counts/)
  })
  it("marks the exact image restricted in its stamp and its file name", () => {
    const ctx = imageContext(contextAt(1), true)
    expect(ctx.thresholdNote).toBe(t("exactNote"))
    expect(ctx.notes).toContain(t("exportRestrictedMark"))
    expect(fileNameFor(ctx, "svg", new Date("2026-02-03T00:00:00Z"))).toBe("cases-restricted-2026-02-03.svg")
  })
})
