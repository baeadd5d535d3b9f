/**
 * The one Content-Security-Policy, sent as an HTTP header by the server and written into index.html's
 * meta tag at build time (a test checks both). Same origin only: no CDN, no tiles,
 * no extension server. 'wasm-unsafe-eval' lets DuckDB-WASM compile its module; `worker-src 'self'`
 * runs its self-hosted worker. style-src is 'self' only: Leaflet, Recharts and React set styles through
 * the CSSOM (element.style), which CSP does not block, and no component writes a style attribute as
 * markup; the browser tests fail on any securitypolicyviolation, so a library that starts doing so is
 * caught (the fallback would be 'unsafe-inline' for style-src only, never for scripts).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ")

/** The header adds what a meta tag cannot carry (browsers ignore frame-ancestors in meta). */
export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`

/**
 * The sign-in page (server/login.ts) has no script at all, one same-origin stylesheet, the app's
 * self-hosted font and a form that posts to the same origin. It is the only page where a form may
 * be submitted: the app keeps `form-action 'none'`.
 */
export const LOGIN_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ")
