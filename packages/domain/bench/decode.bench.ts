/**
 * Decodes N distinct realistic CaseRow records (generated first, not timed) with the public decoder
 * (`decodeCaseRow`: fast path for valid rows, Effect decoder for the rest), with the Effect decoder
 * alone, and with the hand-written validator of the same rules, in the same run, and breaks down
 * where the time goes: valid rows only (fast path), invalid rows only (Effect decoder, every issue),
 * a realistic mix with 1% invalid, and the generator's mix (about 5% invalid).
 * Usage: tsx bench/decode.bench.ts [--rows N] [--json file]
 */
import { writeFileSync } from "node:fs"
import * as Schema from "effect/Schema"
import * as CaseRow from "../src/CaseRow.ts"
import { isIsoDate } from "../src/internal/date.ts"
import { generateRows } from "./rows.ts"

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i === -1 ? undefined : process.argv[i + 1]
}
const rowsWanted = Number(arg("--rows") ?? 1_000_000)
const jsonFile = arg("--json")

console.log(`generating ${rowsWanted.toLocaleString()} distinct rows...`)
const t0 = performance.now()
const rows = generateRows(rowsWanted)
console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (not timed below)`)

const valid = rows.filter((r) => CaseRow.quickCheck(r).length === 0)
const invalid = rows.filter((r) => CaseRow.quickCheck(r).length > 0)
// The same rows, invalid ones thinned to 1% (spread evenly), for the realistic mix.
const mixed: Array<Record<string, string>> = []
{
  const invalidWanted = Math.round((valid.length * 0.01) / 0.99)
  let taken = 0
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    if (CaseRow.quickCheck(row).length === 0) mixed.push(row)
    else if (taken < invalidWanted && taken * rows.length <= i * invalidWanted) {
      mixed.push(row)
      taken++
    }
  }
}

const measure = (name: string, f: (row: unknown) => boolean, input: ReadonlyArray<unknown> = rows) => {
  for (let i = 0; i < Math.min(20_000, input.length); i++) f(input[i]) // warm-up
  let valid = 0
  const start = performance.now()
  for (let i = 0; i < input.length; i++) if (f(input[i])) valid++
  const seconds = (performance.now() - start) / 1000
  const rate = input.length / seconds
  console.log(
    `${name.padEnd(52)} ${Math.round(rate).toLocaleString().padStart(12)} rows/s  (${valid.toLocaleString()} of ${input.length.toLocaleString()} valid)`,
  )
  return { name, rows: input.length, rowsPerSecond: Math.round(rate), seconds, valid }
}

const decodeAll = Schema.decodeUnknownResult(CaseRow.CaseRow, CaseRow.parseOptions)
const decodeCells = Schema.decodeUnknownResult(CaseRow.CaseRowCells, CaseRow.parseOptions)
const dateColumns = CaseRow.caseRowRules.filter((r) => r.type === "date").map((r) => r.column)
const publicDecoder = (r: unknown) => CaseRow.decodeCaseRow(r)._tag === "Success"
const effectOnly = (r: unknown) => CaseRow.decodeCaseRowWithSchema(r)._tag === "Success"
const hand = (r: unknown) => CaseRow.quickCheck(r).length === 0

const results = [
  measure("Effect decodeCaseRow (errors: all)", publicDecoder),
  measure("Effect decoder alone (decodeCaseRowWithSchema)", effectOnly),
  measure("Effect schema, raw Result (no message mapping)", (r) => decodeAll(r)._tag === "Success"),
  measure("Effect schema, cells only (no cross-field, JIT)", (r) => decodeCells(r)._tag === "Success"),
  measure("hand-written quickCheck (same rules)", hand),
  measure("hand-written, cells only", (r) => CaseRow.quickCheck(r, { crossField: false }).length === 0),
  measure("date parsing alone (9 date cells)", (r) => {
    const row = r as Record<string, string>
    let ok = true
    for (const c of dateColumns) {
      const v = row[c]!
      if (v !== "" && !isIsoDate(v)) ok = false
    }
    return ok
  }),
  measure("decodeCaseRow, valid rows only (fast path)", publicDecoder, valid),
  measure("hand-written quickCheck, valid rows only", hand, valid),
  measure("decodeCaseRow, invalid rows only (Effect decoder)", publicDecoder, invalid),
  measure("hand-written quickCheck, invalid rows only", hand, invalid),
  measure("decodeCaseRow, realistic mix (1% invalid)", publicDecoder, mixed),
  measure("hand-written quickCheck, realistic mix (1% invalid)", hand, mixed),
]

const [effect, effectAlone, , effectCells, handAll, handCells, dates] = results
const ratio = handAll!.rowsPerSecond / effect!.rowsPerSecond
console.log(`\nhand-written / decodeCaseRow: ${ratio.toFixed(2)}x`)
console.log(
  `decodeCaseRow / Effect decoder alone: ${(effect!.rowsPerSecond / effectAlone!.rowsPerSecond).toFixed(2)}x`,
)
const perRow = (r: (typeof results)[number]) => (r.seconds / r.rows) * 1e9
console.log(
  `cost per row: decodeCaseRow ${perRow(effect!).toFixed(0)} ns, Effect decoder alone ${perRow(effectAlone!).toFixed(0)} ns ` +
    `(Effect cells only ${perRow(effectCells!).toFixed(0)} ns), ` +
    `hand-written ${perRow(handAll!).toFixed(0)} ns (cross-field ${(perRow(handAll!) - perRow(handCells!)).toFixed(0)} ns), ` +
    `date parsing ${perRow(dates!).toFixed(0)} ns`,
)
console.log(
  `target >= 200,000 rows/s for decodeCaseRow: ${effect!.rowsPerSecond >= 200_000 ? "met" : "NOT met"}`,
)

if (jsonFile !== undefined) {
  writeFileSync(
    jsonFile,
    `${JSON.stringify({ bench: "domain/decode", rows: rows.length, node: process.version, results, ratio }, null, 2)}\n`,
  )
  console.log(`wrote ${jsonFile}`)
}
