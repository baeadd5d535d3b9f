/**
 * The one Content-Security-Policy, sent as an HTTP header by the server and written into index.html's
 * meta tag at build time (a test checks both). Same origin only: no CDN, no tiles,
 * no extension server. 'wasm-unsafe-eval' lets DuckDB-WASM compile its module; `worker-src 'self'`
 * runs its self-hosted worker. style-src carries 'unsafe-inline' because Leaflet and Recharts set
 * inline style attributes on SVG and map panes; scripts stay strictly 'self'.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ")

/** The header adds what a meta tag cannot carry (browsers ignore frame-ancestors in meta). */
export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`
