/**
 * Optional differentially private release (`publish --dp --epsilon 1.0`): the geometric (discrete
 * Laplace) mechanism on counts over a fixed, public domain, made consistent by least squares over
 * a hierarchy, and the privacy budget ledger.
 *
 * Mechanism. Half the release's epsilon goes to cases, half to flows (sequential composition).
 * Cases form a tree per year: the national total, each province (and the unknown province), each
 * district of a province (and its unknown district). Every node of every level is noised with
 * two-sided geometric noise at epsilon/6 (three levels, sensitivity 1: one case adds 1 to one node
 * per level). Flows form a tree per year too: the year's total, each origin province, each
 * destination x direction; sensitivity 2 (a case may add an outward flow and its return), epsilon/6
 * per level. Every node of the domain is noised, zeros included, so whether a cell exists leaks
 * nothing.
 *
 * Post-processing (no privacy cost), as the US Census TopDown algorithm does it in spirit:
 * 1. Least squares: the best linear unbiased estimate of every node given all noisy nodes and the
 *    constraint that children sum to their parent (Hay et al. 2010, weighted by each estimate's
 *    variance). Totals are released directly (noised themselves) rather than summed from clamped
 *    cells, so they stay unbiased; clamping about 1,000 empty cells' noise at zero and summing them
 *    made 300 true cases into 1,215.
 * 2. Integers top-down: the national total is rounded (at least 0); each node's children are
 *    projected onto the non-negative counts that sum to the node, and rounded keeping that sum
 *    (largest remainder). Totals stay consistent at every level; cells near zero are biased up a
 *    little, which is the price of non-negative counts (measured in test/hardening/dp.test.ts and
 *    docs/privacy.md).
 * A noisy return flow may exceed its outward flow: capping it would bias totals down again.
 * It deliberately does not publish a facts cube (exact microdata). A DP release is not suppressed:
 * the noise is the protection; small noisy counts are shown with the error the manifest states.
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

export const MECHANISM =
  "two-sided geometric (discrete Laplace) over hierarchies (year > province > district; year > origin > destination), least-squares consistent, integer top-down"

/** The epsilon a `--dp` release may ask for: below it the noise drowns every figure, above it protects little. */
export const EPSILON_RANGE = [0.01, 10] as const

/** Throws a user-facing message when `epsilon` is outside `EPSILON_RANGE` (checked before anything is written). */
export const checkEpsilon = (epsilon: number): void => {
  if (!Number.isFinite(epsilon) || epsilon < EPSILON_RANGE[0] || epsilon > EPSILON_RANGE[1])
    throw new RangeError(
      `epsilon must be between ${EPSILON_RANGE[0]} and ${EPSILON_RANGE[1]} (got ${epsilon}): ` +
        "smaller values publish noise, larger ones protect little; 0.5-2 is usual",
    )
}

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

/** A node of a count hierarchy: its true count (leaves; inner nodes sum their children). */
export interface CountNode {
  readonly key: string
  readonly truth: number
  readonly children: ReadonlyArray<CountNode>
}

const leaf = (key: string, truth: number): CountNode => ({ key, truth, children: [] })
const inner = (key: string, children: ReadonlyArray<CountNode>): CountNode => ({
  key,
  truth: children.reduce((s, c) => s + c.truth, 0),
  children,
})

/**
 * Least-squares consistent estimates of every node of `root` from one noisy measurement per node
 * (all with variance `variance`): the two-pass algorithm of Hay, Rastogi, Miklau and Suciu (2010),
 * weighted. Returns real numbers whose children sum to their parent exactly.
 */
