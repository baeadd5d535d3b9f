import { createHash, createHmac } from "node:crypto"
import { existsSync } from "node:fs"
import { mkdtemp, readdir, readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { tableFromArrays, tableFromIPC } from "apache-arrow"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Connector } from "../src/Connector.ts"
import { importFile } from "../src/node/import/import-file.ts"
import { openWarehouse } from "../src/node/index.ts"
import type { NodeConnector } from "../src/node/NodeConnector.ts"
import { importUnodcGlotip } from "../src/node/official-stats/index.ts"
import { CellTable, hmacPads, type Manifest, publish, recoverable } from "../src/node/publish/index.ts"
import pubCasesSql from "../src/node/publish/pub_cases.sql?raw"
import pubEthnicFamilySql from "../src/node/publish/pub_ethnic_family.sql?raw"
import { PUBLISH_MEMORY_LIMIT } from "../src/node/publish/publish.ts"
import { domainModel } from "../src/node/schema/domain-model.ts"
import { recordSyntheticFile, writeSynthCsv } from "../src/node/synth/index.ts"
import * as Publication from "../src/Publication.ts"

const CANARIES = [
  "Canary Zzyzx Phommachack",
  "+856 20 5999 4321",
  "Ban Canaryvillage",
  "CANARY-NOTE-7731",
  "Canarylang",
  "SYN-7-2010-0003",
]

let dir: string
let out: string
let csv: string
let keyFile: string
let wh: NodeConnector
let scratch: NodeConnector
let manifest: Manifest
let release: string

const releaseDir = () => join(out, "releases", release)
const files = async (d: string) => (await readdir(d)).map((f) => join(d, f))

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "publish-test-"))
  out = join(dir, "published")
  csv = join(dir, "synthetic.csv")
  keyFile = join(dir, "warehouse", "publish.key")
  const written = await writeSynthCsv(csv, { seed: 7, fromYear: 2005, toYear: 2024 })
  wh = await openWarehouse(join(dir, "warehouse", "w.duckdb"))
  await recordSyntheticFile(wh, written)
  const imported = await importFile(wh, { file: csv, model: domainModel(), writeRejected: false })
  expect(imported.rejected).toBe(0)
  // Canaries: PII and free text that must not reach any published byte.
  await wh.query(
    `INSERT INTO cases BY NAME SELECT * REPLACE (
       'SYN-CANARY-' || row_number AS case_id, $1 AS victim_name, $2 AS phone, $3 AS village, $4 AS notes, $5 AS first_language,
       DATE '1999-07-13' AS date_of_birth, 24 AS age_years)
     FROM cases WHERE case_id LIKE 'SYN-7-201%' LIMIT 40`,
    CANARIES.slice(0, 5),
  )
  const result = await publish({ warehouse: wh, out, keyFile })
  manifest = result.manifest
  release = result.release
  scratch = await openWarehouse(":memory:")
})
afterAll(async () => {
  await wh.close()
  await scratch.close()
})

