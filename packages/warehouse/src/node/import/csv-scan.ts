/**
 * An independent count of a CSV file's records, fed the same chunks as the SHA-256 (one read of the
 * file). DuckDB's `read_csv` can drop a record silently (a last line longer than `max_line_size`),
 * so the importer checks its staging table against this count: every physical record is either a
 * staged row, a row with the wrong number of cells (rejected with a reason), or a blank line.
 *
 * The grammar is RFC 4180 as DuckDB reads it with `quote = '"', escape = '"'`: a quote opens a
 * quoted cell only at the start of a cell, `""` inside quotes is a quote, line breaks inside quotes
 * belong to the cell. Lines (physical line breaks) and records are counted separately.
 *
 * It also notes the columns where some cell may begin or end with a space separator (U+0020,
 * U+00A0, U+1680, U+2000-200A, U+202F, U+205F, U+3000: what DuckDB's `trim` removes), so that the
 * validation SQL trims only those columns. The test errs on the side of trimming (a few other
 * characters, e.g. U+2013, also mark a column); it never misses a cell that `trim` would change.
 */

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const NO_WORDS = new Uint32Array(0)

/** The last bytes of a cell (b1 last) may be a space separator; a superset of the exact test. */
const spaceEnds = (b1: number, b2: number, b3: number): boolean =>
  b1 === SPACE ||
  (b1 >= 0x80 &&
    ((b2 === 0xc2 && b1 === 0xa0) ||
      (b3 === 0xe1 && b2 === 0x9a && b1 === 0x80) ||
      ((b3 === 0xe2 || b3 === 0xe3) && (b2 === 0x80 || b2 === 0x81))))

/** First byte of a multi-byte space separator (the second byte decides). */
const spaceLead = (b: number): boolean => b === 0xc2 || b === 0xe1 || b === 0xe2 || b === 0xe3
const spaceSecond = (lead: number, b: number): boolean =>
  lead === 0xc2 ? b === 0xa0 : lead === 0xe1 ? b === 0x9a : b === 0x80 || b === 0x81

export interface OddRecord {
  /** Row number as the user sees it: the header is row 1, one row per record, blank lines included. */
  readonly row: number
  /** Physical line of the file where the record starts (differs from `row` after quoted line breaks). */
  readonly line: number
  /** Cells in the record (0 for a blank line). */
  readonly cells: number
}

export interface CsvScan {
  /** Data records (header and blank lines excluded). */
  readonly records: number
  /** Physical lines of the file. */
  readonly lines: number
  /** Cells of the header record. */
  readonly headerCells: number
  /** Blank lines and records whose cell count differs from the header's, in file order. */
  readonly odd: ReadonlyArray<OddRecord>
  /** The first record longer than the limit, if any. */
  readonly tooLong?: { readonly row: number; readonly line: number; readonly bytes: number }
  /** The file ends inside a quoted cell. */
  readonly openQuote?: { readonly row: number; readonly line: number }
  /**
   * Columns (0-based) of the data records where some cell may begin or end with a space separator
   * (inside its quotes, for a quoted cell); the other columns need no `trim`.
   */
  readonly paddedColumns: ReadonlyArray<number>
  /** Columns (0-based, within the header's) whose cell is empty (no bytes, or `""`) in every data record. */
  readonly emptyColumns: ReadonlyArray<number>
}

export class CsvScanner {
  private readonly delim: number
  private inQuotes = false
  /** Inside quotes, a quote was seen as the last byte of a chunk: escape or close, decided by the next byte. */
  private quotePending = false
  private atCellStart = true
  private prevCr = false
  private cells = 1
  /** Cells of the current record up to its last non-empty one (DuckDB drops empty cells past the header's). */
  private filled = 0
  /** The current cell's bytes in earlier chunks (up to 3), and how many of those were quotes. */
  private headLen = 0
  private headQuotes = 0
  private recordBytes = 0
  private recordRow = 1
  private recordLine = 1
  private line = 1
  private row = 1
  private records = 0
  private headerCells = -1
  private readonly odd: OddRecord[] = []
  private tooLong: CsvScan["tooLong"]
  private skipBom = true
  private readonly padded: boolean[] = []
  /** Columns with a non-empty cell (the header's marks are cleared when it ends). */
  private readonly used: boolean[] = []
  /** The last three bytes before the current chunk (t1 last), -1 before the file's start. */
  private t1 = -1
  private t2 = -1
  private t3 = -1
  /** A cell's first content byte, or the second byte of a possible space, is the next chunk's first. */
  private leadPending: { readonly col: number; readonly lead: number } | undefined
  /** A closing quote was the last byte of a chunk, and the cell's content ended with a space. */
  private closePadded = false

  constructor(
    delimiter: string,
    private readonly maxRecordBytes: number,
  ) {
    this.delim = delimiter.charCodeAt(0)
  }

