/**
 * A small .xlsx writer (fflate): text cells in a shared-string table, one or more sheets, a bold-free
 * minimal styles part, nothing else. Shared by the exports (HTCDS sheets, the XLSForm). Cells are
 * always text, never formulas, so nothing a partner wrote can run when the file is opened.
 * Not a spreadsheet library: no numbers, dates, styles or column widths.
 */
import { strToU8, zipSync } from "fflate"

export interface SheetData {
  readonly name: string
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
}

/** Characters XML 1.0 cannot hold (they are dropped). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot hold these; finding them is the point
export const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

const esc = (s: string): string =>
  s
    .replace(NOT_XML, "")
    // A literal "_xHHHH_" would be read back as an escaped character; escape its underscore (ECMA-376).
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")

export const columnName = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : columnName(Math.floor(i / 26) - 1) + columnName(i % 26)

/** Excel's limits on sheet names: 1-31 characters, none of : \ / ? * [ ]. */
const checkSheetName = (name: string): void => {
  if (name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name))
    throw new Error(`invalid sheet name: ${JSON.stringify(name)}`)
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

export function writeXlsx(sheets: ReadonlyArray<SheetData>): Uint8Array {
  if (sheets.length === 0) throw new Error("a workbook needs at least one sheet")
  const names = new Set<string>()
  for (const s of sheets) {
    checkSheetName(s.name)
    if (names.has(s.name.toLowerCase())) throw new Error(`duplicate sheet name: ${s.name}`)
    names.add(s.name.toLowerCase())
  }
  const shared: Array<string> = []
  const index = new Map<string, number>()
  const sst = (s: string): number => {
    let i = index.get(s)
    if (i === undefined) {
      i = shared.length
      shared.push(s)
      index.set(s, i)
    }
    return i
  }
  const worksheets = sheets.map((sheet) => {
    const rows = sheet.rows
      .map((row, r) => {
        const cells = row
          .map((value, c) =>
            value === "" ? "" : `<c r="${columnName(c)}${r + 1}" t="s"><v>${sst(value)}</v></c>`,
          )
          .join("")
        return `<row r="${r + 1}">${cells}</row>`
      })
      .join("")
    return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData></worksheet>`
  })
  let count = 0
  for (const s of sheets) for (const row of s.rows) for (const v of row) if (v !== "") count++
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `</Types>`,
    ),
    "_rels/.rels": strToU8(
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
        .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${XML}<Relationships xmlns="${PKG_REL}">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          "",
        )}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        `<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>` +
        `<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>`,
    ),
    "xl/sharedStrings.xml": strToU8(
      `${XML}<sst xmlns="${MAIN}" count="${count}" uniqueCount="${shared.length}">${shared
        .map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`)
        .join("")}</sst>`,
    ),
  }
  worksheets.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)
  })
  return zipSync(files, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") })
}
