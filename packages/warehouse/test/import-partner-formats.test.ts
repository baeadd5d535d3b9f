/**
 * IOM's HTCDS template as partners fill it (1,000 pre-numbered rows, dropdown labels, the
 * template's own column spellings) and a Kobo export of IOM's XLSForm (group paths, space-separated
 * multi-selects), through `importPartnerFile`: every filled row lands or is rejected with only its
 * real problems, and no converted file is left next to the input.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { importPartnerFile } from "../src/node/export/partner-import.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"

const model = domainModel()
let dir: string
let db: NodeConnector
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-partner-formats-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
})
afterEach(async () => {
  await db.close()
})
const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)
const csv = (rows: ReadonlyArray<ReadonlyArray<string>>) =>
  `${rows.map((r) => r.map(cell).join(",")).join("\n")}\n`

describe("IOM's HTCDS template", () => {
  it("5 filled rows of 1,000 pre-numbered ones import as 5, with labels and the template's spellings", async () => {
    const header = [
      "",
      "prs_First_Name",
      "prs_Second_Name",
      "prs_Gender",
      "prs_Nationality",
      "vic_TypeOfExploitation",
      "vic_ForcedLabourIndustry",
      "vic_Methods_of_Control",
      "vic_TraffickinStatusDecisionMakingOrg",
      "cas_IncomingReferralDate",
      "con_Consent",
      "lao_case_id",
    ]
    const labels = [
      "",
      "First Name",
      "Second Name",
      "Gender",
      "Nationality",
      "Type of Exploitation",
      "",
      "",
      "",
      "",
      "",
      "",
    ]
    const filled = [
      [
        "Noy",
        "P",
        "Female",
        "LA",
        "Forced labour",
        "Agriculture, forestry and fishing",
        "Physical threats;Restricts financial access",
        "Police",
        "2024-02-01",
        "TRUE",
        "H-1",
      ],
      ["Bee", "K", "Male", "LA", "Sexual exploitation", "", "", "NGO", "2024-02-02", "FALSE", "H-2"],
      [
        "Ton",
        "S",
        "Feminine",
        "TH",
        "ForcedLabour",
        "F_Construction",
        "DebtBondage",
        "",
        "2024-02-03",
        "",
        "H-3",
      ],
      ["Kham", "V", "Unknown", "LA", "Forced labour", "Construction", "", "", "2024-02-04", "", "H-4"],
      // The one real problem: a gender that is no gender.
      ["Dao", "L", "Alien", "LA", "Forced labour", "", "", "", "2024-02-05", "", "H-5"],
    ]
    const rows = [header, labels, ...filled.map((r, i) => [String(i + 1), ...r])]
    for (let i = filled.length + 1; i <= 1000; i++) rows.push([String(i), ...header.slice(1).map(() => "")])
    const file = join(dir, "htcds-template.csv")
    writeFileSync(file, csv(rows))
    const { rows: n, result } = await importPartnerFile(db, {
      file,
      format: "htcds",
      model,
      defaults: { source: "iom", victim_group: "repatriated_lao" },
    })
    expect(n).toBe(5)
    expect([result.rowsRead, result.accepted, result.rejected]).toEqual([5, 4, 1])
    const cases = await db.query<Record<string, string | null>>(
      `SELECT case_id, sex::VARCHAR AS sex, exploitation_form::VARCHAR AS f, industry::VARCHAR AS i,
         array_to_string(means_of_control, ';') AS m, identifying_agency::VARCHAR AS a, consent::VARCHAR AS c
       FROM cases ORDER BY case_id`,
    )
    expect(cases).toEqual([
      {
        case_id: "H-1",
        sex: "female",
        f: "forced_labour",
        i: "agriculture",
        m: "threats;takes_earnings",
        a: "mps_atd",
        c: "yes",
      },
      { case_id: "H-2", sex: "male", f: "sexual_exploitation", i: null, m: null, a: null, c: "no" },
      {
        case_id: "H-3",
        sex: "female",
        f: "forced_labour",
        i: "construction",
        m: "debt_bondage",
        a: null,
        c: null,
      },
      { case_id: "H-4", sex: "unknown", f: "forced_labour", i: "construction", m: null, a: null, c: null },
    ])
    const rejected = readFileSync(`${file}.rejected.csv`, "utf8").trim().split(/\r?\n/)
    expect(rejected).toHaveLength(2)
    expect(rejected[1]).toMatch(/^7,sex,Alien,/)
    // Nothing but the input and the rejected rows next to the input.
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith("htcds-template"))
        .sort(),
    ).toEqual(["htcds-template.csv", "htcds-template.csv.rejected.csv"])
  })
})

describe("a Kobo export of IOM's XLSForm", () => {
  it("reads group paths and space-separated multi-selects through import-htcds", async () => {
    const file = join(dir, "kobo-iom.csv")
    writeFileSync(
      file,
      csv([
        [
          "start",
          "end",
          "person/prs_First_Name",
          "person/prs_Gender",
          "person/prs_Nationality",
          "victim/vic_Methods_of_Control",
          "victim/vic_TypeOfExploitation",
          "case/cas_IncomingReferralDate",
          "lao_case_id",
          "_uuid",
        ],
        [
          "2024-03-01T10:00",
          "2024-03-01T10:20",
          "Noy",
          "Female",
          "LA",
          "PhysicalThreats DebtBondage",
          "ForcedLabour",
          "2024-03-01",
          "K-1",
          "u1",
        ],
        [
          "2024-03-02T10:00",
          "2024-03-02T10:20",
          "Bee",
          "Male",
          "LA",
          "RestrictsFinancialAccess",
          "SexualExploitation",
          "2024-03-02",
          "K-2",
          "u2",
        ],
      ]),
    )
    const { result } = await importPartnerFile(db, {
      file,
      format: "htcds",
      model,
      defaults: { source: "iom", victim_group: "repatriated_lao" },
    })
    expect([result.rowsRead, result.accepted, result.rejected]).toEqual([2, 2, 0])
    const m = await db.query<{ m: string }>(
      "SELECT array_to_string(means_of_control, ';') AS m FROM cases ORDER BY case_id",
    )
    expect(m.map((r) => r.m)).toEqual(["threats;debt_bondage", "takes_earnings"])
  })
})