describe("publish: release layout and manifest", () => {
  it("current.json points to a complete release with every contract file", async () => {
    const current = JSON.parse(await readFile(join(out, "current.json"), "utf8"))
    expect(current).toEqual({ release })
    const names = (await readdir(releaseDir())).sort()
    expect(names).toEqual(
      [
        "district_year.arrow",
        "district_year.parquet",
        "facts.arrow",
        "facts.parquet",
        "first_paint.json",
        "flows.arrow",
        "flows.parquet",
        "identified_province_year.arrow",
        "identified_province_year.parquet",
        "manifest.json",
        "province_year.arrow",
        "province_year.parquet",
        // planners tier: data quality per partner and import (test/quality-publication.test.ts)
        ...Publication.QUALITY_TABLES.flatMap((t) => [`${t}.arrow`, `${t}.parquet`]),
      ].sort(),
    )
    expect(JSON.parse(await readFile(join(releaseDir(), "manifest.json"), "utf8"))).toEqual(manifest)
  })

  it("manifest counts equal SQL counts; synthetic flag and input checksum are recorded", async () => {
    const [c] = await wh.query<{ n: number }>("SELECT count(*) AS n FROM cases")
    expect(manifest.counts.cases).toBe(c!.n)
    const [f] = await scratch.query<{ rows: number; n: number }>(
      "SELECT count(*) AS rows, CAST(sum(n) AS INTEGER) AS n FROM read_parquet($1)",
      [join(releaseDir(), "facts.parquet")],
    )
    expect(manifest.counts.facts).toBe(f!.rows)
    expect(f!.n).toBe(c!.n)
    for (const [name, entry] of Object.entries(manifest.tables)) {
      const [r] = await scratch.query<{ n: number }>("SELECT count(*) AS n FROM read_parquet($1)", [
        join(releaseDir(), entry.parquet!),
      ])
      expect(r!.n, name).toBe(entry.rows)
    }
    let suppressed = 0
    for (const name of ["province_year", "identified_province_year", "district_year", "flows"]) {
      const [r] = await scratch.query<{ n: number }>(
        "SELECT count(*) FILTER (WHERE suppressed) AS n FROM read_parquet($1)",
        [join(releaseDir(), `${name}.parquet`)],
      )
      suppressed += r!.n
    }
    expect(manifest.suppressedCells).toBe(suppressed)
    expect(suppressed).toBeGreaterThan(0)
    expect(manifest.synthetic).toBe(true)
    expect(manifest.threshold).toBe(10)
    expect(manifest.flowThreshold).toBe(5)
    expect(manifest.tier).toBe("planners")
    const sha = createHash("sha256")
      .update(await readFile(csv))
      .digest("hex")
    expect(manifest.inputs).toEqual([{ file: "synthetic.csv", sha256: sha }])
  })

  it("Arrow files are IPC streams that apache-arrow re-reads with the contract types", async () => {
    for (const [name, entry] of Object.entries(manifest.tables)) {
      const bytes = await readFile(join(releaseDir(), entry.file))
      expect(bytes.subarray(0, 6).toString("latin1"), name).not.toBe("ARROW1")
      const table = tableFromIPC(bytes)
      expect(table.numRows, name).toBe(entry.rows)
    }
    const facts = tableFromIPC(await readFile(join(releaseDir(), "facts.arrow")))
    const types = Object.fromEntries(facts.schema.fields.map((f) => [f.name, String(f.type)]))
    expect(types).toEqual({
      year: "Int16",
      quarter: "Int8",
      month: "Int8",
      province: "Dictionary<Int8, Utf8>",
      district: "Dictionary<Int16, Utf8>",
      sex: "Dictionary<Int8, Utf8>",
      age_band: "Dictionary<Int8, Utf8>",
      is_child: "Bool",
      victim_group: "Dictionary<Int8, Utf8>",
      ethnicity_family: "Dictionary<Int8, Utf8>",
      ethnic_group: "Dictionary<Int8, Utf8>",
      exploitation_form: "Dictionary<Int8, Utf8>",
      destination: "Dictionary<Int8, Utf8>",
      border_point: "Dictionary<Int8, Utf8>",
      stage: "Dictionary<Int8, Utf8>",
      identification_setting: "Dictionary<Int8, Utf8>",
      identification_province: "Dictionary<Int8, Utf8>",
      first_language_lao: "Bool",
      n: "Int32",
    })
    await scratch.insertArrowIPC("facts_reloaded", await readFile(join(releaseDir(), "facts.arrow")))
    // the text columns are Arrow dictionaries (a fraction of the bytes); DuckDB reads them back as VARCHAR
    const reloaded = await scratch.query<{ name: string; type: string }>(
      "SELECT name, type FROM pragma_table_info('facts_reloaded') WHERE type NOT IN ('SMALLINT', 'TINYINT', 'BOOLEAN', 'INTEGER') ORDER BY cid",
    )
    expect(reloaded.map((c) => c.type)).toEqual(reloaded.map(() => "VARCHAR"))
    expect(reloaded.map((c) => c.name)).toEqual(
      Object.entries(types).flatMap(([name, type]) => (type.startsWith("Dictionary") ? [name] : [])),
    )
    const [r] = await scratch.query<{ n: number }>("SELECT CAST(sum(n) AS INTEGER) AS n FROM facts_reloaded")
    expect(r!.n).toBe(manifest.counts.cases)
  })

  it("facts.arrow and facts.parquet hold the cube in ORDER BY ALL order (read as created, not sorted again)", async () => {
    await scratch.insertArrowIPC("facts_in_file", await readFile(join(releaseDir(), "facts.arrow")))
    const outOfOrder = async (relation: string) => {
      const [r] = await scratch.query<{ n: number }>(
        `SELECT count(*)::INTEGER AS n FROM (
           SELECT row_number() OVER () AS pos, * FROM ${relation}
         ) AS f JOIN (
           SELECT row_number() OVER () AS pos, * FROM (SELECT * FROM ${relation} ORDER BY ALL)
         ) AS s USING (pos)
         WHERE f.n <> s.n OR f.year IS DISTINCT FROM s.year OR f.province IS DISTINCT FROM s.province
            OR f.district IS DISTINCT FROM s.district OR f.stage IS DISTINCT FROM s.stage
            OR f.identification_province IS DISTINCT FROM s.identification_province`,
      )
      return r!.n
    }
    expect(await outOfOrder("facts_in_file")).toBe(0)
    expect(
      await outOfOrder(`read_parquet('${join(releaseDir(), "facts.parquet").replaceAll("'", "''")}')`),
    ).toBe(0)
  })

  it("the manifest and first paint decode with the publication contract the dashboard uses", async () => {
    const m = Publication.decodeManifest(
      JSON.parse(await readFile(join(releaseDir(), "manifest.json"), "utf8")),
    )
    expect(m.contract).toBe(Publication.CONTRACT_VERSION)
    expect(m.screen).toBe("exact")
    const fp = Publication.decodeFirstPaint(
      JSON.parse(await readFile(join(releaseDir(), "first_paint.json"), "utf8")),
    )
    expect(fp.screen).toBe(m.screen)
    expect(() => Publication.decodeManifest({ ...m, contract: undefined })).toThrow(/older lao-protect/)
    expect(() => Publication.decodeManifest({ ...m, screen: "sometimes" })).toThrow(
      /publish the release again/i,
    )
  })

  it("the planners tier's first paint holds the facts cube's exact province totals (its screen rule)", async () => {
    const fp = JSON.parse(await readFile(join(releaseDir(), "first_paint.json"), "utf8"))
    expect(fp.threshold).toBe(10)
    expect(fp.synthetic).toBe(true)
    expect(fp.years).toEqual([2005, 2024])
    const rows = await scratch.query<{ province: string; n: number; suppressed: boolean }>(
      "SELECT province, CAST(sum(n) AS INTEGER) AS n, false AS suppressed FROM read_parquet($1) WHERE province IS NOT NULL GROUP BY province ORDER BY province",
      [join(releaseDir(), "facts.parquet")],
    )
    expect(fp.provinces).toEqual(rows)
  })
})

