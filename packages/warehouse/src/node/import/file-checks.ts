/**
 * What a file is, from its first bytes, before any reader sees it: UTF-16/UTF-32 text (Excel's
 * "Unicode text"), a PDF, an image, a workbook or other binary renamed `.csv`/`.json`. Each answer is
 * a message for the user naming the file and what to do, not a parse error from deep in a reader.
 * Also the bound on JSON nesting, checked without recursion before `JSON.parse`.
 */

const startsWith = (bytes: Uint8Array, ...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b)

const signatures: ReadonlyArray<{ readonly sig: ReadonlyArray<number>; readonly what: string }> = [
  { sig: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { sig: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { sig: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { sig: [0x50, 0x4b, 0x03, 0x04], what: "a zip archive (an .xlsx workbook is one: name it .xlsx)" },
  { sig: [0xd0, 0xcf, 0x11, 0xe0], what: "an old Excel (.xls) or Word file: save it as .xlsx or CSV UTF-8" },
  { sig: [0x1f, 0x8b], what: "a gzip archive: unpack it first" },
]

/**
 * A message when the file cannot be text in UTF-8 (`head`: its first bytes, 64 KiB are plenty);
 * `undefined` when it may be.
 */
export function fileProblem(head: Uint8Array, fileName: string): string | undefined {
  if (startsWith(head, 0xff, 0xfe, 0, 0) || startsWith(head, 0, 0, 0xfe, 0xff))
    return `${fileName} is UTF-32 text: save it as UTF-8 (in Excel: Save As, "CSV UTF-8") and import again; nothing was imported`
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff) || looksUtf16(head))
    return `${fileName} is UTF-16 text (Excel's "Unicode Text"): save it as UTF-8 (in Excel: Save As, "CSV UTF-8") and import again; nothing was imported`
  const known = signatures.find((s) => startsWith(head, ...s.sig))
  if (known) return `${fileName} is ${known.what}, not a case table; nothing was imported`
  if (head.includes(0))
    return `${fileName} is not text (it holds binary bytes, like an image or a program): export the cases as CSV UTF-8, .xlsx or JSON; nothing was imported`
  return undefined
}

/** UTF-16 without a byte order mark: ASCII text with a zero byte beside every character. */
function looksUtf16(head: Uint8Array): boolean {
  const n = Math.min(head.length, 512) & ~1
  if (n < 8) return false
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++
    if (head[i + 1] === 0) odd++
  }
  return Math.max(even, odd) >= (n / 2) * 0.9 && Math.min(even, odd) === 0
}

/** The deepest a JSON import may nest arrays and objects (a case record needs 3). */
export const MAX_JSON_DEPTH = 64

/**
 * The 1-based line where `text` first nests deeper than `max`, skipping strings; `undefined` when it
 * never does. Iterative, so a file of a million `[` cannot overflow the stack.
 */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0
  let line = 1
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) line++
    if (inString) {
      if (c === 92) i++
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      if (++depth > max) return line
    } else if (c === 93 || c === 125) depth--
  }
  return undefined
}

/**
 * For a "missing required columns" message: the header cells holding a line break (a name typed on
 * two lines in a spreadsheet cell, or a quote left open in the header), or "".
 */
export function headerLineBreaks(header: ReadonlyArray<string>): string {
  const broken = header.flatMap((h, i) => (/[\r\n]/.test(h) ? [i] : []))
  if (broken.length === 0) return ""
  const cells = broken
    .slice(0, 5)
    .map((i) => `column ${i + 1} ("${header[i]!.slice(0, 60).replace(/\r?\n|\r/g, "\\n")}")`)
    .join(", ")
  return `; header ${cells} ${broken.length === 1 ? "holds a line break" : "hold line breaks"}: write each column name on one line in the header row and import again`
}
