/**
 * Streams synthetic rows to a CSV file in chunks (never holding the whole dataset) and writes the
 * sidecar `<file>.meta.json` that marks the file as synthetic for the importer and publisher.
 */
import { createHash } from "node:crypto"
import { createWriteStream } from "node:fs"
import { mkdir, writeFile } from "node:fs/promises"
import { dirname } from "node:path"
import { generateCases, type SynthOptions, synthColumns, yearCounts } from "./generate.ts"

export interface SynthMeta {
  readonly synthetic: true
  readonly generator: "lao-protect synth"
  readonly seed: number
  readonly years: readonly [number, number]
  readonly cases: number
  readonly sha256: string
}

export const metaPathOf = (csvPath: string) => `${csvPath}.meta.json`

const needsQuotes = /[",\r\n]/
const cell = (v: string) => (needsQuotes.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

export interface SynthResult {
  readonly file: string
  readonly meta: SynthMeta
  readonly ms: number
}

export const writeSynthCsv = async (
  out: string,
  options: SynthOptions,
  chunkRows = 20_000,
): Promise<SynthResult> => {
  const started = performance.now()
  await mkdir(dirname(out), { recursive: true })
  const stream = createWriteStream(out, { encoding: "utf8", highWaterMark: 1 << 20 })
  const hash = createHash("sha256")
  const write = async (text: string) => {
    hash.update(text)
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once("drain", resolve))
  }
  const failed = new Promise<never>((_, reject) => stream.once("error", reject))
  let cases = 0
  const work = (async () => {
    await write(`${synthColumns.join(",")}\n`)
    let lines: string[] = []
    for (const row of generateCases(options)) {
      lines.push(row.map(cell).join(","))
      cases++
      if (lines.length >= chunkRows) {
        await write(`${lines.join("\n")}\n`)
        lines = []
        // Let timers and signal handlers run between chunks (the CLI stops when its wrapper dies).
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
    }
    if (lines.length > 0) await write(`${lines.join("\n")}\n`)
    await new Promise<void>((resolve, reject) =>
      stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    )
  })()
  await Promise.race([work, failed])
  const expected = yearCounts(options).reduce((a, [, n]) => a + n, 0)
  if (cases !== expected) throw new Error(`synth wrote ${cases} rows, expected ${expected}`)
  const meta: SynthMeta = {
    synthetic: true,
    generator: "lao-protect synth",
    seed: options.seed,
    years: [options.fromYear, options.toYear],
    cases,
    sha256: hash.digest("hex"),
  }
  await writeFile(metaPathOf(out), `${JSON.stringify(meta, null, 2)}\n`)
  return { file: out, meta, ms: performance.now() - started }
}
