/**
 * The CaseModel built from @lao-protect/domain: column checks from `CaseRow.caseRowRules`, header
 * aliases from `caseRowColumns`' English and Lao labels, ENUM members from the vocabularies' codes,
 * place resolution from `Place.find*`, rejected-row explanations from `CaseRow.quickCheck` (the
 * domain's fuzz tests prove it gives `decodeCaseRow`'s verdict and messages, about four times faster).
 * Only header spellings partners commonly use are listed here; no code list is.
 */
import * as Domain from "@lao-protect/domain"
import * as Result from "effect/Result"
import type { CaseModel, ColumnSpec, DomainRule, PlaceKind, PlaceMatch } from "./model.ts"

const placeVocabularies: Readonly<Record<string, PlaceKind>> = {
  Citizenship: "country",
  ProvinceCode: "province",
  DistrictCode: "district",
  CheckpointId: "checkpoint",
  CountryCode: "country",
}

/** Header spellings seen in partner sheets (lower-case forms are matched loosely). */
const partnerAliases: Readonly<Record<string, ReadonlyArray<string>>> = {
  case_id: ["Case ID", "Case No", "Case number", "ID"],
  source: ["Partner", "Reporting partner", "Source"],
  identification_date: ["Date identified", "Identification date", "Date of identification"],
  sex: ["Sex", "Gender"],
  date_of_birth: ["DOB", "Date of birth", "Birth date"],
  age_years: ["Age", "Age (years)"],
  citizenship: ["Nationality", "Citizenship"],
  origin_district: ["District", "District of origin", "Home district"],
  origin_province: ["Province", "Province of origin", "Home province"],
  identification_province: ["Province of identification", "Province identified", "Identified in (province)"],
  identification_district: ["District of identification", "District identified", "Identified in (district)"],
  destination_country: ["Destination", "Destination country", "Country of destination"],
  border_checkpoint: ["Border checkpoint", "Checkpoint", "Border crossing"],
  exploitation_form: ["Form of exploitation", "Exploitation", "Type of exploitation"],
  victim_group: ["Victim group", "Group"],
  victim_name: ["Name", "Full name", "Victim name"],
}

const enumName = (vocabulary: string): string =>
  vocabulary.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()

type Match = {
  readonly _tag: string
  readonly value?: unknown
  readonly by?: string
  readonly candidates?: ReadonlyArray<unknown>
  readonly why?: string
}
const codeOf = (a: unknown): string => {
  const r = a as { code?: string; id?: string; iso3?: string }
  return String(r.code ?? r.id ?? r.iso3 ?? "")
}
const fromMatch = (m: Match): PlaceMatch =>
  m._tag === "Found"
    ? { code: codeOf(m.value), ...(m.by === "loose" ? { guessed: true } : {}) }
    : m._tag === "Ambiguous"
      ? { ambiguous: (m.candidates ?? []).map(codeOf), ...(m.why === "loose" ? { loose: true } : {}) }
      : { unknown: true }