  push(chunk: Uint8Array): void {
    let i = 0
    if (this.skipBom) {
      this.skipBom = false
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3
    }
    const n = chunk.length
    const delim = this.delim
    // Bytes above every special byte (delimiter, quote, CR, LF) need no decision: most of a file.
    const plain = Math.max(delim, QUOTE, CR)
    let inQuotes = this.inQuotes
    let atCellStart = this.atCellStart
    let cells = this.cells
    let filled = this.filled
    let line = this.line
    let start = i - this.recordBytes // virtual start offset of the current record in this chunk
    if (this.prevCr && i < n) {
      this.prevCr = false
      if (chunk[i] === LF) {
        i++ // the LF of a CRLF split between chunks
        start = i
      }
    }
    if (this.leadPending && i < n) {
      const { col, lead } = this.leadPending
      this.leadPending = undefined
      // lead -1: the chunk's first byte is the cell's first content byte.
      if (lead < 0) this.leadAt(chunk, i, col)
      else if (spaceSecond(lead, chunk[i]!)) this.pad(col)
    }
    if (this.quotePending && i < n) {
      this.quotePending = false
      if (chunk[i] === QUOTE)
        i++ // "" inside quotes
      else {
        inQuotes = false
        if (this.closePadded) this.pad(cells - 1)
      }
      this.closePadded = false
    }
    // Index where the current cell's content starts (-1: in an earlier chunk, or already past it).
    let cellStart = atCellStart ? i : -1
    // Runs of plain bytes are skipped four at a time: a word has a byte <= plain exactly when
    // ((x - (plain+1)*0x01010101) & ~x & 0x80808080) is not 0 (valid for plain < 128). Words start
    // at the first 4-byte aligned address of the chunk (`head` bytes in).
    const head = (4 - (chunk.byteOffset & 3)) & 3
    const words =
      n - head >= 4 ? new Uint32Array(chunk.buffer, chunk.byteOffset + head, (n - head) >> 2) : NO_WORDS
    const nWords = words.length
    const below = (plain + 1) * 0x01010101
    for (; i < n; i++) {
      const b = chunk[i]!
      if (b > plain) {
        const next = i + 1 - head
        if ((next & 3) === 0) {
          let w = next >> 2
          while (w < nWords) {
            const x = words[w]!
            if (((x - below) & ~x & 0x80808080) !== 0) break
            w++
          }
          i = head + (w << 2) - 1
        }
        continue
      }
      if (inQuotes) {
        if (b === QUOTE) {
          if (i + 1 < n) {
            if (chunk[i + 1] === QUOTE) i++
            else {
              inQuotes = false
              if (this.endsPadded(chunk, i)) this.pad(cells - 1)
            }
          } else {
            this.quotePending = true
            this.closePadded = this.endsPadded(chunk, i)
          }
        } else if (b === LF) line++
        // A bare CR (old Mac line break) counts when the next byte is known: not at a chunk's end.
        else if (b === CR && i + 1 < n && chunk[i + 1] !== LF) line++
        continue
      }
      if (b === LF || b === CR) {
        if (i > cellStart) {
          const last = i > 0 ? chunk[i - 1]! : this.t1
          if (last === SPACE || (last >= 0x80 && this.endsPadded(chunk, i))) this.pad(cells - 1)
        }
        if (!this.emptyCell(chunk, cellStart, i)) {
          filled = cells
          this.used[cells - 1] = true
        }
        this.line = line
        this.endRecord(i - start, cells, i === cellStart, filled)
        filled = 0
        if (b === CR) {
          if (i + 1 === n) this.prevCr = true
          else if (chunk[i + 1] === LF) i++
        }
        cells = 1
        cellStart = i + 1
        start = i + 1
        line++
        this.cellLead(chunk, cellStart, 0)
        continue
      }
      if (b === delim) {
        if (i > cellStart) {
          const last = i > 0 ? chunk[i - 1]! : this.t1
          if (last === SPACE || (last >= 0x80 && this.endsPadded(chunk, i))) this.pad(cells - 1)
        }
        if (!this.emptyCell(chunk, cellStart, i)) {
          filled = cells
          this.used[cells - 1] = true
        }
        cellStart = i + 1
        cells++
        const next = chunk[cellStart]
        if (next === undefined || next === SPACE || next >= 0xc2) this.cellLead(chunk, cellStart, cells - 1)
      } else if (b === QUOTE && i === cellStart) {
        inQuotes = true
        this.cellLead(chunk, i + 1, cells - 1)
      }
    }
    atCellStart = cellStart === n
    const from = Math.max(cellStart, 0)
    const seen = Math.min(n - from, 3)
    let quotes = 0
    for (let k = from; k < from + seen; k++) if (chunk[k] === QUOTE) quotes++
    if (cellStart >= 0) {
      this.headLen = seen
      this.headQuotes = quotes
    } else {
      this.headQuotes = this.headLen < 3 ? this.headQuotes + quotes : this.headQuotes
      this.headLen = Math.min(this.headLen + n, 3)
    }
    if (n >= 3) {
      this.t3 = chunk[n - 3]!
      this.t2 = chunk[n - 2]!
      this.t1 = chunk[n - 1]!
    } else
      for (let k = 0; k < n; k++) {
        this.t3 = this.t2
        this.t2 = this.t1
        this.t1 = chunk[k]!
      }
    this.line = line
    this.inQuotes = inQuotes
    this.atCellStart = atCellStart
    this.cells = cells
    this.filled = filled
    this.recordBytes = n - start
    if (this.recordBytes > this.maxRecordBytes) this.noteTooLong(this.recordBytes)
  }

