/**
 * Turns an official boundary file (OCHA COD-AB or geoBoundaries GeoJSON, TopoJSON, or a folder of
 * such files) into `provinces.geojson` or `districts.geojson` with the project's property contract.
 * Each feature is matched by P-code when it has one, else by ISO code (provinces), else by name in any
 * spelling the domain knows, within its province when the file says which; a district name shared by
 * several provinces is settled by which candidate's reference centre lies inside the polygon.
 * Nothing is dropped silently: unmatched features are listed in the report (and written beside the
 * output with their original properties), and so are the P-codes that got no geometry.
 * It does not repair geometry and does not copy the input: only the derived, simplified output is written.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import type { Feature, GeoJsonProperties, Geometry } from "geojson"
import { feature as topoFeature } from "topojson-client"
import type { Topology } from "topojson-specification"
import {
  type Area,
  centroidOf,
  defaultSimplify,
  pointInArea,
  type SimplifyOptions,
  simplifyAreas,
  toArea,
  union,
} from "./geometry.ts"
import { type BoundaryFeature, serialise, writeAtomic } from "./output.ts"
import {
  type DistrictInfo,
  districtByCode,
  districts,
  type Lookup,
  lookupDistrict,
  lookupProvince,
  provinceByCode,
  provinces,
} from "./places.ts"

export type Level = "adm1" | "adm2"

export interface ImportOptions {
  readonly outDir: string
  /** Detected from the properties when absent (see `ImportReport.levelReason`). */
  readonly level?: Level
  /** Overrides the attribution read from the file or its metadata. */
  readonly attribution?: string
  readonly simplify?: SimplifyOptions
}

export type MatchedBy = "pcode" | "iso" | "name" | "loose name" | "name + location"

export interface MatchedFeature {
  readonly pcode: string
  readonly nameEn: string
  /** The name the file gives (first name field found), for the report. */
  readonly sourceName: string
  readonly by: MatchedBy
}

export interface UnmatchedFeature {
  /** Position in the input (file name and index when several files were read). */
  readonly ref: string
  readonly names: ReadonlyArray<string>
  readonly reason: string
}

export interface ImportReport {
  readonly input: string
  readonly files: ReadonlyArray<string>
  readonly level: Level
  readonly levelReason: string
  readonly attribution: string
  readonly attributionReason: string
  readonly features: number
  readonly matched: ReadonlyArray<MatchedFeature>
  readonly unmatched: ReadonlyArray<UnmatchedFeature>
  /** P-codes of the level that received no geometry. */
  readonly missing: ReadonlyArray<{ readonly pcode: string; readonly nameEn: string }>
  /** P-codes that received several features (their geometries were merged). */
  readonly merged: ReadonlyArray<{ readonly pcode: string; readonly sourceNames: ReadonlyArray<string> }>
  readonly warnings: ReadonlyArray<string>
  readonly outFile: string
  /** Written only when some features matched nothing. */
  readonly unmatchedFile: string | null
}

interface InputFeature {
  readonly ref: string
  readonly properties: Readonly<Record<string, unknown>>
  readonly geometry: Geometry | null
}

interface InputFile {
  readonly file: string
  readonly features: ReadonlyArray<InputFeature>
  readonly foreign: Readonly<Record<string, unknown>>
}

// ---------------------------------------------------------------------------------------------
// Reading

const readInput = (file: string, label: string): InputFile => {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, "utf8"))
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`)
  }
  const doc = json as { type?: unknown; objects?: unknown; features?: unknown } & Record<string, unknown>
  const { type: _type, features: _features, objects: _objects, arcs: _arcs, transform: _t, ...foreign } = doc
  const features: InputFeature[] = []
  const push = (f: Feature<Geometry | null, GeoJsonProperties>) =>
    features.push({
      ref: `${label}#${features.length}`,
      properties: f.properties ?? {},
      geometry: f.geometry,
    })
  if (doc.type === "FeatureCollection" && Array.isArray(doc.features)) {
    for (const f of doc.features as Array<Feature<Geometry | null>>) push(f)
  } else if (doc.type === "Feature") {
    push(doc as unknown as Feature<Geometry | null>)
  } else if (doc.type === "Topology" && doc.objects && typeof doc.objects === "object") {
    const topo = doc as unknown as Topology
    for (const name of Object.keys(topo.objects).sort()) {
      const converted = topoFeature(topo, topo.objects[name]!) as
        | Feature<Geometry | null>
        | { type: "FeatureCollection"; features: Array<Feature<Geometry | null>> }
      if (converted.type === "FeatureCollection") for (const f of converted.features) push(f)
      else push(converted)
    }
  } else {
    throw new Error(`${file}: neither a GeoJSON FeatureCollection nor a TopoJSON Topology`)
  }
  return { file, features, foreign }
}

