/**
 * Flags figures whose cost grows faster than the data: between two sizes, a cost ratio above the
 * size ratio times (1 + tolerance) is worse than linear. Fixed costs (process start, schema setup)
 * make small sizes look sub-linear, never super-linear, so a flag is worth reading.
 */
import type { Figure, ScalingRow } from "./types.ts"

export const SCALING_TOLERANCE = 0.25

export const scalingRows = (
  figures: ReadonlyArray<Figure>,
  tolerance = SCALING_TOLERANCE,
): ReadonlyArray<ScalingRow> => {
  const byId = new Map<string, Figure[]>()
  for (const f of figures) {
    if (f.costSeconds === undefined || !(f.costSeconds > 0)) continue
    byId.set(f.id, [...(byId.get(f.id) ?? []), f])
  }
  const rows: ScalingRow[] = []
  for (const [id, list] of byId) {
    const sorted = [...list].sort((a, b) => a.size - b.size)
    for (let i = 1; i < sorted.length; i++) {
      const a = sorted[i - 1]!
      const b = sorted[i]!
      const sizeRatio = b.size / a.size
      const costRatio = b.costSeconds! / a.costSeconds!
      rows.push({
        id,
        from: a.size,
        to: b.size,
        sizeRatio,
        costRatio,
        superlinear: costRatio > sizeRatio * (1 + tolerance),
      })
    }
  }
  return rows
}
