/**
 * Map labels without overlap: labels are tried in priority order and one is kept only when its box
 * (padded) meets no box already kept. Greedy, like most cartographic label engines at this size.
 */
export interface LabelBox {
  readonly id: string
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
  /** Higher first (countries, then larger areas or counts). */
  readonly priority: number
}

const meets = (a: LabelBox, b: LabelBox, pad: number) =>
  a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad

/** The ids of the labels to show. */
export const placeLabels = (boxes: ReadonlyArray<LabelBox>, pad = 2): Set<string> => {
  const kept: Array<LabelBox> = []
  const order = [...boxes].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1))
  for (const box of order) {
    if (box.w <= 0 || box.h <= 0) continue
    if (kept.every((k) => !meets(k, box, pad))) kept.push(box)
  }
  return new Set(kept.map((k) => k.id))
}
