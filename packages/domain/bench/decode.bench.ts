/**
 * Decodes N distinct realistic CaseRow records (generated first, not timed) with the Effect decoder
 * and with the hand-written validator of the same rules, in the same run, and breaks down where the
 * time goes. The row decoders are JIT-compiled by CaseRow (SchemaJITCompiler).
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

const measure = (name: string, f: (row: unknown) => boolean) => {
  for (let i = 0; i < Math.min(20_000, rows.length); i++) f(rows[i]) // warm-up
  let valid = 0
  const start = performance.now()
  for (let i = 0; i < rows.length; i++) if (f(rows[i])) valid++
  const seconds = (performance.now() - start) / 1000
  const rate = rows.length / seconds
  console.log(
    `${name.padEnd(44)} ${Math.round(rate).toLocaleString().padStart(12)} rows/s  (${valid.toLocaleString()} valid)`,
  )
  return { name, rowsPerSecond: Math.round(rate), seconds, valid }
}

const decodeAll = Schema.decodeUnknownResult(CaseRow.CaseRow, CaseRow.parseOptions)
const decodeCells = Schema.decodeUnknownResult(CaseRow.CaseRowCells, CaseRow.parseOptions)
const dateColumns = CaseRow.caseRowRules.filter((r) => r.type === "date").map((r) => r.column)

const results = [
  measure("Effect decodeCaseRow (errors: all)", (r) => CaseRow.decodeCaseRow(r)._tag === "Success"),
  measure("Effect schema, raw Result (no message mapping)", (r) => decodeAll(r)._tag === "Success"),
  measure("Effect schema, cells only (no cross-field)", (r) => decodeCells(r)._tag === "Success"),
  measure("hand-written quickCheck (same rules)", (r) => CaseRow.quickCheck(r).length === 0),
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
]

const [effect, , effectCells, hand, handCells, dates] = results
const ratio = hand!.rowsPerSecond / effect!.rowsPerSecond
console.log(`\nhand-written / Effect: ${ratio.toFixed(1)}x`)
const perRow = (r: (typeof results)[number]) => (r.seconds / rows.length) * 1e9
console.log(
  `cost per row: Effect ${perRow(effect!).toFixed(0)} ns (cross-field ${(perRow(effect!) - perRow(effectCells!)).toFixed(0)} ns), ` +
    `hand-written ${perRow(hand!).toFixed(0)} ns (cross-field ${(perRow(hand!) - perRow(handCells!)).toFixed(0)} ns), ` +
    `date parsing ${perRow(dates!).toFixed(0)} ns`,
)
console.log(
  `target >= 200,000 rows/s for the Effect decoder: ${effect!.rowsPerSecond >= 200_000 ? "met" : "NOT met"}`,
)

if (jsonFile !== undefined) {
  writeFileSync(
    jsonFile,
    `${JSON.stringify({ bench: "domain/decode", rows: rows.length, node: process.version, results, ratio }, null, 2)}\n`,
  )
  console.log(`wrote ${jsonFile}`)
}
