/** Issue 20, item 17: inherited properties are not cells, and a throwing getter is a typed failure, in both checks. */
import { describe, expect, it } from "vitest"
import { CaseRow } from "../src/index.ts"

const valid = (): Record<string, unknown> => ({
  ...(CaseRow.emptyRow() as Record<string, unknown>),
  case_id: "A1",
  source: "lwu",
  identification_date: "2024-01-15",
  victim_group: "local_lao",
  sex: "female",
  citizenship: "LAO",
  exploitation_form: "forced_labour",
})

describe("decodeCaseRow and quickCheck read a row's own fields only", () => {
  it("accept the plain row", () => {
    expect(CaseRow.decodeCaseRow(valid())._tag).toBe("Success")
    expect(CaseRow.quickCheck(valid())).toEqual([])
  })

  it("a row whose fields are all inherited has every field missing, in both", () => {
    const inherited = Object.create(valid()) as object
    expect(CaseRow.decodeCaseRow(inherited)._tag).toBe("Failure")
    const issues = CaseRow.quickCheck(inherited)
    expect(issues.map((i) => i.message)).toContain("case_id: this field is missing")
  })

  it("one inherited field counts as missing, in both", () => {
    const { sex, ...rest } = valid()
    const row = Object.assign(Object.create({ sex }), rest) as object
    expect(CaseRow.decodeCaseRow(row)._tag).toBe("Failure")
    expect(CaseRow.quickCheck(row).map((i) => i.path)).toEqual(["sex"])
  })

  it("a getter that throws is a typed failure in both, never an exception", () => {
    const row = valid()
    Object.defineProperty(row, "sex", {
      enumerable: true,
      get() {
        throw new Error("boom")
      },
    })
    expect(() => CaseRow.decodeCaseRow(row)).not.toThrow()
    expect(CaseRow.decodeCaseRow(row)._tag).toBe("Failure")
    expect(() => CaseRow.quickCheck(row)).not.toThrow()
    expect(CaseRow.quickCheck(row)[0]!.message).toMatch(/could not be read: Error: boom/)
  })
})
