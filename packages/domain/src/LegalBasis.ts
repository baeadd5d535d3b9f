/**
 * Legal basis: the laws, codes and national guidelines that victim-protection decisions in Lao PDR
 * rest on, and the articles a case can cite (`LegalBasisId`), with the dates that decide which law
 * applies on a given day.
 *
 * Data and sources: `data/legal-instruments.ts`. Every instrument keeps its adoption, promulgation,
 * in-force and repeal dates with their sources and the facts sheet's confidence; every article keeps
 * its confidence and `needsCheck`. Several dates are known only to the year or month, so in-force
 * status on a day can be `uncertain`; `isInForce` is true only when the law was certainly in force.
 * In particular the 2006 Children Law stops applying on 4 Dec 2023, when the amended law takes over:
 * a case identified in 2024 cites `children_2023_law`, not the 2006 articles.
 *
 * Summaries are ours, not quotations, and many article numbers are LOW confidence or GAP: this
 * module links decisions to their basis for reporting, it is not legal advice.
 */
import * as Schema from "effect/Schema"
import {
  type ArticleRow,
  articleRows,
  type Confidence,
  type DateFact,
  type InstrumentRow,
  instrumentRows,
  legalSourceRefs,
} from "./data/legal-instruments.ts"
import type { Label, Labels } from "./Label.ts"

export type { Confidence, DateFact }
export { legalSourceRefs }

const instrumentIds = instrumentRows.map((i) => i.id) as ReadonlyArray<(typeof instrumentRows)[number]["id"]>
const articleIds = articleRows.map((a) => a.id) as ReadonlyArray<(typeof articleRows)[number]["id"]>

export const InstrumentId = /*#__PURE__*/ Schema.Literals(instrumentIds).annotate({
  title: "InstrumentId",
  description: "A law, code or national guideline protecting victims of trafficking in Lao PDR (name_year).",
  examples: ["women_2004", "penal_2017"],
})
export type InstrumentId = typeof InstrumentId.Type

export const LegalBasisId = /*#__PURE__*/ Schema.Literals(articleIds).annotate({
  title: "LegalBasisId",
  description:
    "An article (or guideline section) a case decision rests on: <instrument>_art<number>, <instrument>_sec<number>, or a named provision whose article number is not verified.",
  examples: ["women_2004_art28", "penal_2017_art215", "atip_2015_victim_protection"],
})
export type LegalBasisId = typeof LegalBasisId.Type

export interface Instrument extends Omit<InstrumentRow, "id" | "replaces" | "replacedBy"> {
  readonly id: InstrumentId
  readonly replaces: InstrumentId | null
  readonly replacedBy: InstrumentId | null
}
export interface Article extends Omit<ArticleRow, "id" | "instrument"> {
  readonly id: LegalBasisId
  readonly instrument: InstrumentId
}

export const instruments: ReadonlyArray<Instrument> = instrumentRows
export const articles: ReadonlyArray<Article> = articleRows

const instrumentById = new Map(instruments.map((i) => [i.id, i]))
const articleById = new Map(articles.map((a) => [a.id, a]))

export const instrument = (id: InstrumentId): Instrument => instrumentById.get(id)!

export const articleOf = (id: LegalBasisId): Article => articleById.get(id)!

export const instrumentOf = (id: LegalBasisId): Instrument => instrument(articleOf(id).instrument)

export const articlesOf = (id: InstrumentId): ReadonlyArray<Article> =>
  articles.filter((a) => a.instrument === id)

// ---------------------------------------------------------------------------------------------
// Dates

const lastDayOfMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate()

/** First and last ISO day a (partial) date fact can stand for; undefined when the date is a GAP. */
export const dateRange = (
  fact: DateFact,
): { readonly earliest: string; readonly latest: string } | undefined => {
  if (fact.date === null) return undefined
  const [y, m] = fact.date.split("-")
  const year = Number(y)
  const earliest =
    fact.earliest ?? (m === undefined ? `${y}-01-01` : fact.date.length === 7 ? `${fact.date}-01` : fact.date)
  const latest =
    fact.latest ??
    (m === undefined
      ? `${y}-12-31`
      : fact.date.length === 7
        ? `${fact.date}-${String(lastDayOfMonth(year, Number(m))).padStart(2, "0")}`
        : fact.date)
  return { earliest, latest }
}

const toIso = (date: string | Date): string =>
  typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10)

export type InForceStatus = "in_force" | "not_in_force" | "uncertain"

const earliestPossibleStart = (i: Instrument): string | undefined =>
  dateRange(i.inForce)?.earliest ??
  dateRange(i.adopted)?.earliest ??
  (i.drafted === undefined ? undefined : dateRange(i.drafted)?.earliest)

