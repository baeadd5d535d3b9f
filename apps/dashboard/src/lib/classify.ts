/**
 * Choropleth classification: class upper bounds for quantiles, equal intervals or natural breaks
 * (Jenks, Fisher's exact dynamic programme). Only shown values take part: suppressed and no-data
 * areas get their own legend classes and never enter the breaks.
 */
export type Method = "quantile" | "equal" | "jenks"

/** Breaks are the classes' upper bounds, ascending; the last equals the maximum. */
export const breaksFor = (method: Method, values: ReadonlyArray<number>, classes: number): Array<number> => {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return []
  const k = Math.max(1, Math.min(classes, new Set(sorted).size))
  const breaks =
    method === "quantile"
      ? quantileBreaks(sorted, k)
      : method === "equal"
        ? equalBreaks(sorted, k)
        : jenksBreaks(sorted, k)
  return [...new Set(breaks)]
}

export const quantileBreaks = (sorted: ReadonlyArray<number>, k: number): Array<number> => {
  const out: Array<number> = []
  for (let i = 1; i <= k; i++) {
    const idx = Math.min(sorted.length - 1, Math.ceil((i / k) * sorted.length) - 1)
    out.push(sorted[idx] as number)
  }
  return out
}

export const equalBreaks = (sorted: ReadonlyArray<number>, k: number): Array<number> => {
  const min = sorted[0] as number
  const max = sorted[sorted.length - 1] as number
  const step = (max - min) / k
  return Array.from({ length: k }, (_, i) => (i === k - 1 ? max : min + step * (i + 1)))
}

/** Jenks natural breaks: minimises the within-class sum of squared deviations (exact, O(k n^2)). */
export const jenksBreaks = (sorted: ReadonlyArray<number>, k: number): Array<number> => {
  const n = sorted.length
  if (k >= n) return [...sorted]
  // lower[i][j]: first index (1-based) of the last class when splitting the first i values into j classes
  const lower: Array<Array<number>> = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(0))
  const cost: Array<Array<number>> = Array.from({ length: n + 1 }, () =>
    new Array<number>(k + 1).fill(Infinity),
  )
  for (let j = 1; j <= k; j++) {
    ;(lower[1] as Array<number>)[j] = 1
    ;(cost[1] as Array<number>)[j] = 0
  }
  for (let i = 2; i <= n; i++) {
    let sum = 0
    let sumSq = 0
    let count = 0
    for (let m = 1; m <= i; m++) {
      const lowIdx = i - m + 1
      const v = sorted[lowIdx - 1] as number
      count++
      sum += v
      sumSq += v * v
      const variance = sumSq - (sum * sum) / count
      if (lowIdx > 1) {
        for (let j = 2; j <= k; j++) {
          const candidate = variance + ((cost[lowIdx - 1] as Array<number>)[j - 1] as number)
          if (((cost[i] as Array<number>)[j] as number) >= candidate) {
            ;(lower[i] as Array<number>)[j] = lowIdx
            ;(cost[i] as Array<number>)[j] = candidate
          }
        }
      }
    }
    ;(lower[i] as Array<number>)[1] = 1
    ;(cost[i] as Array<number>)[1] = sumSq - (sum * sum) / count
  }
  const breaks: Array<number> = new Array<number>(k)
  breaks[k - 1] = sorted[n - 1] as number
  let end = n
  for (let j = k; j >= 2; j--) {
    const start = (lower[end] as Array<number>)[j] as number
    breaks[j - 2] = sorted[start - 2] as number
    end = start - 1
  }
  return breaks
}

/** Index of the class a value falls in (0-based), given ascending upper bounds. */
export const classOf = (value: number, breaks: ReadonlyArray<number>): number => {
  for (let i = 0; i < breaks.length; i++) if (value <= (breaks[i] as number)) return i
  return breaks.length - 1
}

/** A sequential palette (light to dark purple-red), colour-blind safe for up to 5 classes. */
export const PALETTE = ["#fde0dd", "#fa9fb5", "#f768a1", "#c51b8a", "#7a0177"] as const
export const SUPPRESSED_FILL = "#bdbdbd"
export const NO_DATA_FILL = "#ffffff"
