/** The suppressed class is hatched wherever it is drawn (map, legend, export), not only grey. */
export const HATCH_ID = "lp-hatch-suppressed"
export const HATCH_FILL = `url(#${HATCH_ID})`