const listInputs = (input: string): string[] => {
  if (!existsSync(input)) throw new Error(`${input}: no such file or folder`)
  if (!statSync(input).isDirectory()) return [input]
  const files = readdirSync(input)
    .filter((name) => /\.(geo|topo)?json$/i.test(name) && !/metadata/i.test(name))
    .sort()
    .map((name) => join(input, name))
  if (files.length === 0) throw new Error(`${input}: no .json, .geojson or .topojson files in this folder`)
  return files
}

// ---------------------------------------------------------------------------------------------
// Properties

/** First non-empty string among the given keys, compared without case and underscores. */
const pick = (properties: Readonly<Record<string, unknown>>, keys: ReadonlyArray<string>): string[] => {
  const wanted = keys.map((k) => k.toLowerCase().replace(/_/g, ""))
  const byKey = new Map<string, string>()
  for (const [k, v] of Object.entries(properties)) {
    if (typeof v === "string" && v.trim() !== "") byKey.set(k.toLowerCase().replace(/_/g, ""), v.trim())
  }
  return wanted.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []))
}

const ADM1_PCODE = ["ADM1_PCODE", "admin1Pcode", "adm1_code_pcode"]
const ADM2_PCODE = ["ADM2_PCODE", "admin2Pcode"]
const ADM1_NAMES = [
  "ADM1_EN",
  "admin1Name_en",
  "admin1Name",
  "ADM1_NAME",
  "NAME_1",
  "province",
  "ADM1_LO",
  "admin1Name_lo",
]
const ADM2_NAMES = [
  "ADM2_EN",
  "admin2Name_en",
  "admin2Name",
  "ADM2_NAME",
  "NAME_2",
  "district",
  "ADM2ALT1EN",
  "ADM2ALT2EN",
  "ADM2_LO",
  "admin2Name_lo",
  "ADM2ALT1LO",
  "ADM2ALT2LO",
]
const GENERIC_NAMES = ["shapeName", "name_en", "name", "NAME", "name_lo"]
const ISO_KEYS = ["shapeISO", "iso_3166_2", "ISO"]

/** "ມ." / "ມ " abbreviates ເມືອງ (district) in COD-AB Lao names. */
const withoutLaoDistrictAbbreviation = (name: string): string[] => {
  const stripped = name.replace(/^ມ\s*\.\s*|^ມ\s+/u, "")
  return stripped !== name ? [name, stripped] : [name]
}

const detectLevel = (
  features: ReadonlyArray<InputFeature>,
  requested: Level | undefined,
): { level: Level; reason: string } => {
  if (requested) return { level: requested, reason: "given (--level)" }
  const has = (keys: ReadonlyArray<string>) => features.some((f) => pick(f.properties, keys).length > 0)
  if (has(ADM2_PCODE) || has(ADM2_NAMES.slice(0, 6)))
    return { level: "adm2", reason: "district fields (ADM2_PCODE / ADM2_EN / admin2*) present" }
  const shapeTypes = new Set(
    features.flatMap((f) => pick(f.properties, ["shapeType"]).map((s) => s.toUpperCase())),
  )
  if (shapeTypes.size === 1 && (shapeTypes.has("ADM1") || shapeTypes.has("ADM2"))) {
    const level = shapeTypes.has("ADM1") ? "adm1" : "adm2"
    return { level, reason: `geoBoundaries shapeType ${level.toUpperCase()}` }
  }
  if (has(ADM1_PCODE) || has(ADM1_NAMES.slice(0, 6)))
    return {
      level: "adm1",
      reason: "province fields (ADM1_PCODE / ADM1_EN / admin1*) and no district fields",
    }
  const level = features.length > provinces.length * 2 ? "adm2" : "adm1"
  return { level, reason: `no level fields; ${features.length} features` }
}

