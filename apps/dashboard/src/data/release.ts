/**
 * The publication as the dashboard sees it (contracts.md section 3), served under /data/ by the
 * server from the current release. Only the small JSON files are read here; facts go to DuckDB.
 */
import { Publication } from "@lao-protect/warehouse"
import { fetchProtected } from "./http.ts"
import { takePrestartManifest } from "./prestart.ts"

/** The first paint of a release that holds cases (its years are a range). */
export type FirstPaint = Omit<Publication.FirstPaint, "years"> & { readonly years: readonly [number, number] }
export type Manifest = Publication.Manifest

const getJson = async (url: string): Promise<unknown> => {
  const res = await fetchProtected(url, { cache: "no-cache" })
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`)
  return res.json()
}

/** Decoded against the publication contract: a release of another version fails with a plain message. */
export const loadManifest = async (): Promise<Manifest> => {
  // the prestart's read when it succeeded; else (a 401 included) read it here, where failures are handled
  const early = takePrestartManifest()
  const json = early
    ? await early.catch(() => getJson("/data/manifest.json"))
    : await getJson("/data/manifest.json")
  return Publication.decodeManifest(json)
}
export const loadFirstPaint = async (): Promise<FirstPaint> => {
  const fp = Publication.decodeFirstPaint(await getJson("/data/first_paint.json"))
  if (fp.years.length === 0) throw new Error("this release holds no cases: there is nothing to show")
  return { ...fp, years: fp.years }
}

export interface BoundaryFeature {
  readonly type: "Feature"
  readonly properties: {
    readonly pcode: string
    readonly name_en?: string
    readonly name_lo?: string
    readonly approximate?: boolean
  }
  readonly geometry: GeoJSON.Geometry
}
export interface Boundaries {
  readonly type: "FeatureCollection"
  readonly attribution?: string
  readonly features: ReadonlyArray<BoundaryFeature>
}
export const loadBoundaries = (level: "provinces" | "districts" | "countries") =>
  getJson(`/geo/${level}.geojson`) as Promise<Boundaries>