export const consistentEstimates = (
  root: CountNode,
  noisy: ReadonlyMap<string, number>,
  variance: number,
): Map<string, number> => {
  const z = new Map<string, number>()
  const zVar = new Map<string, number>()
  const up = (node: CountNode): void => {
    const own = noisy.get(node.key)!
    if (node.children.length === 0) {
      z.set(node.key, own)
      zVar.set(node.key, variance)
      return
    }
    for (const c of node.children) up(c)
    const sum = node.children.reduce((s, c) => s + z.get(c.key)!, 0)
    const sumVar = node.children.reduce((s, c) => s + zVar.get(c.key)!, 0)
    const w = 1 / variance + 1 / sumVar
    z.set(node.key, (own / variance + sum / sumVar) / w)
    zVar.set(node.key, 1 / w)
  }
  up(root)
  const out = new Map<string, number>()
  const down = (node: CountNode, value: number): void => {
    out.set(node.key, value)
    if (node.children.length === 0) return
    const sum = node.children.reduce((s, c) => s + z.get(c.key)!, 0)
    const sumVar = node.children.reduce((s, c) => s + zVar.get(c.key)!, 0)
    for (const c of node.children) down(c, z.get(c.key)! + ((value - sum) * zVar.get(c.key)!) / sumVar)
  }
  down(root, z.get(root.key)!)
  return out
}

/** Euclidean projection of `v` onto { x >= 0, sum x = total } (total >= 0). */
export const projectToSimplex = (v: ReadonlyArray<number>, total: number): number[] => {
  if (v.length === 0) return []
  if (total <= 0) return v.map(() => 0)
  const u = [...v].sort((a, b) => b - a)
  let cumulative = 0
  let theta = 0
  for (let j = 0; j < u.length; j++) {
    cumulative += u[j]!
    const t = (cumulative - total) / (j + 1)
    if (u[j]! - t > 0) theta = t
  }
  return v.map((x) => Math.max(0, x - theta))
}

/** Round non-negative reals to integers with the same (integer) sum: largest remainder, ties by order. */
export const roundKeepingSum = (v: ReadonlyArray<number>, total: number): number[] => {
  const floors = v.map((x) => Math.floor(x))
  let left = total - floors.reduce((s, x) => s + x, 0)
  const order = v.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    floors[i]! += 1
    left--
  }
  return floors
}

/** Non-negative integers for every node, consistent top-down, from real-valued estimates. */
export const integerTopDown = (
  root: CountNode,
  estimate: ReadonlyMap<string, number>,
): Map<string, number> => {
  const out = new Map<string, number>()
  const down = (node: CountNode, value: number): void => {
    out.set(node.key, value)
    if (node.children.length === 0) return
    const projected = projectToSimplex(
      node.children.map((c) => estimate.get(c.key)!),
      value,
    )
    const rounded = roundKeepingSum(projected, value)
    node.children.forEach((c, i) => {
      down(c, rounded[i]!)
    })
  }
  down(root, Math.max(0, Math.round(estimate.get(root.key)!)))
  return out
}

/** Noise every node, estimate consistently, and return non-negative integers for every node. */
export const privateTree = (root: CountNode, epsilonPerLevel: number, sensitivity: number, rng: Rng) => {
  const noisy = new Map<string, number>()
  const visit = (node: CountNode): void => {
    noisy.set(node.key, node.truth + geometricNoise(epsilonPerLevel, sensitivity, rng))
    for (const c of node.children) visit(c)
  }
  visit(root)
  const estimate = consistentEstimates(root, noisy, geometricVariance(epsilonPerLevel, sensitivity))
  return { estimate, counts: integerTopDown(root, estimate) }
}

/** Standard deviation of one node's noise in a DP release at `epsilon` (before least squares). */
export const nodeNoiseSd = (epsilon: number) => ({
  cases: Math.sqrt(geometricVariance(epsilon / 6, 1)),
  flows: Math.sqrt(geometricVariance(epsilon / 6, 2)),
})

/**
 * Noisy versions of the three histograms over the whole domain (see the module comment). Flows are
 * by destination only (border_point null): checkpoints times destinations would be too sparse to be
 * useful with noise.
 */
