/**
 * `publish`: from the warehouse `cases` table to a release the dashboard may read
 * (docs/contracts.md section 3). De-identifies in a TEMP table (keyed pseudonyms, month grain,
 * age bands, no PII or free text), builds the facts cube and the suppressed aggregate tables,
 * writes everything into a temporary folder, renames it into `releases/<id>/` and only then
 * replaces `current.json` atomically. A failure leaves the previous release current.
 * It reads nothing but `cases` (and `import_log` for input checksums) and never writes to the warehouse.
 */
import { createHash, randomBytes } from "node:crypto"
import { existsSync } from "node:fs"
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises"
import { basename, dirname, join } from "node:path"
import { Ethnicity, Place } from "@lao-protect/domain"
import { Bool, type DataType, Int16, Int32, Table, tableToIPC, Utf8, vectorFromArray } from "apache-arrow"
import type { Connector } from "../../Connector.ts"
import {
  CONTRACT_VERSION,
  type FirstPaint,
  factColumnsProblem,
  IDENTIFIED_PROVINCE_YEAR,
  type Manifest,
  type ScreenRule,
  type SyntheticInput,
  type TableEntry,
  type Tier,
} from "../../Publication.ts"
import { arrowOfTable } from "../arrow-table.ts"
import { type NodeConnector, openWarehouse } from "../NodeConnector.ts"
import { hasOfficialStats, officialStatsPublicationSql } from "../official-stats/series.ts"
import { cleanInterruptedPublish } from "../private-files.ts"
import { qualityTables } from "../quality/publication.ts"
import { domainModel } from "../schema/domain-model.ts"
import { DifferencingRisk, type IsolatingChange, isolatingChanges } from "./differencing.ts"
import districtYearCountsSql from "./district_year_counts.sql?raw"
import {
  appendLedger,
  checkBudget,
  checkEpsilon,
  MECHANISM,
  nodeNoiseSd,
  noisyAggregates,
  type Rng,
  readLedger,
  secureRng,
} from "./dp.ts"
import flowCountsSql from "./flow_counts.sql?raw"
import { type IdentifiedCount, protectIdentified } from "./identified.ts"
import identifiedCountsSql from "./identified_province_year_counts.sql?raw"
import importLogInputsSql from "./import_log_inputs.sql?raw"
import { hmacPads, readOrCreateKey } from "./key.ts"
import { linkagePublication } from "./linkage.ts"
import { phaseTimer } from "./profile.ts"
import { type DyRow, type FlowRow, type PyRow, protect, publishedRows } from "./protect.ts"
import provinceYearCountsSql from "./province_year_counts.sql?raw"
import pubCasesSql from "./pub_cases.sql?raw"
import pubEthnicFamilySql from "./pub_ethnic_family.sql?raw"
import pubFactsSql from "./pub_facts.sql?raw"
import publicationInputsSql from "./publication_inputs.sql?raw"
import syntheticCasesSql from "./synthetic_cases.sql?raw"

export type { FirstPaint, Manifest, SyntheticInput, TableEntry, Tier } from "../../Publication.ts"

export interface PublishOptions {
  /** The warehouse; only `cases` (and `import_log`) are read. */
  readonly warehouse: Connector
  /** The publication folder, e.g. `data/published`. */
  readonly out: string
  /** Secret HMAC key for pseudonyms; created on first publish. */
  readonly keyFile: string
  readonly threshold?: number
  readonly flowThreshold?: number
  /** `planners` (default) includes the facts cube; `public` publishes only suppressed aggregates. */
  readonly tier?: Tier
  readonly now?: Date
  /** Differentially private release (public tier only): see dp.ts and docs/privacy.md. */
  readonly dp?: DpOptions
  /** Extra planners-tier tables computed from the warehouse (the CLI passes planning's). */
  readonly plannersTables?: PlannersTables
  /** Model-based estimates (no counts) written in every tier but DP (the CLI passes planning's). */
  readonly estimateTables?: PlannersTables
  /**
   * Public tier: publish even when cells changed by fewer than the threshold since an earlier
   * public release (differencing.ts); without it such a release is held (`DifferencingRisk`).
   */
  readonly allowDifferencing?: boolean
}

/** Named Arrow tables written into a planners release beside the warehouse's own. */
export type PlannersTables = (
  warehouse: Connector,
  options: { readonly threshold: number },
) => Promise<Readonly<Record<string, Table>>>

