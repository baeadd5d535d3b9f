/**
 * The planner's input files: served by the deployment (data/planning/<name>.csv through the server),
 * else the ILLUSTRATIVE examples shipped with the repository (data/planning/*.example.csv, bundled at
 * build time), else a file the planner imports in the browser. Edits persist in localStorage so a
 * reload keeps the planner's coverage; the input file format is the storage format.
 */
import { CpnCoverage, Gazetteer, ServiceDemand, Shelters } from "@lao-protect/planning"
import coverageExample from "../../../../../data/planning/cpn-coverage.example.csv?raw"
import sheltersExample from "../../../../../data/planning/shelters.example.csv?raw"
import unitCostsExample from "../../../../../data/planning/unit-costs.example.csv?raw"
import { fetchProtected, SessionEnded } from "../../data/http.ts"

export const places: Gazetteer.Gazetteer = Gazetteer.fromDomain()

/** Where an input came from: shown next to every figure that uses it. */
export type Origin = "served" | "illustrative" | "imported" | "edited"

export interface Loaded<A> {
  readonly origin: Origin
  readonly rows: ReadonlyArray<A>
  readonly errors: ReadonlyArray<{ row: number; field: string; reason: string; value?: string }>
  /** The file text the rows came from (kept for storage). */
  readonly text: string
}

export type CpnCoverageLoaded = Loaded<CpnCoverage.CpnDistrict>

export type InputName = "cpn-coverage" | "shelters" | "unit-costs"

const examples: { readonly [N in InputName]: string } = {
  "cpn-coverage": coverageExample,
  shelters: sheltersExample,
  "unit-costs": unitCostsExample,
}

export const parsers = {
  "cpn-coverage": (text: string) => CpnCoverage.parseCpnCoverage(text, places),
  shelters: (text: string) => Shelters.parseShelters(text, places),
  "unit-costs": (text: string) => ServiceDemand.parseUnitCosts(text),
} as const

type RowOf<N extends InputName> = ReturnType<(typeof parsers)[N]>["rows"][number]

export const parseInput = <N extends InputName>(name: N, text: string, origin: Origin): Loaded<RowOf<N>> => {
  const parsed = parsers[name](text) as { rows: ReadonlyArray<RowOf<N>>; errors: Loaded<RowOf<N>>["errors"] }
  return { origin, rows: parsed.rows, errors: parsed.errors, text }
}

const storageKey = (name: InputName) => `lao-protect.planning.${name}`

export const store = (name: InputName, origin: Origin, text: string): void => {
  try {
    localStorage.setItem(storageKey(name), JSON.stringify({ origin, text }))
  } catch {
    // storage disabled: the session keeps the input until reload
  }
}

export const forget = (name: InputName): void => {
  try {
    localStorage.removeItem(storageKey(name))
  } catch {
    // nothing stored
  }
}

const stored = (name: InputName): { origin: Origin; text: string } | null => {
  try {
    const raw = localStorage.getItem(storageKey(name))
    if (raw === null) return null
    const v = JSON.parse(raw) as { origin?: unknown; text?: unknown }
    const origins: ReadonlyArray<Origin> = ["served", "illustrative", "imported", "edited"]
    return typeof v.text === "string" && origins.includes(v.origin as Origin)
      ? { origin: v.origin as Origin, text: v.text }
      : null
  } catch {
    return null
  }
}

/**
 * The planner's own version (imported or edited, from localStorage) wins; then the deployment's file;
 * then the illustrative example.
 */
export async function loadInput<N extends InputName>(name: N): Promise<Loaded<RowOf<N>>> {
  const own = stored(name)
  if (own && (own.origin === "imported" || own.origin === "edited"))
    return parseInput(name, own.text, own.origin)
  try {
    const res = await fetchProtected(`/planning/${name}.csv`, { cache: "no-cache" })
    if (res.status === 200) return parseInput(name, await res.text(), "served")
  } catch (e) {
    // An ended session must not turn the deployment's figures into the example's.
    if (e instanceof SessionEnded) throw e
    // offline file: fall through to the example
  }
  return parseInput(name, examples[name], "illustrative")
}

/** The served file or the example, ignoring the planner's stored version (the "reset" button). */
export async function loadOriginal<N extends InputName>(name: N): Promise<Loaded<RowOf<N>>> {
  forget(name)
  return loadInput(name)
}

export const readFile = (file: File): Promise<string> => file.text()

/**
 * The CPN districts the map draws: the same input and parser as the planning page (the planner's own
 * list, else the deployment's file, else the ILLUSTRATIVE example), active networks only.
 */
export async function coverageForMap(): Promise<{ districts: ReadonlyArray<string>; illustrative: boolean }> {
  const loaded = await loadInput("cpn-coverage")
  return {
    districts: [...CpnCoverage.coveredDistricts(loaded.rows)].sort(),
    illustrative: loaded.origin === "illustrative",
  }
}
