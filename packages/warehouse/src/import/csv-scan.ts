/**
 * An independent count of a CSV file's records, fed the same chunks as the SHA-256 (one read of the
 * file). DuckDB's `read_csv` can drop a record silently (a last line longer than `max_line_size`),
 * so the importer checks its staging table against this count: every physical record is either a
 * staged row, a row with the wrong number of cells (rejected with a reason), or a blank line.
 *
 * The grammar is RFC 4180 as DuckDB reads it with `quote = '"', escape = '"'`: a quote opens a
 * quoted cell only at the start of a cell, `""` inside quotes is a quote, line breaks inside quotes
 * belong to the cell. Lines (physical line breaks) and records are counted separately.
 */

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

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
}

export class CsvScanner {
  private readonly delim: number
  private inQuotes = false
  /** Inside quotes, a quote was seen as the last byte of a chunk: escape or close, decided by the next byte. */
  private quotePending = false
  private atCellStart = true
  private prevCr = false
  private cells = 1
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
    let line = this.line
    let start = i - this.recordBytes // virtual start offset of the current record in this chunk
    if (this.prevCr && i < n) {
      this.prevCr = false
      if (chunk[i] === LF) {
        i++ // the LF of a CRLF split between chunks
        start = i
      }
    }
    if (this.quotePending && i < n) {
      this.quotePending = false
      if (chunk[i] === QUOTE)
        i++ // "" inside quotes
      else inQuotes = false
    }
    for (; i < n; i++) {
      const b = chunk[i]!
      if (b > plain) {
        if (!inQuotes) atCellStart = false
        continue
      }
      if (inQuotes) {
        if (b === QUOTE) {
          if (i + 1 < n) {
            if (chunk[i + 1] === QUOTE) i++
            else inQuotes = false
          } else this.quotePending = true
        } else if (b === LF) line++
        // A bare CR (old Mac line break) counts when the next byte is known: not at a chunk's end.
        else if (b === CR && i + 1 < n && chunk[i + 1] !== LF) line++
        continue
      }
      if (b === LF || b === CR) {
        this.line = line
        this.endRecord(i - start, cells, atCellStart)
        if (b === CR) {
          if (i + 1 === n) this.prevCr = true
          else if (chunk[i + 1] === LF) i++
        }
        cells = 1
        atCellStart = true
        start = i + 1
        line++
        continue
      }
      if (b === delim) {
        cells++
        atCellStart = true
      } else if (b === QUOTE && atCellStart) {
        inQuotes = true
        atCellStart = false
      } else atCellStart = false
    }
    this.line = line
    this.inQuotes = inQuotes
    this.atCellStart = atCellStart
    this.cells = cells
    this.recordBytes = n - start
    if (this.recordBytes > this.maxRecordBytes) this.noteTooLong(this.recordBytes)
  }

  private noteTooLong(bytes: number): void {
    if (!this.tooLong) this.tooLong = { row: this.recordRow, line: this.recordLine, bytes }
    else if (this.tooLong.row === this.recordRow && bytes > this.tooLong.bytes)
      this.tooLong = { ...this.tooLong, bytes }
  }

  private endRecord(bytes: number, cells: number, atCellStart: boolean): void {
    if (bytes > this.maxRecordBytes) this.noteTooLong(bytes)
    const blank = bytes === 0 && cells === 1 && atCellStart
    if (this.headerCells < 0) this.headerCells = cells
    else if (blank) this.odd.push({ row: this.row, line: this.recordLine, cells: 0 })
    else {
      this.records++
      if (cells !== this.headerCells) this.odd.push({ row: this.row, line: this.recordLine, cells })
    }
    this.row++
    this.recordRow = this.row
    this.recordLine = this.line + 1
  }

  finish(): CsvScan {
    const trailingBreak =
      this.recordBytes === 0 && this.atCellStart && this.cells === 1 && !this.inQuotes && this.line > 1
    const openQuote = this.inQuotes && !this.quotePending
    if (this.quotePending) this.inQuotes = false
    if (this.recordBytes > 0 || !this.atCellStart || this.cells > 1 || this.inQuotes)
      this.endRecord(this.recordBytes, this.cells, this.atCellStart && this.recordBytes === 0)
    const out: CsvScan = {
      records: this.records,
      lines: trailingBreak ? this.line - 1 : this.line,
      headerCells: Math.max(this.headerCells, 0),
      odd: this.odd,
      ...(this.tooLong ? { tooLong: this.tooLong } : {}),
      ...(openQuote ? { openQuote: { row: this.recordRow - 1, line: this.recordLine } } : {}),
    }
    return out
  }
}
