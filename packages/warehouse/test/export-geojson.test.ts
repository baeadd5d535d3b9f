/** GeoJSON map layers come from the current publication only, with suppression flags and no hidden numbers. */
import { mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Place } from "@lao-protect/domain"
import { tableFromIPC } from "apache-arrow"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { currentRelease, exportGeojson, type FeatureCollection, layers } from "../src/node/export/geojson.ts"
import { ensureSampleData } from "../src/node/index.ts"

let root: string
let published: string
let threshold: number

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "geojson-test-"))
  await ensureSampleData({ root })
  published = join(root, "data", "published")
  threshold = (await currentRelease(published)).manifest.threshold
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

const check = (fc: FeatureCollection) => {
  expect(fc.type).toBe("FeatureCollection")
  expect(fc.threshold).toBe(threshold)
  for (const f of fc.features) {
    const p = f.properties
    expect(typeof p.suppressed).toBe("boolean")
    if (p.suppressed === true) expect(p.n).toBeNull()
    else if (p.n !== null) expect(p.n as number).toBeGreaterThanOrEqual(threshold)
  }
}

describe("GeoJSON export", () => {
  it("provinces: totals from province_year, suppressed cells without numbers", async () => {
    const fc = await exportGeojson({ published, layer: "provinces" })
    check(fc)
    expect(fc.features).toHaveLength(Place.provinces.length)
    const { dir } = await currentRelease(published)
    // The export follows the published suppression (the public rule), whatever the screen rule of
    // the tier: compare with province_year's totals, as the first paint shows them in that rule.
    const py = tableFromIPC(await readFile(join(dir, "province_year.arrow")))
    const totals = py
      .toArray()
      .map(
        (r) =>
          r.toJSON() as { province: string | null; level: string; n: number | null; suppressed: boolean },
      )
      .filter((r) => r.level === "province_total" && r.province !== null)
      .map((r) => ({ province: r.province!, n: r.suppressed ? null : r.n, suppressed: r.suppressed }))
    expect(totals.length).toBeGreaterThan(0)
    for (const p of totals) {
      const f = fc.features.find((x) => x.properties.pcode === p.province)!
      expect({ n: f.properties.n, suppressed: f.properties.suppressed }).toEqual({
        n: p.n,
        suppressed: p.suppressed,
      })
    }
    expect(fc.features.every((f) => f.geometry?.type === "Point")).toBe(true)
  })

  it("districts in one year: some suppressed, none shows a number under the threshold", async () => {
    const fc = await exportGeojson({ published, layer: "districts", year: 2020 })
    check(fc)
    expect(fc.features).toHaveLength(Place.districts.length)
    const statuses = new Set(fc.features.map((f) => f.properties.status))
    expect(statuses.has("suppressed")).toBe(true)
    expect(statuses.has("no_data")).toBe(true)
    for (const f of fc.features) expect(f.properties.parent).toBe((f.properties.pcode as string).slice(0, 4))
  })

  it("checkpoints: a total is shown only when every contributing flow cell is published", async () => {
    const fc = await exportGeojson({ published, layer: "checkpoints", year: 2019 })
    check(fc)
    expect(fc.features).toHaveLength(Place.checkpoints.length)
  })

  it("flows: LineStrings from the province to the border point, with suppression and drawn flags", async () => {
    const fc = await exportGeojson({ published, layer: "flows", year: 2018 })
    check(fc)
    expect(fc.features.length).toBeGreaterThan(0)
    for (const f of fc.features) {
      expect(typeof f.properties.drawn).toBe("boolean")
      if (f.properties.border_point !== null) expect(f.geometry?.type).toBe("LineString")
    }
    expect(fc.features.some((f) => f.properties.suppressed === true)).toBe(true)
  })

  it("uses boundary polygons when a boundaries folder is given", async () => {
    const boundaries = join(import.meta.dirname, "../../../data/geo/default")
    const fc = await exportGeojson({ published, layer: "provinces", boundaries })
    const types = new Set(fc.features.map((f) => f.geometry?.type))
    const { existsSync } = await import("node:fs")
    if (existsSync(join(boundaries, "provinces.geojson"))) expect(types.has("Point")).toBe(false)
    else expect(types).toEqual(new Set(["Point"]))
  })

  it("fails clearly without a publication", async () => {
    await expect(exportGeojson({ published: join(root, "nowhere"), layer: "provinces" })).rejects.toThrow(
      /no publication/,
    )
    expect(layers).toEqual(["provinces", "districts", "checkpoints", "flows"])
  })
})
