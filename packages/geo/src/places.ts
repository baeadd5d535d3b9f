/**
 * The only door from the geo tooling to the domain's places: codes, names and district centres come
 * from `@lao-protect/domain` (`Place`), never from a list kept here. This module only reshapes the
 * domain's answers into what the boundary code needs.
 */
import { Place } from "@lao-protect/domain"

export interface ProvinceInfo {
  readonly code: string
  readonly iso3166_2: string
  readonly nameEn: string
  readonly nameLo: string
}

export interface DistrictInfo {
  readonly code: string
  readonly province: string
  readonly nameEn: string
  readonly nameLo: string
  readonly lat: number
  readonly lon: number
}

export type Lookup =
  | { readonly kind: "match"; readonly code: string; readonly by: "code" | "name" | "loose" }
  | { readonly kind: "ambiguous"; readonly codes: ReadonlyArray<string> }
  | { readonly kind: "none"; readonly outsideHint: ReadonlyArray<string> }

const toLookup = (match: Place.Match<{ readonly code: string }>): Lookup => {
  switch (match._tag) {
    case "Found":
      return { kind: "match", code: match.value.code, by: match.by }
    case "Ambiguous":
      return { kind: "ambiguous", codes: match.candidates.map((c) => c.code) }
    case "NotFound":
      return { kind: "none", outsideHint: (match.outsideHint ?? []).map((c) => c.code) }
  }
}

export const provinces: ReadonlyArray<ProvinceInfo> = Place.provinces.map((p) => ({
  code: p.code,
  iso3166_2: p.iso3166_2,
  nameEn: p.nameEn,
  nameLo: p.nameLo,
}))

export const districts: ReadonlyArray<DistrictInfo> = Place.districts.map((d) => ({
  code: d.code,
  province: d.province,
  nameEn: d.nameEn,
  nameLo: d.nameLo,
  lat: d.centroidLat,
  lon: d.centroidLon,
}))

export const provinceByCode: ReadonlyMap<string, ProvinceInfo> = new Map(provinces.map((p) => [p.code, p]))
export const districtByCode: ReadonlyMap<string, DistrictInfo> = new Map(districts.map((d) => [d.code, d]))

/** Province by P-code, ISO 3166-2 code (current or legacy) or any spelling, English or Lao. */
export const lookupProvince = (text: string): Lookup => toLookup(Place.findProvince(text))

/** District by P-code or any spelling, narrowed to `provinceHint` (a code or a province name) when given. */
export const lookupDistrict = (text: string, provinceHint?: string): Lookup =>
  toLookup(Place.findDistrict(text, provinceHint))

export const countryName = (iso3: string): string | undefined => {
  const found = Place.findCountry(iso3)
  return found._tag === "Found" ? found.value.nameEn : undefined
}
