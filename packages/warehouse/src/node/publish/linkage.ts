/**
 * What a release says about persons once partner records are linked (issue 19): how many cases,
 * how many persons and how many cases were linked to another, persons and cases by year, and
 * re-trafficking (a person identified again after an earlier case of theirs was closed) by
 * province of origin and year, persons and cases by province (the map's "persons" view) and
 * referrals between provinces (a person whose next case records another province). Cells under the
 * threshold are suppressed; no totals by province are published beside the province-year and
 * referral cells, so a suppressed cell cannot be recovered by subtraction; the province table adds
 * up to the published totals, so one suppressed province is never left alone (the smallest other
 * is hidden with it). Returns nothing when the warehouse has no linkage run.
 */
import { Bool, Int16, Int32, Table, Utf8, vectorFromArray } from "apache-arrow"
import type { Connector } from "../../Connector.ts"
import personsByProvinceSql from "./linkage_persons_province.sql?raw"
import personsByYearSql from "./linkage_persons_year.sql?raw"
import pubLinkPersonsSql from "./linkage_pub_persons.sql?raw"
import referralsSql from "./linkage_referrals.sql?raw"
import reTraffickingSql from "./linkage_retrafficking.sql?raw"
import summarySql from "./linkage_summary.sql?raw"

export interface LinkageSummary {
  readonly cases: number
  readonly persons: number
  /** Cases linked to at least one other case of the same person. */
  readonly linkedCases: number
  /** Persons reported by more than one partner. */
  readonly multiPartnerPersons: number
  /** Persons identified again after an earlier case was closed. */
  readonly reTraffickedPersons: number
  readonly linkRun: string | null
}

export interface LinkagePublication {
  readonly summary: LinkageSummary
  readonly tables: Readonly<Record<string, Table>>
}

const table = (cols: ReadonlyArray<readonly [string, Utf8 | Int16 | Int32 | Bool, ReadonlyArray<unknown>]>) =>
  new Table(
    Object.fromEntries(
      cols.map(([name, type, values]) => [name, vectorFromArray(values as unknown[], type)]),
    ),
  )

export const linkagePublication = async (
  wh: Connector,
  options: { readonly threshold: number },
): Promise<LinkagePublication | undefined> => {
  const [present] = await wh.query<{ n: number }>(
    "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name IN ('link_records', 'link_persons')",
  )
  if (present!.n < 2) return undefined
  const [status] = await wh.query<{ n: number }>(
    "SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'cases' AND column_name = 'trafficking_status' AND database_name = current_database()",
  )
  await wh.exec(
    status!.n > 0
      ? pubLinkPersonsSql
      : "CREATE OR REPLACE TEMP VIEW pub_link_persons AS SELECT * FROM link_persons",
  )
  const [s] = await wh.query<Record<string, number | string | null>>(summarySql)
  const summary: LinkageSummary = {
    cases: Number(s!.cases),
    persons: Number(s!.persons),
    linkedCases: Number(s!.linked_cases),
    multiPartnerPersons: Number(s!.multi_partner_persons),
    reTraffickedPersons: Number(s!.re_trafficked_persons),
    linkRun: (s!.link_run as string | null) ?? null,
  }
  const suppress = (n: number) => n < options.threshold
  const years = await wh.query<{ year: number; cases: number; persons: number }>(personsByYearSql)
  const again = await wh.query<{ province: string | null; year: number; n: number }>(reTraffickingSql)
  const provinces = (
    await wh.query<{ province: string | null; cases: number; persons: number }>(personsByProvinceSql)
  ).map((r) => ({ ...r, hidden: suppress(r.persons) || suppress(r.cases) }))
  const hidden = provinces.filter((r) => r.hidden)
  if (hidden.length === 1) {
    const next = provinces.filter((r) => !r.hidden).sort((a, b) => a.persons - b.persons)[0]
    if (next) next.hidden = true
  }
  const referrals = await wh.query<{ from_province: string; to_province: string; n: number }>(referralsSql)
  return {
    summary,
    tables: {
      persons_year: table([
        ["year", new Int16(), years.map((r) => r.year)],
        ["cases", new Int32(), years.map((r) => (suppress(r.cases) ? null : r.cases))],
        ["persons", new Int32(), years.map((r) => (suppress(r.persons) ? null : r.persons))],
        ["suppressed", new Bool(), years.map((r) => suppress(r.persons) || suppress(r.cases))],
      ]),
      retrafficking_province_year: table([
        ["province", new Utf8(), again.map((r) => r.province)],
        ["year", new Int16(), again.map((r) => r.year)],
        ["n", new Int32(), again.map((r) => (suppress(r.n) ? null : r.n))],
        ["suppressed", new Bool(), again.map((r) => suppress(r.n))],
      ]),
      persons_province: table([
        ["province", new Utf8(), provinces.map((r) => r.province)],
        ["cases", new Int32(), provinces.map((r) => (r.hidden ? null : r.cases))],
        ["persons", new Int32(), provinces.map((r) => (r.hidden ? null : r.persons))],
        ["suppressed", new Bool(), provinces.map((r) => r.hidden)],
      ]),
      referrals: table([
        ["from_province", new Utf8(), referrals.map((r) => r.from_province)],
        ["to_province", new Utf8(), referrals.map((r) => r.to_province)],
        ["n", new Int32(), referrals.map((r) => (suppress(r.n) ? null : r.n))],
        ["suppressed", new Bool(), referrals.map((r) => suppress(r.n))],
      ]),
    },
  }
}
