/** Allocation-free checks on ISO `YYYY-MM-DD` strings, shared by the schemas and the hand-written validator. */

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -100_000
}

/** `YYYY-MM-DD` with a real calendar day (leap years included), years 1000-9999. */
export const isIsoDate = (s: string): boolean => {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3)
  const m = digit(s, 5) * 10 + digit(s, 6)
  const d = digit(s, 8) * 10 + digit(s, 9)
  if (y < 1000 || m < 1 || m > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return d <= (m === 2 && leap ? 29 : DAYS[m - 1]!)
}

let cachedDay = ""
let cachedUntil = 0

/** Lao PDR keeps UTC+7 all year (no daylight saving). */
export const LAO_OFFSET_MS = 7 * 3_600_000

/** The calendar date in Lao PDR (UTC+7) at the instant `ms` (epoch milliseconds). */
export const laoDateAt = (ms: number): string => new Date(ms + LAO_OFFSET_MS).toISOString().slice(0, 10)

/**
 * Today's date in Lao PDR (UTC+7) as `YYYY-MM-DD`: "not in the future" is judged where the case
 * worker is, so a case identified at 06:00 in Vientiane is not "tomorrow" in UTC. Recomputed at most
 * once a minute (and never across a Lao midnight) so hot decoders stay cheap.
 */
export const todayIso = (): string => {
  const now = Date.now()
  if (now >= cachedUntil) {
    cachedDay = laoDateAt(now)
    const nextMidnight = Date.parse(`${cachedDay}T00:00:00Z`) - LAO_OFFSET_MS + 86_400_000
    cachedUntil = Math.min(now + 60_000, nextMidnight)
  }
  return cachedDay
}

/** Whole years between two ISO dates (`from` <= `to`), by calendar comparison. */
export const yearsBetween = (from: string, to: string): number => {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4))
  return to.slice(5) < from.slice(5) ? years - 1 : years
}
