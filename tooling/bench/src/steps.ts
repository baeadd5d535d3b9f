/**
 * The scripted cross-filter session: a deterministic walk where each step changes one thing a planner
 * would change (a filter, the year range, the map level, the selected area), keeping at most three
 * filters on at once, so the same sequence runs on the pre-aggregated and the naive path.
 */
import type { Filters } from "@lao-protect/warehouse"

export interface Step {
  readonly filters: Filters
  readonly level: "province" | "district"
  readonly selected: { readonly province: string; readonly district: string | null } | null
}

const FILTER_COLUMNS = {
  victimGroup: "victim_group",
  sex: "sex",
  ageBand: "age_band",
  ethnicityFamily: "ethnicity_family",
  exploitationForm: "exploitation_form",
  destination: "destination",
  borderPoint: "border_point",
  stage: "stage",
} as const
type FilterKey = keyof typeof FILTER_COLUMNS

const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), seed | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

export function scriptSteps(
  domains: Readonly<Record<string, ReadonlyArray<string | number>>>,
  count: number,
  seed = 11,
): Step[] {
  const rnd = rng(seed)
  const pick = <A>(xs: ReadonlyArray<A>): A | undefined => xs[Math.floor(rnd() * xs.length)]
  const years = (domains.year ?? []).map(Number)
  const keys = (Object.keys(FILTER_COLUMNS) as FilterKey[]).filter(
    (k) => (domains[FILTER_COLUMNS[k]] ?? []).length > 0,
  )
  let filters: Record<string, string | number | null> = {}
  let level: Step["level"] = "province"
  let selected: Step["selected"] = null
  const steps: Step[] = []
  while (steps.length < count) {
    const active = Object.keys(filters).filter(
      (k) => filters[k] !== null && k !== "yearFrom" && k !== "yearTo",
    )
    const r = rnd()
    if (r < 0.45 && active.length < 3) {
      const k = pick(keys.filter((x) => !active.includes(x)))
      if (k) filters = { ...filters, [k]: pick(domains[FILTER_COLUMNS[k]]!)! }
    } else if (r < 0.6 && active.length > 0) {
      filters = { ...filters, [pick(active)!]: null }
    } else if (r < 0.72 && years.length > 1) {
      const a = pick(years)!
      const b = pick(years)!
      filters = { ...filters, yearFrom: Math.min(a, b), yearTo: Math.max(a, b) }
    } else if (r < 0.8) {
      level = level === "province" ? "district" : "province"
    } else if (r < 0.92) {
      const d = pick(domains.district ?? [])
      const p = pick(domains.province ?? [])
      if (level === "district" && typeof d === "string") {
        const [province, district] = d.split("/")
        selected = { province: province!, district: district! }
      } else if (typeof p === "string") selected = { province: p, district: null }
    } else if (active.length > 0) {
      // change the value of an active filter (the most common cross-filter gesture)
      const k = pick(active) as FilterKey
      filters = { ...filters, [k]: pick(domains[FILTER_COLUMNS[k]]!)! }
    } else {
      selected = null
    }
    steps.push({ filters: { ...filters } as Filters, level, selected })
  }
  return steps
}
