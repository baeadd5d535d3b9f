/**
 * A corpus of hostile files, generated at test time in a temp folder (nothing big is committed):
 * formula injection, a 100 MB line, zip bombs disguised as .xlsx (declared and actual sizes),
 * invalid UTF-8, mixed Lao/Thai/Vietnamese scripts, BOM + CRLF, 10,000 columns. Every file either
 * imports with reconciled counts and per-row reasons, or fails with one clear file-level ImportError.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { strToU8, zipSync } from "fflate"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { neutraliseCsvCell } from "../../src/node/import/csv-text.ts"
import { ImportError, importFile } from "../../src/node/import/import-file.ts"
import { readXlsx, XlsxError } from "../../src/node/import/xlsx.ts"
import { type NodeConnector, openWarehouse } from "../../src/node/index.ts"
import { domainModel } from "../../src/node/schema/domain-model.ts"
import { writeXlsx } from "../helpers/xlsx-writer.ts"

const HEADER = [
  "case_id",
  "source",
  "identification_date",
  "victim_group",
  "sex",
  "citizenship",
  "exploitation_form",
  "victim_name",
  "notes",
]
const row = (id: string, name = "", notes = "", sex = "female") => [
  id,
  "lwu",
  "2024-01-15",
  "local_lao",
  sex,
  "LAO",
  "forced_labour",
  name,
  notes,
]
const csvCell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)
const csv = (rows: ReadonlyArray<ReadonlyArray<string>>, eol = "\n") =>
  rows.map((r) => r.map(csvCell).join(",")).join(eol) + eol

let dir: string
let db: NodeConnector
const model = domainModel()
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lp-nasty-"))
  db = await openWarehouse(join(dir, "w.duckdb"))
})
afterEach(async () => {
  await db.close()
})
const write = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}
const timed = async <T>(f: () => Promise<T>) => {
  const t = Date.now()
  const r = await f()
  return { r, ms: Date.now() - t }
}
/** A file-level failure: an ImportError with a short, readable message, and nothing imported. */
const expectFileError = async (file: string, pattern: RegExp) => {
  const e = await importFile(db, { file, model }).then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(ImportError)
  expect((e as Error).message).toMatch(pattern)
  expect(Number((await db.query<{ n: number }>("SELECT count(*) AS n FROM cases"))[0]!.n)).toBe(0)
}

