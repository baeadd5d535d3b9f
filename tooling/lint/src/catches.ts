/**
 * Swallowed errors (issue 18): a promise's `.catch` whose handler does nothing (`() => undefined`,
 * `() => {}`, `() => null`, `() => void 0`, with or without a parameter) must say why ignoring the
 * error is safe, in a comment on the same line or the line above. Empty `catch {}` blocks are
 * biome's `noEmptyBlockStatements` (a comment inside the block satisfies it).
 */
import { readFileSync } from "node:fs"
import { resolve, sep } from "node:path"
import type { Violation } from "./imports.ts"

const SWALLOW =
  /\.catch\(\s*(?:\(\s*(?:[\w$]+\s*(?::\s*[\w$.]+)?)?\s*\)|[\w$]+)\s*=>\s*(?:undefined|null|void 0|\{\s*\})\s*\)/g

const hasComment = (line: string | undefined): boolean => line !== undefined && /\/\/|\/\*/.test(line)

/** Every `.catch` that drops its error without a comment, with its line, in a source text. */
export const swallowedCatches = (text: string): Array<{ line: number; text: string }> => {
  const lines = text.split("\n")
  const out: Array<{ line: number; text: string }> = []
  for (const m of text.matchAll(SWALLOW)) {
    const line = text.slice(0, m.index).split("\n").length
    if (hasComment(lines[line - 1]) || hasComment(lines[line - 2])) continue
    out.push({ line, text: m[0] })
  }
  return out
}

/** Checks `files` (repo-relative paths) under `root`. */
export const checkCatches = (root: string, files: ReadonlyArray<string>): Array<Violation> =>
  files.flatMap((file) =>
    swallowedCatches(readFileSync(resolve(root, file), "utf8")).map(({ line, text }) => ({
      file: file.split(sep).join("/"),
      line,
      specifier: text,
      reason:
        "error swallowed: handle the expected error, report the others, or say in a comment why ignoring it is safe",
    })),
  )