describe("publish: de-identification", () => {
  it("no canary (name, phone, village, notes, language, case id) appears in any published byte or value", async () => {
    for (const file of await files(releaseDir())) {
      const bytes = await readFile(file)
      for (const canary of CANARIES)
        expect(bytes.includes(Buffer.from(canary)), `${canary} in ${file}`).toBe(false)
      expect(bytes.includes(Buffer.from("Fake ")), file).toBe(false)
      expect(bytes.includes(Buffer.from("+856")), file).toBe(false)
      expect(bytes.includes(Buffer.from("SYN-")), file).toBe(false)
    }
    // Parquet is compressed: also look at the decoded values.
    for (const file of (await files(releaseDir())).filter((f) => f.endsWith(".parquet"))) {
      const [r] = await scratch
        .query<{ hits: number }>(
          `SELECT count(*) AS hits FROM (SELECT CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet($1)) t(v)
         WHERE v ILIKE '%canary%' OR v ILIKE '%fake%' OR v LIKE '%+856%' OR v LIKE 'SYN-%' OR v LIKE 'Ban %'`,
          [file],
        )
        .catch(async () => [{ hits: await hitsByColumn(file) }])
      expect(r!.hits, file).toBe(0)
    }
  })

  it("only the contract columns are published: no ids, names, dates or free text", async () => {
    const cols = await scratch.query<{ name: string; type: string }>(
      "SELECT name, type FROM parquet_schema($1) WHERE name <> 'duckdb_schema'",
      [join(releaseDir(), "facts.parquet")],
    )
    expect(cols.map((c) => c.name)).toEqual([
      "year",
      "quarter",
      "month",
      "province",
      "district",
      "sex",
      "age_band",
      "is_child",
      "victim_group",
      "ethnicity_family",
      "ethnic_group",
      "exploitation_form",
      "destination",
      "border_point",
      "stage",
      "identification_setting",
      "identification_province",
      "first_language_lao",
      "n",
    ])
    for (const file of (await files(releaseDir())).filter((f) => f.endsWith(".parquet"))) {
      const [d] = await scratch.query<{ n: number }>(
        "SELECT count(*) AS n FROM parquet_schema($1) WHERE logical_type ILIKE '%date%' OR logical_type ILIKE '%timestamp%' OR converted_type ILIKE '%date%'",
        [file],
      )
      expect(d!.n, file).toBe(0)
    }
  })

  it("no exact dates (YYYY-MM-DD) in any published file (the manifest's own createdAt aside)", async () => {
    const isoDate = /\d{4}-\d{2}-\d{2}/
    for (const file of await files(releaseDir())) {
      let text = (await readFile(file)).toString("latin1")
      if (file.endsWith("manifest.json")) text = text.replace(manifest.createdAt, "")
      expect(isoDate.test(text), file).toBe(false)
    }
    for (const file of (await files(releaseDir())).filter((f) => f.endsWith(".parquet"))) {
      expect(await hitsByColumn(file, "regexp_matches(v, '\\d{4}-\\d{2}-\\d{2}')"), file).toBe(0)
    }
  })

  it("pseudonyms are HMAC-SHA256 of (source, case_id) under the secret key, which is never published", async () => {
    const key = Buffer.from((await readFile(keyFile, "utf8")).trim(), "hex")
    const pads = hmacPads(key)
    const conn = await openWarehouse(":memory:")
    try {
      await conn.exec(
        "CREATE TABLE cases AS SELECT 'afesip' AS source, 'AF-2019/17' AS case_id, DATE '2019-03-04' AS identification_date, NULL::VARCHAR AS origin_province, 'LA0502' AS origin_district, 'female' AS sex, 15 AS age_years, NULL::DATE AS date_of_birth, 'local_lao' AS victim_group, 'akha' AS ethnicity, 'online_scam' AS exploitation_form, 'LAO' AS destination_country, NULL::VARCHAR AS border_checkpoint, 'hotline' AS identification_setting, NULL::VARCHAR AS identification_province, 'LA1301' AS identification_district, ' Khmu ' AS first_language, NULL::VARCHAR AS exit_reason, NULL::DATE AS interim_care_date, NULL::DATE AS assessment_date, NULL::DATE AS bid_date, NULL::DATE AS return_date, NULL::DATE AS reintegration_date, NULL::DATE AS follow_up_date, NULL::DATE AS closed_date, NULL::VARCHAR AS trafficking_status",
      )
      await conn.query(pubEthnicFamilySql, ["akha", "sino_tibetan"])
      await conn.query(pubCasesSql, [pads.inner, pads.outer])
      const [r] = await conn.query<Record<string, unknown>>("SELECT * EXCLUDE (returned) FROM pub_cases")
      const expected = createHmac("sha256", key).update("afesip\u001fAF-2019/17").digest("hex")
      expect(r).toEqual({
        pid: expected,
        year: 2019,
        quarter: 1,
        month: 3,
        province: "LA05",
        district: "LA0502",
        sex: "female",
        age_band: "9-17",
        is_child: true,
        victim_group: "local_lao",
        ethnicity_family: "sino_tibetan",
        ethnic_group: "akha",
        exploitation_form: "online_scam",
        destination: "LAO",
        border_point: null,
        identification_setting: "hotline",
        identification_province: "LA13",
        first_language_lao: false,
        stage: "identification",
      })
    } finally {
      await conn.close()
    }
    const keyHex = (await readFile(keyFile, "utf8")).trim()
    for (const file of await files(releaseDir())) {
      const bytes = await readFile(file)
      expect(bytes.includes(Buffer.from(keyHex)) || bytes.includes(key), file).toBe(false)
    }
  })
})