const detectAttribution = (
  input: InputFile,
  override: string | undefined,
): { attribution: string; reason: string } => {
  if (override) return { attribution: override, reason: "given (--attribution)" }
  const own = ["attribution", "source", "license", "licence"]
    .map((k) => input.foreign[k])
    .filter((v): v is string => typeof v === "string" && v.trim() !== "")
  if (own.length > 0)
    return { attribution: own.join("; "), reason: "the file's own attribution/source/license members" }
  // geoBoundaries releases put their source and licence in a sibling "<name>-metaData.json".
  const stem = basename(input.file).replace(/(_simplified)?\.(geo|topo)?json$/i, "")
  const metaFile = join(dirname(input.file), `${stem}-metaData.json`)
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, "utf8")) as Record<string, unknown>
    const parts = ["boundaryID", "boundaryYearRepresented", "boundarySource", "boundaryLicense"]
      .map((k) => meta[k])
      .filter((v): v is string => typeof v === "string" && v !== "")
    return { attribution: `geoBoundaries ${parts.join(", ")}`, reason: `metadata file ${basename(metaFile)}` }
  }
  const keys = new Set(input.features.flatMap((f) => Object.keys(f.properties).map((k) => k.toLowerCase())))
  if (keys.has("shapeid") && keys.has("shapegroup"))
    return {
      attribution:
        "geoBoundaries (CC BY 4.0; Runfola et al. 2020, PLoS ONE 15(4): e0231866). The source data's own licence is in the geoBoundaries metadata for this boundary.",
      reason: "geoBoundaries properties (shapeID, shapeGroup); no metadata file beside the input",
    }
  if ([...keys].some((k) => /^adm[12]_pcode$/.test(k)) && keys.has("adm0_en"))
    return {
      attribution: "OCHA COD-AB Lao PDR (HDX; National Geographic Department and OCHA ROAP), CC BY-IGO",
      reason: "COD-AB properties (ADM*_PCODE, ADM0_EN)",
    }
  return {
    attribution: `Unknown source (${basename(input.file)}): give the attribution with --attribution`,
    reason: "nothing in the file says where it comes from",
  }
}

// ---------------------------------------------------------------------------------------------
// Matching

interface Candidate {
  readonly feature: InputFeature
  readonly area: Area
  readonly names: ReadonlyArray<string>
}

type Outcome =
  | { readonly ok: true; readonly pcode: string; readonly by: MatchedBy; readonly warning?: string }
  | { readonly ok: false; readonly reason: string }

const describeLookup = (name: string, found: Lookup): string =>
  found.kind === "ambiguous"
    ? `"${name}" is ambiguous (${found.codes.join(", ")})`
    : found.kind === "none" && found.outsideHint.length > 0
      ? `"${name}" is a district of another province (${found.outsideHint.join(", ")})`
      : `"${name}" is not a known name`

const matchProvince = (c: Candidate): Outcome => {
  const pcodes = pick(c.feature.properties, ADM1_PCODE).map((s) => s.toUpperCase())
  const pcode = pcodes.find((p) => provinceByCode.has(p))
  if (pcode) return { ok: true, pcode, by: "pcode" }
  for (const iso of pick(c.feature.properties, ISO_KEYS)) {
    const found = lookupProvince(iso)
    if (found.kind === "match" && found.by === "code") return { ok: true, pcode: found.code, by: "iso" }
  }
  const reasons: string[] = pcodes.map((p) => `P-code ${p} is not a province code`)
  for (const name of c.names) {
    const found = lookupProvince(name)
    if (found.kind === "match")
      return { ok: true, pcode: found.code, by: found.by === "loose" ? "loose name" : "name" }
    reasons.push(describeLookup(name, found))
  }
  return { ok: false, reason: reasons.join("; ") || "no P-code, ISO code or name field" }
}

const provinceHintOf = (c: Candidate): string | undefined => {
  const pcode = pick(c.feature.properties, ADM1_PCODE)
    .map((s) => s.toUpperCase())
    .find((p) => provinceByCode.has(p))
  if (pcode) return pcode
  for (const name of pick(c.feature.properties, ADM1_NAMES)) {
    const found = lookupProvince(name)
    if (found.kind === "match") return found.code
  }
  return undefined
}

/** Degrees, with longitude scaled by cos(latitude): fine for comparing distances within Laos. */
const distance = (a: readonly [number, number], b: readonly [number, number]): number =>
  Math.hypot((a[0] - b[0]) * Math.cos((a[1] * Math.PI) / 180), a[1] - b[1])

const centreDistance = (d: DistrictInfo, c: Candidate): number =>
  pointInArea(d.lon, d.lat, c.area) ? 0 : distance([d.lon, d.lat], centroidOf(c.area))

/**
 * Settles a name shared by several districts with their reference centres: the one inside the polygon,
 * or else the one clearly nearest to its centroid (a concave district's centre can fall outside it).
 */
