/**
 * Canary identifiers: made-up values planted in the inputs (names, phones, villages, notes, case
 * ids) that must never appear in anything the project publishes, builds or exports.
 * `assertNoCanaries(dir, canaries)` scans every file under `dir` (recursively) as raw bytes, as
 * UTF-8/UTF-16LE text and, for gzip/zstd/zip-free formats such as Arrow and Parquet, as the raw
 * bytes of each value (DuckDB's Parquet writer stores short strings uncompressed in dictionary pages
 * only when they compress badly, so the test that publishes also reads values back through SQL).
 * Reusable: the dashboard's build test can call it on apps/dashboard/dist.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import { gunzipSync } from "node:zlib"

export const CANARIES = [
  "Canary Zzyzx Phommachack",
  "+856 20 5999 4321",
  "Ban Canaryvillage",
  "CANARY-NOTE-7731",
  "Canarylang",
  "SYN-CANARY-",
] as const

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })

/** Every place a canary appears under `dir`: `[{ file, canary, encoding }]` (empty = clean). */
export function findCanaries(
  dir: string,
  canaries: ReadonlyArray<string> = CANARIES,
): Array<{ file: string; canary: string; encoding: string }> {
  const hits: Array<{ file: string; canary: string; encoding: string }> = []
  for (const file of walk(dir)) {
    const bytes = readFileSync(file)
    const views: Array<[string, Buffer]> = [["utf8", bytes]]
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        views.push(["gzip", gunzipSync(bytes)])
      } catch {
        // not a complete gzip stream: the raw bytes are still scanned
      }
    }
    for (const [encoding, view] of views) {
      const lower = view.toString("latin1").toLowerCase()
      for (const canary of canaries) {
        const needles: Array<[string, Buffer]> = [
          [encoding, Buffer.from(canary, "utf8")],
          [`${encoding}/utf16le`, Buffer.from(canary, "utf16le")],
        ]
        for (const [how, needle] of needles)
          if (view.includes(needle)) hits.push({ file: relative(dir, file), canary, encoding: how })
        if (lower.includes(canary.toLowerCase()) && !view.includes(Buffer.from(canary, "utf8")))
          hits.push({ file: relative(dir, file), canary, encoding: `${encoding}/case-insensitive` })
      }
    }
  }
  return hits
}

/** Throws with every hit when any canary appears in any file under `dir`. */
export function assertNoCanaries(dir: string, canaries: ReadonlyArray<string> = CANARIES): void {
  const hits = findCanaries(dir, canaries)
  if (hits.length > 0)
    throw new Error(
      `canaries found under ${dir}:\n${hits.map((h) => `  ${h.file}: "${h.canary}" (${h.encoding})`).join("\n")}`,
    )
}
