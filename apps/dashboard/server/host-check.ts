/**
 * DNS rebinding: a page on another site can point its own name at 127.0.0.1 and read whatever a
 * local server answers. The server answers only requests whose `Host` names an address it is bound
 * to (the loopback names when bound to loopback; the machine's addresses when bound to all of
 * them), plus names the operator lists (`--allowed-host`, e.g. an HTTPS proxy's name).
 */
import type { IncomingMessage } from "node:http"
import { networkInterfaces } from "node:os"
import { isLoopback } from "./access.ts"

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1"]
const ALL_INTERFACES = new Set(["0.0.0.0", "::", ""])

/** The host names (no port) a server bound to `bindHost` answers to. */
export const allowedHostnames = (
  bindHost: string,
  extra: ReadonlyArray<string> = [],
): ReadonlySet<string> => {
  const names = new Set<string>(extra.map((h) => h.toLowerCase()))
  names.add(bindHost.toLowerCase())
  if (isLoopback(bindHost)) for (const n of LOOPBACK_NAMES) names.add(n)
  if (ALL_INTERFACES.has(bindHost)) {
    for (const n of LOOPBACK_NAMES) names.add(n)
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) names.add(a.address.toLowerCase())
  }
  return names
}

/** The host name of a `Host` header (brackets of an IPv6 literal removed), or null when malformed. */
export const hostnameOf = (header: string | undefined): string | null => {
  if (!header) return null
  const m = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9._-]+))(?::(\d{1,5}))?$/i.exec(header.trim())
  if (!m) return null
  return (m[1] ?? m[2] ?? "").toLowerCase()
}

/** Does the request's `Host` name this server (any port: the socket already decided which)? */
export const hostAllowed = (req: IncomingMessage, allowed: ReadonlySet<string>): boolean => {
  const name = hostnameOf(req.headers.host)
  return name !== null && allowed.has(name)
}