const byLocation = (c: Candidate, codes: ReadonlyArray<string>): string | undefined => {
  const ranked = codes
    .map((code) => districtByCode.get(code))
    .filter((d): d is DistrictInfo => d !== undefined)
    .map((d) => ({ code: d.code, distance: centreDistance(d, c) }))
    .sort((a, b) => a.distance - b.distance)
  const [first, second] = ranked
  if (!first) return undefined
  if (!second) return first.code
  return first.distance <= second.distance * 0.5 ? first.code : undefined
}

/** About 25 km: a name match whose reference centre is farther than this from the polygon is reported. */
const FAR = 0.25

const matchDistrict = (c: Candidate): Outcome => {
  const pcodes = pick(c.feature.properties, ADM2_PCODE).map((s) => s.toUpperCase())
  const pcode = pcodes.find((p) => districtByCode.has(p))
  if (pcode) return { ok: true, pcode, by: "pcode" }
  const hint = provinceHintOf(c)
  const reasons: string[] = pcodes.map((p) => `P-code ${p} is not a district code`)
  for (const name of c.names) {
    const found = lookupDistrict(name, hint)
    if (found.kind === "match") {
      const d = districtByCode.get(found.code)!
      const far = centreDistance(d, c)
      const warning =
        far > FAR
          ? `"${name}" matched ${found.code} ${d.nameEn} by name, but its reference centre is ${Math.round(far * 111)} km from the polygon's centre`
          : undefined
      return {
        ok: true,
        pcode: found.code,
        by: found.by === "loose" ? "loose name" : "name",
        ...(warning ? { warning } : {}),
      }
    }
    if (found.kind === "ambiguous") {
      const code = byLocation(c, found.codes)
      if (code) return { ok: true, pcode: code, by: "name + location" }
    }
    reasons.push(
      `${describeLookup(name, found)}${hint ? ` within ${hint}` : ""}${found.kind === "ambiguous" ? " and no candidate's centre is clearly the nearest" : ""}`,
    )
  }
  return { ok: false, reason: reasons.join("; ") || "no P-code or name field" }
}

// ---------------------------------------------------------------------------------------------
// Import

const levelFile = { adm1: "provinces", adm2: "districts" } as const

