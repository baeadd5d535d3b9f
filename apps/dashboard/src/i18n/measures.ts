/**
 * Messages of the map's issue-21 measures (small-area rates, minority share, identification
 * settings) and of the checkpoints' trends. No sourced Lao exists for most of them: those keep the
 * English as the draft and show it with the review mark, never a guessed translation.
 */
import { defineCatalogue, review } from "./catalogue.ts"

const en = {
  metricRateEb: "Per 100,000 population a year (small-area estimate)",
  metricMinorityShare: "Share of cases from ethnic minorities (%)",
  metricIdentified: "Cases identified in a setting",
  identSetting: "Identification setting",
  measureCases: "Cases",
  measureInterval: "{level}% interval",
  intervalLower: "Interval, lower",
  intervalUpper: "Interval, upper",
  rateEbNote:
    "Empirical-Bayes estimate per province, shrunk toward the national rate over {years} year(s); {level}% interval in the tooltip and the table. Population: 2015 census by province (Lao Statistics Bureau). No district population exists, so province level only.",
  rateGroupNote:
    "The census gives no population by ethnic group per province: a group's or family's rate is per 100,000 of the whole population.",
  minorityNote:
    "Among cases whose ethnic group is recorded (unknown and 'other' left out); minorities are every group but Lao.",
  minorityHiddenNote: "Shown only when both the minority and the Lao cases reach {k}.",
  identifiedNote:
    "By province of origin: the cases carry no place of identification. The share is of the cases whose setting is recorded.",
  identifiedHiddenNote: "The share is shown only when both parts reach {k}.",
  estimateTip: "{rate} per 100,000 a year ({level}%: {lower}\u2013{upper}); cases: {cases}",
  shareTip: "{share} % ({level}%: {lower}\u2013{upper})",
  identifiedTip: "{cases} identified ({setting})",
  identifiedShareTip: "{share} % of cases with a recorded setting",
  metricIdentifiedHere: "Cases identified in the province",
  identifiedHereTip: "{identified} identified here; {origin} from here",
  identifiedHereRatioTip: "{ratio} identified here per case from here",
  identifiedHereNote:
    "Counted by the province where the person was identified, not where they come from. Beside it, the cases from the province: where many come from but few are identified (a ratio well below 1), identification is missing.",
  identifiedHerePublishedNote:
    "From the published tables (where identified, and origin): only the years of the filter apply, and cells are hidden as published.",
  identifiedVsOriginTitle: "Where victims are identified against where they come from",
  identifiedHereCol: "Identified here",
  originHereCol: "From here (origin)",
  ratioCol: "Identified here per case from here",
  gapCol: "From here minus identified here",
  trend: "Trend",
  trendRising: "Rising",
  trendFalling: "Falling",
  trendSteady: "No clear change",
  trendTooFew: "Too few cases to tell",
  trendNew: "new",
  trendNote:
    "Trend: {recent} against {previous}, called only when an exact test at the 10% level finds a change; too few to tell when a window's count is hidden or there are no earlier years.",
  rankBy: "Rank by",
  rankByCases: "Cases",
  rankByTrend: "Trend",
  returnsByYear: "Returns through this checkpoint per year",
  returnTrend: "Returns trend",
} as const

type Key = keyof typeof en

export const measures = defineCatalogue<Key>({
  en,
  // No sourced Lao for these strings: the English stays as the draft (shown with the review mark).
  lo: { ...en, trend: "ແນວໂນ້ມ", rankByTrend: "ແນວໂນ້ມ" },
  loSources: {
    ...(Object.fromEntries(Object.keys(en).map((key) => [key, review])) as { [K in Key]: typeof review }),
    trend: { glossary: "trend" },
    rankByTrend: { glossary: "trend" },
  },
})
