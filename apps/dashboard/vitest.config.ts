import { defineProject } from "vitest/config"

/** Unit tests: no browser, no build. The browser specs are `vitest.e2e.config.ts` (`pnpm test:e2e`). */
export default defineProject({
  test: {
    name: "dashboard",
    environment: "node",
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
  },
})
