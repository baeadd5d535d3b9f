/**
 * The translators' catalogue: every bilingual label of the domain as one flat list, so a Lao
 * translator can review the Lao text, fill in what is missing and see where each verified string
 * comes from. Also the project's English-Lao glossary as data.
 *
 * Sources of labels are a plain list (`catalogueSources`): modules outside this file add theirs by
 * passing an extended list, `translatorsCatalogue([...catalogueSources, { concept: "VictimGroup",
 * labels: VictimGroup.labels }])`. No global registry, so the catalogue is the same wherever it is built.
 *
 * This module does not translate anything and never fills a missing Lao label with a guess.
 */
import { type GlossaryRow, glossaryRows } from "./data/glossary.ts"
import * as Ethnicity from "./Ethnicity.ts"
import type { Label } from "./Label.ts"
import * as LegalBasis from "./LegalBasis.ts"
import * as Place from "./Place.ts"

// ---------------------------------------------------------------------------------------------
// Glossary

export type GlossaryEntry = GlossaryRow

/** The project glossary: English term, Lao term (empty when no Lao source was found), sources, confidence. */
export const glossary: ReadonlyArray<GlossaryEntry> = glossaryRows

const simplifyTerm = (en: string): string =>
  en
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .trim()
    .toLowerCase()

const glossaryByEn = new Map<string, GlossaryEntry>()
for (const entry of glossary) glossaryByEn.set(entry.en.toLowerCase(), entry)
for (const entry of glossary) {
  const key = simplifyTerm(entry.en)
  if (!glossaryByEn.has(key)) glossaryByEn.set(key, entry)
}

/**
 * The glossary entry for an English term, matched without regard to case and, failing an exact
 * match, without the bracketed qualifier ("Xayaboury" finds "Xayaboury (province code 08)").
 */
export const glossaryTerm = (en: string): GlossaryEntry | undefined =>
  glossaryByEn.get(en.trim().toLowerCase()) ?? glossaryByEn.get(simplifyTerm(en))

const glossaryLo = new Set(
  glossary.flatMap((g) => g.lo.split("/").map((s) => Place.normalizeName(s))).filter((s) => s !== ""),
)

/** True when `lo` is, after Lao normalisation, a Lao term of the glossary. */
export const isGlossaryLao = (lo: string): boolean => glossaryLo.has(Place.normalizeName(lo))

// ---------------------------------------------------------------------------------------------
// Catalogue

export interface CatalogueSource {
  /** Concept name as in the contracts, e.g. "Province", "EthnicGroup". */
  readonly concept: string
  readonly labels: Readonly<Record<string, Label>>
  /** Where the Lao text of a code comes from (a source key or "glossary"), null when unsourced. */
  readonly sourceOf?: (code: string) => string | null
}

export interface CatalogueRow {
  readonly concept: string
  readonly code: string
  readonly en: string
  readonly lo: string
  readonly needsReview: boolean
  readonly source: string | null
}

const sourceFrom =
  <A>(rows: ReadonlyArray<A>, code: (a: A) => string, source: (a: A) => string | null) =>
  (c: string): string | null => {
    const row = rows.find((a) => code(a) === c)
    return row === undefined ? null : source(row)
  }

/** Label sources of the reference-data modules (Place, Ethnicity, LegalBasis). */
export const catalogueSources: ReadonlyArray<CatalogueSource> = [
  {
    concept: "Province",
    labels: Place.provinceLabels,
    sourceOf: sourceFrom(
      Place.provinces,
      (p) => p.code,
      (p) => p.loSource,
    ),
  },
  {
    concept: "District",
    labels: Place.districtLabels,
    sourceOf: sourceFrom(
      Place.districts,
      (d) => d.code,
      (d) => d.loSource,
    ),
  },
  { concept: "Checkpoint", labels: Place.checkpointLabels },
  {
    concept: "Country",
    labels: Place.countryLabels,
    sourceOf: sourceFrom(
      Place.countries,
      (c) => c.iso3,
      (c) => c.loSource,
    ),
  },
  {
    concept: "EthnicFamily",
    labels: Ethnicity.familyLabels,
    sourceOf: sourceFrom(
      Ethnicity.families,
      (f) => f.code,
      (f) => f.loSource,
    ),
  },
  {
    concept: "EthnicGroup",
    labels: Ethnicity.groupLabels,
    sourceOf: sourceFrom(
      Ethnicity.groups,
      (g) => g.code,
      (g) => g.loSource,
    ),
  },
  {
    concept: "LegalInstrument",
    labels: LegalBasis.instrumentLabels,
    sourceOf: sourceFrom(
      LegalBasis.instruments,
      (i) => i.id,
      (i) => i.loSource,
    ),
  },
  {
    concept: "LegalBasis",
    labels: LegalBasis.legalBasisLabels,
    sourceOf: sourceFrom(
      LegalBasis.articles,
      (a) => a.id,
      (a) => a.loSource,
    ),
  },
]

/**
 * One row per code of every label set in `sources`: English, Lao, whether the Lao text needs a
 * translator's review (flagged, or empty) and where the Lao text comes from. Sorted needs-review
 * first, then by concept and code, so the translator's work list comes first.
 */
export const translatorsCatalogue = (
  sources: ReadonlyArray<CatalogueSource> = catalogueSources,
): ReadonlyArray<CatalogueRow> =>
  sources
    .flatMap((s) =>
      Object.entries(s.labels).map(([code, label]) => {
        const needsReview = label.loNeedsReview === true || label.lo.trim() === ""
        const source = s.sourceOf?.(code) ?? (isGlossaryLao(label.lo) ? "glossary" : null)
        return { concept: s.concept, code, en: label.en, lo: label.lo, needsReview, source }
      }),
    )
    .sort(
      (a, b) =>
        Number(b.needsReview) - Number(a.needsReview) ||
        a.concept.localeCompare(b.concept) ||
        a.code.localeCompare(b.code),
    )

