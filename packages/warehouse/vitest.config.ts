import { defineProject } from "vitest/config"

/** Slow end-to-end checks, run by `pnpm test:e2e` (vitest.e2e.config.ts) and by `pnpm test`. */
export const E2E = ["test/hardening/crash.test.ts"]

export default defineProject({
  test: {
    name: "warehouse",
    include: ["test/**/*.test.ts"],
    // one module graph per worker for every file: loading anew per file was a third to half of the time
    isolate: false,
    exclude: ["**/node_modules/**", ...E2E],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
