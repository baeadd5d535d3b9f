/** ISO calendar dates as UTC day numbers, so night counting never depends on the machine's time zone. */
const MS_PER_DAY = 86_400_000
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

export function dayNumber(iso: string): number {
  const m = ISO.exec(iso)
  if (!m) throw new RangeError(`not an ISO date: ${iso}`)
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const back = new Date(t).toISOString().slice(0, 10)
  if (back !== iso) throw new RangeError(`not a calendar date: ${iso}`)
  return t / MS_PER_DAY
}

export const isoOfDay = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10)

export const monthOfDay = (day: number): string => isoOfDay(day).slice(0, 7)

/** First day number of the month after the one containing `day`. */
export function nextMonthStart(day: number): number {
  const d = new Date(day * MS_PER_DAY)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / MS_PER_DAY
}

/** Nights [first, last] (inclusive day numbers) split by calendar month, in order. */
export function splitByMonth(first: number, last: number): ReadonlyArray<{ month: string; nights: number }> {
  const out: { month: string; nights: number }[] = []
  let d = first
  while (d <= last) {
    const end = Math.min(last, nextMonthStart(d) - 1)
    out.push({ month: monthOfDay(d), nights: end - d + 1 })
    d = end + 1
  }
  return out
}

/** Days of `month` (YYYY-MM) that fall within [from, to] (inclusive day numbers). */
export function daysOfMonthWithin(month: string, from: number, to: number): number {
  const start = dayNumber(`${month}-01`)
  const end = nextMonthStart(start) - 1
  return Math.max(0, Math.min(end, to) - Math.max(start, from) + 1)
}