export const importBoundaries = (input: string, options: ImportOptions): ImportReport => {
  const files = listInputs(input)
  const inputs = files.map((file) => readInput(file, files.length > 1 ? basename(file) : "feature"))
  const all = inputs.flatMap((i) => i.features)
  const { level, reason: levelReason } = detectLevel(all, options.level)
  const attributions = inputs.map((i) => detectAttribution(i, options.attribution))
  const attribution = [...new Set(attributions.map((a) => a.attribution))].join(" | ")
  const attributionReason = [...new Set(attributions.map((a) => a.reason))].join(" | ")

  const nameKeys = level === "adm1" ? [...ADM1_NAMES, ...GENERIC_NAMES] : [...ADM2_NAMES, ...GENERIC_NAMES]
  const matched: MatchedFeature[] = []
  const unmatched: Array<UnmatchedFeature & { readonly feature: InputFeature }> = []
  const warnings: string[] = []
  const partsByCode = new Map<string, Array<{ area: Area; sourceName: string }>>()

  for (const feature of all) {
    const names = pick(feature.properties, nameKeys).flatMap(withoutLaoDistrictAbbreviation)
    const geometry = feature.geometry
    if (!geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) {
      unmatched.push({
        ref: feature.ref,
        names,
        reason: `geometry is ${geometry?.type ?? "null"}, not a polygon`,
        feature,
      })
      continue
    }
    const candidate: Candidate = { feature, area: toArea(geometry), names }
    const outcome = level === "adm1" ? matchProvince(candidate) : matchDistrict(candidate)
    if (!outcome.ok) {
      unmatched.push({ ref: feature.ref, names, reason: outcome.reason, feature })
      continue
    }
    if (outcome.warning) warnings.push(`${feature.ref}: ${outcome.warning}`)
    const sourceName = names[0] ?? pick(feature.properties, [...ADM1_PCODE, ...ADM2_PCODE])[0] ?? feature.ref
    const nameEn =
      level === "adm1" ? provinceByCode.get(outcome.pcode)!.nameEn : districtByCode.get(outcome.pcode)!.nameEn
    matched.push({ pcode: outcome.pcode, nameEn, sourceName, by: outcome.by })
    const parts = partsByCode.get(outcome.pcode) ?? []
    parts.push({ area: candidate.area, sourceName })
    partsByCode.set(outcome.pcode, parts)
  }

  const merged = [...partsByCode]
    .filter(([, parts]) => parts.length > 1)
    .map(([pcode, parts]) => ({ pcode, sourceNames: parts.map((p) => p.sourceName) }))
  for (const m of merged)
    warnings.push(
      `${m.pcode} received ${m.sourceNames.length} features (${m.sourceNames.join(", ")}): merged`,
    )

  const areas = new Map(
    [...partsByCode]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([pcode, parts]) => [
        pcode,
        parts.length === 1 ? parts[0]!.area : union(...parts.map((p) => p.area)),
      ]),
  )
  const simplified = simplifyAreas(areas, options.simplify ?? defaultSimplify)
  for (const [pcode, area] of simplified)
    if (area.length === 0) warnings.push(`${pcode}: the geometry vanished when simplified (too small?)`)

  const reference = level === "adm1" ? provinces : districts
  const missing = reference
    .filter((p) => !partsByCode.has(p.code))
    .map((p) => ({ pcode: p.code, nameEn: p.nameEn }))

  const features: BoundaryFeature[] = [...simplified]
    .filter(([, area]) => area.length > 0)
    .map(([pcode, area]) => {
      const p = level === "adm1" ? provinceByCode.get(pcode)! : districtByCode.get(pcode)!
      return {
        properties: {
          pcode,
          name_en: p.nameEn,
          name_lo: p.nameLo,
          parent: level === "adm1" ? null : (p as DistrictInfo).province,
          approximate: false,
        },
        area,
      }
    })

  const outFile = join(options.outDir, `${levelFile[level]}.geojson`)
  const source = `${inputs.map((i) => basename(i.file)).join(", ")}, imported by @lao-protect/geo (matched ${matched.length} of ${all.length} features)`
  writeAtomic(
    outFile,
    serialise(
      { attribution, source, license: "See attribution (the licence of the source file applies)", level },
      features,
    ),
  )

  const unmatchedFile = join(options.outDir, `${levelFile[level]}.unmatched.geojson`)
  if (unmatched.length > 0) {
    const text = JSON.stringify({
      type: "FeatureCollection",
      features: unmatched.map((u) => ({
        type: "Feature",
        properties: { ...u.feature.properties, _ref: u.ref, _reason: u.reason },
        geometry: u.feature.geometry,
      })),
    })
    writeAtomic(unmatchedFile, `${text}\n`)
  } else if (existsSync(unmatchedFile)) {
    rmSync(unmatchedFile)
  }

  return {
    input,
    files,
    level,
    levelReason,
    attribution,
    attributionReason,
    features: all.length,
    matched: matched.sort((a, b) => (a.pcode < b.pcode ? -1 : a.pcode > b.pcode ? 1 : 0)),
    unmatched: unmatched.map(({ feature: _f, ...u }) => u),
    missing,
    merged,
    warnings,
    outFile,
    unmatchedFile: unmatched.length > 0 ? unmatchedFile : null,
  }
}

/** A plain-text account of an import for the CLI and logs. */
export const formatReport = (r: ImportReport): string => {
  const total = r.level === "adm1" ? provinces.length : districts.length
  const codes = new Set(r.matched.map((m) => m.pcode)).size
  const byHow = new Map<string, number>()
  for (const m of r.matched) byHow.set(m.by, (byHow.get(m.by) ?? 0) + 1)
  const lines = [
    `input: ${r.input}${r.files.length > 1 ? ` (${r.files.length} files)` : ""}`,
    `level: ${r.level} (${r.levelReason})`,
    `attribution: ${r.attribution} (${r.attributionReason})`,
    `features: ${r.features}; matched ${r.matched.length} (${[...byHow].map(([k, n]) => `${n} by ${k}`).join(", ")}); unmatched ${r.unmatched.length}`,
    `${r.level === "adm1" ? "provinces" : "districts"} with geometry: ${codes} of ${total}`,
  ]
  if (r.unmatched.length > 0) {
    lines.push(`UNMATCHED features (written to ${r.unmatchedFile}):`)
    for (const u of r.unmatched) lines.push(`  ${u.ref} ${u.names.join(" / ") || "(no name)"}: ${u.reason}`)
  }
  if (r.missing.length > 0) {
    lines.push(`MISSING: ${r.missing.length} P-codes got no geometry:`)
    lines.push(`  ${r.missing.map((m) => `${m.pcode} ${m.nameEn}`).join(", ")}`)
  }
  for (const w of r.warnings) lines.push(`warning: ${w}`)
  lines.push(`wrote ${r.outFile}`)
  return lines.join("\n")
}
