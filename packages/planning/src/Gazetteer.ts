/**
 * The places the planning functions need, as plain data: districts with centroids and area,
 * provinces with (child) population, checkpoints with coordinates. `fromDomain` builds it from
 * @lao-protect/domain Place reference data and its name lookups; tests use `makeGazetteer`.
 * It deliberately owns no reference facts: those live in the domain package.
 */
import { Place } from "@lao-protect/domain"

export interface District {
  readonly code: string
  readonly province: string
  readonly name: string
  /** Other spellings accepted when a planner types a name (Lao script included). */
  readonly aliases: ReadonlyArray<string>
  readonly lat: number
  readonly lon: number
  readonly areaKm2?: number
  /** Children (0-17) living in the district, when the domain has it. */
  readonly childPopulation?: number
}

export interface Province {
  readonly code: string
  readonly name: string
  readonly aliases: ReadonlyArray<string>
  readonly population?: number
  readonly childPopulation?: number
}

export interface Checkpoint {
  readonly id: string
  readonly district: string
  readonly lat: number
  readonly lon: number
}

/** Result of a name lookup, the same shape as the domain's `Place.Match`. */
export type Match<A> =
  | { readonly _tag: "Found"; readonly value: A }
  | { readonly _tag: "Ambiguous"; readonly input: string; readonly candidates: ReadonlyArray<A> }
  | { readonly _tag: "NotFound"; readonly input: string }

export interface Gazetteer {
  readonly districts: ReadonlyArray<District>
  readonly provinces: ReadonlyArray<Province>
  readonly checkpoints: ReadonlyArray<Checkpoint>
  /** P-code or any accepted name; `provinceHint` narrows names that repeat across provinces. */
  readonly findDistrict: (text: string, provinceHint?: string) => Match<District>
  readonly findProvince: (text: string) => Match<Province>
}

/** The project's reference places (@lao-protect/domain `Place`), with its name lookups. */
export function fromDomain(): Gazetteer {
  const districts: ReadonlyArray<District> = Place.districts.map((d) => ({
    code: d.code,
    province: d.province,
    name: d.nameEn,
    aliases: [d.nameLo, ...d.variants],
    lat: d.centroidLat,
    lon: d.centroidLon,
    areaKm2: d.areaKm2Approx,
  }))
  const provinces: ReadonlyArray<Province> = Place.provinces.map((p) => ({
    code: p.code,
    name: p.nameEn,
    aliases: [p.nameLo, ...p.variants],
    population: Place.populationOf(p.code),
    childPopulation: Place.childPopulationOf(p.code),
  }))
  const districtByCode = new Map(districts.map((d) => [d.code, d]))
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]))
  const mapMatch = <A, B extends { code: string }>(
    m: Place.Match<B>,
    by: ReadonlyMap<string, A>,
  ): Match<A> =>
    m._tag === "Found"
      ? { _tag: "Found", value: by.get(m.value.code)! }
      : m._tag === "Ambiguous"
        ? { _tag: "Ambiguous", input: m.input, candidates: m.candidates.map((c) => by.get(c.code)!) }
        : { _tag: "NotFound", input: m.input }
  return {
    districts,
    provinces,
    checkpoints: Place.checkpoints.map((c) => ({ id: c.id, district: c.district, lat: c.lat, lon: c.lon })),
    findDistrict: (text, hint) => mapMatch(Place.findDistrict(text, hint), districtByCode),
    findProvince: (text) => mapMatch(Place.findProvince(text), provinceByCode),
  }
}

/** A Gazetteer from plain data with simple name matching (tests, other countries' data). */
export function makeGazetteer(data: Pick<Gazetteer, "districts" | "provinces" | "checkpoints">): Gazetteer {
  const findProvince = (text: string): Match<Province> => {
    const key = nameKey(text)
    const hits = data.provinces.filter(
      (p) => p.code === text.trim().toUpperCase() || [p.name, ...p.aliases].some((n) => nameKey(n) === key),
    )
    return toMatch(text, hits)
  }
  return {
    ...data,
    findProvince,
    findDistrict: (text, hint) => {
      const byCode = data.districts.find((d) => d.code === text.trim().toUpperCase())
      if (byCode) return { _tag: "Found", value: byCode }
      const province = hint === undefined ? undefined : findProvince(hint)
      const code = province?._tag === "Found" ? province.value.code : undefined
      const key = nameKey(text)
      return toMatch(
        text,
        data.districts.filter(
          (d) =>
            (code === undefined || d.province === code) &&
            [d.name, ...d.aliases].some((n) => nameKey(n) === key),
        ),
      )
    },
  }
}