describe("nasty files", () => {
  it("formula cells are kept as data in the warehouse and neutralised in rejected.csv", async () => {
    const formula = '=HYPERLINK("http://x","click")'
    const file = write(
      "inject.csv",
      csv([
        HEADER,
        row("F1", "+cmd|' /C calc'!A0", formula),
        row("F2", "@SUM(1+1)", "-2+3", "F"),
        row("F3", "", formula, "=1+1"),
      ]),
    )
    const r = await importFile(db, { file, model })
    expect([r.rowsRead, r.accepted, r.rejected]).toEqual([3, 1, 2])
    const kept = await db.query<{ victim_name: string; notes: string }>(
      "SELECT victim_name, notes FROM cases WHERE case_id = 'F1'",
    )
    expect(kept[0]).toEqual({ victim_name: "+cmd|' /C calc'!A0", notes: formula })
    const rejected = readFileSync(r.rejectedFile!, "utf8").replace(/^\ufeff/, "")
    // No cell of the CSV the project writes starts with a formula character.
    const cells = rejected.split(/\r\n/).flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/))
    for (const c of cells) expect(c.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/)
    expect(rejected).toContain("'=1+1")
    expect(rejected).toContain("'@SUM(1+1)")
    expect(neutraliseCsvCell(formula)).toBe(`'${formula}`)
  })

  it("a row with a 100 MB cell: one clear file-level error, quickly, not a hang", async () => {
    const file = join(dir, "long.csv")
    const fd = openSync(file, "w")
    writeSync(
      fd,
      `${HEADER.join(",")}\n${csv([row("OK1")])}L1,lwu,2024-01-15,local_lao,female,LAO,forced_labour,,`,
    )
    const chunk = Buffer.alloc(1 << 20, 0x61)
    for (let i = 0; i < 100; i++) writeSync(fd, chunk)
    writeSync(fd, `\n${csv([row("OK2")])}`)
    closeSync(fd)
    const { ms } = await timed(() =>
      expectFileError(file, /row 3 is 100\.0 MiB long.{0,250}nothing was imported$/s),
    )
    expect(ms).toBeLessThan(60_000)
  })

  it("a zip bomb that declares its size is refused before inflating", () => {
    // A header that declares 300 MB without the bytes: the reader must trust nothing bigger than its limit.
    const small = writeXlsx([{ name: "S", rows: [HEADER, row("Z1")] }])
    const patched = patchDeclaredSize(small, "xl/worksheets/sheet1.xml", 300 * 1024 * 1024)
    expect(() => readXlsx(patched)).toThrow(XlsxError)
    expect(() => readXlsx(patched)).toThrow(/declares|too large|size limit|not a readable/)
  })

  it("a zip bomb that lies about its size inflates no further than it declares", async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024)
    const bomb = zipSync(
      {
        "xl/workbook.xml": strToU8(
          '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
        "xl/_rels/workbook.xml.rels": strToU8(
          '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
        "xl/worksheets/sheet1.xml": zeros,
      },
      { level: 9 },
    )
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const lying = patchDeclaredSize(bomb, "xl/worksheets/sheet1.xml", 1000)
    const before = process.memoryUsage().arrayBuffers
    // fflate inflates into a buffer of the declared size: the 64 MiB of zeros never exist.
    let rows = -1
    try {
      rows = readXlsx(lying, undefined, { maxEntryBytes: 8 * 1024 * 1024 }).rows.length
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxError)
    }
    expect(rows).toBeLessThanOrEqual(0)
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024)
    await expectFileError(write("lying.xlsx", lying), /empty|readable|size|declares/)
  })

  it("a zip bomb named .xlsx fails the import with one clear file-level error", async () => {
    const small = writeXlsx([{ name: "S", rows: [HEADER, row("Z1")] }])
    await expectFileError(
      write("bomb.xlsx", patchDeclaredSize(small, "xl/worksheets/sheet1.xml", 2 ** 31)),
      /declares|too large|size limit|readable/,
    )
    await expectFileError(write("text.xlsx", "this is not a zip"), /not a readable \.xlsx/)
  })

  it.each([
    ["csv", (bad: Buffer) => Buffer.concat([Buffer.from(`${HEADER.join(",")}\n`), bad, Buffer.from("\n")])],
    ["json", (bad: Buffer) => Buffer.concat([Buffer.from('[{"case_id":"'), bad, Buffer.from('"}]')])],
    ["ndjson", (bad: Buffer) => Buffer.concat([Buffer.from('{"case_id":"'), bad, Buffer.from('"}\n')])],
  ])("invalid UTF-8 in %s: one clear file-level error", async (ext, make) => {
    const bad = Buffer.from([0x41, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80])
    await expectFileError(write(`bad.${ext}`, make(bad)), /not UTF-8/)
  })

  it("Lao, Thai and Vietnamese text (combining marks, NFD) survive byte for byte, with BOM and CRLF", async () => {
    const texts = [
      "ນາງ ສີສຸກ ແກ້ວມະນີ", // Lao
      "นางสาว สมศรี ใจดี", // Thai
      "Nguyễn Thị Hồng", // Vietnamese, NFC
      "Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng", // Vietnamese, NFD
      "ບ້ານ ໜອງບົວ / บ้านหนองบัว / Bản Nông Bua ✓ 🇱🇦",
    ]
    const rows = texts.map((t, i) => row(`U${i}`, t, `${t}\u200b;${t}`))
    const file = write("scripts.csv", `\ufeff${csv([HEADER, ...rows], "\r\n")}`)
    const r = await importFile(db, { file, model })
    expect([r.accepted, r.rejected]).toEqual([texts.length, 0])
    const got = await db.query<{ case_id: string; victim_name: string; notes: string }>(
      "SELECT case_id, victim_name, notes FROM cases ORDER BY case_id",
    )
    got.forEach((g, i) => {
      expect(Buffer.from(g.victim_name)).toEqual(Buffer.from(texts[i]!))
      expect(Buffer.from(g.notes)).toEqual(Buffer.from(`${texts[i]}\u200b;${texts[i]}`))
    })
    // The same through xlsx and NDJSON.
    const db2 = await openWarehouse(":memory:")
    try {
      const x = await importFile(db2, {
        file: write("scripts.xlsx", writeXlsx([{ name: "S", rows: [HEADER, ...rows] }])),
        model,
      })
      expect(x.accepted).toBe(texts.length)
      const nd = rows
        .map((r) => JSON.stringify(Object.fromEntries(HEADER.map((h, i) => [h, r[i]]))))
        .join("\r\n")
      const n = await importFile(db2, { file: write("scripts.ndjson", `\ufeff${nd}\r\n`), model })
      expect([n.accepted, n.updated]).toEqual([texts.length, texts.length]) // the same cases again: updates
      const names = await db2.query<{ victim_name: string }>("SELECT victim_name FROM cases ORDER BY case_id")
      expect(names.map((x) => x.victim_name)).toEqual(texts)
    } finally {
      await db2.close()
    }
  })

  it("10,000 columns: imports the known ones, lists the rest as ignored, no hang", async () => {
    // Long partner-style names: the header line alone is over 64 KiB.
    const extra = Array.from({ length: 10_000 - HEADER.length }, (_, i) => `partner_extra_column_${i}`)
    const line = [...row("W1"), ...extra.map(() => "v")]
    const file = write("wide.csv", csv([[...HEADER, ...extra], line]))
    const { r, ms } = await timed(() => importFile(db, { file, model }))
    expect(ms).toBeLessThan(60_000)
    expect([r.rowsRead, r.accepted]).toEqual([1, 1])
    expect(r.ignoredHeaders.length).toBe(extra.length)
  })
})

/** Rewrite the uncompressed size of one entry in both the local header and the central directory. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip)
  const view = new DataView(out.buffer)
  const target = Buffer.from(name)
  for (let i = 0; i + 4 < out.length; i++) {
    const sig = view.getUint32(i, true)
    if (sig === 0x04034b50) {
      const nameLen = view.getUint16(i + 26, true)
      if (Buffer.from(out.subarray(i + 30, i + 30 + nameLen)).equals(target))
        view.setUint32(i + 22, size >>> 0, true)
    } else if (sig === 0x02014b50) {
      const nameLen = view.getUint16(i + 28, true)
      if (Buffer.from(out.subarray(i + 46, i + 46 + nameLen)).equals(target))
        view.setUint32(i + 24, size >>> 0, true)
    }
  }
  return out
}
