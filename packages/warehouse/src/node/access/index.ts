/**
 * Access tokens for the non-public tier of the publication (the planners' release with the facts
 * cube). A token is shown once, when created; only its scrypt hash is stored, in
 * data/warehouse/access.json (git-ignored, mode 600). `verifyAccess(headers, ...)` checks a request's
 * `Authorization: Bearer <token>` and appends every failure to data/warehouse/access.log (time, ip,
 * reason, never the token). The dashboard's server calls it before serving a planners-tier file;
 * see docs/privacy.md. It deliberately does no rate limiting or sessions: that is the server's job.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto"
import { appendFile, chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises"
import { dirname } from "node:path"
import { promisify } from "node:util"

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>

export type AccessTier = "planners"
export const accessTiers: ReadonlyArray<AccessTier> = ["planners"]

export interface TokenRecord {
  readonly id: string
  readonly tier: AccessTier
  readonly label: string
  readonly createdAt: string
  readonly salt: string
  readonly hash: string
  readonly scrypt: { readonly N: number; readonly r: number; readonly p: number }
  readonly revokedAt?: string
}

export interface AccessFile {
  readonly tokens: ReadonlyArray<TokenRecord>
}

export interface AccessPaths {
  /** data/warehouse/access.json */
  readonly accessFile: string
  /** data/warehouse/access.log */
  readonly logFile: string
}

const PARAMS = { N: 1 << 15, r: 8, p: 1 } as const
const KEYLEN = 32
const TOKEN_RE = /^lpt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/

const derive = (secret: string, salt: Buffer, params: { N: number; r: number; p: number }) =>
  scrypt(secret, salt, KEYLEN, { ...params, maxmem: 256 * params.N * params.r })

export const readAccessFile = async (file: string): Promise<AccessFile> => {
  try {
    const data = JSON.parse(await readFile(file, "utf8")) as AccessFile
    if (!Array.isArray(data.tokens)) throw new Error(`${file} has no "tokens" list`)
    return data
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { tokens: [] }
    throw e
  }
}

const writeAccessFile = async (file: string, data: AccessFile) => {
  await mkdir(dirname(file), { recursive: true })
  const tmp = `${file}.${randomBytes(4).toString("hex")}.tmp`
  await writeFile(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 })
  await rename(tmp, file)
  await chmod(file, 0o600)
}

/** Create a token for `tier`; the returned `token` is the only time it exists in clear. */
export async function createToken(
  accessFile: string,
  tier: AccessTier,
  options: { label?: string; now?: Date } = {},
): Promise<{ id: string; token: string }> {
  if (!accessTiers.includes(tier))
    throw new Error(`unknown tier "${tier}" (tiers: ${accessTiers.join(", ")})`)
  const id = randomBytes(8).toString("hex")
  const secret = randomBytes(32).toString("base64url")
  const salt = randomBytes(16)
  const hash = await derive(secret, salt, PARAMS)
  const data = await readAccessFile(accessFile)
  const record: TokenRecord = {
    id,
    tier,
    label: options.label ?? "",
    createdAt: (options.now ?? new Date()).toISOString(),
    salt: salt.toString("base64"),
    hash: hash.toString("base64"),
    scrypt: PARAMS,
  }
  await writeAccessFile(accessFile, { ...data, tokens: [...data.tokens, record] })
  return { id, token: `lpt_${id}_${secret}` }
}

export async function revokeToken(accessFile: string, id: string, now = new Date()): Promise<boolean> {
  const data = await readAccessFile(accessFile)
  let found = false
  const tokens = data.tokens.map((t) => {
    if (t.id !== id || t.revokedAt) return t
    found = true
    return { ...t, revokedAt: now.toISOString() }
  })
  if (found) await writeAccessFile(accessFile, { ...data, tokens })
  return found
}

export type AccessResult =
  | { readonly ok: true; readonly tier: AccessTier; readonly tokenId: string }
  | { readonly ok: false; readonly reason: string }

/** Node's IncomingHttpHeaders, a Fetch `Headers`, or a plain record. */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | ReadonlyArray<string> | undefined>>

const header = (headers: HeadersLike, name: string): string | undefined => {
  if (typeof (headers as { get?: unknown }).get === "function")
    return (headers as { get(n: string): string | null }).get(name) ?? undefined
  const rec = headers as Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  const key = Object.keys(rec).find((k) => k.toLowerCase() === name)
  const v = key === undefined ? undefined : rec[key]
  return Array.isArray(v) ? v[0] : (v as string | undefined)
}

/**
 * Check a request for access to `tier` (default planners). `ip` is the socket's address as the
 * server sees it (do not pass X-Forwarded-For unless a trusted proxy sets it). Every failure is
 * appended to the log file as one JSON line `{ time, ip, reason }`; the token never is.
 */
export async function verifyAccess(
  headers: HeadersLike,
  paths: AccessPaths,
  options: { ip?: string; tier?: AccessTier; now?: Date } = {},
): Promise<AccessResult> {
  const tier = options.tier ?? "planners"
  const fail = async (reason: string): Promise<AccessResult> => {
    const line = { time: (options.now ?? new Date()).toISOString(), ip: options.ip ?? "unknown", reason }
    await mkdir(dirname(paths.logFile), { recursive: true })
    await appendFile(paths.logFile, `${JSON.stringify(line)}\n`, { mode: 0o600 })
    return { ok: false, reason }
  }
  const auth = header(headers, "authorization")
  if (!auth) return fail("no Authorization header")
  const m = /^Bearer\s+(\S+)\s*$/i.exec(auth)
  if (!m) return fail("Authorization is not a Bearer token")
  const parts = TOKEN_RE.exec(m[1]!)
  if (!parts) return fail("malformed token")
  const [, id, secret] = parts
  let data: AccessFile
  try {
    data = await readAccessFile(paths.accessFile)
  } catch (e) {
    // A missing file is no tokens (readAccessFile); anything else refuses, naming the kind of error
    // (not its message, which may quote the file).
    return fail(
      `access file unreadable (${(e as NodeJS.ErrnoException).code ?? (e as Error).name ?? "error"})`,
    )
  }
  const record = data.tokens.find((t) => t.id === id)
  if (!record) return fail(`unknown token id ${id}`)
  const actual = await derive(secret!, Buffer.from(record.salt, "base64"), record.scrypt)
  const expected = Buffer.from(record.hash, "base64")
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    return fail(`wrong secret for token id ${id}`)
  if (record.revokedAt) return fail(`token id ${id} was revoked`)
  if (record.tier !== tier) return fail(`token id ${id} is for tier ${record.tier}, not ${tier}`)
  return { ok: true, tier: record.tier, tokenId: record.id }
}
