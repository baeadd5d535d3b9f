/**
 * The publication's `official_stats.arrow` for the browser tests, until publish writes it: the
 * warehouse's GLOTIP test fixture imported with `importUnodcGlotip`, then exactly the rows
 * `officialStatsForPublication` selects (same SQL), as an Arrow IPC stream.
 */
import { writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { type NodeConnector, OfficialStats, openWarehouse } from "@lao-protect/warehouse/node"
import { tableToIPC } from "apache-arrow"

export const GLOTIP_FIXTURE = resolve(import.meta.dirname, "../../../data/fixtures/unodc/glotip-fixture.csv")

/** Load the published official statistics into `conn` as table `official_stats` (as the browser does). */
export async function loadOfficialStats(conn: NodeConnector): Promise<void> {
  const bytes = await officialStatsArrow()
  await conn.insertArrowIPC("official_stats", bytes)
}

export async function officialStatsArrow(): Promise<Uint8Array> {
  const db = await openWarehouse(":memory:", { config: { threads: "1" } })
  try {
    await OfficialStats.importUnodcGlotip(db, GLOTIP_FIXTURE)
    return tableToIPC(await db.arrow(OfficialStats.officialStatsPublicationSql, [null]), "stream")
  } finally {
    await db.close()
  }
}

/** Write `official_stats.arrow` into a release folder; returns the manifest `tables` entry. */
export async function writeOfficialStats(releaseDir: string) {
  const bytes = await officialStatsArrow()
  writeFileSync(join(releaseDir, "official_stats.arrow"), bytes)
  const db = await openWarehouse(":memory:", { config: { threads: "1" } })
  try {
    await db.insertArrowIPC("official_stats", bytes)
    const [row] = await db.query<{ n: number }>("SELECT CAST(count(*) AS INTEGER) AS n FROM official_stats")
    return { official_stats: { file: "official_stats.arrow", rows: row?.n ?? 0 } }
  } finally {
    await db.close()
  }
}