export interface DpOptions {
  readonly epsilon: number
  /** Total epsilon allowed across every DP release in the ledger (default 3). */
  readonly budget?: number
  /** Publish even when the ledger's total would exceed `budget` (recorded all the same). */
  readonly forceBudget?: boolean
  /** Default: `privacy-ledger.json` beside the key file (data/warehouse/). */
  readonly ledgerFile?: string
  /** Tests only: a seeded generator. Production uses crypto.getRandomValues. */
  readonly rng?: Rng
}

export const DEFAULT_DP_BUDGET = 3

export interface PublishResult {
  readonly release: string
  readonly dir: string
  readonly manifest: Manifest
  /** Folders an interrupted publish had left in releases/, removed before this one. */
  readonly cleanedUp?: ReadonlyArray<string>
  /** Public tier, with `allowDifferencing`: the cells that single out cases against an earlier release. */
  readonly differencing?: ReadonlyArray<IsolatingChange>
}

type Col = readonly [name: string, type: DataType, values: ReadonlyArray<unknown>]

const arrowTable = (cols: ReadonlyArray<Col>): Table =>
  new Table(
    Object.fromEntries(
      cols.map(([name, type, values]) => [name, vectorFromArray(values as unknown[], type)]),
    ),
  )

const sha256File = async (path: string): Promise<string | null> =>
  existsSync(path)
    ? createHash("sha256")
        .update(await readFile(path))
        .digest("hex")
    : null

const hasTable = async (conn: Connector, name: string) =>
  (
    await conn.query<{ n: number }>(
      "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $1 AND NOT temporary",
      [name],
    )
  )[0]!.n > 0

/**
 * DuckDB's memory budget while publishing (it spills to disk beyond it). At 1M cases the whole
 * process peaked at 2.0 GB under DuckDB's default (80% of the machine's memory), 1.45 GB with 768 MB
 * and 1.25-1.3 GB with 512 MB, no slower (LAO_PROTECT_PROFILE=1); a data manager's laptop may have 8 GB.
 */
export const PUBLISH_MEMORY_LIMIT = "512MB"

/** Write the release; returns its id and manifest. */
export const publish = async (options: PublishOptions): Promise<PublishResult> => {
  const wh = options.warehouse
  const [setting] = await wh.query<{ limit: string }>("SELECT current_setting('memory_limit') AS limit")
  await wh.exec(`SET memory_limit = '${PUBLISH_MEMORY_LIMIT}'`)
  try {
    return await publishRelease(options)
  } finally {
    await wh.exec(`SET memory_limit = '${setting!.limit.replaceAll("'", "''")}'`)
  }
}