export const noisyAggregates = (
  py: ReadonlyArray<PyRow>,
  dy: ReadonlyArray<DyRow>,
  flows: ReadonlyArray<FlowRow>,
  domain: DpDomain,
  epsilon: number,
  rng: Rng,
): { py: PyRow[]; dy: DyRow[]; flows: FlowRow[] } => {
  checkEpsilon(epsilon)
  const perLevel = epsilon / 6
  const dyTrue = new Map(dy.map((r) => [k(r.province, r.district, r.year), r.n]))
  const unknownTrue = new Map(py.filter((r) => r.province === null).map((r) => [r.year, r.n]))
  const pyOut: PyRow[] = []
  const dyOut: DyRow[] = []
  for (const year of domain.years) {
    const provinces = [...domain.districts].map(([province, districts]) =>
      inner(
        k("p", province, year),
        [...districts, null].map((district) =>
          leaf(k("d", province, district, year), dyTrue.get(k(province, district, year)) ?? 0),
        ),
      ),
    )
    const root = inner(k("y", year), [...provinces, leaf(k("p", null, year), unknownTrue.get(year) ?? 0)])
    const { counts } = privateTree(root, perLevel, 1, rng)
    for (const [province, districts] of domain.districts) {
      pyOut.push({ province, year, n: counts.get(k("p", province, year))! })
      for (const district of [...districts, null])
        dyOut.push({ province, district, year, n: counts.get(k("d", province, district, year))! })
    }
    pyOut.push({ province: null, year, n: counts.get(k("p", null, year))! })
  }

  const flowTrue = new Map<string, number>()
  for (const r of flows) {
    const key = k(r.origin_province, r.destination, r.direction, r.year)
    flowTrue.set(key, (flowTrue.get(key) ?? 0) + r.n)
  }
  const flowOut: FlowRow[] = []
  const directions = ["out", "return"] as const
  for (const year of domain.years) {
    const origins = [...domain.districts.keys()].map((origin) =>
      inner(
        k("o", origin, year),
        domain.destinations.flatMap((destination) =>
          directions.map((direction) =>
            leaf(
              k("f", origin, destination, direction, year),
              flowTrue.get(k(origin, destination, direction, year)) ?? 0,
            ),
          ),
        ),
      ),
    )
    const { counts } = privateTree(inner(k("fy", year), origins), perLevel, 2, rng)
    for (const origin of domain.districts.keys())
      for (const destination of domain.destinations) {
        const out = counts.get(k("f", origin, destination, "out", year))!
        const back = counts.get(k("f", origin, destination, "return", year))!
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

export class LedgerError extends Error {
  override readonly name = "LedgerError"
}

/** Read and check the ledger: a corrupt file or an impossible entry names the file and stops publish. */
export const readLedger = async (file: string): Promise<Ledger> => {
  let text: string
  try {
    text = await readFile(file, "utf8")
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { entries: [] }
    throw e
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new LedgerError(
      `privacy ledger ${file} is not valid JSON (${(e as Error).message}): restore it from a backup; ` +
        "publishing with --dp without it would forget the budget already spent",
    )
  }
  const entries = (data as { entries?: unknown } | null)?.entries
  if (!Array.isArray(entries)) throw new LedgerError(`privacy ledger ${file} has no "entries" list`)
  entries.forEach((e: unknown, i) => {
    const entry = e as Partial<LedgerEntry> | null
    if (
      typeof entry !== "object" ||
      entry === null ||
      typeof entry.epsilon !== "number" ||
      !Number.isFinite(entry.epsilon) ||
      entry.epsilon <= 0 ||
      typeof entry.release !== "string"
    )
      throw new LedgerError(
        `privacy ledger ${file}, entry ${i + 1}: each entry needs a release and a positive epsilon ` +
          `(got ${JSON.stringify(e)}); a negative or missing epsilon would hide budget already spent`,
      )
  })
  return data as Ledger
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
