/**
 * Reading official statistics back: the yearly reference series of one country for the Trends view
 * (only the statistics whose definitions match ours, per measure-mapping.ts), and the rows the
 * publication carries. Figures are returned as UNODC published them: suppressed values stay
 * suppressed (value null, `suppressedBelow` set), missing values stay missing, nothing is summed.
 */
import type { Connector } from "../../Connector.ts"
import {
  type GlotipMeasureMapping,
  glotipMeasureMapping,
  type MappingMatch,
} from "../../official-stats/measure-mapping.ts"
import existsSql from "./official_stats_exists.sql?raw"
import publicationSql from "./official_stats_publication.sql?raw"
import seriesSql from "./reference_series.sql?raw"

export interface ReferenceSeriesOptions {
  /** ISO 3166-1 alpha-3 of the reporting country (default "LAO"). */
  readonly iso3?: string
  /** Only mapped series of this GLOTIP indicator (default: every mapped victim series). */
  readonly indicator?: string
  /** Only these measures of the mapping (e.g. ["victims_total", "victims_minor"]). */
  readonly measures?: ReadonlyArray<string>
}

export interface ReferencePoint {
  readonly measure: string
  readonly match: MappingMatch
  readonly year: number
  readonly iso3: string
  readonly indicator: string
  readonly dimension: string
  readonly category: string
  readonly sex: string
  readonly age: string
  readonly unit: string
  /** Null when suppressed or missing. */
  readonly value: number | null
  readonly valueText: string | null
  readonly suppressed: boolean
  /** For "<5": 5 (the count is below it, not zero). */
  readonly suppressedBelow: number | null
  readonly missing: boolean
  /** The file gives this statistic more than once with different values (all are returned). */
  readonly conflict: boolean
  readonly source: string | null
  readonly sourceFile: string
}

export interface OfficialStatRow {
  readonly iso3: string
  readonly country: string | null
  readonly region: string | null
  readonly subregion: string | null
  readonly indicator: string
  readonly dimension: string
  readonly category: string
  readonly sex: string
  readonly age: string
  readonly year: number
  readonly unit: string
  readonly value: number | null
  readonly value_text: string | null
  readonly suppressed: boolean
  readonly suppressed_below: number | null
  readonly missing: boolean
  readonly conflict: boolean
  readonly source: string | null
  readonly source_file: string
  readonly sha256: string
}

export async function hasOfficialStats(conn: Connector): Promise<boolean> {
  return Number((await conn.query(existsSql))[0]?.n ?? 0) > 0
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))

/** The mapped series of one country, one point per measure, year and category, ordered by measure then year. */
export async function referenceSeries(
  conn: Connector,
  options: ReferenceSeriesOptions = {},
): Promise<ReadonlyArray<ReferencePoint>> {
  if (!(await hasOfficialStats(conn))) return []
  const iso3 = (options.iso3 ?? "LAO").toUpperCase()
  const wanted = glotipMeasureMapping.filter(
    (m): m is GlotipMeasureMapping =>
      m.match !== "not_comparable" &&
      (options.indicator === undefined ||
        m.glotip.indicator.toLowerCase() === options.indicator.toLowerCase()) &&
      (options.measures === undefined || options.measures.includes(m.measure)),
  )
  const out: ReferencePoint[] = []
  for (const m of wanted) {
    const g = m.glotip
    const rows = await conn.query(seriesSql, [
      iso3,
      g.indicator,
      g.dimension,
      g.category,
      g.sex,
      g.age,
      g.unit,
    ])
    for (const r of rows)
      out.push({
        measure: m.measure,
        match: m.match,
        year: Number(r.year),
        iso3: String(r.iso3),
        indicator: String(r.indicator),
        dimension: String(r.dimension),
        category: String(r.category),
        sex: String(r.sex),
        age: String(r.age),
        unit: String(r.unit),
        value: r.value === null ? null : Number(r.value),
        valueText: str(r.value_text),
        suppressed: r.suppressed === true,
        suppressedBelow: r.suppressed_below === null ? null : Number(r.suppressed_below),
        missing: r.missing === true,
        conflict: r.conflict === true,
        source: str(r.source),
        sourceFile: String(r.source_file),
      })
  }
  return out
}

/** The SQL behind officialStatsForPublication, for writers that want Arrow (`conn.arrow(sql, [iso3 | null])`). */
export const officialStatsPublicationSql: string = publicationSql

/**
 * Rows for the publication: every official statistic in the warehouse (or one country's), latest
 * import of each, with its suppressed and missing flags. National aggregates published by UNODC are
 * public data, so no threshold is applied and nothing is recomputed.
 */
export async function officialStatsForPublication(
  conn: Connector,
  options: { readonly iso3?: string } = {},
): Promise<ReadonlyArray<OfficialStatRow>> {
  if (!(await hasOfficialStats(conn))) return []
  return conn.query<OfficialStatRow & Record<string, unknown>>(publicationSql, [
    options.iso3?.toUpperCase() ?? null,
  ])
}
