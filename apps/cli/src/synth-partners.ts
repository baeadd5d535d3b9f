import { mkdir, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { rawCsvText, Synth } from "@lao-protect/warehouse/node"

/**
 * `lao-protect synth --partners`: one register per partner (names and dates of birth included,
 * as the partner holds them) and `truth.csv` (record id, person, episode) for measuring linkage.
 */
export const writePartnerFiles = async (
  dir: string,
  options: Synth.MultiPartnerOptions,
): Promise<{ files: ReadonlyArray<string>; records: number }> => {
  await mkdir(dir, { recursive: true })
  const { tables, truth } = Synth.multiPartnerTables(options)
  const files: Array<string> = []
  for (const [partner, table] of tables) {
    const file = join(dir, `${partner}.csv`)
    await writeFile(file, rawCsvText(table))
    files.push(file)
  }
  await writeFile(
    join(dir, "truth.csv"),
    rawCsvText({
      header: ["record_id", "person", "episode"],
      rows: truth.map(([id, person, episode]) => [id, String(person), String(episode)]),
    }),
  )
  return { files, records: truth.length }
}