const toMatch = <A>(input: string, hits: ReadonlyArray<A>): Match<A> =>
  hits.length === 1
    ? { _tag: "Found", value: hits[0]! }
    : hits.length === 0
      ? { _tag: "NotFound", input }
      : { _tag: "Ambiguous", input, candidates: hits }

/** Case-, space-, hyphen- and accent-insensitive key for matching typed names. */
const nameKey = (s: string): string =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s\-_'.]/g, "")

export type Resolved<A> =
  | { readonly _tag: "found"; readonly value: A }
  | { readonly _tag: "missing"; readonly reason: string }

/**
 * A district from its P-code or its name (any spelling the Gazetteer accepts), with the reason in
 * words when it cannot be resolved. Names repeat across provinces (Xaysetha is in Vientiane Capital
 * and in Attapeu): `province` disambiguates, else it is an error. Code and name given together must agree.
 */
export function resolveDistrict(
  g: Gazetteer,
  input: { code?: string; name?: string; province?: string },
): Resolved<District> {
  const province = input.province ? resolveProvince(g, input.province) : undefined
  if (province && province._tag === "missing") return province
  const provinceCode = province?.value.code
  const byName = (name: string): Resolved<District> => {
    const m = g.findDistrict(name, provinceCode)
    if (m._tag === "Found") return { _tag: "found", value: m.value }
    if (m._tag === "Ambiguous")
      return {
        _tag: "missing",
        reason: `district name "${name}" is ambiguous (${m.candidates.map((d) => d.code).join(", ")}): give the province or the code`,
      }
    return {
      _tag: "missing",
      reason: `unknown district name "${name}"${provinceCode ? ` in ${provinceCode}` : ""}`,
    }
  }
  if (input.code) {
    const d = g.districts.find((x) => x.code === input.code!.trim().toUpperCase())
    if (!d) return { _tag: "missing", reason: `unknown district code ${input.code}` }
    if (provinceCode && d.province !== provinceCode)
      return {
        _tag: "missing",
        reason: `district ${d.code} (${d.name}) is in ${d.province}, not ${provinceCode}`,
      }
    if (input.name) {
      const named = g.findDistrict(input.name, d.province)
      if (named._tag !== "Found" || named.value.code !== d.code)
        return { _tag: "missing", reason: `district code ${d.code} is ${d.name}, not "${input.name}"` }
    }
    return { _tag: "found", value: d }
  }
  if (input.name) return byName(input.name)
  return { _tag: "missing", reason: "give a district code or a district name" }
}

export function resolveProvince(g: Gazetteer, codeOrName: string): Resolved<Province> {
  const m = g.findProvince(codeOrName)
  if (m._tag === "Found") return { _tag: "found", value: m.value }
  if (m._tag === "Ambiguous")
    return {
      _tag: "missing",
      reason: `province "${codeOrName}" is ambiguous (${m.candidates.map((p) => p.code).join(", ")})`,
    }
  return { _tag: "missing", reason: `unknown province "${codeOrName}"` }
}

/** Great-circle distance in km between two points (haversine, mean Earth radius 6371.0088 km). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)))
}

/**
 * Children living in a district. Uses the district's own figure when the domain has one; otherwise
 * ASSUMES the province's children are spread by district area (equally among the province's
 * districts when an area is missing). Returns the figure and how it was obtained, so the UI can say so.
 */
export function districtChildPopulation(
  g: Gazetteer,
  districtCode: string,
):
  | { readonly value: number; readonly method: "district" | "province_by_area" | "province_equal" }
  | undefined {
  const d = g.districts.find((x) => x.code === districtCode)
  if (!d) return undefined
  if (d.childPopulation !== undefined) return { value: d.childPopulation, method: "district" }
  const p = g.provinces.find((x) => x.code === d.province)
  if (p?.childPopulation === undefined) return undefined
  const siblings = g.districts.filter((x) => x.province === d.province)
  const allAreas = siblings.every((x) => x.areaKm2 !== undefined && x.areaKm2 > 0)
  if (allAreas) {
    const total = siblings.reduce((s, x) => s + x.areaKm2!, 0)
    return { value: (p.childPopulation * d.areaKm2!) / total, method: "province_by_area" }
  }
  return { value: p.childPopulation / siblings.length, method: "province_equal" }
}
