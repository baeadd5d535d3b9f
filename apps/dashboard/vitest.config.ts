import { defineProject } from "vitest/config"

/** Unit tests: no browser, no build. The browser specs are `vitest.e2e.config.ts` (`pnpm test:e2e`). */
export default defineProject({
  test: {
    name: "dashboard",
    environment: "node",
    include: ["test/**/*.test.ts"],
    // one module graph per worker for every file: loading anew per file was a third to half of the time
    isolate: false,
    testTimeout: 60_000,
  },
})
