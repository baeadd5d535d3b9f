/**
 * Which UNODC GLOTIP statistics correspond to which of our case-data measures, and which do not
 * (with why), as data: referenceSeries reads the comparable and approximate entries, and the
 * Trends view can print `note` beside the line. Our side is named by the publication's facts-cube
 * columns (docs/contracts.md section 3): a measure is the count of cases identified in a year with
 * the given column values. Browser-safe (no Node imports).
 */

export const glotipMappingSource = {
  name: "UNODC Global Report on Trafficking in Persons (GLOTIP): country data",
  publisher: "United Nations Office on Drugs and Crime (UNODC)",
  url: "https://www.unodc.org/unodc/en/data-and-analysis/glotip.html",
  mappingBy: "Lao Protect warehouse team (packages/warehouse/src/official-stats/measure-mapping.ts)",
} as const

/**
 * - `comparable`: the breakdown means the same on both sides (the base population still differs
 *   as the total's note says);
 * - `approximate`: overlapping but not identical definitions; show side by side with the note;
 * - `not_comparable`: no measure of ours corresponds; never drawn against case data.
 */
export type MappingMatch = "comparable" | "approximate" | "not_comparable"

export interface GlotipSelector {
  readonly indicator: string
  readonly dimension: string
  /** Category, sex and age may list '|'-separated spellings of one value. */
  readonly category: string
  readonly sex: string
  readonly age: string
  readonly unit: string
}

export interface GlotipMeasureMapping {
  /** Series id used by referenceSeries (`measure` column). */
  readonly measure: string
  /** The GLOTIP cell; `*` = any value of that field. */
  readonly glotip: GlotipSelector
  /** Our measure: facts-cube filters; null when there is none. */
  readonly ours: {
    readonly label: string
    readonly where: Readonly<Record<string, string | boolean>>
  } | null
  readonly match: MappingMatch
  readonly note: string
  /**
   * The note in Lao, only with the source of the translation (a glossary entry or a translator's
   * review); without it the Lao UI shows the English note with the review mark.
   */
  readonly noteLo?: { readonly text: string; readonly source: string }
}

const DTV = "Detected trafficking victims"
const victims = (dimension: string, category: string, sex: string, age: string): GlotipSelector => ({
  indicator: DTV,
  dimension,
  category,
  sex,
  age,
  unit: "Counts",
})

/** A selector value (`*`, one spelling, or '|'-separated spellings) against a file's value, case aside. */
export const selectorMatches = (selector: string, value: string): boolean =>
  selector === "*" || selector.toLowerCase().split("|").includes(value.trim().toLowerCase())

/** Age as GLOTIP files label it: "Minor"/"Adult" in some editions, "0 to 17 years"/"18 years or over" in the published country data. */
const MINOR = "Minor|0 to 17 years"
const ADULT = "Adult|18 years or over"

const BASE =
  "GLOTIP counts the victims that Lao authorities detected and reported to UNODC for the year; our cases are the victims identified by the reporting partners (including Lao nationals identified abroad and repatriated). Victims of Lao citizenship detected abroad appear in the detecting country's GLOTIP rows, not LAO's."