// ---------------------------------------------------------------------------------------------
// The translator's sheet: export, fill in, re-import

/** Columns of the sheet; the translator fills `lo_reviewed` and `lo_source` (and may add a note). */
export const sheetHeader = [
  "concept",
  "code",
  "en",
  "lo_current",
  "needs_review",
  "source",
  "lo_reviewed",
  "lo_source",
  "note",
] as const

// A cell starting with = + - @ is a formula to a spreadsheet: prefix it with ' so it stays text.
const neutralise = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)
const csvCell = (cell: string): string => {
  const safe = neutralise(cell)
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * The catalogue as a CSV sheet (UTF-8, one header row) a translator opens in a spreadsheet: the
 * rows that need review first, `lo_reviewed` and `lo_source` empty for them to fill.
 */
export const catalogueSheetCsv = (rows: ReadonlyArray<CatalogueRow> = translatorsCatalogue()): string =>
  [
    sheetHeader.join(","),
    ...rows.map((r) =>
      [r.concept, r.code, r.en, r.lo, r.needsReview ? "yes" : "no", r.source ?? "", "", "", ""]
        .map(csvCell)
        .join(","),
    ),
  ].join("\r\n") + "\r\n"

/** RFC 4180 records of a CSV text (quoted cells, doubled quotes, CRLF or LF). */
const parseCsv = (text: string): Array<Array<string>> => {
  const records: Array<Array<string>> = []
  let record: Array<string> = []
  let cell = ""
  let quoted = false
  const input = text.replace(/^\ufeff/, "")
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"' && cell === "") quoted = true
    else if (c === ",") {
      record.push(cell)
      cell = ""
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && input[i + 1] === "\n") i++
      record.push(cell)
      records.push(record)
      record = []
      cell = ""
    } else cell += c
  }
  if (cell !== "" || record.length > 0) {
    record.push(cell)
    records.push(record)
  }
  return records.filter((r) => r.some((c) => c !== ""))
}

/** A reviewed Lao label from the sheet. */
export interface CatalogueUpdate {
  readonly concept: string
  readonly code: string
  readonly lo: string
  /** Where the translator took the Lao text from (required: never unflag without a source). */
  readonly source: string
  readonly note: string
}

export interface SheetIssue {
  /** 1-based line of the sheet (the header is line 1). */
  readonly row: number
  readonly column: string
  readonly message: string
}

const LAO = /[\u0e80-\u0eff]/
const LATIN = /[A-Za-z]/

/**
 * Reads a filled sheet back: one update per row whose `lo_reviewed` is filled, checked against the
 * catalogue. Rows with a problem are reported (row, column, reason) and not applied; nothing is
 * lost: updates + issues + untouched rows = the sheet's rows. Never throws.
 */
export const readCatalogueSheet = (
  csv: string,
  rows: ReadonlyArray<CatalogueRow> = translatorsCatalogue(),
): {
  readonly updates: ReadonlyArray<CatalogueUpdate>
  readonly issues: ReadonlyArray<SheetIssue>
  readonly untouched: number
} => {
  const records = typeof csv === "string" ? parseCsv(csv) : []
  const [header, ...data] = records
  const issues: Array<SheetIssue> = []
  const updates: Array<CatalogueUpdate> = []
  if (header === undefined || sheetHeader.some((h, i) => header[i]?.trim() !== h)) {
    return {
      updates,
      issues: [{ row: 1, column: "header", message: `the first row must be ${sheetHeader.join(",")}` }],
      untouched: 0,
    }
  }
  const known = new Map(rows.map((r) => [`${r.concept}\u0000${r.code}`, r]))
  let untouched = 0
  data.forEach((cells, i) => {
    const row = i + 2
    const get = (name: (typeof sheetHeader)[number]) => (cells[sheetHeader.indexOf(name)] ?? "").trim()
    const [concept, code, lo, source, note] = [
      get("concept"),
      get("code"),
      get("lo_reviewed"),
      get("lo_source"),
      get("note"),
    ]
    if (lo === "") {
      untouched++
      return
    }
    const problem = ((): readonly [string, string] | undefined => {
      if (!known.has(`${concept}\u0000${code}`))
        return ["code", `${concept} ${JSON.stringify(code)} is not in the catalogue`]
      if (!LAO.test(lo)) return ["lo_reviewed", `${JSON.stringify(lo)} has no Lao script`]
      if (LATIN.test(lo))
        return ["lo_reviewed", `${JSON.stringify(lo)} mixes Latin letters into the Lao text`]
      if (source === "")
        return [
          "lo_source",
          "is required: say where the Lao text comes from (a document, a glossary, the translator's name)",
        ]
      return undefined
    })()
    if (problem === undefined) updates.push({ concept, code, lo, source, note })
    else issues.push({ row, column: problem[0], message: problem[1] })
  })
  return { updates, issues, untouched }
}

/** The catalogue with the reviewed labels applied: Lao text replaced, review flag lifted, source kept. */
export const applyCatalogueUpdates = (
  rows: ReadonlyArray<CatalogueRow>,
  updates: ReadonlyArray<CatalogueUpdate>,
): ReadonlyArray<CatalogueRow> => {
  const byKey = new Map(updates.map((u) => [`${u.concept}\u0000${u.code}`, u]))
  return rows.map((r) => {
    const u = byKey.get(`${r.concept}\u0000${r.code}`)
    return u === undefined ? r : { ...r, lo: u.lo, needsReview: false, source: u.source }
  })
}
