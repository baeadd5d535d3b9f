/**
 * HXL (Humanitarian Exchange Language) hashtag rows for tabular exports, and the place gazetteer as
 * an HXL location table that Primero's location importer reads.
 *
 * HXL puts one row of hashtags directly under the header row (https://hxlstandard.org/standard/1-1final/).
 * Hashtags and attributes used here are from the HXL 1.1 dictionary
 * (https://hxlstandard.org/standard/1-1final/dictionary/); a column without a suitable hashtag gets an
 * empty tag cell, which HXL allows. This module builds rows of text; it does not write files.
 */
import type * as CaseRow from "../CaseRow.ts"
import * as Place from "../Place.ts"

/** The hashtag row for a header: `tags(column)` or "" (untagged) for each column. */
export const withHxl = (
  header: ReadonlyArray<string>,
  tags: (column: string) => string | undefined,
): ReadonlyArray<string> => header.map((column) => tags(column) ?? "")

/** A hashtag: `#tag` followed by zero or more `+attribute`s, lower-case letters, digits and `_`. */
export const isHashtag = (text: string): boolean => /^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$/.test(text)

/** HXL tags of the CaseRow columns (used by every CaseRow-shaped CSV export). */
export const caseRowTags: { readonly [K in CaseRow.ColumnName]: string } = {
  case_id: "#meta+id",
  source: "#org+code+reporting",
  identification_date: "#date+identified",
  identifying_agency: "#org+code+identifying",
  identification_setting: "#loc+type+identified",
  identification_province: "#adm1+code+identified",
  identification_district: "#adm2+code+identified",
  victim_group: "#group+code",
  sex: "#respondee+sex",
  date_of_birth: "#date+birth",
  age_years: "#respondee+age",
  citizenship: "#country+code+v_iso3+nationality",
  ethnicity: "#respondee+ethnicity+code",
  first_language: "#respondee+language",
  origin_district: "#adm2+code+origin",
  origin_province: "#adm1+code+origin",
  border_checkpoint: "#loc+code+border",
  destination_country: "#country+code+v_iso3+dest",
  exploitation_district: "#adm2+code+dest",
  exploitation_form: "#indicator+exploitation+code",
  industry: "#sector+code",
  means_of_control: "#indicator+control+list",
  perpetrator_roles: "#indicator+perpetrator+list",
  legal_basis: "#meta+legal+list",
  interim_care_date: "#date+interim_care",
  assessment_date: "#date+assessment",
  bid_date: "#date+bid",
  return_date: "#date+return",
  reintegration_date: "#date+reintegration",
  follow_up_date: "#date+follow_up",
  closed_date: "#date+closed",
  exit_reason: "#status+exit+code",
  exit_date: "#date+exit",
  services: "#service+list",
  referred_to: "#org+code+referred",
  consent: "#status+consent",
  victim_name: "#respondee+name",
  phone: "#contact+phone",
  village: "#loc+name+village",
  notes: "#description+notes",
  bid_outcome: "#indicator+bid+outcome+code",
  bid_decided_by: "#org+code+bid",
  trafficking_status: "#status+trafficking+code",
  recruitment_method: "#indicator+recruitment+code",
  recruiter_relationship: "#indicator+recruiter+relation+code",
  age_at_recruitment: "#respondee+age+recruited",
  exploitation_months: "#indicator+exploitation+months",
}

// ---------------------------------------------------------------------------------------------
// Gazetteer

/**
 * Two layouts of the same gazetteer (one row per district, with its province and the country):
 * - `primero`: what Primero's `Importers::CsvHxlLocationImporter` reads. It maps `#country`,
 *   `#adm1`, `#adm2` columns; `+code` is the location code, any other attribute is a place name
 *   whose LAST attribute is a locale code (`+en`, `+lo`), so HXL's `+i_en` would be rejected there;
 *   every admin column must be non-empty. Other hashtags (`#geo`) are ignored by Primero.
 *   (github.com/primeroIMS/primero, app/models/importers/csv_hxl_location_importer.rb)
 * - `hxl`: the HXL 1.1 spelling (`+i_en`, `+i_lo`) with parent codes and centroids for other tools.
 */
export type GazetteerDialect = "primero" | "hxl"

export interface GazetteerTable {
  readonly header: ReadonlyArray<string>
  readonly tags: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

const coord = (n: number): string => n.toFixed(4)

/**
 * Provinces and districts with P-codes, English and Lao names, parent and centroid. A Lao name
 * that the reference data lacks is filled with the English name, because Primero rejects a row with
 * an empty name column; the row's `lo_name_missing` column says so.
 */
export const gazetteer = (dialect: GazetteerDialect = "primero"): GazetteerTable => {
  const lang = (code: "en" | "lo") => (dialect === "primero" ? `+${code}` : `+i_${code}`)
  const laos = Place.country("LAO" as Place.CountryCode)
  const columns: ReadonlyArray<readonly [string, string, (d: Place.District) => string]> = [
    ["country_code", "#country+code", () => "LA"],
    ["country_name_en", `#country+name${lang("en")}`, () => laos.nameEn],
    ["country_name_lo", `#country+name${lang("lo")}`, () => laos.nameLo || laos.nameEn],
    ["province_pcode", "#adm1+code", (d) => d.province],
    ["province_name_en", `#adm1+name${lang("en")}`, (d) => Place.province(d.province).nameEn],
    [
      "province_name_lo",
      `#adm1+name${lang("lo")}`,
      (d) => Place.province(d.province).nameLo || Place.province(d.province).nameEn,
    ],
    ["district_pcode", "#adm2+code", (d) => d.code],
    ["district_name_en", `#adm2+name${lang("en")}`, (d) => d.nameEn],
    ["district_name_lo", `#adm2+name${lang("lo")}`, (d) => d.nameLo || d.nameEn],
    ["district_lat", "#geo+lat", (d) => coord(d.centroidLat)],
    ["district_lon", "#geo+lon", (d) => coord(d.centroidLon)],
    ["province_lat", "#geo+lat+adm1", (d) => coord(Place.province(d.province).centroidLat)],
    ["province_lon", "#geo+lon+adm1", (d) => coord(Place.province(d.province).centroidLon)],
    ["pcode_status", "#meta+pcode_status", (d) => d.pcodeStatus],
    ["lo_name_missing", "#meta+lo_missing", (d) => (d.nameLo === "" ? "1" : "")],
  ]
  const used =
    dialect === "primero"
      ? columns
      : [
          ...columns,
          [
            "district_parent",
            "#adm2+code+parent",
            (d: Place.District) => d.province,
          ] as (typeof columns)[number],
        ]
  const districts = [...Place.districts].sort((a, b) => a.code.localeCompare(b.code))
  return {
    header: used.map(([h]) => h),
    tags: used.map(([, t]) => t),
    rows: districts.map((d) => used.map(([, , f]) => f(d))),
  }
}
