import { describe, expect, it } from "vitest"
import * as Person from "../src/Person.ts"

describe("Person", () => {
  it("maps ages to CTDC bands at the band edges", () => {
    const cases: ReadonlyArray<readonly [number | undefined, Person.AgeBand]> = [
      [0, "0-8"],
      [8, "0-8"],
      [9, "9-17"],
      [17, "9-17"],
      [18, "18-20"],
      [20, "18-20"],
      [21, "21-23"],
      [24, "24-26"],
      [27, "27-29"],
      [29, "27-29"],
      [30, "30-38"],
      [38, "30-38"],
      [39, "39-47"],
      [47, "39-47"],
      [48, "48+"],
      [120, "48+"],
      [undefined, "unknown"],
      [-1, "unknown"],
    ]
    for (const [age, band] of cases) expect(Person.ageBandOf(age), String(age)).toBe(band)
  })
  it("derives child status from the date of birth and the recorded age; when they disagree, a child", () => {
    expect(Person.isChild({ dateOfBirth: "2006-03-16" }, "2024-03-15")).toBe(true)
    expect(Person.isChild({ dateOfBirth: "2006-03-15" }, "2024-03-15")).toBe(false)
    expect(Person.isChild({ ageYears: 17 }, "2024-03-15")).toBe(true)
    expect(Person.isChild({ dateOfBirth: "2000-01-01", ageYears: 17 }, "2024-03-15")).toBe(true)
    expect(Person.ageDisputed({ dateOfBirth: "2000-01-01", ageYears: 17 }, "2024-03-15")).toBe(true)
    expect(Person.isChild({ dateOfBirth: "2000-01-01", ageYears: 24 }, "2024-03-15")).toBe(false)
    expect(Person.ageDisputed({ dateOfBirth: "2000-01-01", ageYears: 24 }, "2024-03-15")).toBe(false)
    expect(Person.isChild({}, "2024-03-15")).toBeUndefined()
  })
  it("maps every sex code to CTDC", () => {
    expect(Object.keys(Person.sexToCtdc).sort()).toEqual([...Person.sexCodes].sort())
  })
})

describe("transgender identities (issue 13)", () => {
  it("are codes of their own, accepted everywhere, read from HTCDS as themselves", async () => {
    const { caseRow, verdicts, roundTrip } = await import("./rows.ts")
    const Htcds = await import("../src/formats/Htcds.ts")
    for (const sex of ["transgender_woman", "transgender_man", "non_binary"]) {
      expect(verdicts(caseRow({ sex })), sex).toEqual({ schema: true, fast: true, quick: true, form: true })
      const { row } = roundTrip(caseRow({ sex }))
      expect(Htcds.toCaseRowCells(Htcds.fromCaseRow(row)).sex).toBe(sex)
    }
    expect(Htcds.toCaseRowCells({ prs_Gender: "TransgenderFeminine" }).sex).toBe("transgender_woman")
    expect(Htcds.toCaseRowCells({ prs_Gender: "TransgenderMasculine" }).sex).toBe("transgender_man")
  })

  it("keep the citations by sex: only `male` is outside the Women's Law 2004, as before", async () => {
    const CaseStage = await import("../src/CaseStage.ts")
    for (const date of ["2010-06-01", "2019-06-01"]) {
      const basis = (sex: string) => CaseStage.defaultIdentificationBasis(date, { sex, child: false })
      expect(basis("transgender_woman")).toEqual(basis("female"))
      expect(basis("transgender_man")).toEqual(basis("unknown"))
      expect(basis("non_binary")).toEqual(basis("unknown"))
    }
    expect(
      CaseStage.defaultIdentificationBasis("2010-06-01", { sex: "male", child: false }).some((id) =>
        id.startsWith("women_2004_"),
      ),
    ).toBe(false)
    expect(
      CaseStage.defaultIdentificationBasis("2010-06-01", { sex: "transgender_woman", child: false }).some(
        (id) => id.startsWith("women_2004_"),
      ),
    ).toBe(true)
  })

  it("are published grouped as transgender_non_binary; female, male and unknown as themselves", () => {
    expect(Person.publishedSexOf).toEqual({
      female: "female",
      male: "male",
      transgender_woman: "transgender_non_binary",
      transgender_man: "transgender_non_binary",
      non_binary: "transgender_non_binary",
      unknown: "unknown",
    })
    for (const code of Person.sexCodes)
      expect(Person.publishedSexCodes).toContain(Person.publishedSexOf[code])
    expect(Person.publishedSexLabels.transgender_non_binary.en).toBe("Transgender or non-binary")
  })
})

describe("limited access to children (issue 13)", () => {
  it("is a means of control, HTCDS UsesChildren both ways", async () => {
    const { caseRow, verdicts, roundTrip } = await import("./rows.ts")
    const Htcds = await import("../src/formats/Htcds.ts")
    const Exploitation = await import("../src/Exploitation.ts")
    expect(Exploitation.meansCodes).toContain("limits_access_to_children")
    const row = caseRow({ means_of_control: "limits_access_to_children;threats" })
    expect(verdicts(row)).toEqual({ schema: true, fast: true, quick: true, form: true })
    const htcds = Htcds.fromCaseRow(roundTrip(row).row)
    expect(htcds.vic_MethodsOfControl).toBe("UsesChildren;Threats")
    expect(Htcds.toCaseRowCells(htcds).means_of_control).toBe("limits_access_to_children;threats")
  })
})
