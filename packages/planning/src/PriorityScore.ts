/**
 * Which uncovered districts should get a Child Protection Network next: a transparent score.
 *
 * For every district the caller lists (not covered by an active CPN), six raw components:
 *   childRate         identified child victims with that district of origin per 100,000 children
 *                     (district child population from the domain; when it has none, ASSUMED to be the
 *                     province's children shared by district area, or equally when an area is missing)
 *   trend             (victims in the recent window + 1) / (victims in the previous window + 1)
 *                     (e.g. last 3 years vs the 3 before; +1 keeps a district going 0 -> 3 finite)
 *   minorityShare     victims from ethnic minorities (every family but lao_tai) / victims with a known ethnicity
 *   borderFlow        victims who crossed a border checkpoint within `checkpointRadiusKm` of the centroid
 *   distanceToCpn     km from the centroid to the nearest centroid of a district with an active CPN
 *   distanceToShelter km to the nearest shelter (its district centroid, else the mean of its province's)
 * Each raw component is min-max normalised to 0..1 across the scored (uncovered) districts:
 * n = (x - min) / (max - min), and 0 for all when max = min. Higher always means more priority
 * (farther from a network or a shelter = less served).
 *   score = sum(w_i * n_i) / sum(w_i), over the components known for the district.
 * Covered districts are listed with score 0 and `covered: true`, and do not enter the min-max.
 *
 * Suppression: inputs are per-district aggregates that the caller provides. The public tier passes
 * suppressed counts as `null`: that component is unknown, left out of the sum and of the divisor,
 * and listed in `unknown` so the UI flags the district; the planners' tier passes exact counts.
 * It deliberately does not read data: callers aggregate (facts cube or warehouse) and pass numbers.
 */
import { type CpnCoverage, coveredDistricts } from "./CpnCoverage.ts"
import { type District, districtChildPopulation, type Gazetteer, haversineKm } from "./Gazetteer.ts"
import { toCsv } from "./internal/csv.ts"
import type { Shelter } from "./Shelters.ts"

export const componentNames = [
  "childRate",
  "trend",
  "minorityShare",
  "borderFlow",
  "distanceToCpn",
  "distanceToShelter",
] as const
export type ComponentName = (typeof componentNames)[number]

export type Weights = Readonly<Record<ComponentName, number>>

/** Defaults: child victims per child weigh most (the CPN's purpose); planners change them in the UI. */
export const defaultWeights: Weights = {
  childRate: 3,
  trend: 1,
  minorityShare: 1,
  borderFlow: 1,
  distanceToCpn: 1,
  distanceToShelter: 1,
}

/** Per-district aggregates. `null` = unknown or suppressed (< threshold) in the caller's tier. */
export interface DistrictInput {
  readonly district: string
  readonly childVictims: number | null
  /** Overrides the Gazetteer's child population (e.g. a newer estimate). */
  readonly childPopulation?: number
  readonly recentVictims: number | null
  readonly previousVictims: number | null
  readonly minorityVictims: number | null
  /** Victims with a known ethnicity (denominator of the minority share). */
  readonly victimsWithEthnicity: number | null
  /**
   * Small-area estimate of child victims per 100,000 children (AreaEstimates): when given, `childRate`
   * is this estimate (known even when the count is suppressed) and the score says so.
   */
  readonly childRateEstimate?: IntervalEstimate
  /** Estimated trend: expected victims per year, recent window / previous window. */
  readonly trendEstimate?: IntervalEstimate
}

export interface IntervalEstimate {
  readonly value: number
  readonly lower: number | null
  readonly upper: number | null
}

/** A component computed from an estimate: from how many cases (null = fewer than the threshold) and how wide. */
export interface Provenance {
  readonly component: ComponentName
  readonly lower: number | null
  readonly upper: number | null
  /** Cases behind the estimate (null when suppressed in the caller's tier). */
  readonly cases: number | null
}

export interface CheckpointFlow {
  readonly checkpoint: string
  readonly victims: number | null
}

export interface ScoreContext {
  readonly places: Gazetteer
  readonly coverage: CpnCoverage
  readonly shelters: ReadonlyArray<Shelter>
  readonly checkpointFlows: ReadonlyArray<CheckpointFlow>
  /** Checkpoints within this distance of a district centroid count for it (default 50 km). */
  readonly checkpointRadiusKm?: number
}

export interface Component {
  readonly raw: number | null
  readonly normalised: number | null
  readonly weight: number
}

