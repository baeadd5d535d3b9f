/**
 * The goals of issue 22 judged at the sizes they name (`pass` is null at other sizes): validated
 * import >= 0.8x a bare read_csv at 1M and >= 0.6x at 10k; publish <= 10x a bare Parquet write and
 * <= 1.5 GB peak RSS at 1M.
 */
export const IMPORT_GOAL_TEXT = ">= 0.6x bare read_csv at 10k, >= 0.8x at 1M"
export const PUBLISH_GOAL_TEXT = "<= 10x bare Parquet and <= 1.5 GB peak RSS (1M cases)"

export const importGoal = (size: number, ratioMedian: number) => ({
  text: IMPORT_GOAL_TEXT,
  pass: size === 10_000 ? ratioMedian >= 0.6 : size === 1_000_000 ? ratioMedian >= 0.8 : null,
})

export const publishGoal = (size: number, ratioMedian: number, peakRssMb: number) => ({
  text: PUBLISH_GOAL_TEXT,
  pass: size === 1_000_000 ? ratioMedian <= 10 && peakRssMb <= 1536 : null,
})
