/**
 * Shelters (safe places for interim care and reception): the planner's input file, its schema and
 * its parser. data/planning/shelters.example.csv is ILLUSTRATIVE: generic names, invented places.
 * Capacity is `places` (beds available for victims on an average night).
 * It deliberately does not model staff, security or services offered at each shelter.
 */
import { Result, Schema } from "effect"
import { type Gazetteer, resolveDistrict, resolveProvince } from "./Gazetteer.ts"
import { parseCsv, recordsAsObjects } from "./internal/csv.ts"
import { PartnerCodes } from "./internal/vocab.ts"
import { decodeRow, missingColumns, type Parsed, type RowError } from "./RowError.ts"

export const ShelterRow = Schema.Struct({
  shelter_id: Schema.String.check(Schema.isPattern(/^[A-Za-z0-9._-]{1,32}$/)),
  name: Schema.String.check(Schema.isMinLength(1)),
  province: Schema.String.check(Schema.isMinLength(1)),
  district: Schema.String,
  places: Schema.FiniteFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 0, maximum: 2000 })),
  operator: Schema.Literals(PartnerCodes),
  illustrative: Schema.Literals(["yes", "no", ""]),
}).annotate({ title: "ShelterRow", description: "One shelter as written in the shelters file" })

export const Shelter = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  province: Schema.String,
  district: Schema.optionalKey(Schema.String),
  places: Schema.Number,
  operator: Schema.Literals(PartnerCodes),
  illustrative: Schema.Boolean,
})
export type Shelter = typeof Shelter.Type

export const columns = ["shelter_id", "name", "province", "district", "places", "operator", "illustrative"]

export function parseShelters(text: string, places: Gazetteer): Parsed<Shelter> {
  const table = parseCsv(text)
  const headerErrors = missingColumns(table.header, ["shelter_id", "name", "province", "places", "operator"])
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors }
  const rows: Shelter[] = []
  const errors: RowError[] = []
  const ids = new Map<string, number>()
  for (const { line, values } of recordsAsObjects(table)) {
    const decoded = decodeRow(ShelterRow, line, { district: "", illustrative: "", ...values })
    if (Result.isFailure(decoded)) {
      errors.push(...decoded.failure)
      continue
    }
    const r = decoded.success
    const province = resolveProvince(places, r.province)
    if (province._tag === "missing") {
      errors.push({ row: line, field: "province", reason: province.reason, value: r.province })
      continue
    }
    let district: string | undefined
    if (r.district) {
      const byCode = /^LA\d{4}$/i.test(r.district)
      const d = resolveDistrict(places, {
        ...(byCode ? { code: r.district } : { name: r.district }),
        province: province.value.code,
      })
      if (d._tag === "missing") {
        errors.push({ row: line, field: "district", reason: d.reason, value: r.district })
        continue
      }
      district = d.value.code
    }
    const first = ids.get(r.shelter_id)
    if (first !== undefined) {
      errors.push({
        row: line,
        field: "shelter_id",
        reason: `duplicate id, first used on line ${first}`,
        value: r.shelter_id,
      })
      continue
    }
    ids.set(r.shelter_id, line)
    rows.push({
      id: r.shelter_id,
      name: r.name,
      province: province.value.code,
      ...(district ? { district } : {}),
      places: r.places,
      operator: r.operator,
      illustrative: r.illustrative === "yes",
    })
  }
  return { rows, errors }
}

/** Places by province: the capacity side of the shortfall. */
export function placesByProvince(shelters: ReadonlyArray<Shelter>): ReadonlyMap<string, number> {
  const out = new Map<string, number>()
  for (const s of shelters) out.set(s.province, (out.get(s.province) ?? 0) + s.places)
  return out
}