export interface DistrictScore {
  readonly district: string
  readonly province: string
  readonly covered: boolean
  /** 0..1; 0 for covered districts. */
  readonly score: number
  /** 1 = highest priority among uncovered districts; null when covered. */
  readonly rank: number | null
  readonly components: Readonly<Record<ComponentName, Component>>
  /** Components left out because an input was null (suppressed or unknown). */
  readonly unknown: ReadonlyArray<ComponentName>
  /** Components that are model estimates, with their interval and case count. */
  readonly estimated: ReadonlyArray<Provenance>
  readonly notes: ReadonlyArray<string>
}

export function validateWeights(weights: Weights): ReadonlyArray<string> {
  const errors = componentNames
    .filter((c) => !(Number.isFinite(weights[c]) && weights[c] >= 0))
    .map((c) => `weight ${c} must be a finite number >= 0`)
  if (errors.length === 0 && componentNames.every((c) => weights[c] === 0))
    errors.push("at least one weight must be > 0")
  return errors
}

export function priorityScores(
  inputs: ReadonlyArray<DistrictInput>,
  ctx: ScoreContext,
  weights: Weights = defaultWeights,
): ReadonlyArray<DistrictScore> {
  const weightErrors = validateWeights(weights)
  if (weightErrors.length > 0) throw new RangeError(weightErrors.join("; "))
  const byCode = new Map(ctx.places.districts.map((d) => [d.code, d]))
  const covered = coveredDistricts(ctx.coverage)
  const cpnCentroids = [...covered].flatMap((c) => {
    const d = byCode.get(c)
    return d ? [d] : []
  })
  const shelterPoints = ctx.shelters.flatMap((s) => {
    const p = shelterLocation(s, ctx.places)
    return p ? [p] : []
  })
  const radius = ctx.checkpointRadiusKm ?? 50
  const flowByCheckpoint = new Map(ctx.checkpointFlows.map((f) => [f.checkpoint, f.victims]))

  const raws = inputs.map((input) => {
    const d = byCode.get(input.district)
    if (!d) throw new RangeError(`unknown district ${input.district}`)
    const notes: string[] = []
    const pop =
      input.childPopulation !== undefined
        ? { value: input.childPopulation, method: "input" as const }
        : districtChildPopulation(ctx.places, d.code)
    if (pop && pop.method === "province_by_area")
      notes.push("child population estimated from the province by area")
    if (pop && pop.method === "province_equal")
      notes.push("child population estimated from the province, equal shares")
    const estimated: Provenance[] = []
    const childRate = input.childRateEstimate
      ? input.childRateEstimate.value
      : input.childVictims === null || !pop || pop.value <= 0
        ? null
        : (input.childVictims / pop.value) * 100_000
    if (input.childRateEstimate)
      estimated.push({
        component: "childRate",
        lower: input.childRateEstimate.lower,
        upper: input.childRateEstimate.upper,
        cases: input.childVictims,
      })
    const trend = input.trendEstimate
      ? input.trendEstimate.value
      : input.recentVictims === null || input.previousVictims === null
        ? null
        : (input.recentVictims + 1) / (input.previousVictims + 1)
    if (input.trendEstimate)
      estimated.push({
        component: "trend",
        lower: input.trendEstimate.lower,
        upper: input.trendEstimate.upper,
        cases:
          input.recentVictims === null || input.previousVictims === null
            ? null
            : input.recentVictims + input.previousVictims,
      })
    const minorityShare =
      input.minorityVictims === null ||
      input.victimsWithEthnicity === null ||
      input.victimsWithEthnicity === 0
        ? null
        : input.minorityVictims / input.victimsWithEthnicity
    let borderFlow: number | null = 0
    for (const cp of ctx.places.checkpoints) {
      if (haversineKm(d.lat, d.lon, cp.lat, cp.lon) > radius) continue
      const v = flowByCheckpoint.get(cp.id)
      if (v === undefined) continue
      if (v === null) {
        borderFlow = null
        break
      }
      borderFlow += v
    }
    const distanceToCpn = nearestKm(d, cpnCentroids)
    if (distanceToCpn === null) notes.push("no active CPN anywhere: distance to CPN unknown")
    const distanceToShelter = nearestKm(d, shelterPoints)
    if (distanceToShelter === null) notes.push("no shelter listed: distance to shelter unknown")
    const raw: Record<ComponentName, number | null> = {
      childRate,
      trend,
      minorityShare,
      borderFlow,
      distanceToCpn,
      distanceToShelter,
    }
    return { d, raw, notes, estimated, covered: covered.has(d.code) }
  })

  const ranges = new Map<ComponentName, { min: number; max: number }>()
  for (const c of componentNames) {
    const values = raws.filter((r) => !r.covered).flatMap((r) => (r.raw[c] === null ? [] : [r.raw[c]!]))
    if (values.length > 0) ranges.set(c, { min: Math.min(...values), max: Math.max(...values) })
  }

  const scored = raws.map(({ d, raw, notes, estimated, covered: isCovered }): DistrictScore => {
    const components = {} as Record<ComponentName, Component>
    const unknown: ComponentName[] = []
    let num = 0
    let den = 0
    for (const c of componentNames) {
      const x = raw[c]
      const range = ranges.get(c)
      const normalised =
        isCovered || x === null || !range
          ? null
          : range.max === range.min
            ? 0
            : (x - range.min) / (range.max - range.min)
      components[c] = { raw: x, normalised, weight: weights[c] }
      if (isCovered) continue
      if (normalised === null) {
        if (weights[c] > 0) unknown.push(c)
        continue
      }
      num += weights[c] * normalised
      den += weights[c]
    }
    return {
      district: d.code,
      province: d.province,
      covered: isCovered,
      score: isCovered || den === 0 ? 0 : num / den,
      rank: null,
      components,
      unknown,
      estimated: isCovered ? [] : estimated,
      notes: isCovered ? ["covered by an active CPN: not scored"] : notes,
    }
  })

  const ordered = [...scored].sort(
    (a, b) =>
      Number(a.covered) - Number(b.covered) || b.score - a.score || a.district.localeCompare(b.district),
  )
  let rank = 0
  return ordered.map((s) => (s.covered ? s : { ...s, rank: ++rank }))
}

