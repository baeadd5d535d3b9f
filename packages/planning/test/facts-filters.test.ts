/**
 * Planning reads the same facts cube with the dashboard's cross-filters: its filter keys are the
 * warehouse's, and these tests fail when its SQL files drift from the warehouse's WHERE template.
 */
import { readFileSync } from "node:fs"
import { FILTER_KEYS, FILTER_WHERE } from "@lao-protect/warehouse"
import { describe, expect, it } from "vitest"
import * as FactsInputs from "../src/FactsInputs.ts"

const planningSql = (name: string) => readFileSync(new URL(`../src/${name}`, import.meta.url), "utf8")

/** `[parameter number, column]` of each `($n IS NULL OR column[::varchar] = $n)` in a WHERE text. */
const filterColumns = (sql: string): Array<[number, string]> =>
  [...sql.matchAll(/\(\$(\d+) is null or (\w+)(?:::varchar)? = \$(\d+)\)/gi)].map((m) => {
    expect(m[1]).toBe(m[3])
    return [Number(m[1]), m[2]!]
  })

describe("planning's cross-filters are the dashboard's", () => {
  // The years ($1, $2) are ranges, not code filters: not matched here.
  const dashboard = filterColumns(FILTER_WHERE)

  it("the same keys, in the same order (years are chosen by planning itself)", () => {
    expect([...FactsInputs.filterKeys]).toEqual(FILTER_KEYS.filter((k) => k !== "yearFrom" && k !== "yearTo"))
    expect(dashboard).toHaveLength(FILTER_KEYS.length - 2)
  })

  it.each([
    "priority_inputs_from_facts.sql",
    "checkpoint_flows_from_facts.sql",
    "district_year_victims_from_facts.sql",
  ])("%s filters the same columns, one parameter per key in filterKeys order", (file) => {
    const planning = filterColumns(planningSql(file))
    expect(planning.map(([, column]) => column)).toEqual(dashboard.map(([, column]) => column))
    const first = planning[0]![0]
    expect(planning.map(([n]) => n)).toEqual(FactsInputs.filterKeys.map((_, i) => first + i))
  })
})
