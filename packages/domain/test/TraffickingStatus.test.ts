import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as Ctdc from "../src/formats/Ctdc.ts"
import * as Htcds from "../src/formats/Htcds.ts"
import * as TraffickingStatus from "../src/TraffickingStatus.ts"
import { caseRow, issues, roundTrip, verdicts, xlsForm } from "./rows.ts"

describe("TraffickingStatus", () => {
  it("is presumed, confirmed or not a victim; only not_a_victim is left out of the counts", () => {
    expect(TraffickingStatus.codes).toEqual(["presumed", "confirmed", "not_a_victim"])
    expect(TraffickingStatus.countsAsVictim("")).toBe(true)
    expect(TraffickingStatus.countsAsVictim(undefined)).toBe(true)
    expect(TraffickingStatus.countsAsVictim("presumed")).toBe(true)
    expect(TraffickingStatus.countsAsVictim("confirmed")).toBe(true)
    expect(TraffickingStatus.countsAsVictim("not_a_victim")).toBe(false)
    expect(TraffickingStatus.labels.confirmed.lo).toBe("ຜູ້ຖືກເຄາະຮ້າຍຈາກການຄ້າມະນຸດ")
    expect(TraffickingStatus.labels.not_a_victim.loNeedsReview).toBe(true)
  })

  it("is an optional CaseRow column: an old file without it still decodes, a wrong code is refused with the codes", () => {
    expect(verdicts(caseRow())).toEqual({ schema: true, fast: true, quick: true, form: true })
    expect(issues(caseRow({ trafficking_status: "victim" }))).toEqual([
      {
        path: "trafficking_status",
        message: 'trafficking_status: "victim" is not one of presumed, confirmed, not_a_victim',
      },
    ])
  })

  it.each(TraffickingStatus.codes)(
    "%s round-trips through Case and HTCDS (extension lao_trafficking_status)",
    (code) => {
      const row = caseRow({ trafficking_status: code })
      const { case: c, row: back } = roundTrip(row)
      expect(c.traffickingStatus).toBe(code)
      expect(back).toEqual(row)
      const htcds = Htcds.fromCaseRow(back)
      expect(htcds.lao_trafficking_status).toBe(code)
      expect(Htcds.toCaseRowCells(htcds).trafficking_status).toBe(code)
    },
  )

  it("is in the XLSForm and the JSON Schema", () => {
    const q = xlsForm("trafficking_status", "trafficking_status")
    expect(q.type).toBe("select_one trafficking_status")
    expect(q.choices).toEqual([...TraffickingStatus.codes])
    const schema = JSON.parse(
      readFileSync(join(import.meta.dirname, "../json-schema/CaseRow.schema.json"), "utf8"),
    )
    expect(schema.$defs.CaseRow.properties.trafficking_status.allOf[0].enum).toEqual([
      "",
      ...TraffickingStatus.codes,
    ])
    const caseSchema = readFileSync(join(import.meta.dirname, "../json-schema/Case.schema.json"), "utf8")
    expect(caseSchema).toContain('"traffickingStatus"')
    expect(caseSchema).toContain('"not_a_victim"')
  })

  it("the CTDC view does not depend on it (the export leaves not_a_victim rows out, see the warehouse)", () => {
    expect(Ctdc.fromCaseRow(caseRow({ trafficking_status: "not_a_victim" }))).toEqual(
      Ctdc.fromCaseRow(caseRow()),
    )
  })
})
