/**
 * Proof that data are synthetic: `lao-protect synth` records the SHA-256 of each file it writes in
 * the warehouse it writes for, after checking the bytes on disk are the ones it generated. Publish
 * counts a case as synthetic only when the import that loaded it read such bytes; a `SYN-` id or a
 * `.meta.json` sidecar next to a partner's file proves nothing.
 */
import { createHash } from "node:crypto"
import { createReadStream } from "node:fs"
import { basename } from "node:path"
import type { NodeConnector } from "../NodeConnector.ts"
import { fixedTables } from "../schema/ddl.ts"
import recordSql from "./record_synthetic_input.sql?raw"
import type { SynthResult } from "./write.ts"

const sha256OfFile = async (file: string): Promise<string> => {
  const hash = createHash("sha256")
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest("hex")
}

export class SyntheticProofError extends Error {
  override readonly name = "SyntheticProofError"
}

/** Record `result.file` as synthetic in `db` (idempotent). Fails if the file changed since synth wrote it. */
export const recordSyntheticFile = async (db: NodeConnector, result: SynthResult): Promise<void> => {
  const onDisk = await sha256OfFile(result.file)
  if (onDisk !== result.meta.sha256)
    throw new SyntheticProofError(
      `${basename(result.file)} changed after synth wrote it: it was not recorded as synthetic`,
    )
  await db.exec(fixedTables)
  await db.query(recordSql, [onDisk, basename(result.file), result.meta.seed, result.meta.cases])
}