/**
 * The days on which an instrument may be cited: from the earliest day it can have been in force
 * (its adoption, or its drafting for a draft, when the entry into force is unknown) up to the last
 * day before it was certainly repealed. `undefined` ends mean open.
 */
export const citableRange = (id: InstrumentId): { readonly from?: string; readonly until?: string } => {
  const i = instrument(id)
  const from = earliestPossibleStart(i)
  const end = i.repealed === null ? undefined : dateRange(i.repealed)?.latest
  return { ...(from === undefined ? {} : { from }), ...(end === undefined ? {} : { until: end }) }
}

/** An article may be cited on `date`: its instrument was, or may have been, in force then. */
export const isCitable = (id: LegalBasisId, date: string | Date): boolean =>
  inForceStatus(id, date) !== "not_in_force"

/**
 * Whether an instrument applies on `date` (ISO `YYYY-MM-DD` or a Date): `uncertain` when the date
 * falls inside a start or end known only to the month or year, or the start is unknown.
 */
export const instrumentStatusOn = (id: InstrumentId, date: string | Date): InForceStatus => {
  const day = toIso(date)
  const i = instrument(id)
  const start = dateRange(i.inForce)
  const end = i.repealed === null ? undefined : dateRange(i.repealed)
  if (end !== undefined && day >= end.latest) return "not_in_force"
  if (start !== undefined && day < start.earliest) return "not_in_force"
  if (start === undefined) {
    // An unknown entry into force is no boundary, but nothing applies before it was adopted (or drafted).
    const floor = earliestPossibleStart(i)
    return floor !== undefined && day < floor ? "not_in_force" : "uncertain"
  }
  if (day < start.latest) return "uncertain"
  if (end !== undefined && day >= end.earliest) return "uncertain"
  return "in_force"
}

/** In-force status of the instrument an article belongs to, on `date`. */
export const inForceStatus = (id: LegalBasisId, date: string | Date): InForceStatus =>
  instrumentStatusOn(articleOf(id).instrument, date)

/** A known article id (unchecked input: a CSV cell, a form answer). */
export const isLegalBasisId = (value: unknown): value is LegalBasisId =>
  typeof value === "string" && articleById.has(value as LegalBasisId)

/** True only when the article's instrument was certainly in force on `date`. */
export const isInForce = (id: LegalBasisId, date: string | Date): boolean =>
  inForceStatus(id, date) === "in_force"

/** Every article certainly in force on `date`. */
export const inForceOn = (date: string | Date): ReadonlyArray<Article> =>
  articles.filter((a) => isInForce(a.id, date))

const successors: Partial<Record<LegalBasisId, LegalBasisId>> = {
  ...Object.fromEntries(articlesOf("children_2006").map((a) => [a.id, "children_2023_law"])),
  penal_2005_art134: "penal_2017_art215",
  penal_2005_art133: "penal_2017_art253",
  npa_tip_2016_protection: "npa_tip_2021_victim_assistance",
  ...Object.fromEntries(articlesOf("guideline_2010").map((a) => [a.id, "guideline_2020_referral"])),
}

/**
 * The article's counterpart in the law in force on `date` when the instrument has been replaced
 * (children_2006 -> children_2023_law, penal_2005_art134 -> penal_2017_art215), or the article itself.
 */
export const currentEquivalent = (id: LegalBasisId, date: string | Date): LegalBasisId => {
  const { until } = citableRange(articleOf(id).instrument)
  // Only after the repeal: before the instrument came into force there is no successor to point to.
  return until !== undefined && toIso(date) >= until ? (successors[id] ?? id) : id
}

// ---------------------------------------------------------------------------------------------
// Labels

const label = (en: string, lo: string, loSource: string | null, description: string): Label =>
  lo === "" || loSource === null ? { en, lo, description, loNeedsReview: true } : { en, lo, description }

export const instrumentLabels: Labels<InstrumentId> = Object.fromEntries(
  instruments.map((i) => [
    i.id,
    label(
      i.titleEn,
      i.titleLo,
      i.loSource,
      `${i.shortTitleEn}${i.number === null ? "" : `, No. ${i.number}`}.`,
    ),
  ]),
) as Labels<InstrumentId>

export const legalBasisLabels: Labels<LegalBasisId> = Object.fromEntries(
  articles.map((a) => {
    const i = instrument(a.instrument)
    const where =
      a.article === null ? "" : i.kind === "guideline" ? `, section ${a.article}` : `, Art. ${a.article}`
    return [a.id, label(`${i.shortTitleEn}${where}: ${a.titleEn}`, a.titleLo, a.loSource, a.provides)]
  }),
) as Labels<LegalBasisId>
