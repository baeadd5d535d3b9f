import { describe, expect, it } from "vitest"
import {
  type Allowed,
  type AppState,
  defaultState,
  filtersOf,
  parseState,
  serializeState,
} from "../src/lib/state.ts"

const allowed: Allowed = {
  codes: {
    victimGroup: ["local_lao", "repatriated_lao"],
    sex: ["female", "male"],
    ageBand: ["9-17"],
    ethnicityFamily: ["lao_tai"],
    ethnicGroup: ["hmong", "khmu"],
    exploitationForm: ["forced_labour"],
    destination: ["THA"],
    borderPoint: ["T1"],
    stage: ["closed"],
  },
  areas: ["LA01", "LA0102"],
}

describe("URL state", () => {
  it("round-trips the whole state through the query string", () => {
    const state: AppState = {
      ...defaultState("lo"),
      level: "district",
      metric: "child_rate",
      method: "jenks",
      yearFrom: 2020,
      yearTo: 2023,
      codes: { ...defaultState().codes, sex: "female", destination: "THA", stage: "closed" },
      selected: "LA0102",
      layers: ["cpn", "shelters"],
    }
    expect(parseState(serializeState(state), allowed, "en")).toEqual(state)
  })

  it("ignores unknown codes and malformed values instead of passing them to queries", () => {
    const s = parseState("?sex=robert');DROP&from=20x0&sel=LA99&level=world&layers=flows,evil", allowed, "en")
    expect(s.codes.sex).toBeNull()
    expect(s.yearFrom).toBeNull()
    expect(s.selected).toBeNull()
    expect(s.level).toBe("province")
    expect(s.layers).toEqual(["flows"])
  })

  it("carries an ethnic group as well as a family (grp=) and passes it to the view filters", () => {
    const state: AppState = {
      ...defaultState("en"),
      codes: { ...defaultState().codes, ethnicityFamily: "lao_tai", ethnicGroup: "hmong" },
    }
    const search = serializeState(state)
    expect(new URLSearchParams(search).get("grp")).toBe("hmong")
    expect(parseState(search, allowed, "en")).toEqual(state)
    expect(filtersOf(parseState("?grp=khmu", allowed, "en"))).toMatchObject({ ethnicGroup: "khmu" })
    expect(parseState("?grp=martian", allowed, "en").codes.ethnicGroup).toBeNull()
  })

  it("keeps the open checkpoint profile in the URL (cp=) and ignores unknown checkpoints", () => {
    const state: AppState = { ...defaultState("en"), checkpoint: "T1" }
    expect(new URLSearchParams(serializeState(state)).get("cp")).toBe("T1")
    expect(parseState(serializeState(state), allowed, "en")).toEqual(state)
    expect(parseState("?cp=Z9", allowed, "en").checkpoint).toBeNull()
  })

  it("keeps the map's own measure and identification setting in the URL, and ignores unknown ones", () => {
    const state: AppState = { ...defaultState("en"), metric: "rate", measure: "identified", ident: "hotline" }
    const q = new URLSearchParams(serializeState(state))
    expect([q.get("measure"), q.get("ident"), q.get("metric")]).toEqual(["identified", "hotline", "rate"])
    expect(parseState(serializeState(state), allowed, "en")).toEqual(state)
    expect(parseState("?measure=drop&ident=moon", allowed, "en")).toMatchObject({
      measure: null,
      ident: null,
    })
  })

  it("carries the persons / cases switch (count=persons) and ignores other values", () => {
    const state: AppState = { ...defaultState("en"), count: "persons" }
    expect(serializeState(state)).toContain("count=persons")
    expect(parseState(serializeState(state), allowed, "en")).toEqual(state)
    expect(serializeState(defaultState("en"))).not.toContain("count=")
    expect(parseState("?count=people", allowed, "en").count).toBe("cases")
  })

  it("falls back to the remembered language and maps state to view filters", () => {
    expect(parseState("", allowed, "lo").lang).toBe("lo")
    const s = parseState("?sex=male&from=2021", allowed, "en")
    expect(filtersOf(s)).toMatchObject({ sex: "male", yearFrom: 2021, yearTo: null, stage: null })
  })

  it("carries the trends view, presentation mode with its slide and the brief's province", () => {
    const state: AppState = {
      ...defaultState("lo"),
      page: "brief",
      grain: "quarter",
      breakdown: "outcome",
      present: true,
      slide: 4,
      province: "LA01",
    }
    const search = serializeState(state)
    expect(search).toContain("present=1")
    expect(search).toContain("slide=4")
    expect(search).toContain("province=LA01")
    expect(parseState(search, allowed, "en")).toEqual(state)
    const bad = parseState("?present=yes&slide=0&grain=decade&by=names&province=LA0102", allowed, "en")
    expect(bad).toMatchObject({ present: false, slide: 1, grain: "year", breakdown: "total", province: null })
    expect(parseState("?slide=9999", allowed, "en").slide).toBe(1)
    expect(serializeState(defaultState())).not.toContain("present")
  })
})
