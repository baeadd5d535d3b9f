/**
 * `decodeCaseRow` decodes valid rows on a fast path (the schema's own cell checks and cross-field
 * rules without the Effect runtime) and hands everything else to the Effect decoder. These
 * properties hold it to the Effect decoder alone (`decodeCaseRowWithSchema`): the same verdict, the
 * same decoded value (equal, same key order, a fresh object) and the same issues, for valid rows,
 * mutated rows and rows of unusual shapes (keys out of order, symbol keys, non-enumerable or
 * inherited columns, getters, class instances). FUZZ_RUNS (default 500) sets the inputs per property.
 */

import * as Result from "effect/Result"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as CaseRow from "../../src/CaseRow.ts"
import { compileCell } from "../../src/internal/rowChecks.ts"
import { validRow } from "../arbitraries.ts"

const RUNS = Number(process.env.FUZZ_RUNS ?? 500)
const TIMEOUT = Math.max(60_000, RUNS * 10)
const columns = CaseRow.columnNames

const expectSameAsSchema = (input: unknown) => {
  const fast = CaseRow.decodeCaseRow(input)
  const slow = CaseRow.decodeCaseRowWithSchema(input)
  expect(fast._tag).toBe(slow._tag)
  if (Result.isSuccess(fast) && Result.isSuccess(slow)) {
    expect(fast.success).toStrictEqual(slow.success)
    expect(Object.keys(fast.success)).toEqual(Object.keys(slow.success))
    expect(fast.success).not.toBe(input)
  }
  if (Result.isFailure(fast) && Result.isFailure(slow))
    expect(fast.failure.issues).toEqual(slow.failure.issues)
  return fast
}

const cellEdit = fc.tuple(
  fc.constantFrom(...columns),
  fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom("", "F", "2024-02-30", "1989-12-31", "2999-01-01", "LA99", "threats;threats", "121"),
  ),
)

/** Valid rows in shapes a fast path could get wrong. */
const reshaped = fc
  .tuple(
    validRow,
    fc.constantFrom(
      "as is",
      "reversed keys",
      "symbol key",
      "hidden symbol key",
      "non-enumerable extra",
      "inherited column",
      "getter cell",
      "class instance",
      "null prototype",
      "extra column",
      "missing column",
      "number cell",
    ),
    fc.constantFrom(...columns),
  )
  .map(([row, shape, column]): unknown => {
    const r: Record<PropertyKey, unknown> = { ...row }
    switch (shape) {
      case "as is":
        return r
      case "reversed keys":
        return Object.fromEntries(Object.entries(r).reverse())
      case "symbol key":
        return { ...r, [Symbol("x")]: "x" }
      case "hidden symbol key":
        return Object.defineProperty(r, Symbol("x"), { value: "x", enumerable: false })
      case "non-enumerable extra":
        return Object.defineProperty(r, "x", { value: "x", enumerable: false })
      case "inherited column": {
        const { [column]: cell, ...rest } = r
        return Object.assign(Object.create({ [column]: cell }), rest)
      }
      case "getter cell": {
        const cell = r[column]
        return Object.defineProperty(r, column, { get: () => cell, enumerable: true })
      }
      case "class instance":
        return Object.assign(new (class Row {})(), r)
      case "null prototype":
        return Object.assign(Object.create(null), r)
      case "extra column":
        return { ...r, unexpected_column: "" }
      case "missing column": {
        const { [column]: _dropped, ...rest } = r
        return rest
      }
      case "number cell":
        return { ...r, [column]: 16 }
    }
    return r
  })

describe("fuzz: decodeCaseRow's fast path equals the Effect decoder", () => {
  it(
    "valid rows: same decoded value, a fresh object with the columns in schema order",
    () => {
      fc.assert(
        fc.property(validRow, (row) => {
          const r = expectSameAsSchema(row)
          expect(r._tag).toBe("Success")
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )

  it(
    "rows with edited cells: same verdict, same value or same issues",
    () => {
      fc.assert(
        fc.property(validRow, fc.array(cellEdit, { minLength: 1, maxLength: 4 }), (row, edits) => {
          const r: Record<string, string> = { ...row }
          for (const [c, v] of edits) r[c] = v
          expectSameAsSchema(r)
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )

  it(
    "valid rows in unusual shapes: same verdict and value as the Effect decoder",
    () => {
      fc.assert(
        fc.property(reshaped, (v) => {
          expectSameAsSchema(v)
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )
})

describe("fuzz: the allocation-free list check", () => {
  const listColumns = columns.filter((c) => CaseRow.columnSpecs[c].type === "list")
  // The rule as documented: non-empty items, each a known code, none twice.
  const reference = (codes: ReadonlySet<string>, cell: string): boolean => {
    if (cell === "") return true
    const items = cell.split(";")
    return items.every((item, i) => item !== "" && codes.has(item) && items.indexOf(item) === i)
  }
  it(
    "accepts exactly the lists the rule accepts",
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...listColumns).chain((column) => {
            const codes = CaseRow.columnSpecs[column].codes ?? []
            const piece = fc.oneof(
              fc.constantFrom(...codes),
              fc.constantFrom(...codes).map((c) => c.slice(0, -1)),
              fc.constantFrom(...codes).map((c) => `${c}x`),
              fc.constantFrom("", " ", "x", ";"),
              fc.string({ maxLength: 6 }),
            )
            return fc.tuple(
              fc.constant(column),
              fc.array(piece, { maxLength: 5 }).map((items) => items.join(";")),
            )
          }),
          ([column, cell]) => {
            const spec = CaseRow.columnSpecs[column]
            const ok = compileCell(spec)(cell) === undefined
            expect(ok).toBe(reference(new Set(spec.codes), cell))
          },
        ),
        { numRuns: RUNS * 4 },
      )
    },
    TIMEOUT,
  )
})
