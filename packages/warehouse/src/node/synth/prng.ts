/**
 * A small seeded PRNG (sfc32 seeded through splitmix32) so that the same seed gives the same
 * synthetic file on every machine and Node version. Not for anything cryptographic.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number
  chance(p: number): boolean
}

const splitmix32 = (seed: number) => {
  let s = seed >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

export const makeRng = (seed: number): Rng => {
  const init = splitmix32(seed)
  let a = init()
  let b = init()
  let c = init()
  let d = init()
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) >>> 0
    return t / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
  }
}

/** A weighted choice compiled once: `pick(rng)` is O(log n). */
export interface Weighted<T> {
  readonly values: ReadonlyArray<T>
  pick(rng: Rng): T
}

export const weighted = <T>(entries: ReadonlyArray<readonly [T, number]>): Weighted<T> => {
  const values: T[] = []
  const cumulative: number[] = []
  let total = 0
  for (const [value, weight] of entries) {
    if (weight <= 0) continue
    total += weight
    values.push(value)
    cumulative.push(total)
  }
  if (values.length === 0) throw new Error("weighted: no positive weights")
  return {
    values,
    pick: (rng) => {
      const r = rng.next() * total
      let lo = 0
      let hi = cumulative.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (r < cumulative[mid]!) hi = mid
        else lo = mid + 1
      }
      return values[lo]!
    },
  }
}
