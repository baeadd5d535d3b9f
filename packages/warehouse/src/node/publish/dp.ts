/**
 * Optional differentially private release (`publish --dp --epsilon 1.0`): the geometric (discrete
 * Laplace) mechanism on counts over a fixed, public domain, and the privacy budget ledger.
 *
 * Mechanism: one case changes one cell of `district_year` (or of the unknown-province row of
 * `province_year`) by 1 and at most two cells of `flows` (its outward movement and its return).
 * The release's epsilon is split evenly between the two histograms (epsilon/2 each, sequential
 * composition); each count gets two-sided geometric noise P(k) ∝ exp(-eps_h * |k| / Δ) with
 * Δ = 1 for the case histogram and Δ = 2 for flows (variance 2α/(1-α)², α = exp(-eps_h / Δ)).
 * Every cell of the domain is noised, zeros included, so that whether a cell exists leaks nothing.
 * Post-processing (no privacy cost): counts are clamped to non-negative integers; province-year
 * cells and every total are sums of the noisy district cells, so totals are consistent; returns
 * are capped at the outward count. It deliberately does not publish a facts cube (exact microdata).
 * Randomness: crypto.getRandomValues in production; a seeded generator only in tests.
 */
import { randomUUID } from "node:crypto"
import { mkdir, readFile, rename, writeFile } from "node:fs/promises"
import { dirname } from "node:path"

/** A uniform random number in [0, 1). */
export type Rng = () => number

/** Uniform [0, 1) from the operating system's CSPRNG, 53 bits. */
export const secureRng: Rng = () => {
  const words = crypto.getRandomValues(new Uint32Array(2))
  return (words[0]! * 2 ** 21 + (words[1]! >>> 11)) / 2 ** 53
}

/** Two-sided geometric noise with P(k) ∝ α^|k|, α = exp(-epsilon / sensitivity). */
export const geometricNoise = (epsilon: number, sensitivity: number, rng: Rng): number => {
  if (!(epsilon > 0) || !(sensitivity > 0)) throw new Error("epsilon and sensitivity must be positive")
  const alpha = Math.exp(-epsilon / sensitivity)
  // Difference of two geometric variables (failures before a success of probability 1 - α).
  const geometric = () => Math.floor(Math.log(1 - rng()) / Math.log(alpha))
  return geometric() - geometric()
}

/** Variance of `geometricNoise(epsilon, sensitivity)`: 2α / (1 - α)². */
export const geometricVariance = (epsilon: number, sensitivity: number): number => {
  const alpha = Math.exp(-epsilon / sensitivity)
  return (2 * alpha) / (1 - alpha) ** 2
}

export const MECHANISM = "two-sided geometric (discrete Laplace), sensitivity 1 per case count, 2 for flows"

export interface DpDomain {
  readonly years: ReadonlyArray<number>
  /** Province -> its districts (the unknown district, null, is added). */
  readonly districts: ReadonlyMap<string, ReadonlyArray<string>>
  readonly destinations: ReadonlyArray<string>
}

export interface PyRow {
  province: string | null
  year: number
  n: number
}
export interface DyRow {
  province: string
  district: string | null
  year: number
  n: number
}
export interface FlowRow {
  origin_province: string
  border_point: string | null
  destination: string | null
  direction: "out" | "return"
  year: number
  n: number
}

const k = (...parts: ReadonlyArray<string | number | null>) => parts.map((p) => p ?? "∅").join("|")

/**
 * Noisy versions of the three histograms over the whole domain. Flows are by destination only
 * (border_point null): checkpoints times destinations would be too sparse to be useful with noise.
 */
