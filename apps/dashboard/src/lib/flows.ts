/**
 * Flow geometry: a quadratic Bézier from origin through (a control point derived from) the border
 * checkpoint to the destination, as a polyline Leaflet can draw. The curve passes through the
 * checkpoint itself: the control point is placed so that the curve's midpoint is the checkpoint.
 */
export type LatLon = readonly [number, number]

export const quadraticBezier = (p0: LatLon, c: LatLon, p2: LatLon, steps = 24): Array<LatLon> => {
  const out: Array<LatLon> = []
  for (let i = 0; i <= steps; i++) {
    const t = i / steps
    const a = (1 - t) * (1 - t)
    const b = 2 * (1 - t) * t
    const d = t * t
    out.push([a * p0[0] + b * c[0] + d * p2[0], a * p0[1] + b * c[1] + d * p2[1]])
  }
  return out
}

/** The control point that makes B(1/2) = through. */
export const controlThrough = (p0: LatLon, through: LatLon, p2: LatLon): LatLon => [
  2 * through[0] - (p0[0] + p2[0]) / 2,
  2 * through[1] - (p0[1] + p2[1]) / 2,
]

/** A gently bowed curve when there is no checkpoint: control point offset perpendicular to the chord. */
export const bowedControl = (p0: LatLon, p2: LatLon, bow = 0.2): LatLon => {
  const mid: LatLon = [(p0[0] + p2[0]) / 2, (p0[1] + p2[1]) / 2]
  return [mid[0] - (p2[1] - p0[1]) * bow, mid[1] + (p2[0] - p0[0]) * bow]
}

export const flowLine = (
  origin: LatLon,
  border: LatLon | null,
  destination: LatLon,
  steps = 24,
): Array<LatLon> =>
  quadraticBezier(
    origin,
    border ? controlThrough(origin, border, destination) : bowedControl(origin, destination),
    destination,
    steps,
  )

/** Stroke width by count: square-root scaled between 1.5 and 12 px. */
export const flowWidth = (n: number, max: number): number =>
  max <= 0 ? 1.5 : 1.5 + 10.5 * Math.sqrt(n / max)
