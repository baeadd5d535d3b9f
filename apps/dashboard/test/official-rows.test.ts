/** Official statistics over their own years beside our counts, and their notes in Lao only when sourced. */
import { glotipMeasureMapping, type OfficialStat } from "@lao-protect/warehouse"
import { notesAwaitingLao } from "@lao-protect/warehouse/measure-mapping"
import { describe, expect, it } from "vitest"
import { REVIEW_MARK } from "../src/i18n/index.ts"
import { mappingOf, officialNote, officialRows } from "../src/pages/trends/model.ts"

const stat = (year: number, value: number | null, sex = "Total"): OfficialStat => ({
  year,
  indicator: "Detected trafficking victims",
  dimension: "Total",
  category: "Total",
  sex,
  age: "Total",
  unit: "Counts",
  value,
  suppressed: value === null,
  suppressed_below: value === null ? 5 : null,
  missing: false,
  source: "National authorities",
})
const ours = (year: number, n: number) => ({ year, victims_total: n }) as never

describe("officialRows", () => {
  it("shows every year the official figures cover, ours only inside our years (never a zero outside)", () => {
    const rows = officialRows(
      [stat(2012, 40), stat(2015, 96), stat(2021, null)],
      [ours(2015, 120), ours(2021, 8)],
      ["victims_total"],
      [2014, 2024],
      10,
    )
    expect(rows.map((r) => [r.year, r.inOurYears, r.ours, r.theirs])).toEqual([
      [2012, false, { kind: "no_data" }, { kind: "value", n: 40 }],
      [2015, true, { kind: "value", n: 120 }, { kind: "value", n: 96 }],
      [2021, true, { kind: "suppressed", k: 10 }, { kind: "suppressed", k: 5 }],
    ])
  })
  it("leaves out measures the mapping calls not comparable, and years a measure has no figure for", () => {
    expect(
      officialRows([stat(2015, 96)], [], ["victims_total", "victims_female"], [2015, 2015], 10),
    ).toHaveLength(1)
  })
})

describe("officialNote", () => {
  const m = mappingOf("victims_total")!
  it("English as written; in Lao the English with the review mark while no sourced Lao exists", () => {
    expect(officialNote(m, "en")).toBe(m.note)
    expect(officialNote(m, "lo")).toBe(`${m.note} ${REVIEW_MARK}`)
  })
  it("in Lao, a sourced translation when the mapping has one", () => {
    const lo = { ...m, noteLo: { text: "ໝາຍເຫດ", source: "translator review 2026" } }
    expect(officialNote(lo, "lo")).toBe("ໝາຍເຫດ")
    expect(officialNote(lo, "en")).toBe(m.note)
  })
})

describe("notesAwaitingLao (the translators' list of check:i18n)", () => {
  it("lists every note the Lao UI shows in English, and drops one once a sourced Lao text is recorded", () => {
    const all = notesAwaitingLao()
    const shownInEnglish = glotipMeasureMapping.filter((m) => officialNote(m, "lo").endsWith(REVIEW_MARK))
    expect(all.map((n) => n.measure)).toEqual(shownInEnglish.map((m) => m.measure))
    expect(all.length).toBeGreaterThan(0)
    const translated = glotipMeasureMapping.map((m) =>
      m.measure === "victims_total"
        ? { ...m, noteLo: { text: "ໝາຍເຫດ", source: "translator review 2026" } }
        : m,
    )
    expect(notesAwaitingLao(translated).map((n) => n.measure)).toEqual(
      all.map((n) => n.measure).filter((m) => m !== "victims_total"),
    )
  })
})