  /** Byte `k` of the chunk; negative `k` reaches back into the previous chunks. */
  private byteAt(chunk: Uint8Array, k: number): number {
    return k >= 0 ? chunk[k]! : k === -1 ? this.t1 : k === -2 ? this.t2 : this.t3
  }

  /** The bytes before position `end` (a delimiter, line break or closing quote) end with a space. */
  private endsPadded(chunk: Uint8Array, end: number): boolean {
    return spaceEnds(this.byteAt(chunk, end - 1), this.byteAt(chunk, end - 2), this.byteAt(chunk, end - 3))
  }

  /** A cell of column `col` has its first content byte at `k` (maybe in the next chunk). */
  private cellLead(chunk: Uint8Array, k: number, col: number): void {
    if (k < chunk.length) this.leadAt(chunk, k, col)
    else this.leadPending = { col, lead: -1 }
  }

  /** `chunk[k]` is the first content byte of a cell of column `col`. */
  private leadAt(chunk: Uint8Array, k: number, col: number): void {
    const b = chunk[k]!
    if (b === SPACE) this.pad(col)
    else if (spaceLead(b)) {
      if (k + 1 < chunk.length) {
        if (spaceSecond(b, chunk[k + 1]!)) this.pad(col)
      } else this.leadPending = { col, lead: b }
    }
  }

  private pad(col: number): void {
    if (this.headerCells >= 0) this.padded[col] = true
  }

  private noteTooLong(bytes: number): void {
    if (!this.tooLong) this.tooLong = { row: this.recordRow, line: this.recordLine, bytes }
    else if (this.tooLong.row === this.recordRow && bytes > this.tooLong.bytes)
      this.tooLong = { ...this.tooLong, bytes }
  }

  /** The cell ending at `end` is empty: no bytes, or just `""` (start -1: it began in an earlier chunk). */
  private emptyCell(chunk: Uint8Array, start: number, end: number): boolean {
    if (start >= 0) {
      if (end === start) return true
      return end - start === 2 && chunk[start] === QUOTE && chunk[start + 1] === QUOTE
    }
    if (this.headLen + end !== 2) return false
    let quotes = this.headQuotes
    for (let k = 0; k < end; k++) if (chunk[k] === QUOTE) quotes++
    return quotes === 2
  }

  private endRecord(bytes: number, cells: number, atCellStart: boolean, filled: number): void {
    if (bytes > this.maxRecordBytes) this.noteTooLong(bytes)
    const blank = bytes === 0 && cells === 1 && atCellStart
    if (this.headerCells < 0) {
      this.headerCells = cells
      this.used.length = 0
    } else if (blank) this.odd.push({ row: this.row, line: this.recordLine, cells: 0 })
    else {
      this.records++
      // A row ending in empty cells past the header's (a trailing comma from Excel) is read by DuckDB
      // as the header's cells, so it is not odd here either.
      const read = cells > this.headerCells && filled <= this.headerCells ? this.headerCells : cells
      if (read !== this.headerCells) this.odd.push({ row: this.row, line: this.recordLine, cells })
    }
    this.row++
    this.recordRow = this.row
    this.recordLine = this.line + 1
  }

  finish(): CsvScan {
    const trailingBreak =
      this.recordBytes === 0 && this.atCellStart && this.cells === 1 && !this.inQuotes && this.line > 1
    const openQuote = this.inQuotes && !this.quotePending
    // The record holding the open quote starts where the quote's record did, not where the file ends.
    const opened = { row: this.recordRow, line: this.recordLine }
    if (this.quotePending) this.inQuotes = false
    if (this.quotePending && this.closePadded) this.pad(this.cells - 1)
    else if (!this.inQuotes && spaceEnds(this.t1, this.t2, this.t3)) this.pad(this.cells - 1)
    if (this.recordBytes > 0 || !this.atCellStart || this.cells > 1 || this.inQuotes) {
      const lastEmpty = this.atCellStart || (this.headLen === 2 && this.headQuotes === 2)
      if (!lastEmpty) this.used[this.cells - 1] = true
      this.endRecord(
        this.recordBytes,
        this.cells,
        this.atCellStart && this.recordBytes === 0,
        lastEmpty ? this.filled : this.cells,
      )
    }
    const out: CsvScan = {
      records: this.records,
      lines: trailingBreak ? this.line - 1 : this.line,
      headerCells: Math.max(this.headerCells, 0),
      odd: this.odd,
      paddedColumns: this.padded.flatMap((p, i) => (p ? [i] : [])),
      emptyColumns: Array.from({ length: Math.max(this.headerCells, 0) }, (_, i) => i).filter(
        (i) => this.used[i] !== true,
      ),
      ...(this.tooLong ? { tooLong: this.tooLong } : {}),
      ...(openQuote ? { openQuote: opened } : {}),
    }
    return out
  }
}