/** Count values matching `predicate` (on `v`) over every column of a Parquet file. */
async function hitsByColumn(
  file: string,
  predicate = "v ILIKE '%canary%' OR v ILIKE '%fake%' OR v LIKE '%+856%' OR v LIKE 'SYN-%'",
) {
  const cols = await scratch.query<{ name: string }>(
    "SELECT name FROM parquet_schema($1) WHERE name <> 'duckdb_schema' AND num_children IS NULL",
    [file],
  )
  let hits = 0
  for (const { name } of cols) {
    const [r] = await scratch.query<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT CAST("${name.replaceAll('"', '""')}" AS VARCHAR) AS v FROM read_parquet($1)) WHERE ${predicate}`,
      [file],
    )
    hits += r!.n
  }
  return hits
}

describe("publish: disclosure control", () => {
  const read = (name: string) =>
    scratch.query<Record<string, unknown> & { n: number | null; suppressed: boolean }>(
      "SELECT * FROM read_parquet($1)",
      [join(releaseDir(), `${name}.parquet`)],
    )

  it("every published cell is >= threshold or suppressed with n NULL; no zero cells", async () => {
    for (const name of ["province_year", "identified_province_year", "district_year", "flows"]) {
      const [r] = await scratch.query<Record<string, number>>(
        `SELECT
           count(*) FILTER (WHERE NOT suppressed AND n < 10) AS small,
           count(*) FILTER (WHERE suppressed AND n IS NOT NULL) AS leaked,
           count(*) FILTER (WHERE n = 0) AS zeros,
           count(*) FILTER (WHERE NOT suppressed) AS shown
         FROM read_parquet($1)`,
        [join(releaseDir(), `${name}.parquet`)],
      )
      expect({ small: r!.small, leaked: r!.leaked, zeros: r!.zeros }, name).toEqual({
        small: 0,
        leaked: 0,
        zeros: 0,
      })
    }
    const [f] = await scratch.query<{ bad: number; drawn: number }>(
      "SELECT count(*) FILTER (WHERE drawn AND NOT suppressed AND n < 5) AS bad, count(*) FILTER (WHERE drawn) AS drawn FROM read_parquet($1)",
      [join(releaseDir(), "flows.parquet")],
    )
    expect(f!.bad).toBe(0)
    expect(f!.drawn).toBeGreaterThan(0)
  })

  it("an attacker using every row, column and cross-table total recovers no suppressed cell", async () => {
    const py = await read("province_year")
    const dy = await read("district_year")
    const flows = await read("flows")
    // Rebuild the additive structure from the published files alone.
    const ids = new Map<string, number>()
    const values = new Map<number, number | null>()
    const id = (key: string, n: number | null) => {
      let i = ids.get(key)
      if (i === undefined) {
        i = ids.size
        ids.set(key, i)
        values.set(i, n)
      }
      return i
    }
    const eqs = new Map<string, { total: number; parts: number[] }>()
    const add = (eq: string, total: number, part: number) => {
      const e = eqs.get(eq) ?? { total, parts: [] }
      e.parts.push(part)
      eqs.set(eq, e)
    }
    const pyKey = (p: unknown, y: unknown) => `py|${p}|${y}`
    for (const r of py) id(`py|${r.level}|${r.province}|${r.year}`, r.n)
    const grand = ids.get("py|grand_total|null|null")!
    for (const r of py) {
      const me = ids.get(`py|${r.level}|${r.province}|${r.year}`)!
      if (r.level === "cell") {
        add(`row|${r.province}`, ids.get(`py|province_total|${r.province}|null`)!, me)
        add(`col|${r.year}`, ids.get(`py|year_total|null|${r.year}`)!, me)
        ids.set(pyKey(r.province, r.year), me)
      }
      if (r.level === "province_total") add("grand|p", grand, me)
      if (r.level === "year_total") add("grand|y", grand, me)
    }
    for (const r of dy) id(`dy|${r.level}|${r.province}|${r.district}|${r.year}`, r.n)
    for (const r of dy) {
      const me = ids.get(`dy|${r.level}|${r.province}|${r.district}|${r.year}`)!
      if (r.level === "cell") {
        add(
          `drow|${r.province}|${r.district}`,
          ids.get(`dy|district_total|${r.province}|${r.district}|null`)!,
          me,
        )
        add(`dcol|${r.province}|${r.year}`, ids.get(pyKey(r.province, r.year))!, me)
      } else add(`dsum|${r.province}`, ids.get(`py|province_total|${r.province}|null`)!, me)
    }
    for (const r of flows) {
      const me = id(
        `fl|${r.origin_province}|${r.border_point}|${r.destination}|${r.direction}|${r.year}`,
        r.n,
      )
      if (r.direction === "out")
        add(`fout|${r.origin_province}|${r.year}`, ids.get(pyKey(r.origin_province, r.year))!, me)
    }
    // Where victims were identified: its own table, sharing province_year's year and grand totals.
    const ip = await read("identified_province_year")
    for (const r of ip) {
      if (r.level === "year_total") {
        expect(r.n, `year ${r.year}`).toBe(values.get(ids.get(`py|year_total|null|${r.year}`)!))
        ids.set(`ip|year_total|null|${r.year}`, ids.get(`py|year_total|null|${r.year}`)!)
      } else if (r.level === "grand_total") {
        expect(r.n).toBe(values.get(grand))
        ids.set("ip|grand_total|null|null", grand)
      } else id(`ip|${r.level}|${r.province}|${r.year}`, r.n)
    }
    for (const r of ip) {
      const me = ids.get(`ip|${r.level}|${r.province}|${r.year}`)!
      if (r.level === "cell") {
        add(`iprow|${r.province}`, ids.get(`ip|province_total|${r.province}|null`)!, me)
        add(`ipcol|${r.year}`, ids.get(`ip|year_total|null|${r.year}`)!, me)
      }
      if (r.level === "province_total") add("ipgrand|p", grand, me)
    }
    const shared = ip.filter((r) => (r.level === "year_total" || r.level === "grand_total") && r.suppressed)
    const equations = [...eqs.values()].map((e) => [e.total, ...e.parts])
    const suppressed = [...values].filter(([, v]) => v === null).length
    expect(suppressed + shared.length).toBe(manifest.suppressedCells)
    // Published totals are consistent with published cells where nothing is hidden.
    for (const [total, ...parts] of equations) {
      if ([total!, ...parts].every((i) => values.get(i) !== null))
        expect(parts.reduce((s, i) => s + values.get(i)!, 0)).toBe(values.get(total!))
    }
    expect(recoverable(values, equations)).toEqual([])
  })

  it("the attacker does recover cells when only primary suppression is applied (it is not toothless)", () => {
    const t = new CellTable()
    const a = t.cell("a", 3)
    const b = t.cell("b", 50)
    const c = t.cell("c", 60)
    const total = t.cell("total", 113)
    t.equation(total, [a, b, c])
    const valuesOf = () => new Map(t.cells.map((cell, i) => [i, cell.suppressed ? null : cell.n] as const))
    t.cells[a]!.suppressed = true
    expect(recoverable(valuesOf(), t.equations)).toEqual([a])
    t.cells[a]!.suppressed = false
    const stats = t.suppress(() => 10)
    expect(stats).toEqual({ primary: 1, complementary: 1 })
    expect(t.cells[b]!.suppressed).toBe(true)
    expect(recoverable(valuesOf(), t.equations)).toEqual([])
  })
})

