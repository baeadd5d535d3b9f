/**
 * A small publication for the browser tests, written the way contracts.md section 3 lays it out
 * (release folder, manifest, facts.arrow, first_paint.json, then current.json), from the same
 * deterministic fixture cube the warehouse view tests use. Boundaries: the server's committed defaults
 * (apps/dashboard/boundaries), so every browser test draws the real shapes.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Publication } from "@lao-protect/warehouse"
import { type NodeConnector, openWarehouse } from "@lao-protect/warehouse/node"
import { loadFixtureFacts } from "@lao-protect/warehouse/testing"
import {
  DataType,
  Dictionary,
  Int16,
  Table,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from "apache-arrow"
import { suppress } from "../src/lib/suppress.ts"
import { writeOfficialStats } from "./official-fixture.ts"
import { writeQualityTables } from "./quality-fixture.ts"

export const FIXTURE_RELEASE = "fixture-0001"
export const THRESHOLD = 10
export const FLOW_THRESHOLD = 5

/** Open an in-memory DuckDB holding the fixture `facts` (the same data the served release holds). */
export async function openFixture(): Promise<NodeConnector> {
  const conn = await openWarehouse(":memory:", { config: { threads: "1" } })
  await loadFixtureFacts(conn)
  return conn
}

/** Text columns as Arrow dictionaries, as publish writes the cube (the dashboard loads their codes). */
const dictionaryEncoded = (table: Table): Table =>
  new Table(
    Object.fromEntries(
      table.schema.fields.map((f): [string, Vector] => {
        const column = table.getChild(f.name)!
        return [
          f.name,
          DataType.isUtf8(f.type)
            ? vectorFromArray([...column], new Dictionary(new Utf8(), new Int16()))
            : column,
        ]
      }),
    ),
  )

export async function writeFixturePublication(dataRoot: string): Promise<void> {
  const conn = await openFixture()
  try {
    const dir = join(dataRoot, "published", "releases", FIXTURE_RELEASE)
    mkdirSync(dir, { recursive: true })
    const facts = await conn.arrow("SELECT * FROM facts ORDER BY year, province, district")
    writeFileSync(join(dir, "facts.arrow"), tableToIPC(dictionaryEncoded(facts), "stream"))
    const [{ cases, rows, y0, y1 } = { cases: 0, rows: 0, y0: 0, y1: 0 }] = await conn.query<{
      cases: number
      rows: number
      y0: number
      y1: number
    }>(
      "SELECT CAST(SUM(n) AS INTEGER) AS cases, CAST(count(*) AS INTEGER) AS rows, min(year) AS y0, max(year) AS y1 FROM facts",
    )
    const byProvince = await conn.query<{ province: string | null; n: number }>(
      "SELECT province, CAST(SUM(n) AS INTEGER) AS n FROM facts GROUP BY province ORDER BY province",
    )
    const firstPaint: Publication.FirstPaint = {
      contract: Publication.CONTRACT_VERSION,
      threshold: THRESHOLD,
      screen: "published",
      synthetic: true,
      years: [y0, y1],
      provinces: byProvince.flatMap((p) => {
        if (p.province === null) return []
        const cell = suppress(p.n, THRESHOLD)
        return {
          province: p.province,
          n: cell.kind === "value" ? cell.n : null,
          suppressed: cell.kind === "suppressed",
        }
      }),
    }
    writeFileSync(join(dir, "first_paint.json"), JSON.stringify(firstPaint))
    // Typed by the publication contract, so this hand-made release cannot drift from what publish writes.
    const manifest: Publication.Manifest = {
      contract: Publication.CONTRACT_VERSION,
      release: FIXTURE_RELEASE,
      createdAt: "2026-01-01T00:00:00.000Z",
      synthetic: true,
      syntheticCases: cases,
      // The proof the server checks (publish writes the recorded synth inputs; this fixture is synthetic by construction).
      syntheticInputs: [{ sha256: "f".repeat(64), seed: 0, cases }],
      tier: "planners",
      screen: "published",
      threshold: THRESHOLD,
      flowThreshold: FLOW_THRESHOLD,
      inputs: [],
      counts: { cases, facts: rows },
      suppressedCells: 0,
      decisions: [],
      // official statistics (UNODC GLOTIP fixture) until publish carries them; the app tolerates their absence
      tables: {
        facts: { file: "facts.arrow", rows },
        ...(await writeOfficialStats(dir)),
        // planners tier: the data-quality tables as publish writes them
        ...(await writeQualityTables(dir, THRESHOLD)),
      },
    }
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2))
    writeFileSync(join(dataRoot, "published", "current.json"), JSON.stringify({ release: FIXTURE_RELEASE }))
  } finally {
    await conn.close()
  }
}
