/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. Case records only need days, never times or zones,
 * so a date stays a string end to end (CSV, JSON, SQL) and compares correctly as text.
 */
import * as Schema from "effect/Schema"
import { isIsoDate, todayIso, yearsBetween } from "./internal/date.ts"

export const pattern = "^\\d{4}-\\d{2}-\\d{2}$"

export const IsoDate = /*#__PURE__*/ Schema.String.check(
  /*#__PURE__*/ Schema.isPattern(new RegExp(pattern, "u"), { expected: "a date written YYYY-MM-DD" }),
  /*#__PURE__*/ Schema.makeFilter((s: string) => isIsoDate(s), { expected: "a real calendar date" }),
)
  .pipe(/*#__PURE__*/ Schema.brand("IsoDate"))
  .annotate({ title: "Date", description: "A calendar date, YYYY-MM-DD", examples: ["2024-03-15" as never] })
export type IsoDate = typeof IsoDate.Type

/** Checks the text only: a `YYYY-MM-DD` string naming a real day. */
export const isValid = (s: string): s is IsoDate => isIsoDate(s)

/** Today's date (UTC). */
export const today = (): IsoDate => todayIso() as IsoDate

/** Age in whole years on `at` for a person born on `born`. */
export const age = (born: string, at: string): number => yearsBetween(born, at)