describe("publish: atomic switch and tiers", () => {
  it("a failed publish leaves the previous release current and no partial folder", async () => {
    const before = await readFile(join(out, "current.json"), "utf8")
    const releasesBefore = (await readdir(join(out, "releases"))).sort()
    const failing: Connector = {
      ...wh,
      query: (sql, params) =>
        sql.includes("'return'") ? Promise.reject(new Error("disk on fire")) : wh.query(sql, params),
    }
    await expect(publish({ warehouse: failing, out, keyFile })).rejects.toThrow("disk on fire")
    const failingLate: Connector = {
      ...wh,
      arrow: () => Promise.reject(new Error("arrow on fire")),
    }
    await expect(publish({ warehouse: failingLate, out, keyFile })).rejects.toThrow("arrow on fire")
    expect(await readFile(join(out, "current.json"), "utf8")).toBe(before)
    expect((await readdir(join(out, "releases"))).sort()).toEqual(releasesBefore)
    expect(existsSync(join(releaseDir(), "manifest.json"))).toBe(true)
  })

  it("a second publish switches current.json and keeps the first release intact", async () => {
    const second = await publish({ warehouse: wh, out, keyFile, threshold: 12, flowThreshold: 6 })
    expect(JSON.parse(await readFile(join(out, "current.json"), "utf8"))).toEqual({ release: second.release })
    expect(second.release).not.toBe(release)
    expect(second.manifest.threshold).toBe(12)
    expect(existsSync(join(releaseDir(), "manifest.json"))).toBe(true)
    expect((await readdir(out)).filter((f) => f.includes(".tmp"))).toEqual([])
    const [r] = await scratch.query<{ small: number }>(
      "SELECT count(*) FILTER (WHERE NOT suppressed AND n < 12) AS small FROM read_parquet($1)",
      [join(second.dir, "province_year.parquet")],
    )
    expect(r!.small).toBe(0)
  })

  it("tables from the plannersTables hook are written into planners releases only", async () => {
    const extra = async (_wh: Connector, { threshold }: { readonly threshold: number }) => ({
      extra_counts: tableFromArrays({ threshold: Int32Array.from([threshold]) }),
    })
    const planners = await publish({
      warehouse: wh,
      out: join(dir, "hooked"),
      keyFile,
      plannersTables: extra,
    })
    expect(planners.manifest.tables.extra_counts).toEqual({
      file: "extra_counts.arrow",
      parquet: "extra_counts.parquet",
      rows: 1,
    })
    const t = tableFromIPC(await readFile(join(planners.dir, "extra_counts.arrow")))
    expect(t.getChild("threshold")?.get(0)).toBe(10)
    const pub = await publish({
      warehouse: wh,
      out: join(dir, "hooked-public"),
      keyFile,
      tier: "public",
      plannersTables: extra,
    })
    expect(pub.manifest.tables.extra_counts).toBeUndefined()
  })

  it("the public tier publishes no facts cube, only suppressed aggregates", async () => {
    const pub = await publish({ warehouse: wh, out: join(dir, "public"), keyFile, tier: "public" })
    expect(Object.keys(pub.manifest.tables).sort()).toEqual([
      "district_year",
      "flows",
      "identified_province_year",
      "province_year",
    ])
    expect(pub.manifest.counts.facts).toBe(0)
    expect(existsSync(join(pub.dir, "facts.arrow"))).toBe(false)
    // Its screen rule is the published flags: the first paint is province_year's province totals.
    expect(pub.manifest.screen).toBe("published")
    const fp = JSON.parse(await readFile(join(pub.dir, "first_paint.json"), "utf8"))
    const rows = await scratch.query<{ province: string; n: number | null; suppressed: boolean }>(
      "SELECT province, n, suppressed FROM read_parquet($1) WHERE level = 'province_total' AND province IS NOT NULL ORDER BY province",
      [join(pub.dir, "province_year.parquet")],
    )
    expect(fp.provinces).toEqual(rows)
  })

  // Runs last in this block: it adds official statistics to the shared warehouse.
  it("official statistics imported into the warehouse travel with the release, suppressed values kept", async () => {
    await importUnodcGlotip(wh, join(import.meta.dirname, "../../../data/fixtures/unodc/glotip-fixture.csv"))
    const withStats = await publish({ warehouse: wh, out: join(dir, "with-stats"), keyFile })
    const t = tableFromIPC(await readFile(join(withStats.dir, "official_stats.arrow")))
    const rows = t.toArray() as Array<Record<string, unknown>>
    expect(rows.length).toBe(withStats.manifest.tables.official_stats?.rows)
    const suppressed = rows.filter((r) => r.suppressed)
    expect(suppressed.length).toBeGreaterThan(0)
    for (const r of suppressed) expect(r.value).toBeNull()
  })
})