const publishRelease = async (options: PublishOptions): Promise<PublishResult> => {
  const dp = options.dp
  // A DP release is protected by its noise, not by suppression (dp.ts): every noisy count is shown.
  const threshold = dp ? 1 : (options.threshold ?? 10)
  const flowThreshold = dp ? 1 : (options.flowThreshold ?? 5)
  if (dp && options.tier === "planners")
    throw new Error(
      "a differentially private release is public tier: the planners' facts cube is exact microdata",
    )
  const tier: Tier = dp ? "public" : (options.tier ?? "planners")
  const screen: ScreenRule = tier === "planners" ? "exact" : "published"
  const ledgerFile = dp ? (dp.ledgerFile ?? join(dirname(options.keyFile), "privacy-ledger.json")) : ""
  if (dp) {
    checkEpsilon(dp.epsilon)
    checkBudget(
      await readLedger(ledgerFile),
      dp.epsilon,
      dp.budget ?? DEFAULT_DP_BUDGET,
      dp.forceBudget === true,
    )
  }
  if (!Number.isInteger(threshold) || threshold < 1) throw new Error("threshold must be a positive integer")
  if (!Number.isInteger(flowThreshold) || flowThreshold < 1)
    throw new Error("flowThreshold must be a positive integer")
  const wh = options.warehouse
  const now = options.now ?? new Date()
  const createdAt = now.toISOString().replace(/\.\d{3}Z$/, "Z")
  const release = `${createdAt.replace(/[-:]/g, "")}-${randomBytes(3).toString("hex")}`

  const phase = phaseTimer("publish")
  // 1. De-identify into TEMP tables of this connection.
  const key = await readOrCreateKey(options.keyFile)
  const pads = hmacPads(key)
  await wh.query(pubEthnicFamilySql, [
    Ethnicity.groups.map((g) => g.code).join(","),
    Ethnicity.groups.map((g) => g.family).join(","),
  ])
  await wh.query(pubCasesSql, [pads.inner, pads.outer])
  phase("pub_cases")
  await wh.query(pubFactsSql)
  phase("pub_facts")

  // 2. Inputs, counts and the synthetic flag.
  const info = (
    await wh.query<{
      cases: number
      source_files: string[] | null
      import_ids: string[] | null
    }>(publicationInputsSql)
  )[0]!
  const sourceFiles = [...(info.source_files ?? [])].sort()
  let inputs: Array<{ file: string; sha256: string | null }>
  if (await hasTable(wh, "import_log")) {
    inputs = [...(await wh.query<{ file: string; sha256: string }>(importLogInputsSql))].map((r) => ({
      file: basename(r.file),
      sha256: r.sha256,
    }))
  } else {
    inputs = await Promise.all(
      sourceFiles.map(async (f) => ({ file: basename(f), sha256: await sha256File(f) })),
    )
  }
  // Synthetic means every case is, by proof (synth/record.ts): a release that mixes real and
  // synthetic cases is real data (protected, no open serving) that says how many synthetic cases it carries.
  let syntheticCases = 0
  let syntheticInputs: SyntheticInput[] = []
  if ((await hasTable(wh, "import_log")) && (await hasTable(wh, "synthetic_input"))) {
    const [row] = await wh.query<{ syn: number; inputs: SyntheticInput[] | null }>(syntheticCasesSql)
    syntheticCases = row?.syn ?? 0
    syntheticInputs = [...(row?.inputs ?? [])]
      .map((i) => ({ sha256: i.sha256, seed: Number(i.seed), cases: Number(i.cases) }))
      .sort((a, b) => a.sha256.localeCompare(b.sha256))
  }
  const synthetic = info.cases > 0 && syntheticCases === info.cases
  phase("inputs")

  // 3. Aggregates and suppression.
  let py: ReadonlyArray<PyRow> = await wh.query<PyRow & Record<string, unknown>>(provinceYearCountsSql)
  let dy: ReadonlyArray<DyRow> = await wh.query<DyRow & Record<string, unknown>>(districtYearCountsSql)
  let flows: ReadonlyArray<FlowRow> = await wh.query<FlowRow & Record<string, unknown>>(flowCountsSql)
  let cases = info.cases
  if (dp) {
    const years = py.map((r) => r.year)
    const from = Math.min(...years)
    const to = Math.max(...years)
    const noisy = noisyAggregates(
      py,
      dy,
      flows,
      {
        years: years.length === 0 ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i),
        districts: new Map(
          Place.provinces.map((p) => [p.code, Place.districtsOf(p.code).map((d) => d.code)]),
        ),
        destinations: Place.countries.map((c) => c.iso3),
      },
      dp.epsilon,
      dp.rng ?? secureRng,
    )
    py = noisy.py
    dy = noisy.dy
    flows = noisy.flows
    cases = py.reduce((s, r) => s + r.n, 0)
  }
  // The planners tier shows exact counts on screen (its facts cube is exact anyway): its first paint
  // is the cube's province totals, so the first paint and the live map never disagree.
  const exactProvinceTotals = new Map<string, number>()
  for (const r of py)
    if (r.province !== null)
      exactProvinceTotals.set(r.province, (exactProvinceTotals.get(r.province) ?? 0) + r.n)
  const protection = protect({ py, dy, flows }, threshold, flowThreshold)
  const { pyRows, dyRows, flowRows, yearsSeen } = publishedRows(protection, flowThreshold)
  const identified = dp
    ? undefined
    : protectIdentified(
        await wh.query<IdentifiedCount & Record<string, unknown>>(identifiedCountsSql),
        threshold,
        pyRows,
      )
  const suppressedCells =
    protection.cells.cells.filter((c) => c.suppressed).length + (identified?.suppressed ?? 0)
  phase("aggregates+suppression")

  // 4. Write everything into a temporary folder, then switch.
  const releases = join(options.out, "releases")
  // Held before anything is written when it would single out cases against an earlier release.
  const differencing =
    tier === "public" && !dp
      ? isolatingChanges(
          releases,
          {
            province_year: pyRows,
            identified_province_year: identified?.rows ?? [],
            district_year: dyRows,
            flows: flowRows,
          },
          {
            province_year: threshold,
            identified_province_year: threshold,
            district_year: threshold,
            flows: flowThreshold,
          },
        )
      : []
  if (differencing.length > 0 && options.allowDifferencing !== true) {
    await wh.exec(
      "DROP TABLE IF EXISTS pub_facts; DROP TABLE IF EXISTS pub_cases; DROP TABLE IF EXISTS pub_ethnic_family",
    )
    throw new DifferencingRisk(differencing)
  }
  const tmp = join(releases, `.tmp-${release}`)
  const final = join(releases, release)
  const cleanedUp = cleanInterruptedPublish(releases)
  await mkdir(tmp, { recursive: true })
  const scratch = await openWarehouse(":memory:", { access: { directories: [tmp] } })
  try {
    const tables: Record<string, TableEntry> = {}
    const writeTable = async (name: string, table: Table) => {
      const ipc = tableToIPC(table, "stream")
      await writeFile(join(tmp, `${name}.arrow`), ipc)
      await scratch.insertArrowIPC(name, ipc)
      await scratch.query(`COPY "${name}" TO $1 (FORMAT parquet, COMPRESSION zstd)`, [
        join(tmp, `${name}.parquet`),
      ])
      tables[name] = { file: `${name}.arrow`, parquet: `${name}.parquet`, rows: table.numRows }
    }
    let factRows = 0
    if (tier === "planners") {
      // pub_facts was created in ORDER BY ALL order: while the connection preserves insertion order
      // (DuckDB's default), its rows are read and written as they are instead of sorted twice more
      const [setting] = await wh.query<{ kept: boolean }>(
        "SELECT current_setting('preserve_insertion_order') AS kept",
      )
      const ordered = setting?.kept === true
      const factsQuery = `SELECT * FROM pub_facts${ordered ? "" : " ORDER BY ALL"}`
      const facts =
        "raw" in wh
          ? await arrowOfTable((wh as NodeConnector).raw, "pub_facts", { dictionary: true, ordered })
          : await wh.arrow(factsQuery)
      const columns = facts.schema.fields.map((f) => f.name)
      const problem = factColumnsProblem(columns)
      if (problem) throw new Error(`pub_facts.sql drifted from the publication contract: ${problem}`)
      factRows = facts.numRows
      await writeFile(join(tmp, "facts.arrow"), tableToIPC(facts, "stream"))
      await wh.query(`COPY (${factsQuery}) TO $1 (FORMAT parquet, COMPRESSION zstd)`, [
        join(tmp, "facts.parquet"),
      ])
      tables.facts = { file: "facts.arrow", parquet: "facts.parquet", rows: factRows }
      phase("facts arrow+parquet")
    }
    await writeTable(
      "province_year",
      arrowTable([
        ["province", new Utf8(), pyRows.map((r) => r.province)],
        ["year", new Int16(), pyRows.map((r) => r.year)],
        ["level", new Utf8(), pyRows.map((r) => r.level)],
        ["n", new Int32(), pyRows.map((r) => r.n)],
        ["suppressed", new Bool(), pyRows.map((r) => r.suppressed)],
      ]),
    )
    if (identified)
      await writeTable(
        IDENTIFIED_PROVINCE_YEAR,
        arrowTable([
          ["province", new Utf8(), identified.rows.map((r) => r.province)],
          ["year", new Int16(), identified.rows.map((r) => r.year)],
          ["level", new Utf8(), identified.rows.map((r) => r.level)],
          ["n", new Int32(), identified.rows.map((r) => r.n)],
          ["suppressed", new Bool(), identified.rows.map((r) => r.suppressed)],
        ]),
      )
    await writeTable(
      "district_year",
      arrowTable([
        ["province", new Utf8(), dyRows.map((r) => r.province)],
        ["district", new Utf8(), dyRows.map((r) => r.district)],
        ["year", new Int16(), dyRows.map((r) => r.year)],
        ["level", new Utf8(), dyRows.map((r) => r.level)],
        ["n", new Int32(), dyRows.map((r) => r.n)],
        ["suppressed", new Bool(), dyRows.map((r) => r.suppressed)],
      ]),
    )
    await writeTable(
      "flows",
      arrowTable([
        ["origin_province", new Utf8(), flowRows.map((r) => r.origin_province)],
        ["border_point", new Utf8(), flowRows.map((r) => r.border_point)],
        ["destination", new Utf8(), flowRows.map((r) => r.destination)],
        ["direction", new Utf8(), flowRows.map((r) => r.direction)],
        ["year", new Int16(), flowRows.map((r) => r.year)],
        ["n", new Int32(), flowRows.map((r) => r.n)],
        ["suppressed", new Bool(), flowRows.map((r) => r.suppressed)],
        ["drawn", new Bool(), flowRows.map((r) => r.drawn)],
      ]),
    )
    phase("aggregate tables")
    // Planning aggregates overlap the province totals (a funnel's first step is one), so they
    // would undo complementary suppression in a public release: planners' tier only.
    if (tier === "planners" && options.plannersTables)
      for (const [name, table] of Object.entries(await options.plannersTables(wh, { threshold }))) {
        if (!/^[a-z][a-z0-9_]*$/.test(name) || name in tables)
          throw new Error(`plannersTables: table name "${name}" is not a new lower_snake_case name`)
        await writeTable(name, table)
      }
    phase("planning tables")
    // Data quality per partner and import (counts only, small ones hidden): planners' tier only,
    // like the planning aggregates; a public release never carries partner-level figures.
    if (tier === "planners")
      for (const [name, table] of Object.entries(await qualityTables(wh, domainModel(), { threshold })))
        await writeTable(name, table)
    phase("quality tables")
    if (!dp && options.estimateTables)
      for (const [name, table] of Object.entries(await options.estimateTables(wh, { threshold }))) {
        if (!/^[a-z][a-z0-9_]*$/.test(name) || name in tables)
          throw new Error(`estimateTables: table name "${name}" is not a new lower_snake_case name`)
        await writeTable(name, table)
      }
    phase("estimate tables")
    // National figures published by UNODC are public data: carried as imported, in every tier.
    if (await hasOfficialStats(wh))
      await writeTable("official_stats", await wh.arrow(officialStatsPublicationSql, [null]))
    const linkage = dp ? undefined : await linkagePublication(wh, { threshold })
    for (const [name, table] of Object.entries(linkage?.tables ?? {})) await writeTable(name, table)
    phase("official+linkage")

    const firstPaint: FirstPaint = {
      contract: CONTRACT_VERSION,
      threshold,
      screen,
      synthetic,
      years: yearsSeen.length > 0 ? [yearsSeen[0]!, yearsSeen[yearsSeen.length - 1]!] : [],
      provinces: (screen === "exact"
        ? [...exactProvinceTotals].map(([province, n]) => ({ province, n, suppressed: false }))
        : pyRows
            .filter((r) => r.level === "province_total" && r.province !== null)
            .map((r) => ({ province: r.province!, n: r.n, suppressed: r.suppressed }))
      ).sort((a, b) => a.province.localeCompare(b.province)),
    }
    await writeFile(join(tmp, "first_paint.json"), `${JSON.stringify(firstPaint, null, 2)}\n`)
    const manifest: Manifest = {
      contract: CONTRACT_VERSION,
      release,
      createdAt,
      synthetic,
      syntheticCases,
      syntheticInputs: synthetic ? syntheticInputs : [],
      tier,
      threshold,
      flowThreshold,
      screen,
      inputs: tier === "public" ? inputs.map(({ sha256 }) => ({ sha256 })) : inputs,
      counts: { cases, facts: factRows },
      suppressedCells,
      decisions: [
        ...protection.decisions,
        ...(identified?.merged ?? []).map((province) => ({
          province,
          year: null,
          coarsening: "identified_province_not_recorded" as const,
          sentence: `Cases identified in ${Place.provinces.find((p) => p.code === province)?.nameEn ?? province} are counted under "province not recorded" in the table of where victims were identified, because otherwise its few cases could be worked out from the other published figures.`,
        })),
      ],
      tables,
      ...(dp ? { dp: { epsilon: dp.epsilon, mechanism: MECHANISM, noiseSd: nodeNoiseSd(dp.epsilon) } } : {}),
      ...(linkage ? { linkage: linkage.summary } : {}),
    }
    await writeFile(join(tmp, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`)
    await rename(tmp, final)
    // The budget is spent once the noisy counts exist on disk, whether or not the switch succeeds.
    if (dp)
      await appendLedger(ledgerFile, {
        release,
        epsilon: dp.epsilon,
        mechanism: MECHANISM,
        tables: Object.keys(tables),
        time: createdAt,
      })
    const pointer = join(options.out, `.current.json.${release}.tmp`)
    await writeFile(pointer, `${JSON.stringify({ release }, null, 2)}\n`)
    await rename(pointer, join(options.out, "current.json"))
    phase("manifest+switch")
    return {
      release,
      dir: final,
      manifest,
      ...(cleanedUp.length > 0 ? { cleanedUp } : {}),
      ...(differencing.length > 0 ? { differencing } : {}),
    }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true })
    throw e
  } finally {
    await scratch.close()
    await wh.exec(
      "DROP TABLE IF EXISTS pub_facts; DROP TABLE IF EXISTS pub_cases; DROP TABLE IF EXISTS pub_ethnic_family",
    )
  }
}
