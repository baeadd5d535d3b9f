/** White to dark red by the share of the maximum (the planning heat tables). */
export const heat = (x: number): string => {
  const stops = ["#fff5f0", "#fcbba1", "#fb6a4a", "#cb181d", "#67000d"]
  return stops[Math.min(stops.length - 1, Math.max(0, Math.floor(x * stops.length)))] ?? stops[0]!
}
/** Dark cells get light text. */
export const isDark = (x: number) => x > 0.6