describe("publish: DuckDB memory budget", () => {
  it("runs under PUBLISH_MEMORY_LIMIT and gives the connection its own limit back, even when publishing fails", async () => {
    const setting = async () =>
      (await wh.query<{ limit: string }>("SELECT current_setting('memory_limit') AS limit"))[0]!.limit
    await wh.exec("SET memory_limit = '2GiB'")
    const before = await setting()
    let during = ""
    await publish({
      warehouse: wh,
      out: join(dir, "published-memory"),
      keyFile,
      plannersTables: async (conn) => {
        during = (await conn.query<{ limit: string }>("SELECT current_setting('memory_limit') AS limit"))[0]!
          .limit
        return {}
      },
    })
    const limit = (await wh.query<{ limit: string }>(`SELECT current_setting('memory_limit') AS limit`))[0]!
      .limit
    expect(limit).toBe(before)
    await wh.exec(`SET memory_limit = '${PUBLISH_MEMORY_LIMIT}'`)
    expect(during).toBe(await setting())
    await wh.exec("SET memory_limit = '2GiB'")
    await expect(
      publish({
        warehouse: wh,
        out: join(dir, "published-memory"),
        keyFile,
        plannersTables: async () => {
          throw new Error("planning failed")
        },
      }),
    ).rejects.toThrow("planning failed")
    expect(await setting()).toBe(before)
  })
})
