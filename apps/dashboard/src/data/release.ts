/**
 * The publication as the dashboard sees it (contracts.md section 3), served under /data/ by the
 * server from the current release. Only the small JSON files are read here; facts go to DuckDB.
 */
import { fetchProtected } from "./http.ts"

export interface Manifest {
  readonly release: string
  readonly createdAt: string
  readonly synthetic: boolean
  /** Synthetic cases in a release that also holds real ones (0 or absent otherwise). */
  readonly syntheticCases?: number
  readonly threshold: number
  readonly flowThreshold: number
  readonly tables?: Readonly<Record<string, { readonly file: string; readonly rows: number }>>
}

export interface FirstPaint {
  readonly threshold: number
  readonly synthetic: boolean
  readonly years: readonly [number, number]
  readonly provinces: ReadonlyArray<{
    readonly province: string | null
    readonly n: number | null
    readonly suppressed: boolean
  }>
}

const getJson = async <T>(url: string): Promise<T> => {
  const res = await fetchProtected(url, { cache: "no-cache" })
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`)
  return (await res.json()) as T
}

export const loadManifest = () => getJson<Manifest>("/data/manifest.json")
export const loadFirstPaint = () => getJson<FirstPaint>("/data/first_paint.json")

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
  getJson<Boundaries>(`/geo/${level}.geojson`)
