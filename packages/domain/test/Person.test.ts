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
