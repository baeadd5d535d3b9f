/**
 * The publication contract (docs/contracts.md section 3): what `publish` writes and the dashboard
 * reads, described once. `publish` builds its manifest, first-paint summary and tables from these
 * schemas; the dashboard decodes what it loads with `decodeManifest` / `decodeFirstPaint` and stops
 * with a plain message on a release written to another contract version. Browser-safe: no Node code.
 * It does not describe the planning tables (owned by @lao-protect/planning) or official statistics.
 * The data-quality tables (`QUALITY_TABLES`) are in planners-tier releases only.
 */
import { Schema } from "effect"

/** Bumped whenever a field below changes meaning; a dashboard refuses any other version. */
export const CONTRACT_VERSION = 4

export const Tier = Schema.Literals(["public", "planners"])
export type Tier = typeof Tier.Type

/**
 * Which rule every view of the dashboard applies to the numbers it shows, stated by the release:
 * `published`: the suppression flags written by publish (complementary suppression, threshold k);
 * `exact`: nothing is hidden on screen (the planners tier, whose facts cube is microdata-equivalent
 * and served only behind an access token).
 */
export const ScreenRule = Schema.Literals(["published", "exact"])
export type ScreenRule = typeof ScreenRule.Type

export const TableEntry = Schema.Struct({
  /**
   * Arrow IPC stream, what the dashboard loads. The facts cube's text columns are Arrow dictionaries
   * (`Dictionary<Int8 | Int16 | Int32, Utf8>`): the same text values, a sixth of the bytes at 1M.
   */
  file: Schema.String,
  /** The same rows as Parquet, for other tools (absent in hand-made test releases). */
  parquet: Schema.optionalKey(Schema.String),
  rows: Schema.Number,
})
export type TableEntry = typeof TableEntry.Type

/** Where publish coarsened the detail so that suppression could protect every cell. */
export const ProtectionDecision = Schema.Struct({
  province: Schema.NullOr(Schema.String),
  year: Schema.NullOr(Schema.Number),
  coarsening: Schema.Literals([
    "flows_without_checkpoint",
    "province_only",
    "no_flows",
    "national_only",
    "no_district_or_flow_tables",
    /** identified_province_year: the province's cases are counted under "not recorded". */
    "identified_province_not_recorded",
  ]),
  sentence: Schema.String,
})
export type ProtectionDecision = typeof ProtectionDecision.Type

/** A file `lao-protect synth` wrote and recorded in the warehouse: the proof that cases are synthetic. */
export const SyntheticInput = Schema.Struct({
  sha256: Schema.String.check(Schema.isPattern(/^[0-9a-f]{64}$/)),
  seed: Schema.Number,
  cases: Schema.Number,
})
export type SyntheticInput = typeof SyntheticInput.Type

/** Persons and cases when partner records have been linked (never in DP releases). */
export const LinkageSummary = Schema.Struct({
  cases: Schema.Number,
  persons: Schema.Number,
  linkedCases: Schema.Number,
  multiPartnerPersons: Schema.Number,
  reTraffickedPersons: Schema.Number,
  linkRun: Schema.NullOr(Schema.String),
})

export const Manifest = Schema.Struct({
  contract: Schema.Literal(CONTRACT_VERSION),
  release: Schema.String,
  createdAt: Schema.String,
  /** True only when every case is synthetic. */
  synthetic: Schema.Boolean,
  /** Synthetic cases: loaded from bytes `lao-protect synth` recorded for the warehouse (ids prove nothing). */
  syntheticCases: Schema.Number,
  /** The recorded synth inputs those cases came from; the dashboard server checks them. */
  syntheticInputs: Schema.Array(SyntheticInput),
  tier: Tier,
  threshold: Schema.Number,
  flowThreshold: Schema.Number,
  screen: ScreenRule,
  /** Public releases omit file names: a file may be named after a person. */
  inputs: Schema.Array(
    Schema.Struct({ file: Schema.optionalKey(Schema.String), sha256: Schema.NullOr(Schema.String) }),
  ),
  counts: Schema.Struct({ cases: Schema.Number, facts: Schema.Number }),
  suppressedCells: Schema.Number,
  decisions: Schema.Array(ProtectionDecision),
  tables: Schema.Record(Schema.String, TableEntry),
  dp: Schema.optionalKey(
    Schema.Struct({
      epsilon: Schema.Number,
      mechanism: Schema.String,
      /** Standard deviation of one node's noise before least squares. */
      noiseSd: Schema.Struct({ cases: Schema.Number, flows: Schema.Number }),
    }),
  ),
  linkage: Schema.optionalKey(LinkageSummary),
})
export type Manifest = typeof Manifest.Type

