/**
 * Issue 21: the place of identification (identification_province / identification_district)
 * through import, the exports, synth and publish (facts cube and the suppressed
 * identified_province_year table), on a real DuckDB.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { readCsv } from "@lao-protect/csv"
import { Place } from "@lao-protect/domain"
import { tableFromIPC } from "apache-arrow"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exportCtdc } from "../src/node/export/ctdc.ts"
import { exportHtcds } from "../src/node/export/htcds.ts"
import { importFile } from "../src/node/import/import-file.ts"
import { type NodeConnector, openWarehouse } from "../src/node/index.ts"
import { protectIdentified } from "../src/node/publish/identified.ts"
import { publish } from "../src/node/publish/index.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"
import { writeSynthCsv } from "../src/node/synth/index.ts"
import { IDENTIFIED_PROVINCE_YEAR, type ProvinceYearRow } from "../src/Publication.ts"

let dir: string
let db: NodeConnector
const model = domainModel()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "idplace-test-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
})
afterAll(async () => {
  await db.close()
  await rm(dir, { recursive: true, force: true })
})

const HEAD =
  "case_id,source,identification_date,victim_group,sex,citizenship,exploitation_form,origin_province,Province of identification,identification_district"
const row = (id: string, province: string, district: string) =>
  `${id},lwu,2024-03-15,local_lao,female,LAO,forced_labour,LA06,${province},${district}`

describe("place of identification: import", () => {
  it("reads codes and names, derives the province from the district, rejects bad values naming row, field and reason", async () => {
    const file = join(dir, "partner.csv")
    await writeFile(
      file,
      [
        HEAD,
        row("P1", "LA13", ""),
        row("P2", "Savannakhet", "Kaysone Phomvihane"),
        row("P3", "", "LA1301"),
        row("P4", "", ""),
        row("P5", "Savanaket", ""),
        row("P6", "LA06", "LA1301"),
        row("P7", "LA99", ""),
      ].join("\n"),
    )
    const r = await importFile(db, { file, model, writeRejected: false })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([7, 4, 3])
    expect(
      await db.query(
        `SELECT case_id, CAST(identification_province AS VARCHAR) AS p, CAST(identification_district AS VARCHAR) AS d,
           CAST(origin_province AS VARCHAR) AS o
         FROM cases WHERE case_id LIKE 'P%' ORDER BY 1`,
      ),
    ).toEqual([
      { case_id: "P1", p: "LA13", d: null, o: "LA06" },
      { case_id: "P2", p: "LA13", d: "LA1301", o: "LA06" },
      { case_id: "P3", p: "LA13", d: "LA1301", o: "LA06" },
      { case_id: "P4", p: null, d: null, o: "LA06" },
    ])
    const q = await db.query<{ row_number: number; column: string; reason: string }>(
      `SELECT row_number, "column", reason FROM quarantine WHERE "column" LIKE 'identification_%' ORDER BY row_number`,
    )
    expect(q.map((x) => [x.row_number, x.column])).toEqual([
      [6, "identification_province"],
      [7, "identification_province"],
      [8, "identification_province"],
    ])
    expect(q[0]!.reason).toContain("did you mean LA13?")
    expect(q[1]!.reason).toBe("does not match identification_district (LA1301 is in LA13)")
    expect(q[2]!.reason).toMatch(/LA99/)
  })

  it("goes out in the HTCDS extension fields and not in CTDC (which has no such variable)", async () => {
    const htcds = join(dir, "htcds.csv")
    await exportHtcds({ db, out: htcds })
    const [head, _labels, ...rows] = readCsv(await readFile(htcds, "utf8")).map((r) => [...r.cells])
    const p = head!.indexOf("lao_identification_adm1_pcode")
    const d = head!.indexOf("lao_identification_adm2_pcode")
    expect(p).toBeGreaterThanOrEqual(0)
    expect(d).toBeGreaterThanOrEqual(0)
    expect(rows.map((r) => `${r[p]}/${r[d]}`).sort()).toEqual(["/", "LA13/", "LA13/LA1301", "LA13/LA1301"])
    const ctdc = join(dir, "ctdc.csv")
    await exportCtdc({ db, out: ctdc, k: 1 })
    expect(await readFile(ctdc, "utf8")).not.toMatch(/LA13|identification/)
  })
})

describe("place of identification: synth and publish", () => {
  const readTable = async (out: string, release: string, name: string) =>
    tableFromIPC(await readFile(join(out, "releases", release, `${name}.arrow`)))

  it("synthetic checkpoint identifications are in the checkpoint's province; the cube and the suppressed table agree", async () => {
    const csv = join(dir, "synthetic.csv")
    await writeSynthCsv(csv, { seed: 21, fromYear: 2020, toYear: 2024 })
    const wh = await openWarehouse(join(dir, "synth.duckdb"))
    try {
      const r = await importFile(wh, { file: csv, model, writeRejected: false })
      expect(r.rejected).toBe(0)
      const checkpointProvince = Object.fromEntries(
        Place.checkpoints.map((c) => [c.id, Place.provinceOfDistrict(c.district as Place.DistrictCode)]),
      )
      const atCheckpoint = await wh.query<{ cp: string; p: string }>(
        `SELECT CAST(border_checkpoint AS VARCHAR) AS cp, CAST(identification_province AS VARCHAR) AS p FROM cases
         WHERE identification_setting = 'border_checkpoint' AND identification_province IS NOT NULL AND border_checkpoint IS NOT NULL`,
      )
      expect(atCheckpoint.length).toBeGreaterThan(10)
      for (const x of atCheckpoint) expect(x.p, x.cp).toBe(checkpointProvince[x.cp])
      const [s] = await wh.query<{ n: number; set: number; home: number; hotline: number }>(
        `SELECT count(*)::INT AS n, count(identification_province)::INT AS set,
           count(*) FILTER (WHERE identification_setting IN ('hotline', 'cpn_referral') AND identification_province = origin_province)::INT AS home,
           count(*) FILTER (WHERE identification_setting IN ('hotline', 'cpn_referral') AND identification_province IS NOT NULL AND origin_province IS NOT NULL)::INT AS hotline
         FROM cases`,
      )
      expect(s!.set / s!.n).toBeGreaterThan(0.8)
      expect(s!.home / s!.hotline).toBeGreaterThan(0.7)

      const threshold = 10
      for (const tier of ["planners", "public"] as const) {
        const out = join(dir, `published-${tier}`)
        const result = await publish({
          warehouse: wh,
          out,
          keyFile: join(dir, "publish.key"),
          tier,
          threshold,
        })
        const table = await readTable(out, result.release, IDENTIFIED_PROVINCE_YEAR)
        const rows = table.toArray().map((x) => x.toJSON() as ProvinceYearRow)
        expect(result.manifest.tables[IDENTIFIED_PROVINCE_YEAR]?.rows).toBe(rows.length)
        // Suppressed under the threshold: every shown count is at least the threshold or a total.
        for (const x of rows) {
          expect(x.n === null, JSON.stringify(x)).toBe(x.suppressed)
          if (x.level === "cell" && !x.suppressed) expect(x.n!).toBeGreaterThanOrEqual(threshold)
        }
        expect(rows.some((x) => x.suppressed)).toBe(true)
        const exact = new Map(
          (
            await wh.query<{ p: string | null; y: number; n: number }>(
              `SELECT CAST(identification_province AS VARCHAR) AS p, year(identification_date)::INT AS y, count(*)::INT AS n
               FROM cases WHERE trafficking_status IS DISTINCT FROM 'not_a_victim' GROUP BY ALL`,
            )
          ).map((x) => [`${x.p}|${x.y}`, x.n]),
        )
        for (const x of rows.filter((x) => x.level === "cell" && !x.suppressed))
          expect(x.n, `${x.province} ${x.year}`).toBe(exact.get(`${x.province}|${x.year}`))
        const grand = rows.find((x) => x.level === "grand_total")!
        expect(grand.n).toBe(result.manifest.counts.cases)
        // Year totals agree with province_year's (the same cases, counted by origin).
        const py = (await readTable(out, result.release, "province_year"))
          .toArray()
          .map((x) => x.toJSON() as ProvinceYearRow)
        for (const y of rows.filter((x) => x.level === "year_total")) {
          const there = py.find((x) => x.level === "year_total" && x.year === y.year)!
          expect([y.n, y.suppressed]).toEqual([there.n, there.suppressed])
        }
        if (tier === "planners") {
          // The facts cube carries the province of identification; its sums are the exact counts.
          const facts = await readTable(out, result.release, "facts")
          const p = facts.getChild("identification_province")!.toArray() as Array<string | null>
          const y = facts.getChild("year")!.toArray() as Int16Array
          const n = facts.getChild("n")!.toArray() as Int32Array
          const byCube = new Map<string, number>()
          p.forEach((v, i) => {
            const k = `${v}|${y[i]}`
            byCube.set(k, (byCube.get(k) ?? 0) + n[i]!)
          })
          expect(byCube).toEqual(exact)
        }
      }
    } finally {
      await wh.close()
    }
  })
})

describe("protectIdentified", () => {
  const py = (years: ReadonlyArray<number>, hidden: ReadonlyArray<number> = []): ProvinceYearRow[] =>
    years.map((year) => ({
      province: null,
      year,
      level: "year_total",
      n: hidden.includes(year) ? null : 1,
      suppressed: hidden.includes(year),
    }))

  it("hides a small cell and a complement so it cannot be worked out from the totals", () => {
    const { rows } = protectIdentified(
      [
        { province: "LA01", year: 2024, n: 40 },
        { province: "LA13", year: 2024, n: 30 },
        { province: "LA05", year: 2024, n: 3 },
      ],
      10,
      py([2024]),
    )
    const cell = (p: string) => rows.find((r) => r.level === "cell" && r.province === p)!
    expect(cell("LA05").suppressed).toBe(true)
    expect(cell("LA13").suppressed).toBe(true)
    expect(cell("LA01")).toMatchObject({ n: 40, suppressed: false })
    expect(rows.find((r) => r.level === "year_total")).toMatchObject({ n: 73, suppressed: false })
  })

  it("hides both cells when one small province would otherwise follow from the public year total", () => {
    const { rows, merged } = protectIdentified(
      [
        { province: "LA01", year: 2024, n: 40 },
        { province: "LA05", year: 2024, n: 3 },
      ],
      10,
      py([2024]),
    )
    expect(merged).toEqual([])
    expect(rows.filter((r) => r.level === "cell").map((r) => [r.province, r.n])).toEqual([
      ["LA01", null],
      ["LA05", null],
    ])
  })

  it("counts a province under 'not recorded' when suppression alone cannot protect it", () => {
    // One province only: its cell is the (public) year total, so hiding it protects nothing.
    const { rows, merged } = protectIdentified([{ province: "LA05", year: 2024, n: 3 }], 10, py([2024]))
    expect(merged).toEqual(["LA05"])
    expect(rows.some((r) => r.province === "LA05")).toBe(false)
    expect(rows.filter((r) => r.level === "cell")).toEqual([
      { province: null, year: 2024, level: "cell", n: 3, suppressed: false },
    ])
  })

  it("hides a year total that province_year hides", () => {
    const { rows } = protectIdentified(
      [
        { province: "LA01", year: 2023, n: 40 },
        { province: "LA13", year: 2023, n: 30 },
        { province: "LA01", year: 2024, n: 40 },
        { province: "LA13", year: 2024, n: 30 },
      ],
      10,
      py([2023, 2024], [2024]),
    )
    expect(rows.find((r) => r.level === "year_total" && r.year === 2024)!.suppressed).toBe(true)
    expect(rows.find((r) => r.level === "year_total" && r.year === 2023)!.suppressed).toBe(false)
  })
})
