/** Bench inputs survive a bare clone and an interrupted run: dangling links, partial outputs. */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, describe, expect, it } from "vitest"
import { dashboardDataRoot, ensureCsv, ensureLink } from "../src/data.ts"

const dirs: string[] = []
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), "lp-bench-test-"))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe("ensureLink", () => {
  it("replaces a dangling link (existsSync calls it missing; symlinkSync used to fail with EEXIST)", () => {
    const d = scratch()
    const link = join(d, "geo")
    symlinkSync(join(d, "gone"), link, "dir")
    expect(existsSync(link)).toBe(false)
    const target = join(d, "target")
    ensureLink(target, link)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe(target)
    // and again, now that it is right, and while its target still does not exist
    ensureLink(target, link)
    expect(readlinkSync(link)).toBe(target)
  })

  it("re-points a link to another target and leaves a real folder alone", () => {
    const d = scratch()
    mkdirSync(join(d, "other"))
    symlinkSync(join(d, "other"), join(d, "geo"), "dir")
    ensureLink(join(d, "target"), join(d, "geo"))
    expect(readlinkSync(join(d, "geo"))).toBe(join(d, "target"))
    mkdirSync(join(d, "real"))
    writeFileSync(join(d, "real", "keep.txt"), "x")
    ensureLink(join(d, "target"), join(d, "real"))
    expect(lstatSync(join(d, "real")).isDirectory()).toBe(true)
    expect(readFileSync(join(d, "real", "keep.txt"), "utf8")).toBe("x")
  })

  it("dashboardDataRoot works twice on a clone where data/geo does not exist", () => {
    const d = scratch()
    const root = dashboardDataRoot(1000, d)
    expect(lstatSync(join(root, "geo")).isSymbolicLink()).toBe(true)
    expect(dashboardDataRoot(1000, d)).toBe(root)
  })
})

describe("ensureCsv after an interrupted run", () => {
  it("regenerates a partial CSV left without its recipe, and leaves no temporary file", async () => {
    const d = scratch()
    writeFileSync(join(d, "cases.csv"), "case_id,source,identification_date\nC-1,x,2020-")
    writeFileSync(join(d, "cases.csv.tmp"), "partial")
    writeFileSync(join(d, "synth.csv"), "partial")
    const csv = await ensureCsv(300, () => undefined, d)
    const lines = readFileSync(csv, "utf8").trimEnd().split("\n")
    expect(lines).toHaveLength(301)
    expect(lines.filter((l) => l.includes("2023-02-30"))).toHaveLength(3)
    expect(existsSync(join(d, "cases.csv.tmp"))).toBe(false)
    expect(existsSync(join(d, "synth.csv"))).toBe(false)
    expect(JSON.parse(readFileSync(join(d, "cases.recipe.json"), "utf8")).size).toBe(300)
  }, 60_000)

  it("regenerates when the recipe belongs to another size, and reuses a complete one", async () => {
    const d = scratch()
    await ensureCsv(200, () => undefined, d)
    const logged: string[] = []
    await ensureCsv(250, (s) => logged.push(s), d)
    expect(readFileSync(join(d, "cases.csv"), "utf8").trimEnd().split("\n")).toHaveLength(251)
    expect(logged).toHaveLength(1)
    await ensureCsv(250, (s) => logged.push(s), d)
    expect(logged).toHaveLength(1)
  }, 60_000)
})
