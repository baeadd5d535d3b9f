/** Access tokens for the planners tier: scrypt-hashed, shown once, failures logged without the token. */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { createToken, readAccessFile, revokeToken, verifyAccess } from "../../src/node/access/index.ts"

const setup = () => {
  const dir = mkdtempSync(join(tmpdir(), "lp-access-"))
  return {
    dir,
    accessFile: join(dir, "warehouse", "access.json"),
    logFile: join(dir, "warehouse", "access.log"),
  }
}
const log = (file: string) =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { time: string; ip: string; reason: string })

describe("access tokens", () => {
  it("a created token verifies; only its scrypt hash is stored, in a file only the owner can read", async () => {
    const paths = setup()
    const { id, token } = await createToken(paths.accessFile, "planners", { label: "MLSW laptop 3" })
    expect(token).toMatch(/^lpt_[0-9a-f]{16}_/)
    const stored = readFileSync(paths.accessFile, "utf8")
    // the secret is base64url, so it may hold "_" itself: everything after the id
    const secret = token.split("_").slice(2).join("_")
    expect(secret).toHaveLength(43)
    expect(stored).not.toContain(secret)
    expect(statSync(paths.accessFile).mode & 0o777).toBe(0o600)
    expect((await readAccessFile(paths.accessFile)).tokens[0]).toMatchObject({ id, tier: "planners" })
    expect(await verifyAccess({ authorization: `Bearer ${token}` }, paths, { ip: "127.0.0.1" })).toEqual({
      ok: true,
      tier: "planners",
      tokenId: id,
    })
    // Fetch-style headers work too.
    expect((await verifyAccess(new Headers({ Authorization: `Bearer ${token}` }), paths)).ok).toBe(true)
  })

  it("every failure is refused and logged with time, ip and reason, never the token", async () => {
    const paths = setup()
    const { id, token } = await createToken(paths.accessFile, "planners")
    const wrong = `${token.slice(0, -4)}AAAA`
    const attempts: Array<[Record<string, string>, RegExp]> = [
      [{}, /no Authorization/],
      [{ authorization: `Basic ${Buffer.from("a:b").toString("base64")}` }, /not a Bearer/],
      [{ authorization: "Bearer hunter2" }, /malformed/],
      [{ authorization: `Bearer ${wrong}` }, /wrong secret/],
      [{ authorization: `Bearer lpt_0000000000000000_${"A".repeat(43)}` }, /unknown token/],
    ]
    for (const [headers, reason] of attempts) {
      const r = await verifyAccess(headers, paths, { ip: "10.1.2.3" })
      expect(r.ok).toBe(false)
      expect(r.ok ? "" : r.reason).toMatch(reason)
    }
    await revokeToken(paths.accessFile, id)
    expect(await verifyAccess({ authorization: `Bearer ${token}` }, paths, { ip: "10.1.2.3" })).toMatchObject(
      {
        ok: false,
        reason: expect.stringMatching(/revoked/),
      },
    )
    const lines = log(paths.logFile)
    expect(lines).toHaveLength(attempts.length + 1)
    for (const l of lines) {
      expect(l.ip).toBe("10.1.2.3")
      expect(Date.parse(l.time)).toBeGreaterThan(0)
    }
    const text = readFileSync(paths.logFile, "utf8")
    expect(text).not.toContain(token.split("_").slice(2).join("_"))
    expect(text).not.toContain(wrong.split("_").slice(2).join("_"))
    expect(text).not.toContain("hunter2")
  })

  it("an access file that exists but cannot be read refuses, logging the kind of error (not its text)", async () => {
    const paths = setup()
    const { token } = await createToken(paths.accessFile, "planners")
    writeFileSync(paths.accessFile, '{"tokens": [ {"id": "oops"')
    const r = await verifyAccess({ authorization: `Bearer ${token}` }, paths, { ip: "10.1.2.3" })
    expect(r).toEqual({ ok: false, reason: "access file unreadable (SyntaxError)" })
    expect(log(paths.logFile).at(-1)?.reason).toBe("access file unreadable (SyntaxError)")
  })
})
