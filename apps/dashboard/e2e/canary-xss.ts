/**
 * A data folder whose imported strings are XSS canaries: the fixture publication, boundaries
 * imported into data/geo/imported with hostile province/district names (name_en, name_lo) and a
 * hostile attribution (the partner-provided credit line), and served planning inputs
 * (data/planning/shelters.csv, cpn-coverage.csv) with a hostile shelter name and CPN coverage note,
 * plus one bad row each whose hostile cell the page lists among the import errors. Every string
 * must render as text: `window.__xss` stays undefined, no `<img src="x">` exists, no request for "x".
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { COMMITTED_BOUNDARIES } from "../server/serve.ts"
import { writeFixturePublication } from "./fixture.ts"
import { addPlanningTables } from "./planning-fixture.ts"

const PAYLOAD = `<img src=x onerror="window.__xss=1">"><script>window.__xss=1</script>`

/** One labelled canary per place, so a test can say which one showed up (or ran). */
export const XSS = {
  provinceEn: `XSS-province-en ${PAYLOAD}`,
  provinceLo: `XSS-ແຂວງ ${PAYLOAD}`,
  districtEn: `XSS-district-en ${PAYLOAD}`,
  attribution: `XSS-attribution (partner) ${PAYLOAD}`,
  shelterName: `XSS-shelter ${PAYLOAD}`,
  shelterBadCell: `XSS-shelter-places ${PAYLOAD}`,
  cpnNote: `XSS-cpn-note ${PAYLOAD}`,
  cpnBadCell: `XSS-cpn-status ${PAYLOAD}`,
} as const

/**
 * The map names areas the domain knows by the domain's labels; a file's name_en / name_lo shows for
 * areas it does not know. So the hostile names go both on LA01 / LA0101 (the labels the domain
 * overrides) and on one extra small area per level with a code the domain does not have, drawn last
 * (on top) in the north, where the tooltip shows the file's name.
 */
export const XSS_PROVINCE = "LA99"
export const XSS_DISTRICT = "LA9901"
const EXTRA: Record<string, string> = { provinces: XSS_PROVINCE, districts: XSS_DISTRICT }
const box = (lat: number, lon: number, r: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon - r, lat - r],
      [lon + r, lat - r],
      [lon + r, lat + r],
      [lon - r, lat + r],
      [lon - r, lat - r],
    ],
  ],
})

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

interface Collection {
  attribution?: string
  features: Array<{
    type?: string
    properties: { pcode: string; name_en?: string; name_lo?: string }
    geometry?: unknown
  }>
}

export async function writeXssDataRoot(): Promise<string> {
  const dataRoot = mkdtempSync(join(tmpdir(), "lao-protect-xss-"))
  await writeFixturePublication(dataRoot)
  await addPlanningTables(dataRoot)
  // "geo import": the same shapes, moved to imported/ with hostile names and attribution
  mkdirSync(join(dataRoot, "geo", "imported"), { recursive: true })
  for (const name of ["provinces", "districts", "countries"]) {
    let geo: Collection
    try {
      geo = JSON.parse(readFileSync(join(COMMITTED_BOUNDARIES, `${name}.geojson`), "utf8")) as Collection
    } catch {
      continue
    }
    geo.attribution = XSS.attribution
    for (const f of geo.features) {
      if (f.properties.pcode === "LA01") {
        f.properties.name_en = XSS.provinceEn
        f.properties.name_lo = XSS.provinceLo
      }
      if (f.properties.pcode === "LA0101") f.properties.name_en = XSS.districtEn
    }
    const extra = EXTRA[name]
    if (extra)
      geo.features.push({
        type: "Feature",
        properties: {
          pcode: extra,
          name_en: extra === XSS_PROVINCE ? XSS.provinceEn : XSS.districtEn,
          name_lo: XSS.provinceLo,
        },
        geometry: box(21.2, 102.3, 0.12),
      })
    writeFileSync(join(dataRoot, "geo", "imported", `${name}.geojson`), JSON.stringify(geo))
  }
  mkdirSync(join(dataRoot, "planning"), { recursive: true })
  writeFileSync(
    join(dataRoot, "planning", "shelters.csv"),
    [
      "shelter_id,name,province,district,places,operator,illustrative",
      `SH-X,${csvCell(XSS.shelterName)},LA01,LA0101,30,lwu,no`,
      `SH-Y,Shelter Y,LA01,LA0101,${csvCell(XSS.shelterBadCell)},lwu,no`,
      "",
    ].join("\n"),
  )
  writeFileSync(
    join(dataRoot, "planning", "cpn-coverage.csv"),
    [
      "district_code,district_name,province,status,since_year,source,illustrative",
      `LA0101,,LA01,active,2020,${csvCell(XSS.cpnNote)},no`,
      `LA0102,,LA01,${csvCell(XSS.cpnBadCell)},,x,no`,
      "",
    ].join("\n"),
  )
  return dataRoot
}
