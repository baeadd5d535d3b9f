import { readFileSync } from "node:fs"
import * as Result from "effect/Result"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as BestInterest from "../src/BestInterest.ts"
import * as CaseStage from "../src/CaseStage.ts"
import type { IsoDate } from "../src/IsoDate.ts"
import * as LegalBasis from "../src/LegalBasis.ts"
import { addDays } from "./arbitraries.ts"

const d = (s: string) => s as IsoDate
const started = (child: boolean | undefined, bid?: string): CaseStage.StageState => ({
  history: [CaseStage.start(d("2024-01-10"))],
  child,
  bestInterestDetermination:
    bid === undefined ? undefined : { date: bid, outcome: "return_home", decidedBy: "mlsw" },
})
const run = (state: CaseStage.StageState, steps: ReadonlyArray<readonly [CaseStage.CaseStage, string]>) =>
  steps.reduce<Result.Result<CaseStage.StageState, CaseStage.TransitionError>>(
    (acc, [to, date]) => Result.flatMap(acc, (s) => CaseStage.transition(s, to, { date: d(date) })),
    Result.succeed(state),
  )

describe("transition table", () => {
  it("cites at least one legal basis that exists for every move", () => {
    const known = new Set<string>(LegalBasis.LegalBasisId.literals)
    for (const t of CaseStage.transitions) {
      expect(t.legalBasis.length, `${t.from}->${t.to}`).toBeGreaterThan(0)
      for (const id of t.legalBasis) expect(known.has(id), id).toBe(true)
      expect(t.note.length).toBeGreaterThan(0)
    }
  })
  it("has no move out of closed and no duplicate move", () => {
    expect(CaseStage.allowedFrom("closed")).toEqual([])
    const edges = CaseStage.transitions.map((t) => `${t.from}>${t.to}`)
    expect(new Set(edges).size).toBe(edges.length)
  })
  it("lets every stage reach closed", () => {
    for (const stage of CaseStage.codes) {
      const seen = new Set<string>([stage])
      const queue: Array<CaseStage.CaseStage> = [stage]
      while (queue.length > 0)
        for (const next of CaseStage.allowedFrom(queue.pop()!))
          if (!seen.has(next)) seen.add(next) && queue.push(next)
      expect(seen.has("closed"), stage).toBe(true)
    }
  })
})

describe("transition", () => {
  it("moves along the main line, recording the table's legal basis in force", () => {
    const result = run(started(false), [
      ["interim_care", "2024-01-11"],
      ["assessment_bid", "2024-01-20"],
      ["return_reception", "2024-02-01"],
    ])
    const state = Result.getOrThrow(result)
    expect(state.history.map((e) => e.stage)).toEqual([
      "identification",
      "interim_care",
      "assessment_bid",
      "return_reception",
    ])
    expect(state.history[1]!.legalBasis).toEqual(
      CaseStage.defaultLegalBasis("identification", "interim_care", "2024-01-11"),
    )
  })
  it("refuses a move the table does not list", () => {
    const error = Result.getFailure(run(started(false), [["follow_up", "2024-02-01"]]))
    expect(error._tag === "Some" && error.value._tag).toBe("TransitionNotAllowed")
  })
  it("refuses a date before the previous stage", () => {
    const error = Result.getFailure(run(started(false), [["interim_care", "2024-01-09"]]))
    expect(error._tag === "Some" && error.value._tag).toBe("DateBeforePreviousStage")
  })
  it("refuses any move out of a closed case", () => {
    const error = Result.getFailure(
      run(started(false), [
        ["lost_contact", "2024-01-11"],
        ["closed", "2024-01-12"],
        ["interim_care", "2024-01-13"],
      ]),
    )
    expect(error._tag === "Some" && error.value._tag).toBe("CaseClosed")
  })
  it("refuses a child's return without a best-interest determination", () => {
    const steps = [
      ["interim_care", "2024-01-11"],
      ["return_reception", "2024-02-01"],
    ] as const
    const error = Result.getFailure(run(started(true), steps))
    expect(error._tag === "Some" && error.value._tag).toBe("BestInterestDeterminationRequired")
    expect(error._tag === "Some" && error.value.message).toContain("best-interest determination")
    expect(Result.isSuccess(run(started(true, "2024-01-15"), steps))).toBe(true)
    expect(Result.isFailure(run(started(true, "2024-03-01"), steps))).toBe(true)
    // presumption of childhood: an unknown age needs a BID too; an adult does not
    expect(Result.isFailure(run(started(undefined), steps))).toBe(true)
    expect(Result.isSuccess(run(started(false), steps))).toBe(true)
  })

  const walk = fc.record({
    child: fc.constantFrom(true, false, undefined),
    bid: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    steps: fc.array(
      fc.record({ to: fc.constantFrom(...CaseStage.codes), gap: fc.integer({ min: -5, max: 30 }) }),
      {
        maxLength: 12,
      },
    ),
  })

  it("invariants hold on any sequence of attempted moves", () => {
    fc.assert(
      fc.property(walk, ({ child, bid, steps }) => {
        let state = started(child, bid === undefined ? undefined : addDays("2024-01-10", bid))
        let date = "2024-01-10"
        for (const { to, gap } of steps) {
          const next = addDays(date, gap)
          const result = CaseStage.transition(state, to, { date: d(next) })
          if (Result.isSuccess(result)) {
            state = result.success
            date = next
          }
        }
        const history = state.history
        for (let i = 1; i < history.length; i++) {
          const prev = history[i - 1]!
          const entry = history[i]!
          expect(prev.stage).not.toBe("closed")
          expect(CaseStage.findTransition(prev.stage, entry.stage)).toBeDefined()
          expect(entry.date >= prev.date).toBe(true)
          expect(entry.legalBasis.length).toBeGreaterThan(0)
          if (BestInterest.moveNeedsBid(prev.stage, entry.stage) && child !== false) {
            const bid = state.bestInterestDetermination?.date
            expect(bid !== undefined && bid <= entry.date && bid >= history[0]!.date).toBe(true)
          }
        }
        expect(CaseStage.validateHistory(state)).toBeUndefined()
      }),
      { numRuns: 500 },
    )
  })
})

describe("documentation", () => {
  it("the README shows the current stage machine", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
    expect(readme).toContain(`\`\`\`mermaid\n${CaseStage.mermaid()}\n\`\`\``)
  })
})
