/**
 * CaseRow decode throughput: the Effect decoder (`decodeCaseRow`, all errors) and the hand-written
 * validator of the same rules (`quickCheck`) over the same distinct rows, alternating which goes first.
 * Rows come from the domain benchmark's generator and are built before anything is timed.
 */
import { CaseRow } from "@lao-protect/domain"
import { generateRows } from "@lao-protect/domain/bench/rows"
import { argOf, emit } from "../child.ts"

const n = Number(argOf("rows"))
const runs = Number(argOf("runs") ?? 3)
const rows = generateRows(n)

// Small sizes repeat the pass until a run lasts long enough to be timed reliably.
const MIN_SECONDS = 0.5
const time = (f: (row: unknown) => boolean): { rate: number; valid: number } => {
  let valid = 0
  let done = 0
  const t0 = performance.now()
  do {
    valid = 0
    for (let i = 0; i < rows.length; i++) if (f(rows[i])) valid++
    done += rows.length
  } while (performance.now() - t0 < MIN_SECONDS * 1000)
  return { rate: done / ((performance.now() - t0) / 1000), valid }
}
const effect = (r: unknown) => CaseRow.decodeCaseRow(r)._tag === "Success"
const hand = (r: unknown) => CaseRow.quickCheck(r).length === 0

for (let i = 0; i < Math.min(20_000, rows.length); i++) {
  effect(rows[i])
  hand(rows[i])
}
const effectRates: number[] = []
const handRates: number[] = []
let valid = 0
for (let r = 0; r < runs; r++) {
  const first = r % 2 === 0
  const a = first ? time(effect) : undefined
  const h = time(hand)
  const e = a ?? time(effect)
  effectRates.push(e.rate)
  handRates.push(h.rate)
  valid = e.valid
}
emit({ rows: n, effectRates, handRates, valid })