export const glotipMeasureMapping: ReadonlyArray<GlotipMeasureMapping> = [
  {
    measure: "victims_total",
    glotip: victims("Total", "Total", "Total", "Total"),
    ours: { label: "victims identified in the year (identification_date)", where: {} },
    match: "approximate",
    note: BASE,
  },
  {
    measure: "victims_female",
    glotip: victims("Total", "Total", "Female", "Total"),
    ours: { label: "female victims identified in the year", where: { sex: "female" } },
    match: "comparable",
    note: "Same sex categories. Our non_binary and unknown have no GLOTIP counterpart.",
  },
  {
    measure: "victims_male",
    glotip: victims("Total", "Total", "Male", "Total"),
    ours: { label: "male victims identified in the year", where: { sex: "male" } },
    match: "comparable",
    note: "Same sex categories. Our non_binary and unknown have no GLOTIP counterpart.",
  },
  {
    measure: "victims_minor",
    glotip: victims("Total", "Total", "Total", MINOR),
    ours: { label: "child victims (under 18 at identification)", where: { is_child: true } },
    match: "comparable",
    note: "UNODC minors are persons under 18, as our is_child (age at identification). Our unknown ages (is_child null) are in neither series.",
  },
  {
    measure: "victims_adult",
    glotip: victims("Total", "Total", "Total", ADULT),
    ours: { label: "adult victims (18 or older at identification)", where: { is_child: false } },
    match: "comparable",
    note: "UNODC adults are persons 18 or older, as our is_child = false.",
  },
  {
    measure: "victims_girls",
    glotip: victims("Total", "Total", "Female", MINOR),
    ours: { label: "girls", where: { sex: "female", is_child: true } },
    match: "comparable",
    note: "Sex and age as above.",
  },
  {
    measure: "victims_boys",
    glotip: victims("Total", "Total", "Male", MINOR),
    ours: { label: "boys", where: { sex: "male", is_child: true } },
    match: "comparable",
    note: "Sex and age as above.",
  },
  {
    measure: "victims_women",
    glotip: victims("Total", "Total", "Female", ADULT),
    ours: { label: "women", where: { sex: "female", is_child: false } },
    match: "comparable",
    note: "Sex and age as above.",
  },
  {
    measure: "victims_men",
    glotip: victims("Total", "Total", "Male", ADULT),
    ours: { label: "men", where: { sex: "male", is_child: false } },
    match: "comparable",
    note: "Sex and age as above.",
  },
  {
    measure: "form_sexual_exploitation",
    glotip: victims("by form of exploitation", "Sexual exploitation", "Total", "Total"),
    ours: { label: "victims of sexual exploitation", where: { exploitation_form: "sexual_exploitation" } },
    match: "comparable",
    note: "Same form. We record one main form per case; UNODC may count a victim of several forms under mixed or other forms.",
  },
  {
    measure: "form_forced_labour",
    glotip: victims("by form of exploitation", "Forced labour", "Total", "Total"),
    ours: { label: "victims of forced labour", where: { exploitation_form: "forced_labour" } },
    match: "approximate",
    note: "UNODC's forced labour may include what we code child_labour, servitude and online_scam (scam compounds), depending on how the case was reported; ours is forced_labour only.",
  },
  {
    measure: "form_forced_marriage",
    glotip: victims("by form of exploitation", "Forced marriage", "Total", "Total"),
    ours: {
      label: "victims of forced or fraudulent marriage",
      where: { exploitation_form: "forced_marriage" },
    },
    match: "approximate",
    note: "Only where the file reports forced marriage separately; otherwise it is inside 'Other forms of exploitation'. Fraudulent marriage (mostly to China) is in our forced_marriage.",
  },
  {
    measure: "form_begging",
    glotip: victims("by form of exploitation", "Begging", "Total", "Total"),
    ours: { label: "victims of forced begging", where: { exploitation_form: "forced_begging" } },
    match: "approximate",
    note: "Only where the file reports begging separately; otherwise it is inside 'Other forms of exploitation'.",
  },
  {
    measure: "form_other",
    glotip: victims("by form of exploitation", "Other forms of exploitation|Other forms", "Total", "Total"),
    ours: null,
    match: "not_comparable",
    note: "A residual whose content (marriage, begging, criminal activity, organ removal, mixed) varies by country and edition; our `other` is a different residual.",
  },
  {
    measure: "form_forced_criminal_activity",
    glotip: victims("by form of exploitation", "Forced criminal activity", "Total", "Total"),
    ours: null,
    match: "not_comparable",
    note: "Our online_scam mixes forced labour and forced criminality in scam compounds and cannot be split.",
  },
  {
    measure: "victims_by_citizenship",
    glotip: victims("by citizenship", "*", "Total", "Total"),
    ours: null,
    match: "not_comparable",
    note: "Categories are citizenship groups of victims detected in Laos (nationals, foreigners by region), while our citizenship is ISO3 per case and includes Lao nationals identified abroad.",
  },
  {
    measure: "persons_convicted",
    glotip: { indicator: "Persons convicted", dimension: "*", category: "*", sex: "*", age: "*", unit: "*" },
    ours: null,
    match: "not_comparable",
    note: "Offenders, not victims: the warehouse holds no criminal-justice counts.",
  },
  {
    measure: "persons_prosecuted",
    glotip: { indicator: "Persons prosecuted", dimension: "*", category: "*", sex: "*", age: "*", unit: "*" },
    ours: null,
    match: "not_comparable",
    note: "Offenders, not victims: the warehouse holds no criminal-justice counts.",
  },
  {
    measure: "persons_suspected",
    glotip: {
      indicator: "Persons brought into formal contact",
      dimension: "*",
      category: "*",
      sex: "*",
      age: "*",
      unit: "*",
    },
    ours: null,
    match: "not_comparable",
    note: "Suspects, not victims: the warehouse holds no criminal-justice counts.",
  },
  {
    measure: "victims_rate",
    glotip: {
      indicator: DTV,
      dimension: "*",
      category: "*",
      sex: "*",
      age: "*",
      unit: "Rate per 100,000 population",
    },
    ours: null,
    match: "not_comparable",
    note: "A rate: we publish counts only, and the population denominator is UNODC's.",
  },
]

/**
 * The notes still without a sourced Lao text, for the translators' list (the dashboard's
 * `check:i18n`): the Lao UI shows them in English with the review mark until a translator's text is
 * recorded here as `noteLo`, with its source.
 */
export const notesAwaitingLao = (
  mappings: ReadonlyArray<Pick<GlotipMeasureMapping, "measure" | "note" | "noteLo">> = glotipMeasureMapping,
): Array<{ readonly measure: string; readonly note: string }> =>
  mappings.filter((m) => m.noteLo === undefined).map(({ measure, note }) => ({ measure, note }))