export function caseModelFrom(caseRow = Domain.CaseRow, place = Domain.Place): CaseModel {
  const labels = new Map(caseRow.caseRowColumns.map((c) => [c.column, c.label]))
  const columns = caseRow.caseRowRules.map((r): ColumnSpec => {
    const label = labels.get(r.column)
    const aliases = [...(label ? [label.en, label.lo] : []), ...(partnerAliases[r.column] ?? [])]
    const base = { name: r.column, required: r.required, aliases }
    const vocabulary = Domain.Vocabulary.vocabularies.find((v) => v.name === r.vocabulary)
    const labelsOf = vocabulary
      ? Object.fromEntries(
          Object.entries(vocabulary.labels as Record<string, { en: string; lo: string }>).map(([code, l]) => [
            code,
            [l.en, l.lo],
          ]),
        )
      : undefined
    const enumSpec =
      r.vocabulary && r.codes
        ? { name: enumName(r.vocabulary), codes: r.codes, ...(labelsOf ? { labels: labelsOf } : {}) }
        : undefined
    const expected =
      r.codes && r.codes.length <= 20 ? `one of ${r.codes.join(", ")}` : `a ${r.vocabulary ?? r.type} code`
    switch (r.type) {
      case "date":
        return {
          ...base,
          kind: "date",
          expected: "a date",
          ...(typeof r.min === "string" ? { minDate: r.min } : {}),
          ...(r.notInFuture ? { notFuture: true } : {}),
        }
      case "int":
        return {
          ...base,
          kind: "int",
          expected: "a whole number",
          ...(typeof r.min === "number" ? { min: r.min } : {}),
          ...(typeof r.max === "number" ? { max: r.max } : {}),
        }
      case "code": {
        const kind = r.vocabulary ? placeVocabularies[r.vocabulary] : undefined
        if (kind)
          return {
            ...base,
            kind: "place",
            place: kind,
            expected: `a ${kind} name or code`,
            ...(enumSpec ? { enum: enumSpec } : {}),
          }
        return { ...base, kind: "code", expected, ...(enumSpec ? { enum: enumSpec } : {}) }
      }
      case "list":
        return { ...base, kind: "codes", expected, ...(enumSpec ? { enum: enumSpec } : {}) }
      default:
        return {
          ...base,
          kind: "text",
          expected: r.pattern ? `text matching ${r.pattern}` : "text",
          ...(r.pattern ? { pattern: r.pattern.replace(/^\^/, "").replace(/\$$/, "") } : {}),
          ...(r.maxLength !== undefined ? { maxLength: r.maxLength } : {}),
        }
    }
  })
  const notAfter = caseRow.caseRowCrossFieldRules.flatMap((r) =>
    r.kind === "notAfter"
      ? [
          {
            column: r.column,
            notAfter: r.notAfter,
            reason: r.reason,
            ...(r.atMostYears ? { atMostYears: r.atMostYears } : {}),
          },
        ]
      : [],
  )
  const [stagePath] = caseRow.caseRowCrossFieldRules.flatMap((r) =>
    r.kind === "stagePath" ? [{ start: r.start, steps: r.steps, allowed: r.allowed }] : [],
  )
  const rules = caseRow.caseRowCrossFieldRules.filter((r): r is DomainRule =>
    ["childBid", "childOnly", "excludes", "requiredWhen", "citableBy", "ageSpan"].includes(r.kind),
  )
  const districtProvince = caseRow.caseRowCrossFieldRules.flatMap((r) =>
    r.kind === "provinceOfDistrict" ? [{ district: r.district, province: r.province }] : [],
  )
  return {
    columns,
    rules,
    districtProvince,
    stageDates: caseRow.stageDateColumns.filter((c) => c !== "identification_date"),
    ...(stagePath ? { stagePath } : {}),
    ...(notAfter.length > 0 ? { notAfter } : {}),
    places: {
      province: (t) => fromMatch(place.findProvince(t)),
      district: (t, hint) => fromMatch(place.findDistrict(t, hint)),
      checkpoint: (t) => fromMatch(place.findCheckpoint(t)),
      // citizenship's stateless/unknown too; a destination column's ENUM refuses them
      country: (t) => {
        const special = Domain.Citizenship.find(t)
        return Result.isSuccess(special) && !Domain.Citizenship.isCountry(special.success)
          ? { code: special.success }
          : fromMatch(place.findCountry(t))
      },
      provinceOfDistrict: (c) => {
        try {
          return place.provinceOfDistrict(c as never)
        } catch {
          // The domain throws for a code it does not know: "no province" is the answer asked for.
          return undefined
        }
      },
    },
    explain: (row) =>
      caseRow
        .quickCheck({ ...caseRow.emptyRow(), ...row })
        .map((i) => ({ column: i.path, message: i.message })),
  }
}

/** The model of the installed domain package. */
export const domainModel = (): CaseModel => caseModelFrom()