export interface SensitivityRow {
  readonly component: ComponentName
  /** The weight tried: the current one x 0.5 or x 1.5. */
  readonly factor: number
  readonly weight: number
  readonly top: ReadonlyArray<string>
  /** In this top N but not in the current one; and the reverse. */
  readonly entered: ReadonlyArray<string>
  readonly left: ReadonlyArray<string>
}

/**
 * How the top N changes when each weight moves by -50% and +50% (one at a time): a planner sees
 * which districts hold their place whatever the weights and which depend on one choice.
 */
export function weightSensitivity(
  inputs: ReadonlyArray<DistrictInput>,
  ctx: ScoreContext,
  weights: Weights = defaultWeights,
  n = 10,
  change = 0.5,
): { readonly base: ReadonlyArray<string>; readonly rows: ReadonlyArray<SensitivityRow> } {
  const top = (w: Weights) =>
    priorityScores(inputs, ctx, w)
      .filter((s) => s.rank !== null && s.rank <= n)
      .map((s) => s.district)
  const base = top(weights)
  const rows: SensitivityRow[] = []
  for (const c of componentNames)
    for (const factor of [1 - change, 1 + change]) {
      const w = { ...weights, [c]: weights[c] * factor }
      if (validateWeights(w).length > 0) continue
      const t = top(w)
      rows.push({
        component: c,
        factor,
        weight: w[c],
        top: t,
        entered: t.filter((d) => !base.includes(d)),
        left: base.filter((d) => !t.includes(d)),
      })
    }
  return { base, rows }
}

function nearestKm(d: District, points: ReadonlyArray<{ lat: number; lon: number }>): number | null {
  if (points.length === 0) return null
  return Math.min(...points.map((p) => haversineKm(d.lat, d.lon, p.lat, p.lon)))
}

/** Where a shelter is for distances: its district centroid, else the mean of its province's centroids. */
export function shelterLocation(s: Shelter, places: Gazetteer): { lat: number; lon: number } | undefined {
  if (s.district) {
    const d = places.districts.find((x) => x.code === s.district)
    if (d) return { lat: d.lat, lon: d.lon }
  }
  const ds = places.districts.filter((x) => x.province === s.province)
  if (ds.length === 0) return undefined
  return {
    lat: ds.reduce((a, x) => a + x.lat, 0) / ds.length,
    lon: ds.reduce((a, x) => a + x.lon, 0) / ds.length,
  }
}

/**
 * The ranked list as a CSV a planner opens in Excel: UTF-8 with BOM, header row, formula-looking
 * text neutralised (see internal/csv.ts). Scores rounded to 4 decimals, raw values to 2.
 */
export function rankedListCsv(scores: ReadonlyArray<DistrictScore>, places: Gazetteer): string {
  const names = new Map(places.districts.map((d) => [d.code, d.name]))
  const header = [
    "rank",
    "district",
    "district_name",
    "province",
    "covered",
    "score",
    ...componentNames.flatMap((c) => [`${c}_raw`, `${c}_normalised`]),
    "unknown_components",
    "notes",
  ]
  const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)))
  const rows = scores.map((s) => [
    s.rank,
    s.district,
    names.get(s.district) ?? "",
    s.province,
    s.covered,
    round(s.score, 4),
    ...componentNames.flatMap((c) => [round(s.components[c].raw, 2), round(s.components[c].normalised, 4)]),
    s.unknown.join(";"),
    s.notes.join("; "),
  ])
  return toCsv(header, rows)
}
