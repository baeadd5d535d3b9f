/**
 * Which districts have a Child Protection Network (CPN): the planner's input file, its schema and
 * its parser. The real MLSW/UNICEF pilot list (5 provinces, 15 districts, per the AFESIP seed) is not
 * public: data/planning/cpn-coverage.example.csv is ILLUSTRATIVE and says so in every row.
 * District names are resolved through the Gazetteer (domain Place data); every bad row is reported
 * with its line, column and reason, and no bad row is let through.
 * It deliberately does not judge whether a CPN is functional: `status` is what the planner records.
 */
import { Result, Schema } from "effect"
import { type Gazetteer, resolveDistrict } from "./Gazetteer.ts"
import { parseCsv, recordsAsObjects } from "./internal/csv.ts"
import { decodeRow, missingColumns, type Parsed, type RowError } from "./RowError.ts"

export const CpnStatus = Schema.Literals(["active", "planned"]).annotate({
  title: "CPN status",
  description: "active: the network operates in the district; planned: agreed but not yet operating",
})
export type CpnStatus = typeof CpnStatus.Type

const YesNo = Schema.Literals(["yes", "no", ""])
const OptionalText = Schema.String

/** One row of the file as written (all text), with the checks that need no reference data. */
export const CpnCoverageRow = Schema.Struct({
  district_code: Schema.String.check(Schema.isPattern(/^(LA\d{4})?$/)).annotate({
    description: "District P-code (LA0101 ...); may be empty when district_name is given",
  }),
  district_name: OptionalText,
  province: OptionalText,
  status: CpnStatus,
  since_year: Schema.String.check(Schema.isPattern(/^((19|20)\d\d)?$/)).annotate({
    description: "Year the network started (empty if unknown)",
  }),
  source: OptionalText,
  illustrative: YesNo,
}).annotate({ title: "CpnCoverageRow", description: "One district with a Child Protection Network" })

/** A district with a CPN, resolved against the reference districts. */
export const CpnDistrict = Schema.Struct({
  district: Schema.String,
  province: Schema.String,
  status: CpnStatus,
  sinceYear: Schema.optionalKey(Schema.Number),
  source: Schema.String,
  illustrative: Schema.Boolean,
})
export type CpnDistrict = typeof CpnDistrict.Type

/** The parsed coverage list. */
export type CpnCoverage = ReadonlyArray<CpnDistrict>

export const columns = [
  "district_code",
  "district_name",
  "province",
  "status",
  "since_year",
  "source",
  "illustrative",
]

export function parseCpnCoverage(text: string, places: Gazetteer): Parsed<CpnDistrict> {
  const table = parseCsv(text)
  const headerErrors = missingColumns(table.header, ["district_code", "district_name", "province", "status"])
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors }
  const rows: CpnDistrict[] = []
  const errors: RowError[] = []
  const seen = new Map<string, number>()
  for (const { line, values } of recordsAsObjects(table)) {
    const filled = { since_year: "", source: "", illustrative: "", ...values }
    const decoded = decodeRow(CpnCoverageRow, line, filled)
    if (Result.isFailure(decoded)) {
      errors.push(...decoded.failure)
      continue
    }
    const r = decoded.success
    const district = resolveDistrict(places, {
      ...(r.district_code ? { code: r.district_code } : {}),
      ...(r.district_name ? { name: r.district_name } : {}),
      ...(r.province ? { province: r.province } : {}),
    })
    if (district._tag === "missing") {
      const field = r.district_code ? "district_code" : "district_name"
      errors.push({ row: line, field, reason: district.reason, value: r.district_code || r.district_name })
      continue
    }
    const code = district.value.code
    const first = seen.get(code)
    if (first !== undefined) {
      errors.push({
        row: line,
        field: "district_code",
        reason: `district ${code} already listed on line ${first}`,
        value: code,
      })
      continue
    }
    seen.set(code, line)
    rows.push({
      district: code,
      province: district.value.province,
      status: r.status,
      ...(r.since_year ? { sinceYear: Number(r.since_year) } : {}),
      source: r.source,
      illustrative: r.illustrative === "yes",
    })
  }
  return { rows, errors }
}

/** District codes whose network is operating (what "covered" means in the score and the what-if). */
export const coveredDistricts = (coverage: CpnCoverage): ReadonlySet<string> =>
  new Set(coverage.filter((c) => c.status === "active").map((c) => c.district))
