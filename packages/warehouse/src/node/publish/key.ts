/**
 * The secret key for case pseudonyms (HMAC-SHA256). Created on first publish under data/warehouse/
 * (git-ignored), readable only by its owner, never published. Losing it only means new pseudonyms.
 */
import { randomBytes } from "node:crypto"
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises"
import { dirname } from "node:path"

export const readOrCreateKey = async (keyFile: string): Promise<Buffer> => {
  try {
    const hex = (await readFile(keyFile, "utf8")).trim()
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`key file ${keyFile} is not 32 bytes of hex`)
    return Buffer.from(hex, "hex")
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e
  }
  await mkdir(dirname(keyFile), { recursive: true })
  const key = randomBytes(32)
  // `wx`: if two publishes race, one fails instead of silently replacing the other's key.
  await writeFile(keyFile, `${key.toString("hex")}\n`, { flag: "wx", mode: 0o600 })
  await chmod(keyFile, 0o600)
  return key
}

/** The two padded keys of HMAC-SHA256 (RFC 2104), as hex, for the SQL that computes it. */
export const hmacPads = (key: Buffer): { inner: string; outer: string } => {
  const block = Buffer.alloc(64)
  key.copy(block)
  const inner = Buffer.alloc(64)
  const outer = Buffer.alloc(64)
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i]! ^ 0x36
    outer[i] = block[i]! ^ 0x5c
  }
  return { inner: inner.toString("hex"), outer: outer.toString("hex") }
}
