/**
 * What every export carries beside its numbers: title, date, active filters, data source, the
 * suppression threshold note, the synthetic-data flag and the language. `buildExportContext` makes
 * one from the app state and the release manifest, so every page writes the same stamp.
 */
import { labelOf, type VocabName } from "../data/reference.ts"
import type { Manifest } from "../data/release.ts"
import type { Lang, MessageKey, T } from "../i18n/index.ts"
import { formatDate } from "../lib/format.ts"
import { type AppState, FILTER_KEYS, type FilterKey } from "../lib/state.ts"
import { hidesNothing } from "../lib/suppress.ts"

/** One legend entry drawn on exported images. */
export interface LegendEntry {
  readonly label: string
  /** swatch: filled square; line: a stroke; suppressed: grey hatched square; noData: white square. */
  readonly kind: "swatch" | "line" | "dashed" | "suppressed" | "noData"
  readonly colour: string
}

export interface ExportContext {
  readonly title: string
  readonly subtitle?: string | undefined
  /** Already formatted for the language, e.g. "Exported 28 November 2026". */
  readonly date: string
  /** Already formatted: "Filters: Years 2020–2023 · Sex: Female", or the no-filter text. */
  readonly filters: string
  /** "Source: …" line naming the publication (and e.g. UNODC GLOTIP for reference series). */
  readonly source: string
  /** "Counts below 10 are suppressed". */
  readonly thresholdNote: string
  readonly synthetic: boolean
  readonly syntheticLabel: string
  readonly lang: Lang
  readonly legend?: ReadonlyArray<LegendEntry> | undefined
  /** Extra lines (e.g. an official-statistics mapping note), printed small under the source. */
  readonly notes?: ReadonlyArray<string> | undefined
  /** The threshold the exported counts are held to: a CSV writes every count below it as suppressed. */
  readonly k?: number | undefined
  /**
   * Present when the screen shows exact counts (the planners tier): the publication's rule, which
   * every data export applies unless the user explicitly chooses the restricted exact version.
   */
  readonly publicRule?:
    | { readonly k: number; readonly thresholdNote: string; readonly restrictedMark: string }
    | undefined
  /** The user chose the exact version (planners tier only): marked restricted in the file and its name. */
  readonly restricted?: boolean | undefined
}

const FILTER_VOCAB = {
  victimGroup: "victimGroup",
  sex: "sex",
  ageBand: "ageBand",
  ethnicityFamily: "ethnicityFamily",
  ethnicGroup: "ethnicGroup",
  exploitationForm: "exploitationForm",
  destination: "destination",
  borderPoint: "borderPoint",
  stage: "stage",
} as const satisfies { readonly [K in FilterKey]: VocabName & MessageKey }
const FILTER_LABEL: { readonly [K in FilterKey]: MessageKey } = FILTER_VOCAB

/** "Years: 2020–2023 · Sex: Female", or the no-filter text; used by stamps and title slides. */
export const describeFilters = (state: AppState, t: T): string => {
  const parts: Array<string> = []
  if (state.yearFrom !== null || state.yearTo !== null) {
    parts.push(`${t("years")}: ${state.yearFrom ?? "…"}–${state.yearTo ?? "…"}`)
  }
  for (const key of FILTER_KEYS) {
    const code = state.codes[key]
    if (code !== null)
      parts.push(`${t(FILTER_LABEL[key])}: ${labelOf(FILTER_VOCAB[key], code, state.lang, code).text}`)
  }
  return parts.length === 0 ? t("exportNoFilters") : t("exportFilters", { list: parts.join(" · ") })
}

export interface BuildContextArgs {
  readonly t: T
  readonly state: AppState
  readonly manifest: Manifest | null
  readonly k: number
  readonly title: string
  readonly subtitle?: string | undefined
  readonly legend?: ReadonlyArray<LegendEntry> | undefined
  readonly notes?: ReadonlyArray<string> | undefined
  /** Extra source named after the publication (e.g. "UNODC GLOTIP"). */
  readonly extraSource?: string | undefined
  /** Defaults to now. */
  readonly now?: Date | undefined
}

export const buildExportContext = (a: BuildContextArgs): ExportContext => {
  const { t, state, manifest } = a
  const lang = state.lang
  const release = manifest
    ? t("exportSource", { release: manifest.release, date: formatDate(lang, manifest.createdAt) })
    : t("exportSourceUnknown")
  return {
    title: a.title,
    subtitle: a.subtitle,
    date: t("exportDate", { date: formatDate(lang, (a.now ?? new Date()).toISOString()) }),
    filters: describeFilters(state, t),
    source: a.extraSource ? `${release}; ${a.extraSource}` : release,
    thresholdNote: hidesNothing(a.k) ? t("exactNote") : t("thresholdNote", { k: a.k }),
    synthetic: manifest?.synthetic ?? false,
    syntheticLabel: t("syntheticBadge"),
    lang,
    legend: a.legend,
    notes: a.notes,
    k: a.k,
    publicRule:
      manifest && manifest.threshold > a.k
        ? {
            k: manifest.threshold,
            thresholdNote: t("thresholdNote", { k: manifest.threshold }),
            restrictedMark: t("exportRestrictedMark"),
          }
        : undefined,
  }
}

/**
 * The context of a view that shows exact counts whatever the release's screen rule (the planning
 * page's priority score reads the facts cube exactly): its CSV still defaults to the publication's
 * threshold, the exact version being the restricted choice.
 */
export const exactScreenContext = (context: ExportContext, t: T, threshold: number): ExportContext => ({
  ...context,
  k: 1,
  thresholdNote: t("exactNote"),
  publicRule: {
    k: threshold,
    thresholdNote: t("thresholdNote", { k: threshold }),
    restrictedMark: t("exportRestrictedMark"),
  },
})

/**
 * The context a data export (CSV) is written under: the publication's rule by default (on the
 * planners tier, whose screen hides nothing, counts below the publication threshold are suppressed
 * in the file), the screen's exact counts only when `exact` is asked for, marked restricted.
 */
export const dataExportContext = (context: ExportContext, exact = false): ExportContext => {
  const rule = context.publicRule
  if (!rule) return context
  if (exact) return { ...context, restricted: true, notes: [rule.restrictedMark, ...(context.notes ?? [])] }
  return { ...context, k: rule.k, thresholdNote: rule.thresholdNote }
}

/**
 * The context of an image export: `exact` is the screen's exact counts, marked restricted in the
 * stamp and the file name; the default is drawn under the public rule, and refuses to go out if the
 * screen still showed exact counts when it was captured.
 */
export const imageContext = (context: ExportContext, exact: boolean): ExportContext => {
  if (exact) return dataExportContext(context, true)
  if (context.publicRule)
    throw new Error("export: the screen still shows exact counts; the default image must be the public rule")
  return context
}

/** A file name from the title and date: ASCII slug (Lao titles fall back to "lao-protect"). */
export const fileNameFor = (context: ExportContext, ext: string, now: Date = new Date()): string => {
  // Latin accents are dropped; Lao (and any other script's) letters and marks are kept, so a Lao
  // export is named by its Lao title
  const slug = context.title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .normalize("NFC")
  return `${slug || "lao-protect"}${context.restricted ? "-restricted" : ""}-${now.toISOString().slice(0, 10)}.${ext}`
}
