/**
 * Is a series rising or falling? The last three years against the (up to) three before, called only
 * when the counts can carry it: under equal yearly rates the recent cases are binomial given the
 * total (share = the recent window's length over both), and a change is called when that exact test
 * rejects at the 10% level (5% each tail). Too few cases to tell when a window's count is hidden by
 * the screen rule or the earlier window has no years in the span. It deliberately does not smooth or
 * forecast: the trends page does that.
 */
import { SmallArea } from "@lao-protect/planning"

export type TrendCall = "rising" | "falling" | "steady" | "too_few"

export interface WindowTrend {
  readonly call: TrendCall
  readonly recent: number
  readonly previous: number
  readonly recentYears: readonly [number, number]
  readonly previousYears: readonly [number, number] | null
  /** Yearly rate of the recent window over the earlier one (Infinity when the earlier had none); null when too few. */
  readonly ratio: number | null
}

const logChoose = (n: number, x: number) =>
  SmallArea.logGamma(n + 1) - SmallArea.logGamma(x + 1) - SmallArea.logGamma(n - x + 1)

/** P(X >= x) for X ~ Binomial(n, p). */
export const binomialUpper = (x: number, n: number, p: number): number => {
  if (x <= 0) return 1
  if (x > n) return 0
  if (p <= 0) return 0
  if (p >= 1) return 1
  let s = 0
  for (let i = x; i <= n; i++) s += Math.exp(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log1p(-p))
  return Math.min(1, s)
}

export const TREND_ALPHA = 0.1

/** The trend of `counts` (year -> cases) at `last` within the span [first, last], under threshold k. */
export const windowTrend = (
  counts: ReadonlyMap<number, number>,
  first: number,
  last: number,
  k: number,
): WindowTrend => {
  const sumOf = (a: number, b: number) => {
    let s = 0
    for (let y = a; y <= b; y++) s += counts.get(y) ?? 0
    return s
  }
  const r0 = Math.max(first, last - 2)
  const recent = sumOf(r0, last)
  const p1 = r0 - 1
  const p0 = Math.max(first, p1 - 2)
  const previousYears = p1 >= first ? ([p0, p1] as const) : null
  const previous = previousYears ? sumOf(p0, p1) : 0
  const hidden = (n: number) => n > 0 && n < k
  const base = { recent, previous, recentYears: [r0, last] as const, previousYears }
  if (previousYears === null || hidden(recent) || hidden(previous) || recent + previous === 0)
    return { ...base, call: "too_few", ratio: null }
  const lr = last - r0 + 1
  const lp = p1 - p0 + 1
  const share = lr / (lr + lp)
  const n = recent + previous
  const ratio = previous === 0 ? Number.POSITIVE_INFINITY : recent / lr / (previous / lp)
  const call: TrendCall =
    binomialUpper(recent, n, share) < TREND_ALPHA / 2
      ? "rising"
      : binomialUpper(previous, n, 1 - share) < TREND_ALPHA / 2
        ? "falling"
        : "steady"
  return { ...base, call, ratio }
}

const ORDER: Readonly<Record<TrendCall, number>> = { rising: 0, steady: 1, falling: 2, too_few: 3 }

/** Rank by trend: rising first (steepest first), then steady, then falling (steepest last), then too few. */
export const compareTrends = (a: WindowTrend, b: WindowTrend): number =>
  ORDER[a.call] - ORDER[b.call] || (b.ratio ?? 0) - (a.ratio ?? 0)
