import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import * as CaseRow from "../src/CaseRow.ts"
import * as Htcds from "../src/formats/Htcds.ts"
import * as XlsForm from "../src/formats/XlsForm.ts"
import * as IdentificationSetting from "../src/IdentificationSetting.ts"
import * as Vocabulary from "../src/Vocabulary.ts"

const row = (setting: string): CaseRow.CaseRow => {
  const r = CaseRow.emptyRow()
  Object.assign(r, {
    case_id: "LWU-2024/0001",
    source: "lwu",
    identification_date: "2024-03-15",
    identification_setting: setting,
    victim_group: "intercepted",
    sex: "female",
    citizenship: "LAO",
    exploitation_form: "forced_labour",
  })
  return r
}

describe("IdentificationSetting", () => {
  it("names the ten settings of issue 21, border checkpoint with its glossary Lao", () => {
    expect(IdentificationSetting.codes).toHaveLength(10)
    expect(IdentificationSetting.labels.border_checkpoint.lo).toBe("ດ່ານຊາຍແດນ")
    expect(IdentificationSetting.labels.border_checkpoint.loNeedsReview).toBeUndefined()
    expect(IdentificationSetting.labels.bus_station.loNeedsReview).toBe(true)
  })

  it("puts the unsourced Lao labels in the translators' catalogue as needing review", () => {
    const rows = Vocabulary.catalogue().filter((r) => r.concept === "IdentificationSetting")
    expect(rows.map((r) => r.code).sort()).toEqual([...IdentificationSetting.codes].sort())
    const bus = rows.find((r) => r.code === "bus_station")!
    expect(bus.needsReview).toBe(true)
    expect(rows.find((r) => r.code === "border_checkpoint")!.needsReview).toBe(false)
  })

  it("is an optional CaseRow column: empty accepted, unknown code rejected with row, field and reason", () => {
    expect(Result.isSuccess(CaseRow.decodeCaseRow(row("")))).toBe(true)
    const bad = CaseRow.quickCheck(row("market"))
    expect(bad).toHaveLength(1)
    expect(bad[0]!.path).toBe("identification_setting")
    expect(bad[0]!.message).toMatch(/identification_setting: .*bus_station/)
  })

  it.each(IdentificationSetting.codes)(
    "%s round-trips CaseRow -> Case -> CaseRow -> HTCDS -> CaseRow",
    (code) => {
      const decoded = CaseRow.decodeCaseRow(row(code))
      if (!Result.isSuccess(decoded)) throw new Error(String(decoded.failure))
      const c = CaseRow.toCase(decoded.success)
      if (!Result.isSuccess(c)) throw new Error(String(c.failure))
      expect(c.success.identification.setting).toBe(code)
      const back = CaseRow.fromCase(c.success)
      if (!Result.isSuccess(back)) throw new Error(String(back.failure))
      expect(back.success).toEqual(decoded.success)
      const htcds = Htcds.fromCaseRow(back.success)
      expect(htcds.lao_identification_setting).toBe(code)
      expect(Htcds.toCaseRowCells(htcds).identification_setting).toBe(code)
    },
  )

  it("is a select_one of the generated XLSForm with every setting and a Lao label, read back from a submission", () => {
    const [survey, choices] = XlsForm.form()
    const [head, ...rows] = survey!.rows
    const q = rows.find((r) => r[head!.indexOf("name")] === "identification_setting")!
    expect(q[head!.indexOf("type")]).toBe("select_one identification_setting")
    const [ch, ...crows] = choices!.rows
    const list = crows.filter((r) => r[ch!.indexOf("list_name")] === "identification_setting")
    expect(list.map((r) => r[ch!.indexOf("name")])).toEqual([...IdentificationSetting.codes])
    const lao = list.find((r) => r[ch!.indexOf("name")] === "border_checkpoint")!
    expect(lao[ch!.indexOf(`label::${XlsForm.LO}`)]).toBe("ດ່ານຊາຍແດນ")
    const submission = XlsForm.toKoboSubmission(row("hotline"), {
      uuid: "u1",
      submissionTime: "2024-03-15T10:00:00Z",
      index: 1,
    })
    expect(XlsForm.toCaseRowCells(submission).identification_setting).toBe("hotline")
  })
})
