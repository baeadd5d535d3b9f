/**
 * Issue 13's vocabularies through the warehouse, on a real DuckDB: the importer's SQL gives the
 * decoder's verdict on recruitment ages and lengths of exploitation (random rows), accepts the new
 * columns' codes and refuses others naming row, field, value and the allowed codes, imports old
 * files without the columns, exports them, and publish leaves "not a victim" cases out and groups
 * transgender and non-binary persons.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CaseRow, Person } from "@lao-protect/domain"
// Test-only: the domain's generator, so both packages draw the same rows.
import { spanRow } from "@lao-protect/domain/test/arbitraries"
import { tableFromIPC } from "apache-arrow"
import { Result } from "effect"
import fc from "fast-check"
import { afterEach, describe, expect, it } from "vitest"
import { exportCtdc } from "../src/node/export/ctdc.ts"
import { exportHtcds } from "../src/node/export/htcds.ts"
import { importFile } from "../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { ensureLinkTables } from "../src/node/linkage/link.ts"
import { publish } from "../src/node/publish/index.ts"
import { linkagePublication } from "../src/node/publish/linkage.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"

const dir = mkdtempSync(join(tmpdir(), "vocabularies-"))
let db: NodeConnector | undefined
afterEach(async () => {
  await db?.close()
  db = undefined
})

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
let n = 0
const write = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>) => {
  const path = join(dir, `f${n++}.csv`)
  writeFileSync(path, [header, ...rows].map((r) => r.map(cell).join(",")).join("\n"))
  return path
}
const fresh = async () => {
  db = await openWarehouse(join(dir, `w${n++}.duckdb`))
  return db
}

const HEADER = [
  "case_id",
  "source",
  "identification_date",
  "victim_group",
  "sex",
  "citizenship",
  "exploitation_form",
]
const base = (id: string, sex = "female", citizenship = "LAO") => [
  id,
  "lwu",
  "2024-03-15",
  "intercepted",
  sex,
  citizenship,
  "forced_labour",
]

describe("importer SQL = domain decoder on age at recruitment and length of exploitation", () => {
  it("accepts exactly the rows the decoder accepts (random rows, real DuckDB)", async () => {
    const rows = fc
      .sample(spanRow, { numRuns: 500, seed: 13 })
      .map((r) => ({ ...r, first_language: "", victim_name: "", phone: "", village: "", notes: "" }))
      .map((r, i) => ({ ...r, case_id: `S${i}` }) as CaseRow.CaseRow)
    const w = await fresh()
    const file = write(
      CaseRow.columnNames,
      rows.map((r) => CaseRow.columnNames.map((c) => r[c])),
    )
    const result = await importFile(w, { file, model: domainModel(), writeRejected: false })
    expect(result.accepted + result.rejected).toBe(rows.length)
    const got = new Set(
      (await w.query<{ case_id: string }>("SELECT case_id FROM cases")).map((r) => r.case_id),
    )
    const expected = new Set(
      rows.filter((r) => Result.isSuccess(CaseRow.decodeCaseRow(r))).map((r) => r.case_id),
    )
    const disagree = rows
      .filter((r) => expected.has(r.case_id) !== got.has(r.case_id))
      .map((r) => ({ decoder: expected.has(r.case_id), issues: CaseRow.quickCheck(r), row: r }))
    expect(disagree.slice(0, 3)).toEqual([])
    expect(expected.size).toBeGreaterThan(50)
    expect(rows.length - expected.size).toBeGreaterThan(50)
    const reasons = await w.query<{ column: string; reason: string }>(
      `SELECT DISTINCT "column", reason FROM quarantine WHERE "column" IN ('age_at_recruitment', 'exploitation_months')`,
    )
    expect(reasons.map((r) => r.reason)).toContainEqual(
      expect.stringContaining("rule recruited_before_identification"),
    )
    expect(reasons.map((r) => r.reason)).toContainEqual(
      expect.stringContaining("rule exploitation_after_recruitment"),
    )
  }, 120_000)
})

describe("the new columns through import and export", () => {
  const columns = [
    ...HEADER,
    "trafficking_status",
    "recruitment_method",
    "recruiter_relationship",
    "age_years",
    "age_at_recruitment",
    "exploitation_months",
    "means_of_control",
  ]

  it("accepts codes and labels, refuses others naming row, field, value and the allowed codes", async () => {
    const w = await fresh()
    const file = write(columns, [
      [
        ...base("V1", "transgender_woman"),
        "confirmed",
        "job_offer",
        "friend_acquaintance",
        "25",
        "23",
        "20",
        "limits_access_to_children",
      ],
      [...base("V2", "male", "stateless"), "not_a_victim", "Abduction", "Broker agent", "", "", "", ""],
      [...base("V3", "female", "Norway"), "", "", "", "", "", "", ""],
      [...base("V4"), "", "by_phone", "", "", "", "", ""],
      [...base("V5"), "", "", "uncle", "", "", "", ""],
      [...base("V6"), "", "", "", "16", "17", "", ""],
      [...base("V7"), "", "", "", "16", "15", "-2", ""],
      [...base("V8"), "victim", "", "", "", "", "", ""],
    ])
    const r = await importFile(w, { file, model: domainModel(), writeRejected: false })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([8, 3, 5])
    expect(
      await w.query(
        `SELECT case_id, sex::VARCHAR AS sex, citizenship::VARCHAR AS citizenship, trafficking_status::VARCHAR AS status,
           recruitment_method::VARCHAR AS method, recruiter_relationship::VARCHAR AS relation,
           age_at_recruitment, exploitation_months, array_to_string(means_of_control, ';') AS means
         FROM cases ORDER BY case_id`,
      ),
    ).toEqual([
      {
        case_id: "V1",
        sex: "transgender_woman",
        citizenship: "LAO",
        status: "confirmed",
        method: "job_offer",
        relation: "friend_acquaintance",
        age_at_recruitment: 23,
        exploitation_months: 20,
        means: "limits_access_to_children",
      },
      {
        case_id: "V2",
        sex: "male",
        citizenship: "stateless",
        status: "not_a_victim",
        method: "abduction",
        relation: "broker_agent",
        age_at_recruitment: null,
        exploitation_months: null,
        means: null,
      },
      {
        case_id: "V3",
        sex: "female",
        citizenship: "NOR",
        status: null,
        method: null,
        relation: null,
        age_at_recruitment: null,
        exploitation_months: null,
        means: null,
      },
    ])
    const q = await w.query<{ row_number: number; column: string; value: string; reason: string }>(
      `SELECT row_number, "column", value, reason FROM quarantine ORDER BY row_number`,
    )
    expect(q.map((x) => [x.row_number, x.column, x.value])).toEqual([
      [5, "recruitment_method", "by_phone"],
      [6, "recruiter_relationship", "uncle"],
      [7, "age_at_recruitment", "17"],
      [8, "exploitation_months", "-2"],
      [9, "trafficking_status", "victim"],
    ])
    expect(q[0]!.reason).toMatch(/^not a known code: expected one of job_offer, internet, .*unknown$/)
    expect(q[1]!.reason).toMatch(/^not a known code: expected one of family, intimate_partner, .*unknown$/)
    expect(q[2]!.reason).toMatch(/rule recruited_before_identification/)
    expect(q[3]!.reason).toMatch(/between 0 and 1200/)
    expect(q[4]!.reason).toBe("not a known code: expected one of presumed, confirmed, not_a_victim")
  })

  it("an old file without the new columns still imports; the columns stay empty", async () => {
    const w = await fresh()
    const r = await importFile(w, {
      file: write(HEADER, [base("O1"), base("O2", "non_binary", "THA")]),
      model: domainModel(),
    })
    expect([r.accepted, r.rejected]).toEqual([2, 0])
    expect(
      await w.query(
        "SELECT count(*)::INT AS n FROM cases WHERE trafficking_status IS NULL AND recruitment_method IS NULL AND age_at_recruitment IS NULL AND exploitation_months IS NULL",
      ),
    ).toEqual([{ n: 2 }])
  })

  it("HTCDS carries the codes; CTDC leaves not_a_victim out", async () => {
    const w = await fresh()
    const file = write(columns, [
      [...base("E1", "transgender_man", "stateless"), "presumed", "internet", "family", "20", "18", "30", ""],
      [...base("E2"), "not_a_victim", "", "", "", "", "", ""],
    ])
    await importFile(w, { file, model: domainModel(), writeRejected: false })
    const htcds = await exportHtcds({ db: w, out: join(dir, "h.csv") } as never)
    const text = readFileSync(htcds.file, "utf8")
    for (const v of [
      "TransgenderMasculine",
      "Internet (social media",
      "lao_recruiter_relationship",
      "not_a_victim",
      "stateless",
    ])
      expect(text).toContain(v)
    const ctdc = await exportCtdc({ db: w, out: join(dir, "c.csv"), k: 1 })
    const lines = readFileSync(ctdc.file, "utf8").trim().split(/\r?\n/)
    expect(lines).toHaveLength(2) // header + E1
    expect(lines[1]).toContain("25+ (2+ yrs)")
  })
})

describe("publish", () => {
  it("counts no not_a_victim case and publishes transgender and non-binary persons grouped", async () => {
    const w = await fresh()
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => [...base(`F${i}`), "confirmed"]),
      ...Array.from({ length: 3 }, (_, i) => [...base(`N${i}`), "not_a_victim"]),
      [...base("T1", "transgender_woman"), ""],
      [...base("T2", "transgender_man"), "presumed"],
      [...base("T3", "non_binary"), ""],
      [...base("T4", "transgender_woman"), "not_a_victim"],
    ]
    const r = await importFile(w, {
      file: write([...HEADER, "trafficking_status"], rows),
      model: domainModel(),
    })
    expect(r.accepted).toBe(13)
    const out = join(dir, `pub${n++}`)
    const published = await publish({ warehouse: w, out, keyFile: join(dir, `k${n++}.key`), threshold: 1 })
    const facts = tableFromIPC(readFileSync(join(published.dir, "facts.arrow")))
    const bySex = new Map<string, number>()
    const sex = facts.getChild("sex")!.toArray() as Array<string>
    const count = facts.getChild("n")!.toArray() as Int32Array
    sex.forEach((s, i) => {
      bySex.set(s, (bySex.get(s) ?? 0) + count[i]!)
    })
    expect(Object.fromEntries(bySex)).toEqual({ female: 6, transgender_non_binary: 3 })
    expect(published.manifest.counts.cases).toBe(9)
    for (const s of bySex.keys()) expect(Person.publishedSexCodes).toContain(s)
  })
})

describe("linkage publication", () => {
  it("counts no record of a case screened out as not a victim", async () => {
    const w = await fresh()
    const rows = [
      [...base("L1"), "confirmed"],
      [...base("L2"), ""],
      [...base("L3"), "not_a_victim"],
    ]
    await importFile(w, { file: write([...HEADER, "trafficking_status"], rows), model: domainModel() })
    await ensureLinkTables(w)
    await w.exec(`
      INSERT INTO link_records (rid, record_id, partner, case_id, submission, identification_date, key_id)
      SELECT i, 'lwu/' || id, 'lwu', id, 's1', DATE '2024-03-15' + i, 'k'
      FROM (VALUES (1, 'L1'), (2, 'L2'), (3, 'L3')) t(i, id);
      UPDATE link_records SET origin_province = CASE case_id WHEN 'L3' THEN 'LA02' ELSE 'LA01' END;
      CREATE TABLE link_persons AS
      SELECT rid, record_id, partner, case_id,
        CASE case_id WHEN 'L2' THEN 'P-L2' ELSE 'P-L1' END AS person_id FROM link_records;
    `)
    const publication = await linkagePublication(w, { threshold: 1 })
    expect(publication!.summary.cases).toBe(2)
    expect(publication!.summary.persons).toBe(2)
    const years = publication!.tables.persons_year!
    expect(years.getChild("cases")!.toArray()[0]).toBe(2)
    // L3 (not a victim) is linked to L1's person in another province: neither the persons map nor
    // the referrals between provinces may count it.
    const provinces = publication!.tables.persons_province!
    expect([...provinces.getChild("province")!.toArray()]).toEqual(["LA01"])
    expect(provinces.getChild("cases")!.toArray()[0]).toBe(2)
    expect(publication!.tables.referrals!.numRows).toBe(0)
  })
})
