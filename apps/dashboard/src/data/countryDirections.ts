/**
 * Where to draw each destination country on a map that shows only Laos: a point outside Laos in the
 * country's direction. The coordinates below are approximate capitals (or, for neighbours, a point
 * just across the border) and are used only for that direction, never as locations of cases.
 */
export const COUNTRY_POINTS: Readonly<Record<string, readonly [lat: number, lon: number]>> = {
  THA: [15.6, 101.2],
  CHN: [23.4, 101.6],
  VNM: [20.0, 106.3],
  KHM: [13.6, 105.9],
  MMR: [21.3, 99.4],
  MYS: [3.1, 101.7],
  SGP: [1.35, 103.8],
  IDN: [-6.2, 106.8],
  PHL: [14.6, 121.0],
  KOR: [37.6, 127.0],
  JPN: [35.7, 139.7],
  TWN: [25.0, 121.5],
  HKG: [22.3, 114.2],
  MAC: [22.2, 113.5],
  ARE: [24.5, 54.4],
  SAU: [24.7, 46.7],
  QAT: [25.3, 51.5],
  USA: [38.9, -77.0],
  AUS: [-35.3, 149.1],
  FRA: [48.9, 2.35],
  DEU: [52.5, 13.4],
  GBR: [51.5, -0.13],
}

const LAOS_CENTRE: readonly [number, number] = [18.2, 103.9]

/**
 * A point for `country` drawn `reach` degrees beyond `from` in the country's direction (neighbours:
 * their own point when it is nearer). Unknown countries get null and their flows are not drawn.
 */
export const countryAnchor = (
  country: string,
  from: readonly [number, number] = LAOS_CENTRE,
  reach = 1.6,
): readonly [number, number] | null => {
  const target = COUNTRY_POINTS[country]
  if (!target) return null
  const dLat = target[0] - from[0]
  const dLon = target[1] - from[1]
  const dist = Math.hypot(dLat, dLon)
  if (dist === 0) return target
  if (dist <= reach) return target
  return [from[0] + (dLat / dist) * reach, from[1] + (dLon / dist) * reach]
}