/** One province's count over all years, as the first paint shows it (before DuckDB is ready). */
export const FirstPaintProvince = Schema.Struct({
  province: Schema.String,
  n: Schema.NullOr(Schema.Number),
  suppressed: Schema.Boolean,
})

export const FirstPaint = Schema.Struct({
  contract: Schema.Literal(CONTRACT_VERSION),
  threshold: Schema.Number,
  screen: ScreenRule,
  synthetic: Schema.Boolean,
  years: Schema.Union([Schema.Tuple([Schema.Number, Schema.Number]), Schema.Tuple([])]),
  provinces: Schema.Array(FirstPaintProvince),
})
export type FirstPaint = typeof FirstPaint.Type

/** The facts cube's columns, in order: the one list the cube, filters and planning inputs share. */
export const FACT_COLUMNS = [
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
  /** Province where the person was identified (null: not recorded); `province` is the origin. */
  "identification_province",
  /** Whether the first language is Lao (true/false/null): the language itself is never published. */
  "first_language_lao",
  "n",
] as const
export type FactColumn = (typeof FACT_COLUMNS)[number]

/**
 * The cube's cross-filter columns, in the order of their bound parameters (`$3`.. after the two
 * years in the dashboard's views), each with the filter key the dashboard state, the URL and
 * planning use. Filters, the cross-filter indexes, the dashboard's ENUM-keyed cube and planning's
 * inputs are derived from this list; view `.sql` files carry the generated WHERE (a test checks).
 */
export const FACT_FILTERS = [
  { column: "victim_group", key: "victimGroup" },
  { column: "sex", key: "sex" },
  { column: "age_band", key: "ageBand" },
  { column: "ethnicity_family", key: "ethnicityFamily" },
  { column: "exploitation_form", key: "exploitationForm" },
  { column: "destination", key: "destination" },
  { column: "border_point", key: "borderPoint" },
  { column: "stage", key: "stage" },
  { column: "ethnic_group", key: "ethnicGroup" },
] as const satisfies ReadonlyArray<{ readonly column: FactColumn; readonly key: string }>
export type FactFilter = (typeof FACT_FILTERS)[number]

/** The area columns the dashboard keys (ENUM) and sorts its copy of the cube by, besides the filters. */
export const FACT_AREA_COLUMNS = ["province", "district"] as const satisfies ReadonlyArray<FactColumn>

/**
 * What is wrong with a cube's column list against the contract (missing, extra or out of order
 * columns), or null when it matches: publish checks what it writes, the dashboard what it loads.
 */
export const factColumnsProblem = (
  actual: ReadonlyArray<string>,
  expected: ReadonlyArray<string> = FACT_COLUMNS,
): string | null => {
  const missing = expected.filter((c) => !actual.includes(c))
  const extra = actual.filter((c) => !expected.includes(c))
  const parts = [
    ...(missing.length ? [`missing column(s) ${missing.join(", ")}`] : []),
    ...(extra.length ? [`unexpected column(s) ${extra.join(", ")}`] : []),
  ]
  if (parts.length === 0 && actual.join() !== expected.join())
    parts.push(`columns in the order ${actual.join(", ")} instead of ${expected.join(", ")}`)
  return parts.length ? `the facts cube has ${parts.join("; ")}` : null
}

/** Levels of the `province_year` table: cells, and the totals published beside them. */
export const ProvinceYearLevel = Schema.Literals(["cell", "province_total", "year_total", "grand_total"])

/** A row of `province_year`: `n` is null exactly when `suppressed`. */
export const ProvinceYearRow = Schema.Struct({
  province: Schema.NullOr(Schema.String),
  year: Schema.NullOr(Schema.Number),
  level: ProvinceYearLevel,
  n: Schema.NullOr(Schema.Number),
  suppressed: Schema.Boolean,
})
export type ProvinceYearRow = typeof ProvinceYearRow.Type

/**
 * `identified_province_year` (every tier but DP): cases by the province where they were identified
 * (`province`, null = not recorded) and year, with the levels and suppression of `province_year`
 * (same threshold, complementary suppression; year totals and the grand total agree with it).
 * Beside `province_year` (by origin) it shows where identification happens against where victims
 * come from.
 */
