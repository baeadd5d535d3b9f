/**
 * Property-based fuzzing of every decoder entry point with hostile input: arbitrary JS values,
 * records of arbitrary Unicode text, valid rows with one or more cells replaced by garbage. Each call
 * must return (never throw, never hang), every failure must be a DecodeError with at least one
 * issue, each with a path and a message, and the hand-written quickCheck must agree with the
 * Effect decoder (same verdict, same messages). FUZZ_RUNS (default 500) sets the inputs per
 * property; nightly: FUZZ_RUNS=100000.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Case from "../../src/Case.ts"
import * as CaseRow from "../../src/CaseRow.ts"
import { validRow } from "../arbitraries.ts"

const RUNS = Number(process.env.FUZZ_RUNS ?? 500)
const MAX_MS = 250
// Nightly runs take minutes: the test timeout grows with the number of inputs.
const TIMEOUT = Math.max(60_000, RUNS * 10)

const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    '=HYPERLINK("http://x","click")',
    "+1",
    "-1",
    "@x",
    "2024-02-30",
    "2024-13-01",
    "0000-00-00",
    "9999-12-31",
    "1989-12-31",
    "  2024-01-01",
    "2567-01-15",
    "45000",
    "-0",
    "1e3",
    "NaN",
    "Infinity",
    "\u0000",
    "\ud800",
    "ລາວ",
    "ไทย",
    "Tiếng Việt",
    ";;;",
    "female;male",
    "LA0101;LA0102",
    "__proto__",
    "constructor",
    "a".repeat(10_000),
  ),
)

const columns = CaseRow.columnNames

const mutatedRow = fc
  .tuple(
    validRow,
    fc.array(fc.tuple(fc.constantFrom(...columns), hostileText), { minLength: 1, maxLength: 5 }),
    fc.boolean(),
  )
  .map(([row, edits, extra]) => {
    const r: Record<string, unknown> = { ...row }
    for (const [c, v] of edits) r[c] = v
    if (extra) r.unexpected_column = "x"
    return r
  })

const randomRecord = fc.dictionary(fc.constantFrom(...columns, "x", "__proto__", "toString"), hostileText)

const arbitraryValue = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
  fc.record(Object.fromEntries(columns.map((c) => [c, fc.oneof(hostileText, fc.anything())]))),
)

// CPU time, not wall time: on a shared 2-core machine other processes stretched one call's wall time
// past the bound (365 ms at load 32) while the decoder itself did nothing slow.
const timed = <T>(f: () => T): T => {
  const t = process.cpuUsage()
  const r = f()
  const { user, system } = process.cpuUsage(t)
  expect((user + system) / 1000).toBeLessThan(MAX_MS)
  return r
}

const expectTypedFailureOrSuccess = (r: { _tag: string; failure?: unknown }) => {
  expect(["Success", "Failure"]).toContain(r._tag)
  if (r._tag === "Failure") {
    const e = r.failure as { _tag: string; issues: ReadonlyArray<{ path: unknown; message: unknown }> }
    expect(e._tag).toBe("DecodeError")
    expect(e.issues.length).toBeGreaterThan(0)
    for (const i of e.issues) {
      expect(typeof i.path).toBe("string")
      expect(typeof i.message).toBe("string")
      expect((i.message as string).length).toBeGreaterThan(0)
    }
  }
}

describe("fuzz: CaseRow.decodeCaseRow", () => {
  it(
    "never throws on any value; failures are typed DecodeErrors with issues",
    () => {
      fc.assert(
        fc.property(arbitraryValue, (v) => {
          expectTypedFailureOrSuccess(timed(() => CaseRow.decodeCaseRow(v)))
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )

  it(
    "records of hostile text: each issue names its column, none is an internal crash",
    () => {
      fc.assert(
        fc.property(fc.oneof(mutatedRow, randomRecord), (v) => {
          const r = timed(() => CaseRow.decodeCaseRow(v))
          expectTypedFailureOrSuccess(r)
          if (r._tag === "Failure")
            for (const i of r.failure.issues) {
              expect(i.message).not.toMatch(/^could not be read/)
              expect(
                i.path === "" ||
                  [...columns, "x", "unexpected_column", "__proto__", "toString"].some((c) =>
                    i.path.startsWith(c),
                  ),
              ).toBe(true)
            }
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )

  it(
    "quickCheck gives the same verdict and the same messages as the Effect decoder",
    () => {
      fc.assert(
        fc.property(fc.oneof(mutatedRow, validRow as fc.Arbitrary<Record<string, unknown>>), (v) => {
          const r = CaseRow.decodeCaseRow(v)
          const q = CaseRow.quickCheck(v)
          expect(q.length === 0).toBe(r._tag === "Success")
          if (r._tag === "Failure")
            expect([...q.map((i) => i.message)].sort()).toEqual(
              [...r.failure.issues.map((i) => i.message)].sort(),
            )
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )
})

describe("fuzz: Case.decodeCase and CaseRow.decodeCaseRowToCase", () => {
  it(
    "never throw on any value",
    () => {
      fc.assert(
        fc.property(fc.oneof(arbitraryValue, mutatedRow), (v) => {
          expectTypedFailureOrSuccess(timed(() => Case.decodeCase(v)))
          expectTypedFailureOrSuccess(timed(() => CaseRow.decodeCaseRowToCase(v)))
        }),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )

  it(
    "decodeCase survives a valid case with hostile fields",
    () => {
      fc.assert(
        fc.property(
          validRow,
          fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.anything()), { maxLength: 4 }),
          (row, edits) => {
            const c = CaseRow.toCase(row)
            if (c._tag !== "Success") return
            const encoded = Case.encodeCase(c.success) as Record<string, unknown>
            const hostile: Record<string, unknown> = { ...encoded }
            for (const [k, v] of edits)
              hostile[k in encoded ? k : Object.keys(encoded)[k.length % Object.keys(encoded).length]!] = v
            expectTypedFailureOrSuccess(timed(() => Case.decodeCase(hostile)))
          },
        ),
        { numRuns: RUNS },
      )
    },
    TIMEOUT,
  )
})
