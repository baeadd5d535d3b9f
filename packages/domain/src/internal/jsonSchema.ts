/** The published JSON Schemas (draft 2020-12), generated from the Effect schemas. */
import * as Schema from "effect/Schema"
import { Case } from "../Case.ts"
import { CaseRow, caseRowCrossFieldRules } from "../CaseRow.ts"

const document = (schema: Schema.Top, title: string, extra: Record<string, unknown> = {}) => {
  const doc = Schema.toJsonSchemaDocument(schema, { onExcessProperty: "error" })
  const description = schema.ast.annotations?.description
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title,
    ...(typeof description === "string" ? { description } : {}),
    ...doc.schema,
    ...extra,
    $defs: doc.definitions,
  }
}

const filled = { type: "string", minLength: 1 }

/**
 * The part of the child BID rule JSON Schema can express (no date arithmetic): when the age is
 * unknown (no age_years, no date_of_birth) or age_years is under 18, any move out of care needs
 * bid_date, bid_outcome and bid_decided_by. The date-of-birth case and the BID's date window are the
 * decoder's.
 */
export const childBidConditions = (): ReadonlyArray<Record<string, unknown>> =>
  caseRowCrossFieldRules.flatMap((rule) => {
    if (rule.kind !== "childBid") return []
    const { child, bid, exit } = rule
    const under = Array.from({ length: child.under }, (_, i) => String(i)).join("|")
    const children = [
      { properties: { [child.ageColumn]: { const: "" }, [child.dateOfBirthColumn]: { const: "" } } },
      { properties: { [child.ageColumn]: { pattern: `^(?:${under})$` } } },
    ]
    const exempt = { properties: { [exit.date]: filled, [exit.reason]: { enum: exit.exempt } } }
    const moves = [
      ...rule.moves.map((m) => ({ properties: { [m]: filled } })),
      { properties: { [exit.date]: filled, [exit.reason]: filled }, not: exempt },
      { properties: { [rule.closed]: filled }, not: exempt },
    ]
    const then = { properties: { [bid.date]: filled, [bid.outcome]: filled, [bid.decidedBy]: filled } }
    return children.flatMap((c) => moves.map((m) => ({ if: { allOf: [c, m] }, then })))
  })

export const jsonSchemas = () => ({
  Case: document(Case, "Lao Protect case"),
  CaseRow: document(CaseRow, "Lao Protect case row (one row per case, every cell text)", {
    allOf: childBidConditions(),
  }),
})