export const IDENTIFIED_PROVINCE_YEAR = "identified_province_year"
export const IdentifiedProvinceYearRow = ProvinceYearRow
export type IdentifiedProvinceYearRow = ProvinceYearRow

export const DistrictYearRow = Schema.Struct({
  province: Schema.String,
  district: Schema.NullOr(Schema.String),
  year: Schema.NullOr(Schema.Number),
  level: Schema.Literals(["cell", "district_total"]),
  n: Schema.NullOr(Schema.Number),
  suppressed: Schema.Boolean,
})
export type DistrictYearRow = typeof DistrictYearRow.Type

export const FlowRow = Schema.Struct({
  origin_province: Schema.String,
  border_point: Schema.NullOr(Schema.String),
  destination: Schema.NullOr(Schema.String),
  direction: Schema.Literals(["out", "return"]),
  year: Schema.Number,
  n: Schema.NullOr(Schema.Number),
  suppressed: Schema.Boolean,
  drawn: Schema.Boolean,
})
export type FlowRow = typeof FlowRow.Type

/**
 * Data quality (planners tier only, never public): counts per partner and import, written by
 * `publish` from `import_log`, `quarantine`, `import_warning` and `cases`. Counts from 1 to the
 * release's threshold - 1 are NULL with `suppressed`; no cell text of a partner's file.
 */
export const QUALITY_TABLES = ["quality_imports", "quality_reasons", "quality_completeness"] as const

/** A committed import: `imported` is its month (YYYY-MM: no exact date is published); `lag_days` the median days from identification to import. */
export const QualityImportRow = Schema.Struct({
  import_id: Schema.String,
  source: Schema.String,
  imported: Schema.String,
  rows_read: Schema.NullOr(Schema.Number),
  accepted: Schema.NullOr(Schema.Number),
  rejected: Schema.NullOr(Schema.Number),
  updated: Schema.NullOr(Schema.Number),
  /** Rows rejected as a case id already given earlier in the same file. */
  duplicates: Schema.NullOr(Schema.Number),
  warnings: Schema.NullOr(Schema.Number),
  lag_days: Schema.NullOr(Schema.Number),
  suppressed: Schema.Boolean,
})
export type QualityImportRow = typeof QualityImportRow.Type

/** Rejected rows (or warnings) of an import by column and reason; quoted values read `"…"`. */
export const QualityReasonRow = Schema.Struct({
  import_id: Schema.String,
  kind: Schema.Literals(["rejected", "warning"]),
  column: Schema.String,
  reason: Schema.String,
  rows: Schema.NullOr(Schema.Number),
  suppressed: Schema.Boolean,
})
export type QualityReasonRow = typeof QualityReasonRow.Type

/** Cases of a partner identified in a year, and how many have a value in `column`. */
export const QualityCompletenessRow = Schema.Struct({
  source: Schema.String,
  year: Schema.NullOr(Schema.Number),
  column: Schema.String,
  cases: Schema.NullOr(Schema.Number),
  filled: Schema.NullOr(Schema.Number),
  suppressed: Schema.Boolean,
})
export type QualityCompletenessRow = typeof QualityCompletenessRow.Type

/** A release this dashboard cannot read: the message says what to do. */
export class ContractMismatch extends Error {
  constructor(file: string, detail: string) {
    super(
      `${file} does not match this dashboard's publication contract (version ${CONTRACT_VERSION}): ${detail}. ` +
        "Publish the release again with this version of lao-protect (`pnpm lao-protect publish`).",
    )
    this.name = "ContractMismatch"
  }
}

const versionOf = (input: unknown): unknown =>
  typeof input === "object" && input !== null ? (input as { contract?: unknown }).contract : undefined

const decodeWith =
  <S extends Schema.Decoder<unknown>>(schema: S, file: string) =>
  (input: unknown): S["Type"] => {
    const version = versionOf(input)
    if (version !== CONTRACT_VERSION)
      throw new ContractMismatch(
        file,
        version === undefined
          ? "it was written by an older lao-protect (no contract version)"
          : `it says contract version ${String(version)}`,
      )
    try {
      return Schema.decodeUnknownSync(schema)(input, { errors: "all" })
    } catch (e) {
      throw new ContractMismatch(file, e instanceof Error ? e.message : String(e))
    }
  }

export const decodeManifest = decodeWith(Manifest, "manifest.json")
export const decodeFirstPaint = decodeWith(FirstPaint, "first_paint.json")
