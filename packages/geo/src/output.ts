/**
 * The boundary files the dashboard reads, and how they are written: one GeoJSON FeatureCollection per
 * level with a fixed property contract, features sorted by code, no timestamps, so two builds from the
 * same inputs are byte-identical.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { type Area, toGeometry } from "./geometry.ts"

export interface BoundaryProperties {
  readonly pcode: string
  readonly name_en: string
  readonly name_lo: string
  /** The province P-code for a district; null for a province. */
  readonly parent: string | null
  /** True when the shape is not an official boundary (derived or estimated). */
  readonly approximate: boolean
}

export interface BoundaryMeta {
  readonly attribution: string
  readonly attribution_lo?: string
  readonly source: string
  readonly license: string
  readonly level: "adm0" | "adm1" | "adm2"
}

export interface BoundaryFeature<P = BoundaryProperties> {
  readonly properties: P
  readonly area: Area
}

const featureLine = (properties: object, area: Area): string =>
  JSON.stringify({ type: "Feature", properties, geometry: toGeometry(area) })

/** Serialises a FeatureCollection with one feature per line (readable diffs, stable bytes). */
export const serialise = (meta: BoundaryMeta, features: ReadonlyArray<BoundaryFeature<object>>): string => {
  const head = JSON.stringify({ type: "FeatureCollection", ...meta }).slice(0, -1)
  const body = features.map((f) => featureLine(f.properties, f.area)).join(",\n")
  return `${head},"features":[\n${body}\n]}\n`
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export const writeAtomic = (file: string, text: string): void => {
  mkdirSync(dirname(file), { recursive: true })
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  writeFileSync(temp, text)
  renameSync(temp, file)
}
