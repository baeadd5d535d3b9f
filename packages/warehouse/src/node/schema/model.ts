/**
 * What the warehouse needs to know about CaseRow, in one flat shape: columns with their kind, checks
 * and vocabularies, plus the place resolvers. Built from the domain package by `./domain-model.ts`
 * (the single source of truth); tests may build small ones. DDL and validation SQL are generated
 * from this, so nothing here is a second hand-written list of codes.
 */

import type * as Domain from "@lao-protect/domain"

/** The domain's cross-field rules that the importer generates SQL from (see `crossChecks`). */
export type DomainRule = Extract<
  (typeof Domain.CaseRow.caseRowCrossFieldRules)[number],
  { readonly kind: "childBid" | "childOnly" | "excludes" | "requiredWhen" | "citableBy" | "ageSpan" }
>

/** A closed set of codes that becomes a DuckDB ENUM type named `name` (snake_case). */
export interface EnumSpec {
  readonly name: string
  readonly codes: ReadonlyArray<string>
  /** English and Lao labels of each code (for suggesting value mappings, not for matching). */
  readonly labels?: Readonly<Record<string, ReadonlyArray<string>>>
}

export type PlaceKind = "province" | "district" | "checkpoint" | "country"

export type ColumnKind =
  /** Free or patterned text, stored VARCHAR. */
  | "text"
  | "date"
  | "int"
  /** One code of `enum`; matched case-insensitively, spaces and hyphens read as `_`. */
  | "code"
  /** `;`-separated codes of `enum`, stored as ENUM[]. */
  | "codes"
  /** A place name or code resolved through the domain's Place lookups, stored as ENUM. */
  | "place"

export interface ColumnSpec {
  readonly name: string
  readonly kind: ColumnKind
  readonly required: boolean
  /** For code, codes and place columns: the ENUM type. */
  readonly enum?: EnumSpec
  readonly place?: PlaceKind
  readonly min?: number
  readonly max?: number
  /** Dates: earliest allowed (ISO) and whether future dates are rejected. */
  readonly minDate?: string
  readonly notFuture?: boolean
  /** Text: a regular expression (RE2 syntax, whole value) and a maximum length. */
  readonly pattern?: string
  readonly maxLength?: number
  /** Headers that also name this column (English and Lao labels, common partner spellings). */
  readonly aliases: ReadonlyArray<string>
  /** A plain-language description of what is expected, for reject reasons. */
  readonly expected: string
}

/** Resolution of one place text: a code, several candidates, or nothing. */
export type PlaceMatch =
  /** `guessed`: matched only loosely (a spelling variant), worth a warning. */
  | { readonly code: string; readonly guessed?: boolean }
  /** `loose`: no exact name, only a loose spelling matched these candidates. */
  | { readonly ambiguous: ReadonlyArray<string>; readonly loose?: boolean }
  | { readonly unknown: true }

export interface PlaceResolver {
  province(text: string): PlaceMatch
  district(text: string, provinceHint?: string): PlaceMatch
  checkpoint(text: string): PlaceMatch
  country(text: string): PlaceMatch
  /** The province P-code of a district P-code. */
  provinceOfDistrict(districtCode: string): string | undefined
}

/** Explains a rejected row in case-worker language (the domain decoder), one message per issue. */
export type RowExplainer = (row: Readonly<Record<string, string>>) => ReadonlyArray<{
  readonly column: string
  readonly message: string
}>

export interface CaseModel {
  readonly columns: ReadonlyArray<ColumnSpec>
  readonly places: PlaceResolver
  /** Optional: the domain decoder for rejected rows. */
  readonly explain?: RowExplainer
  /** Ordered stage date columns (each not before the previous one given, nor identification). */
  readonly stageDates: ReadonlyArray<string>
  /** The domain's stage-path rule: the stages with a date, in order, must be allowed moves. */
  readonly stagePath?: StagePathRule
  /** The domain's `notAfter` rules: `column`, when given, is not after `notAfter` (when given). */
  readonly notAfter?: ReadonlyArray<NotAfterRule>
  /** The domain's child safeguards, cross-field checks and citation dates, as data. */
  readonly rules?: ReadonlyArray<DomainRule>
  /**
   * The domain's district-in-province pairs (`provinceOfDistrict` rules): the district is resolved
   * with the province as a hint, the province is derived from the district when missing, and a
   * mismatch is rejected. Without it: the origin pair.
   */
  readonly districtProvince?: ReadonlyArray<{ readonly district: string; readonly province: string }>
}

/** CaseRow's `notAfter` cross-field rules, e.g. a date of birth not after the identification date. */
export interface NotAfterRule {
  readonly column: string
  readonly notAfter: string
  /** Why, for case workers. */
  readonly reason: string
  /** Nor more than `years` whole years before it, and why (an age over 120 at identification). */
  readonly atMostYears?: { readonly years: number; readonly reason: string }
}

/** CaseRow's `stagePath` cross-field rule (see the domain's `caseRowCrossFieldRules`). */
export interface StagePathRule {
  readonly start: string
  readonly steps: ReadonlyArray<{
    readonly column: string
    readonly stage?: string
    readonly stageColumn?: string
  }>
  readonly allowed: ReadonlyArray<readonly [string, string]>
}

/** Every ENUM type the model uses, deduplicated by name. */
export const enumsOf = (model: CaseModel): ReadonlyArray<EnumSpec> => {
  const byName = new Map<string, EnumSpec>()
  for (const c of model.columns) if (c.enum && !byName.has(c.enum.name)) byName.set(c.enum.name, c.enum)
  return [...byName.values()]
}

export const column = (model: CaseModel, name: string): ColumnSpec | undefined =>
  model.columns.find((c) => c.name === name)
