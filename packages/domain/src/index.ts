/**
 * @lao-protect/domain: the shared vocabulary for protection of trafficked persons in Lao PDR.
 * Each module is one concept and exports a schema and its type under the same name.
 */
export * as Case from "./Case.ts"
export * as CaseRow from "./CaseRow.ts"
export * as CaseStage from "./CaseStage.ts"
export * as Consent from "./Consent.ts"
export * as DecodeError from "./DecodeError.ts"
export * as Ethnicity from "./Ethnicity.ts"
export * as Exploitation from "./Exploitation.ts"
export * as IsoDate from "./IsoDate.ts"
export * as Label from "./Label.ts"
export * as LegalBasis from "./LegalBasis.ts"
export * as Partner from "./Partner.ts"
export * as Perpetrator from "./Perpetrator.ts"
export * as Person from "./Person.ts"
export * as Place from "./Place.ts"
export * as Service from "./Service.ts"
export * as Translations from "./Translations.ts"
export * as VictimGroup from "./VictimGroup.ts"
export * as Vocabulary from "./Vocabulary.ts"
