import react from "@vitejs/plugin-react"
import { defineConfig, type Plugin } from "vite"
import { CSP, CSP_HEADER } from "./server/csp.ts"

const cspMeta = (): Plugin => ({
  name: "lao-protect-csp-meta",
  transformIndexHtml: () => [
    {
      tag: "meta",
      attrs: { "http-equiv": "Content-Security-Policy", content: CSP },
      injectTo: "head-prepend",
    },
  ],
})

export default defineConfig({
  plugins: [react(), cspMeta()],
  // duckdb-wasm's worker and wasm are imported with `?url`; pre-bundling would drop them in dev.
  optimizeDeps: { exclude: ["@duckdb/duckdb-wasm"] },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        // DuckDB-WASM starts in a chunk of its own that the entry imports first, so it runs before
        // the chunks the entry shares with the pages (map, formats) evaluate (src/data/prestart.ts)
        manualChunks: (id) => (/\/src\/data\/prestart(Now)?\.ts$/.test(id) ? "prestart" : undefined),
      },
    },
  },
  server: { headers: { "Content-Security-Policy": CSP_HEADER } },
  preview: { headers: { "Content-Security-Policy": CSP_HEADER } },
})