export const noisyAggregates = (
  py: ReadonlyArray<PyRow>,
  dy: ReadonlyArray<DyRow>,
  flows: ReadonlyArray<FlowRow>,
  domain: DpDomain,
  epsilon: number,
  rng: Rng,
): { py: PyRow[]; dy: DyRow[]; flows: FlowRow[] } => {
  const eps = epsilon / 2
  const noisy = (n: number, sensitivity: number) => Math.max(0, n + geometricNoise(eps, sensitivity, rng))
  const dyTrue = new Map(dy.map((r) => [k(r.province, r.district, r.year), r.n]))
  const dyOut: DyRow[] = []
  for (const [province, districts] of domain.districts)
    for (const district of [...districts, null])
      for (const year of domain.years)
        dyOut.push({ province, district, year, n: noisy(dyTrue.get(k(province, district, year)) ?? 0, 1) })
  const pyOut: PyRow[] = []
  for (const province of domain.districts.keys())
    for (const year of domain.years)
      pyOut.push({
        province,
        year,
        n: dyOut.filter((r) => r.province === province && r.year === year).reduce((s, r) => s + r.n, 0),
      })
  const unknown = new Map(py.filter((r) => r.province === null).map((r) => [r.year, r.n]))
  for (const year of domain.years) pyOut.push({ province: null, year, n: noisy(unknown.get(year) ?? 0, 1) })

  const flowTrue = new Map<string, number>()
  for (const r of flows) {
    const key = k(r.origin_province, r.destination, r.direction, r.year)
    flowTrue.set(key, (flowTrue.get(key) ?? 0) + r.n)
  }
  const flowOut: FlowRow[] = []
  for (const origin of domain.districts.keys())
    for (const destination of domain.destinations)
      for (const year of domain.years) {
        const out = noisy(flowTrue.get(k(origin, destination, "out", year)) ?? 0, 2)
        const back = Math.min(out, noisy(flowTrue.get(k(origin, destination, "return", year)) ?? 0, 2))
        flowOut.push({
          origin_province: origin,
          border_point: null,
          destination,
          direction: "out",
          year,
          n: out,
        })
        flowOut.push({
          origin_province: origin,
          border_point: null,
          destination,
          direction: "return",
          year,
          n: back,
        })
      }
  // Zero cells stay absent ("no data"), as in every release: a post-processing choice on noisy counts.
  return {
    py: pyOut.filter((r) => r.n > 0),
    dy: dyOut.filter((r) => r.n > 0),
    flows: flowOut.filter((r) => r.n > 0),
  }
}

export interface LedgerEntry {
  readonly release: string
  readonly epsilon: number
  readonly mechanism: string
  readonly tables: ReadonlyArray<string>
  readonly time: string
}

export interface Ledger {
  readonly entries: ReadonlyArray<LedgerEntry>
}

export class BudgetExceeded extends Error {
  override readonly name = "BudgetExceeded"
}

export const readLedger = async (file: string): Promise<Ledger> => {
  try {
    const data = JSON.parse(await readFile(file, "utf8")) as Ledger
    if (!Array.isArray(data.entries)) throw new Error(`${file} has no "entries" list`)
    return data
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { entries: [] }
    throw e
  }
}

export const spent = (ledger: Ledger): number => ledger.entries.reduce((s, e) => s + e.epsilon, 0)

/** Refuse a release whose epsilon would take the ledger over `budget` (unless forced). */
export const checkBudget = (ledger: Ledger, epsilon: number, budget: number, force: boolean): void => {
  const total = spent(ledger) + epsilon
  if (total > budget + 1e-12 && !force)
    throw new BudgetExceeded(
      `privacy budget exceeded: ${spent(ledger)} already spent + ${epsilon} > total budget ${budget} ` +
        "(every DP release adds up; use --force-budget only with a documented reason)",
    )
}

/** Append an entry (atomic write: temp file + rename). */
export const appendLedger = async (file: string, entry: LedgerEntry): Promise<Ledger> => {
  const ledger = await readLedger(file)
  const next: Ledger = { ...ledger, entries: [...ledger.entries, entry] }
  await mkdir(dirname(file), { recursive: true })
  const tmp = `${file}.${randomUUID()}.tmp`
  await writeFile(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 })
  await rename(tmp, file)
  return next
}
