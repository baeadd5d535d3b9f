/**
 * Messages for the data-quality page (planners tier). No Lao text is sourced yet: every key is
 * marked for review, so the Lao UI shows the English with the review mark until a translator
 * supplies it (the drafts below are the English).
 */
import { defineCatalogue, review as needs } from "./catalogue.ts"

const en = {
  pageQuality: "Data quality",
  qualityIntro:
    "How each partner's files arrived: rows read, accepted and rejected with the reasons, duplicate case ids, warnings, how long cases took to reach the warehouse, and how complete each field is. Counts below {k} are hidden.",
  qualityNone: "This release has no data-quality figures: they are published in the planners' tier only.",
  qualityPartner: "Partner",
  qualityAll: "All partners",
  qualityImportsTitle: "Imports",
  qualityMonth: "Month imported",
  qualityRowsRead: "Rows read",
  qualityAccepted: "Accepted",
  qualityRejected: "Rejected",
  qualityDuplicates: "Duplicate case ids",
  qualityUpdated: "Cases updated",
  qualityWarnings: "Warnings",
  qualityLag: "Median days from identification to import",
  qualityReasonsTitle: "Rejection reasons and warnings",
  qualityNoReasons: "No rejected rows or warnings.",
  qualityKind: "Kind",
  qualityKindRejected: "rejected",
  qualityKindWarning: "warning",
  qualityColumn: "Field",
  qualityReason: "Reason",
  qualityRows: "Rows",
  qualityMissingTitle: "Fields most often missing",
  qualityMissingShare: "{share} missing",
  qualityCompletenessTitle: "Completeness of each field, by year of identification",
  qualityCompletenessOf: "Share of {partner}'s cases with a value",
  qualityYear: "Year of identification",
} as const

type Key = keyof typeof en

export const quality = defineCatalogue({
  en,
  lo: en,
  loSources: Object.fromEntries(Object.keys(en).map((k) => [k, needs])) as {
    readonly [K in Key]: typeof needs
  },
})
