/**
 * Requests for protected content (/data, /planning): when the server answers 401 the planner's
 * session has ended (8 hours, sign-out, a revoked token). That is never shown as missing data or
 * replaced by an example: the request fails with `SessionEnded` and the app asks to sign in again.
 */
export class SessionEnded extends Error {
  override readonly name = "SessionEnded"
  constructor(readonly url: string) {
    super(`${url}: the session has ended (HTTP 401)`)
  }
}

const listeners = new Set<() => void>()

/** Called once per 401 answer; returns the unsubscribe function. */
export const onSessionEnded = (listener: () => void): (() => void) => {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export async function fetchProtected(url: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, init)
  if (res.status === 401) {
    for (const listener of listeners) listener()
    throw new SessionEnded(url)
  }
  return res
}

/** The sign-in page, returning to where the planner is now. */
export const signInHref = (location: Pick<Location, "pathname" | "search" | "hash">): string =>
  `/login?next=${encodeURIComponent(`${location.pathname}${location.search}${location.hash}`)}`
